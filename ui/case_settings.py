"""What the desktop window remembers between runs for a counselor: the folder last used in a file dialog and the
case files opened or saved lately. Kept with QSettings in an INI file in the user's data folder
(``settings.ini`` beside ``errors.log``).

A kiosk remembers nothing: ``CaseSettings(enabled=False)`` never reads or writes the file (the next visitor
must not see the last one's file names, and a kiosk writes nothing to disk)."""

from __future__ import annotations

import json
from pathlib import Path

RECENT_MAX = 8  # entries in File › Open recent: a UI choice
SETTINGS_FILE = "settings.ini"


class CaseSettings:
    def __init__(self, enabled: bool = True, folder: Path | None = None):
        self.enabled = enabled
        self._folder = folder
        self._settings = None

    def _store(self):
        """The QSettings, made on first use (no file is touched before something is remembered or read)."""
        if self._settings is None:
            from PySide6.QtCore import QSettings

            from ui.crash_guard import data_dir

            path = (self._folder or data_dir()) / SETTINGS_FILE
            self._settings = QSettings(str(path), QSettings.Format.IniFormat)
        return self._settings

    @property
    def path(self) -> Path | None:
        return Path(self._store().fileName()) if self.enabled else None

    # -- the last folder -------------------------------------------------------------------------------------
    def last_folder(self) -> str:
        """The folder of the file last opened or saved through a dialog, if it still exists; else ''."""
        if not self.enabled:
            return ""
        folder = self._store().value("files/last_folder", "")
        return folder if isinstance(folder, str) and folder and Path(folder).is_dir() else ""

    def remember_folder(self, path: str | Path) -> None:
        if self.enabled:
            self._store().setValue("files/last_folder", str(Path(path).resolve().parent))
            self._store().sync()

    # -- recent case files -----------------------------------------------------------------------------------
    def recent(self) -> list[str]:
        """Case files opened or saved lately, newest first (a list a hand-edited file spoiled reads as empty)."""
        if not self.enabled:
            return []
        try:
            items = json.loads(self._store().value("files/recent", "[]"))
        except (TypeError, ValueError):
            return []
        return [p for p in items if isinstance(p, str)][:RECENT_MAX] if isinstance(items, list) else []

    def _set_recent(self, items: list[str]) -> None:
        self._store().setValue("files/recent", json.dumps(items[:RECENT_MAX], ensure_ascii=False))
        self._store().sync()

    def add_recent(self, path: str | Path) -> None:
        if self.enabled:
            full = str(Path(path).resolve())
            self._set_recent([full] + [p for p in self.recent() if p != full])

    def remove_recent(self, path: str | Path) -> None:
        if self.enabled:
            self._set_recent([p for p in self.recent() if p != str(path)])

    def clear_recent(self) -> None:
        if self.enabled:
            self._set_recent([])
