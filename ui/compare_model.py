"""Two results side by side: what differs between family A and family B, per line and per year.

A comparison is two ``Result``s from the same ``simulate`` — nothing is recomputed here; lines are matched
by (line, child, parent, year) and their amounts set against each other.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QAbstractItemModel, QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor

from ui.i18n import language, tr
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
    a: Any              # float, None (set by local notice, or not computed) or ABSENT
    b: Any
    line_a: Line | None = None  # each side's own line (whether its None is "not computed", and why), if any
    line_b: Line | None = None

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
        rows.append(LineDiff(lb or la, k[3], amount_a, amount_b, la, lb))
    order = {k: i for i, k in enumerate(LINE_IDS)}
    rows.sort(key=lambda r: (r.year, order.get(r.line.id, 99), r.line.child or 0, r.line.parent or ""))
    return rows


TAX_IDS = ("tax_deduction", "tax_saved")


@dataclass(frozen=True, eq=False)
class TaxDiff:
    """Income tax of one parent in one year, A against B, as one row: the tax each saves (the model's own
    tax_saved lines, ABSENT where there is none) and, under it, every tax line that differs (the deductions a
    new child or a new best split moved)."""

    line: Line          # the saving line standing for the row (B's when present), or the first detail's
    year: int
    parent: str | None
    a: Any
    b: Any
    details: tuple[LineDiff, ...]

    @property
    def change(self) -> float | None:
        a = 0.0 if self.a is ABSENT else self.a
        b = 0.0 if self.b is ABSENT else self.b
        return None if a is None or b is None else round(b - a, 2)


def grouped_differences(a: Result, b: Result) -> list[LineDiff | TaxDiff]:
    """``line_differences``, the income-tax ones gathered into one TaxDiff per parent and year."""
    ga, gb = _grouped(a), _grouped(b)
    rows: list[LineDiff | TaxDiff] = []
    tax: dict[tuple, list[LineDiff]] = {}
    for d in line_differences(a, b):
        if d.line.id in TAX_IDS:
            tax.setdefault((d.year, d.line.parent), []).append(d)
        else:
            rows.append(d)
    for (year, parent), details in tax.items():
        key = ("tax_saved", None, parent, year, None)
        la, amount_a = ga.get(key, (None, ABSENT))
        lb, amount_b = gb.get(key, (None, ABSENT))
        rows.append(TaxDiff(lb or la or details[0].line, year, parent, amount_a, amount_b, tuple(details)))
    from simulator.registry import LINE_IDS

    order = {k: i for i, k in enumerate(LINE_IDS)}
    rows.sort(key=lambda r: (r.year, order.get(r.line.id, 99), r.line.child or 0, r.line.parent or ""))
    return rows


def year_differences(a: Result, b: Result) -> list[dict[str, Any]]:
    """The years in which the added money (the timeline's total), leave days or the maternity allowance paying
    the leave (wage replacement, kept apart from the money) differ."""
    ta = {row["year"]: row for row in a.timeline()}
    tb = {row["year"]: row for row in b.timeline()}
    empty = {"total": 0.0, "wage_replacement": 0.0, "leave_days": {"mother": 0, "father": 0}}
    rows = []
    for year in sorted(ta.keys() | tb.keys()):
        ra, rb = ta.get(year, empty), tb.get(year, empty)
        leave = {r: rb["leave_days"][r] - ra["leave_days"][r] for r in ("mother", "father")}
        change = round(rb["total"] - ra["total"], 2)
        wage = round(rb["wage_replacement"] - ra["wage_replacement"], 2)
        if change or any(leave.values()) or wage:
            rows.append({"year": year, "a": ra["total"], "b": rb["total"], "change": change, "leave": leave,
                         "wage": wage})
    return rows


def not_computed(value: Any, line: Line | None) -> bool:
    """No figure because the event came before the pack's earliest rule (not one a local notice sets)."""
    return value is None and line is not None and line.status == "not_computed"


def _with_unit(text: str, unit: str) -> str:
    """Yuan go without a unit (the headers say 元); days and deductions say briefly what they are."""
    if unit == "yuan":
        return text
    return tr("win_cmp_unit_" + unit, v=text)


def _amount(value: Any, unit: str, line: Line | None = None) -> str:
    if value is ABSENT:
        return "—"
    if not_computed(value, line):
        return tr("status_not_computed")
    if value is None:
        return tr("win_entitlement_amount" if unit == "entitlement" else "win_set_by_notice")
    return _with_unit(fmt(value), unit)


def _signed(value: float | None, unit: str, uncomputed: bool = False) -> str:
    if unit == "entitlement":
        return ""
    if value is None:
        return tr("status_not_computed" if uncomputed else "win_change_unknown")
    if not value:
        return "0"
    return _with_unit(f"{'+' if value > 0 else '−'}{fmt(abs(value))}", unit)


class LineDiffModel(QAbstractItemModel):
    """The differences as a two-level tree: a row per line, or per parent and year for income tax (its
    differing tax lines under it)."""

    COLUMNS = ("item", "year", "a", "b", "change")

    def __init__(self, parent=None):
        super().__init__(parent)
        self.rows: list[LineDiff | TaxDiff] = []

    def set_results(self, a: Result | None, b: Result | None) -> None:
        self.beginResetModel()
        self.rows = grouped_differences(a, b) if a is not None and b is not None else []
        self.endResetModel()

    # internal id 0: a top row; k + 1: a detail of the TaxDiff in top row k
    def index(self, row: int, column: int, parent: _Index = QModelIndex()) -> QModelIndex:  # noqa: B008
        if row < 0 or not 0 <= column < len(self.COLUMNS):
            return QModelIndex()
        if not parent.isValid():
            return self.createIndex(row, column, 0) if row < len(self.rows) else QModelIndex()
        if parent.internalId() != 0 or parent.column() != 0:
            return QModelIndex()
        top = self.rows[parent.row()]
        if not isinstance(top, TaxDiff) or row >= len(top.details):
            return QModelIndex()
        return self.createIndex(row, column, parent.row() + 1)

    def parent(self, index: _Index = QModelIndex()) -> QModelIndex:  # noqa: B008
        if not index.isValid() or index.internalId() == 0:
            return QModelIndex()
        return self.createIndex(index.internalId() - 1, 0, 0)

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        if not parent.isValid():
            return len(self.rows)
        if parent.internalId() != 0 or parent.column() != 0:
            return 0
        top = self.rows[parent.row()]
        return len(top.details) if isinstance(top, TaxDiff) else 0

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return len(self.COLUMNS)

    def item(self, index: _Index) -> LineDiff | TaxDiff | None:
        if not index.isValid():
            return None
        if index.internalId() == 0:
            return self.rows[index.row()]
        return self.rows[index.internalId() - 1].details[index.row()]

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return tr("win_cmp_" + self.COLUMNS[section])
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        row = self.item(index)
        if row is None:
            return None
        col = self.COLUMNS[index.column()]
        unit = "yuan" if isinstance(row, TaxDiff) else row.line.unit
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):  # the tip shows what was elided
            if col == "item":
                return diff_item_text(row)
            if role == Qt.ItemDataRole.ToolTipRole and (why := _why_not_computed(row, col)):
                return why
            return {"year": lambda: str(row.year), "a": lambda: _amount(row.a, unit, _side(row, "a")),
                    "b": lambda: _amount(row.b, unit, _side(row, "b")),
                    "change": lambda: _signed(row.change, unit, _uncomputed(row))}[col]()
        if role == Qt.ItemDataRole.TextAlignmentRole and col != "item":
            return _RIGHT
        if role == Qt.ItemDataRole.ForegroundRole and col == "change" and row.change:
            return UP if row.change > 0 else DOWN
        return None

    def retranslate(self) -> None:
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(self.COLUMNS) - 1)
        if self.rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self.rows) - 1, len(self.COLUMNS) - 1))
            for r, row in enumerate(self.rows):
                if isinstance(row, TaxDiff):
                    top = self.index(r, 0)
                    self.dataChanged.emit(self.index(0, 0, top), self.index(len(row.details) - 1, len(self.COLUMNS) - 1, top))


def _side(row: LineDiff | TaxDiff, side: str) -> Line | None:
    return getattr(row, "line_" + side, None)


def _uncomputed(row: LineDiff | TaxDiff) -> bool:
    """The change is unknown because a side is not computed (rather than awaiting a local figure)."""
    return not_computed(row.a, _side(row, "a")) or not_computed(row.b, _side(row, "b"))


def _why_not_computed(row: LineDiff | TaxDiff, col: str) -> str:
    """The tip of a cell about a not-computed side: that side's explanation (why there is no figure)."""
    sides = {"a": ("a",), "b": ("b",), "change": ("a", "b"), "item": ("a", "b")}.get(col, ())
    why = [tr("win_cmp_not_computed_why", side=s.upper(), why=line.text(language())) for s in sides
           if not_computed(getattr(row, s), line := _side(row, s))]
    return "\n".join(why)


def diff_item_text(row: LineDiff | TaxDiff) -> str:
    if isinstance(row, TaxDiff):
        name = tr("win_tax_row", parent=tr(row.parent)) if row.parent else tr("tax_saved")
        return tr("win_tax_row_lines", name=name, n=len(row.details))
    return item_text(row.line)


class YearDiffModel(QAbstractTableModel):
    COLUMNS = ("year", "a", "b", "change", "leave", "wage")

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
            if col == "wage":
                return _signed(row["wage"], "yuan")
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
