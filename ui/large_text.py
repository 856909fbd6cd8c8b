"""The large-text mode (the 适老化 guidance for older people: text of 18 pt or more, targets of 60 px or more,
contrast of 4.5:1 or more): from LARGE_FROM of the normal size up, every control a person clicks or taps is at
least TARGET_PX tall. The text itself grows with the application font (ui.main_window.set_zoom)."""

from __future__ import annotations

TARGET_PX = 60
LARGE_FROM = 1.75  # of the desktop's text size: the two largest steps of ui.main_window.ZOOM_STEPS

LARGE_STYLE = f"""
QLineEdit {{ min-height: {TARGET_PX - 4}px; }}
QComboBox {{ min-height: {TARGET_PX - 2}px; }}  /* its frame adds 2: 60 px even where a scrolled form is tight */
QPushButton, QToolButton {{ min-height: {TARGET_PX - 4}px; min-width: {TARGET_PX - 4}px; }}
QCheckBox, QRadioButton {{ min-height: {TARGET_PX}px; }}
QCheckBox::indicator, QRadioButton::indicator, QGroupBox::indicator {{ width: 28px; height: 28px; }}
/* a checkable group's title (a parent's box) is what a person clicks: as tall as every other target */
QGroupBox::title {{ padding: {TARGET_PX // 3}px 4px; }}
QTabBar::tab {{ min-height: {TARGET_PX}px; padding: 0 16px; }}
"""
