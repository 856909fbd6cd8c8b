"""Issue 14.2 (screen reader), in process: every control of the window, through Qt's accessibility interfaces —
what the AT-SPI (Linux), UI Automation (Windows) and NSAccessibility (macOS) bridges hand to a screen reader —
has a role and a name a person understands, in the window's language. tests/test_ui_atspi.py reads the same over
AT-SPI itself, as Orca does."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QAccessible

from tests.a11y.rules import Node, problems
from tests.test_ui_form import open_window

R = QAccessible.Role
ROLES = {R.PushButton: "button", R.CheckBox: "check box", R.RadioButton: "radio button", R.ComboBox: "combo box",
         R.EditableText: "text", R.PageTab: "page tab", R.Tree: "tree", R.Table: "table", R.MenuItem: "menu item",
         R.SpinBox: "spin button", R.Slider: "slider", R.Link: "link", R.ButtonMenu: "button",
         R.ButtonDropDown: "button", R.NoRole: "unknown"}


def accessible_tree(root) -> list[Node]:
    nodes: list[Node] = []

    def walk(iface, where: str, depth: int) -> None:
        if iface is None or not iface.isValid() or depth > 40:
            return
        state = iface.state()
        labels = [other.text(QAccessible.Text.Name) for other, _ in iface.relations(QAccessible.RelationFlag.Label)]
        nodes.append(Node(where, ROLES.get(iface.role(), str(iface.role())), iface.text(QAccessible.Text.Name) or "",
                          " ".join(x for x in labels if x), bool(state.focusable), not state.invisible,
                          bool(state.editable)))
        for i in range(min(iface.childCount(), 300)):
            walk(iface.child(i), f"{where}/{i}", depth + 1)

    walk(QAccessible.queryAccessibleInterface(root), type(root).__name__, 0)
    return nodes


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_every_control_has_a_role_and_a_name_in_the_window_language(qtbot, lang):
    window = open_window(qtbot)
    window.ensure_chart()
    window.set_lang(lang)
    nodes = accessible_tree(window)
    controls = [n for n in nodes if n.showing and n.role in ("text", "combo box", "check box", "button", "tree")]
    assert len(controls) > 40  # the tree was really walked: every field of the form is in it
    assert problems(nodes, lang) == []
    window.tabs.setCurrentWidget(window.compare)  # and the comparison, started
    window.compare.start.click()
    assert problems(accessible_tree(window), lang) == []


def test_the_rules_catch_a_nameless_button_and_the_wrong_language(qtbot):
    """The audit itself can fail: a button named only "×", a field with no label, English in Chinese."""
    window = open_window(qtbot)
    window.message_bar.show_message("x")
    window.message_bar.close_button.setAccessibleName("")
    window.form.mother.salary.edit.setAccessibleName("Salary")
    found = problems(accessible_tree(window), "zh")
    assert any("button without a name" in p and "'×'" in p for p in found), found
    assert any("'Salary" in p and "English in the Chinese window" in p for p in found), found
