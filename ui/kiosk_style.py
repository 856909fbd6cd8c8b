"""Large type and touch targets of at least 48 px for the kiosk: one style sheet on the window, plus the row
heights of item views (set on their headers, which a style sheet does not reach when the header is hidden).

A check box in a group's title (母亲, 父亲: is there this parent) is touched by its box and its words, and the
words' height is the box's, so the box itself is a whole target tall (a QCheckBox's min-height makes its own
row tall instead)."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QPoint
from PySide6.QtWidgets import (
    QAbstractItemView,
    QAbstractScrollArea,
    QComboBox,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionComboBox,
    QTableView,
    QTreeView,
    QWidget,
)

TOUCH_PX = 48
KIOSK_ZOOM = {False: 1.5, True: 1.15}  # compact or not: of the desktop's text size (ui.main_window.ZOOM_STEPS)

KIOSK_STYLE = f"""
QPushButton, QToolButton {{ min-height: {TOUCH_PX}px; min-width: {TOUCH_PX}px; }}
QPushButton {{ padding: 0 16px; }}
QLineEdit {{ min-height: {TOUCH_PX}px; padding: 0 8px; }}
QComboBox {{ min-height: {TOUCH_PX}px; padding: 0 44px 0 8px; }}
QComboBox::drop-down {{ width: 40px; }}
QComboBox QAbstractItemView::item {{ min-height: {TOUCH_PX}px; }}
QCheckBox, QRadioButton {{ min-height: {TOUCH_PX}px; spacing: 12px; }}
QCheckBox::indicator, QRadioButton::indicator {{ width: 32px; height: 32px; }}
QGroupBox::indicator {{ width: {TOUCH_PX}px; height: {TOUCH_PX}px; }}
QGroupBox {{ font-weight: bold; padding-top: 12px; }}
QTabBar::tab {{ min-height: {TOUCH_PX}px; min-width: 160px; padding: 0 20px; }}
QTreeView::item, QTableView::item {{ min-height: {TOUCH_PX}px; }}
QScrollBar:vertical {{ width: 28px; }}
QScrollBar:horizontal {{ height: 28px; }}
QScrollBar::handle:vertical {{ min-height: 64px; }}
QScrollBar::handle:horizontal {{ min-width: 64px; }}
QSplitter::handle {{ background: #dfe6ee; }}
QSplitter::handle:horizontal {{ width: 10px; }}
QSplitter::handle:vertical {{ height: 10px; }}
"""


def group_check_style(px: int) -> str:
    """The check box of a group's title ``px`` tall (large-text mode: ui.elder_style.ELDER_PX)."""
    return f"QGroupBox::indicator {{ width: {px}px; height: {px}px; }}\n"


def apply_touch_rows(window: QWidget, px: int = TOUCH_PX) -> None:
    """Every table row and drop-down choice at least ``px`` tall (the style sheet's ::item min-height does not
    reach every view: a combo box's own item delegate ignores it, a styled one does not)."""
    for combo in window.findChildren(QComboBox):
        if not isinstance(combo.itemDelegate(), QStyledItemDelegate):
            combo.setItemDelegate(QStyledItemDelegate(combo))
    for view in window.findChildren(QAbstractItemView):
        if isinstance(view, QTableView):
            view.verticalHeader().setMinimumSectionSize(px)
            view.verticalHeader().setDefaultSectionSize(px)
        elif isinstance(view, QTreeView):
            view.setUniformRowHeights(True)


class ChoiceWidth(QObject):
    """Keeps a drop-down of the form at least as wide as its choice's whole name: on the desktop a shortened
    name ("职工医保（含生…") is read whole in its tooltip, which a finger never brings up. Given that minimum,
    the form puts the drop-down under its label, with the form's whole width, when it does not fit beside it."""

    def __init__(self, combo: QComboBox):
        super().__init__(combo)
        self.combo = combo
        combo.installEventFilter(self)
        combo.currentTextChanged.connect(self._on_text_changed)
        self.fit()

    def _on_text_changed(self, _text: str) -> None:
        self.fit()

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if obj is self.combo and event.type() in _RESTYLED:
            self.fit()
        return False

    def needed(self) -> int:
        combo = self.combo
        opt = QStyleOptionComboBox()
        combo.initStyleOption(opt)
        text = combo.style().subControlRect(QStyle.ComplexControl.CC_ComboBox, opt,
                                            QStyle.SubControl.SC_ComboBoxEditField, combo)
        need = combo.fontMetrics().horizontalAdvance(combo.currentText()) + combo.width() - text.width() + 1
        return min(need, self.room()) if self.room() > 0 else need

    def room(self) -> int:
        """The width the drop-down has under its label: the scrolled form's width less the frames around it (as
        much on the right as on the left). A name longer than that stays shortened rather than the form scrolling
        sideways."""
        area, inner = self.combo.parentWidget(), None
        while area is not None and not isinstance(area, QAbstractScrollArea):
            inner, area = area, area.parentWidget()
        if area is None or inner is None:
            return 0
        holder = self.combo.parentWidget()
        layout = holder.layout()
        left = holder.mapTo(inner, QPoint(0, 0)).x() + (layout.contentsMargins().left() if layout else 0)
        return area.viewport().width() - 2 * left - ROOM_SLACK_PX

    def fit(self) -> None:
        need = self.needed()
        if self.combo.minimumWidth() != need:
            self.combo.setMinimumWidth(need)


ROOM_SLACK_PX = 8  # the frames on the right are not all as wide as those on the left: never a sideways scroll

_RESTYLED = frozenset({QEvent.Type.Polish, QEvent.Type.StyleChange, QEvent.Type.FontChange, QEvent.Type.Show})


def fit_choices(form: QWidget) -> None:
    """Every drop-down of the form (the family, each parent's jobs, the children) shown whole (``ChoiceWidth``);
    called again when rows are added."""
    for combo in form.findChildren(QComboBox):
        fitter = combo.findChild(ChoiceWidth)
        if fitter is None:
            ChoiceWidth(combo)
        else:
            fitter.fit()  # the form's width may have changed
