"""Compare scenarios: "what changes if we have a third child, and when?" — A kept, B edited, the difference."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from simulator import Household
from ui.compare_model import ABSENT
from ui.main_window import MainWindow
from ui.session import Session

TWO_CHILDREN = {
    "hukou_area": "huaiyuan", "as_of": "2026-11-28",
    "mother": {"employer": "private", "insurance": "employee", "monthly_salary": 6500, "monthly_contributions": 1300,
               "employer_avg_monthly_wage": 7000},
    "father": {"employer": "soe", "insurance": "employee", "monthly_salary": 11000, "monthly_contributions": 2300},
    "children": [{"birth_date": "2021-04-02"}, {"birth_date": "2024-08-20"}],
}


class FakeChart:
    """Stands in for ui.chart.LifetimeChart: records what the window hands it."""

    def __init__(self):
        self.calls = []

    def set_results(self, a, b=None):
        self.calls.append((a, b))

    def set_view(self, view):
        pass

    def retranslate(self):
        pass

    def setAccessibleName(self, name):
        pass


@pytest.fixture
def window(qtbot) -> MainWindow:
    w = MainWindow(Session(Household.model_validate(TWO_CHILDREN)))
    qtbot.addWidget(w)
    w.show()
    w.chart_panel.chart = FakeChart()
    return w


def add_child(window: MainWindow, born: str) -> None:
    children = window.form.children_editor
    children.add.click()
    field = children.children_rows[-1].birth_date
    field.edit.setText(born)
    field.edited.emit()


def test_compare_shows_the_5000_yuan_birth_subsidy_of_a_third_child_in_its_year(window, qtbot):
    a = window.session.result
    window.commands["compare"].trigger()
    assert window.session.comparing and window.tabs.currentWidget() is window.compare
    assert "还没有差别" in window.compare.summary.text()
    add_child(window, "2027-09-01")
    assert window.session.baseline_result is a and len(window.session.household.children) == 3
    rows = window.compare.lines_model.rows
    third = [r for r in rows if r.line.id == "birth_subsidy" and r.line.child == 3]
    assert len(third) == 1 and third[0].a is ABSENT and third[0].b == 5000 and third[0].change == 5000
    model = window.compare.lines_model
    r = rows.index(third[0])
    shown = [model.data(model.index(r, c)) for c in range(model.columnCount())]
    assert shown == ["一次性生育补助 · 第3孩", "2027", "—", "5,000", "+5,000"]
    assert model.data(model.index(r, 4), Qt.ItemDataRole.ForegroundRole).name() == "#1b5e20"
    years = {row["year"]: row for row in window.compare.years_model.rows}
    assert years[2027]["change"] >= 5000 and years[2027]["leave"]["mother"] > 0
    assert "比A +" in window.headline.money.detail.text()
    calls = window.chart_panel.chart.calls
    qtbot.waitUntil(lambda: bool(calls) and calls[-1] == (a, window.session.result))  # the chart follows once typing pauses
    assert "方案对比中" in window.windowTitle()


def test_back_to_a_restores_the_family_and_ends_the_comparison(window, qtbot):
    window.commands["compare"].trigger()
    add_child(window, "2027-09-01")
    window.compare.back_to_a.click()
    assert not window.session.comparing and not window.commands["compare"].isChecked()
    assert len(window.session.household.children) == 2
    assert len(window.form.children_editor.children_rows) == 2
    calls = window.chart_panel.chart.calls
    qtbot.waitUntil(lambda: bool(calls) and calls[-1] == (window.session.result, None))


def test_stopping_keeps_b(window):
    window.commands["compare"].trigger()
    add_child(window, "2027-09-01")
    window.commands["compare"].trigger()  # untick: stop comparing, keep the edited family
    assert not window.session.comparing
    assert len(window.session.household.children) == 3
    assert window.compare.stack.currentIndex() == 0


BORN_BEFORE_ANHUI_2016 = {
    "hukou_area": "huaiyuan", "as_of": "2026-11-28",
    "mother": {"employer": "private", "insurance": "employee", "monthly_salary": 6500, "employer_avg_monthly_wage": 7000},
    "father": {"employer": "soe", "insurance": "employee", "monthly_salary": 11000},
    "children": [{"birth_date": "2016-01-15"}],
}


def test_a_line_not_computed_in_a_says_so_and_why_not_set_by_local_notice(qtbot):
    """A: born 2016-01-15, the day before Anhui's 2016 text (the pack's earliest Anhui leave rule): maternity leave,
    paternity leave and the allowance are not computed. B: born 2016-01-16: 98 + 60 = 158 days, 10 days' paternity
    leave (ah-pfp-2016), allowance 7,000 ÷ 30 × 158 = 36,866.67. Nothing there is left to a local notice."""
    w = MainWindow(Session(Household.model_validate(BORN_BEFORE_ANHUI_2016)))
    qtbot.addWidget(w)
    w.show()
    w.chart_panel.chart = FakeChart()
    w.commands["compare"].trigger()
    field = w.form.children_editor.children_rows[0].birth_date
    field.edit.setText("2016-01-16")
    field.edited.emit()
    model = w.compare.lines_model
    shown = {model.rows[r].line.id: [model.data(model.index(r, c)) for c in range(model.columnCount())]
             for r in range(model.rowCount())}
    assert shown["maternity_leave"] == ["产假 · 第1孩 · 母亲", "2016", "未计算", "158 天", "未计算"]
    assert shown["paternity_leave"] == ["护理假 · 第1孩 · 父亲", "2016", "未计算", "10 天", "未计算"]
    assert shown["maternity_allowance"] == ["生育津贴 · 第1孩 · 母亲", "2016", "未计算", "36,866.67", "未计算"]
    r = next(r for r in range(model.rowCount()) if model.rows[r].line.id == "maternity_leave")
    assert w.compare.summary.text().endswith("未计算的项（A 3 项，B 0 项）不在合计中，差额不含它们。")
    tip = model.data(model.index(r, 2), Qt.ItemDataRole.ToolTipRole)
    assert tip.startswith("方案A：2016-01-15生育：早于本数据包最早的安徽产假规定（2016-01-16施行）")
    assert model.data(model.index(r, 3), Qt.ItemDataRole.ToolTipRole) == "158 天"  # B has its figure
    w.set_lang("en")
    assert [model.data(model.index(r, c)) for c in (2, 3, 4)] == ["not computed", "158 days", "not computed"]
    tip = model.data(model.index(r, 4), Qt.ItemDataRole.ToolTipRole)
    assert tip.startswith("A: Birth on 2016-01-15: before the earliest Anhui")


def test_a_third_childs_allowance_is_compared_with_the_leave_not_with_the_added_money(window):
    window.commands["compare"].trigger()
    add_child(window, "2027-09-01")
    years = {row["year"]: row for row in window.compare.years_model.rows}
    # the allowance for the 2027 birth: 7,000 ÷ 30 × 158 = 36,866.67, apart from the money of that year
    assert years[2027]["wage"] == 36866.67
    model = window.compare.years_model
    r = list(years).index(2027)
    assert model.data(model.index(r, model.COLUMNS.index("wage"))) == "+36,866.67"
    # added money: the 5,000 birth subsidy + the childcare subsidy 2027-10 … 2030-09, 36 × 300 = 10,800
    assert "+15,800" in window.headline.money.detail.text()
    assert "36,866.67" not in window.headline.money.detail.text()
    assert "+36,866.67" in window.headline.leave.detail.text()
