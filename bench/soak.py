"""Soak: the kiosk window driven through thousands of random but valid interactions; crashes and memory growth.

    QT_QPA_PLATFORM=offscreen python bench/soak.py [--actions 5000] [--seed 1] [--json] [--tracemalloc]

The kiosk window (blank family, 1366×768, shown off screen) is driven through real widget events — key clicks
into the fields, mouse clicks on buttons, check boxes, combo-box lists, calendar popups, tabs and result lines —
chosen by a seeded random generator among weighted actions: typing figures (sometimes text the field must
refuse with a message), choosing from the drop-downs, adding, dating and removing children, ticking boxes,
leaving a parent out, selecting a line, the chart's other view, another tab, comparing scenarios, the other
language, "start over", and an idle reset (a short idle period, the countdown, the reset). After every action
the event loop runs until the debounced updates (chart) are done; now and then the bench pauses long enough
for the form's delayed problem message too.

What is counted:
- app crashes: errors that reach the app's own crash guard (``ui.app.install_crash_guard``; target 0), by type
  and place; and hard crashes: the soak runs in a child process, so a segfault is reported too (with the action
  it happened in, and the numbers up to the last sample) instead of ending the bench (``--in-process``: no
  child). An error in the bench's own driving code is counted apart: the exit code is 1 then, else 0;
- after every "start over" and idle reset: that the session and the form hold the blank family
  (``ui.session.NEW_FAMILY``) and nothing else of the visitor (violations, target 0);
- resident memory (``/proc/self/statm``; elsewhere the peak from ``resource.getrusage``) after ``gc.collect()``
  every 100 actions: the mean over the first thousand actions against the last thousand (target growth
  < 10 MB), the peak, Python objects and Qt widgets alive, and which object types and widget classes grew
  (``--tracemalloc``: where Python allocations grew, from the first thousand actions on; much slower);
- files written under HOME and the XDG folders, pointed at a temporary folder for the run (target 0);
- then (``--visitors N``, default 3; Linux): one process per visitor. The real supervisor (``python -m ui
  --kiosk``) runs with visitors' processes that the bench drives from inside (random actions, then unique
  figures typed and the English explanation of a line shown). After each start over the live memory of the new
  child and of the supervisor (/proc/PID/mem: what gdb's gcore would dump) is searched for those figures and
  sentences in UTF-8 and UTF-16 (target 0 traces); the same search in the visitor's own process before the
  reset is the control that shows it finds them.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import faulthandler
import gc
import json
import os
import random
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
import traceback
from collections import Counter, defaultdict
from collections.abc import Callable
from itertools import groupby
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

MAX_CHILDREN = 5           # the soak's families: up to five children (the form allows twelve)
IDLE_MS = 600_000          # between the soak's own idle resets the kiosk never goes idle by itself
SHORT_IDLE_MS = 50         # the idle period for an idle-reset action
TICK_MS = 20               # one countdown "second"
COUNTDOWN_SECONDS = 3      # the shortest countdown kiosk.json allows
SAMPLE_EVERY = 100         # actions between memory samples
WINDOW = 1000              # "first / last thousand actions"
APP_DIRS = (ROOT / "ui", ROOT / "simulator")

# (action, weight): about 100 in all, so a weight is roughly a percentage of the actions
WEIGHTS = {
    "type_number": 28, "choose_combo": 9, "add_child": 7, "type_child_date": 6, "remove_child": 5,
    "toggle_child_box": 6, "toggle_parent": 3, "toggle_box": 3, "type_as_of": 2, "pick_date": 3,
    "select_line": 8, "chart_view": 4, "switch_tab": 4, "compare": 3, "language": 4, "start_over": 1.5,
    "idle_reset": 1.5, "pause": 0.7,
}
RANGES = {  # per field (the last part of its path): valid figures a visitor might type
    "monthly_salary": (0, 60_000), "monthly_contributions": (0, 6_000), "other_annual_deductions": (0, 80_000),
    "employer_avg_monthly_wage": (2_000, 20_000), "course_subsidy": (0, 3_000), "days": (0, 90),
    "provident_fund_loan_ceiling": (0, 1_200_000), "loan_years": (1, 30), "education_until_age": (16, 30),
}
GARBAGE_NUMBERS = ("abc", "-5", "1.2.3", "12abc", "--", "1e", "五千", "%", "99999999999")
GARBAGE_DATES = ("2023-02-30", "2023-13-01", "soon", "2023-1", "0000-00-00", "20231")
BIRTHS = (dt.date(2015, 1, 1), dt.date(2030, 12, 31))
AS_OF = (dt.date(2024, 1, 1), dt.date(2027, 12, 31))


# -- the environment ---------------------------------------------------------------------------------------------
def isolated_home() -> Path:
    """HOME and the XDG folders in a fresh temporary folder, so anything the kiosk writes there is seen."""
    root = Path(tempfile.mkdtemp(prefix="bengbu-soak-home-"))
    for name, sub in (("HOME", ""), ("XDG_DATA_HOME", ".local/share"), ("XDG_CONFIG_HOME", ".config"),
                      ("XDG_CACHE_HOME", ".cache"), ("XDG_STATE_HOME", ".local/state")):
        (root / sub).mkdir(parents=True, exist_ok=True)
        os.environ[name] = str(root / sub)
    return root


def files_under(root: Path) -> list[str]:
    return sorted(str(p.relative_to(root)) for p in root.rglob("*") if p.is_file())


def rss_source() -> str:
    if Path("/proc/self/statm").exists():
        return "/proc/self/statm (resident set)"
    return "resource.getrusage ru_maxrss (peak resident set: growth is an upper bound)"


def rss_bytes() -> int | None:
    try:
        resident_pages = int(Path("/proc/self/statm").read_text().split()[1])
        return resident_pages * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError, IndexError):
        pass
    try:
        import resource
    except ImportError:
        return None
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak if sys.platform == "darwin" else peak * 1024  # bytes on macOS, KiB elsewhere


def mb(n: float | None) -> float | None:
    return None if n is None else round(n / 2**20, 1)


def in_app(tb) -> str | None:
    """'file.py:line' of the innermost frame of the app (ui/, simulator/) in a traceback, if any."""
    where = None
    for frame in traceback.extract_tb(tb):
        path = Path(frame.filename).resolve()
        if any(path.is_relative_to(d) for d in APP_DIRS):
            where = f"{path.relative_to(ROOT)}:{frame.lineno} ({frame.name})"
    return where


def raised_in_app(tb) -> bool:
    frames = traceback.extract_tb(tb)
    return bool(frames) and any(Path(frames[-1].filename).resolve().is_relative_to(d) for d in APP_DIRS)


# -- the run -------------------------------------------------------------------------------------------------------
class Soak:
    """The kiosk window and everything the bench counts while it drives it."""

    def __init__(self, seed: int, window=None, excluded: frozenset[str] = frozenset()):
        """``window``: drive this kiosk window (a visitor's process under the supervisor) instead of building one;
        ``excluded``: actions not to take (there: the ones that end the visit)."""
        from PySide6.QtCore import QtMsgType, qInstallMessageHandler
        from PySide6.QtWidgets import QApplication

        from simulator import Household
        from ui.app import install_crash_guard
        from ui.crash_guard import data_dir
        from ui.fonts import register_qt_font
        from ui.i18n import set_language
        from ui.kiosk_app import build_kiosk_window, start_session
        from ui.kiosk_config import KioskSettings
        from ui.session import NEW_FAMILY, Session

        self.rng = random.Random(seed)
        self.app = QApplication.instance() or QApplication(sys.argv[:1])
        self.app.setApplicationName("bengbu-family-support")
        register_qt_font(self.app)
        set_language("zh")
        self.qt_messages: Counter[str] = Counter()
        self._warning_types = (QtMsgType.QtWarningMsg, QtMsgType.QtCriticalMsg, QtMsgType.QtFatalMsg)
        qInstallMessageHandler(self._on_qt_message)
        self.excluded = excluded
        if window is None:
            session = Session()
            problems = start_session(session, data_dir())
            if problems:
                raise SystemExit("no policy data: " + "; ".join(problems))
            window = build_kiosk_window(session, KioskSettings(kiosk=True, countdown_seconds=COUNTDOWN_SECONDS),
                                        idle_ms=IDLE_MS, tick_ms=TICK_MS)
            window.resize(1366, 768)
            window.show()
        self.window = w = window
        w.ensure_chart()
        self.pump(10)
        w.kiosk.idle.resume()
        self.blank = Household.model_validate(NEW_FAMILY)
        self.guard = install_crash_guard(w, kiosk=True)
        self.crashes: Counter[str] = Counter()  # what reached the crash guard, by type and place in the app
        sys.excepthook = self._on_uncaught
        self.driver_errors: list[str] = []
        self.escaped = 0  # app errors that came out of a call the bench made directly (not through the event loop)
        self.violations: list[str] = []
        self._finished: list[bool] = []  # the countdown's finished signal, during an idle reset
        self.counts: Counter[str] = Counter()
        self.outcomes: defaultdict[str, Counter[str]] = defaultdict(Counter)
        self.times: defaultdict[str, list[float]] = defaultdict(list)
        self.actions: dict[str, Callable[[], str]] = {name: getattr(self, name) for name in WEIGHTS}
        self.progress: Callable[[dict], None] = lambda _note: None  # what the supervising process reads back

    # -- watching the app -----------------------------------------------------------------------------------------
    def _on_uncaught(self, exc_type, exc, tb) -> None:
        """Note where an error in the app happened, then hand it to the app's crash guard (which counts it,
        shows the calm message and starts over)."""
        kind = f"{exc_type.__name__} at {in_app(tb) or 'outside the app'}"
        self.crashes[kind] += 1
        self.progress({"crash": kind})
        self.guard.handle(exc_type, exc, tb)

    def _on_qt_message(self, kind, _context, message: str) -> None:
        if kind in self._warning_types[1:]:
            print(f"Qt: {message}", file=sys.stderr, flush=True)
        if kind in self._warning_types:
            self.qt_messages[message.splitlines()[0][:120] if message else ""] += 1

    # -- the event loop -------------------------------------------------------------------------------------------
    @staticmethod
    def pump(ms: int = 0) -> None:
        """Run the event loop for ``ms`` as ``app.exec()`` would (an error in a slot reaches sys.excepthook;
        ``QTest.qWait`` would raise it here instead)."""
        from PySide6.QtCore import QEventLoop, QTimer

        loop = QEventLoop()
        QTimer.singleShot(ms, loop.quit)
        loop.exec()

    def settle(self) -> None:
        """Until the debounced work an edit starts is done: the chart's zero-delay timer, then its draw_idle."""
        for _ in range(3):
            self.pump(0)

    def wait_until(self, predicate: Callable[[], bool], timeout_ms: int) -> bool:
        deadline = time.perf_counter() + timeout_ms / 1000
        while not predicate():
            if time.perf_counter() > deadline:
                return False
            self.pump(5)
        return True

    # -- touching widgets -----------------------------------------------------------------------------------------
    @staticmethod
    def click(widget, pos=None) -> None:
        from PySide6.QtCore import QPoint, Qt
        from PySide6.QtTest import QTest

        QTest.mouseClick(widget, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, pos or QPoint())

    @staticmethod
    def key(widget, key, modifier=None) -> None:
        from PySide6.QtCore import Qt
        from PySide6.QtTest import QTest

        QTest.keyClick(widget, key, modifier or Qt.KeyboardModifier.NoModifier)

    @staticmethod
    def type_text(widget, text: str) -> None:
        """Key clicks for ASCII; anything else (年, full-width digits) comes, as it does from a Chinese input
        method, as its committed text (QTest's key clicks know ASCII only)."""
        from PySide6.QtGui import QInputMethodEvent
        from PySide6.QtTest import QTest
        from PySide6.QtWidgets import QApplication

        for ascii_run, run in groupby(text, key=str.isascii):
            chunk = "".join(run)
            if ascii_run:
                QTest.keyClicks(widget, chunk)
            else:
                event = QInputMethodEvent()
                event.setCommitString(chunk)
                QApplication.sendEvent(widget, event)

    def into_view(self, widget) -> None:
        """Scroll the form so the widget is on screen, as a visitor would before touching it."""
        self.window.form.ensureWidgetVisible(widget, 10, 10)

    def touchable(self, widget) -> bool:
        return widget.isEnabled() and widget.isVisibleTo(self.window)

    def show_tab(self, page) -> None:
        tabs = self.window.tabs
        if tabs.currentWidget() is not page:
            bar = tabs.tabBar()
            self.click(bar, bar.tabRect(tabs.indexOf(page)).center())

    def tick(self, box) -> str:
        """Click a check box or radio button on its indicator; 'ok' when it changed."""
        from PySide6.QtWidgets import QRadioButton, QStyle, QStyleOptionButton

        self.into_view(box)
        before = box.isChecked()
        opt = QStyleOptionButton()
        opt.initFrom(box)
        element = QStyle.SubElement.SE_RadioButtonIndicator if isinstance(box, QRadioButton) \
            else QStyle.SubElement.SE_CheckBoxIndicator
        self.click(box, box.style().subElementRect(element, opt, box).center())
        return "ok" if box.isChecked() != before else "missed"

    def type_into(self, edit, text: str, how: str) -> None:
        """Touch the field, then replace its text ('retype'), add to its end ('append') or erase from it."""
        from PySide6.QtCore import Qt

        self.into_view(edit)
        self.click(edit)
        if how == "append":
            self.key(edit, Qt.Key.Key_End)
        elif how == "backspace":
            self.key(edit, Qt.Key.Key_End)
            for _ in range(self.rng.randint(1, 3)):
                self.key(edit, Qt.Key.Key_Backspace)
            return
        else:
            self.key(edit, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)  # select all: typing replaces it
            if how == "clear":
                self.key(edit, Qt.Key.Key_Delete)
                return
        self.type_text(edit, text)
        if self.rng.random() < 0.2:
            self.key(edit, Qt.Key.Key_Tab)  # on to the next field

    # -- what a visitor types ---------------------------------------------------------------------------------------
    def figure(self, path: str) -> tuple[str, str]:
        """(how, text) for a number field: mostly a valid figure in one of the ways people write it."""
        low, high = RANGES[path.rsplit(".", 1)[-1]]
        value = self.rng.randint(low, high)
        r = self.rng.random()
        if r < 0.12:
            return "garbage", self.rng.choice(GARBAGE_NUMBERS)
        if r < 0.2:
            return "append", str(self.rng.randint(0, 9))
        if r < 0.26:
            return "backspace", ""
        if r < 0.3:
            return "clear", ""
        if r < 0.36 and value >= 1000:
            return "separators", f"{value:,}"
        if r < 0.4:
            return "full-width", "".join(chr(ord(c) + 0xFEE0) for c in str(value)) + " 元"
        return "retype", str(value)

    def date_text(self, low: dt.date, high: dt.date) -> tuple[str, str]:
        r = self.rng.random()
        if r < 0.1:
            return "garbage", self.rng.choice(GARBAGE_DATES)
        if r < 0.14:
            return "clear", ""
        d = low + dt.timedelta(days=self.rng.randrange((high - low).days + 1))
        how, text = self.rng.choice((("iso", d.isoformat()), ("slashes", f"{d.year}/{d.month}/{d.day}"),
                                     ("chinese", f"{d.year}年{d.month}月{d.day}日"), ("compact", d.strftime("%Y%m%d"))))
        return how, text

    def number_fields(self) -> list:
        form = self.window.form
        fields = [f for f in form.fields() if hasattr(f, "edit") and f.path.rsplit(".", 1)[-1] in RANGES]
        return [f for f in fields if self.touchable(f.edit)]

    def date_fields(self) -> list:
        return [f for f in self.window.form.fields() if hasattr(f, "pick") and self.touchable(f.pick)]

    def boxes(self) -> list:
        form = self.window.form
        return [b for b in (form.mother.training, form.housing.first_loan, form.housing.buying) if self.touchable(b)]

    def possible(self) -> list[str]:
        """The actions that make sense in the window as it is (no child to remove, no field left to type in...)."""
        rows = len(self.window.form.children_editor.children_rows)
        needs = {"type_number": bool(self.number_fields()), "add_child": rows < MAX_CHILDREN,
                 "type_child_date": rows > 0, "remove_child": rows > 0, "toggle_child_box": rows > 0,
                 "toggle_box": bool(self.boxes()), "pick_date": bool(self.date_fields())}
        return [name for name in WEIGHTS if needs.get(name, True) and name not in self.excluded]

    # -- the actions (each returns its outcome) ---------------------------------------------------------------------
    def type_number(self) -> str:
        field = self.rng.choice(self.number_fields())
        how, text = self.figure(field.path)
        self.type_into(field.edit, text, "retype" if how in ("garbage", "separators", "full-width") else how)
        return how

    def choose_combo(self) -> str:
        from PySide6.QtCore import Qt
        from PySide6.QtTest import QTest
        from PySide6.QtWidgets import QApplication

        form = self.window.form
        combos = [c for c in (form.area, form.split, form.mother.employer, form.mother.insurance,
                              form.father.employer, form.father.insurance) if self.touchable(c)]
        combo = self.rng.choice(combos)
        target = self.rng.randrange(combo.count())
        self.into_view(combo)
        if self.rng.random() < 0.5:  # touch: open the list, tap the item
            self.click(combo)
            view = combo.view()
            if not view.isVisible():
                return "list did not open"
            index = combo.model().index(target, 0)
            view.scrollTo(index)
            where = view.visualRect(index).center()
            QTest.mouseMove(view.viewport(), where)
            self.click(view.viewport(), where)
            how = "list"
            if view.isVisible():
                # the item lay where the list was opened: Qt takes a release there within the double-click
                # interval as the end of the opening press (a drag-select). A person taps again, a moment later.
                self.pump(QApplication.doubleClickInterval() + 20)
                self.click(view.viewport(), where)
                how = "list, second tap"
            if QApplication.activePopupWidget() is not None:
                combo.hidePopup()
                return "list stayed open"
        else:  # keyboard: the arrow keys step through the items
            combo.setFocus()
            step = Qt.Key.Key_Down if target > combo.currentIndex() else Qt.Key.Key_Up
            for _ in range(abs(target - combo.currentIndex())):
                self.key(combo, step)
            how = "keys"
        return how if combo.currentIndex() == target else how + ", missed"

    def add_child(self) -> str:
        editor = self.window.form.children_editor
        self.into_view(editor.add)
        self.click(editor.add)
        # the new row's date is selected: the visitor types the real one over it, straight away
        how, text = self.date_text(*BIRTHS)
        if how == "clear":
            return "planned date kept"
        self.type_text(editor.children_rows[-1].birth_date.edit, text)
        return how

    def type_child_date(self) -> str:
        rows = self.window.form.children_editor.children_rows
        how, text = self.date_text(*BIRTHS)
        self.type_into(self.rng.choice(rows).birth_date.edit, text, "clear" if how == "clear" else "retype")
        return how

    def remove_child(self) -> str:
        rows = self.window.form.children_editor.children_rows
        n = len(rows)
        row = self.rng.choice(rows)
        self.into_view(row.remove)
        self.click(row.remove)
        return "ok" if len(rows) == n - 1 else "missed"

    def toggle_child_box(self) -> str:
        rows = self.window.form.children_editor.children_rows
        row = self.rng.choice(rows)
        return self.tick(self.rng.choice((row.hukou, row.difficult)))

    def toggle_parent(self) -> str:
        from PySide6.QtWidgets import QStyle, QStyleOptionGroupBox

        form = self.window.form
        box = self.rng.choice((form.mother, form.father))
        self.into_view(box)
        opt = QStyleOptionGroupBox()
        box.initStyleOption(opt)
        where = box.style().subControlRect(QStyle.ComplexControl.CC_GroupBox, opt,
                                          QStyle.SubControl.SC_GroupBoxCheckBox, box).center()
        before = box.isChecked()
        self.click(box, where)
        return ("ok" if box.isChecked() != before else "missed") + (" (now both out)" if not (
            form.mother.isChecked() or form.father.isChecked()) else "")

    def toggle_box(self) -> str:
        return self.tick(self.rng.choice(self.boxes()))

    def type_as_of(self) -> str:
        how, text = self.date_text(*AS_OF)
        self.type_into(self.window.form.as_of.edit, text, "clear" if how == "clear" else "retype")
        return how

    def pick_date(self) -> str:
        """The date picker beside a date field (the kiosk's, touch-sized): a year step, a month, a day, then OK;
        or cancel."""
        field = self.rng.choice(self.date_fields())
        self.into_view(field.pick)
        self.click(field.pick)
        picker = self.window.kiosk.date_picker
        if not picker.isVisible():
            return "picker did not open"
        if self.rng.random() < 0.2:
            self.click(picker.cancel)
            how = "cancelled"
        else:
            step = self.rng.choice((-10, -1, 1, 10))
            if picker.year_buttons[step].isEnabled():
                self.click(picker.year_buttons[step])
            self.click(picker.months.button(self.rng.randint(1, 12)))
            days = [b for b in picker.days.buttons() if b.isVisible()]
            self.click(self.rng.choice(days))
            self.click(picker.ok)
            how = "day"
        if picker.isVisible():
            picker.close_picker()
            return how + ", stayed open"
        return how

    def select_line(self) -> str:
        results = self.window.results
        self.show_tab(self.window.splitters["details"])
        view, model = results.view, results.view.model()
        category = model.index(self.rng.randrange(model.rowCount()), 0)
        n = model.rowCount(category)
        index = model.index(self.rng.randrange(n), 0, category) if n else category
        view.scrollTo(index)
        self.click(view.viewport(), view.visualRect(index).center())
        return "ok" if view.currentIndex() == index else "missed"

    def chart_view(self) -> str:
        panel = self.window.chart_panel
        if self.window.tabs.indexOf(panel) >= 0:  # a small screen: the chart is a tab of its own
            self.show_tab(panel)
        other = "leave" if panel.view() == "money" else "money"
        outcome = self.tick(panel.buttons[other])
        return other if outcome == "ok" else other + ", missed"

    def switch_tab(self) -> str:
        tabs = self.window.tabs
        page = tabs.widget(self.rng.choice([i for i in range(tabs.count()) if i != tabs.currentIndex()]))
        self.show_tab(page)
        return "ok" if tabs.currentWidget() is page else "missed"

    def compare(self) -> str:
        """The compare tab's buttons: keep this family as A; later keep B or go back to A."""
        view, session = self.window.compare, self.window.session
        self.show_tab(view)
        was = session.comparing
        if not was:
            button, how = view.start, "start"
        else:
            button, how = self.rng.choice(((view.keep_b, "keep B"), (view.back_to_a, "back to A")))
        self.click(button)
        return how if session.comparing != was else how + ", missed"

    def language(self) -> str:
        from ui.i18n import language

        before = language()
        self.click(self.window.kiosk.band.language)
        return f"to {language()}" if language() != before else "missed"

    def start_over(self) -> str:
        from ui.i18n import language

        before = language()
        self.click(self.window.kiosk.band.start_over)
        self.settle()
        self.check_blank("start over", before)
        return "ok"

    def idle_reset(self) -> str:
        """A short idle period, the countdown shown and run out, the reset; the usual idle period back. Nobody
        has touched the kiosk since its last reset: no countdown at all (an empty kiosk asks nobody)."""
        kiosk = self.window.kiosk
        if not kiosk.idle.used:
            kiosk.idle.set_idle_ms(SHORT_IDLE_MS)
            self.pump(SHORT_IDLE_MS * 4)
            kiosk.idle.set_idle_ms(IDLE_MS)
            if kiosk.overlay.isVisible():
                self.violations.append("idle reset: an empty kiosk asked whether anyone was still there")
                kiosk.overlay.stop()
            kiosk.idle.resume()
            return "empty kiosk: no countdown"
        self._finished = []
        kiosk.overlay.finished.connect(self._on_countdown_finished)
        kiosk.idle.set_idle_ms(SHORT_IDLE_MS)
        try:
            shown = self.wait_until(kiosk.overlay.isVisible, 3000)
        finally:
            kiosk.idle.set_idle_ms(IDLE_MS)  # the countdown is on: after the reset, no second idle period
        try:
            done = shown and self.wait_until(lambda: bool(self._finished), 3000)
        finally:
            kiosk.overlay.finished.disconnect(self._on_countdown_finished)
        if not done:
            self.violations.append("idle reset: " + ("the countdown did not end" if shown else "the countdown did not show"))
            return "timed out"
        self.settle()
        self.check_blank("idle reset", kiosk.settings.language)
        return "ok"

    def _on_countdown_finished(self) -> None:
        self._finished.append(True)

    def pause(self) -> str:
        """The visitor stops typing: the form's delayed problem message comes up."""
        from ui.household_form import PROBLEM_DELAY_MS

        self.pump(PROBLEM_DELAY_MS + 50)
        return "ok"

    # -- checks -----------------------------------------------------------------------------------------------------
    def check_blank(self, what: str, lang: str) -> None:
        from pydantic import ValidationError

        from simulator import Household
        from ui.i18n import language

        w, s = self.window, self.window.session
        found = []
        if s.household != self.blank:
            found.append("session household")
        try:
            if Household.model_validate({"schema_version": 2, **w.form.data()}) != self.blank:
                found.append("form")
        except ValidationError:
            found.append("form (invalid)")
        if w.form.children_editor.children_rows:
            found.append("child rows")
        if s.comparing or s.problems or s.modified:
            found.append("comparing / problems / modified")
        if language() != lang:
            found.append(f"language {language()} (expected {lang})")
        if not w.message_bar.isHidden():
            found.append("message bar")
        self.violations += [f"{what}: {f}" for f in found]

    # -- driving ----------------------------------------------------------------------------------------------------
    def step(self, i: int) -> None:
        names = self.possible()
        name = self.rng.choices(names, weights=[WEIGHTS[n] for n in names])[0]
        self.progress({"action": i, "kind": name})
        t0 = time.perf_counter()
        try:
            outcome = self.actions[name]()
            self.settle()
        except Exception as e:
            if raised_in_app(e.__traceback__):
                self.escaped += 1
                self._on_uncaught(type(e), e, e.__traceback__)  # as app.exec() would have it
                outcome = "app error"
            else:
                self.driver_errors.append("".join(traceback.format_exception(e)))
                outcome = "driver error"
        from PySide6.QtWidgets import QApplication

        popup = QApplication.activePopupWidget()
        if popup is not None:  # no action leaves a popup open; if one did, close it so the next starts clean
            popup.close()
            outcome += ", popup left open"
        self.counts[name] += 1
        self.outcomes[name][outcome] += 1
        self.times[name].append(time.perf_counter() - t0)


def object_types() -> Counter[str]:
    return Counter(type(o).__qualname__ for o in gc.get_objects())


def widget_classes() -> Counter[str]:
    from PySide6.QtWidgets import QApplication

    return Counter(w.metaObject().className() for w in QApplication.allWidgets())


def summarize(soak: Soak, samples: list[tuple], window: int, elapsed: float) -> dict:
    """The numbers so far (the supervising process keeps the last of these if the run dies)."""
    done = sum(soak.counts.values())
    first = [s for s in samples if 0 < s[0] <= window]
    last = [s for s in samples if s[0] > max(done - window, 0)]

    def mean(rows: list[tuple], col: int) -> float | None:
        values = [row[col] for row in rows if row[col] is not None]
        return statistics.fmean(values) if values else None

    rss_first, rss_last = mean(first, 1), mean(last, 1)
    # after the first window (start-up caches filled): a leak shows as a steady slope, warming up does not
    later = [(n, rss) for n, rss, *_ in samples if n >= window and rss is not None]
    slope = statistics.linear_regression(*zip(*later, strict=True)).slope * 1000 if len(later) >= 3 else None
    return {
        "actions": done, "seconds": round(elapsed, 1), "actions_per_s": round(done / elapsed, 1) if elapsed else None,
        "app_crashes": soak.guard.count, "app_crash_kinds": dict(soak.crashes.most_common()),
        "app_errors_raised_into_bench": soak.escaped, "hard_crash": None,
        "driver_errors": len(soak.driver_errors), "driver_error_tracebacks": soak.driver_errors[:3],
        "blank_family_violations": len(soak.violations), "violation_kinds": dict(Counter(soak.violations).most_common()),
        "resets_checked": soak.counts["start_over"] + soak.counts["idle_reset"],
        "memory_source": rss_source(), "window_actions": window,
        "rss_first_mb": mb(rss_first), "rss_last_mb": mb(rss_last),
        "rss_growth_mb": mb(rss_last - rss_first) if rss_first is not None and rss_last is not None else None,
        "rss_slope_mb_per_1000_after_first_window": mb(slope),
        "rss_start_mb": mb(samples[0][1]), "rss_peak_mb": mb(max((s[1] or 0) for s in samples)),
        "python_objects_first": round(mean(first, 2)) if first else None,
        "python_objects_last": round(mean(last, 2)) if last else None,
        "qt_widgets_first": round(mean(first, 3)) if first else None,
        "qt_widgets_last": round(mean(last, 3)) if last else None,
        "qt_warnings": sum(soak.qt_messages.values()), "qt_warning_kinds": dict(soak.qt_messages.most_common(5)),
        "per_action": {name: {"count": soak.counts[name],
                              "mean_ms": round(statistics.fmean(soak.times[name]) * 1e3, 1),
                              "max_ms": round(max(soak.times[name]) * 1e3, 1),
                              "outcomes": dict(soak.outcomes[name].most_common())}
                       for name in WEIGHTS if soak.counts[name]},
        "samples": [{"actions": n, "rss_mb": mb(r), "objects": o, "widgets": wd} for n, r, o, wd in samples],
        "object_types_grown": {}, "qt_widget_classes_grown": {}, "tracemalloc_top": [], "files_written": None, "files": [],
    }


def run(args: argparse.Namespace, progress: Callable[[dict], None]) -> dict:
    """The soak in this process."""
    home = isolated_home()
    from ui.kiosk_app import prepare_kiosk_process

    prepare_kiosk_process()  # as the kiosk starts: no bytecode caches, matplotlib's font list in a private folder
    progress({"home": str(home), "mplconfigdir": os.environ["MPLCONFIGDIR"]})
    faulthandler.enable()  # a hard crash (segfault) at least says where
    soak = Soak(args.seed)
    soak.progress = progress
    from PySide6.QtWidgets import QApplication

    window = min(WINDOW, args.actions // 2) or 1
    samples: list[tuple[int, int | None, int, int]] = []  # (actions done, RSS, Python objects, Qt widgets)

    def sample(done: int) -> None:
        gc.collect()
        samples.append((done, rss_bytes(), len(gc.get_objects()), len(QApplication.allWidgets())))

    types_first: Counter[str] = Counter()
    widgets_first: Counter[str] = Counter()
    tm_first = None
    sample(0)
    t0 = time.perf_counter()
    for i in range(1, args.actions + 1):
        soak.step(i)
        if i % SAMPLE_EVERY == 0 or i == args.actions:
            sample(i)
            progress({"summary": summarize(soak, samples, window, time.perf_counter() - t0)})
            if not args.quiet and i % 500 == 0:
                print(f"  {i}/{args.actions} actions, {time.perf_counter() - t0:.0f} s, RSS {mb(samples[-1][1])} MB",
                      file=sys.stderr, flush=True)
        if i == window:
            types_first, widgets_first = object_types(), widget_classes()
            if args.tracemalloc:
                import tracemalloc

                tracemalloc.start(10)
                tm_first = tracemalloc.take_snapshot()
        if len(soak.driver_errors) >= 20:
            print("20 errors in the bench's own driving code: stopping", file=sys.stderr)
            break
    r = summarize(soak, samples, window, time.perf_counter() - t0)
    soak.window.kiosk.idle.stop()
    gc.collect()
    grown = object_types()
    grown.subtract(types_first)
    r["object_types_grown"] = {k: v for k, v in grown.most_common(8) if v > 0}
    widgets = widget_classes()
    widgets.subtract(widgets_first)
    r["qt_widget_classes_grown"] = {k: v for k, v in widgets.most_common(8) if v > 0}
    if tm_first is not None:
        import tracemalloc

        stats = tracemalloc.take_snapshot().compare_to(tm_first, "traceback")
        tracemalloc.stop()
        r["tracemalloc_top"] = [{"kb": round(s.size_diff / 1024, 1), "count": s.count_diff,
                                 "where": " <- ".join(f"{Path(f.filename).name}:{f.lineno}"
                                                      for f in list(s.traceback)[::-1][:6])}
                                for s in stats[:10]]
    r["files"] = files_under(home)
    r["files_written"] = len(r["files"])
    shutil.rmtree(home, ignore_errors=True)
    return r


# -- one process per visitor ------------------------------------------------------------------------------------------
VISIT_ACTIONS = 60  # random actions per visitor in the process-per-visitor phase, before the marked visit
ENCODINGS = ("utf-8", "utf-16-le")  # Python's compact strings and UTF-8 buffers; Qt's QString


def memory_regions(pid: int):
    """(start, end) of the mappings a visitor's data could be in: anonymous, heap, stacks and writable ones.
    Read-only and executable mappings of files (program text, fonts, the policy pack) cannot hold it."""
    for line in Path(f"/proc/{pid}/maps").read_text().splitlines():
        parts = line.split(None, 5)
        span, perms = parts[0], parts[1]
        name = parts[5] if len(parts) > 5 else ""
        if "r" not in perms or name in ("[vvar]", "[vsyscall]", "[vvar_vclock]"):
            continue
        if name and not name.startswith("[") and "w" not in perms:
            continue
        start, end = (int(x, 16) for x in span.split("-"))
        yield start, end


def traces_in(pid: int, markers: list[str]) -> dict[str, int]:
    """How often each marker occurs in the live process's memory (read through /proc/PID/mem, as a core dump
    made by gdb's gcore would hold it), in UTF-8 or UTF-16."""
    needles = {m: [m.encode(e) for e in ENCODINGS] for m in markers}
    found: Counter[str] = Counter()
    chunk, overlap = 16 << 20, max(len(n) for ns in needles.values() for n in ns)
    with open(f"/proc/{pid}/mem", "rb", buffering=0) as mem:
        for start, end in memory_regions(pid):
            at, tail = start, b""
            while at < end:
                try:
                    mem.seek(at)
                    block = mem.read(min(chunk, end - at))
                except OSError:
                    break
                data = tail + block
                for m, ns in needles.items():
                    found[m] += sum(data.count(n) for n in ns)
                tail = data[-overlap:]
                for m, ns in needles.items():  # what the overlap will count again
                    found[m] -= sum(tail.count(n) for n in ns)
                at += len(block)
                if not block:
                    break
    return {m: found[m] for m in markers}


def visitor_child(progress: str, argv: list[str]) -> int:
    """A visitor's kiosk process under the real supervisor, driven from inside: when bench/soak.py says so (a
    file named after this process), random actions and a marked visit — unique figures typed, the English
    explanation of a line shown — then, when told, the band's "start over" (which hands over to a fresh
    process). Writes what it typed to ``progress`` for the outer bench to look for."""
    from ui.app import _kiosk_config, parser

    args = parser().parse_args(argv)
    settings, _problem = _kiosk_config(args)
    from ui.kiosk_app import prepare_kiosk_process

    prepare_kiosk_process()
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from ui.fonts import register_qt_font
    from ui.i18n import set_language
    from ui.kiosk_child import run_child

    set_language(settings.language)
    app = QApplication(sys.argv[:1])
    app.setApplicationName("bengbu-family-support")
    register_qt_font(app)
    note = progress_writer(progress)
    folder, pid = Path(progress).parent, os.getpid()

    def on_shown(window) -> None:
        note({"shown": pid})
        poll = QTimer(window)
        poll.setInterval(50)

        def check() -> None:
            if (folder / f"visit-{pid}").exists():
                (folder / f"visit-{pid}").unlink()
                note({"visited": pid, "markers": visit(window)})
            elif (folder / f"reset-{pid}").exists():
                (folder / f"reset-{pid}").unlink()
                poll.stop()
                Soak.click(window.kiosk.band.start_over)

        poll.timeout.connect(check)
        poll.start()

    def visit(window) -> list[str]:
        from PySide6.QtCore import Qt

        seed = int.from_bytes(os.urandom(4), "little")
        soak = Soak(seed, window, excluded=frozenset({"start_over", "idle_reset", "language"}))
        soak.click(window.kiosk.band.language)  # English: what the blank family's explanations say
        blank = explanation_sentences(soak)
        soak.click(window.kiosk.band.language)
        for i in range(1, VISIT_ACTIONS + 1):
            soak.step(i)
        rng = random.Random(seed)
        # figures with fen: no blank family, and hardly any byte pattern by chance, looks like them
        salary = f"{rng.randint(52_101, 59_899)}.{rng.randint(11, 99)}"
        contributions = f"{rng.randint(4_101, 5_899)}.{rng.randint(11, 99)}"
        form = window.form
        for field, text in ((form.mother.salary, salary), (form.mother.contributions, contributions)):
            soak.into_view(field.edit)
            soak.click(field.edit)
            soak.key(field.edit, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
            soak.type_text(field.edit, text)
        soak.pump(300)
        if soak_language(window) == "zh":
            soak.click(window.kiosk.band.language)
        soak.settle()
        # the English explanations this family was shown with figures in them that a blank family's do not have
        # and that are not the app's own texts (the policy pack, the catalogue, translations: in every process)
        static = static_texts()
        theirs = [t for t in explanation_sentences(soak) - blank
                  if any(c.isdigit() for c in t) and len(t) >= 24 and t not in static]
        return [salary, contributions, *sorted(theirs, key=len)[-6:]]

    return run_child(app, settings, [], on_shown=on_shown)


def static_texts() -> str:
    """Every string of the app's data (policy pack, entitlements, examples, translations), whitespace tidied,
    in one text: a sentence found in it is the app's, not a visitor's."""
    import yaml

    out: list[str] = []

    def walk(value) -> None:
        if isinstance(value, str):
            out.append(" ".join(value.split()))
        elif isinstance(value, dict):
            for k, v in value.items():
                walk(k)
                walk(v)
        elif isinstance(value, list):
            for v in value:
                walk(v)

    for path in [*(ROOT / "simulator").rglob("*.yaml"), *(ROOT / "assets" / "i18n").glob("*.yaml")]:
        walk(yaml.safe_load(path.read_text(encoding="utf-8")))
    return "\n".join(out)


def explanation_sentences(soak: Soak) -> set[str]:
    """Every line of every result line's explanation, as the explanation panel shows it."""
    window = soak.window
    view = window.results.view
    model, out = view.model(), set()
    for row in range(model.rowCount()):
        category = model.index(row, 0)
        for child in range(model.rowCount(category)):
            view.setCurrentIndex(model.index(child, 0, category))
            out.update(" ".join(line.split()) for line in window.explanation.browser.toPlainText().splitlines()
                       if line.strip())
    return out


def soak_language(_window) -> str:
    from ui.i18n import language

    return language()


def visitors_phase(n: int) -> dict:
    """The real supervisor (``python -m ui --kiosk``, its own process) with visitors' processes driven from
    inside; after each start over, the memory of the live child and of the supervisor is searched for what the
    previous visitor typed and was shown. The same search in the visitor's own process before the reset is the
    control that it would find them."""
    work = Path(tempfile.mkdtemp(prefix="bengbu-soak-visitors-"))
    progress = work / "progress.jsonl"
    progress.touch()
    env = {**os.environ, "BENGBU_KIOSK_CHILD_CMD": json.dumps([sys.executable, __file__, "--visitor-child",
                                                                str(progress), "--"])}
    supervisor = subprocess.Popen([sys.executable, "-m", "ui", "--kiosk"], cwd=ROOT, env=env,
                                  stderr=subprocess.DEVNULL)
    seen = 0

    def next_note(key: str, timeout: float = 180.0) -> dict:
        nonlocal seen
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            lines = progress.read_text(encoding="utf-8").splitlines()
            for i in range(seen, len(lines)):
                note = json.loads(lines[i])
                if key in note:
                    seen = i + 1
                    return note
            time.sleep(0.05)
        raise SystemExit(f"visitors phase: no '{key}' from a visitor's process within {timeout:.0f} s")

    rows = []
    try:
        pid = next_note("shown")["shown"]
        for _ in range(n):
            (work / f"visit-{pid}").touch()
            visited = next_note("visited")
            markers = visited["markers"]
            control = traces_in(pid, markers)
            (work / f"reset-{pid}").touch()
            new = next_note("shown")["shown"]
            time.sleep(0.5)  # the old process has ended by now; the new one is idle, as for the next visitor
            after = traces_in(new, markers)
            in_supervisor = traces_in(supervisor.pid, markers)
            rows.append({"old_pid": pid, "new_pid": new, "markers": len(markers),
                         "control_hits": sum(control.values()),
                         "markers_found_before": sum(1 for v in control.values() if v),
                         "traces_after_reset": sum(after.values()), "traces_in_supervisor": sum(in_supervisor.values()),
                         "old_process_gone": not Path(f"/proc/{pid}").exists(),
                         "found_after": {m[:60]: c for m, c in after.items() if c},
                         "found_in_supervisor": {m[:60]: c for m, c in in_supervisor.items() if c}})
            pid = new
    finally:
        supervisor.terminate()
        try:
            supervisor.wait(20)
        except subprocess.TimeoutExpired:
            supervisor.kill()
        shutil.rmtree(work, ignore_errors=True)
    return {"visitors": rows, "visitor_traces_after_reset": sum(r["traces_after_reset"] for r in rows),
            "visitor_traces_in_supervisor": sum(r["traces_in_supervisor"] for r in rows)}


def progress_writer(path: str | None) -> Callable[[dict], None]:
    """Notes for the supervising process, one JSON line each, in the OS's hands at once (a segfault keeps them)."""
    if not path:
        return lambda _note: None
    sink = open(path, "a", encoding="utf-8")  # noqa: SIM115 - open for the whole run, closed at exit

    def write(note: dict) -> None:
        sink.write(json.dumps(note, ensure_ascii=False) + "\n")
        sink.flush()

    return write


def supervise(args: argparse.Namespace) -> dict:
    """Run the soak in a child process, so a hard crash (a segfault kills the process; no crash guard sees it) is
    reported too, with the numbers up to the last memory sample and the action it happened in."""
    fd, progress_path = tempfile.mkstemp(prefix="bengbu-soak-", suffix=".jsonl")
    os.close(fd)
    cmd = [sys.executable, __file__, "--in-process", "--json", "--progress", progress_path,
           "--actions", str(args.actions), "--seed", str(args.seed)]
    cmd += ["--quiet"] * args.quiet + ["--tracemalloc"] * args.tracemalloc
    proc = subprocess.run(cmd, stdout=subprocess.PIPE, text=True, check=False)  # stderr (faulthandler's trace) passes through
    notes = []
    for line in Path(progress_path).read_text(encoding="utf-8").splitlines():
        with contextlib.suppress(json.JSONDecodeError):  # the last line may be cut off by the crash
            notes.append(json.loads(line))
    os.unlink(progress_path)
    if proc.returncode >= 0:
        if not proc.stdout.strip():
            raise SystemExit(f"the soak process ended ({proc.returncode}) without a result: a bug in this bench")
        return json.loads(proc.stdout)
    # died by a signal: the last summary, what the crash guard caught after it, and the action it died in
    died = signal.Signals(-proc.returncode).name
    r, since, action = None, [], {}
    for note in notes:
        if "summary" in note:
            r, since = note["summary"], []
        elif "crash" in note:
            since.append(note["crash"])
        elif "action" in note:
            action = note
    if r is None:
        raise SystemExit(f"the soak process died ({died}) before its first memory sample")
    for kind in since:
        r["app_crashes"] += 1
        r["app_crash_kinds"][kind] = r["app_crash_kinds"].get(kind, 0) + 1
    r["hard_crash"] = {"signal": died, "action": action.get("action"), "kind": action.get("kind"),
                       "numbers_up_to_action": r["actions"]}
    where = next((n for n in notes if "home" in n), None)
    if where:
        r["files"] = files_under(Path(where["home"]))
        r["files_written"] = len(r["files"])
        for folder in (where["home"], where["mplconfigdir"]):  # the dead process could not remove them
            shutil.rmtree(folder, ignore_errors=True)
    return r


def report(r: dict, seed: int) -> str:
    w, crash = r["window_actions"], r["hard_crash"]
    out = [f"actions {r['actions']} (seed {seed}) in {r['seconds']} s = {r['actions_per_s']} actions/s"]
    if crash:
        out.append(f"HARD CRASH: the process died ({crash['signal']}) in action #{crash['action']} ({crash['kind']}); "
                   f"the numbers below are up to action {crash['numbers_up_to_action']}")
    out.append(f"app crashes (errors caught by the crash guard): {r['app_crashes']} (target 0)"
               + (f"; {n} of them came out of a call the bench made" if (n := r["app_errors_raised_into_bench"]) else "")
               + (f" · hard crashes (the process died): {1 if crash else 0} (target 0)"))
    out += [f"  {n}× {kind}" for kind, n in r["app_crash_kinds"].items()]
    out.append(f"blank-family violations after reset: {r['blank_family_violations']} "
               f"(in {r['resets_checked']} start-overs and idle resets; target 0)")
    out += [f"  {n}× {kind}" for kind, n in r["violation_kinds"].items()]
    out.append(f"RSS first {w} actions: {r['rss_first_mb']} MB · last {w}: {r['rss_last_mb']} MB · "
               f"growth {r['rss_growth_mb']} MB (target < 10 MB) · at start {r['rss_start_mb']} MB, peak {r['rss_peak_mb']} MB")
    if (slope := r["rss_slope_mb_per_1000_after_first_window"]) is not None:
        out.append(f"  RSS trend from action {w} on: {slope:+.1f} MB per 1000 actions (least squares; a leak keeps climbing)")
    out.append(f"  [{r['memory_source']}, after gc.collect() every {SAMPLE_EVERY} actions; means of those samples]")
    out.append(f"python objects: {r['python_objects_first']} → {r['python_objects_last']} · "
               f"Qt widgets: {r['qt_widgets_first']} → {r['qt_widgets_last']} · files written: {r['files_written']}")
    out += [f"  written: {f}" for f in r["files"][:20]]
    if r["object_types_grown"]:
        out.append(f"object types grown from action {w} to the end: "
                   + ", ".join(f"{k} +{v}" for k, v in r["object_types_grown"].items()))
    if r["qt_widget_classes_grown"]:
        out.append(f"Qt widget classes grown from action {w} to the end: "
                   + ", ".join(f"{k} +{v}" for k, v in r["qt_widget_classes_grown"].items()))
    if r["tracemalloc_top"]:
        out.append(f"tracemalloc, Python allocations grown from action {w} to the end:")
        out += [f"  {t['kb']:+.1f} KiB ({t['count']:+d} blocks) {t['where']}" for t in r["tracemalloc_top"]]
    if "visitors" in r:
        out.append(f"one process per visitor: {len(r['visitors'])} visitors through the real supervisor; traces of a "
                   f"visitor in the live child after a reset: {r['visitor_traces_after_reset']} (target 0), in the "
                   f"supervisor: {r['visitor_traces_in_supervisor']} (target 0)")
        for v in r["visitors"]:
            out.append(f"  pid {v['old_pid']} → {v['new_pid']}: {v['markers']} marks (typed figures, English "
                       f"explanation lines); before the reset {v['markers_found_before']} of them found "
                       f"{v['control_hits']}× in the visitor's process (the control); after: {v['traces_after_reset']} in the "
                       f"new child, {v['traces_in_supervisor']} in the supervisor; old process gone: {v['old_process_gone']}")
            out += [f"    found after the reset: {m!r} ×{c}" for m, c in {**v["found_after"], **v["found_in_supervisor"]}.items()]
    out.append(f"Qt warnings: {r['qt_warnings']}" + "".join(f"\n  {n}× {m}" for m, n in r["qt_warning_kinds"].items()))
    out.append(f"driver errors (bugs in this bench, not the app): {r['driver_errors']}")
    out += [t.rstrip() for t in r["driver_error_tracebacks"]]
    out.append("per action: count, mean / max time (with the event-loop turns after it), outcomes")
    for name, a in r["per_action"].items():
        outcomes = ", ".join(f"{k} {v}" for k, v in a["outcomes"].items())
        out.append(f"  {name:<17}{a['count']:>6}  {a['mean_ms']:>7.1f} / {a['max_ms']:>7.1f} ms  {outcomes}")
    return "\n".join(out)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--actions", type=int, default=5000)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--json", action="store_true", help="print one JSON object instead of the summary")
    ap.add_argument("--tracemalloc", action="store_true",
                    help="trace Python allocations from the first thousand actions on and list where memory grew (much slower)")
    ap.add_argument("--in-process", action="store_true",
                    help="no supervising process (a hard crash then ends the bench without a report)")
    ap.add_argument("--quiet", action="store_true", help="no progress lines on stderr")
    ap.add_argument("--progress", help=argparse.SUPPRESS)  # the supervisor's file: one JSON line per note
    ap.add_argument("--visitors", type=int, default=3,
                    help="then this many visitors through the real kiosk supervisor, a process each, their memory "
                         "searched after every reset (0: skip; Linux only)")
    if len(sys.argv) > 2 and sys.argv[1] == "--visitor-child":  # a visitor's process (visitors_phase)
        return visitor_child(sys.argv[2], [a for a in sys.argv[3:] if a != "--"])
    args = ap.parse_args()
    if args.actions < 1:
        ap.error("--actions must be at least 1")
    args.quiet = args.quiet or (args.json and not args.in_process)
    r = run(args, progress_writer(args.progress)) if args.in_process else supervise(args)
    r["seed"] = args.seed
    if args.visitors and not args.in_process and Path("/proc/self/mem").exists():
        r.update(visitors_phase(args.visitors))
    print(json.dumps(r, ensure_ascii=False) if args.json else report(r, args.seed))
    return 1 if r["driver_errors"] else 0


if __name__ == "__main__":
    sys.exit(main())
