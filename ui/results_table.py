"""The table of every line, grouped by category, with a coloured badge for figures that are not verified
(assumed, set by local notice, locally entered, from a secondary source). Selecting a line announces it so
the explanation panel can show why."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QModelIndex, QRectF, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QFontMetrics, QPainter, QPainterPath
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QToolTip,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from simulator import vocabulary
from ui.i18n import tr
from ui.result_model import COLUMNS, STATUS_ROLE, ResultTreeModel, line_key
from ui.session import Session

REFIT_PAUSE_MS = 400  # a pause in typing: milliseconds, a UI timing, not a policy figure
BADGE_COLOURS = vocabulary.BADGE_COLOURS  # background, text: the model's one palette, as the handout's


class ElideRightDelegate(QStyledItemDelegate):
    """Who pays or where to ask reads from the start ("咨询：市医保局…"), unlike the other columns."""

    def initStyleOption(self, option: QStyleOptionViewItem, index: QModelIndex) -> None:
        super().initStyleOption(option, index)
        option.textElideMode = Qt.TextElideMode.ElideRight


class BadgeDelegate(QStyledItemDelegate):
    """Draws the status as a rounded badge, so an assumed figure stands out from a verified one."""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex) -> None:
        status = index.data(STATUS_ROLE)
        text = index.data(Qt.ItemDataRole.DisplayRole)
        if status not in BADGE_COLOURS or not text:
            super().paint(painter, option, index)
            return
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        opt.text = ""
        opt.widget.style().drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, opt.widget)
        bg, fg = BADGE_COLOURS[status]
        metrics = opt.fontMetrics
        width = metrics.horizontalAdvance(text) + 14
        height = metrics.height() + 4
        rect = QRectF(opt.rect.left() + 4, opt.rect.center().y() - height / 2 + 1, width, height)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        path = QPainterPath()
        path.addRoundedRect(rect, height / 2, height / 2)
        painter.fillPath(path, QColor(bg))
        painter.setPen(QColor(fg))
        painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, text)
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex):
        size = super().sizeHint(option, index)
        size.setWidth(size.width() + 18)
        return size


class ResultsTable(QWidget):
    lineSelected = Signal(object)  # a Line, or None

    def __init__(self, session: Session, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.model = ResultTreeModel(parent=self)
        self.view = QTreeView(self)
        self.view.setModel(self.model)
        self.view.setAlternatingRowColors(True)
        self.view.setUniformRowHeights(True)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setItemDelegateForColumn(COLUMNS.index("status"), BadgeDelegate(self.view))
        self.view.setItemDelegateForColumn(COLUMNS.index("payer"), ElideRightDelegate(self.view))
        # the middle goes, so both a name's child/parent and a source's clause (§4) stay readable
        self.view.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        self.view.setIndentation(14)
        header = self.view.header()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)  # widths set in _apply_widths
        header.setStretchLastSection(False)
        self.view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        self.view.viewport().installEventFilter(self)
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(self.view)
        self._selected_key: tuple | None = None
        self._to_top = True  # the first result, and each case opened or started: shown from the top
        self._fitted_shape: int | None = None
        self._natural: dict[int, int] = {}
        # Measuring every cell takes tens of milliseconds: when lines come or go while a person types, the
        # columns are measured again once they pause, not in the middle of a keystroke.
        self._refit = QTimer(self)
        self._refit.setSingleShot(True)
        self._refit.setInterval(REFIT_PAUSE_MS)
        self._refit.timeout.connect(self._fit_columns)
        self.view.selectionModel().currentRowChanged.connect(self._on_current_changed)
        session.resultChanged.connect(self._on_result_changed)
        session.loaded.connect(self._on_loaded)
        self.retranslate()
        if session.result is not None:
            self._on_result_changed()

    def _on_loaded(self) -> None:
        """Another case (opened, new, back to A): its results are shown from the top, not where the last one's
        selection was."""
        self._to_top = True
        self._selected_key = None

    def _on_result_changed(self) -> None:
        result = self.session.result
        if result is None or result is self.model.result:
            return
        to_top, self._to_top = self._to_top, False
        key = self._selected_key
        shape = len(result.lines)
        same = self.model.set_result(result)
        if same and not to_top:  # the same rows with new figures: selection and scroll stay as they are
            index = self.model.index_of(key) if key else None
            self.lineSelected.emit(self.model.line(index) if index is not None and index.isValid() else None)
            return
        if not same:
            self.view.expandToDepth(0)  # the categories open; a year's income-tax detail opens on asking
        if self._fitted_shape is None or not self._natural:  # the first result: measure before it is shown
            self._fit_columns()
        elif shape != self._fitted_shape:  # lines came or went: measure again when the typing pauses
            self._refit.start()
        self._fitted_shape = shape
        index = self.model.index_of(key) if key else self._first_money_line()
        if index is not None and index.isValid():
            self.view.setCurrentIndex(index)
            self.view.scrollTo(index)
        if to_top:
            self.view.scrollToTop()
            self.view.horizontalScrollBar().setValue(0)
        self.lineSelected.emit(self.model.line(index) if index is not None and index.isValid() else None)

    def event(self, event: QEvent) -> bool:
        handled = super().event(event)
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.ApplicationFontChange) and self.model.result is not None:
            self._fit_columns()  # larger text needs wider columns
            QTimer.singleShot(0, self, self._fit_columns)  # again once the view and its header have the new font
        return handled

    def _first_money_line(self):
        """On first showing, select a line that pays something, so the explanation panel shows its use."""
        for line in self.session.result.lines:
            if line.unit == "yuan" and line.amount:
                return self.model.index_of(line_key(line))
        return None

    def _on_current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        line = self.model.line(current)
        if line is None and current.isValid():
            return  # a category row: keep whatever was shown
        self._selected_key = line_key(line) if line else None
        self.lineSelected.emit(line)

    def fit_columns(self) -> None:
        """Measure the columns again (after the text size or the style changed)."""
        self._fit_columns()

    def _fit_columns(self) -> None:
        """Measure every column's natural width (slow: done when lines come or go, or the text size changes)."""
        self._refit.stop()
        self._natural = {}
        for col in range(len(COLUMNS)):
            self._natural[col] = self.view.sizeHintForColumn(col)
        self._line_amounts, self._category_amounts = self._widest_amounts()
        self._apply_widths()

    def _widest_amounts(self) -> tuple[int, int]:
        """The widest figure of a line, and of a category's own total ("mother 559 days · father 190 days": it
        may be shortened when the table has no room to spare; it shows whole as a tooltip and its lines below
        say it in full). Every row is measured, not only those scrolled into view."""
        col, widest, widest_total = COLUMNS.index("amount"), 0, 0
        metrics = self.view.fontMetrics()
        for r in range(self.model.rowCount()):
            category = self.model.index(r, 0)
            total = self.model.index(r, col)
            font = total.data(Qt.ItemDataRole.FontRole)  # (a category's row is bold)
            widest_total = max(widest_total, (QFontMetrics(font) if font is not None else metrics).horizontalAdvance(
                str(total.data(Qt.ItemDataRole.DisplayRole) or "")))
            for k in range(self.model.rowCount(category)):
                text = self.model.index(k, col, category).data(Qt.ItemDataRole.DisplayRole)
                widest = max(widest, metrics.horizontalAdvance(str(text or "")))
        margin = 2 * self.view.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, self.view) + 6
        return widest + margin, widest_total + margin

    def _apply_widths(self) -> None:
        """Natural widths when the table is wide enough; otherwise limits that leave the item name room, the
        long payers and sources elided (their whole text is the cell's tooltip and in the explanation panel).
        An amount, a year, a flag and a column's heading are never cut: when even that does not fit (large
        text), the table scrolls sideways rather than squeezing a column to nothing."""
        if not self._natural:
            return
        header = self.view.header()
        em = self.fontMetrics().horizontalAdvance("M")
        header.setMinimumSectionSize(3 * em)
        natural = self._natural
        heads = {col: self.header_width(col) for col in range(len(COLUMNS))}
        # never cut: the figures, the year, the flag; the others start at a floor and grow with the room there is
        floors = {"item": 14 * em, "payer": 6 * em, "source": 8 * em}
        widths = {}
        for col, name in enumerate(COLUMNS):
            width = natural.get(col, 0)
            if name in floors:
                width = min(width, int(floors[name]))
            elif name == "amount":
                width = min(width, getattr(self, "_line_amounts", width))
            widths[col] = max(width, heads[col])
        shown = {col for col in widths if not header.isSectionHidden(col)}  # (the kiosk hides payer and source)
        spare = self.view.viewport().width() - sum(w for col, w in widths.items() if col in shown)
        item, source, payer = (COLUMNS.index(c) for c in ("item", "source", "payer"))
        amount = COLUMNS.index("amount")
        wants = [(source, min(natural[source], 11.5 * em)), (item, min(natural[item], 30 * em)),
                 (amount, getattr(self, "_category_amounts", 0)), (source, natural[source]), (payer, natural[payer]),
                 (item, 10 ** 6)]
        wants = [(col, target) for col, target in wants if col in shown]  # a hidden column's room goes to the names
        # a short clause (§4) first, the item names, a category's whole total ("mother 484 days · father 110
        # days"), the long clauses, who pays, names
        for col, target in wants:
            extra = max(0, min(int(target) - widths[col], spare))
            widths[col] += extra
            spare -= extra
        for col, width in widths.items():  # wider than the table only when even the floors do not fit: it scrolls
            header.resizeSection(col, width)

    def header_width(self, col: int) -> int:
        """How wide a column must be for its heading to show whole."""
        header = self.view.header()
        text = self.model.headerData(col, Qt.Orientation.Horizontal) or ""
        margin = 2 * header.style().pixelMetric(QStyle.PixelMetric.PM_HeaderMargin, None, header)
        return header.fontMetrics().horizontalAdvance(text) + margin + 8

    def eventFilter(self, obj, event) -> bool:
        """A cell shortened with "…" shows its whole text as a tooltip, even where the model gives none."""
        if obj is self.view.viewport() and event.type() == QEvent.Type.ToolTip:
            index = self.view.indexAt(event.pos())
            if index.isValid() and not index.data(Qt.ItemDataRole.ToolTipRole):
                text = index.data(Qt.ItemDataRole.DisplayRole)
                if text and self.is_elided(index):
                    QToolTip.showText(event.globalPos(), str(text), self.view.viewport())
                    return True
        return super().eventFilter(obj, event)

    def is_elided(self, index: QModelIndex) -> bool:
        """Whether the cell's text is too long for its column."""
        text = index.data(Qt.ItemDataRole.DisplayRole)
        if not text:
            return False
        rect = self.view.visualRect(index)
        return self.view.fontMetrics().horizontalAdvance(str(text)) + 12 > rect.width()

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._apply_widths()

    def select_line(self, line) -> None:
        index = self.model.index_of(line_key(line))
        if index.isValid():
            self.view.expand(index.parent())
            self.view.setCurrentIndex(index)

    def forget_selection(self) -> None:
        """No line selected and the list at its top (the kiosk's start over: nothing of the last visitor kept)."""
        self._selected_key = None
        self.view.clearSelection()
        self.view.scrollToTop()
        self.view.horizontalScrollBar().setValue(0)

    def current_line(self):
        return self.model.line(self.view.currentIndex())

    def retranslate(self) -> None:
        self.model.retranslate()
        self.view.setAccessibleName(tr("win_results_table"))
        self._fit_columns()

