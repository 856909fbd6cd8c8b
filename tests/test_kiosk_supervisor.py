"""The kiosk's supervisor: a fresh process for every visitor, a crashed one replaced, the passphrase count
carried over, and the supervisor itself never importing Qt or the model (it holds no visitor's data)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
import threading
import time
from pathlib import Path

import pytest

from ui.kiosk_supervisor import Supervisor, child_command

ROOT = Path(__file__).resolve().parent.parent

# A stand-in for the kiosk window's process: speaks the protocol, and writes the commands it got to a log.
FAKE_CHILD = textwrap.dedent("""
    import os, sys
    log = open(sys.argv[1], "a")
    def say(*words):
        print(*words, flush=True)
    say("ready")
    for line in sys.stdin:
        words = line.split()
        log.write(f"{os.getpid()} {line}"); log.flush()
        if words[0] == "show":
            say("shown")
        elif words[0] == "start-over":
            say("attempts", 6, 30)
            say("done", "-")
        elif words[0] == "crash":
            os._exit(3)
        elif words[0] == "leave":
            say("left")
            sys.exit(0)
        elif words[0] == "quit":
            sys.exit(0)
""")


class Run:
    """A supervisor in a thread, and what it heard."""

    def __init__(self, command: list[str]):
        self.events: list[tuple[str, int]] = []
        self.cond = threading.Condition()
        self.supervisor = Supervisor(command=command, on_event=self._on_event)
        self.code = None
        self.thread = threading.Thread(target=self._run, daemon=True)
        self.thread.start()

    def _run(self):
        self.code = self.supervisor.run()

    def _on_event(self, what, pid, _t):
        with self.cond:
            self.events.append((what, pid))
            self.cond.notify_all()

    def wait(self, what: str, count: int = 1, timeout: float = 60) -> list[int]:
        """The pids of the first ``count`` events ``what``."""
        deadline = time.monotonic() + timeout
        with self.cond:
            while True:
                pids = [pid for w, pid in self.events if w == what]
                if len(pids) >= count:
                    return pids[:count]
                assert self.cond.wait(max(0.0, deadline - time.monotonic())), f"no {what} ×{count}: {self.events}"

    def stop(self):
        self.supervisor.stop()
        self.thread.join(20)


@pytest.fixture
def fake(tmp_path):
    script = tmp_path / "fake_child.py"
    script.write_text(FAKE_CHILD, encoding="utf-8")
    log = tmp_path / "commands.log"
    log.touch()
    runs = []

    def start() -> Run:
        runs.append(Run([sys.executable, str(script), str(log)]))
        return runs[-1]

    yield start, log
    for run in runs:
        run.stop()


def alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    return Path(f"/proc/{pid}/stat").exists() and Path(f"/proc/{pid}/stat").read_text().split()[2] != "Z"


def test_every_start_over_shows_a_new_process_and_ends_the_old_one(fake):
    start, log = fake
    run = start()
    first = run.wait("shown")[0]
    run.supervisor.relay("start-over")
    second = run.wait("shown", 2)[1]
    assert second != first
    run.wait("exit")
    assert not alive(first)
    lines = log.read_text().splitlines()
    assert f"{first} quit" in lines  # told to end only once the new window was up
    shown_at = next(i for i, line in enumerate(lines) if line.startswith(f"{second} show - 6 "))
    assert lines.index(f"{first} quit") > shown_at
    assert run.wait("spawn", 3)  # and the one after it is being prepared


def test_a_crashed_visitor_process_is_replaced(fake):
    start, _log = fake
    run = start()
    first = run.wait("shown")[0]
    run.supervisor.relay("crash")
    assert run.wait("crash") == [first]
    second = run.wait("shown", 2)[1]
    assert second != first and alive(second)


def test_the_wrong_passphrase_count_goes_on_to_the_next_process(fake):
    start, log = fake
    run = start()
    run.wait("shown")
    run.supervisor.relay("start-over")  # the fake says: 6 wrong, 30 s to wait
    second = run.wait("shown", 2)[1]
    show = next(line for line in log.read_text().splitlines() if line.startswith(f"{second} show"))
    _pid, _show, lang, wrong, wait = show.split()
    assert lang == "-" and wrong == "6" and 28 <= float(wait) <= 30


def test_after_the_administrator_leaves_no_new_process_is_started_and_the_supervisor_ends(fake):
    start, _log = fake
    run = start()
    run.wait("shown")
    run.wait("spawn", 2)
    run.supervisor.relay("leave")
    run.thread.join(20)
    assert run.code == 0 and not run.thread.is_alive()
    assert len([e for e in run.events if e[0] == "spawn"]) == 2


def test_children_that_cannot_start_make_the_supervisor_give_up_rather_than_loop(tmp_path):
    run = Run([sys.executable, "-c", "import sys; sys.exit(1)"])
    run.supervisor.max_failures = 3
    run.thread.join(30)
    assert run.code == 1 and len([e for e in run.events if e[0] == "spawn"]) == 3


def test_the_child_command_runs_the_same_program(monkeypatch):
    monkeypatch.delenv("BENGBU_KIOSK_CHILD_CMD", raising=False)
    assert child_command(["--kiosk"]) == [sys.executable, "-m", "ui", "--kiosk-child", "--kiosk"]
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    assert child_command([]) == [sys.executable, "--kiosk-child"]
    monkeypatch.setenv("BENGBU_KIOSK_CHILD_CMD", json.dumps(["x", "y.py"]))
    assert child_command([]) == ["x", "y.py", "--kiosk-child"]


def test_the_supervisor_never_imports_qt_or_the_model():
    # `python -m ui --kiosk` up to the moment the supervisor would run: what has been imported by then
    probe = textwrap.dedent("""
        import sys, ui.kiosk_supervisor as s
        def seen(argv, notes=()):
            print(sorted({m.split('.')[0] for m in sys.modules} & {'PySide6', 'shiboken6', 'simulator', 'matplotlib', 'numpy'}))
            return 0
        s.run_supervisor = seen
        from ui.app import main
        sys.exit(main(['--kiosk']))
    """)
    done = subprocess.run([sys.executable, "-c", probe], cwd=ROOT, capture_output=True, text=True, timeout=60, check=False)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[]"
    # and the supervisor's own module, with what it imports at run time
    done = subprocess.run([sys.executable, "-c", "import sys, ui.kiosk_supervisor, ui.kiosk_print, ui.kiosk_config; "
                           "print(sorted(m for m in sys.modules if m.split('.')[0] in ('PySide6', 'simulator')))"],
                          cwd=ROOT, capture_output=True, text=True, timeout=60, check=False)
    assert done.stdout.strip() == "[]", done.stderr


def test_the_real_kiosk_window_is_a_new_process_after_start_over(tmp_path):
    env_home = tmp_path / "home"
    env_home.mkdir()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    run = Run(child_command(["--kiosk"]))
    try:
        first = run.wait("shown", timeout=120)[0]
        run.wait("ready", 2, timeout=120)  # the next visitor's, prepared while this one is on screen
        run.supervisor.relay("start-over")
        second = run.wait("shown", 2, timeout=60)[1]
        assert second != first
        deadline = time.monotonic() + 10
        while alive(first) and time.monotonic() < deadline:
            time.sleep(0.05)
        assert not alive(first)
        assert not list(Path("/dev/shm").glob(f"bengbu-kiosk-{first}-*"))  # its memory-backed TMPDIR is gone too
    finally:
        run.stop()
