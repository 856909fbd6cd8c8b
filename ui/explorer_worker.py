"""The explorers' curves, worked out off the GUI thread: one ``simulate`` per month and per salary (about a
hundred per edit), so typing in the form never waits for them.

``CurveWorker.request(...)`` asks for the curves of a family; the answer comes by ``ready`` with the number of
the request. One job runs at a time: asks that come while it runs replace one another, and only the latest is
worked out next; an answer to an ask that a newer one has replaced is dropped, never shown. What a job hands
back is plain data (totals and the cliffs' sentences in both languages), no ``Result`` is kept, so nothing of a
family outlives the curves shown for it.
"""

from __future__ import annotations

import datetime as dt
import gc
import multiprocessing
import os
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures import TimeoutError as FutureTimeout
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

if TYPE_CHECKING:
    from simulator import Household, ParameterSet

# Display choices, not policy figures: the pay explorer's range and step (yuan a month).
SALARY_RANGE = (0, 50_000)
SALARY_STEP = 1_000


@dataclass(frozen=True)
class Ask:
    """What to work out: the family, its policy, the planned child (index in ``children``) and whose pay varies."""

    household: Household
    params: ParameterSet
    child: int | None
    role: str | None
    lang: str


@dataclass(frozen=True)
class CurvePoint:
    key: str
    value: Any  # the birth date of the month, or the salary
    totals: dict[str, Any]
    problems: tuple[str, ...] = ()


@dataclass(frozen=True)
class Curves:
    """The answer to one ask: both curves and the cliffs (point index, {"zh", "en"} sentence)."""

    child: int | None
    role: str | None
    births: list[CurvePoint] = field(default_factory=list)
    cliffs: list[tuple[int, dict[str, str]]] = field(default_factory=list)
    salaries: list[CurvePoint] = field(default_factory=list)
    birth_date: dt.date | None = None  # the planned child's date now
    salary: float | None = None  # the varied parent's salary now


def compute(ask: Ask, stale: Callable[[], bool] = lambda: False, processes: bool = False) -> Curves | None:
    """The curves for ``ask`` (runs in the worker thread; also callable directly), stretch by stretch; None as soon
    as ``stale()`` says a newer ask has come (the rest would be worked out for nothing)."""
    from simulator.cliffs import cliffs_of
    from simulator.explore import next_months, salary_steps

    h = ask.household
    tasks = []
    birth_date = salary = None
    if ask.child is not None and 0 <= ask.child < len(h.children):
        birth_date = h.children[ask.child].birth_date
        tasks += [("birth_month", ask.child, chunk) for chunk in _chunks(next_months(h), STRETCHES[0])]
    role = ask.role if ask.role and h.parent(ask.role) is not None else None
    if role is not None:
        salary = h.parent(role).job_on(h.today).monthly_salary  # (the pay the explorer varies)
        tasks += [("monthly_salary", role, chunk) for chunk in _chunks(salary_steps(*SALARY_RANGE, SALARY_STEP),
                                                                      STRETCHES[1])]
    done = _in_processes(tasks, ask, stale) if processes else _in_this_thread(tasks, ask, stale)
    if done is None:
        return None
    births = [row for (kind, _w, _v), rows in zip(tasks, done, strict=True) if kind == "birth_month" for row in rows]
    salaries = [CurvePoint(*row[:4]) for (kind, _w, _v), rows in zip(tasks, done, strict=True)
                if kind == "monthly_salary" for row in rows]
    found = [(c.index, dict(c.text().sentences()))
             for c in cliffs_of([r[0] for r in births], [r[4] for r in births], ask.params)]
    return Curves(ask.child if births else None, role, [CurvePoint(*r[:4]) for r in births], found,
                  salaries, birth_date, salary)


# How many stretches each curve is worked out in: between two, a job whose ask is stale stops; in worker
# processes the stretches are shared out among them.
STRETCHES = (6, 5)
# The stretches go to worker processes, one per core (up to two): a hundred simulations take about half the time
# they take in one thread, and the GUI thread never waits for the interpreter's lock meanwhile (measured with
# bench/explorer.py, README "When, and what if"). A kiosk's window keeps them in its thread (CurveWorker's
# ``processes``): a visitor's figures stay in the visitor's own process, which ends with the visit.
WORKERS = max(1, min(2, os.cpu_count() or 1))
_pool: ProcessPoolExecutor | None = None


def _process_pool() -> ProcessPoolExecutor:
    """The worker processes, started once (spawned: no copy of this process's Qt state) and kept for the rest
    of the program; each loads the model and the policy once, before its first stretch."""
    global _pool
    if _pool is None:
        from simulator.explore import warm_up

        _pool = ProcessPoolExecutor(WORKERS, mp_context=multiprocessing.get_context("spawn"), initializer=warm_up)
    return _pool


def _in_this_thread(tasks: list, ask: Ask, stale: Callable[[], bool]) -> list | None:
    done = []
    for kind, which, values in tasks:
        if stale():
            return None
        done.append(_stretch(kind, ask.household, which, values, ask.params, ask.lang))
    return done


def _in_processes(tasks: list, ask: Ask, stale: Callable[[], bool]) -> list | None:
    """The stretches in the worker processes, in order; None as soon as the ask is stale (what has not started
    is cancelled). A pool that cannot start or breaks: this thread does the work instead."""
    from simulator import InputError, default_parameters
    from simulator.explore import plain_points

    params = None if ask.params is default_parameters() else ask.params  # (the workers have the default)
    try:
        futures = [_process_pool().submit(plain_points, kind, ask.household, which, values, params, ask.lang)
                   for kind, which, values in tasks]
    except (OSError, RuntimeError, BrokenProcessPool):
        return _in_this_thread(tasks, ask, stale)
    done = []
    for future in futures:
        while True:
            if stale():
                for f in futures:
                    f.cancel()
                return None
            try:
                done.append(future.result(timeout=0.02))
                break
            except FutureTimeout:
                continue
            except InputError:
                done.append([])
                break
            except BrokenProcessPool:
                _forget_pool()
                return _in_this_thread(tasks, ask, stale)
    return done


def _forget_pool() -> None:
    global _pool
    if _pool is not None:
        _pool.shutdown(wait=False, cancel_futures=True)
        _pool = None


def _chunks(values: list, n: int) -> list[list]:
    size = -(-len(values) // n) if values else 1
    return [values[i:i + size] for i in range(0, len(values), size)]


def _stretch(kind: str, household, which, values, params, lang: str) -> list[tuple]:
    """One stretch of a curve as plain data."""
    from simulator import InputError
    from simulator.explore import plain_points

    try:
        return plain_points(kind, household, which, values, params, lang)
    except InputError:
        return []


class _Signals(QObject):
    done = Signal(int, object)


class _Job(QRunnable):
    def __init__(self, number: int, ask: Ask, signals: _Signals, stale: Callable[[], bool], processes: bool):
        super().__init__()
        self.number, self.ask, self.signals, self.stale = number, ask, signals, stale
        self.processes = processes

    def run(self) -> None:
        # No cyclic collection in this thread: it would free whatever garbage the GUI thread left, Qt widgets
        # among it (a closed window's), and a widget deleted outside the GUI thread crashes the process. The
        # simulations make no cycles (a result holds none); the GUI thread collects again once this is done.
        was_enabled = gc.isenabled()
        gc.disable()
        try:
            curves = self._compute()
        except Exception:  # a failure here must not end the window: the curves shown stay, and it says so
            curves = None
        finally:
            self.ask = None
            if was_enabled:
                gc.enable()
        self.signals.done.emit(self.number, curves)


    def _compute(self) -> Curves | None:
        return compute(self.ask, self.stale, self.processes)


class CurveWorker(QObject):
    """Hands asks to a worker thread, one at a time, and delivers only the latest one's answer."""

    ready = Signal(object)  # Curves
    failed = Signal()  # the latest ask could not be worked out

    def __init__(self, parent: QObject | None = None, processes: bool = True):
        super().__init__(parent)
        self.processes = processes  # the stretches in worker processes (a desktop window), or in this thread
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._signals = _Signals(self)
        self._signals.done.connect(self._on_done)
        self._asked = 0  # the number of the latest ask
        self._running: int | None = None
        self._waiting: Ask | None = None
        self.dropped = 0  # answers that came after a newer ask (tests and the benchmark read it)

    @property
    def busy(self) -> bool:
        return self._running is not None or self._waiting is not None

    def request(self, ask: Ask) -> int:
        self._asked += 1
        if self._running is None:
            self._start(ask)
        else:
            self._waiting = ask  # replaces any ask still waiting: only the latest is worked out
        return self._asked

    def forget(self) -> None:
        """Drop whatever is asked or running (a new family): no answer for it will be shown."""
        self._asked += 1
        self._waiting = None

    def _start(self, ask: Ask) -> None:
        self._running = self._asked
        number = self._asked
        self._pool.start(_Job(number, ask, self._signals, lambda: self._asked != number, self.processes))

    def _on_done(self, number: int, curves: Curves | None) -> None:
        self._running = None
        if self._waiting is not None:
            ask, self._waiting = self._waiting, None
            self._start(ask)
        if number != self._asked:
            self.dropped += 1
            return
        if curves is None:
            self.failed.emit()
        else:
            self.ready.emit(curves)

    def wait(self, ms: int = 30_000) -> bool:
        """Wait for the running job (tests, closing)."""
        return self._pool.waitForDone(ms)
