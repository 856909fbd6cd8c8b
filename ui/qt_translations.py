"""Qt's own words — the buttons of message boxes, the file and print dialogs, the text fields' context menus — in
the window's language, from the translations shipped with PySide6 (qtbase_zh_CN.qm in
``QLibraryInfo.path(TranslationsPath)``). Installed at start and again on every language switch."""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

log = logging.getLogger(__name__)
QT_CATALOGUES = ("qtbase",)  # message boxes, file/print/colour dialogs, line-edit menus, …
LOCALES = {"zh": QLocale(QLocale.Language.Chinese, QLocale.Script.SimplifiedChineseScript, QLocale.Country.China),
           "en": QLocale(QLocale.Language.English, QLocale.Country.UnitedStates)}
_installed: list[QTranslator] = []


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
    return ok
