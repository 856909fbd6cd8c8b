"""One visitor's kiosk process (``--kiosk-child``), started and ended by ui.kiosk_supervisor.

It builds the kiosk window with a blank family before it is needed and says ``ready``; on ``show`` it goes on
screen. When the visitor's session ends, ui.kiosk_mode covers the window with the welcome screen and says
``done``; the supervisor shows the next visitor's process and tells this one to ``quit``, and it ends at once
(``os._exit``: no clean-up to wait for, the operating system takes back all of its memory). The protocol is
in ui.kiosk_supervisor; everything said on it is a fixed word or a number, never something a visitor typed.
"""

from __future__ import annotations

import os
import sys
import threading
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

if TYPE_CHECKING:
    from ui.kiosk_config import KioskSettings


class SupervisorLink(QObject):
    """The child's end of the protocol: lines out on a private copy of stdout, commands in from stdin (read by
    a thread, delivered to the GUI thread as a queued signal)."""

    command = Signal(list)

    def __init__(self, out_fd: int, commands):
        super().__init__()
        self._out = os.fdopen(out_fd, "w", buffering=1, encoding="ascii")
        self.connected = True
        threading.Thread(target=self._read, args=(commands,), name="kiosk-supervisor-link", daemon=True).start()

    def _read(self, commands) -> None:
        for raw in commands:
            words = raw.decode("ascii", "replace").split()
            if words:
                self.command.emit(words)
        self.command.emit(["eof"])

    def send(self, *words) -> None:
        try:
            self._out.write(" ".join(map(str, words)) + "\n")
        except (BrokenPipeError, OSError, ValueError):
            self.connected = False

    def ready(self) -> None:
        self.send("ready")

    def shown(self) -> None:
        self.send("shown")

    def done(self, lang: str) -> None:
        self.send("done", lang)

    def attempts(self, wrong: int, wait_s: int) -> None:
        self.send("attempts", wrong, wait_s)

    def left(self) -> None:
        self.send("left")


def end_now(code: int = 0) -> None:
    """End this visitor's process without tidying up: the clipboard emptied first (on X11 Qt would otherwise
    hand its content to a clipboard manager at a normal exit), then straight out."""
    from PySide6.QtWidgets import QApplication

    if QApplication.instance() is not None:
        from ui.kiosk_mode import KioskMode

        KioskMode.clear_clipboard()
    from ui.kiosk_print import remove_spool

    remove_spool()
    sys.stderr.flush()
    os._exit(code)


def run_child(app, settings: KioskSettings, admin_notes: list[str], on_shown=None) -> int:
    """Build the window, say ``ready``, then follow the supervisor. ``on_shown(window)``: called once the window
    is on screen (bench/soak.py drives it from there)."""
    from ui.app import after_first_paint, install_crash_guard
    from ui.crash_guard import data_dir
    from ui.i18n import language
    from ui.kiosk_app import build_kiosk_window, start_session
    from ui.session import Session

    proto = os.dup(1)
    os.dup2(2, 1)  # a stray print() goes to stderr, never into the protocol
    link = SupervisorLink(proto, sys.stdin.buffer)
    session = Session()
    window = build_kiosk_window(session, settings, admin_notes=admin_notes, link=link)
    problems = start_session(session, data_dir())
    if problems:
        window.show_policy_unavailable(problems)
    install_crash_guard(window, kiosk=True)

    def on_command(words: list[str]) -> None:
        what, rest = words[0], words[1:]
        kiosk = window.kiosk
        if what == "show" and len(rest) == 3:
            lang = settings.language if rest[0] == "-" else rest[0]
            if lang in ("zh", "en") and lang != language():
                window.set_lang(lang)
            if kiosk is not None:
                kiosk.attempts.restore(int(rest[1]), float(rest[2]))
                kiosk.idle.forget_use()
                kiosk.idle.resume()
            after_first_paint(window, lambda: (link.shown(), on_shown and on_shown(window)))
            window.showFullScreen()
        elif what == "quit":
            end_now(0)
        elif what == "start-over" and kiosk is not None:
            kiosk.start_over(to_language=False)
        elif what == "wipe" and kiosk is not None:
            kiosk.reset_here(to_language=True)
            kiosk.idle.start()
        elif what == "eof":
            link.connected = False
            if kiosk is not None and kiosk.active:
                end_now(0)  # no supervisor: no kiosk

    link.command.connect(on_command)
    window.ensure_chart()
    link.ready()
    return app.exec()
