"""The File menu's work for a counselor: new, open, save, export the handout or the lines, print — each
saying in the window's message bar what happened. Opening a bad or newer-version file changes nothing."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QWidget

from ui.i18n import language, tr
from ui.message_bar import MessageBar
from ui.session import Session


class CaseFiles:
    def __init__(self, window: QWidget, session: Session, message_bar: MessageBar):
        self.window, self.session, self.bar = window, session, message_bar
        self.ask_before_discarding = False  # the app turns this on; tests and kiosks have nobody to ask

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
        return True

    def save_case(self, path: str | Path | None = None) -> bool:
        try:
            target = self.session.save(path)
        except OSError as e:
            error = str(e)
            self.bar.show_message(lambda: tr("win_save_failed", error=error))
            return False
        self.bar.show_message(lambda: tr("win_saved", file=target.name), "info")
        return True

    def export(self, path: str | Path, kind: str) -> bool:
        s = self.session
        try:
            if kind == "handout":
                from ui.handout import write_handout_pdf

                write_handout_pdf(path, s.household, s.result, language(), local_names=tuple(s.result.local_parameters))
            else:
                from ui.export import write_lines_csv

                write_lines_csv(path, s.result, language())
        except (OSError, ImportError) as e:
            error = str(e)
            self.bar.show_message(lambda: tr("win_export_failed", error=error))
            return False
        self.bar.show_message(lambda: tr("win_exported", file=Path(path).name), "info")
        return True

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
    def _ask_path(self, save: bool, title_key: str, name_key: str, file_filter: str) -> str:
        from PySide6.QtWidgets import QFileDialog

        if save:
            path, _ = QFileDialog.getSaveFileName(self.window, tr(title_key), tr(name_key) if name_key else "", file_filter)
        else:
            path, _ = QFileDialog.getOpenFileName(self.window, tr(title_key), "", file_filter)
        return path

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
        path = self._ask_path(True, "win_act_save_as", "win_default_case_name", tr("win_case_filter"))
        return self.save_case(path) if path else False

    def on_export_pdf(self) -> None:
        path = self._ask_path(True, "win_act_export_pdf", "win_default_pdf_name", "PDF (*.pdf)")
        if path:
            self.export(path, "handout")

    def on_export_csv(self) -> None:
        path = self._ask_path(True, "win_act_export_csv", "win_default_csv_name", "CSV (*.csv)")
        if path:
            self.export(path, "csv")

    def on_print(self) -> None:
        from PySide6.QtPrintSupport import QPrintDialog, QPrinter

        from ui.handout import build_handout_document

        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        if QPrintDialog(printer, self.window).exec():
            build_handout_document(self.session.household, self.session.result, language()).print_(printer)
