"""The form, driven as a parent would: typing, adding and removing children, mistakes marked at the field."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication

from simulator import Household, load_example
from simulator.money import fmt
from ui.main_window import MainWindow
from ui.result_model import line_key
from ui.session import Session

ONE_CHILD = {
    "hukou_area": "bengshan", "as_of": "2026-11-28",
    "mother": {"employer": "private", "insurance": "employee", "monthly_salary": 6000, "monthly_contributions": 1200},
    "father": {"employer": "private", "insurance": "employee", "monthly_salary": 9000, "monthly_contributions": 1800},
    "children": [{"birth_date": "2021-06-01"}],
}


def open_window(qtbot, case: dict | None = None) -> MainWindow:
    household = load_example() if case is None else Household.model_validate(case)
    window = MainWindow(Session(household))
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    return window


def type_into(qtbot, edit, text: str) -> None:
    """Select what the field holds and type over it, one key press per character (any script: QTest's
    keyClicks only knows ASCII, and parents type Chinese and full-width digits)."""
    edit.setFocus()
    edit.selectAll()
    for ch in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(edit, QKeyEvent(kind, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, ch))


def test_typing_the_fathers_salary_updates_the_tax_saved_in_the_headline(qtbot):
    window = open_window(qtbot)
    before = window.headline.tax.value.text()
    type_into(qtbot, window.form.father.salary.edit, "30000")
    assert window.session.household.father.jobs[0].monthly_salary == 30000
    shown = window.headline.tax.value.text()
    assert shown != before
    assert shown == f"{fmt(window.session.result.totals()['tax_saved'])} 元"


def test_a_salary_typed_with_separators_and_full_width_digits_is_read_as_a_number(qtbot):
    window = open_window(qtbot)
    type_into(qtbot, window.form.mother.salary.edit, "１２,５００元")
    assert window.session.household.mother.jobs[0].monthly_salary == 12500
    assert window.form.mother.salary.problem() is None


def test_adding_a_child_born_2024_03_01_as_second_child_shows_a_2000_yuan_birth_subsidy_row(qtbot):
    window = open_window(qtbot, ONE_CHILD)
    assert not [ln for ln in window.session.result.select("birth_subsidy") if ln.child == 2]
    children = window.form.children_editor
    qtbot.mouseClick(children.add, Qt.MouseButton.LeftButton)
    row = children.children_rows[-1]
    assert row.title.text() == "孩子 2"
    type_into(qtbot, row.birth_date.edit, "2024-03-01")
    assert row.birth_date.problem() is None
    second = [ln for ln in window.session.result.select("birth_subsidy") if ln.child == 2]
    assert [ln.amount for ln in second] == [2000]
    model = window.results.model
    index = model.index_of(line_key(second[0]))
    assert model.data(index) == "一次性生育补助 · 第2孩"
    assert model.data(index.siblingAtColumn(1)) == "2024"
    assert model.data(index.siblingAtColumn(2)) == "2,000 元"
    assert model.data(index.siblingAtColumn(4)) == "bengbu-2024 §4"
    window.results.view.setCurrentIndex(index)
    explanation = window.explanation.text()
    assert second[0].text("zh") in explanation
    assert "2024-03-01" in explanation and "二孩一次性生育补助" in explanation  # the parameter used, by name


def test_a_bad_date_is_marked_at_the_field_and_the_last_result_stays(qtbot):
    window = open_window(qtbot)
    field = window.form.children_editor.children_rows[1].birth_date
    result, headline = window.session.result, window.headline.texts()
    type_into(qtbot, field.edit, "2024-02-3")  # on the way to 30 February: not read as 3 February
    assert window.session.result is result
    qtbot.keyClicks(field.edit, "0")  # 30 February
    qtbot.waitUntil(lambda: field.problem() is not None)
    assert field.message.text() == "2024-02-30 这个日期不存在：2024 年 2 月只有 29 天"
    assert field.message.isVisible()
    assert "border" in field.edit.styleSheet()
    assert window.session.result is result
    assert window.headline.texts() == headline
    assert "最近一次有效输入" in window.headline.stale.text() and window.headline.stale.isVisible()
    assert "孩子 2 · 出生日期或预产期" in window.headline.stale.text()
    assert [p for p, _ in window.session.problems] == ["children[1].birth_date"]
    type_into(qtbot, field.edit, "2024年3月15日")
    assert field.problem() is None and not field.message.isVisible()
    assert str(window.session.household.children[1].birth_date) == "2024-03-15"


def test_a_course_subsidy_outside_the_published_range_is_marked_at_its_field(qtbot):
    window = open_window(qtbot)
    mother = window.form.mother
    qtbot.keyClick(mother.training, Qt.Key.Key_Space)  # keyboard only
    assert mother.training.isChecked() and mother.course.isVisible()
    type_into(qtbot, mother.start.edit, "2025-03-01")
    type_into(qtbot, mother.days.edit, "20")
    result = window.session.result
    type_into(qtbot, mother.course.edit, "3000")
    qtbot.waitUntil(lambda: mother.course.problem() is not None)
    assert "2400" in mother.course.problem()
    assert window.session.result is result
    type_into(qtbot, mother.course.edit, "1500")
    assert mother.course.problem() is None
    assert window.session.household.mother.training.course_subsidy == 1500
    assert window.session.result.select("training_subsidy")


def test_removing_the_third_child_removes_its_lines(qtbot):
    window = open_window(qtbot)
    children = window.form.children_editor
    qtbot.mouseClick(children.children_rows[2].remove, Qt.MouseButton.LeftButton)
    assert len(window.session.household.children) == 2
    assert not [ln for ln in window.session.result.lines if ln.child == 3]
    assert [r.title.text() for r in children.children_rows] == ["孩子 1", "孩子 2"]


def test_a_single_mother_is_entered_by_unticking_the_father(qtbot):
    window = open_window(qtbot)
    window.form.father.setChecked(False)
    assert window.session.household.father is None
    assert window.headline.leave.caption.text() == "假期（母亲）"
    assert not [ln for ln in window.session.result.lines if ln.parent == "father"]


def test_a_family_without_any_parent_is_refused_with_a_message(qtbot):
    window = open_window(qtbot)
    result = window.session.result
    window.form.father.setChecked(False)
    window.form.mother.setChecked(False)
    qtbot.waitUntil(window.form.banner.isVisible)
    assert "mother/father" in window.form.banner.text()
    assert window.session.household.father is None and window.session.household.mother is not None
    window.form.mother.setChecked(True)
    assert not window.form.banner.isVisible()
    assert window.session.result is not result


def test_every_input_has_an_accessible_name_and_a_tooltip(qtbot):
    window = open_window(qtbot)
    form = window.form
    inputs = [form.area, form.split, *(f.edit for f in form.fields()), form.mother.employer, form.mother.training,
              form.housing.first_loan, form.housing.buying]
    for row in form.children_editor.children_rows:
        inputs += [row.hukou, row.difficult, row.remove]
    for widget in inputs:
        assert widget.accessibleName(), widget
    for field in form.fields():
        assert field.toolTip(), field.path


def test_unticking_parents_married_takes_away_the_2000_yuan_birth_subsidy_and_says_why(qtbot):
    # the example family: 2nd child born 2024-03-15, hukou Longzihu → §4's 2,000 while the parents are married
    window = open_window(qtbot)
    box = window.form.married
    assert box.isChecked() and box.accessibleName() == "父母已登记结婚"

    def second_child_subsidy():
        return next(ln for ln in window.session.result.select("birth_subsidy") if ln.child == 2)

    assert second_child_subsidy().amount == 2000
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton)
    assert window.session.household.parents_married is False
    line = second_child_subsidy()
    assert line.amount == 0 and "夫妻双方依法生育" in line.zh
    # the national childcare subsidy stays: child 2, months 2024-04 … 2027-03, 12 in 2025 → 3,600 (assumed)
    care = next(ln for ln in window.session.result.select("childcare_subsidy") if ln.child == 2 and ln.year == 2025)
    assert care.amount == 3600 and care.status == "assumed"
    # §11's Anhui leave is a married couple's too (assumed): the 2nd child's leave 98 + 15 (difficult) = 113 days
    # instead of 98 + 60 + 15 = 173, no paternity leave; the allowance is paid on the 113 days
    leave = next(ln for ln in window.session.result.select("maternity_leave") if ln.child == 2)
    paternity = next(ln for ln in window.session.result.select("paternity_leave") if ln.child == 2)
    assert (leave.amount, leave.status, paternity.amount) == (113, "assumed", 0)
    assert "父母未登记结婚" in paternity.zh
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton)
    assert second_child_subsidy().amount == 2000
    assert next(ln for ln in window.session.result.select("maternity_leave") if ln.child == 2).amount == 173
