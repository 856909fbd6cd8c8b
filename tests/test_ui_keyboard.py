"""Issue 14.2 (keyboard): Tab reaches every control in reading order — the form, then the chart's toggle, the tabs,
the lines, their explanation and the comparison — without being caught in a loop; shortcuts never take a key a
text field uses; the keyboard focus can always be seen."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QApplication, QWidget

from tests.test_ui_form import open_window

# Qt's text-editing keys under X11 desktops (xcb), where QLineEdit takes them before any window shortcut
# (printed by QKeySequence.keyBindings under Xvfb with the xcb platform, Qt 6.11): Ctrl+E goes to the line's end,
# Ctrl+D deletes, Ctrl+K and Ctrl+U delete to the end / the whole line; and the keys every platform edits with.
X11_EDITING = {"Ctrl+E", "Ctrl+D", "Ctrl+K", "Ctrl+U", "Ctrl+A", "Ctrl+Shift+A", "Ctrl+C", "Ctrl+X", "Ctrl+V", "Ctrl+Z",
               "Ctrl+Shift+Z", "Ctrl+Y", "Ctrl+Ins", "Shift+Ins", "Shift+Del", "Ctrl+Backspace", "Ctrl+Del",
               "Ctrl+Left", "Ctrl+Right", "Ctrl+Shift+Left", "Ctrl+Shift+Right", "Ctrl+Home", "Ctrl+End"}
EDITING_KEYS = [k for k in QKeySequence.StandardKey if k.name.startswith(("MoveTo", "SelectStart", "SelectEnd",
                "SelectNext", "SelectPrevious", "Delete", "Backspace", "Cut", "Copy", "Paste", "Undo", "Redo", "SelectAll",
                "Deselect"))]


def active(qtbot, window):
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)


def tab_walk(qtbot, start: QWidget, presses: int) -> list[QWidget]:
    start.setFocus(Qt.FocusReason.TabFocusReason)
    seen = []
    for _ in range(presses):
        widget = QApplication.focusWidget()
        seen.append(widget)
        qtbot.keyClick(widget, Qt.Key.Key_Tab)
    return seen


def reachable(widgets: list[QWidget]) -> list[QWidget]:
    return [w for w in widgets if w.isVisible() and w.isEnabled() and w.focusPolicy() & Qt.FocusPolicy.TabFocus]


def test_tab_goes_through_the_form_then_the_answer_and_round_again(qtbot):
    window = open_window(qtbot)
    active(qtbot, window)
    form = window.form
    chain = reachable(form.focus_chain())
    assert form.housing.first_loan in chain and form.housing.loan_date.edit in chain
    seen = tab_walk(qtbot, form.area, 2 * (len(chain) + 4))
    chart = window.chart_panel.buttons["money"]  # the checked one of the two: the arrows move between them
    answer = [chart, window.tabs.tabBar(), window.results.view, window.explanation.browser]
    lap = chain + answer
    assert seen[:len(lap)] == lap
    assert seen[len(lap):2 * len(lap)] == lap  # and round again from the start: nothing is skipped, no loop


def test_the_first_loan_box_is_reached_and_the_housing_fields_do_not_trap_tab(qtbot):
    window = open_window(qtbot)
    active(qtbot, window)
    h = window.form.housing
    seen = tab_walk(qtbot, window.form.children_editor.add, 9)
    assert seen[:7] == [window.form.children_editor.add, h.first_loan, h.ceiling.edit, h.years.edit, h.buying,
                        h.loan_date.edit, h.loan_date.pick]
    assert seen[7] is window.chart_panel.buttons["money"]


def test_each_date_fields_calendar_button_is_on_the_tab_path_and_works_from_the_keyboard(qtbot):
    window = open_window(qtbot)
    active(qtbot, window)
    form = window.form
    child = form.children_editor.children_rows[0]
    dates = [form.as_of, form.mother.start, child.birth_date, form.housing.loan_date]
    shown = [field for field in dates if field.edit.isVisibleTo(window) and field.isEnabled()]
    assert len(shown) >= 3
    for field in shown:
        assert tab_walk(qtbot, field.edit, 3)[:2] == [field.edit, field.pick]
    seen = tab_walk(qtbot, form.as_of.edit, 3)
    assert seen == [form.as_of.edit, form.as_of.pick, form.married]  # Shift+Tab back and forth, no trap
    form.as_of.pick.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.keyClick(form.as_of.pick, Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
    assert QApplication.focusWidget() is form.as_of.edit
    # Space opens the calendar on the field's date, the arrow keys move a day, Enter takes it
    form.as_of.pick.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.keyClick(form.as_of.pick, Qt.Key.Key_Space)
    calendar = form.as_of._calendar
    qtbot.waitUntil(calendar.isVisible)
    assert calendar.selectedDate().toString("yyyy-MM-dd") == "2026-11-28"
    qtbot.keyClick(calendar.focusWidget() or calendar, Qt.Key.Key_Right)
    qtbot.keyClick(calendar.focusWidget() or calendar, Qt.Key.Key_Return)
    assert not calendar.isVisible()
    assert form.as_of.edit.text() == "2026-11-29"
    assert window.session.household.today.isoformat() == "2026-11-29"


def test_the_comparison_buttons_are_reached_when_its_tab_shows(qtbot):
    window = open_window(qtbot)
    active(qtbot, window)
    window.tabs.setCurrentWidget(window.compare)
    seen = tab_walk(qtbot, window.tabs.tabBar(), 2)
    assert seen == [window.tabs.tabBar(), window.compare.start]
    qtbot.keyClick(window.compare.start, Qt.Key.Key_Space)
    assert window.session.comparing
    seen = tab_walk(qtbot, window.tabs.tabBar(), 5)
    assert seen == [window.tabs.tabBar(), window.compare.keep_b, window.compare.back_to_a, window.compare.lines_view,
                    window.compare.years_view]


def test_no_shortcut_takes_a_key_that_text_fields_use(window):
    editing = {s.toString() for k in EDITING_KEYS for s in QKeySequence.keyBindings(k)} | X11_EDITING
    for name, action in window.commands.actions.items():
        for shortcut in action.shortcuts():
            assert shortcut.toString() not in editing, (name, shortcut.toString())


@pytest.mark.parametrize("name", ["export_pdf", "compare", "export_csv", "save"])
def test_a_shortcut_works_while_typing_in_a_field(qtbot, name):
    window = open_window(qtbot)
    active(qtbot, window)
    action = window.commands[name]
    fired = []
    action.triggered.connect(lambda *_: fired.append(name))
    action.triggered.disconnect()  # only the recorder: no dialog opens
    action.triggered.connect(lambda *_: fired.append(name))
    edit = window.form.mother.salary.edit
    edit.setFocus()
    edit.setCursorPosition(1)
    seq = action.shortcut()[0]
    qtbot.keyClick(edit, seq.key(), seq.keyboardModifiers())
    assert fired == [name]


def test_the_keyboard_focus_can_be_seen_on_every_kind_of_control(qtbot):
    window = open_window(qtbot)
    active(qtbot, window)
    form = window.form
    controls = [form.mother.salary.edit, form.as_of.edit, form.area, form.mother.training, form.father,
                form.children_editor.add, form.housing.first_loan, window.chart_panel.buttons["money"],
                window.tabs.tabBar(), window.results.view]
    for widget in controls:
        form.ensureWidgetVisible(widget) if form.isAncestorOf(widget) else None
        window.explanation.browser.setFocus()
        QApplication.processEvents()
        around = QRect(widget.mapTo(window, QPoint(0, 0)), widget.size()).adjusted(-4, -4, 4, 4)
        plain = window.grab(around).toImage()
        widget.setFocus(Qt.FocusReason.TabFocusReason)
        QApplication.processEvents()
        assert widget.hasFocus()
        focused = window.grab(around).toImage()
        assert focused != plain, f"no visible focus on {type(widget).__name__} {widget.accessibleName()}"
        assert window.focus_ring.isVisible() and window.focus_ring.target() is widget
