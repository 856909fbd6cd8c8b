"""The kiosk: nothing that reaches the file system, touch-sized, and after the idle countdown no trace of the
last visitor — on screen, in memory or on disk."""

from __future__ import annotations

import gc
import weakref
from pathlib import Path

import pytest
from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPoint, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QCheckBox,
    QComboBox,
    QFileDialog,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMenuBar,
    QPushButton,
    QRadioButton,
    QTabBar,
    QTextEdit,
    QToolBar,
    QToolButton,
    QWidget,
)

from simulator import Household
from simulator.result import Line, Result
from ui.crash_guard import data_dir
from ui.i18n import language, set_language
from ui.kiosk_app import build_kiosk_window, start_session
from ui.kiosk_config import KioskSettings
from ui.session import NEW_FAMILY, Session
from ui.window_actions import KIOSK_SAFE, SPECS

SALARY = "23456"
BIRTH = "2023-05-17"
TOUCH = 48


@pytest.fixture
def kiosk(qtbot, home):
    set_language("zh")
    font = QApplication.instance().font()
    session = Session()
    assert start_session(session, data_dir()) is None
    window = build_kiosk_window(session, KioskSettings(kiosk=True, countdown_seconds=3), idle_ms=600_000, tick_ms=40)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    window.ensure_chart()
    qtbot.wait(10)
    window.kiosk.idle.resume()
    yield window
    window.kiosk.idle.stop() if window.kiosk else None
    set_language("zh")
    QApplication.instance().setFont(font)


def files_under(root: Path) -> list[Path]:
    return [p for p in root.rglob("*") if p.is_file()]


def visit(window, qtbot) -> None:
    """What a visitor does: pay, a child born, scenario A kept, a line selected, the chart's other view."""
    form = window.form
    form.mother.salary.edit.clear()
    qtbot.keyClicks(form.mother.salary.edit, SALARY)
    qtbot.mouseClick(form.children_editor.add, Qt.MouseButton.LeftButton)
    child = form.children_editor.children_rows[-1].birth_date.edit
    child.selectAll()
    qtbot.keyClicks(child, BIRTH)
    qtbot.mouseClick(form.mother.add_change, Qt.MouseButton.LeftButton)  # and a change of job, the same pay
    change = form.mother.change_rows[-1].job.salary.edit
    change.clear()
    qtbot.keyClicks(change, SALARY)
    window.session.start_comparison()
    qtbot.keyClicks(form.father.salary.edit, "9")
    view = window.results.view
    model = view.model()
    view.setCurrentIndex(model.index(0, 0, model.index(0, 0)))
    window.chart_panel.buttons["leave"].click()
    window.message_bar.show_message("note " + SALARY)
    form.verticalScrollBar().setValue(form.verticalScrollBar().maximum())
    assert window.session.household.mother.jobs[0].monthly_salary == int(SALARY)
    assert window.session.comparing


def model_texts(model: QAbstractItemModel, parent: QModelIndex = QModelIndex()) -> list[str]:  # noqa: B008
    out = []
    for row in range(model.rowCount(parent)):
        for col in range(model.columnCount(parent)):
            index = model.index(row, col, parent)
            for role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
                value = model.data(index, role)
                if value is not None:
                    out.append(str(value))
        out += model_texts(model, model.index(row, 0, parent))
    return out


def every_text(window: QWidget) -> str:
    """Everything any widget of the window says or holds: fields, labels, buttons, documents, item models."""
    parts = [window.windowTitle()]
    for w in window.findChildren(QWidget):
        parts += [w.toolTip(), w.accessibleName(), w.accessibleDescription()]
        if isinstance(w, QLineEdit):
            parts += [w.text(), w.placeholderText()]
        elif isinstance(w, QLabel | QAbstractButton):
            parts.append(w.text())
        elif isinstance(w, QTextEdit):
            parts += [w.toPlainText(), w.toHtml()]
        elif isinstance(w, QComboBox):
            parts += [w.itemText(i) for i in range(w.count())]
        elif isinstance(w, QGroupBox):
            parts.append(w.title())
        if isinstance(w, QAbstractItemView) and w.model() is not None:
            parts += model_texts(w.model())
    return "\n".join(p for p in parts if p)


# -- nothing that opens the file system --------------------------------------------------------------------------
def test_kiosk_has_no_menus_tool_bars_or_file_actions(kiosk):
    assert kiosk.menuWidget() is None and not kiosk.findChildren(QMenuBar)
    assert not kiosk.findChildren(QToolBar)
    assert set(kiosk.commands.actions) == set(KIOSK_SAFE)
    file_tools = {"new", "open", "save", "save_as", "export_pdf", "export_csv", "print", "local_figures",
                  "policy_pack", "quit"}
    assert file_tools <= set(SPECS) and not file_tools & set(kiosk.commands.actions)
    assert not kiosk.statusBar().isVisible()


def test_no_action_or_button_in_the_kiosk_can_open_a_file_dialog(kiosk, qtbot, monkeypatch):
    opened = []
    for name in ("getOpenFileName", "getSaveFileName", "getOpenFileNames", "getExistingDirectory", "getOpenFileUrl"):
        monkeypatch.setattr(QFileDialog, name, staticmethod(lambda *a, _n=name, **k: opened.append(_n) or ("", "")))
    monkeypatch.setattr("PySide6.QtPrintSupport.QPrinterInfo.availablePrinters", staticmethod(list))
    for action in kiosk.findChildren(type(kiosk.commands["compare"])):
        action.trigger()
        action.trigger()
    kiosk.session.stop_comparison()
    for tab in range(kiosk.tabs.count()):
        kiosk.tabs.setCurrentIndex(tab)
        for button in kiosk.findChildren(QAbstractButton):
            # only the window's own buttons: a calendar popup's month button opens a (modal) month menu
            if (button.isVisible() and button.isEnabled() and button.window() is kiosk
                    and button is not kiosk.kiosk.band.start_over):
                button.click()
                QApplication.processEvents()
        for popup in filter(None, [QApplication.activePopupWidget()]):
            popup.close()
    assert not opened
    assert not [w for w in QApplication.allWidgets() if isinstance(w, QFileDialog)]


def test_the_kiosk_offers_no_context_menus(kiosk, qtbot):
    edit = kiosk.form.mother.salary.edit
    QApplication.sendEvent(edit, _context_menu_event(edit))
    assert QApplication.activePopupWidget() is None


def _context_menu_event(widget):
    from PySide6.QtGui import QContextMenuEvent

    return QContextMenuEvent(QContextMenuEvent.Reason.Mouse, QPoint(5, 5), widget.mapToGlobal(QPoint(5, 5)))


# -- touch-sized ---------------------------------------------------------------------------------------------------
def test_buttons_fields_boxes_tabs_and_rows_are_at_least_48_px(kiosk, qtbot):
    kiosk.session.open_example()  # children, so their rows are there too
    qtbot.wait(20)
    small = []
    for w in kiosk.findChildren(QWidget):
        touchable = isinstance(w, QPushButton | QToolButton | QLineEdit | QComboBox | QCheckBox | QRadioButton)
        if w.isVisible() and touchable and w.height() < TOUCH:
            small.append((type(w).__name__, w.accessibleName() or w.text() if hasattr(w, "text") else "", w.height()))
    assert not small
    bar = kiosk.tabs.findChild(QTabBar)
    assert all(bar.tabRect(i).height() >= TOUCH for i in range(bar.count()))
    view = kiosk.results.view
    model = view.model()
    line = model.index(0, 0, model.index(0, 0))
    assert view.visualRect(line).height() >= TOUCH
    kiosk.session.start_comparison()
    example = kiosk.session.household
    kiosk.session.compare_with(example.model_copy(update={"children": example.children[:2]}))
    kiosk.tabs.setCurrentWidget(kiosk.compare)
    qtbot.wait(20)
    lines = kiosk.compare.lines_view  # a tree (income tax per parent and year, its lines under it)
    assert lines.model().rowCount() > 0
    assert lines.visualRect(lines.model().index(0, 0)).height() >= TOUCH
    assert kiosk.compare.years_view.verticalHeader().defaultSectionSize() >= TOUCH


def test_guidance_is_in_chinese_with_an_english_switch_and_a_start_over_button(kiosk, qtbot):
    band = kiosk.kiosk.band
    assert "使用方法" in band.howto.text() and band.language.text() == "English"
    assert band.start_over.text() == "重新开始" and band.start_over.height() >= 56
    qtbot.mouseClick(band.language, Qt.MouseButton.LeftButton)
    assert language() == "en"
    assert band.start_over.text() == "Start over" and "How to use" in band.howto.text()
    assert kiosk.form.father.title() == "Father"


# -- idle, countdown, start over -----------------------------------------------------------------------------------
def test_after_idle_and_countdown_nothing_of_the_visitor_remains(kiosk, qtbot, home):
    visit(kiosk, qtbot)
    kiosk.set_lang("en")
    old_household = weakref.ref(kiosk.session.household)
    kiosk.kiosk.overlay._timer.setInterval(300)  # each "second" long enough to be seen on a busy machine
    kiosk.kiosk.idle.set_idle_ms(300)
    qtbot.waitUntil(kiosk.kiosk.overlay.isVisible, timeout=3000)
    assert kiosk.kiosk.overlay.number.text() == "3"
    qtbot.waitUntil(lambda: not kiosk.kiosk.overlay.isVisible(), timeout=3000)
    # on screen
    assert language() == "zh"  # the configured language for the next visitor
    blank = Household.model_validate(NEW_FAMILY)
    assert kiosk.session.household == blank
    assert kiosk.form.mother.salary.edit.text() == "0" and not kiosk.form.children_editor.children_rows
    assert not kiosk.form.mother.change_rows
    text = every_text(kiosk)
    assert SALARY not in text and BIRTH not in text and "23,456" not in text
    for edit in kiosk.findChildren(QLineEdit):
        assert not edit.isUndoAvailable() and not edit.isRedoAvailable() and not edit.hasSelectedText()
    assert not kiosk.session.comparing and kiosk.compare.lines_model.rows == [] and kiosk.compare.years_model.rows == []
    assert kiosk.message_bar.isHidden() and kiosk.message_bar.label.text() == ""
    assert kiosk.tabs.currentIndex() == 0 and kiosk.chart_panel.view() == "money"
    assert kiosk.form.verticalScrollBar().value() == 0
    assert kiosk.results.view.verticalScrollBar().value() == 0
    assert all(not any(tl) for tl in kiosk.chart_panel.chart._plot.timelines)  # no children: no years to draw
    # in memory
    gc.collect()
    assert old_household() is None
    results = [o for o in gc.get_objects() if isinstance(o, Result)]
    assert kiosk.session.result in results  # the blank family's
    # (a window of an earlier test may still wait for Qt to delete it, with its own family's result; none of
    # what is left may be this visitor's: her child's birth, her salary's tax)
    visitors = [r for r in results if r is not kiosk.session.result
                and any(BIRTH in ln.text("en") or "23,456" in ln.text("en") for ln in r.lines)]
    assert visitors == []
    current = {id(line) for line in kiosk.session.result.lines}
    assert not [o for o in gc.get_objects() if isinstance(o, Line) and id(o) not in current
                and (BIRTH in o.text("en") or "23,456" in o.text("en"))]  # no line of the visitor's is left
    assert not [o for o in gc.get_objects() if isinstance(o, Household) and o.mother is not None
                and any(job.monthly_salary == int(SALARY) for job in o.mother.jobs)]
    # on disk
    assert files_under(home) == []


def test_a_touch_during_the_countdown_carries_on_with_everything_kept(kiosk, qtbot):
    visit(kiosk, qtbot)
    kiosk.kiosk.idle.timeout()
    overlay = kiosk.kiosk.overlay
    assert overlay.isVisible()
    QTest.mouseClick(overlay, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, overlay.rect().center())
    assert not overlay.isVisible()
    qtbot.wait(200)  # longer than the countdown would have taken
    assert kiosk.form.mother.salary.edit.text() == SALARY
    kiosk.kiosk.idle.timeout()
    QTest.keyClick(kiosk, Qt.Key.Key_Space)  # a key counts too
    assert not overlay.isVisible()
    assert kiosk.session.household.mother.jobs[0].monthly_salary == int(SALARY)


def test_a_touch_screen_touch_cancels_the_countdown(kiosk, qtbot):
    from PySide6.QtGui import QPointingDevice

    device = QTest.createTouchDevice(QPointingDevice.DeviceType.TouchScreen)
    QTest.touchEvent(kiosk.form.viewport(), device).press(0, QPoint(20, 20)).commit()  # someone is there
    QTest.touchEvent(kiosk.form.viewport(), device).release(0, QPoint(20, 20)).commit()
    kiosk.kiosk.idle.timeout()
    assert kiosk.kiosk.overlay.isVisible()
    QTest.touchEvent(kiosk.kiosk.overlay, device).press(0, QPoint(200, 200)).commit()
    QTest.touchEvent(kiosk.kiosk.overlay, device).release(0, QPoint(200, 200)).commit()
    assert not kiosk.kiosk.overlay.isVisible()



def test_a_finger_dragged_up_the_form_scrolls_it(kiosk, qtbot):
    from PySide6.QtGui import QPointingDevice

    kiosk.session.open_example()  # a form taller than the screen
    qtbot.wait(50)
    viewport, bar = kiosk.form.viewport(), kiosk.form.verticalScrollBar()
    assert bar.maximum() > 0 and bar.value() == 0
    device = QTest.createTouchDevice(QPointingDevice.DeviceType.TouchScreen)
    QTest.touchEvent(viewport, device).press(0, QPoint(30, 500)).commit()
    for y in range(500, 100, -20):
        qtbot.wait(10)
        QTest.touchEvent(viewport, device).move(0, QPoint(30, y)).commit()
    QTest.touchEvent(viewport, device).release(0, QPoint(30, 100)).commit()
    qtbot.waitUntil(lambda: bar.value() > 200, timeout=2000)

def test_start_over_button_clears_the_family_but_keeps_the_visitors_language(kiosk, qtbot, home):
    visit(kiosk, qtbot)
    kiosk.set_lang("en")
    qtbot.mouseClick(kiosk.kiosk.band.start_over, Qt.MouseButton.LeftButton)
    assert language() == "en"
    assert kiosk.session.household == Household.model_validate(NEW_FAMILY)
    assert SALARY not in every_text(kiosk)
    assert files_under(home) == []


def test_the_kiosk_starts_on_a_blank_family_in_the_configured_language(qtbot, home, tmp_path):
    import json

    from ui.app import parser, start_window

    config = tmp_path / "kiosk.json"
    config.write_text(json.dumps({"kiosk": True, "language": "en"}), encoding="utf-8")
    set_language("zh")
    from ui.kiosk_config import load_config

    settings = load_config(config).settings
    set_language(settings.language)
    font = QApplication.instance().font()
    window = build_kiosk_window(Session(), settings)
    qtbot.addWidget(window)
    start_window(window, parser().parse_args(["--kiosk"]), True, [])
    try:
        assert window.session.household == Household.model_validate(NEW_FAMILY)
        assert not window.session.is_example and window.kiosk.band.start_over.text() == "Start over"
    finally:
        window.kiosk.idle.stop()
        set_language("zh")
        QApplication.instance().setFont(font)


# -- leaving kiosk mode --------------------------------------------------------------------------------------------
PASSPHRASE = "huai-river 1947"


def _admin_keys(window) -> None:
    window.activateWindow()
    QTest.keyClick(window, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier
                   | Qt.KeyboardModifier.ShiftModifier)


def _with_passphrase(window) -> None:
    from ui.kiosk_config import hash_passphrase

    window.kiosk.settings = window.kiosk.settings.model_copy(
        update={"admin_passphrase_hash": hash_passphrase(PASSPHRASE)})


def test_the_admin_keys_without_a_passphrase_in_the_config_cannot_leave_the_kiosk(kiosk, qtbot):
    _admin_keys(kiosk)
    assert kiosk.kiosk.exit_dialog is None and kiosk.kiosk.active
    assert "没有设置管理员口令" in kiosk.message_bar.label.text()


def test_a_wrong_passphrase_keeps_the_kiosk_and_forgets_what_was_typed(kiosk, qtbot):
    _with_passphrase(kiosk)
    _admin_keys(kiosk)
    dialog = kiosk.kiosk.exit_dialog
    assert dialog is not None and dialog.isVisible()
    qtbot.keyClicks(dialog.passphrase, PASSPHRASE.upper())
    qtbot.mouseClick(dialog.leave, Qt.MouseButton.LeftButton)
    assert dialog.isVisible() and dialog.message.text() == "口令不正确。"
    assert dialog.passphrase.text() == "" and not dialog.passphrase.isUndoAvailable()
    assert kiosk.kiosk.active and not kiosk.findChildren(QMenuBar)


def test_after_six_wrong_passphrases_even_the_right_one_waits_and_start_over_does_not_clear_the_count(
        kiosk, qtbot):
    from ui.kiosk_attempts import Attempts

    now = [5000.0]
    kiosk.kiosk.attempts = Attempts(lambda: now[0])  # a clock the test moves
    _with_passphrase(kiosk)

    def attempt(text):
        _admin_keys(kiosk)
        dialog = kiosk.kiosk.exit_dialog
        assert dialog.isVisible()
        qtbot.keyClicks(dialog.passphrase, text)
        qtbot.mouseClick(dialog.leave, Qt.MouseButton.LeftButton)
        return dialog.message.text()

    for _ in range(5):
        assert attempt("guess") == "口令不正确。"
    assert attempt("guess") == "口令错误次数过多，请30秒后再试。"
    kiosk.kiosk.start_over(to_language=True)  # closes the dialog; the count stays
    now[0] += 10
    assert attempt(PASSPHRASE) == "口令错误次数过多，请20秒后再试。"
    assert kiosk.kiosk is not None and kiosk.kiosk.active
    now[0] += 20
    attempt(PASSPHRASE)
    assert kiosk.kiosk is None  # left


def test_the_right_passphrase_returns_to_the_desktop_window_with_its_file_tools(kiosk, qtbot):
    _with_passphrase(kiosk)
    _admin_keys(kiosk)
    dialog = kiosk.kiosk.exit_dialog
    qtbot.keyClicks(dialog.passphrase, PASSPHRASE)
    qtbot.mouseClick(dialog.leave, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    assert kiosk.kiosk is None and kiosk.message_bar.label.text() == "已退出展台模式。"
    actions = kiosk.commands.actions
    assert {"open", "save", "policy_pack"} <= {name for name, action in actions.items() if action.isEnabled()}
    assert kiosk.findChildren(QMenuBar)
    assert kiosk.session.household == Household.model_validate(NEW_FAMILY)  # nobody's family comes back


def test_the_idle_reset_closes_an_open_exit_dialog(kiosk, qtbot):
    _with_passphrase(kiosk)
    _admin_keys(kiosk)
    qtbot.keyClicks(kiosk.kiosk.exit_dialog.passphrase, "half typed")
    kiosk.kiosk.start_over(to_language=True)
    assert not kiosk.kiosk.exit_dialog.isVisible() and kiosk.kiosk.exit_dialog.passphrase.text() == ""


def test_the_passphrase_is_stored_as_a_salted_hash_never_as_text(tmp_path):
    from ui.kiosk_config import load_config, set_passphrase, verify_passphrase

    config = tmp_path / "kiosk.json"
    config.write_text('{"kiosk": true, "idle_seconds": 90}', encoding="utf-8")
    set_passphrase(config, PASSPHRASE)
    first = config.read_text(encoding="utf-8")
    set_passphrase(config, PASSPHRASE)
    second = load_config(config).settings
    assert PASSPHRASE not in first and PASSPHRASE.encode().hex() not in first
    assert second.admin_passphrase_hash.startswith("scrypt$") and second.admin_passphrase_hash not in first  # salted
    assert second.kiosk and second.idle_seconds == 90  # the rest of the file is kept
    assert verify_passphrase(PASSPHRASE, second.admin_passphrase_hash)
    assert not verify_passphrase(PASSPHRASE + " ", second.admin_passphrase_hash)
    assert not verify_passphrase(PASSPHRASE, "scrypt$garbage") and not verify_passphrase(PASSPHRASE, None)


def test_on_a_small_screen_the_chart_in_its_tab_is_drawn_when_shown_not_at_every_keystroke(kiosk, qtbot, monkeypatch):
    tabs, panel = kiosk.tabs, kiosk.chart_panel
    assert tabs.indexOf(panel) >= 0 and tabs.currentWidget() is not panel  # 1366×768: the chart is a tab
    handed = []
    original = panel.chart.set_results
    monkeypatch.setattr(panel.chart, "set_results", lambda *results: handed.append(results) or original(*results))
    qtbot.keyClicks(kiosk.form.mother.salary.edit, "8000")
    qtbot.wait(300)  # longer than the chart's debounce
    assert handed == []
    tabs.setCurrentWidget(panel)
    assert handed == [(kiosk.session.result,)]
    assert kiosk.session.household.mother.jobs[0].monthly_salary == 8000


def test_the_choices_of_a_drop_down_are_touch_sized_too(kiosk, qtbot):
    combo = kiosk.form.findChildren(QComboBox)[0]
    combo.showPopup()
    qtbot.waitUntil(combo.view().isVisible, timeout=2000)
    heights = [combo.view().visualRect(combo.model().index(row, 0)).height() for row in range(combo.count())]
    combo.hidePopup()
    assert combo.count() > 1 and min(heights) >= TOUCH


def test_visitors_adding_children_add_no_gesture_recognisers(kiosk, qtbot):
    # the form, tables and explanation scroll under a finger; the lists inside a child's drop-downs and
    # calendar do not, so children added and removed visitor after visitor leave no recognisers behind
    from PySide6.QtWidgets import QAbstractScrollArea, QComboBox, QScroller

    kiosk.session.open_example()
    for _ in range(3):
        visit(kiosk, qtbot)
        kiosk.kiosk.start_over()
    scrolled = [a for a in kiosk.findChildren(QAbstractScrollArea) if QScroller.hasScroller(a.viewport())]
    assert kiosk.form in scrolled and kiosk.results.view in scrolled
    combo_lists = [a for c in kiosk.findChildren(QComboBox) for a in c.findChildren(QAbstractScrollArea)]
    assert combo_lists, "the drop-downs' lists exist once the kiosk has laid out its rows"
    assert not any(QScroller.hasScroller(a.viewport()) for a in combo_lists)


def test_start_over_gives_the_freed_heap_back_to_the_system(kiosk, qtbot, monkeypatch):
    # glibc keeps freed pages for reuse; a kiosk that frees a family and a chart per visitor for weeks would
    # hold ever more of them, so each start over asks glibc to return them (malloc_trim)
    import sys

    from ui import kiosk_mode

    if sys.platform.startswith("linux"):
        assert kiosk_mode._malloc_trim() is not None, "glibc's malloc_trim was not found"
    calls = []
    monkeypatch.setattr(kiosk_mode, "_malloc_trim", lambda: calls.append)
    visit(kiosk, qtbot)
    qtbot.mouseClick(kiosk.kiosk.band.start_over, Qt.MouseButton.LeftButton)
    assert calls == [0]  # (the engine keeps nothing of a household beyond its case: tests/test_no_household_caches.py)
