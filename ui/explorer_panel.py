"""The "what if" tab: the planned child's birth month and one parent's pay, against the support the family gets.

The curves are worked out in a worker thread (``ui.explorer_worker``) after every edit of the family while the tab
shows (a hidden tab catches up when it is shown). Choosing a month — clicking its bar, picking it in the list of
months or stepping with the arrows beside it — sets the planned child's birth date through the session, as if it
had been typed in the form. The cliffs are listed under the chart, numbered as on it.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from simulator.money import fmt
from ui.explorer_worker import Ask, Curves, CurveWorker
from ui.i18n import language, tr
from ui.session import Session

ROLES = ("mother", "father")
KIOSK_TARGET_PX = 64  # a kiosk's finger: the month's arrows, lists and choices at least this tall


class ExplorerPanel(QWidget):
    def __init__(self, session: Session, parent: QWidget | None = None, processes: bool = True):
        super().__init__(parent)
        self.session = session
        self.chart = None  # the figure comes with matplotlib, when the tab is first shown (ensure_chart)
        self.curves: Curves | None = None
        self.worker = CurveWorker(self, processes=processes)
        self.worker.ready.connect(self._on_ready)
        self.worker.failed.connect(lambda: self.status.setText(tr("exp_failed")))
        self._stale = True
        self._child: int | None = None  # the child whose month varies (its place in children), None: the default
        self._role = "mother"
        self.child_label, self.month_label, self.role_label = QLabel(), QLabel(), QLabel()
        self.child_box, self.month_box, self.role_box = QComboBox(), QComboBox(), QComboBox()
        self.earlier, self.later = QPushButton("◀"), QPushButton("▶")
        for label, box in ((self.child_label, self.child_box), (self.month_label, self.month_box),
                           (self.role_label, self.role_box)):
            label.setBuddy(box)
        self.month_box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.month_box.setMinimumContentsLength(24)  # "2027-09：合计 246,415.99 元" whole
        for box in (self.child_box, self.role_box):  # never "moth" for "mother": the row gives up its stretch first
            box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.in_handout = QCheckBox()  # the handout (File › Export PDF, Print) adds the birth-timing chart
        self.status = QLabel()  # (one line: a wrapping label would make the scroll area's page as tall as the
        # chart's preferred height, and the chart would no longer fit the tab)
        self.cliff_list = QListWidget()
        self.cliff_list.setWordWrap(True)
        self.cliff_list.setMaximumHeight(84)
        self.cliff_list.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        head = QHBoxLayout()
        for w in (self.child_label, self.child_box, self.month_label, self.earlier, self.month_box, self.later,
                  self.role_label, self.role_box):
            head.addWidget(w)
        head.addStretch(1)
        # Everything in a scroll area: the row of choices is wide and the chart needs some height, and the tab
        # must not make the window larger than a small screen (or than a person's larger text lets it be).
        inner = QWidget()
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the controls take the focus, not the frame
        scroll.setWidget(inner)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)
        self.box = QVBoxLayout(inner)
        self.box.setContentsMargins(4, 4, 4, 4)
        self.box.addLayout(head)
        self._head, self._second_row = head, QHBoxLayout()  # (a kiosk's larger controls: the pay choice below)
        self.box.addLayout(self._second_row)
        self.placeholder = QLabel()
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.box.addWidget(self.placeholder, 1)
        foot = QHBoxLayout()
        foot.addWidget(self.status, 1)
        foot.addWidget(self.in_handout)
        self.box.addLayout(foot)
        self.box.addWidget(self.cliff_list)
        self.child_box.activated.connect(self._on_child_chosen)
        self.role_box.activated.connect(self._on_role_chosen)
        self.month_box.activated.connect(self._on_month_chosen)
        self.earlier.clicked.connect(lambda: self._step(-1))
        self.later.clicked.connect(lambda: self._step(1))
        session.resultChanged.connect(self._on_result_changed)
        session.loaded.connect(self._on_loaded)
        self.retranslate()

    def ensure_chart(self) -> None:
        if self.chart is not None:
            return
        from ui.explorer_chart import ExplorerChart

        self.chart = ExplorerChart()
        self.box.replaceWidget(self.placeholder, self.chart)
        self.placeholder.hide()
        self.chart.monthClicked.connect(self.choose_month)
        self.chart.setAccessibleName(tr("exp_chart"))
        self.chart.set_curves(self.curves)

    def _fit_touch(self) -> None:
        """In a kiosk every target is a finger's size: a bar of the chart is too narrow to hit, so the arrows
        and the list of months are the way to choose one, and the cliffs' rows are as tall."""
        if getattr(self.window(), "kiosk", None) is None:
            return
        self.in_handout.hide()  # (a kiosk prints its own handout, without it)
        if self._second_row.count() == 0:
            for w in (self.role_label, self.role_box):
                self._head.removeWidget(w)
                self._second_row.addWidget(w)
            self._second_row.addStretch(1)
        for w in (self.earlier, self.later):
            w.setMinimumSize(KIOSK_TARGET_PX, KIOSK_TARGET_PX)
        for w in (self.child_box, self.month_box, self.role_box):
            w.setMinimumHeight(KIOSK_TARGET_PX)
            w.view().setStyleSheet(f"QAbstractItemView::item {{ min-height: {KIOSK_TARGET_PX}px; }}")
        self.cliff_list.setStyleSheet(f"QListWidget::item {{ min-height: {KIOSK_TARGET_PX}px; }}")
        self.cliff_list.setMaximumHeight(2 * KIOSK_TARGET_PX + 8)

    def controls(self) -> list[QWidget]:
        """The panel's controls in reading order (the window's Tab chain)."""
        return [self.child_box, self.earlier, self.month_box, self.later, self.role_box, self.in_handout,
                self.cliff_list]

    def handout_section(self):
        """The birth-timing chart and its cliffs for the handout when the box is ticked (worked out now, for the
        family and child as they are), else None."""
        h = self.session.household
        if not self.in_handout.isChecked() or h is None or self.child_index() is None:
            return None
        from ui.explorer_handout import birth_timing

        return birth_timing(h, self.session.params, language(), self.child_index())

    # -- the family changed -----------------------------------------------------------------------------------------
    def _on_loaded(self) -> None:
        """Another family: nothing of the last one's curves is kept, asked or shown."""
        self._child = None
        self.worker.forget()
        self.child_box.clear()
        self._show(None)
        self._stale = True
        if self.isVisible():
            self.refresh()

    def _on_result_changed(self) -> None:
        self._stale = True
        if self.isVisible():
            self.refresh()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self.ensure_chart()
        self._fit_touch()
        if self._stale:
            self.refresh()

    def refresh(self) -> None:
        """Ask for the curves of the family as it is now."""
        h = self.session.household
        self._stale = False
        if h is None:
            return
        self._fill_children()
        self._fill_roles()
        self.status.setText(tr("exp_working"))
        self.worker.request(Ask(h, self.session.params, self.child_index(), self.role(), language()))

    def child_index(self) -> int | None:
        """The planned child: the one chosen, else the last child born after the case's date, else the last."""
        h = self.session.household
        if h is None or not h.children:
            return None
        if self._child is not None and self._child < len(h.children):
            return self._child
        from simulator.explore import planned_child

        return planned_child(h)

    def role(self) -> str | None:
        h = self.session.household
        if h is None:
            return None
        if h.parent(self._role) is not None:
            return self._role
        return next((r for r in ROLES if h.parent(r) is not None), None)

    def _on_ready(self, curves: Curves) -> None:
        self._show(curves)

    def _show(self, curves: Curves | None) -> None:
        self.curves = curves
        if self.chart is not None:
            self.chart.set_curves(curves)
        self._fill_months()
        self.cliff_list.clear()
        lang = language()
        for number, (_index, sentence) in enumerate(curves.cliffs if curves else [], start=1):
            self.cliff_list.addItem(f"{number}. {sentence[lang]}")
        self.cliff_list.setAccessibleName(tr("exp_cliffs"))
        if curves is None:
            self.status.setText("")
        elif curves.child is None:
            self.status.setText(tr("exp_no_child"))
        else:
            self.status.setText(tr("exp_cliffs_head") if curves.cliffs else tr("exp_no_cliffs"))

    # -- the controls ---------------------------------------------------------------------------------------------
    def _fill_children(self) -> None:
        h = self.session.household
        self.child_box.blockSignals(True)
        self.child_box.clear()
        for i, child in enumerate(h.children):
            self.child_box.addItem(tr("exp_child_item", n=i + 1, date=child.birth_date.isoformat()), i)
        index = self.child_index()
        if index is not None:
            self.child_box.setCurrentIndex(index)
        self.child_box.blockSignals(False)
        self.child_box.setEnabled(bool(h.children))

    def _fill_roles(self) -> None:
        h = self.session.household
        self.role_box.blockSignals(True)
        self.role_box.clear()
        for r in ROLES:
            if h.parent(r) is not None:
                self.role_box.addItem(tr(f"exp_role_{r}"), r)
        role = self.role()
        self.role_box.setCurrentIndex(max(0, self.role_box.findData(role)))
        self.role_box.blockSignals(False)

    def _fill_months(self) -> None:
        self.month_box.blockSignals(True)
        self.month_box.clear()
        births = self.curves.births if self.curves else []
        from ui.explorer_chart import support_total

        for p in births:
            self.month_box.addItem(tr("exp_month_item", month=p.key, total=fmt(support_total(p))), p.key)
        current = self._current_month()
        if current is not None:
            self.month_box.setCurrentIndex(current)
        self.month_box.blockSignals(False)
        for w in (self.month_box, self.earlier, self.later):
            w.setEnabled(bool(births))

    def _current_month(self) -> int | None:
        if self.curves is None or self.curves.birth_date is None:
            return None
        key = self.curves.birth_date.strftime("%Y-%m")
        return next((i for i, p in enumerate(self.curves.births) if p.key == key), None)

    def _on_child_chosen(self, row: int) -> None:
        self._child = self.child_box.itemData(row)
        self.refresh()

    def _on_role_chosen(self, row: int) -> None:
        self._role = self.role_box.itemData(row)
        self.refresh()

    def _on_month_chosen(self, row: int) -> None:
        self.choose_month(row)

    def _step(self, by: int) -> None:
        current = self._current_month()
        births = self.curves.births if self.curves else []
        if births:
            target = (current if current is not None else self.month_box.currentIndex()) + by
            self.choose_month(max(0, min(len(births) - 1, target)))

    def choose_month(self, index: int) -> None:
        """Set the planned child's birth date to the month ``index`` of the curve (the day it has, clamped)."""
        curves = self.curves
        if curves is None or curves.child is None or not 0 <= index < len(curves.births):
            return
        date = curves.births[index].value
        if date != curves.birth_date:
            self._child = curves.child
            self.session.set_birth_date(curves.child, date)

    # -- words ----------------------------------------------------------------------------------------------------
    def retranslate(self) -> None:
        self.child_label.setText(tr("exp_child"))
        self.month_label.setText(tr("exp_month"))
        self.role_label.setText(tr("exp_role"))
        self.child_box.setAccessibleName(tr("exp_child"))
        self.month_box.setAccessibleName(tr("exp_month"))
        self.role_box.setAccessibleName(tr("exp_role"))
        self.earlier.setAccessibleName(tr("exp_earlier"))
        self.later.setAccessibleName(tr("exp_later"))
        self.earlier.setToolTip(tr("exp_earlier"))
        self.later.setToolTip(tr("exp_later"))
        self.cliff_list.setAccessibleName(tr("exp_cliffs"))
        self.in_handout.setText(tr("exp_in_handout"))
        self.in_handout.setAccessibleName(tr("exp_in_handout"))
        self.placeholder.setText(tr("exp_loading"))
        if self.chart is not None:
            self.chart.setAccessibleName(tr("exp_chart"))
            self.chart.retranslate()
        if self.session.ready:  # the lists and the cliffs in the new language (the sentences came in both)
            self._fill_children()
            self._fill_roles()
            self._show(self.curves)
