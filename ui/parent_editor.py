"""One parent's job, pay and insurance — the facts the tax, maternity-allowance and training rules read —
and the changes of job or pay over time ("changes from date …" rows: case schema 2's ``jobs``).

The group's check box says whether the family has this parent (unticked = single-parent family). The
employer's average wage and re-employment training apply to the mother only, so only her editor shows them;
a father's values from a case file are kept as they were.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QEvent, QObject, QRect, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QGroupBox,
    QLabel,
    QPushButton,
    QStyle,
    QStyleOptionGroupBox,
    QVBoxLayout,
    QWidget,
)

from ui.date_field import DateField
from ui.form_rows import Rows, form_layout
from ui.i18n import tr
from ui.job_change_editor import JobChangeEditor, JobFields
from ui.number_field import NumberField

TITLE_GAP_PX = 6  # between the title's check box and the first field

# The case schema's limit (simulator.household.MAX_JOBS, the first job and the changes), not a policy figure.
MAX_JOBS = 40


class TitleRoom(QObject):
    """A group box's fields start below its title. A style sheet's larger check box (the kiosk's touch-sized one)
    or larger title text is drawn over the group's top padding, which does not grow with it: "母亲" was drawn
    over "工作单位性质", "Family" over "Hukou area". The group's layout gets the top margin the title needs."""

    def __init__(self, group: QGroupBox):
        super().__init__(group)
        self.group = group
        self.top_margin = group.layout().contentsMargins().top()
        group.installEventFilter(self)
        self.fit()

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if obj is self.group and event.type() in _RESTYLED:
            self.fit()
        return False

    def fit(self) -> None:
        group = self.group
        opt = QStyleOptionGroupBox()
        group.initStyleOption(opt)
        style, cc = group.style(), QStyle.ComplexControl.CC_GroupBox
        title = style.subControlRect(cc, opt, QStyle.SubControl.SC_GroupBoxLabel, group)
        if group.isCheckable():
            title = title.united(style.subControlRect(cc, opt, QStyle.SubControl.SC_GroupBoxCheckBox, group))
        contents = style.subControlRect(cc, opt, QStyle.SubControl.SC_GroupBoxContents, group)
        top = max(self.top_margin, title.bottom() + 1 + TITLE_GAP_PX - contents.top())
        margins = group.layout().contentsMargins()
        if margins.top() != top:
            margins.setTop(top)
            group.layout().setContentsMargins(margins)


def title_band(group: QGroupBox) -> QRect:
    """The band above a group's fields, across its title: where a click on a checkable group's title lands.
    Qt takes only the check box and the words themselves; with large text's padding (ui.large_text) the band
    is as tall as every other target, so a click anywhere in it counts."""
    opt = QStyleOptionGroupBox()
    group.initStyleOption(opt)
    style, cc = group.style(), QStyle.ComplexControl.CC_GroupBox
    title = style.subControlRect(cc, opt, QStyle.SubControl.SC_GroupBoxLabel, group).united(
        style.subControlRect(cc, opt, QStyle.SubControl.SC_GroupBoxCheckBox, group))
    contents = style.subControlRect(cc, opt, QStyle.SubControl.SC_GroupBoxContents, group)
    fields_top = contents.top() + (group.layout().contentsMargins().top() if group.layout() else 0)
    return QRect(0, 0, title.right() + 1 + TITLE_GAP_PX, max(fields_top, title.bottom() + 1))


class ParentEditor(QGroupBox):
    changed = Signal()
    rowsChanged = Signal()  # a change of job was added or removed: the form re-links the tab order

    def click_title(self) -> None:
        """What a click on the title does: tick or untick the parent."""
        if self.isEnabled():
            self.setChecked(not self.isChecked())  # (toggled tells the form)

    def mouseReleaseEvent(self, event) -> None:
        """A click in the title's band but outside what Qt itself takes (the box and the words) ticks the
        parent too: the whole band is the target (ui.large_text pads it to 60 px)."""
        pos = event.position().toPoint()
        opt = QStyleOptionGroupBox()
        self.initStyleOption(opt)
        own = self.style().hitTestComplexControl(QStyle.ComplexControl.CC_GroupBox, opt, pos, self)
        mine = own not in (QStyle.SubControl.SC_GroupBoxCheckBox, QStyle.SubControl.SC_GroupBoxLabel)
        if event.button() == Qt.MouseButton.LeftButton and mine and title_band(self).contains(pos) \
                and self.isEnabled():
            event.accept()
            QTimer.singleShot(0, self.click_title)  # (after Qt is done with this click)
            return
        super().mouseReleaseEvent(event)

    def __init__(self, role: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.role = role
        self.setCheckable(True)
        self._hidden: dict[str, Any] = {}
        self._first_from: str | None = None  # a first job's own start, kept as the case file had it
        self.change_rows: list[JobChangeEditor] = []
        # the first job, its changes right under it, then what is the parent's whatever the job
        form, rest = form_layout(), form_layout()
        self.rows, self.more_rows = Rows(form), Rows(rest)
        r = role
        self.job = JobFields(self.rows, f"{r}.jobs[0]", role == "mother")
        self.employer, self.insurance = self.job.employer, self.job.insurance
        self.salary, self.contributions, self.avg_wage = self.job.salary, self.job.contributions, self.job.avg_wage
        self.other = self.more_rows.add("win_other_deductions", NumberField(f"{r}.other_annual_deductions", "win_unit_yuan_year"),
                                   "win_tip_other_deductions")
        self.training = None
        if role == "mother":
            self.training = self.more_rows.add_check("win_training", QCheckBox(), "win_tip_training")
            self.course = self.more_rows.add(
                "win_course_subsidy", NumberField(f"{r}.training.course_subsidy", "win_unit_yuan", "win_course_range"),
                "win_tip_course_subsidy")
            self.days = self.more_rows.add("win_training_days", NumberField(f"{r}.training.days", "win_unit_days"),
                                      "win_tip_training_days")
            self.start = self.more_rows.add("win_training_start", DateField(f"{r}.training.start"), "win_tip_training_start")
            self._show_training(False)
        # a first job with a date of its own (from a case file): said, so no figure rests on something unseen
        self.first_since = QLabel()
        self.first_since.setWordWrap(True)
        self.first_since.hide()
        self._changes = QVBoxLayout()
        self._changes.setSpacing(6)
        self.add_change = QPushButton()
        box = QVBoxLayout(self)
        box.addWidget(self.first_since)
        box.addLayout(form)
        box.addLayout(self._changes)
        box.addWidget(self.add_change)
        box.addSpacing(TITLE_GAP_PX)  # the button is not glued to the next field's label
        box.addLayout(rest)
        for combo in self.job.combos():
            combo.chosen.connect(self._on_choice)
        for field in self.own_fields():
            field.edited.connect(self._on_edited)
        self.toggled.connect(self._on_present_toggled)
        self.add_change.clicked.connect(self._on_add_change_clicked)
        if self.training is not None:
            self.training.toggled.connect(self._on_training_toggled)
        self.title_room = TitleRoom(self)
        self.retranslate()

    # one slot per kind of field; each only says "the entry changed", the form reads it whole
    def _on_choice(self, _key: str) -> None:
        self.changed.emit()

    def _on_edited(self) -> None:
        self.changed.emit()

    def _on_present_toggled(self, _on: bool) -> None:
        self.changed.emit()

    def _on_training_toggled(self, on: bool) -> None:
        self._show_training(on)
        self.changed.emit()

    def _on_add_change_clicked(self) -> None:
        """A new change starts as the job before it, from the 1st of next month: the person types what changes."""
        previous = (self.change_rows[-1].data() if self.change_rows else self.job.data())
        row = self.add_change_row({**previous, "from": _next_month()})
        row.start.edit.setFocus()
        row.start.edit.selectAll()
        self.changed.emit()

    def _on_row_changed(self) -> None:
        self.changed.emit()

    def _on_remove_requested(self, row: JobChangeEditor) -> None:
        self.change_rows.remove(row)
        self._changes.removeWidget(row)
        row.hide()  # gone from the screen now; deleted when control returns to the event loop
        row.deleteLater()
        for i, other in enumerate(self.change_rows, start=1):
            other.set_index(i)
        self._update_state()
        self.rowsChanged.emit()
        self.changed.emit()
        (self.change_rows[-1].remove if self.change_rows else self.add_change).setFocus()

    def add_change_row(self, job: dict[str, Any]) -> JobChangeEditor:
        row = JobChangeEditor(self.role, len(self.change_rows) + 1, self)
        row.load(job)
        row.changed.connect(self._on_row_changed)
        row.removeRequested.connect(self._on_remove_requested)
        self.change_rows.append(row)
        self._changes.addWidget(row)
        self._update_state()
        self.rowsChanged.emit()
        return row

    def _clear_changes(self) -> None:
        while self.change_rows:
            row = self.change_rows.pop()
            self._changes.removeWidget(row)
            row.hide()
            row.deleteLater()

    def _update_state(self) -> None:
        self.add_change.setEnabled(len(self.change_rows) + 1 < MAX_JOBS)

    def _show_training(self, on: bool) -> None:
        """An unticked training box folds away: most mothers never need it."""
        for field in (self.course, self.days, self.start):
            self.more_rows.set_visible(field, on)

    def own_fields(self) -> list[NumberField | DateField]:
        out = [self.salary, self.contributions]
        if self.role == "mother":
            out.append(self.avg_wage)
        out.append(self.other)
        if self.role == "mother":
            out += [self.course, self.days, self.start]
        return out

    def fields(self) -> list[NumberField | DateField]:
        return [*self.own_fields(), *(f for row in self.change_rows for f in row.fields())]

    def label_groups(self) -> list[tuple[str, Rows]]:
        """The title and rows of each part of this parent's form, to name a field as on screen."""
        parent = tr("win_" + self.role)
        return [(parent, self.rows), (parent, self.more_rows),
                *((f"{parent} · {tr('win_job_change_n', n=row.index)}", row.rows) for row in self.change_rows)]

    def focus_chain(self) -> list[QWidget]:
        chain: list[QWidget] = [*self.job.focus_chain(), *(w for row in self.change_rows for w in row.focus_chain()),
                                self.add_change, self.other.edit]
        if self.role == "mother":
            chain += [self.training, self.course.edit, self.days.edit, self.start.edit]
        return chain

    def load(self, data: dict[str, Any] | None) -> None:
        """Show a parent's data (a Parent dumped as JSON, schema 2), or none."""
        self.setChecked(data is not None)
        data = data or {}
        first, *later = data.get("jobs") or [{}]
        self._first_from = first.get("from")
        self.first_since.setVisible(self._first_from is not None)
        self.job.load(first)
        self.retranslate_first_since()
        self.other.set_value(data.get("other_annual_deductions"))
        self._clear_changes()
        for job in later:
            self.add_change_row(job)
        self._update_state()
        if self.role == "mother":
            training = data.get("training")
            self.training.setChecked(training is not None)
            self._show_training(training is not None)
            training = training or {}
            self.course.set_value(training.get("course_subsidy"))
            self.days.set_value(training.get("days"))
            self.start.set_value(_date(training.get("start")))
            self._hidden = {}
        else:
            self._hidden = {"training": data["training"]} if data.get("training") is not None else {}
        self.rowsChanged.emit()

    def data(self) -> dict[str, Any] | None:
        if not self.isChecked():
            return None
        jobs = [{"from": self._first_from, **self.job.data()}, *(row.data() for row in self.change_rows)]
        out: dict[str, Any] = {"jobs": jobs, **self._hidden}
        if self.other.value() is not None:
            out["other_annual_deductions"] = self.other.value()
        if self.role == "mother" and self.training.isChecked():
            # left empty, a required figure is simply absent, so the model says "missing" at that field
            out["training"] = {k: f.value() for k, f in (("course_subsidy", self.course), ("days", self.days),
                                                          ("start", self.start)) if f.value() is not None}
        return out

    def retranslate_first_since(self) -> None:
        if self._first_from is not None:
            self.first_since.setText(tr("win_first_job_since", date=self._first_from))

    def retranslate(self) -> None:
        self.setTitle(tr("win_" + self.role))
        self.setAccessibleName(tr("win_" + self.role))
        self.setToolTip(tr("win_tip_parent_present"))
        self.rows.retranslate()
        self.more_rows.retranslate()
        self.job.retranslate()
        self.other.retranslate()
        if self.role == "mother":
            for field in (self.course, self.days, self.start):
                field.retranslate()
        self.retranslate_first_since()
        self.add_change.setText(tr("win_add_job_change"))
        self.add_change.setToolTip(tr("win_tip_add_job_change"))
        self.add_change.setAccessibleName(tr("win_add_job_change_for", role=tr("win_" + self.role)))
        for row in self.change_rows:
            row.retranslate()


_RESTYLED = frozenset({QEvent.Type.Polish, QEvent.Type.StyleChange, QEvent.Type.FontChange, QEvent.Type.Show})


def _date(value: Any) -> dt.date | None:
    return dt.date.fromisoformat(value) if isinstance(value, str) else value


def _next_month() -> str:
    """A first guess for a change: the 1st of next month (the field is selected, so the real date is typed over
    it)."""
    today = dt.date.today()
    return (dt.date(today.year + (today.month == 12), today.month % 12 + 1, 1)).isoformat()
