"""Compare scenarios: the family as it was (A) against the copy being edited (B) — "what changes if we have
another child, and when?" — per line and per year."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTableView,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from ui.compare_model import LineDiffModel, YearDiffModel
from ui.i18n import tr
from ui.result_model import fmt
from ui.session import Session


def _tree(model, parent: QWidget) -> QTreeView:
    """The differences by line: income tax as one row per parent and year, its lines under it on expanding."""
    view = QTreeView(parent)
    view.setModel(model)
    view.setAlternatingRowColors(True)
    view.setUniformRowHeights(True)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setIndentation(14)
    view.header().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    view.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
    view.header().setStretchLastSection(False)
    view.setWordWrap(False)
    view.setTextElideMode(Qt.TextElideMode.ElideMiddle)
    return view


def _fit(view: QTableView | QTreeView, stretch: int) -> None:
    """Columns as wide as their figures, up to a limit, so the item names keep most of the room."""
    cap = 9 * view.fontMetrics().horizontalAdvance("M")
    for col in range(view.model().columnCount()):
        if col != stretch:
            view.resizeColumnToContents(col)
            view.setColumnWidth(col, min(view.columnWidth(col), cap))


def _table(model, parent: QWidget, stretch: int) -> QTableView:
    view = QTableView(parent)
    view.setModel(model)
    view.setAlternatingRowColors(True)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.verticalHeader().hide()
    view.verticalHeader().setDefaultSectionSize(view.fontMetrics().height() + 8)
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    view.horizontalHeader().setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    view.setWordWrap(False)
    view.setTextElideMode(Qt.TextElideMode.ElideMiddle)
    return view


class CompareView(QWidget):
    def __init__(self, session: Session, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.lines_model = LineDiffModel(self)
        self.years_model = YearDiffModel(self)
        # not comparing: what the feature is for, and a button to start
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.intro.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.start = QPushButton()
        idle = QWidget()
        ibox = QVBoxLayout(idle)
        ibox.addWidget(self.intro)
        ibox.addWidget(self.start, 0, Qt.AlignmentFlag.AlignLeft)
        ibox.addStretch(1)
        # comparing
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.keep_b = QPushButton()
        self.back_to_a = QPushButton()
        self.lines_title, self.years_title = QLabel(), QLabel()
        self.lines_view = _tree(self.lines_model, self)
        self.years_view = _table(self.years_model, self, stretch=len(YearDiffModel.COLUMNS) - 1)
        left, right = QWidget(), QWidget()
        for w, title, view in ((left, self.lines_title, self.lines_view), (right, self.years_title, self.years_view)):
            b = QVBoxLayout(w)
            b.setContentsMargins(0, 0, 0, 0)
            b.addWidget(title)
            b.addWidget(view)
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(left)
        split.addWidget(right)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        split.setSizes([600, 400])
        buttons = QHBoxLayout()
        buttons.addWidget(self.summary, 1)
        buttons.addWidget(self.keep_b)
        buttons.addWidget(self.back_to_a)
        active = QWidget()
        abox = QVBoxLayout(active)
        abox.setContentsMargins(0, 0, 0, 0)
        abox.addLayout(buttons)
        abox.addWidget(split, 1)
        self.stack = QStackedWidget()
        self.stack.addWidget(idle)
        self.stack.addWidget(active)
        QVBoxLayout(self).addWidget(self.stack)

        self.start.clicked.connect(self._on_start_clicked)
        self.keep_b.clicked.connect(self._on_keep_b_clicked)
        self.back_to_a.clicked.connect(self._on_back_to_a_clicked)
        session.comparisonChanged.connect(self._on_comparison_changed)
        session.resultChanged.connect(self._on_result_changed)
        self._shown: tuple | None = None
        self._stale = False
        self.retranslate()
        self._on_comparison_changed()

    def _on_start_clicked(self) -> None:
        self.session.start_comparison()

    def _on_keep_b_clicked(self) -> None:
        self.session.stop_comparison(keep="b")

    def _on_back_to_a_clicked(self) -> None:
        self.session.stop_comparison(keep="a")

    def _on_comparison_changed(self) -> None:
        self.stack.setCurrentIndex(1 if self.session.comparing else 0)
        self._on_result_changed()

    def _on_result_changed(self) -> None:
        if self.window().isVisible() and not self.isVisible():  # a tab not showing: catch up when shown
            self._stale = True
            return
        self._stale = False
        a, b = self.session.baseline_result, self.session.result
        key = (id(a), id(b))
        if key == self._shown:
            return
        self._shown = key
        self.lines_model.set_results(a, b)
        self.years_model.set_results(a, b)
        _fit(self.lines_view, 0)
        _fit(self.years_view, len(YearDiffModel.COLUMNS) - 1)
        self._update_summary()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if self._stale:
            self._on_result_changed()

    def _update_summary(self) -> None:
        a, b = self.session.baseline_result, self.session.result
        if a is None or b is None:
            self.summary.setText("")
            return
        ta, tb = a.totals(), b.totals()
        money = round(tb["money_received"] + tb["tax_saved"] - ta["money_received"] - ta["tax_saved"], 2)
        if not self.lines_model.rows:
            self.summary.setText(tr("win_cmp_no_change"))
            return
        sign = "+" if money >= 0 else "−"
        text = tr("win_cmp_summary", n=len(self.lines_model.rows), sign=sign, v=fmt(abs(money)))
        if ta.get("not_computed") or tb.get("not_computed"):  # a difference against a figure nobody computed
            text += " " + tr("win_cmp_not_computed", a=ta.get("not_computed", 0), b=tb.get("not_computed", 0))
        self.summary.setText(text)

    def retranslate(self) -> None:
        self.intro.setText(tr("win_cmp_intro"))
        self.start.setText(tr("win_cmp_start"))
        self.keep_b.setText(tr("win_cmp_keep_b"))
        self.keep_b.setToolTip(tr("win_tip_cmp_keep_b"))
        self.back_to_a.setText(tr("win_cmp_back_to_a"))
        self.back_to_a.setToolTip(tr("win_tip_cmp_back_to_a"))
        self.lines_title.setText(tr("win_cmp_by_line"))
        self.years_title.setText(tr("win_cmp_by_year"))
        self.lines_view.setAccessibleName(tr("win_cmp_by_line"))
        self.years_view.setAccessibleName(tr("win_cmp_by_year"))
        self.lines_model.retranslate()
        self.years_model.retranslate()
        self._update_summary()
