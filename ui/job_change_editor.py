"""One change of a parent's job or pay: from a date on, the employer, insurance, salary and contributions
(and for the mother her employer's average wage) are these. The model reads the periods (case schema 2's
``jobs``); a row's fields are ``<role>.jobs[i].…``, i counting the parent's first job as 0."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QEvent, QObject, Signal
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QStyle,
    QStyleOptionFrame,
    QVBoxLayout,
    QWidget,
)

from simulator import vocabulary
from ui.date_field import DateField
from ui.form_rows import Rows, form_layout
from ui.i18n import tr
from ui.key_combo import KeyCombo
from ui.number_field import NumberField

EMPLOYERS = tuple(vocabulary.EMPLOYERS)  # the model's own lists: one source for every enumeration
INSURANCE = vocabulary.INSURANCE
# The job fields each editor shows, and the one only the mother's shows (her allowance reads it).
JOB_FIELDS = ("employer", "insurance", "monthly_salary", "monthly_contributions")
MOTHER_ONLY = "employer_avg_monthly_wage"


WIDEST_DATE = "0000-00-00"  # (the digits of the font are of one width)
LINE_EDIT_MARGIN_PX = 2  # QLineEdit's own space each side of its text, inside the contents rect


class DateWidth(QObject):
    """Keeps a date field's box at least as wide as a whole date in its present font and style: a narrower one
    (a change of job's row, indented in its frame, at large text) showed "025-06-11" with its first digit cut
    off. Given that minimum, the form puts the field under its label when it does not fit beside it."""

    def __init__(self, edit: QLineEdit):
        super().__init__(edit)
        self.edit = edit
        edit.installEventFilter(self)
        self.fit()

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if obj is self.edit and event.type() in _RESTYLED:
            self.fit()
        return False

    def needed(self) -> int:
        edit = self.edit
        opt = QStyleOptionFrame()
        edit.initStyleOption(opt)
        text = edit.style().subElementRect(QStyle.SubElement.SE_LineEditContents, opt, edit)
        margins = edit.textMargins()
        chrome = edit.width() - text.width() + margins.left() + margins.right() + 2 * LINE_EDIT_MARGIN_PX
        return edit.fontMetrics().horizontalAdvance(WIDEST_DATE) + chrome + 1

    def fit(self) -> None:
        need = self.needed()
        if self.edit.minimumWidth() != need:
            self.edit.setMinimumWidth(need)


_RESTYLED = frozenset({QEvent.Type.Polish, QEvent.Type.StyleChange, QEvent.Type.FontChange, QEvent.Type.Show})


class JobFields:
    """A job's fields added to a form's rows: the same widgets for a parent's first job and for each change."""

    def __init__(self, rows: Rows, prefix: str, mother: bool):
        self.employer = rows.add("win_employer", KeyCombo(f"{prefix}.employer", EMPLOYERS), "win_tip_employer")
        self.insurance = rows.add("win_insurance", KeyCombo(f"{prefix}.insurance", INSURANCE,
                                                            {"none": "insurance_none"}), "win_tip_insurance")
        self.salary = rows.add("win_salary", NumberField(f"{prefix}.monthly_salary", "win_unit_yuan_month"),
                               "win_tip_salary")
        self.contributions = rows.add("win_contributions",
                                      NumberField(f"{prefix}.monthly_contributions", "win_unit_yuan_month"),
                                      "win_tip_contributions")
        self.avg_wage = rows.add("win_avg_wage", NumberField(f"{prefix}.{MOTHER_ONLY}", "win_unit_yuan_month",
                                                             "win_avg_wage_blank"), "win_tip_avg_wage") \
            if mother else None
        self._hidden: dict[str, Any] = {}

    def set_prefix(self, prefix: str) -> None:
        for name, widget in self.by_name().items():
            widget.path = f"{prefix}.{name}"

    def by_name(self) -> dict[str, Any]:
        out = {"employer": self.employer, "insurance": self.insurance, "monthly_salary": self.salary,
               "monthly_contributions": self.contributions}
        if self.avg_wage is not None:
            out[MOTHER_ONLY] = self.avg_wage
        return out

    def combos(self) -> list[KeyCombo]:
        return [self.employer, self.insurance]

    def fields(self) -> list[NumberField]:
        return [self.salary, self.contributions, *([self.avg_wage] if self.avg_wage is not None else [])]

    def focus_chain(self) -> list[QWidget]:
        return [self.employer, self.insurance, *(f.edit for f in self.fields())]

    def load(self, job: dict[str, Any]) -> None:
        self.employer.set_key(job.get("employer", "private"))
        self.insurance.set_key(job.get("insurance", "employee"))
        self.salary.set_value(job.get("monthly_salary"))
        self.contributions.set_value(job.get("monthly_contributions"))
        if self.avg_wage is not None:
            self.avg_wage.set_value(job.get(MOTHER_ONLY))
            self._hidden = {}
        else:  # a father's value from a case file is kept as it was
            self._hidden = {MOTHER_ONLY: job[MOTHER_ONLY]} if job.get(MOTHER_ONLY) is not None else {}

    def data(self) -> dict[str, Any]:
        out: dict[str, Any] = {"employer": self.employer.key(), "insurance": self.insurance.key(), **self._hidden}
        for name, field in (("monthly_salary", self.salary), ("monthly_contributions", self.contributions)):
            if field.value() is not None:  # left empty: the model's default (0)
                out[name] = field.value()
        if self.avg_wage is not None:
            out[MOTHER_ONLY] = self.avg_wage.value()
        return out

    def retranslate(self) -> None:
        for combo in self.combos():
            combo.retranslate()
        for field in self.fields():
            field.retranslate()


class JobChangeEditor(QFrame):
    """A row "changes from date …" under a parent: the date and the job from then on."""

    changed = Signal()
    removeRequested = Signal(object)

    def __init__(self, role: str, index: int, parent: QWidget | None = None):
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.role, self.index = role, index
        self.title = QLabel()
        font = self.title.font()
        font.setBold(True)
        self.title.setFont(font)
        self.remove = QPushButton()
        head = QHBoxLayout()
        head.addWidget(self.title, 1)
        head.addWidget(self.remove)
        self.rows = Rows(form_layout())
        self.start = self.rows.add("win_job_from", DateField(""), "win_tip_job_from")
        self.start_width = DateWidth(self.start.edit)
        self.job = JobFields(self.rows, "", role == "mother")
        box = QVBoxLayout(self)
        box.setContentsMargins(8, 6, 8, 6)
        box.addLayout(head)
        box.addLayout(self.rows.layout)
        self.start.edited.connect(self._on_edited)
        for field in self.job.fields():
            field.edited.connect(self._on_edited)
        for combo in self.job.combos():
            combo.chosen.connect(self._on_choice)
        self.remove.clicked.connect(self._on_remove_clicked)
        self.set_index(index)

    def _on_edited(self) -> None:
        self.changed.emit()

    def _on_choice(self, _key: str) -> None:
        self.changed.emit()

    def _on_remove_clicked(self) -> None:
        self.removeRequested.emit(self)

    def set_index(self, index: int) -> None:
        """The job's place in the parent's ``jobs`` (1 = the first change); the field paths follow it."""
        self.index = index
        prefix = f"{self.role}.jobs[{index}]"
        self.start.path = f"{prefix}.from"
        self.job.set_prefix(prefix)
        self.retranslate()

    def fields(self) -> list[DateField | NumberField]:
        return [self.start, *self.job.fields()]

    def focus_chain(self) -> list[QWidget]:
        return [self.start.edit, *self.job.focus_chain(), self.remove]

    def load(self, job: dict[str, Any]) -> None:
        start = job.get("from")
        self.start.set_value(dt.date.fromisoformat(start) if isinstance(start, str) else start)
        self.job.load(job)

    def data(self) -> dict[str, Any]:
        out = self.job.data()
        if self.start.value() is not None:  # left empty, the model names this row's date as missing
            out = {"from": self.start.value(), **out}
        return out

    def retranslate(self) -> None:
        self.title.setText(tr("win_job_change_n", n=self.index))
        self.remove.setText(tr("win_remove_child"))
        self.remove.setAccessibleName(tr("win_remove_job_change_n", role=tr("win_" + self.role), n=self.index))
        self.remove.setToolTip(tr("win_tip_remove_job_change"))
        self.rows.retranslate()
        self.start.retranslate()
        self.job.retranslate()
