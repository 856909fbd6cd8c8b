"""Large-text mode for the kiosk ("大字模式", turned on from the band; "start over" turns it off): text of at
least ELDER_PT points, touch targets of at least ELDER_PX pixels and text colours of at least 4.5:1 against
their background (WCAG 2 AA for normal text). Applied on top of ui.kiosk_style.KIOSK_STYLE."""

from __future__ import annotations

ELDER_PT = 18
ELDER_PX = 60
INK = "#000000"        # text
PAPER = "#ffffff"      # fields and lists
FRAME = "#263238"      # borders of fields
ACCENT = "#0d47a1"     # selected rows, checked buttons (white text on it: 8.6:1)

ELDER_STYLE = f"""
QWidget {{ font-size: {ELDER_PT}pt; }}
QLabel, QCheckBox, QRadioButton, QGroupBox, QTabBar::tab {{ color: {INK}; }}
QPushButton, QToolButton {{ min-height: {ELDER_PX}px; min-width: {ELDER_PX}px; }}
QLineEdit {{ min-height: {ELDER_PX}px; color: {INK}; background: {PAPER}; border: 2px solid {FRAME};
            border-radius: 4px; padding: 0 8px; }}
QComboBox {{ min-height: {ELDER_PX}px; color: {INK}; }}
QComboBox QAbstractItemView {{ color: {INK}; background: {PAPER}; selection-background-color: {ACCENT};
                              selection-color: {PAPER}; }}
QComboBox QAbstractItemView::item {{ min-height: {ELDER_PX}px; }}
QCheckBox, QRadioButton {{ min-height: {ELDER_PX}px; }}
QCheckBox::indicator, QRadioButton::indicator, QGroupBox::indicator {{ width: 40px; height: 40px; }}
QTabBar::tab {{ min-height: {ELDER_PX}px; }}
QTreeView, QTableView, QTextBrowser, QTextEdit {{ color: {INK}; background: {PAPER};
                                                 selection-background-color: {ACCENT}; selection-color: {PAPER}; }}
QTreeView::item, QTableView::item {{ min-height: {ELDER_PX}px; }}
QHeaderView::section {{ color: {INK}; }}
"""


def relative_luminance(hex_colour: str) -> float:
    """WCAG 2's relative luminance of '#rrggbb'."""
    channels = [int(hex_colour.lstrip("#")[i:i + 2], 16) / 255 for i in (0, 2, 4)]
    r, g, b = (c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a: str, b: str) -> float:
    """WCAG 2's contrast ratio of two '#rrggbb' colours (1 to 21)."""
    la, lb = sorted((relative_luminance(a), relative_luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)
