"""The kiosk as a small supervisor and one process per visitor.

``python -m ui --kiosk`` (or kiosk.json saying so) runs this: a plain-Python loop that imports neither Qt nor
the model and never sees a figure, which starts the kiosk window in a child process (the same interpreter with
``-m ui --kiosk-child``, or the bundle's executable with ``--kiosk-child``) and, at every start over, shows the
next visitor a fresh child started beforehand — so the operating system discards the whole memory of the
previous visitor's process (freed heap, Qt's caches, interned strings), which no in-process clean-up can
promise. A child that crashes is replaced the same way.

The protocol is a few words a line, no data: the child writes to its stdout, the supervisor to its stdin.

    child → supervisor   ready                     built, blank family loaded, not on screen; waiting
                         shown                     on screen and painted
                         done LANG                 the visitor's session is over (start over, idle reset,
                                                   an error): the welcome screen covers the window
                         attempts WRONG WAIT_S     wrong exit passphrases so far, seconds until the next try
                         left                      the administrator left kiosk mode (desktop window now)
    supervisor → child   show LANG WRONG WAIT_S    go on screen (LANG "-": the configured language), with
                                                   the passphrase count carried over
                         quit                      the next visitor's window is up: end now
                         start-over                as the visitor's button (bench/kiosk_reset.py, tests)
                         wipe                      no new process could be started: start over in this one

Only one child is on screen; one more waits (``ready``) for the next visitor. Spawning it waits until the
new window has painted, so the two do not compete for the CPU during the swap.
"""

from __future__ import annotations

import contextlib
import json
import os
import queue
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Sequence

LANGS = ("zh", "en", "-")
MAX_FAILURES = 5      # children in a row that end before they are ready: the supervisor gives up
QUIT_GRACE_S = 5.0    # a retiring child told to quit is killed if it has not ended by then


def child_command(argv: Sequence[str]) -> list[str]:
    """The command for a visitor's process. ``BENGBU_KIOSK_CHILD_CMD`` (a JSON list) replaces the program part:
    bench/soak.py uses it to drive the window from inside the child."""
    override = os.environ.get("BENGBU_KIOSK_CHILD_CMD")
    if override:
        base = list(json.loads(override))
    elif getattr(sys, "frozen", False):
        base = [sys.executable]
    else:
        base = [sys.executable, "-m", "ui"]
    return [*base, "--kiosk-child", *argv]


class Child:
    """One visitor's process and the thread that reads its lines into the supervisor's queue."""

    def __init__(self, cmd: list[str], events: queue.Queue, env: dict[str, str]):
        self.state = "starting"  # starting → ready → active → retiring; "gone" once it has ended
        self.proc = subprocess.Popen(cmd, stdin=subprocess.PIPE, stdout=subprocess.PIPE, env=env)
        self.pid = self.proc.pid
        self.started = time.monotonic()
        self.quit_sent: float | None = None
        self._events = events
        threading.Thread(target=self._read, name=f"kiosk-child-{self.pid}", daemon=True).start()

    def _read(self) -> None:
        for raw in self.proc.stdout:
            words = raw.decode("ascii", "replace").split()
            if words:
                self._events.put((self, words))
        self._events.put((self, ["exit", str(self.proc.wait())]))

    def send(self, *words) -> None:
        try:
            self.proc.stdin.write((" ".join(map(str, words)) + "\n").encode("ascii"))
            self.proc.stdin.flush()
        except (BrokenPipeError, OSError, ValueError):
            pass  # it has ended; its exit comes through the queue

    def kill(self) -> None:
        if self.proc.poll() is None:
            self.proc.kill()


class Supervisor:
    def __init__(self, argv: Sequence[str] = (), command: list[str] | None = None,
                 on_event: Callable[[str, int, float], None] | None = None, max_failures: int = MAX_FAILURES):
        """``on_event(what, pid, monotonic time)`` hears every step (bench/kiosk_reset.py, tests)."""
        self.command = command or child_command(argv)
        self.env = {**os.environ, "PYTHONDONTWRITEBYTECODE": "1"}
        self.events: queue.Queue = queue.Queue()
        self.active: Child | None = None
        self.standby: Child | None = None
        self.retiring: list[Child] = []
        self.pending: str | None = "-"  # the language the next ready child is to show in (None: nobody waits)
        self.wrong, self.locked_until = 0, 0.0  # exit passphrases, carried from one visitor's process to the next
        self.failures = 0
        self.max_failures = max_failures
        self.leaving = False
        self.on_event = on_event or (lambda _what, _pid, _t: None)
        self._stop = False

    # -- running ------------------------------------------------------------------------------------------------
    def run(self) -> int:
        try:
            self._spawn()
            while not self._stop:
                try:
                    child, words = self.events.get(timeout=1.0)
                except queue.Empty:
                    self._reap_retiring()
                    continue
                code = self.handle(child, words)
                if code is not None:
                    return code
            return 0
        finally:
            self.shutdown()

    def stop(self) -> None:
        """End the loop at its next turn (from another thread: a bench, a test)."""
        self._stop = True
        self.events.put((None, ["stop"]))

    def relay(self, *words) -> None:
        """From another thread: have the loop send a command to the child on screen (``relay("start-over")``)."""
        self.events.put((None, ["relay", *map(str, words)]))

    def shutdown(self) -> None:
        from ui.kiosk_print import remove_spool_of

        for child in [self.active, self.standby, *self.retiring]:
            if child is not None:
                child.kill()
                try:
                    child.proc.wait(5)
                except subprocess.TimeoutExpired:
                    continue
                remove_spool_of(child.pid)

    def send(self, *words) -> None:
        """A command to the child on screen (bench/kiosk_reset.py: ``send("start-over")``)."""
        if self.active is not None:
            self.active.send(*words)

    # -- what the children say ----------------------------------------------------------------------------------
    def handle(self, child: Child, words: list[str]) -> int | None:
        what, rest = words[0], words[1:]
        now = time.monotonic()
        if child is None:  # from this process (relay, stop)
            if what == "relay":
                self.send(*rest)
            return None
        self.on_event(what, child.pid, now)
        if what == "exit":
            return self._on_exit(child, int(rest[0]) if rest and rest[0].lstrip("-").isdigit() else 1)
        if what == "ready" and child is self.standby:
            child.state = "ready"
            self.failures = 0
            if self.pending is not None:
                self._show(self.pending)
        elif what == "shown" and child is self.active:
            for old in self.retiring:
                if old.quit_sent is None:
                    old.send("quit")
                    old.quit_sent = now
            if self.standby is None and not self.leaving:
                self._spawn()
        elif what == "done" and child is self.active and rest and rest[0] in LANGS:
            self.pending = rest[0]
            if self.standby is not None and self.standby.state == "ready":
                self._show(self.pending)
            elif self.standby is None:
                self._spawn()
        elif what == "attempts" and child is self.active and len(rest) == 2:
            with contextlib.suppress(ValueError):
                self.wrong, self.locked_until = int(rest[0]), now + float(rest[1])
        elif what == "left" and child is self.active:
            self.leaving = True
            if self.standby is not None:
                self.standby.kill()
        return None  # anything else is ignored: the supervisor takes no data from a child

    def _on_exit(self, child: Child, code: int) -> int | None:
        child.state = "gone"
        from ui.kiosk_print import remove_spool_of

        remove_spool_of(child.pid)
        if child in self.retiring:
            self.retiring.remove(child)
            return None
        if child is self.active:
            self.active = None
            if self.leaving:
                return code  # the administrator closed the desktop window
            self.on_event("crash", child.pid, time.monotonic())
            self.pending = "-"
            if self.standby is not None and self.standby.state == "ready":
                self._show(self.pending)
            elif self.standby is None:
                self._spawn()
            return None
        if child is self.standby:
            self.standby = None
            if self.leaving:
                return None
            self.failures += 1
            if self.failures >= self.max_failures:
                if self.active is None:
                    print(f"kiosk: {self.failures} kiosk processes in a row ended before they were ready; giving up",
                          file=sys.stderr)
                    return 1
                if self.pending is not None:  # the visitor's window is covered: clear it in place instead
                    self.active.send("wipe")
                    self.pending = None
                return None
            time.sleep(min(5.0, 0.1 * 2 ** self.failures))
            self._spawn()
        return None

    # -- steps ----------------------------------------------------------------------------------------------------
    def _spawn(self) -> None:
        self.standby = Child(self.command, self.events, self.env)
        self.on_event("spawn", self.standby.pid, time.monotonic())

    def _show(self, lang: str) -> None:
        new, old = self.standby, self.active
        self.standby, self.active, self.pending = None, new, None
        new.state = "active"
        wait = max(0.0, self.locked_until - time.monotonic())
        new.send("show", lang, self.wrong, f"{wait:.1f}")
        if old is not None:
            old.state = "retiring"
            old.quit_sent = None
            self.retiring.append(old)

    def _reap_retiring(self) -> None:
        now = time.monotonic()
        for old in self.retiring:
            if old.quit_sent is not None and now - old.quit_sent > QUIT_GRACE_S:
                old.kill()


def run_supervisor(argv: Sequence[str], admin_notes: Sequence[str] = ()) -> int:
    """``python -m ui --kiosk``: say what the administrator should know once, then supervise until the
    administrator leaves kiosk mode and closes the window (or the supervisor is stopped)."""
    from ui.kiosk_print import cups_retention_problems

    for note in [*admin_notes, *cups_retention_problems()]:
        print(f"kiosk: {note}", file=sys.stderr)
    supervisor = Supervisor(argv)

    def stop(_signum, _frame) -> None:
        raise SystemExit(0)

    for sig in (signal.SIGTERM, signal.SIGINT):
        signal.signal(sig, stop)
    return supervisor.run()
