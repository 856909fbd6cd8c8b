"""Starting the program as a kiosk (``python -m ui --kiosk``, or ``"kiosk": true`` in kiosk.json).

The kiosk writes nothing to disk: no bytecode caches, no case files or settings, error records to stderr only;
TMPDIR is a private folder on /dev/shm (memory) for Qt's print file (ui.kiosk_print), and matplotlib's font
list goes into it too (font names, never anything a visitor typed); it is removed at exit.
"""

from __future__ import annotations

import atexit
import os
import shutil
import sys
import tempfile
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ui.kiosk_config import KioskSettings
    from ui.main_window import MainWindow
    from ui.session import Session


def prepare_kiosk_process() -> None:
    """Before matplotlib or any of our modules not yet imported load: keep their caches off the disk."""
    sys.dont_write_bytecode = True
    from ui.kiosk_print import prepare_print_spool

    prepare_print_spool()  # before Qt asks where temporary files go
    # The bundle's start-up hook (build.spec) points matplotlib at a per-user cache folder: not for a kiosk. A
    # folder the person starting the program chose themselves is kept.
    from_hook = os.environ.get("BENGBU_MPLCONFIGDIR_FROM_HOOK")
    if "MPLCONFIGDIR" not in os.environ or os.environ["MPLCONFIGDIR"] == from_hook:
        private = tempfile.mkdtemp(prefix="bengbu-kiosk-mpl-")
        os.environ["MPLCONFIGDIR"] = private
        atexit.register(shutil.rmtree, private, ignore_errors=True)


def build_kiosk_window(session: Session, settings: KioskSettings, idle_ms: int | None = None,
                       tick_ms: int = 1000, admin_notes: list[str] | tuple[str, ...] = (), link=None) -> MainWindow:
    """The main window in kiosk mode (``window.kiosk`` is its ui.kiosk_mode.KioskMode)."""
    from ui.kiosk_mode import KioskMode
    from ui.main_window import MainWindow

    window = MainWindow(session, kiosk=True)
    KioskMode(window, settings, idle_ms=idle_ms, tick_ms=tick_ms, admin_notes=admin_notes, link=link)
    return window


def start_session(session: Session, data_dir) -> list[str] | None:
    """Load the policy pack and show a blank family; returns the problems when no policy data can be loaded."""
    from simulator import ParameterError

    try:
        session.load_active_policy(data_dir)
        session.forget()
    except (ParameterError, OSError) as e:
        return list(getattr(e, "problems", None) or [str(e)])
    return None


def kiosk_screenshot(app, session: Session, settings: KioskSettings, out: str, size: tuple[int, int] | None,
                     case: str | None = None, countdown: bool = False) -> int:
    """Lay the kiosk out at ``size`` (a blank family, or ``case``), optionally with the countdown showing, and
    save it as a PNG. Returns the process exit code."""
    from ui.crash_guard import data_dir

    problems = start_session(session, data_dir())
    if problems:
        print("\n".join(problems), file=sys.stderr)
        return 2
    if case:
        session.open(case)
    window = build_kiosk_window(session, settings)
    window.resize(*(size or (1920, 1080)))
    window.show()
    app.processEvents()
    window.ensure_chart()
    for _ in range(3):
        app.processEvents()
    if window.chart_panel is not None and window.chart_panel.chart is not None:
        window.chart_panel.chart.canvas.draw()  # at the size the layout settled on
    if countdown:
        window.kiosk.idle.used = True  # as if someone had touched it: an empty kiosk shows no countdown
        window.kiosk.idle.timeout()
        app.processEvents()
    ok = window.grab().save(out)
    window.kiosk.idle.stop()
    if not ok:
        print(f"(file): could not write {out}", file=sys.stderr)
        return 2
    return 0
