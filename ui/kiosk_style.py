"""Large type and touch targets of at least 48 px for the kiosk: one style sheet on the window, plus the row
heights of item views (set on their headers, which a style sheet does not reach when the header is hidden).

A check box in a group's title (母亲, 父亲: is there this parent) is touched by its box and its words, and the
words' height is the box's, so the box itself is a whole target tall (a QCheckBox's min-height makes its own
row tall instead)."""

from __future__ import annotations

from PySide6.QtWidgets import QAbstractItemView, QComboBox, QStyledItemDelegate, QTableView, QTreeView, QWidget

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
