"""The lifetime chart: bars updated in place, no redraw for the same answer, A beside B, leave per parent, and
the amounts a person reads when hovering over a year."""

import io

import pytest
from matplotlib.backend_bases import MouseEvent
from matplotlib.image import imread
from PySide6.QtWidgets import QToolTip

from simulator import Household, load_example, simulate
from simulator.household import Parent
from ui.chart import LifetimeChart, axis_yuan, render_chart_png
from ui.i18n import language, set_language


@pytest.fixture(autouse=True)
def chinese():
    before = language()
    set_language("zh")
    yield
    set_language(before)


@pytest.fixture(scope="module")
def household():
    return load_example()


@pytest.fixture(scope="module")
def a(household):
    return simulate(household)


@pytest.fixture(scope="module")
def b(household):
    """Same children (same years), a father earning twice as much: more tax saved."""
    job = household.father.jobs[0].model_copy(update={"monthly_salary": 30000})
    return simulate(household.model_copy(update={"father": household.father.model_copy(update={"jobs": [job]})}))


@pytest.fixture
def chart(qtbot):
    widget = LifetimeChart()
    qtbot.addWidget(widget)
    widget.resize(900, 420)
    return widget


def stacked(chart, scenario, series):
    return [r.get_height() for r in chart.bars[scenario][series].patches]


def test_a_new_result_changes_the_bar_heights_of_the_same_artists(chart, a, b):
    chart.set_results(a)
    containers = dict(chart.bars[0])
    rects = {k: list(c.patches) for k, c in containers.items()}
    line = chart.cumulative_lines[0]

    chart.set_results(b)

    assert chart.bars[0] == containers
    assert all(chart.bars[0][k].patches[i] is r for k, rs in rects.items() for i, r in enumerate(rs))
    assert chart.cumulative_lines[0] is line
    timeline = b.timeline()
    assert stacked(chart, 0, "tax") == [row["money"]["tax"] for row in timeline]
    assert [r.get_y() for r in chart.bars[0]["tax"].patches] == [row["money"]["cash"] for row in timeline]
    assert list(line.get_ydata()) == [row["cumulative"] for row in timeline]
    assert stacked(chart, 0, "tax") != [row["money"]["tax"] for row in a.timeline()]


def test_the_same_answer_again_requests_no_redraw(chart, household, a, b, monkeypatch):
    chart.set_results(a)
    chart.canvas.draw()
    requests = []
    monkeypatch.setattr(chart.canvas, "draw_idle", lambda: requests.append(1))
    blits = chart.blits

    chart.set_results(simulate(household))  # a new Result object with the same timeline
    assert requests == [] and chart.blits == blits

    chart.set_results(b)  # more tax saved: the running total outgrows its axis, so the figure is drawn whole
    assert requests == [1] and chart.blits == blits


def with_father_salary(household, salary):
    job = household.father.jobs[0].model_copy(update={"monthly_salary": salary})
    return simulate(household.model_copy(update={"father": household.father.model_copy(update={"jobs": [job]})}))


def rgba(chart):
    import numpy as np

    return np.asarray(chart.canvas.buffer_rgba()).copy()


def test_new_figures_within_the_axes_are_blitted_and_look_exactly_like_a_whole_redraw(chart, household, qtbot):
    chart.show()
    chart.set_results(with_father_salary(household, 14000))
    chart.canvas.draw()
    requests = []
    chart.canvas.draw_idle = lambda: requests.append(1)
    ylim, blits = chart._plot.ax.get_ylim(), chart.blits
    changed = with_father_salary(household, 14200)  # a little more tax saved: the same axes hold it (+5 %)
    with qtbot.waitSignal(chart.painted, timeout=1000):
        chart.set_results(changed)
    assert requests == [] and chart.blits == blits + 1
    assert chart._plot.ax.get_ylim() == ylim
    assert stacked(chart, 0, "tax") == [row["money"]["tax"] for row in changed.timeline()]
    blitted = rgba(chart)
    del chart.canvas.draw_idle
    chart.canvas.draw()  # the same state drawn whole
    assert (blitted == rgba(chart)).all()


def test_figures_that_shrink_below_half_the_axis_set_it_afresh(chart, household):
    chart.set_results(with_father_salary(household, 60000))
    chart.canvas.draw()
    high = chart._plot.ax2.get_ylim()[1]
    low = with_father_salary(household, 3000)  # hardly any tax to save: the running total falls far
    chart.set_results(low)
    assert chart._plot.limits_changed
    assert chart._background is None  # the old picture is dropped at once, not kept until the next draw
    top = max(row["cumulative"] for row in low.timeline())
    assert top < high * 0.5
    assert chart._plot.ax2.get_ylim()[1] == pytest.approx(top * 1.08)


def test_a_resized_chart_is_drawn_whole_not_blitted(chart, household, qtbot):
    chart.show()
    chart.set_results(with_father_salary(household, 14000))
    chart.canvas.draw()
    chart.resize(700, 380)
    qtbot.wait(10)
    chart._background_size = [1.0, 1.0]  # as if saved at another size (the resize's own draw may not have run)
    blits = chart.blits
    chart.set_results(with_father_salary(household, 14500))
    assert chart.blits == blits and chart._full_draw_pending


def test_comparison_shows_b_beside_a_with_a_dashed_running_total(chart, a, b):
    chart.set_results(a, b)

    assert len(chart.bars) == 2
    assert stacked(chart, 1, "tax") == [row["money"]["tax"] for row in b.timeline()]
    a_rect, b_rect = chart.bars[0]["cash"].patches[0], chart.bars[1]["cash"].patches[0]
    assert a_rect.get_x() + a_rect.get_width() <= b_rect.get_x()  # side by side, not on top of each other
    assert [ln.get_linestyle() for ln in chart.cumulative_lines] == ["-", "--"]
    assert list(chart.cumulative_lines[1].get_ydata()) == [row["cumulative"] for row in b.timeline()]
    assert {"方案A（实心柱）", "方案B（浅色柱）", "方案A累计", "方案B累计（虚线）"} <= set(chart.legend_labels())


def test_leave_view_shows_mother_and_father(chart, a):
    chart.set_results(a)
    chart.set_view("leave")

    assert set(chart.bars[0]) == {"mother", "father"}
    assert chart.legend_labels() == ["母亲", "父亲", "生育津贴（工资替代，不是新增的钱）"]
    i = [row["year"] for row in a.timeline()].index(2024)
    assert stacked(chart, 0, "mother")[i] == 183
    assert stacked(chart, 0, "father")[i] == 40
    assert chart.bars[0]["father"].patches[i].get_y() == 183
    # the allowance paying the leave is a point on its own yuan axis, not a bar: 8,000 ÷ 30 × 173 = 46,133.33
    # in 2024; none in 2025 (no birth), so no point there
    (points,) = chart.cumulative_lines
    assert points.get_ydata()[i] == 46133.33 and points.get_linestyle() == "None"
    assert str(points.get_ydata()[i + 1]) == "nan"
    assert "生育津贴（工资替代）：46,133.33元" in chart.tooltip_text(2024)


def test_the_money_view_stacks_no_maternity_allowance(chart, a):
    chart.set_results(a)
    i = [row["year"] for row in a.timeline()].index(2024)
    # 2024: the 2nd child's birth subsidy 2,000 only; the allowance (46,133.33) is not added money
    assert stacked(chart, 0, "cash")[i] == 2000


def test_tooltip_for_a_year_lists_each_category_and_the_running_total(chart, a):
    chart.set_results(a)

    text = chart.tooltip_text(2024)

    assert text.splitlines()[0] == "2024"
    # the allowance (46,133.33 in 2024) is wage replacement, not in the money: the birth subsidy 2,000 alone
    assert "现金补贴：2,000元" in text
    assert "个税：3,672元" in text
    assert "当年合计：5,672元" in text
    # tax saved 1,200 (2022) + 2,400 (2023) + 3,672 (2024) + 2,000 = 9,272
    assert "累计：9,272元" in text
    assert chart.tooltip_text(1999) is None


def test_hovering_over_a_year_shows_its_tooltip(chart, qtbot, a):
    chart.show()
    qtbot.waitExposed(chart)
    chart.set_results(a)
    chart.canvas.draw()
    x, y = chart._plot.ax.transData.transform((2027, 1000))
    chart.canvas.callbacks.process("motion_notify_event", MouseEvent("motion_notify_event", chart.canvas, x, y))

    assert chart._hover_year == 2027
    assert "2027" in QToolTip.text()
    # 2027: 3rd child's subsidy 5,000 + childcare subsidies 900 + 900 (the allowance 42,133.33 is apart)
    assert "现金补贴：6,800元" in QToolTip.text()


def test_comparison_tooltip_gives_a_and_b(chart, a, b):
    chart.set_results(a, b)
    row_b = next(row for row in b.timeline() if row["year"] == 2030)
    assert f"个税：方案A 4,440元 / 方案B {row_b['money']['tax']:,.0f}元" in chart.tooltip_text(2030)


def test_switching_language_relabels_the_legend(chart, a):
    chart.set_results(a)
    set_language("en")
    chart.retranslate()
    assert chart.legend_labels() == ["Cash subsidies", "Income tax", "Housing", "Training and fees", "Cumulative"]
    assert chart._plot.ax.get_ylabel() == "Per year (yuan)"


def test_no_children_shows_a_hint_instead_of_bars(chart):
    chart.set_results(simulate(Household(hukou_area="longzihu", mother=Parent())))
    assert chart.bars == []
    assert chart._plot.empty.get_visible()


@pytest.mark.parametrize(("value", "lang", "label"), [
    (0, "zh", "0"), (5000, "zh", "5,000"), (12000, "zh", "1.2万"), (250000, "zh", "25万"),
    (500, "en", "¥500"), (12000, "en", "¥12k"), (1_500_000, "en", "¥1.5M"),
])
def test_yuan_axis_labels_are_short(value, lang, label):
    assert axis_yuan(value, lang) == label


def test_year_ticks_are_whole_years(chart, a):
    chart.set_results(a)
    chart.canvas.draw()
    ticks = chart._plot.ax.get_xticks()
    labels = [t.get_text() for t in chart._plot.ax.get_xticklabels()]
    assert all(float(t).is_integer() for t in ticks)
    assert "2030" in labels
    assert len(ticks) <= 12


def test_chart_png_for_the_handout_has_the_asked_size_and_its_bars(a):
    png = render_chart_png(a, "zh", 800, 300)
    assert png.startswith(b"\x89PNG")
    image = imread(io.BytesIO(png))
    assert image.shape[:2] == (300, 800)
    # the handout's figure is drawn once, whole: its bars are not the window's animated ones, left out
    cash = (0x4E / 255, 0x79 / 255, 0xA7 / 255)
    assert (abs(image[..., :3] - cash) < 0.02).all(axis=-1).sum() > 200
