"""The File menu's work for a counselor: new, open, save, export the handout or the lines, print, load a policy
pack — each saying in the window's message bar what happened. Opening a bad or newer-version file, or an invalid
policy pack, changes nothing."""

from __future__ import annotations

import datetime as dt
import re
import threading
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QWidget

from ui.case_settings import CaseSettings
from ui.i18n import LANGUAGES, language, tr
from ui.message_bar import MessageBar
from ui.session import Session


class _PackInstaller(QObject):
    """Checks and installs a policy pack on a worker thread (it reads every file and computes the example family:
    up to a second on a slow machine); ``finished`` is emitted on the GUI thread."""

    finished = Signal(str, object, object)  # the zip's name, the new ParameterSet or None, the problems or None
    _done = Signal(str, object, object)     # from the worker; queued to the GUI thread, where this object lives

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._done.connect(self._on_done)

    def start(self, path: str, data_dir: Path) -> None:
        threading.Thread(target=self._run, args=(path, data_dir), name="policy-pack", daemon=True).start()

    def _on_done(self, name: str, params, problems) -> None:
        self.finished.emit(name, params, problems)

    def _run(self, path: str, data_dir: Path) -> None:
        from simulator import ParameterError
        from simulator.policy_pack import install_pack

        name = Path(path).name
        try:
            params = install_pack(path, data_dir)
        except ParameterError as e:  # said in both languages: the window may switch while it shows
            self._done.emit(name, None, {lang: list(lines) for lang, lines in e.in_language.items()})
        except OSError as e:
            self._done.emit(name, None, {lang: [tr("win_pack_io_error", lang, error=e)] for lang in LANGUAGES})
        except Exception as e:  # a pack must never take the window down; say what kind of fault it was
            self._done.emit(name, None, {lang: [tr("win_pack_check_error", lang, error=type(e).__name__)]
                                         for lang in LANGUAGES})
        else:
            self._done.emit(name, params, None)


# Characters a file name cannot hold on Windows or Linux, replaced in a name made from the family's label.
UNSAFE_NAME = re.compile(r'[\\/:*?"<>|\x00-\x1f]+')


def default_file_name(label: str | None, on: dt.date, fallback: str, suffix: str) -> str:
    """'王家-2026-12-03.json' from the family's label and the date; without a label, ``fallback``."""
    stem = UNSAFE_NAME.sub("_", label or "").strip(" ._")
    return f"{stem}-{on.isoformat()}{suffix}" if stem else fallback


class CaseFiles:
    def __init__(self, window: QWidget, session: Session, message_bar: MessageBar, remember: bool = True):
        self.window, self.session, self.bar = window, session, message_bar
        self.ask_before_discarding = False  # the app turns this on; tests and kiosks have nobody to ask
        self.settings = CaseSettings(enabled=remember)  # a kiosk remembers no folder and no file
        self.ask = self._ask_yes_no  # (message) -> bool; tests answer for the person
        self._stamp: tuple | None = None  # (path, mtime_ns, size) of the case file as last read or written
        session.loaded.connect(self._on_loaded)
        self.installer = _PackInstaller(window)
        self.installer.finished.connect(self._on_pack_finished)
        self.installing = False

    # -- the work, without dialogs (what tests and the command line call) -----------------------------------
    def open_case(self, path: str | Path) -> bool:
        from simulator import InputError

        try:
            self.session.open(path)
        except InputError as e:
            name, problems = Path(path).name, e.problems
            self.bar.show_message(lambda: tr("win_open_failed", file=name) + "\n" + "\n".join(problems))
            return False
        self.bar.hide()
        self.settings.add_recent(path)
        return True

    def _on_loaded(self) -> None:
        self._stamp = _stamp(self.session.path)

    def changed_on_disk(self) -> bool:
        """The case file was changed (or replaced) by someone else since this window read or wrote it."""
        path = self.session.path
        return path is not None and self._stamp is not None and path.exists() and _stamp(path) != self._stamp

    def refused(self, key: str) -> bool:
        """While a field is wrong or half-typed, the figures on screen are not those of the form: saving, exporting
        and printing (``key``: win_refuse_save/_export/_print) are refused, and the message bar says which field."""
        if self.session.refusal(key) is None:
            return False
        self.bar.show_message(lambda: self.session.refusal(key) or "")
        return True

    def save_case(self, path: str | Path | None = None) -> bool:
        """Save to ``path`` (default: the case's own file). Refused while a field is wrong; writing over the
        case's file after someone else changed it asks first; so does writing over another existing file the
        person was not asked about."""
        if self.refused("win_refuse_save"):
            return False
        target = Path(path) if path else self.session.path
        if (target is not None and target == self.session.path and self.changed_on_disk()
                and not self.ask(tr("win_changed_on_disk", file=target.name))):
            return False
        try:
            target = self.session.save(path)
        except OSError as e:
            error = str(e)
            self.bar.show_message(lambda: tr("win_save_failed", error=error))
            return False
        self._stamp = _stamp(target)
        self.settings.add_recent(target)
        self.bar.show_message(lambda: tr("win_saved", file=target.name), "info")
        return True

    def export(self, path: str | Path, kind: str) -> bool:
        s = self.session
        if self.refused("win_refuse_export"):
            return False
        try:
            if kind == "handout" and s.comparing:  # A, B and the difference side by side
                from ui.compare_handout import write_comparison_pdf

                write_comparison_pdf(path, s.baseline, s.baseline_result, s.household, s.result, language())
            elif kind == "handout":
                from ui.handout import write_handout_pdf

                write_handout_pdf(path, s.household, s.result, language(), local_names=tuple(s.result.local_parameters),
                                  birth_timing=self._birth_timing())
            elif s.comparing:  # A, B and the difference by category and year, as the printed comparison
                from ui.compare_export import write_comparison_csv

                write_comparison_csv(path, s.baseline_result, s.result, language())
            else:
                from ui.export import write_lines_csv

                write_lines_csv(path, s.result, language())
        except (OSError, ImportError) as e:
            error = str(e)
            self.bar.show_message(lambda: tr("win_export_failed", error=error))
            return False
        self.bar.show_message(lambda: tr("win_exported", file=Path(path).name), "info")
        return True

    def load_policy_pack(self, path: str | Path, data_dir: Path | None = None) -> None:
        """Check and install a policy pack in the background; the message bar says how it went."""
        from ui.crash_guard import data_dir as user_data_dir

        if self.installing:
            return
        self.installing = True
        name = Path(path).name
        self.bar.show_message(lambda: tr("win_pack_checking", file=name), "info")
        self.installer.start(str(path), data_dir or user_data_dir())

    def _on_pack_finished(self, name: str, params, problems) -> None:
        self.installing = False
        if params is None:
            self.bar.show_message(lambda: tr("win_pack_invalid", file=name) + "\n" + "\n".join(problems[language()]))
            return
        self.session.use_policy(params)
        date = params.pack_date.isoformat()
        self.bar.show_message(lambda: tr("win_pack_loaded", file=name, date=date), "info")

    def confirm_discard(self) -> bool:
        """True when it is fine to replace the current family (saved, or the person said so)."""
        if not self.ask_before_discarding or not self.session.modified:
            return True
        from PySide6.QtWidgets import QMessageBox

        buttons = QMessageBox.StandardButton
        answer = QMessageBox.question(self.window, tr("win_title"), tr("win_unsaved"),
                                      buttons.Save | buttons.Discard | buttons.Cancel)
        if answer == buttons.Save:
            return self.on_save()
        return answer == buttons.Discard

    # -- menu actions, with their dialogs -------------------------------------------------------------------
    def default_name(self, name_key: str, suffix: str) -> str:
        h = self.session.household
        label = h.label if h is not None else None
        on = h.today if h is not None else dt.date.today()
        return default_file_name(label, on, tr(name_key), suffix)

    def _ask_path(self, save: bool, title_key: str, name_key: str, file_filter: str, suffix: str = "") -> str:
        """A file dialog that opens in the last folder used and remembers the one chosen. A name typed without
        its suffix gets it; if that makes it another existing file, which the dialog did not ask about, the
        person is asked before it is written over."""
        from PySide6.QtWidgets import QFileDialog

        folder = self.settings.last_folder()
        if save:
            start = str(Path(folder) / self.default_name(name_key, suffix)) if folder else self.default_name(name_key,
                                                                                                              suffix)
            path, _ = QFileDialog.getSaveFileName(self.window, tr(title_key), start, file_filter)
            if path and suffix and not path.lower().endswith(suffix):
                path += suffix
                if Path(path).exists() and not self.ask(tr("win_overwrite", file=Path(path).name)):
                    return ""
        else:
            path, _ = QFileDialog.getOpenFileName(self.window, tr(title_key), folder, file_filter)
        if path:
            self.settings.remember_folder(path)
        return path

    def _ask_yes_no(self, message: str) -> bool:
        from PySide6.QtWidgets import QMessageBox

        buttons = QMessageBox.StandardButton
        return QMessageBox.question(self.window, tr("win_title"), message, buttons.Yes | buttons.No,
                                    buttons.No) == buttons.Yes

    def open_recent(self, path: str) -> bool:
        """File › Open recent: a file that has gone is said so and taken off the list."""
        if not self.confirm_discard():
            return False
        if not Path(path).is_file():
            self.settings.remove_recent(path)
            name = Path(path).name
            self.bar.show_message(lambda: tr("win_recent_missing", file=name))
            return False
        return self.open_case(path)

    def on_new(self) -> None:
        if self.confirm_discard():
            self.session.new()
            self.bar.hide()

    def on_open(self) -> None:
        if self.confirm_discard():
            path = self._ask_path(False, "win_act_open", "", tr("win_case_filter"))
            if path:
                self.open_case(path)

    def on_save(self) -> bool:
        return self.save_case() if self.session.path else self.on_save_as()

    def on_save_as(self) -> bool:
        if self.refused("win_refuse_save"):  # before asking for a file name
            return False
        path = self._ask_path(True, "win_act_save_as", "win_default_case_name", tr("win_case_filter"), ".json")
        return self.save_case(path) if path else False

    def on_export_pdf(self) -> None:
        if self.refused("win_refuse_export"):
            return
        path = self._ask_path(True, "win_act_export_pdf", "win_default_pdf_name", "PDF (*.pdf)", ".pdf")
        if path:
            self.export(path, "handout")

    def on_export_csv(self) -> None:
        if self.refused("win_refuse_export"):
            return
        path = self._ask_path(True, "win_act_export_csv", "win_default_csv_name", "CSV (*.csv)", ".csv")
        if path:
            self.export(path, "csv")

    def on_load_policy_pack(self) -> None:
        path = self._ask_path(False, "win_act_policy_pack", "", tr("win_pack_filter"))
        if path:
            self.load_policy_pack(path)

    def on_print(self) -> None:
        from PySide6.QtPrintSupport import QPrintDialog, QPrinter

        from ui.handout import build_handout_document

        if self.refused("win_refuse_print"):
            return
        s = self.session
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        if QPrintDialog(printer, self.window).exec():
            if s.comparing:
                from ui.compare_handout import print_comparison

                print_comparison(printer, s.baseline, s.baseline_result, s.household, s.result, language())
            else:
                build_handout_document(s.household, s.result, language(),
                                       birth_timing=self._birth_timing()).print_(printer)

    def _birth_timing(self):
        """The birth-timing chart for the handout, when the "what if" tab's box asks for it."""
        explorer = getattr(self.window, "explorer", None)
        return explorer.handout_section() if explorer is not None else None


def _stamp(path: Path | None) -> tuple | None:
    try:
        st = path.stat() if path is not None else None
    except OSError:
        return None
    return None if st is None else (str(path), st.st_mtime_ns, st.st_size)
