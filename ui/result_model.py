"""Every line of a Result, grouped by category (cash, tax, leave, housing, training and fees, services), as a
two-level Qt item model: the category rows, then the lines under each, by year."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Union

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor, QFont

from simulator import vocabulary
from ui.i18n import language, tr

if TYPE_CHECKING:
    from simulator import Line, Result

CATEGORIES = vocabulary.CATEGORIES  # the model's own lists: one source for every enumeration
COLUMNS = ("item", "year", "amount", "payer", "source", "status")
LINE_ROLE = Qt.ItemDataRole.UserRole
STATUS_ROLE = Qt.ItemDataRole.UserRole + 1
_GREY = QColor("#757575")
_ROLES = frozenset({Qt.ItemDataRole.DisplayRole, LINE_ROLE, STATUS_ROLE, Qt.ItemDataRole.ToolTipRole,
                    Qt.ItemDataRole.TextAlignmentRole, Qt.ItemDataRole.ForegroundRole, Qt.ItemDataRole.FontRole})
_Index = QModelIndex | QPersistentModelIndex
STATUS_RANK = vocabulary.STATUS_RANK  # worst first


def fmt(amount: float) -> str:
    from simulator.money import fmt as model_fmt

    return model_fmt(amount)


def amount_text(line: Line) -> str:
    """What a person reads in the amount column: '2,000 元', '173 天', or who sets the amount."""
    if line.unit == "entitlement":
        return tr("win_entitlement_amount")
    if line.status == "not_computed":  # before the pack's earliest rule: no figure, and none to enter
        return tr("status_not_computed")
    if line.amount is None:
        return tr("win_set_by_notice")
    return f"{fmt(line.amount)} {tr('unit_' + line.unit)}"


def item_text(line: Line) -> str:
    name = tr(line.id)
    if line.measure:
        return f"{line.measure} {line.text(language())}"
    parts = [name]
    if line.child:
        parts.append(tr("win_child_order", n=line.child))
    if line.parent:
        parts.append(tr(line.parent))
    return " · ".join(parts)


def payer_text(line: Line) -> str:
    if line.department:
        return tr("win_ask_at", department=line.department[language()])
    if not line.payers:
        return ""
    if len(line.payers) == 1:  # one payer pays the whole amount, which is already in its own column
        return tr(next(iter(line.payers)))
    sep = "，" if language() == "zh" else ", "
    return sep.join(f"{tr(p)} {fmt(v)}" for p, v in line.payers.items())


def line_key(line: Line) -> tuple:
    """Identifies a line across recalculations (to keep it selected while the person types)."""
    return (line.id, line.year, line.child, line.parent, line.measure)


TAX_IDS = ("tax_deduction", "tax_saved")
SUB = 1 << 24  # internal ids from here on name a tax row's lines (below: a category's rows); far above any count
PARENT_ORDER = {"mother": 0, "father": 1}


@dataclass(eq=False)
class TaxRow:
    """Income tax of one parent in one year, as one row: the tax it saves, and under it (on expanding) the
    deduction lines claimed and the saving line itself. Nothing is added up: the saving is the model's own
    tax_saved line."""

    parent: str | None
    year: int
    lines: list[Line]

    @property
    def saved(self) -> Line | None:
        return next((ln for ln in self.lines if ln.id == "tax_saved"), None)

    @property
    def line(self) -> Line:
        """The line that stands for the row (its explanation, clause and status): the saving."""
        return self.saved or self.lines[0]

    @property
    def status(self) -> str:
        present = {ln.status for ln in self.lines}
        return next((st for st in STATUS_RANK if st in present), "verified")


def tax_rows(lines: list[Line], order: dict[str, int]) -> list[TaxRow]:
    """A category's tax lines as one row per parent and year, deductions (by child) before the saving."""
    by_key: dict[tuple, list[Line]] = {}
    for ln in lines:
        by_key.setdefault((ln.year, PARENT_ORDER.get(ln.parent or "", 2), ln.parent), []).append(ln)
    return [TaxRow(parent, year, sorted(group, key=lambda x: (order.get(x.id, 99), x.child or 0)))
            for (year, _p, parent), group in sorted(by_key.items(), key=lambda kv: kv[0][:2])]


Row = Union["Line", TaxRow]


class ResultTreeModel(QAbstractItemModel):
    """Three levels: the categories; their rows (a line, or a TaxRow); under a TaxRow its lines."""

    def __init__(self, result: Result | None = None, parent=None):
        super().__init__(parent)
        self._result: Result | None = None
        self._groups: list[tuple[str, list[Row]]] = []
        self._subs: list[tuple[int, int]] = []  # (category row, row) of every TaxRow, by internal id − SUB
        self._leave_days: dict[str, int] = {}
        self._money: dict[str, float] = {}
        if result is not None:
            self.set_result(result)

    @property
    def result(self) -> Result | None:
        return self._result

    def set_result(self, result: Result) -> bool:
        """Show ``result``. Returns True when the rows stayed the same lines (only figures and texts changed):
        then the view keeps its expansion, selection and scroll position and just repaints, which is most of
        what typing a salary does. Otherwise the model is reset."""
        if result is self._result:
            return True
        from simulator.registry import LINE_IDS

        order = {k: i for i, k in enumerate(LINE_IDS)}
        by_cat: dict[str, list[Line]] = {c: [] for c in CATEGORIES}
        for ln in result.lines:
            by_cat.setdefault(ln.category, []).append(ln)
        groups: list[tuple[str, list[Row]]] = []
        for c, lines in by_cat.items():
            if not lines:
                continue
            tax = [ln for ln in lines if ln.id in TAX_IDS]
            rest = sorted((ln for ln in lines if ln.id not in TAX_IDS),
                          key=lambda x: (x.year, order.get(x.id, 99), x.child or 0, x.parent or "", _measure_no(x.measure)))
            rows: list[Row] = [*tax_rows(tax, order), *rest] if tax else rest
            if tax and rest:
                rows.sort(key=lambda r: r.year)  # (stable: within a year, the tax rows first, as before)
            groups.append((c, rows))
        timeline = result.timeline()
        same_rows = self._result is not None and _row_keys(groups) == _row_keys(self._groups)
        if not same_rows:
            self.beginResetModel()
        self._result = result
        totals = result.totals()
        self._leave_days = totals["leave_days"]
        self._money = {c: round(sum(row["money"].get(c, 0.0) for row in timeline), 2) for c in CATEGORIES}
        self._money["wage_replacement"] = totals["wage_replacement"]  # apart from the added money, with the leave
        self._groups = groups
        self._subs = [(g, r) for g, (_c, rows) in enumerate(groups) for r, row in enumerate(rows)
                      if isinstance(row, TaxRow)]
        if not same_rows:
            self.endResetModel()
            return False
        self._all_changed()
        return True

    def _all_changed(self) -> None:
        last = len(COLUMNS) - 1
        self.dataChanged.emit(self.index(0, 0), self.index(len(self._groups) - 1, last))
        for g, (_cat, rows) in enumerate(self._groups):
            top = self.index(g, 0)
            if rows:
                self.dataChanged.emit(self.index(0, 0, top), self.index(len(rows) - 1, last, top))
        for g, r in self._subs:
            row = self.index(r, 0, self.index(g, 0))
            n = len(self._groups[g][1][r].lines)
            self.dataChanged.emit(self.index(0, 0, row), self.index(n - 1, last, row))

    def retranslate(self) -> None:
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(COLUMNS) - 1)
        if self._groups:
            self._all_changed()

    # -- tree structure ---------------------------------------------------------------------------------------
    # internal id 0: a category; 1..SUB-1: a row of category (id − 1); SUB + k: a line of the TaxRow _subs[k].
    def index(self, row: int, column: int, parent: _Index = QModelIndex()) -> QModelIndex:  # noqa: B008
        # hasIndex() would ask rowCount() and columnCount() back through Qt; the view calls this for every
        # row it paints, so the bounds are checked here directly.
        if row < 0 or not 0 <= column < len(COLUMNS):
            return QModelIndex()
        if not parent.isValid():
            return self.createIndex(row, column, 0) if row < len(self._groups) else QModelIndex()
        pid = parent.internalId()
        if parent.column() != 0 or pid >= SUB:
            return QModelIndex()
        if pid == 0:
            if row >= len(self._groups[parent.row()][1]):
                return QModelIndex()
            return self.createIndex(row, column, parent.row() + 1)
        item = self._groups[pid - 1][1][parent.row()]
        if not isinstance(item, TaxRow) or row >= len(item.lines):
            return QModelIndex()
        return self.createIndex(row, column, SUB + self._subs.index((pid - 1, parent.row())))

    def parent(self, index: _Index = QModelIndex()) -> QModelIndex:  # noqa: B008
        if not index.isValid() or index.internalId() == 0:
            return QModelIndex()
        iid = index.internalId()
        if iid < SUB:
            return self.createIndex(iid - 1, 0, 0)
        g, r = self._subs[iid - SUB]
        return self.createIndex(r, 0, g + 1)

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        if not parent.isValid():
            return len(self._groups)
        pid = parent.internalId()
        if parent.column() != 0 or pid >= SUB:
            return 0
        if pid == 0:
            return len(self._groups[parent.row()][1])
        item = self._groups[pid - 1][1][parent.row()]
        return len(item.lines) if isinstance(item, TaxRow) else 0

    def hasChildren(self, parent: _Index = QModelIndex()) -> bool:  # noqa: B008
        # The view asks this of every row a dataChanged covers; answered from the structure, not by counting.
        if not parent.isValid():
            return True
        pid = parent.internalId()
        if parent.column() != 0 or pid >= SUB:
            return False
        return pid == 0 or isinstance(self._groups[pid - 1][1][parent.row()], TaxRow)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return len(COLUMNS)

    def item(self, index: _Index) -> Line | TaxRow | None:
        """The line or TaxRow at ``index`` (None for a category)."""
        if not index.isValid() or index.internalId() == 0:
            return None
        iid = index.internalId()
        if iid < SUB:
            return self._groups[iid - 1][1][index.row()]
        g, r = self._subs[iid - SUB]
        return self._groups[g][1][r].lines[index.row()]

    def line(self, index: _Index) -> Line | None:
        """The line at ``index``; for a TaxRow, the line standing for it (the saving)."""
        item = self.item(index)
        return item.line if isinstance(item, TaxRow) else item

    def index_of(self, key: tuple) -> QModelIndex:
        """The row showing the line ``key``: the line itself, or the TaxRow holding it when that row is the
        line standing for it (a deduction line is found under its TaxRow)."""
        for g, (_cat, rows) in enumerate(self._groups):
            for r, row in enumerate(rows):
                if isinstance(row, TaxRow):
                    for k, ln in enumerate(row.lines):
                        if line_key(ln) == key:
                            top = self.index(r, 0, self.index(g, 0))
                            return top if ln is row.line else self.index(k, 0, top)
                elif line_key(row) == key:
                    return self.index(r, 0, self.index(g, 0))
        return QModelIndex()

    def category_row(self, category: str) -> int:
        return next((i for i, (c, _) in enumerate(self._groups) if c == category), -1)

    # -- what is shown ----------------------------------------------------------------------------------------
    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return tr("win_col_" + COLUMNS[section])
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        # A painted cell asks for a dozen roles, most of which this model leaves to the style: answer those
        # first, before any lookup (each call is a trip into Python, and the view repaints at every keystroke).
        if role not in _ROLES or not index.isValid():
            return None
        if index.internalId() == 0:
            return self._category_data(index, role)
        item = self.item(index)
        if isinstance(item, TaxRow):
            return self._tax_row_data(item, COLUMNS[index.column()], role)
        return self._line_data(item, COLUMNS[index.column()], role)

    def multiData(self, index: _Index, roleDataSpan) -> None:
        """Every role a painted cell needs, in one call: Qt 6's item delegate asks this way, and one trip into
        Python per cell instead of seven makes the table's repaint after each keystroke about half as long."""
        if not index.isValid():
            for i in range(len(roleDataSpan)):
                roleDataSpan[i].clearData()
            return
        category = index.internalId() == 0
        line = None if category else self.item(index)
        tax_row = isinstance(line, TaxRow)
        col = COLUMNS[index.column()]
        for i in range(len(roleDataSpan)):
            item = roleDataSpan[i]
            role = item.role()
            value = None
            if role in _ROLES:
                value = (self._category_data(index, role) if category else
                         self._tax_row_data(line, col, role) if tax_row else self._line_data(line, col, role))
            if value is None:
                item.clearData()  # the delegate reuses its span from cell to cell: leave nothing of the last one
            else:
                item.setData(value)

    def _line_data(self, line: Line, col: str, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            return self._line_text(line, col)
        if role == LINE_ROLE:
            return line
        if role == STATUS_ROLE:
            return line.status
        if role == Qt.ItemDataRole.ToolTipRole:
            if col == "status" and line.status != "verified":
                return tr("win_status_tip_" + line.status)
            return line.text(language()) if col in ("item", "amount") else None
        if role == Qt.ItemDataRole.TextAlignmentRole and col in ("amount", "year"):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ForegroundRole and (line.amount == 0 or line.amount is None):
            return _GREY
        if role == Qt.ItemDataRole.FontRole and line.amount is None and line.unit != "entitlement" and col == "amount":
            font = QFont()
            font.setItalic(True)
            return font
        return None

    def _tax_row_data(self, row: TaxRow, col: str, role: int) -> Any:
        line = row.line
        if role == Qt.ItemDataRole.DisplayRole:
            if col == "item":
                name = tr("win_tax_row", parent=tr(row.parent)) if row.parent else tr("tax_saved")
                return tr("win_tax_row_lines", name=name, n=len(row.lines))
            if col == "status":
                return "" if row.status == "verified" else tr("win_badge_" + row.status)
            return self._line_text(line, col)
        if role == STATUS_ROLE:
            return row.status
        if role == Qt.ItemDataRole.ToolTipRole and col in ("item", "amount"):
            return line.text(language()) + "\n" + tr("win_tip_tax_row")
        return self._line_data(line, col, role) if role != Qt.ItemDataRole.ToolTipRole else None

    def _line_text(self, line: Line, col: str) -> str:
        if col == "item":
            return item_text(line)
        if col == "year":
            return str(line.year)
        if col == "amount":
            return amount_text(line)
        if col == "payer":
            return payer_text(line)
        if col == "source":
            return line.source
        return "" if line.status == "verified" else tr("win_badge_" + line.status)

    def _category_data(self, index: QModelIndex, role: int) -> Any:
        category, lines = self._groups[index.row()]
        col = COLUMNS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            if col == "item":
                return tr("win_category_count", name=tr(category), n=len(lines))
            if col == "amount":
                return self._category_summary(category)
            return ""
        if role == Qt.ItemDataRole.FontRole:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.TextAlignmentRole and col == "amount":
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def _category_summary(self, category: str) -> str:
        """The category's total as the model's timeline and totals give it (nothing is added up here
        beyond the timeline's own years)."""
        if self._result is None or category == "services":
            return ""
        if category == "leave":
            days = self._leave_days
            return " · ".join(f"{tr(r)} {days[r]} {tr('unit_days')}" for r in ("mother", "father") if days[r])
        total = self._money.get(category, 0.0)
        return f"{fmt(total)} {tr('unit_yuan')}" if total else ""


def _row_keys(groups: list[tuple[str, list[Row]]]) -> list[tuple]:
    return [(c, [tuple(line_key(ln) for ln in row.lines) if isinstance(row, TaxRow) else line_key(row)
                 for row in rows]) for c, rows in groups]


def _measure_no(measure: str | None) -> int:
    return int(measure.lstrip("§")) if measure and measure.lstrip("§").isdigit() else 0
