"""Large text: a parent's check box (the title of its group) is a 60 px target, not the 30 px of its words."""

from PySide6.QtCore import QPoint, Qt

from tests.test_ui_fit import app_font  # noqa: F401  (the app's own font, as its start registers it)
from tests.test_ui_form import open_window
from ui.large_text import TARGET_PX
from ui.main_window import ZOOM_STEPS
from ui.parent_editor import title_band


def test_at_200_percent_a_click_anywhere_in_a_parents_title_band_ticks_it(qtbot, app_font):  # noqa: F811
    window = open_window(qtbot)
    window.resize(1366, 768)
    window.set_zoom(ZOOM_STEPS.index(2.0))
    father = window.form.father
    qtbot.waitUntil(lambda: title_band(father).height() >= TARGET_PX, timeout=5000)
    band = title_band(father)
    assert band.height() >= TARGET_PX and band.width() >= TARGET_PX
    assert father.isChecked()
    qtbot.mouseClick(father, Qt.MouseButton.LeftButton, pos=QPoint(band.left() + 2, band.top() + 3))
    qtbot.waitUntil(lambda: not father.isChecked(), timeout=3000)  # the padding above the words: Qt alone
    # would not have taken it
    qtbot.waitUntil(lambda: window.session.household.father is None, timeout=3000)
    qtbot.mouseClick(father, Qt.MouseButton.LeftButton, pos=QPoint(band.left() + 2, band.bottom() - 2))
    qtbot.waitUntil(father.isChecked, timeout=3000)
    qtbot.waitUntil(lambda: window.session.household.father is not None, timeout=3000)
