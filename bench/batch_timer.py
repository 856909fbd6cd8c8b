"""How bench/engine.py times one batch run: the one measurement, shared by its own run and by ``--compare``.

It imports nothing of the simulator: the caller hands it the ``main`` of the CLI of the tree being measured
(``--compare`` loads this file by path in a fresh process whose ``sys.path`` starts with the other tree).
"""

from __future__ import annotations

import io
import time
from collections.abc import Callable, Sequence
from contextlib import redirect_stdout
from pathlib import Path


def timed_batch(cli_main: Callable[[Sequence[str]], int], cases: Path, n: int, detail: bool = False) -> float:
    """Seconds (wall clock) for ``simulate --batch CASES`` (parse, simulate, one JSON line each) to a file, as
    ``python -m simulator simulate --batch`` does; checks it wrote one line per case."""
    return measure_batch(cli_main, cases, n, detail)[0]


def measure_batch(cli_main: Callable[[Sequence[str]], int], cases: Path, n: int,
                  detail: bool = False) -> tuple[float, float]:
    """``timed_batch``'s wall-clock seconds, and the CPU seconds the process spent in them (which other work
    on a shared machine inflates far less than the wall clock)."""
    args = ["simulate", "--batch", str(cases)] + (["--detail"] if detail else [])
    result_path = cases.with_suffix(".out.jsonl")
    with result_path.open("wb") as raw, io.TextIOWrapper(raw, encoding="utf-8") as out:  # stdout to a file
        t, c = time.perf_counter(), time.process_time()
        with redirect_stdout(out):
            rc = cli_main(args)
            out.flush()
        elapsed, cpu = time.perf_counter() - t, time.process_time() - c
    with result_path.open("rb") as f:
        written = sum(1 for _ in f)
    result_path.unlink()
    if rc != 0 or written != n:
        raise RuntimeError(f"batch run failed: exit {rc}, {written} lines for {n} cases")
    return elapsed, cpu
