"""Register the shipped Chinese font with Qt and matplotlib, so no text is drawn as boxes even on a
machine without CJK fonts (or without any fontconfig configuration at all)."""

from __future__ import annotations

import logging
from functools import cache
from pathlib import Path

ASSETS = Path(__file__).resolve().parent.parent / "assets"
FONT_FILE = ASSETS / "fonts" / "NotoSansSC-Regular-subset.otf"
log = logging.getLogger(__name__)


@cache
def matplotlib_family() -> str | None:
    """Add the font to matplotlib's font manager; returns the family name to use in rcParams/FontProperties."""
    if not FONT_FILE.is_file():
        log.warning("font missing: %s", FONT_FILE)
        return None
    from matplotlib import font_manager, rcParams

    fm = font_manager.fontManager
    try:
        fm.addfont(str(FONT_FILE))
        name = font_manager.FontProperties(fname=str(FONT_FILE)).get_name()
    except (RuntimeError, OSError, ValueError) as e:  # FreeType cannot read it: a damaged or truncated file
        log.warning("matplotlib could not load %s: %s", FONT_FILE, str(e))  # not e: its traceback holds frames
        return None
    # The subset's family is renamed (tools/make_font.py), so no system font can answer to this name.
    rcParams["font.family"] = "sans-serif"
    rcParams["font.sans-serif"] = [name, *[f for f in rcParams["font.sans-serif"] if f != name]]
    rcParams["axes.unicode_minus"] = False  # the subset has no U+2212 minus sign guarantee
    return name


def register_qt_font(app) -> str | None:
    """Add the font to Qt and make it the application's default; returns the Qt family name."""
    from PySide6.QtGui import QFont, QFontDatabase

    if not FONT_FILE.is_file():
        log.warning("font missing: %s", FONT_FILE)
        return None
    font_id = QFontDatabase.addApplicationFont(str(FONT_FILE))
    families = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
    if not families:
        log.warning("Qt could not load %s", FONT_FILE)
        return None
    font = QFont(families[0])
    font.setPointSizeF(app.font().pointSizeF() if app.font().pointSizeF() > 0 else 10)
    app.setFont(font)
    return families[0]
