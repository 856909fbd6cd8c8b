"""Issue 14.1: no figure ever comes from a half-typed or invalid field. While one is wrong the figures on screen are
the last valid ones, said so and naming the field, and saving, exporting and printing refuse with that message."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt

from simulator import load_example
from tests.test_ui_form import open_window, type_into

TOO_BIG = "99999999999999999999"


def test_a_salary_too_large_leaves_the_last_valid_figures_marked_stale_naming_the_field(qtbot):
    window = open_window(qtbot)
    salary = window.form.mother.salary
    type_into(qtbot, salary.edit, TOO_BIG)
    qtbot.waitUntil(lambda: salary.problem() is not None)
    # the model stops at 10,000,000 a month; the last keystroke it accepted was 9,999,999
    assert window.session.household.mother.jobs[0].monthly_salary == 9_999_999
    assert [p for p, _ in window.session.problems] == ["mother.jobs[0].monthly_salary"]
    assert salary.problem() == "不能大于 10,000,000"  # not "10000000.0"
    headline = window.headline
    assert headline.is_stale() and headline.stale.isVisible()
    assert headline.stale.text() == ("以下是最近一次有效输入的结果，没有算入正在修改的内容。"
                                     "请先改正：母亲 · 税前月工资")
    assert headline.money.value.styleSheet()  # the old figures are greyed
    window.set_lang("en")
    assert salary.problem() == "Input should be less than or equal to 10,000,000"
    assert headline.stale.text().endswith("Please correct first: Mother · Monthly salary before tax")
    type_into(qtbot, salary.edit, "8000")
    assert salary.problem() is None and not headline.is_stale() and not headline.money.value.styleSheet()
    assert window.session.household.mother.jobs[0].monthly_salary == 8000


def test_save_export_and_print_refuse_while_a_field_is_wrong_and_name_it(qtbot, tmp_path, monkeypatch):
    from PySide6.QtPrintSupport import QPrintDialog

    asked = []
    monkeypatch.setattr(QPrintDialog, "exec", lambda self: asked.append(self) or 0)
    window = open_window(qtbot)
    type_into(qtbot, window.form.father.salary.edit, TOO_BIG)
    case, pdf, csv = tmp_path / "case.json", tmp_path / "h.pdf", tmp_path / "l.csv"
    assert not window.save_case(case) and not case.exists()
    assert window.message_bar.text() == ("没有保存：请先改正 父亲 · 税前月工资。保存的会是屏幕上没有的旧数据。")
    assert not window.export_handout(pdf) and not pdf.exists()
    assert window.message_bar.text().startswith("没有导出：请先改正 父亲 · 税前月工资。")
    assert not window.export_csv(csv) and not csv.exists()
    window.files.on_print()
    assert asked == []  # no print dialog for figures that are not on screen
    assert window.message_bar.text().startswith("没有打印：请先改正 父亲 · 税前月工资。")
    window.set_lang("en")
    assert window.message_bar.text().startswith("Not printed: please correct Father · Monthly salary before tax first.")
    type_into(qtbot, window.form.father.salary.edit, "12000")
    assert window.save_case(case) and case.exists()
    assert window.export_csv(csv) and csv.exists()


def test_a_date_is_read_only_once_typed_to_the_end(qtbot):
    window = open_window(qtbot)
    row = window.form.children_editor.children_rows[1]
    born = window.session.household.children[1].birth_date
    result = window.session.result
    type_into(qtbot, row.birth_date.edit, "2024-02-3")  # on the way to 2024-02-30 (or 2024-02-03)
    assert window.session.result is result and window.session.household.children[1].birth_date == born
    assert window.session.problems == [("children[1].birth_date", "日期还没有填完整，请写成 2024-03-01 这样的格式")]
    assert window.headline.stale.text().endswith("请先改正：孩子 2 · 出生日期或预产期")
    qtbot.keyClick(row.birth_date.edit, Qt.Key.Key_0)
    assert row.birth_date.local_problem() == "2024-02-30 这个日期不存在：2024 年 2 月只有 29 天"
    assert window.session.result is result
    type_into(qtbot, row.birth_date.edit, "2023-02-29")
    assert row.birth_date.local_problem() == "2023-02-29 这个日期不存在：2023 年 2 月只有 28 天"
    type_into(qtbot, row.birth_date.edit, "2024-02-29")  # a leap year: it exists
    assert window.session.household.children[1].birth_date == dt.date(2024, 2, 29)
    assert window.session.problems == []


def test_a_short_form_date_counts_once_the_person_leaves_the_field(qtbot):
    window = open_window(qtbot)
    row = window.form.children_editor.children_rows[1]
    born = window.session.household.children[1].birth_date
    type_into(qtbot, row.birth_date.edit, "2024-2-3")
    assert window.session.household.children[1].birth_date == born
    qtbot.keyClick(row.birth_date.edit, Qt.Key.Key_Return)
    assert window.session.household.children[1].birth_date == dt.date(2024, 2, 3)
    type_into(qtbot, row.birth_date.edit, "2024年3月1")
    assert window.session.household.children[1].birth_date == dt.date(2024, 2, 3)
    type_into(qtbot, row.birth_date.edit, "2024年3月1日")  # 日 ends it
    assert window.session.household.children[1].birth_date == dt.date(2024, 3, 1)
    type_into(qtbot, row.birth_date.edit, "20240401")
    assert window.session.household.children[1].birth_date == dt.date(2024, 4, 1)


def test_the_impossible_date_message_in_english(qtbot):
    window = open_window(qtbot)
    window.set_lang("en")
    field = window.form.as_of
    type_into(qtbot, field.edit, "2025-04-31")
    assert field.local_problem() == "2025-04-31 is an impossible date: month 4 of 2025 has only 30 days"
    assert window.headline.stale.text().endswith("Please correct first: As of")
    window.set_lang("zh")  # what the field itself says is said again in the new language
    assert window.session.problems == [("as_of", "2025-04-31 这个日期不存在：2025 年 4 月只有 30 天")]


def test_an_unchanged_example_is_not_stale(qtbot):
    window = open_window(qtbot)
    assert window.session.household == load_example()
    assert not window.headline.is_stale() and window.session.refusal("win_refuse_save") is None


def test_switching_language_while_a_date_is_half_typed_does_not_compute_it(qtbot):
    window = open_window(qtbot)
    row = window.form.children_editor.children_rows[1]
    born, result = window.session.household.children[1].birth_date, window.session.result
    type_into(qtbot, row.birth_date.edit, "2024-02-3")
    window.set_lang("en")
    assert window.session.result is result and window.session.household.children[1].birth_date == born
    assert window.session.problems == [("children[1].birth_date", "The date is not complete yet: write it like 2024-03-01")]
