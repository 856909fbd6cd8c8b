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


def compute(ask: Ask) -> Curves:
    """The curves for ``ask`` (runs in the worker thread; also callable directly)."""
    from simulator import InputError
    from simulator.explore import birth_month_curve, cliffs, next_months, salary_curve, salary_steps

    h = ask.household
    births, found, birth_date = [], [], None
    if ask.child is not None and 0 <= ask.child < len(h.children):
        birth_date = h.children[ask.child].birth_date
        try:
            points = birth_month_curve(h, ask.child, next_months(h), ask.params, ask.lang)
        except InputError:
            points = []
        births = [CurvePoint(p.key, p.value, p.totals(), p.problems) for p in points]
        found = [(c.index, dict(c.text().sentences())) for c in cliffs(points, ask.params)]
        del points
    salaries, salary = [], None
    parent = h.parent(ask.role) if ask.role else None
    if parent is not None:
        salary = parent.monthly_salary
        points = salary_curve(h, ask.role, salary_steps(*SALARY_RANGE, SALARY_STEP), ask.params, ask.lang)
        salaries = [CurvePoint(p.key, p.value, p.totals(), p.problems) for p in points]
        del points
    return Curves(ask.child, ask.role, births, found, salaries, birth_date, salary)


class _Signals(QObject):
    done = Signal(int, object)


class _Job(QRunnable):
    def __init__(self, number: int, ask: Ask, signals: _Signals):
        super().__init__()
        self.number, self.ask, self.signals = number, ask, signals

    def run(self) -> None:
        # No cyclic collection in this thread: it would free whatever garbage the GUI thread left, Qt widgets
        # among it (a closed window's), and a widget deleted outside the GUI thread crashes the process. The
        # simulations make no cycles (a result holds none); the GUI thread collects again once this is done.
        was_enabled = gc.isenabled()
        gc.disable()
        try:
            curves = compute(self.ask)
        except Exception:  # a failure here must not end the window: the curves shown stay, and it says so
            curves = None
        finally:
            self.ask = None
            if was_enabled:
                gc.enable()
        self.signals.done.emit(self.number, curves)


class CurveWorker(QObject):
    """Hands asks to a worker thread, one at a time, and delivers only the latest one's answer."""

    ready = Signal(object)  # Curves
    failed = Signal()  # the latest ask could not be worked out

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
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
        self._pool.start(_Job(self._asked, ask, self._signals))

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
