"""A family with a child born 2012 (before the pack's earliest Anhui leave rule: 'not computed') and a 4th child
(beyond the three the law allows): what the window says about those lines, in both languages."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from simulator import Household
from ui.i18n import set_language
from ui.main_window import MainWindow
from ui.result_model import COLUMNS, line_key
from ui.session import Session

# 1st child 2012-06-10: before ah-pfp-2016 (in force 2016-01-16), so maternity leave, paternity leave and the
# allowance are not computed. 2nd 2017-03-02 (two-child law), 3rd 2022-05-20 (three-child law): 98 + 60 = 158
# days each. 4th 2026-02-11: beyond the three, national 98 days only; no paternity leave (assumed).
FAMILY = {
    "hukou_area": "bengshan", "as_of": "2026-12-08",
    "mother": {"employer": "private", "insurance": "employee", "monthly_salary": 6000, "monthly_contributions": 1200,
               "employer_avg_monthly_wage": 7500},
    "father": {"employer": "soe", "insurance": "employee", "monthly_salary": 9000, "monthly_contributions": 1800},
    "children": [{"birth_date": "2012-06-10"}, {"birth_date": "2017-03-02"}, {"birth_date": "2022-05-20"},
                 {"birth_date": "2026-02-11"}],
}


@pytest.fixture
def window(qtbot):
    set_language("zh")
    w = MainWindow(Session(Household.model_validate(FAMILY)))
    qtbot.addWidget(w)
    w.resize(1366, 768)
    w.show()
    yield w
    set_language("zh")


def line(window, kind: str, child: int):
    return next(ln for ln in window.session.result.lines if ln.id == kind and ln.child == child)


def row_texts(window, ln) -> list[str]:
    model = window.results.model
    index = model.index_of(line_key(ln))
    return [model.index(index.row(), c, index.parent()).data() for c in range(len(COLUMNS))]


def test_a_not_computed_line_is_explained_with_its_reason_and_what_not_computed_means(window):
    leave = line(window, "maternity_leave", 1)
    assert leave.status == "not_computed" and leave.amount is None
    texts = row_texts(window, leave)
    assert texts[COLUMNS.index("amount")] == "未计算" and texts[COLUMNS.index("year")] == "2012"
    window.results.select_line(leave)  # (this raised a missing translation for the status before)
    shown = window.explanation.text()
    assert "2012-06-10生育：早于本数据包最早的安徽产假规定（2016-01-16施行）" in shown
    assert "状态\n未计算：这件事早于本政策包收录的最早规定" in shown
    assert "\n未计算 · 2012年\n" in shown and shown.count("未计算") == 2  # the amount and the status, no badge
    window.set_lang("en")
    shown = window.explanation.text()
    assert "Birth on 2012-06-10: before the earliest Anhui maternity-leave rule in this pack" in shown
    assert "Not computed: this came before the earliest rule in this policy pack" in shown
    assert row_texts(window, leave)[COLUMNS.index("amount")] == "not computed"


def test_the_4th_child_has_the_national_98_days_and_no_paternity_leave_each_saying_why(window):
    leave, paternity = line(window, "maternity_leave", 4), line(window, "paternity_leave", 4)
    assert row_texts(window, leave)[COLUMNS.index("amount")] == "98 天"
    assert row_texts(window, paternity)[COLUMNS.index("amount")] == "0 天"
    window.results.select_line(paternity)
    assert "第4孩超出法律规定一对夫妻可以生育的3个子女" in window.explanation.text()
    # the headline: the mother's 158 + 158 + 98 days and parental leave 2022 … 2028 (7 × 10; the 4th child alone
    # earns none from 2029) = 484; the father's 10 + 30 + 0 + 70 = 110; three lines not computed (2012's
    # maternity leave, allowance and paternity leave)
    assert window.headline.leave.value.text() == "484 · 110 天"
    assert "3 项早于本政策包最早的规定，未计算，不计入合计" in window.headline.note.text()


def test_columns_hidden_as_in_the_kiosk_give_their_room_to_the_item_names(window, qtbot):
    """The kiosk hides who pays and the source (they are in the explanation): their width must go to the names,
    not stay as a blank band on the right while '产假 · 第1孩 · 母亲' is cut to '产假 · … · 母亲'."""
    results = window.results
    view, header = results.view, results.view.header()
    for name in ("payer", "source"):
        view.setColumnHidden(COLUMNS.index(name), True)
    results.fit_columns()
    shown = [c for c in range(len(COLUMNS)) if not header.isSectionHidden(c)]
    assert sum(header.sectionSize(c) for c in shown) == view.viewport().width()
    leave = line(window, "maternity_leave", 1)
    index = results.model.index_of(line_key(leave))
    view.expand(index.parent())
    assert not results.is_elided(index)
    assert results.model.index(index.row(), 0, index.parent()).data(Qt.ItemDataRole.DisplayRole) == "产假 · 第1孩 · 母亲"


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_every_status_a_line_can_have_has_its_explanation_in_the_window(lang):
    """The explanation panel says what a line's status means; a status without its sentence broke the panel."""
    from simulator.vocabulary import STATUS_RANK
    from ui.i18n import tr

    for status in STATUS_RANK:
        if status != "verified":  # (a verified line shows no status row)
            assert tr("win_status_tip_" + status, lang).strip()
