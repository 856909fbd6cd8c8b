"""Cases for counselors: a label and notes saved with the case, the as-of date saved, dialogs that start in the
last folder, file names from the label, a recent-files menu, no silent overwrite, and an opened case shown
from the top of its results."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PySide6.QtWidgets import QFileDialog

from simulator import load_case, load_example
from ui.case_files import default_file_name
from ui.main_window import MainWindow
from ui.session import Session


@pytest.fixture
def window(qtbot, home):
    w = MainWindow(Session(load_example()))
    qtbot.addWidget(w)
    w.show()
    return w


def type_label(details, text: str) -> None:
    """What typing Chinese into the label does (QTest.keyClicks types ASCII only)."""
    details.label.setText(text)
    details.label.textEdited.emit(text)


def settings_files(home: Path) -> list[Path]:
    return [p for p in home.rglob("*") if p.is_file()]


def test_label_and_notes_are_typed_saved_and_opened_again(window, qtbot, tmp_path):
    details = window.case_details
    type_label(details, "王家")
    details.notes.setPlainText("二孩已出生，待办育儿补贴。")  # (QTest types ASCII only)
    assert window.session.household.label == "王家"
    assert window.session.household.notes == "二孩已出生，待办育儿补贴。"
    assert "王家" in window.windowTitle() and window.windowTitle().endswith("*")
    path = tmp_path / "case.json"
    assert window.save_case(path)
    saved = json.loads(path.read_text(encoding="utf-8"))
    assert saved["label"] == "王家" and saved["notes"] == "二孩已出生，待办育儿补贴。" and saved["schema_version"] == 2
    window.session.new()
    assert details.label.text() == "" and details.notes.toPlainText() == ""
    assert window.open_case(path)
    assert details.label.text() == "王家" and details.notes.toPlainText() == "二孩已出生，待办育儿补贴。"
    # typing in the form keeps them (they are carried like the fields the form does not show)
    salary = window.form.mother.salary
    salary.edit.setText("7100")
    salary.edited.emit()
    assert window.session.household.label == "王家"


def test_a_file_from_before_the_label_existed_opens_with_none(tmp_path):
    data = json.loads((Path(__file__).parent.parent / "simulator/examples/example_family.json").read_text("utf-8"))
    assert "label" not in data and "notes" not in data
    household = load_example()
    assert household.label is None and household.notes is None


def test_a_label_that_is_too_long_is_refused_by_the_model():
    from pydantic import ValidationError

    from simulator import Household

    data = load_example().model_dump()
    with pytest.raises(ValidationError):
        Household.model_validate({**data, "label": "王" * 81})
    assert Household.model_validate({**data, "label": "王" * 80}).label == "王" * 80


def test_the_as_of_date_is_saved_and_today_is_saved_as_null(window, tmp_path):
    field = window.form.as_of
    field.edit.setText("2025-06-01")
    field.edited.emit()
    path = tmp_path / "dated.json"
    assert window.save_case(path)
    assert json.loads(path.read_text("utf-8"))["as_of"] == "2025-06-01"
    field.edit.setText("")
    field.edited.emit()
    assert window.save_case(path)
    assert json.loads(path.read_text("utf-8"))["as_of"] is None
    assert load_case(path).as_of is None


def test_default_file_names_come_from_the_label_and_the_date():
    import datetime as dt

    assert default_file_name("王家", dt.date(2026, 11, 28), "家庭案例.json", ".json") == "王家-2026-11-28.json"
    assert default_file_name('张/李:"家"', dt.date(2026, 1, 2), "x.pdf", ".pdf") == "张_李_家-2026-01-02.pdf"
    assert default_file_name(None, dt.date(2026, 1, 2), "家庭案例.json", ".json") == "家庭案例.json"
    assert default_file_name("  ", dt.date(2026, 1, 2), "家庭案例.json", ".json") == "家庭案例.json"


def test_dialogs_open_in_the_last_folder_used_also_in_the_next_session(window, qtbot, tmp_path, monkeypatch, home):
    asked: list[str] = []
    folder = tmp_path / "cases"
    folder.mkdir()

    def save_dialog(_parent, _title, start, _filter):
        asked.append(start)
        return str(folder / "王家-2026-11-28"), ""  # typed without its suffix

    def open_dialog(_parent, _title, start, _filter):
        asked.append(start)
        return "", ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", save_dialog)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", open_dialog)
    type_label(window.case_details, "王家")
    assert window.files.on_save_as()
    assert asked[0] == "王家-2026-11-28.json"  # the label and the case's as-of date; no folder remembered yet
    assert (folder / "王家-2026-11-28.json").is_file()  # the suffix added
    window.files.on_open()
    assert asked[1] == str(folder)
    window.files.on_export_pdf()  # cancelled in the dialog below? no: it writes, into the remembered folder
    assert asked[2] == str(folder / "王家-2026-11-28.pdf")
    # the next session of the app starts in the same folder
    other = MainWindow(Session(load_example()))
    qtbot.addWidget(other)
    other.files.on_open()
    assert asked[3] == str(folder)
    assert window.files.settings.path.is_relative_to(home)


def test_a_kiosk_remembers_no_folder_and_writes_no_settings(qtbot, tmp_path, home):
    case = tmp_path / "visitor.json"
    case.write_text(load_example().model_dump_json(), encoding="utf-8")
    kiosk = MainWindow(Session(load_example()), kiosk=True)
    qtbot.addWidget(kiosk)
    assert kiosk.recent_menu is None and not kiosk.files.settings.enabled
    assert kiosk.open_case(case)
    kiosk.files.settings.remember_folder(case)
    kiosk.files.settings.add_recent(case)
    assert kiosk.files.settings.recent() == [] and kiosk.files.settings.last_folder() == ""
    assert settings_files(home) == []


def test_the_recent_menu_lists_opened_and_saved_cases_and_opens_them(window, tmp_path):
    first, second = tmp_path / "甲.json", tmp_path / "乙.json"
    assert window.save_case(first)
    assert window.save_case(second)
    menu = window.recent_menu
    assert menu in [a.menu() for a in window.commands.menus["file"].actions() if a.menu()]
    menu.refill()
    names = [a.text() for a in menu.actions() if a.data()]
    assert names == ["&1 乙.json", "&2 甲.json"]
    window.session.new()
    next(a for a in menu.actions() if a.data() == str(first.resolve())).trigger()
    assert window.session.path == first.resolve() or window.session.path == first
    assert len(window.session.household.children) == 3
    menu.refill()
    assert [a.text() for a in menu.actions() if a.data()][0] == "&1 甲.json"


def test_a_recent_file_that_has_gone_is_said_so_and_dropped(window, tmp_path):
    gone = tmp_path / "gone.json"
    assert window.save_case(gone)
    gone.unlink()
    window.recent_menu.refill()
    action = next(a for a in window.recent_menu.actions() if a.data())
    action.trigger()
    assert "gone.json" in window.message_bar.text() and "找不到" in window.message_bar.text()
    window.recent_menu.refill()
    assert [a for a in window.recent_menu.actions() if a.data()] == []


def test_saving_over_a_file_changed_by_someone_else_asks_first(window, tmp_path):
    path = tmp_path / "shared.json"
    assert window.save_case(path)
    assert window.open_case(path)
    other = load_example().model_copy(update={"label": "另一位咨询员的修改"})
    path.write_text(other.model_dump_json(), encoding="utf-8")
    questions: list[str] = []
    window.files.ask = lambda text: questions.append(text) or False
    window.form.mother.salary.edit.setText("9100")
    window.form.mother.salary.edited.emit()
    window.commands["save"].trigger()
    assert questions and "shared.json" in questions[0] and "修改" in questions[0]
    assert json.loads(path.read_text("utf-8"))["label"] == "另一位咨询员的修改"  # not written over
    window.files.ask = lambda text: True
    window.commands["save"].trigger()
    assert json.loads(path.read_text("utf-8"))["mother"]["jobs"][0]["monthly_salary"] == 9100
    questions.clear()
    window.files.ask = lambda text: questions.append(text) or False
    window.commands["save"].trigger()  # our own last write: nothing to ask
    assert questions == []


def test_a_name_typed_without_suffix_never_silently_replaces_the_file_with_it(window, tmp_path, monkeypatch):
    existing = tmp_path / "王家.json"
    existing.write_text("{}", encoding="utf-8")
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_a: (str(tmp_path / "王家"), ""))
    questions: list[str] = []
    window.files.ask = lambda text: questions.append(text) or False
    assert not window.files.on_save_as()
    assert existing.read_text("utf-8") == "{}"
    assert questions and "王家.json" in questions[0]


def test_an_opened_case_shows_the_top_of_its_results(window, tmp_path):
    path = tmp_path / "case.json"
    assert window.save_case(path)
    table = window.results
    late = [ln for ln in window.session.result.lines if ln.year >= 2040][-1]
    table.select_line(late)
    table.view.scrollTo(table.view.currentIndex())
    assert table.view.verticalScrollBar().value() > 0
    assert window.open_case(path)
    assert table.view.verticalScrollBar().value() == 0
    index = table.view.currentIndex()
    # the 2nd child's 2,000 yuan birth subsidy (3rd row: the two 2020 cash lines come first; the 2020 maternity
    # allowance is in its own wage-replacement group), selected and in sight
    assert (index.parent().row(), index.row()) == (0, 2)
    assert table.current_line().id == "birth_subsidy" and table.current_line().amount == 2000
    assert table.view.visualRect(index).intersects(table.view.viewport().rect())
    assert window.explanation.line() is table.current_line()
