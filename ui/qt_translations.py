"""Qt's own words — the buttons of message boxes, the file and print dialogs, the text fields' context menus — in
the window's language, from the translations shipped with PySide6 (qtbase_zh_CN.qm in
``QLibraryInfo.path(TranslationsPath)``). Installed at start and again on every language switch.

That catalogue is older than the dialogs of Qt 6.11: it has "Look in:" where the file dialog now asks for "&Look
in:", and no word for a folder in the file list. What it lacks in the dialogs the window opens (found by recording
every string Qt's own file and print dialogs look up) comes from our texts (assets/i18n/qt.yaml), looked up before
the catalogue; every other string falls through to it."""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

log = logging.getLogger(__name__)
QT_CATALOGUES = ("qtbase",)  # message boxes, file/print/colour dialogs, line-edit menus, …
LOCALES = {"zh": QLocale(QLocale.Language.Chinese, QLocale.Script.SimplifiedChineseScript, QLocale.Country.China),
           "en": QLocale(QLocale.Language.English, QLocale.Country.UnitedStates)}
_installed: list[QTranslator] = []
# (context, source text, disambiguation) as Qt looks them up -> our text's key
MISSING = {
    ("QFileDialog", "&Look in:", None): "qt_look_in",
    ("QFileDialog", "Files of &type:", None): "qt_files_of_type",
    ("QAbstractFileIconProvider", "Folder", "All other platforms"): "qt_folder",
    ("QAbstractFileIconProvider", "Folder", "Match Windows Explorer"): "qt_folder",
    ("QAbstractFileIconProvider", "Folder", "Match OS X Finder"): "qt_folder",
    ("QAbstractFileIconProvider", "Drive", None): "qt_drive",
    ("QAbstractFileIconProvider", "File", None): "qt_file",
    ("QAbstractFileIconProvider", "%1 File", None): "qt_typed_file",
    ("QPrintSettingsOutput", "Page &Set:", None): "qt_page_set",
}


class _MissingWords(QTranslator):
    """Our words for what the Qt catalogue lacks; None (not found: the next catalogue is asked) for the rest."""

    def __init__(self, lang: str, parent=None):
        super().__init__(parent)
        self.lang = lang

    def translate(self, context: str, source: str, disambiguation: str | None = None, n: int = -1) -> str | None:
        key = MISSING.get((context, source, disambiguation or None))
        if key is None:
            return None  # a null string: Qt goes on to qtbase's catalogue ("" would be taken as the translation)
        from ui.i18n import tr

        try:
            return tr(key, self.lang)
        except (KeyError, OSError, ValueError):  # our texts unreadable: Qt's English rather than no word at all
            log.warning("no text %s for Qt's %r", key, source)
            return None

    def isEmpty(self) -> bool:
        return False


def install_qt_translations(lang: str) -> bool:
    """Qt's strings (and its default locale: dates in the file dialog, the calendar) in ``lang``; English is Qt's
    own, so it needs no file. False when a Chinese catalogue could not be read (Qt then stays English)."""
    app = QCoreApplication.instance()
    for translator in _installed:
        if app is not None:
            app.removeTranslator(translator)
    _installed.clear()
    QLocale.setDefault(LOCALES[lang])
    if lang == "en" or app is None:
        return True
    folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    ok = True
    for name in QT_CATALOGUES:
        translator = QTranslator(app)
        if translator.load(LOCALES[lang], name, "_", folder):
            app.installTranslator(translator)
            _installed.append(translator)
        else:
            log.warning("Qt translation %s for %s not found in %s", name, lang, folder)
            ok = False
    missing = _MissingWords(lang, app)  # installed last: asked first
    app.installTranslator(missing)
    _installed.append(missing)
    return ok
