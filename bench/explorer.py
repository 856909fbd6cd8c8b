"""The "what if" tab: from an edit of the family to both explorers' curves painted, against a bare draw.

    QT_QPA_PLATFORM=offscreen python bench/explorer.py [--edits 40]

Each scripted edit types a new figure into the father's monthly salary (the birth-month curve and the mother's
pay curve both change with it). "Curves painted" = from the edit to the explorer's figure drawn with the new
curves (its canvas's draw event after they arrived from the worker thread): 60 simulations for the months and
51 for the salaries, then the drawing. Also timed, interleaved in the same run: a bare ``canvas.draw()`` of the
same figure, and the worker's own time (the simulations). Prints p50/p95 and the ratio of the p95s (target ≤ 1.5×),
and the worst gap between two turns of the GUI thread's event loop while the curves were worked out (how
long the form could not answer a key).
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from bench.ui_latency import example_window, pct, summary

TICK_MS = 4


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--edits", type=int, default=40)
    ap.add_argument("--size", default="1366x768")
    args = ap.parse_args()

    from PySide6.QtCore import QTimer

    from ui.number_field import NumberField

    app, window = example_window(args.size)
    panel = window.explorer
    window.tabs.setCurrentWidget(window.explorer)
    deadline = time.perf_counter() + 60
    while (panel.curves is None or panel.worker.busy) and time.perf_counter() < deadline:
        app.processEvents()
    chart = panel.chart
    canvas = chart.canvas
    painted: list[float] = []
    arrived: list[float] = []
    show = chart.set_curves

    def arrive(curves) -> None:  # the new curves reach the chart (then it draws them, blitted or whole)
        arrived.append(time.perf_counter())
        show(curves)

    chart.set_curves = arrive
    chart.painted.connect(lambda: painted.append(time.perf_counter()) if arrived else None)
    # the GUI thread's responsiveness: a timer counts the gaps between event-loop turns
    ticks: list[float] = []
    ticker = QTimer()
    # every few ms, not 0: a zero-interval timer spins the GUI thread on a whole core, which the worker processes
    # would then not have (on 2 cores it took a third of their time); gaps are measured to this resolution
    ticker.setInterval(TICK_MS)
    ticker.timeout.connect(lambda: ticks.append(time.perf_counter()))
    field = {f.path: f for f in window.findChildren(NumberField)}["father.jobs[0].monthly_salary"]

    latencies, computes, bare, gaps = [], [], [], []
    for i in range(args.edits):
        text = str(9000 + (i * 373) % 20000)
        painted.clear()
        arrived.clear()
        ticks.clear()
        ticker.start()
        t0 = time.perf_counter()
        field.edit.setText(text)
        field.edit.textEdited.emit(text)
        ask_started = time.perf_counter()
        deadline = t0 + 30
        while not painted and time.perf_counter() < deadline:
            app.processEvents()
        ticker.stop()
        if painted and arrived:
            latencies.append(painted[0] - t0)
            computes.append(arrived[0] - ask_started)
            during = [t for t in ticks if t <= arrived[0]]
            gaps.append(max((b - a for a, b in zip([ask_started, *during], during, strict=False)), default=0.0))
        b0 = time.perf_counter()  # the same figure, drawn bare, interleaved so both see the same machine state
        canvas.draw()
        bare.append(time.perf_counter() - b0)
    n_births = len(panel.curves.births)
    n_salaries = len(panel.curves.salaries)
    print(f"{len(latencies)} of {args.edits} edits; father's salary; window {args.size}; example family; "
          f"{n_births} months + {n_salaries} salaries = {n_births + n_salaries} simulations per edit")
    print(summary("edit → curves painted", latencies))
    print(summary("  of which worked out in the worker thread", computes))
    print(summary("bare canvas.draw() of the same figure", bare))
    print(f"  {chart.blits} updates blitted over the saved axes, {chart.draws} drawn whole (including the bare draws)")
    print(summary("longest the GUI thread went without an event-loop turn meanwhile", gaps))
    print(f"curves painted / bare draw: p50 {pct(latencies, 0.5) / pct(bare, 0.5):.2f}×, "
          f"p95 {pct(latencies, 0.95) / pct(bare, 0.95):.2f}×   (target p95 ≤ 1.5×)")


if __name__ == "__main__":
    main()
