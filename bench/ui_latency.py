"""UI latency: from an input change to the results table updated, and to the chart painted.

    QT_QPA_PLATFORM=offscreen python bench/ui_latency.py [--edits 200]

Each scripted edit types a new figure into the father's monthly salary or the mother's employer's average
wage (alternating; both change the yearly money). An edit that leaves the timeline as it was is skipped by
the chart by design and is not counted. "Table" = the time until the form, the model, the headline and the
results table have all been updated (synchronous from the edit's signal). "Chart" = the time until the
new figures are on the chart's canvas (its ``painted`` signal: after a whole draw, or after the bars and
lines were blitted over the saved axes when the new figures fit them), also given as a ratio to a bare
``canvas.draw()`` of the same figure, measured in the same run. How many updates were blitted and how many
drawn whole is printed, with the latency of each kind.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def pct(values: list[float], q: float) -> float:
    s = sorted(values)
    return s[min(len(s) - 1, int(len(s) * q))]


def summary(name: str, values: list[float]) -> str:
    return (f"{name}: mean {statistics.fmean(values) * 1e3:.1f} ms, p50 {pct(values, 0.5) * 1e3:.1f} ms, "
            f"p95 {pct(values, 0.95) * 1e3:.1f} ms")


def example_window(size: str):
    """The application and its main window on the built-in example family, shown at ``size`` ("1366x768")
    with its chart brought in: where both window benchmarks start."""
    from PySide6.QtWidgets import QApplication

    from ui.fonts import register_qt_font
    from ui.main_window import MainWindow
    from ui.session import Session

    app = QApplication.instance() or QApplication([])
    register_qt_font(app)
    session = Session()
    session.open_example()
    window = MainWindow(session)
    window.resize(*(int(x) for x in size.split("x")))
    window.show()
    window.ensure_chart()
    return app, window


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--edits", type=int, default=200)
    ap.add_argument("--size", default="1366x768")
    args = ap.parse_args()

    app, window = example_window(args.size)
    for _ in range(5):
        app.processEvents()
    chart = window.chart_panel.chart
    canvas = chart.canvas
    drawn: list[float] = []
    chart.painted.connect(lambda: drawn.append(time.perf_counter()))
    from ui.number_field import NumberField

    by_path = {f.path: f for f in window.findChildren(NumberField)}
    fields = [by_path["father.jobs[0].monthly_salary"], by_path["mother.jobs[0].employer_avg_monthly_wage"]]

    table_times, chart_times, bare_times, kinds = [], [], [], []
    for i in range(args.edits):
        field = fields[i % 2]
        text = str(6000 + (i * 37) % 9000)
        drawn.clear()
        full_before = chart.full_draws
        t0 = time.perf_counter()
        field.edit.setText(text)
        field.edit.textEdited.emit(text)  # what typing emits; the form submits synchronously
        t1 = time.perf_counter()
        deadline = t0 + 5
        while not drawn and time.perf_counter() < deadline:
            app.processEvents()
        if drawn:
            table_times.append(t1 - t0)
            chart_times.append(drawn[0] - t0)
            kinds.append("whole" if chart.full_draws > full_before else "blit")
        if i % 4 == 0:  # the same figure, drawn bare, interleaved so both see the same machine state
            b0 = time.perf_counter()
            canvas.draw()
            bare_times.append(time.perf_counter() - b0)
    print(f"{len(table_times)} of {args.edits} edits changed the chart; salary/wage fields, window {args.size}, example family "
          f"({len(window.session.result.lines)} lines)")
    print(summary("input → results table updated", table_times) + "   (target p95 < 16 ms)")
    print(summary("input → chart painted", chart_times) + "   (target p95 < 100 ms)")
    for kind in ("blit", "whole"):
        times = [t for t, k in zip(chart_times, kinds, strict=True) if k == kind]
        if times:
            print(f"  {len(times)} {'blitted over the saved axes' if kind == 'blit' else 'drawn whole (axis range changed)'}: "
                  + summary("", times).lstrip(": "))
    print(summary("bare canvas.draw() of the same figure", bare_times))
    print(f"chart / bare draw: mean {statistics.fmean(chart_times) / statistics.fmean(bare_times):.2f}×, "
          f"p95 {pct(chart_times, 0.95) / pct(bare_times, 0.95):.2f}×   (target ≤ 1.3×)")


if __name__ == "__main__":
    main()
