"""A counselor's files: save and open a case, refuse a bad or newer one without touching the form."""

from __future__ import annotations

import json

import pytest

from simulator import load_case, load_example
from ui.main_window import MainWindow


def form_snapshot(window: MainWindow) -> tuple:
    form = window.form
    return (form.data(), [f.edit.text() for f in form.fields()], form.area.currentText())


def test_save_then_open_round_trips_a_case(window, tmp_path):
    field = window.form.mother.salary
    field.edit.setText("8800")
    field.edited.emit()
    assert window.windowTitle().endswith("*")
    path = tmp_path / "王家.json"
    assert window.save_case(path)
    assert not window.windowTitle().endswith("*") and "王家.json" in window.windowTitle()
    assert "已保存" in window.message_bar.text()
    saved = window.session.household
    assert load_case(path) == saved
    window.session.new()
    assert window.form.mother.salary.edit.text() == "0"
    assert window.open_case(path)
    assert window.session.household == saved
    assert window.form.mother.salary.edit.text() == "8800"
    assert len(window.form.children_editor.children_rows) == 3


def test_opening_a_newer_version_file_says_so_and_changes_nothing(window, tmp_path):
    window.form.father.salary.edit.setText("16000")
    window.form.father.salary.edited.emit()
    before, household, result = form_snapshot(window), window.session.household, window.session.result
    data = json.loads(load_example().model_dump_json())
    data["schema_version"] = 3
    path = tmp_path / "future.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    assert not window.open_case(path)
    message = window.message_bar.text()
    assert "future.json" in message and "版本 3" in message and "请升级程序" in message
    assert window.message_bar.isVisible()
    assert form_snapshot(window) == before
    assert window.session.household is household and window.session.result is result
    assert window.windowTitle().endswith("*")  # still the unsaved family it was


def test_opening_a_file_with_bad_fields_lists_every_problem(window, tmp_path):
    before = form_snapshot(window)
    path = tmp_path / "bad.json"
    path.write_text(json.dumps({"schema_version": 1, "hukou_area": "shanghai",
                                "mother": {"monthly_salary": -5}}), encoding="utf-8")
    assert not window.open_case(path)
    message = window.message_bar.text()
    assert "hukou_area" in message and "mother.monthly_salary" in message
    assert form_snapshot(window) == before


def test_opening_a_file_that_is_not_json_changes_nothing(window, tmp_path):
    before = form_snapshot(window)
    path = tmp_path / "notes.json"
    path.write_text("这不是案例", encoding="utf-8")
    assert not window.open_case(path)
    assert "JSON" in window.message_bar.text()
    assert form_snapshot(window) == before


def test_new_starts_an_empty_family_and_says_how_to_add_children(window):
    window.commands["new"].trigger()
    assert window.session.household.children == []
    assert "新家庭" in window.windowTitle()
    assert window.form.children_editor.hint.isVisible()
    assert "添加孩子" in window.headline.note.text()


def test_csv_export_writes_every_line(window, tmp_path):
    pytest.importorskip("ui.export")
    path = tmp_path / "lines.csv"
    assert window.export_csv(path)
    assert path.read_text(encoding="utf-8-sig").count("\n") >= len(window.session.result.lines)


def test_handout_export_writes_a_pdf(window, tmp_path):
    pytest.importorskip("ui.handout")
    path = tmp_path / "handout.pdf"
    assert window.export_handout(path)
    assert path.read_bytes().startswith(b"%PDF")
