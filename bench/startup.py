"""Start-up: process start to the first painted window, against a bare PySide6 window in the same run.

    QT_QPA_PLATFORM=offscreen python bench/startup.py [--runs 15]

Each run starts a fresh Python process. The time is measured by the parent from just before it starts the
child until the child reports the first Paint event of its top-level window (and, for the app, of the
chart's canvas, which comes in right after). Runs alternate app / bare so both see the same machine state. Both run
from compiled bytecode, as an installed program does (see PYCACHE below).
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

FILTER = r"""
import os, sys, time
from PySide6.QtCore import QObject, QEvent
from PySide6.QtWidgets import QApplication
class First(QObject):
    def __init__(self, want_chart):
        super().__init__(); self.want_chart = want_chart; self.window = False
    def eventFilter(self, obj, ev):
        if ev.type() == QEvent.Type.Paint:
            if not self.window and obj.isWidgetType() and obj.window().isVisible():
                self.window = True; print("WINDOW", flush=True)
                if not self.want_chart: os._exit(0)
            if self.want_chart and type(obj).__name__ == "FigureCanvasQTAgg":
                print("CHART", flush=True); os._exit(0)
        return False
app = QApplication(sys.argv[:1])
first = First(want_chart={want_chart}); app.installEventFilter(first)
"""
BARE = FILTER + r"""
from PySide6.QtWidgets import QLabel, QMainWindow
w = QMainWindow(); w.setCentralWidget(QLabel("bare")); w.resize(1366, 768); w.show()
app.exec()
"""
APP = FILTER + r"""
sys.path.insert(0, {root!r})
from ui.app import main
main(["--size", "1366x768"])
"""


# An installed program runs from compiled bytecode (pip compiles it at install time). A machine that sets
# PYTHONDONTWRITEBYTECODE (this sandbox does) would instead compile every module of the app, at every start,
# and time that. Both children therefore get a private bytecode cache, filled by the warm-up runs.
PYCACHE = tempfile.mkdtemp(prefix="bench-startup-pycache-")


def run(code: str) -> dict[str, float]:
    env = dict(os.environ, QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"), PYTHONPYCACHEPREFIX=PYCACHE)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    t0 = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                            text=True, env=env, cwd=ROOT)
    marks: dict[str, float] = {}
    assert proc.stdout is not None
    for line in proc.stdout:
        marks[line.strip()] = time.perf_counter() - t0
    proc.wait(timeout=60)
    return marks


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=15)
    n = ap.parse_args().runs
    bare_code = BARE.replace("{want_chart}", "False")
    app_code = APP.replace("{want_chart}", "True").replace("{root!r}", repr(str(ROOT)))
    run(bare_code), run(app_code)  # warm the file cache and the bytecode cache once
    bare, window, chart = [], [], []
    for _ in range(n):
        bare.append(run(bare_code)["WINDOW"])
        marks = run(app_code)
        window.append(marks["WINDOW"])
        chart.append(marks["CHART"])
    b, w, c = (statistics.median(x) for x in (bare, window, chart))
    print(f"{n} runs each, median (warm file cache), process start → first paint:")
    print(f"  bare PySide6 window:        {b * 1e3:.0f} ms")
    print(f"  app window (example family): {w * 1e3:.0f} ms  = {w / b:.2f}× bare   (target ≤ 1.5×)")
    print(f"  app chart painted:           {c * 1e3:.0f} ms  = {c / b:.2f}× bare")
    shutil.rmtree(PYCACHE, ignore_errors=True)


if __name__ == "__main__":
    main()
