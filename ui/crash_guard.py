"""Never die in front of a visitor: an exception in a slot or a calculation shows a calm message, the window
goes back to a working state, and the error is recorded without personal data.

What is recorded is the exception's type and where it happened (file, line, function) — never its message or
local values, which can hold what a person typed. Desktop mode appends to a log file in the user's data folder;
kiosk mode writes nothing to disk and prints to stderr only.
"""

from __future__ import annotations

import datetime as dt
import os
import sys
import traceback
from collections.abc import Callable
from pathlib import Path
from types import TracebackType

LOG_NAME = "errors.log"
MAX_LOG_BYTES = 256 * 1024


def scrubbed_report(exc_type: type[BaseException], tb: TracebackType | None) -> str:
    """Type and call sites only: no message, no source text, no local values."""
    frames = traceback.extract_tb(tb)
    where = " <- ".join(f"{Path(f.filename).name}:{f.lineno}:{f.name}" for f in reversed(frames[-8:]))
    return f"{dt.datetime.now().isoformat(timespec='seconds')} {exc_type.__module__}.{exc_type.__qualname__} at {where}"


def data_dir() -> Path:
    base = os.environ.get("XDG_DATA_HOME") or (Path.home() / ".local" / "share")
    if sys.platform == "win32":
        base = os.environ.get("LOCALAPPDATA", str(Path.home()))
    return Path(base) / "bengbu-family-support"


class CrashGuard:
    """Installed as sys.excepthook while the window runs."""

    def __init__(self, kiosk: bool, notify: Callable[[], None] | None = None,
                 recover: Callable[[], None] | None = None, log_dir: Path | None = None,
                 defer: Callable[[Callable[[], None]], None] | None = None):
        """``defer`` runs recovery later (the window: on the event loop's next turn), so that putting the window
        back never deletes the widget whose handler raised while that handler is still on the stack."""
        self.kiosk = kiosk
        self.notify = notify
        self.recover = recover
        self.defer = defer
        self.log_path = None if kiosk else (log_dir or data_dir()) / LOG_NAME
        self.count = 0
        self._previous = sys.excepthook
        self._busy = False

    def install(self) -> CrashGuard:
        sys.excepthook = self.handle
        return self

    def uninstall(self) -> None:
        sys.excepthook = self._previous

    def record(self, line: str) -> None:
        if self.log_path is None:
            print(line, file=sys.stderr)
            return
        try:
            self.log_path.parent.mkdir(parents=True, exist_ok=True)
            if self.log_path.exists() and self.log_path.stat().st_size > MAX_LOG_BYTES:
                self.log_path.replace(self.log_path.with_suffix(".old"))
            with self.log_path.open("a", encoding="utf-8") as f:
                f.write(line + "\n")
        except OSError:
            print(line, file=sys.stderr)

    def handle(self, exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        if issubclass(exc_type, KeyboardInterrupt):
            self._previous(exc_type, exc, tb)
            return
        self.count += 1
        self.record(scrubbed_report(exc_type, tb))
        # Python keeps the last uncaught exception (its message and, through the traceback, every local value
        # of its frames: what a person typed) in sys.last_*; the record above is all that should remain.
        for name in ("last_type", "last_value", "last_traceback", "last_exc"):
            if hasattr(sys, name):
                setattr(sys, name, None)
        del exc, tb
        if self._busy:  # an error while recovering: do not loop
            return
        if self.defer is not None:
            self.defer(self._recover_and_tell)
        else:
            self._recover_and_tell()

    def _recover_and_tell(self) -> None:
        self._busy = True
        try:
            for step in (self.recover, self.notify):  # the calm message is shown even if recovering failed
                if step is None:
                    continue
                try:
                    step()
                except Exception as inner:
                    self.record(scrubbed_report(type(inner), inner.__traceback__))
        finally:
            self._busy = False
