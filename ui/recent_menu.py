"""File › Open recent: the case files opened or saved lately (ui.case_settings), newest first."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QMenu, QWidget

from ui.case_files import CaseFiles
from ui.i18n import tr


class RecentMenu(QMenu):
    def __init__(self, files: CaseFiles, parent: QWidget | None = None):
        super().__init__(parent)
        self.files = files
        self.aboutToShow.connect(self.refill)
        self.retranslate()
        self.refill()

    def refill(self) -> None:
        self.clear()
        recent = self.files.settings.recent()
        for n, path in enumerate(recent, start=1):
            action = self.addAction(f"&{n} {Path(path).name}" if n < 10 else Path(path).name)
            action.setToolTip(path)
            action.setStatusTip(path)
            action.setData(path)
            action.triggered.connect(self._on_open)
        if not recent:
            self.addAction(tr("win_recent_none")).setEnabled(False)
            return
        self.addSeparator()
        self.addAction(tr("win_recent_clear")).triggered.connect(self._on_clear)

    def _on_open(self) -> None:
        self.files.open_recent(self.sender().data())

    def _on_clear(self) -> None:
        self.files.settings.clear_recent()
        self.refill()

    def retranslate(self) -> None:
        self.setTitle(tr("win_menu_recent"))
        self.refill()
