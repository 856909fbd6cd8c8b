"""Two results side by side: what differs between family A and family B, per line and per year.

A comparison is two ``Result``s from the same ``simulate`` — nothing is recomputed here; lines are matched
by (line, child, parent, year) and their amounts set against each other.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor

from ui.i18n import tr
from ui.result_model import fmt, item_text

if TYPE_CHECKING:
    from simulator import Line, Result

_Index = QModelIndex | QPersistentModelIndex
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
UP, DOWN = QColor("#1b5e20"), QColor("#b71c1c")
ABSENT = object()  # the line does not exist in that scenario


@dataclass(frozen=True)
class LineDiff:
    line: Line          # a representative line (B's when present), for its name and unit
    year: int
    a: Any              # float, None (set by local notice) or ABSENT
    b: Any

    @property
    def change(self) -> float | None:
        a = 0.0 if self.a is ABSENT else self.a
        b = 0.0 if self.b is ABSENT else self.b
        return None if a is None or b is None else round(b - a, 2)


def _key(ln: Line) -> tuple:
    return (ln.id, ln.child, ln.parent, ln.year, ln.measure)


def _grouped(result: Result) -> dict[tuple, tuple[Line, float | None]]:
    out: dict[tuple, tuple[Line, float | None]] = {}
    for ln in result.lines:
        k = _key(ln)
        if k in out:
            first, amount = out[k]
            amount = None if amount is None or ln.amount is None else amount + ln.amount
            out[k] = (first, amount)
        else:
            out[k] = (ln, ln.amount)
    return out


def line_differences(a: Result, b: Result) -> list[LineDiff]:
    """Every line whose amount differs between A and B, or that exists in only one of them."""
    from simulator.registry import LINE_IDS

    ga, gb = _grouped(a), _grouped(b)
    rows = []
    for k in ga.keys() | gb.keys():
        la, amount_a = ga.get(k, (None, ABSENT))
        lb, amount_b = gb.get(k, (None, ABSENT))
        if la is not None and lb is not None:
            if amount_a == amount_b:
                continue
        elif (amount_a if la is not None else amount_b) == 0:
            continue  # a line that appears or goes with nothing in it changes nothing
        rows.append(LineDiff(lb or la, k[3], amount_a, amount_b))
    order = {k: i for i, k in enumerate(LINE_IDS)}
    rows.sort(key=lambda r: (r.year, order.get(r.line.id, 99), r.line.child or 0, r.line.parent or ""))
    return rows


def year_differences(a: Result, b: Result) -> list[dict[str, Any]]:
    """The years in which money (all yuan lines, as the timeline counts them) or leave days differ."""
    ta = {row["year"]: row for row in a.timeline()}
    tb = {row["year"]: row for row in b.timeline()}
    empty = {"total": 0.0, "leave_days": {"mother": 0, "father": 0}}
    rows = []
    for year in sorted(ta.keys() | tb.keys()):
        ra, rb = ta.get(year, empty), tb.get(year, empty)
        leave = {r: rb["leave_days"][r] - ra["leave_days"][r] for r in ("mother", "father")}
        change = round(rb["total"] - ra["total"], 2)
        if change or any(leave.values()):
            rows.append({"year": year, "a": ra["total"], "b": rb["total"], "change": change, "leave": leave})
    return rows


def _with_unit(text: str, unit: str) -> str:
    """Yuan go without a unit (the headers say 元); days and deductions say briefly what they are."""
    if unit == "yuan":
        return text
    return tr("win_cmp_unit_" + unit, v=text)


def _amount(value: Any, unit: str) -> str:
    if value is ABSENT:
        return "—"
    if value is None:
        return tr("win_entitlement_amount" if unit == "entitlement" else "win_set_by_notice")
    return _with_unit(fmt(value), unit)


def _signed(value: float | None, unit: str) -> str:
    if unit == "entitlement":
        return ""
    if value is None:
        return tr("win_change_unknown")
    if not value:
        return "0"
    return _with_unit(f"{'+' if value > 0 else '−'}{fmt(abs(value))}", unit)


class LineDiffModel(QAbstractTableModel):
    COLUMNS = ("item", "year", "a", "b", "change")

    def __init__(self, parent=None):
        super().__init__(parent)
        self.rows: list[LineDiff] = []

    def set_results(self, a: Result | None, b: Result | None) -> None:
        self.beginResetModel()
        self.rows = line_differences(a, b) if a is not None and b is not None else []
        self.endResetModel()

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return len(self.COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return tr("win_cmp_" + self.COLUMNS[section])
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row, col = self.rows[index.row()], self.COLUMNS[index.column()]
        unit = row.line.unit
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):  # the tip shows what was elided
            return {"item": lambda: item_text(row.line), "year": lambda: str(row.year),
                    "a": lambda: _amount(row.a, unit), "b": lambda: _amount(row.b, unit),
                    "change": lambda: _signed(row.change, unit)}[col]()
        if role == Qt.ItemDataRole.TextAlignmentRole and col != "item":
            return _RIGHT
        if role == Qt.ItemDataRole.ForegroundRole and col == "change" and row.change:
            return UP if row.change > 0 else DOWN
        return None

    def retranslate(self) -> None:
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(self.COLUMNS) - 1)
        if self.rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self.rows) - 1, len(self.COLUMNS) - 1))


class YearDiffModel(QAbstractTableModel):
    COLUMNS = ("year", "a", "b", "change", "leave")

    def __init__(self, parent=None):
        super().__init__(parent)
        self.rows: list[dict[str, Any]] = []

    def set_results(self, a: Result | None, b: Result | None) -> None:
        self.beginResetModel()
        self.rows = year_differences(a, b) if a is not None and b is not None else []
        self.endResetModel()

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return len(self.COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return tr("win_cmpy_" + self.COLUMNS[section])
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row, col = self.rows[index.row()], self.COLUMNS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            if col == "year":
                return str(row["year"])
            if col in ("a", "b"):
                return fmt(row[col])
            if col == "change":
                return _signed(row["change"], "yuan")
            return " / ".join(_signed(row["leave"][r], "yuan") for r in ("mother", "father"))
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _RIGHT
        if role == Qt.ItemDataRole.ForegroundRole and col == "change" and row["change"]:
            return UP if row["change"] > 0 else DOWN
        return None

    def retranslate(self) -> None:
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(self.COLUMNS) - 1)
        if self.rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self.rows) - 1, len(self.COLUMNS) - 1))
