"""The "what if" tab (issue 16): the curves are the model's for every month and salary, follow every edit of the
family, are worked out off the GUI thread with stale answers dropped, and clicking a month sets the planned
child's birth date as typing it would."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication

from simulator import default_parameters, simulate
from simulator.explore import flat_totals, next_months, with_birth_date, with_monthly_salary
from tests.test_ui_form import open_window, type_into
from ui.explorer_worker import SALARY_RANGE, SALARY_STEP, Ask, CurveWorker


def open_explorer(qtbot):
    window = open_window(qtbot)
    window.tabs.setCurrentWidget(window.explorer)
    qtbot.waitUntil(lambda: window.explorer.curves is not None and not window.explorer.worker.busy, timeout=30_000)
    return window


def test_the_curves_are_what_simulate_gives_for_each_month_and_salary(qtbot):
    window = open_explorer(qtbot)
    h, curves = window.session.household, window.explorer.curves
    # the example family's planned child is its 3rd (born 2027-09-01, after the case's date 2026-11-28)
    assert curves.child == 2 and curves.birth_date == dt.date(2027, 9, 1)
    assert [p.key for p in curves.births] == [f"{y:04d}-{m:02d}" for y, m in next_months(h)]
    params = default_parameters()
    for i in (0, 9, 59):
        point = curves.births[i]
        expected = simulate(with_birth_date(h, 2, point.value), params).totals()
        assert point.totals == flat_totals(expected)
    salaries = [p.value for p in curves.salaries]
    assert salaries[0] == SALARY_RANGE[0] and salaries[-1] == SALARY_RANGE[1]
    assert salaries[1] - salaries[0] == SALARY_STEP
    point = curves.salaries[20]
    assert point.totals == flat_totals(simulate(with_monthly_salary(h, "mother", point.value), params).totals())
    # what the chart draws is those totals
    heights = window.explorer.chart.bar_heights()
    assert heights["money_received"][9] == curves.births[9].totals["money_received"]
    xs, ys = window.explorer.chart.salary_line("tax_saved")
    assert xs[20] == point.value and ys[20] == point.totals["tax_saved"]


def test_the_curves_follow_an_edit_of_the_family(qtbot):
    window = open_explorer(qtbot)
    before = window.explorer.curves
    type_into(qtbot, window.form.mother.salary.edit, "12000")
    assert window.session.household.mother.jobs[0].monthly_salary == 12000
    qtbot.waitUntil(lambda: window.explorer.curves is not before and not window.explorer.worker.busy, timeout=30_000)
    after = window.explorer.curves
    assert after.salary == 12000 and before.salary == 7000
    h = window.session.household
    expected = simulate(with_birth_date(h, 2, after.births[0].value), default_parameters()).totals()
    assert after.births[0].totals == flat_totals(expected)
    assert after.births[0].totals != before.births[0].totals  # the mother's tax changed with her pay


def test_clicking_a_months_bar_sets_the_planned_childs_birth_date(qtbot):
    window = open_explorer(qtbot)
    chart = window.explorer.chart
    chart.canvas.draw()
    index = 14  # the 15th month from the case's month 2026-11: 2028-01, on the child's day 1
    x, y = chart.ax_birth.transData.transform((index, chart.ax_birth.get_ylim()[1] / 2))
    ratio = chart.canvas.device_pixel_ratio
    point = QPoint(round(x / ratio), round(chart.canvas.height() - y / ratio))
    qtbot.mouseClick(chart.canvas, Qt.MouseButton.LeftButton, pos=point)
    assert window.session.household.children[2].birth_date == dt.date(2028, 1, 1)
    assert window.form.children_editor.children_rows[2].birth_date.edit.text() == "2028-01-01"
    assert window.session.modified
    qtbot.waitUntil(lambda: window.explorer.curves.birth_date == dt.date(2028, 1, 1), timeout=30_000)
    assert window.explorer.month_box.currentText().startswith("2028-01")


def test_the_arrows_and_the_list_of_months_set_the_date_too_clamped_to_the_months_end(qtbot):
    case = {"schema_version": 1, "hukou_area": "longzihu", "as_of": "2026-11-28",
            "mother": {"monthly_salary": 6000}, "father": {"monthly_salary": 8000},
            "children": [{"birth_date": "2023-03-01"}, {"birth_date": "2027-01-31"}]}
    window = open_window(qtbot, case)
    window.tabs.setCurrentWidget(window.explorer)
    panel = window.explorer
    qtbot.waitUntil(lambda: panel.curves is not None and not panel.worker.busy, timeout=30_000)
    panel.later.click()  # a month later than 2027-01-31: 28 February 2027
    assert window.session.household.children[1].birth_date == dt.date(2027, 2, 28)
    qtbot.waitUntil(lambda: panel.curves.birth_date == dt.date(2027, 2, 28) and not panel.worker.busy, timeout=30_000)
    panel.month_box.setCurrentIndex(0)
    panel.month_box.activated.emit(0)  # the first month shown: the case's own month, 2026-11, day 28 of 31 → 28
    assert window.session.household.children[1].birth_date == dt.date(2026, 11, 28)


def test_a_stale_answer_is_dropped_and_only_the_latest_ask_is_shown(qtbot):
    window = open_window(qtbot)
    h, params = window.session.household, window.session.params
    worker = CurveWorker()
    shown = []
    worker.ready.connect(shown.append)
    asks = [Ask(with_monthly_salary(h, "mother", s), params, 2, "mother", "en") for s in (1000, 2000, 3000)]
    for ask in asks:
        worker.request(ask)  # the first runs; the second waits and is replaced by the third
    qtbot.waitUntil(lambda: not worker.busy, timeout=60_000)
    assert [c.salary for c in shown] == [3000]
    assert worker.dropped == 1  # the first one's answer came after the third was asked


def test_a_hidden_tab_works_nothing_out_until_shown(qtbot):
    window = open_explorer(qtbot)
    window.tabs.setCurrentIndex(0)
    type_into(qtbot, window.form.father.salary.edit, "16000")
    assert not window.explorer.worker.busy
    window.tabs.setCurrentWidget(window.explorer)
    qtbot.waitUntil(lambda: window.explorer.curves.role == "mother" and not window.explorer.worker.busy
                    and window.explorer.curves.births[0].totals == flat_totals(simulate(
                        with_birth_date(window.session.household, 2, window.explorer.curves.births[0].value),
                        default_parameters()).totals()), timeout=30_000)


def test_the_cliffs_are_listed_in_the_windows_language(qtbot):
    case = {"schema_version": 1, "hukou_area": "longzihu", "as_of": "2023-06-15",
            "mother": {"monthly_salary": 6000}, "father": {"monthly_salary": 8000},
            "children": [{"birth_date": "2020-03-01"}, {"birth_date": "2023-09-01"}]}
    window = open_window(qtbot, case)
    window.tabs.setCurrentWidget(window.explorer)
    panel = window.explorer
    qtbot.waitUntil(lambda: panel.curves is not None and not panel.worker.busy, timeout=30_000)
    window.set_lang("zh")
    items = [panel.cliff_list.item(i).text() for i in range(panel.cliff_list.count())]
    assert any("出生月份从 2023-12 推到 2024-01" in t and "一次性生育补助（二孩） 2,000 元" in t for t in items)
    window.set_lang("en")
    items = [panel.cliff_list.item(i).text() for i in range(panel.cliff_list.count())]
    assert any("One-time birth subsidy (2nd child) appears: 2,000 yuan (bengbu-2024 §4)" in t for t in items)


def test_in_the_kiosk_the_explorer_is_finger_sized_and_start_over_leaves_nothing_of_it(qtbot, home):
    from tests.test_kiosk import every_text
    from ui.crash_guard import data_dir
    from ui.i18n import set_language
    from ui.kiosk_app import build_kiosk_window, start_session
    from ui.kiosk_config import KioskSettings
    from ui.session import Session

    set_language("zh")
    font = QApplication.instance().font()  # (a kiosk sets the application's font: given back at the end)
    session = Session()
    assert start_session(session, data_dir()) is None
    window = build_kiosk_window(session, KioskSettings(kiosk=True, countdown_seconds=3), idle_ms=600_000, tick_ms=40)
    assert not window.explorer.worker.processes  # a visitor's figures stay in the visitor's process
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    window.ensure_chart()
    window.session.open_example()  # a visitor's family, with a planned child
    window.tabs.setCurrentWidget(window.explorer)
    panel = window.explorer
    qtbot.waitUntil(lambda: panel.curves is not None and panel.curves.births and not panel.worker.busy,
                    timeout=30_000)
    for w in (panel.earlier, panel.later, panel.month_box, panel.child_box, panel.role_box):
        assert w.height() >= 60, w.accessibleName()
    panel.later.click()  # a finger on the arrow: born 2027-10-01
    assert window.session.household.children[2].birth_date.isoformat() == "2027-10-01"
    qtbot.waitUntil(lambda: panel.curves.birth_date.isoformat() == "2027-10-01" and not panel.worker.busy,
                    timeout=30_000)
    window.kiosk.start_over()
    assert panel.curves is None or not panel.curves.births  # a blank family: no child, no curve of months
    text = every_text(window)
    assert "2027-10" not in text and "2027-09" not in text
    assert panel.cliff_list.count() == 0 and panel.month_box.count() == 0
    window.kiosk.idle.stop()
    QApplication.instance().setFont(font)


def test_the_handout_can_carry_the_birth_timing_chart_and_its_cliffs(qtbot, tmp_path):
    import shutil
    import subprocess
    import sys
    from pathlib import Path

    import pytest

    if not shutil.which("pdftotext"):
        pytest.skip("needs poppler's pdftotext")
    case = {"schema_version": 1, "hukou_area": "longzihu", "as_of": "2023-06-15",
            "mother": {"monthly_salary": 6000, "employer_avg_monthly_wage": 7000}, "father": {"monthly_salary": 8000},
            "children": [{"birth_date": "2020-03-01"}, {"birth_date": "2023-09-01"}]}
    path = tmp_path / "case.json"
    path.write_text(__import__("json").dumps(case), encoding="utf-8")
    root = Path(__file__).resolve().parents[1]
    for lang, head, cliff in (
            ("zh", "孩子 2 在不同月份出生时的补助", "出生月份从 2023-12 推到 2024-01：出现一次性生育补助（二孩） 2,000 元"),
            ("en", "Support by the birth month of child 2", "One-time birth subsidy (2nd child) appears: 2,000 yuan")):
        out = tmp_path / f"handout-{lang}.pdf"
        done = subprocess.run([sys.executable, "-m", "ui", "--case", str(path), "--handout", str(out), "--birth-timing",
                               "--lang", lang], cwd=root, capture_output=True, text=True, timeout=120, check=False)
        assert done.returncode == 0, done.stderr
        text = " ".join(subprocess.run(["pdftotext", str(out), "-"], capture_output=True, text=True,
                                       check=True).stdout.split())
        assert head in text and cliff in text
        info = subprocess.run(["pdfinfo", str(out)], capture_output=True, text=True, check=True).stdout
        assert int(next(ln.split()[-1] for ln in info.splitlines() if ln.startswith("Pages:"))) <= 3
    plain = tmp_path / "plain.pdf"  # without the option the handout is as before: no birth-timing chart
    subprocess.run([sys.executable, "-m", "ui", "--case", str(path), "--handout", str(plain), "--lang", "en"], cwd=root,
                   capture_output=True, timeout=120, check=True)
    assert "Support by the birth month" not in subprocess.run(["pdftotext", str(plain), "-"], capture_output=True,
                                                             text=True, check=True).stdout


def test_ticking_the_box_adds_the_chart_to_the_windows_handout(qtbot):
    window = open_explorer(qtbot)
    assert window.explorer.handout_section() is None
    window.explorer.in_handout.setChecked(True)
    section = window.explorer.handout_section()
    assert section is not None and section.child == 2 and section.month == "2027-09"
    assert section.png.startswith(b"\x89PNG")


def test_new_curves_within_the_axes_are_blitted_and_what_is_drawn_is_the_new_curves(qtbot):
    window = open_explorer(qtbot)
    chart = window.explorer.chart
    chart.canvas.draw()  # the whole figure once (its background saved)
    blits, before = chart.blits, window.explorer.curves
    painted = []
    chart.painted.connect(lambda: painted.append(chart.bar_heights()["money_received"][0]))
    type_into(qtbot, window.form.father.salary.edit, "15500")  # a little more tax saved: the same axes
    qtbot.waitUntil(lambda: window.explorer.curves is not before and bool(painted), timeout=30_000)
    assert chart.blits == blits + 1
    assert painted[-1] == window.explorer.curves.births[0].totals["money_received"]
    assert chart.bar_heights()["tax_saved"][0] == window.explorer.curves.births[0].totals["tax_saved"]


def test_the_lifetime_chart_steps_aside_while_the_what_if_tab_is_shown(qtbot):
    """At 1366×768 the explorers were a strip under the lifetime chart: their tab takes the answer's height."""
    window = open_explorer(qtbot)
    tabs, chart = window.tabs, window.chart_panel
    assert not chart.isVisible()
    window.resize(1366, 768)
    qtbot.waitUntil(lambda: window.explorer.height() > 400, timeout=5000)
    tabs.setCurrentIndex(0)
    assert chart.isVisible()
    qtbot.waitUntil(lambda: window.explorer.height() < 400 or not window.explorer.isVisible(), timeout=5000)
    tabs.setCurrentWidget(window.explorer)
    assert not chart.isVisible()


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_choices_above_the_explorers_show_their_whole_words_at_1366(qtbot, lang):
    window = open_explorer(qtbot)
    window.set_lang(lang)
    window.resize(1366, 768)
    qtbot.wait(200)
    for box in (window.explorer.child_box, window.explorer.role_box):
        words = box.fontMetrics().horizontalAdvance(box.currentText())
        assert box.width() >= words + box.iconSize().width(), (box.currentText(), box.width(), words)


def test_worker_processes_give_the_curves_one_thread_gives(qtbot):
    """The desktop window's stretches go to worker processes; what they hand back is what this process works out."""
    from simulator import default_parameters
    from ui import explorer_worker
    from ui.explorer_worker import Ask, compute

    window = open_explorer(qtbot)
    assert window.explorer.worker.processes and explorer_worker._pool is not None
    ask = Ask(window.session.household, default_parameters(), 2, "mother", "en")
    apart, here = compute(ask, processes=True), compute(ask, processes=False)
    assert [p.totals for p in apart.births] == [p.totals for p in here.births]
    assert [p.totals for p in apart.salaries] == [p.totals for p in here.salaries]
    assert apart.cliffs == here.cliffs and len(apart.births) == 60 and len(apart.salaries) == 51
    assert compute(ask, stale=lambda: True, processes=True) is None  # a stale ask stops, nothing shown
