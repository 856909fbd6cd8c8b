"""Start the window: ``python -m ui [--case FILE] [--lang zh|en] [--local FIGURES.yaml]``.

    --screenshot OUT.png [--size 1366x768]   lay the window out, render it to a PNG and exit
    --handout OUT.pdf                        write the case's handout PDF and exit
    --birth-timing                           with --handout: add the chart of the support by the planned child's
                                             birth month (the "what if" tab's) and its cliffs
    --compare B.json                         compare the case (A) with B; with --handout the PDF sets A, B and
                                             the difference side by side (no window is shown)
    --kiosk [--config kiosk.json]            kiosk mode (also when kiosk.json next to the program says so): a
                                             supervisor with one window process per visitor (ui.kiosk_supervisor);
                                             with --screenshot: the kiosk (blank family unless --case), and
                                             --countdown shows the idle countdown in it

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
    ap.add_argument("--lang", choices=("zh", "en"), help="language of the window (default zh; a kiosk: its config's)")
    ap.add_argument("--local", metavar="FIGURES.yaml", help="a counselor's local figures: {parameter: number}")
    ap.add_argument("--screenshot", metavar="OUT.png", help="render the window to a PNG and exit")
    ap.add_argument("--size", type=_size, metavar="WxH", help="window size, e.g. 1366x768")
    ap.add_argument("--handout", metavar="OUT.pdf", help="write the case's handout PDF and exit")
    ap.add_argument("--birth-timing", action="store_true",
                    help="with --handout: add the chart of the support by the planned child's birth month")
    ap.add_argument("--compare", metavar="B.json", help="compare the case (A) with this case file (B)")
    ap.add_argument("--kiosk", action="store_true", help="kiosk mode: full screen, touch-sized, resets when idle")
    ap.add_argument("--config", metavar="kiosk.json", help="kiosk settings (default: kiosk.json next to the program)")
    ap.add_argument("--countdown", action="store_true", help="with --kiosk --screenshot: show the idle countdown")
    ap.add_argument("--kiosk-child", action="store_true", help=argparse.SUPPRESS)  # one visitor's process (ui.kiosk_child)
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
    except (yaml.YAMLError, UnicodeDecodeError, RecursionError) as e:  # not YAML, not UTF-8 text, nested too deep
        raise ParameterError([f"{path}: {e}"]) from None
    if not isinstance(figures, dict):
        raise ParameterError([f"{path}: must map parameter names to numbers"])
    session.set_local_figures(figures)


def _load(session, args: argparse.Namespace) -> None:
    """The policy pack, local figures, then the case; raises InputError / ParameterError / OSError with what is
    wrong."""
    from ui.crash_guard import data_dir

    problem = session.load_active_policy(data_dir())
    if problem:
        print(problem, file=sys.stderr)
    if args.local:
        _load_local(session, args.local)
    if args.case:
        session.open(args.case)
    else:
        session.open_example()
    if args.compare:
        _load_compare(session, args.compare)


def _load_compare(session, path: str) -> None:
    from simulator import load_case
    from ui.i18n import language

    session.compare_with(load_case(path, language()))


def _headless(args: argparse.Namespace) -> bool:
    return bool(args.screenshot or args.handout)


def main(argv: Sequence[str] | None = None) -> int:
    args = parser().parse_args(argv)
    if _headless(args) and not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    settings, config_problem = _kiosk_config(args)
    kiosk = args.kiosk or settings.kiosk or args.kiosk_child
    if kiosk and args.lang:
        settings = settings.model_copy(update={"language": args.lang})
    if kiosk and not _headless(args) and not args.kiosk_child:
        # before Qt or the model is imported: the supervisor holds no visitor's data (ui.kiosk_supervisor)
        from ui.kiosk_supervisor import run_supervisor

        return run_supervisor(list(sys.argv[1:] if argv is None else argv), [config_problem] if config_problem else [])
    from PySide6.QtWidgets import QApplication

    from ui.fonts import register_qt_font
    from ui.i18n import set_language
    from ui.main_window import MainWindow
    from ui.session import Session

    if kiosk:
        from ui.kiosk_app import prepare_kiosk_process

        prepare_kiosk_process()
    set_language(args.lang or (settings.language if kiosk else "zh"))
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("bengbu-family-support")
    from ui.i18n import language
    from ui.qt_translations import install_qt_translations

    install_qt_translations(language())  # Qt's own words (message boxes, file and print dialogs) too
    notes: list[tuple] = [] if register_qt_font(app) else [("win_font_missing", "")]
    if config_problem and not kiosk:  # a kiosk's: for the administrator (exit dialog, stderr), not the visitor
        notes.append(("win_config_problem", config_problem))
    if args.kiosk_child:
        from ui.kiosk_child import run_child

        return run_child(app, settings, [config_problem] if config_problem else [])
    session = Session()
    if _headless(args) and kiosk and args.screenshot:
        from ui.kiosk_app import kiosk_screenshot

        return kiosk_screenshot(app, session, settings, args.screenshot, args.size, args.case, args.countdown)
    if _headless(args):
        return _run_headless(app, session, args)
    if kiosk:  # not reached by `--kiosk` itself (the supervisor above): a kiosk in this one process
        from ui.kiosk_app import build_kiosk_window

        window = build_kiosk_window(session, settings, admin_notes=[config_problem] if config_problem else [])
        window.showFullScreen()
    else:
        window = MainWindow(session)
        window.resize(*(args.size or _default_size(app)))
        window.files.ask_before_discarding = True
        window.show()
    after_first_paint(window, lambda: start_window(window, args, kiosk, notes))
    install_crash_guard(window, kiosk)
    return app.exec()


def start_window(window, args: argparse.Namespace, kiosk: bool, notes: list[tuple]) -> None:
    """Load the policy pack and what was asked for (a kiosk: a blank family; desktop: the case, else the example
    family). ``notes`` are (message key, detail) said at start — a missing font, a faulty kiosk.json — alongside
    whatever could not be loaded, in the message bar; nothing here ends the program."""
    from simulator import InputError, ParameterError
    from ui.crash_guard import data_dir

    session = window.session
    notes = list(notes)
    try:
        pack_problem = session.load_active_policy(data_dir())
    except (ParameterError, OSError) as e:
        window.show_policy_unavailable(getattr(e, "problems", None) or [str(e)])
        _say_notes(window, notes, kiosk)
        return
    if pack_problem:
        notes.append(("win_pack_installed_unusable", pack_problem))
    if kiosk:  # a kiosk opens no files: a blank family for the first visitor
        session.forget()
    else:
        for path, load in ((args.local, lambda p: _load_local(session, p)), (args.case, session.open)):
            if path:
                try:
                    load(path)
                except (InputError, ParameterError, OSError) as e:
                    problems = getattr(e, "problems", None) or [str(e)]
                    notes.append(("win_open_failed", "\n".join(problems), Path(path).name))
        if not session.ready:
            session.open_example()
        if args.compare:
            try:
                _load_compare(session, args.compare)
            except (InputError, ParameterError, OSError) as e:
                problems = getattr(e, "problems", None) or [str(e)]
                notes.append(("win_open_failed", "\n".join(problems), Path(args.compare).name))
    _say_notes(window, notes, kiosk)


def _say_notes(window, notes: list[tuple], kiosk: bool) -> None:
    from ui.i18n import tr

    if notes:
        def say() -> str:
            return "\n".join(tr(key, **({"file": more[0]} if more else {})) + ("\n" + detail if detail else "")
                             for key, detail, *more in notes)

        window.message_bar.show_message(say, "info" if kiosk else "error")


def _kiosk_config(args: argparse.Namespace):
    """The kiosk settings and what was wrong with their file. Without --kiosk and without a kiosk.json, nothing is
    imported (pydantic would slow the desktop window's start)."""
    if not args.kiosk and not args.config and not args.kiosk_child:
        beside = (Path(sys.executable).resolve().parent if getattr(sys, "frozen", False)
                  else Path(__file__).resolve().parent.parent) / "kiosk.json"  # ui.kiosk_config.default_config_path
        if not beside.exists():
            from types import SimpleNamespace

            return SimpleNamespace(kiosk=False, language="zh"), None
    from ui.kiosk_config import load_config

    loaded = load_config(args.config)
    return loaded.settings, loaded.problem


def after_first_paint(window, callback) -> None:
    """Run ``callback`` once the window has been painted for the first time, so loading the model (pydantic,
    the policy pack, the first simulation: ~0.3 s) never delays the first picture on screen."""
    from PySide6.QtCore import QEvent, QObject, QTimer

    class _FirstPaint(QObject):
        # the callback is kept on the instance, not in a closure: with PySide6 6.11 a closure over window or
        # callback here kept a closed window, and the family it computed, alive for good
        def eventFilter(self, obj, event) -> bool:
            if event.type() == QEvent.Type.Paint:
                obj.removeEventFilter(self)
                QTimer.singleShot(0, self.callback)
                self.callback = None
            return False

    window._first_paint = _FirstPaint(window)
    window._first_paint.callback = callback
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
    if args.handout and session.comparing:
        from ui.compare_handout import write_comparison_pdf

        write_comparison_pdf(args.handout, session.baseline, session.baseline_result, session.household,
                             session.result, language())
    elif args.handout:
        from ui.handout import write_handout_pdf

        timing = None
        if args.birth_timing:
            from ui.explorer_handout import birth_timing

            timing = birth_timing(session.household, session.params, language())
        write_handout_pdf(args.handout, session.household, session.result, language(),
                          local_names=tuple(session.result.local_parameters), birth_timing=timing)
    if not args.screenshot:  # (a handout alone: no window is made, let alone shown)
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


def install_crash_guard(window, kiosk: bool):
    """An error in a slot shows a calm message instead of ending the program, and the window goes back to a state
    that works: the last family that computed, or in a kiosk a blank one (see ui.crash_guard). Desktop mode
    records the error (without personal data) in the user's data folder; a kiosk on stderr only."""
    from ui.crash_guard import CrashGuard
    from ui.i18n import tr

    def notify() -> None:
        key = "kiosk_error" if window.kiosk is not None else "win_unexpected_error"
        window.message_bar.show_message(lambda: tr(key))

    from PySide6.QtCore import QTimer

    def next_turn(step) -> None:
        QTimer.singleShot(0, window, step)

    guard = CrashGuard(kiosk=kiosk, notify=notify, recover=window.recover_after_error, defer=next_turn)
    window.crash_guard = guard.install()
    return guard
