"""The answer first: the money the policy adds over the childhood, income tax saved, leave days per parent
with the maternity allowance that pays them (wage replacement: shown with the leave, never in the added
money), extra provident-fund loan capacity — from ``Result.totals()``. While comparing, each figure also says
how B differs from A."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QSize, Qt
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QGridLayout,
    QLabel,
    QLayout,
    QStackedLayout,
    QVBoxLayout,
    QWidget,
)

from ui.i18n import tr
from ui.result_model import fmt
from ui.session import Session

TILE_STYLE = "QFrame#tile { background: #f4f8fb; border: 1px solid #d0dce6; border-radius: 6px; }"
UP, DOWN = "#1b5e20", "#b71c1c"
STALE_STYLE = "QLabel#stale { color: #8e1010; background: #fdecea; border: 1px solid #e57373; padding: 2px 6px; }"
MAX_SHARE = 0.3  # of the window's height, at most, for the headline
STALE_VALUE = "#6b6b6b"  # the old figures, greyed (5.1:1 on the tile's #f4f8fb)


class _Tile(QFrame):
    def __init__(self, parent: QWidget):
        super().__init__(parent)
        self.setObjectName("tile")
        self.caption = QLabel(self)
        self.value = QLabel(self)
        self.detail = QLabel(self)
        self.detail.setWordWrap(True)
        self.caption.setWordWrap(True)  # long English captions wrap rather than widen the window
        self.value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        box = QVBoxLayout(self)
        box.setContentsMargins(10, 6, 10, 6)
        box.setSpacing(1)
        for w in (self.caption, self.value, self.detail):
            box.addWidget(w)

    def set_stale(self, stale: bool) -> None:
        self.value.setStyleSheet(f"color: {STALE_VALUE};" if stale else "")

    def scale_fonts(self, base: float) -> None:
        big = self.value.font()
        big.setPointSizeF(min(base * 1.7, base + 7))  # large text: the figures grow less, so the tiles still fit
        big.setBold(True)
        self.value.setFont(big)
        small = self.detail.font()
        small.setPointSizeF(max(base * 0.9, 18) if base >= 18 else base * 0.9)  # large text: no line below 18 pt
        self.detail.setFont(small)


def _delta(now: float, before: float, unit: str) -> str:
    diff = round(now - before, 2)
    if not diff:
        return tr("win_delta_same")
    colour = UP if diff > 0 else DOWN
    return f"<span style='color:{colour}'>{tr('win_delta', sign='+' if diff > 0 else '−', v=fmt(abs(diff)), unit=unit)}</span>"


class Headline(QWidget):
    def __init__(self, session: Session, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.setStyleSheet(TILE_STYLE)
        self.money, self.tax, self.leave, self.loan = (_Tile(self) for _ in range(4))
        self.note = QLabel(self)
        self.note.setWordWrap(True)
        self._grid = QGridLayout()
        self._grid.setSpacing(8)
        self._columns = 0
        self._arrange(4)
        box = QVBoxLayout(self)
        box.setSizeConstraint(QLayout.SizeConstraint.SetNoConstraint)  # minimumSizeHint below says it
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(3)
        box.addLayout(self._grid)
        self._shown: tuple | None = None
        self._fitting = False
        # the notice that the figures are old takes the notes' place, in a space of fixed height: neither
        # appearing nor going moves the chart and table under the pointer
        self.stale = QLabel(self)
        self.stale.setWordWrap(True)
        self.stale.setObjectName("stale")
        self.stale.setStyleSheet(STALE_STYLE)
        self.stale.hide()
        for label in (self.note, self.stale):
            policy = label.sizePolicy()
            policy.setRetainSizeWhenHidden(True)
            label.setSizePolicy(policy)
        self._slot = QStackedLayout()
        self._slot.addWidget(self.note)
        self._slot.addWidget(self.stale)
        box.addLayout(self._slot)
        session.resultChanged.connect(self._on_result_changed)
        session.problemsChanged.connect(self._on_problems_changed)
        self._scale_fonts()
        self.retranslate()

    def _on_result_changed(self) -> None:
        key = (id(self.session.result), id(self.session.baseline_result))
        if key != self._shown:
            self._render()

    def _on_problems_changed(self) -> None:
        """While an entry is wrong the figures are those of the last valid one: say so, naming the fields, and
        grey the figures."""
        text = self.session.entry_problem_text() or ""
        self.stale.setText(text)
        self.stale.setToolTip(text)
        self.stale.setAccessibleName(text)
        self._slot.setCurrentWidget(self.stale if text else self.note)
        for tile in (self.money, self.tax, self.leave, self.loan):
            tile.set_stale(bool(text))

    def _tiles(self) -> tuple:
        return self.money, self.tax, self.leave, self.loan

    def _arrange(self, columns: int) -> None:
        """The four tiles in one row, or two rows of two when one row does not fit (large text)."""
        if columns == self._columns:
            return
        self._columns = columns
        for tile in self._tiles():
            self._grid.removeWidget(tile)
        for i, tile in enumerate(self._tiles()):
            self._grid.addWidget(tile, i // columns, i % columns)
        for c in range(4):
            self._grid.setColumnStretch(c, (3, 2, 3, 3)[c] if columns == 4 else (1 if c < 2 else 0))

    def _one_row_width(self) -> int:
        return sum(t.minimumSizeHint().width() for t in self._tiles()) + 3 * self._grid.spacing()

    def minimumSizeHint(self) -> QSize:
        tiles = [t.minimumSizeHint().width() for t in self._tiles()]
        width = max(tiles[0] + tiles[2], tiles[1] + tiles[3]) + self._grid.spacing()
        return QSize(width, super().minimumSizeHint().height())

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._arrange(4 if self.width() >= self._one_row_width() else 2)
        self._fit_height()

    def _fit_height(self) -> None:
        """Tall enough for the tile whose words wrap most at this width (a splitter does not ask its widgets'
        height for their width, so the tiles would be cut off at the bottom). When that would take more than
        MAX_SHARE of the window (large text on a small screen), the tiles show caption and figure only; what the
        figure covers stays in each tile's tooltip and accessible description."""
        if self._fitting:  # setMinimumHeight below can resize us at once: one fit at a time, never a loop
            return
        self._fitting = True
        try:
            self._fit_height_now()
        finally:
            self._fitting = False

    def _fit_height_now(self) -> None:
        tiles = self._tiles()

        def needed() -> int:
            return max(t.layout().totalHeightForWidth(t.width()) for t in tiles) + self.note.height() \
                + self.layout().spacing()

        for t in tiles:
            t.detail.setVisible(True)
        height = needed()
        top = self.window()
        if top is not self and height > MAX_SHARE * top.height():
            for t in tiles:
                t.detail.setVisible(False)
            height = needed()
        if height != self.minimumHeight():
            self.setMinimumHeight(height)

    def is_stale(self) -> bool:
        return self._slot.currentWidget() is self.stale

    def event(self, event: QEvent) -> bool:
        handled = super().event(event)
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.ApplicationFontChange):
            self._scale_fonts()  # the big figures follow Ctrl+= / Ctrl+- like the rest of the text
        return handled

    def _scale_fonts(self) -> None:
        app = QApplication.instance()
        size = app.font().pointSizeF() if app is not None else self.font().pointSizeF()
        base = size if size > 0 else 10
        for tile in (self.money, self.tax, self.leave, self.loan):
            tile.scale_fonts(base)
        lines = 2 * self.stale.fontMetrics().lineSpacing() + 8  # room for the notice on two lines
        for label in (self.note, self.stale):
            label.setFixedHeight(lines)

    def _render(self) -> None:
        result, before = self.session.result, self.session.baseline_result
        self._shown = (id(result), id(before))
        if result is None:
            return
        t = result.totals()
        b = before.totals() if before is not None else None
        yuan, days = tr("unit_yuan"), tr("unit_days")
        self.money.value.setText(f"{fmt(t['money_received'])} {yuan}")
        self.tax.value.setText(f"{fmt(t['tax_saved'])} {yuan}")
        leave = t["leave_days"]
        roles = self._roles()
        self.leave.caption.setText(tr("win_head_leave_of", who=" · ".join(tr(r) for r in roles)))
        self.leave.value.setText(f"{' · '.join(str(leave[r]) for r in roles)} {days}")
        if t["loan_capacity"]:
            self.loan.value.setText(f"{fmt(t['loan_capacity'])} {yuan}")
            loan_detail = tr("win_interest_saved", v=fmt(t["interest_saved"]))
        else:
            self.loan.value.setText("—")
            loan_detail = tr("win_loan_needs_ceiling") if self._loan_unknown(result) else tr("win_loan_none")
        wage = self._wage_text(result, t)
        if b is None:
            self.money.detail.setText(tr("win_money_detail", first=result.first_year, last=result.last_year)
                                      if result.first_year else tr("win_money_detail_none"))
            self.tax.detail.setText(tr("win_tax_detail"))
            self.leave.detail.setText(wage)
            self.loan.detail.setText(loan_detail)
        else:
            self.money.detail.setText(_delta(t["money_received"], b["money_received"], yuan))
            self.tax.detail.setText(_delta(t["tax_saved"], b["tax_saved"], yuan))
            self.leave.detail.setText(" · ".join(
                f"{tr(r)} {_delta(leave[r], b['leave_days'][r], days)}" for r in roles) + "<br>" + wage
                + " " + _delta(t["wage_replacement"], b["wage_replacement"], yuan))
            self.loan.detail.setText(_delta(t["loan_capacity"], b["loan_capacity"], yuan))
        notes = [tr("win_as_of_note", date=result.as_of.isoformat(), pack=result.pack_date.isoformat())]
        if t["amounts_to_enter"]:
            notes.append(tr("win_amounts_to_enter", n=t["amounts_to_enter"]))
        if t.get("not_computed"):
            notes.append(tr("win_not_computed", n=t["not_computed"]))
        if result.local_parameters:
            notes.append(tr("win_local_in_use", n=len(result.local_parameters)))
        if self.session.household is not None and not self.session.household.children:
            notes.append(tr("win_no_children_yet"))
        self.note.setText(" · ".join(notes))

    def _roles(self) -> list[str]:
        household = self.session.household
        roles = [r for r, _ in household.parents()] if household is not None else []
        return roles or ["mother", "father"]

    @staticmethod
    def _wage_text(result, t) -> str:
        """What pays the leave: the maternity allowance's total, said to replace the wage, not to add money."""
        if t["wage_replacement"]:
            return tr("win_leave_wage", v=fmt(t["wage_replacement"]))
        if any(ln.category == "wage_replacement" and ln.amount is None for ln in result.lines):
            return tr("win_leave_wage_unknown")
        return tr("win_leave_detail")

    @staticmethod
    def _loan_unknown(result) -> bool:
        return any(ln.unit == "loan_yuan" and ln.amount is None for ln in result.lines)

    def texts(self) -> str:
        """Everything the headline says, as one string (what a screen reader or a test reads)."""
        parts = []
        for tile in (self.money, self.tax, self.leave, self.loan):
            parts += [tile.caption.text(), tile.value.text(), tile.detail.text()]
        return "\n".join([*parts, self.note.text()])

    def retranslate(self) -> None:
        for tile, key in ((self.money, "money"), (self.tax, "tax"), (self.leave, "leave"), (self.loan, "loan")):
            tile.caption.setText(tr(f"win_head_{key}"))
            tile.setToolTip(tr(f"win_tip_head_{key}"))
            tile.setAccessibleName(tr(f"win_head_{key}"))
            tile.setAccessibleDescription(tr(f"win_tip_head_{key}"))
        self._on_problems_changed()
        self._render()
