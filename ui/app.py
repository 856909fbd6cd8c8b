"""Start the window: ``python -m ui [--case FILE] [--lang zh|en] [--local FIGURES.yaml]``.

    --screenshot OUT.png [--size 1366x768]   lay the window out, render it to a PNG and exit
    --handout OUT.pdf                        write the case's handout PDF and exit

The window is shown before the policy model is loaded and the case simulated, and the chart (matplotlib)
comes in after that, so something is on screen as early as a bare Qt window would be.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from pathlib import Path

EXIT_INPUT = 2


def _size(text: str) -> tuple[int, int]:
    try:
        w, h = (int(x) for x in text.lower().split("x"))
    except ValueError:
        raise argparse.ArgumentTypeError("size must look like 1366x768") from None
    if not (320 <= w <= 10000 and 240 <= h <= 10000):
        raise argparse.ArgumentTypeError("size out of range")
    return w, h


def parser() -> argparse.ArgumentParser:
    ap = argparse.ArgumentParser(prog="python -m ui", description="蚌埠市生育支持政策测算 · Bengbu family-support simulator")
    ap.add_argument("--case", help="case file to open (JSON); default: the built-in example family")
    ap.add_argument("--lang", choices=("zh", "en"), default="zh", help="language of the window (default zh)")
    ap.add_argument("--local", metavar="FIGURES.yaml", help="a counselor's local figures: {parameter: number}")
    ap.add_argument("--screenshot", metavar="OUT.png", help="render the window to a PNG and exit")
    ap.add_argument("--size", type=_size, metavar="WxH", help="window size, e.g. 1366x768")
    ap.add_argument("--handout", metavar="OUT.pdf", help="write the case's handout PDF and exit")
    return ap


def _fail(problems: Sequence[str]) -> int:
    for p in problems:
        print(p, file=sys.stderr)
    return EXIT_INPUT


def _load_local(session, path: str) -> None:
    import yaml

    from simulator import ParameterError

    try:
        figures = yaml.safe_load(Path(path).read_text(encoding="utf-8")) or {}
    except yaml.YAMLError as e:
        raise ParameterError([f"{path}: {e}"]) from None
    if not isinstance(figures, dict):
        raise ParameterError([f"{path}: must map parameter names to numbers"])
    session.set_local_figures(figures)


def _load(session, args: argparse.Namespace) -> None:
    """Local figures, then the case; raises InputError / ParameterError / OSError with what is wrong."""
    if args.local:
        _load_local(session, args.local)
    if args.case:
        session.open(args.case)
    else:
        session.open_example()


def _headless(args: argparse.Namespace) -> bool:
    return bool(args.screenshot or args.handout)


def main(argv: Sequence[str] | None = None) -> int:
    args = parser().parse_args(argv)
    if _headless(args) and not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from ui.fonts import register_qt_font
    from ui.i18n import set_language, tr
    from ui.main_window import MainWindow
    from ui.session import Session

    set_language(args.lang)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("bengbu-family-support")
    register_qt_font(app)
    session = Session()
    if _headless(args):
        return _run_headless(app, session, args)
    window = MainWindow(session)
    window.resize(*(args.size or _default_size(app)))
    window.files.ask_before_discarding = True
    window.show()

    def start() -> None:
        """Load what was asked for; what cannot be loaded is reported and the example family shown instead."""
        from simulator import InputError, ParameterError

        failed: list[tuple[str, list[str]]] = []
        for path, load in ((args.local, lambda p: _load_local(session, p)), (args.case, session.open)):
            if path:
                try:
                    load(path)
                except (InputError, ParameterError, OSError) as e:
                    failed.append((Path(path).name, getattr(e, "problems", None) or [str(e)]))
        if not session.ready:
            session.open_example()
        if failed:
            window.message_bar.show_message(lambda: "\n".join(
                tr("win_open_failed", file=name) + "\n" + "\n".join(problems) for name, problems in failed))

    after_first_paint(window, start)
    _install_crash_guard(window)
    return app.exec()


def after_first_paint(window, callback) -> None:
    """Run ``callback`` once the window has been painted for the first time, so loading the model (pydantic,
    the policy pack, the first simulation: ~0.3 s) never delays the first picture on screen."""
    from PySide6.QtCore import QEvent, QObject, QTimer

    class _FirstPaint(QObject):
        def eventFilter(self, obj, event) -> bool:
            if event.type() == QEvent.Type.Paint:
                window.removeEventFilter(self)
                QTimer.singleShot(0, callback)
            return False

    window._first_paint = _FirstPaint(window)
    window.installEventFilter(window._first_paint)


def _default_size(app) -> tuple[int, int]:
    screen = app.primaryScreen().availableGeometry() if app.primaryScreen() else None
    if screen is None:
        return 1366, 768
    return min(1440, screen.width()), min(900, screen.height())


def _run_headless(app, session, args: argparse.Namespace) -> int:
    from simulator import InputError, ParameterError
    from ui.i18n import language

    try:
        _load(session, args)
    except (InputError, ParameterError) as e:
        return _fail(e.problems)
    except OSError as e:
        return _fail([f"(file): {e}"])
    if args.handout:
        from ui.handout import write_handout_pdf

        write_handout_pdf(args.handout, session.household, session.result, language(),
                          local_names=tuple(session.result.local_parameters))
        if not args.screenshot:
            return 0
    from ui.main_window import MainWindow

    window = MainWindow(session)
    window.resize(*(args.size or (1366, 768)))
    window.show()
    app.processEvents()
    window.ensure_chart()
    for _ in range(3):
        app.processEvents()
    if not window.grab().save(args.screenshot):
        return _fail([f"(file): could not write {args.screenshot}"])
    return 0


def _install_crash_guard(window) -> None:
    """An error in a slot shows a calm message instead of ending the program (see ui.crash_guard)."""
    try:
        from ui.crash_guard import CrashGuard
    except ImportError:
        return
    from ui.i18n import tr

    guard = CrashGuard(kiosk=False, notify=lambda: window.message_bar.show_message(lambda: tr("win_unexpected_error")))
    window._crash_guard = guard.install()
