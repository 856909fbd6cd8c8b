"""The window's "changes from date …" rows under each parent (case schema 2's jobs): added and removed from the
keyboard, named for a screen reader in both languages, read into the household, and, while one is wrong, the
figures marked stale and saving and exporting refused, as for every other field."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt

from simulator import Household, parse_case
from tests.a11y.rules import problems
from tests.test_ui_accessible import accessible_tree
from tests.test_ui_form import open_window, type_into

CASE = {"schema_version": 2, "hukou_area": "longzihu", "as_of": "2026-06-30",
        "mother": {"jobs": [{"from": None, "employer": "soe", "monthly_salary": 8000, "employer_avg_monthly_wage": 9000},
                            {"from": "2025-06-11", "employer": "none", "insurance": "none"}]},
        "father": {"jobs": [{"from": None, "monthly_salary": 12000}]},
        "children": [{"birth_date": "2025-06-10"}]}


def allowance(window) -> float:
    (line,) = [ln for ln in window.session.result.lines if ln.id == "maternity_allowance"]
    return line.amount


def test_a_case_s_changes_of_job_are_shown_as_rows_and_read_back_unchanged(qtbot):
    window = open_window(qtbot, CASE)
    (row,) = window.form.mother.change_rows
    assert row.start.value() == "2025-06-11" and row.job.employer.key() == "none"
    assert row.start.path == "mother.jobs[1].from" and row.job.salary.path == "mother.jobs[1].monthly_salary"
    assert window.form.father.change_rows == []
    assert Household.model_validate({"schema_version": 2, **window.form.data()}) == parse_case(CASE)
    assert allowance(window) == 47400  # 9,000 ÷ 30 × 158: her job on the birth date


def test_a_change_added_from_the_keyboard_changes_the_figures_from_its_date(qtbot):
    window = open_window(qtbot, CASE)
    mother = window.form.mother
    mother.add_change.setFocus()
    qtbot.keyClick(mother.add_change, Qt.Key.Key_Space)
    assert len(mother.change_rows) == 2
    row = mother.change_rows[1]
    qtbot.waitUntil(row.start.edit.hasFocus)
    assert row.start.path == "mother.jobs[2].from"
    assert row.job.employer.key() == "none"  # a new change starts as the job before it
    # she stopped working before the birth instead: the job on 2025-06-10 has no employee insurance
    mother.change_rows[0].start.set_value(dt.date(2025, 6, 10))
    mother.change_rows[0].start.edited.emit()
    type_into(qtbot, row.start.edit, "2026-01-01")
    qtbot.keyClick(row.start.edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.session.household.mother.jobs[2].start == dt.date(2026, 1, 1))
    assert window.session.problems == []
    assert allowance(window) == 0


def test_a_change_row_is_removed_and_the_next_ones_renumbered(qtbot):
    window = open_window(qtbot, CASE)
    father = window.form.father
    for _ in range(2):
        father.add_change.click()
    first, second = father.change_rows
    type_into(qtbot, first.start.edit, "2025-01-01")
    type_into(qtbot, second.start.edit, "2026-01-01")
    type_into(qtbot, second.job.salary.edit, "15000")
    qtbot.waitUntil(lambda: len(window.session.household.father.jobs) == 3)
    first.remove.setFocus()
    qtbot.keyClick(first.remove, Qt.Key.Key_Space)
    assert father.change_rows == [second] and second.index == 1
    assert second.start.path == "father.jobs[1].from" and second.job.salary.path == "father.jobs[1].monthly_salary"
    qtbot.waitUntil(second.remove.hasFocus)  # the focus stays in the list
    jobs = window.session.household.father.jobs
    assert [(j.start, j.monthly_salary) for j in jobs] == [(None, 12000), (dt.date(2026, 1, 1), 15000)]


def test_a_change_dated_before_the_one_before_it_marks_its_date_and_refuses_export(qtbot, tmp_path):
    window = open_window(qtbot, CASE)
    window.form.mother.add_change.click()
    result = window.session.result
    row = window.form.mother.change_rows[1]
    type_into(qtbot, row.start.edit, "2024-01-01")
    qtbot.keyClick(row.start.edit, Qt.Key.Key_Tab)
    qtbot.waitUntil(lambda: row.start.problem() is not None)
    assert [p for p, _ in window.session.problems] == ["mother.jobs[2].from"]
    assert row.start.problem() == "应晚于上一段工作的起始日期（2025-06-11）"
    assert window.session.result is result and window.headline.is_stale()
    assert window.headline.stale.text().endswith("请先改正：母亲 · 工作变动 2 · 自此日起")
    pdf = tmp_path / "h.pdf"
    assert not window.export_handout(pdf) and not pdf.exists()
    assert window.message_bar.text().startswith("没有导出：请先改正 母亲 · 工作变动 2 · 自此日起。")
    window.set_lang("en")
    assert row.start.problem() == "must be later than the job before's (2025-06-11)"
    type_into(qtbot, row.start.edit, "2026-01-01")
    qtbot.keyClick(row.start.edit, Qt.Key.Key_Tab)
    qtbot.waitUntil(lambda: not window.session.problems)
    assert not window.headline.is_stale() and window.export_handout(pdf) and pdf.exists()


def test_a_half_typed_change_date_holds_the_figures_back(qtbot):
    window = open_window(qtbot, CASE)
    household = window.session.household
    row = window.form.mother.change_rows[0]
    type_into(qtbot, row.start.edit, "2025-0")
    assert window.session.household is household
    assert [p for p, _ in window.session.problems] == ["mother.jobs[1].from"]


def test_every_control_of_a_change_row_is_named_in_the_window_language(qtbot):
    window = open_window(qtbot, CASE)
    window.form.father.add_change.click()
    for lang in ("zh", "en"):
        window.set_lang(lang)
        nodes = accessible_tree(window)
        assert problems(nodes, lang) == []
        names = {n.name for n in nodes}
        expected = ({"删除父亲的工作变动 1", "为母亲添加工作或工资变动"} if lang == "zh" else
                    {"Remove change of job 1 (Father)", "Add a change of job or pay (Mother)"})
        assert expected <= names, sorted(names)


def test_tab_reaches_every_field_of_a_change_row_in_order(qtbot):
    window = open_window(qtbot, CASE)
    row = window.form.mother.change_rows[0]
    chain = window.form.focus_chain()
    wanted = [row.start.edit, row.job.employer, row.job.insurance, row.job.salary.edit, row.job.contributions.edit,
              row.job.avg_wage.edit, row.remove, window.form.mother.add_change]
    at = [chain.index(w) for w in wanted]
    assert at == sorted(at) and at[-1] - at[0] == len(wanted) - 1
    row.start.edit.setFocus()
    for widget in wanted[1:]:
        qtbot.keyClick(window.focusWidget(), Qt.Key.Key_Tab)
        assert window.focusWidget() is widget or widget.isAncestorOf(window.focusWidget())


def test_a_first_job_with_a_date_of_its_own_is_said_and_kept(qtbot):
    case = {**CASE, "father": {"jobs": [{"from": "2020-01-01", "monthly_salary": 12000}]}}
    window = open_window(qtbot, case)
    father, mother = window.form.father, window.form.mother
    assert father.first_since.isVisible() and father.first_since.text() == "第一段工作自 2020-01-01 起（此前按无工作计算）"
    assert not mother.first_since.isVisible()
    window.set_lang("en")
    assert father.first_since.text() == "The first job starts on 2020-01-01 (before it, taken as not working)"
    type_into(qtbot, father.salary.edit, "13000")
    qtbot.waitUntil(lambda: window.session.household.father.jobs[0].monthly_salary == 13000)
    assert window.session.household.father.jobs[0].start == dt.date(2020, 1, 1)
    window.session.new()
    assert not father.first_since.isVisible()
