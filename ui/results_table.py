"""The table of every line, grouped by category, with a coloured badge for figures that are not verified
(assumed, set by local notice, locally entered, from a secondary source). Selecting a line announces it so
the explanation panel can show why."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QModelIndex, QRectF, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QPainter, QPainterPath
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from ui.i18n import tr
from ui.result_model import COLUMNS, STATUS_ROLE, ResultTreeModel, line_key
from ui.session import Session

REFIT_PAUSE_MS = 400  # a pause in typing: milliseconds, a UI timing, not a policy figure
BADGE_COLOURS = {  # background, text
    "assumed": ("#fff1c2", "#6d4c00"),
    "unpublished": ("#dceeff", "#0d3c78"),
    "local": ("#dff3e0", "#1b5e20"),
    "secondary": ("#efe3f5", "#4a148c"),
}


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
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setStretchLastSection(False)
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
        self._apply_widths()

    def _apply_widths(self) -> None:
        """Natural widths when the table is wide enough; otherwise limits that leave the item name room, the
        long payers and sources elided (the explanation panel shows them whole)."""
        if not self._natural:
            return
        header = self.view.header()
        em = self.fontMetrics().horizontalAdvance("M")
        header.setMinimumSectionSize(3 * em)
        caps = {"year": 5 * em, "amount": 12 * em, "payer": 8 * em, "source": 11.5 * em, "status": 8 * em}
        widths = {col: min(width, int(caps[COLUMNS[col]])) for col, width in self._natural.items() if col}
        item = min(max(self._natural[0], 14 * em), 30 * em)  # the item column keeps room for its names first
        spare = self.view.viewport().width() - item - sum(widths.values())
        for name in ("source", "amount", "status", "payer"):  # room to spare goes to the clause first
            col = COLUMNS.index(name)
            extra = max(0, min(self._natural[col] - widths[col], spare))
            widths[col] += extra
            spare -= extra
        for col, width in widths.items():
            header.resizeSection(col, width)

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

