"""Issue 14.3: nothing moves under the pointer — a field's message keeps its line, the message bar floats over the
window's foot and a good-news note goes away by itself."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication

from tests.test_ui_form import open_window, type_into
from ui import message_bar


def where(widget, window) -> QPoint:
    QApplication.processEvents()  # any layout still pending is done first
    return widget.mapTo(window, QPoint(0, 0))


def test_after_ticking_training_the_fields_stay_put_as_their_messages_come_and_go(qtbot):
    window = open_window(qtbot)
    mother = window.form.mother
    qtbot.mouseClick(mother.training, Qt.MouseButton.LeftButton, pos=QPoint(6, mother.training.height() // 2))
    assert mother.course.isVisible()
    # the three empty training figures are missing: their messages come (after the pause for a focused field)
    qtbot.waitUntil(lambda: mother.course.problem() is not None and mother.start.problem() is not None)
    assert mother.course.message.isVisible()
    fields = [mother.days.edit, mother.start.edit, window.form.father.salary.edit]
    inner = window.form.widget()
    before = [where(f, inner) for f in fields]
    type_into(qtbot, mother.course.edit, "1500")  # its message goes: the fields below must not move up
    assert mother.course.problem() is None and not mother.course.message.isVisible()
    assert [where(f, inner) for f in fields] == before


def test_a_message_under_a_field_moves_nothing_below_it(qtbot):
    window = open_window(qtbot)
    form = window.form
    inner = form.widget()  # within the form (focusing a field may scroll it; that is not a layout jump)
    below = [form.father.salary.edit, form.children_editor.add, form.housing.first_loan]
    before = [where(w, inner) for w in below]
    type_into(qtbot, form.mother.other.edit, "abc")
    qtbot.waitUntil(form.mother.other.message.isVisible, timeout=3000)
    assert [where(w, inner) for w in below] == before
    type_into(qtbot, form.mother.other.edit, "0")
    assert not form.mother.other.message.isVisible()
    assert [where(w, inner) for w in below] == before


def test_a_long_field_message_is_cut_to_its_line_with_the_whole_as_tooltip(qtbot):
    window = open_window(qtbot)
    window.resize(1366, 768)
    field = window.form.mother.salary
    long = "很长的说明" * 40
    field.set_problem(long)
    message = field.message
    assert message.text() == long and message.toolTip() == long
    assert message.shown_text().endswith("…") and len(message.shown_text()) < len(long)
    assert field.edit.accessibleDescription() == long


def test_the_saved_note_moves_nothing_and_goes_away_by_itself(qtbot, tmp_path, monkeypatch):
    monkeypatch.setattr(message_bar, "INFO_MS", 300)
    window = open_window(qtbot)
    watched = [window.form.area, window.headline.money, window.results.view]
    before = [where(w, window) for w in watched]
    window.message_bar._timer.setInterval(message_bar.INFO_MS)
    assert window.save_case(tmp_path / "a.json")
    assert window.message_bar.isVisible() and "已保存" in window.message_bar.text()
    assert [where(w, window) for w in watched] == before
    bar = window.message_bar.geometry()
    assert bar.bottom() < window.centralWidget().height() and bar.width() > 600  # over the window's foot
    qtbot.waitUntil(lambda: not window.message_bar.isVisible(), timeout=3000)


def test_a_problem_in_the_message_bar_stays_until_closed(qtbot, tmp_path):
    window = open_window(qtbot)
    (tmp_path / "bad.json").write_text("{", encoding="utf-8")
    assert not window.open_case(tmp_path / "bad.json")
    assert window.message_bar.isVisible()
    assert not window.message_bar._timer.isActive()
    qtbot.mouseClick(window.message_bar.close_button, Qt.MouseButton.LeftButton)
    assert not window.message_bar.isVisible()


def test_a_whole_case_problem_appears_at_the_foot_of_the_form_and_in_the_headline(qtbot):
    window = open_window(qtbot)
    form = window.form
    before = where(form.children_editor.add, form.widget())
    form.father.setChecked(False)
    form.mother.setChecked(False)
    qtbot.waitUntil(form.banner.isVisible)
    assert where(form.children_editor.add, form.widget()) == before
    assert window.headline.stale.text().endswith("请先改正：至少需要填写一位家长（母亲或父亲）")
