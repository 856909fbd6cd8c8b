"""The main window's actions, menus and tool bar, each with its shortcut and translated text.

A kiosk window gets only the actions that touch neither the file system nor another program (KIOSK_SAFE), and
no menu bar or tool bar at all; the rest are added when an administrator leaves kiosk mode."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMenu, QStyle, QToolBar

from ui.i18n import language, tr

SP = QStyle.StandardPixmap
# name: (shortcuts, standard icon or None, checkable). None may be a key a text field uses (on Linux Qt's
# fields take Ctrl+E to the line's end, Ctrl+D to delete, Ctrl+K, Ctrl+U): tests/test_ui_keyboard.py checks.
SPECS: dict[str, tuple[tuple, SP | None, bool]] = {
    "new": ((QKeySequence.StandardKey.New,), SP.SP_FileIcon, False),
    "open": ((QKeySequence.StandardKey.Open,), SP.SP_DialogOpenButton, False),
    "save": ((QKeySequence.StandardKey.Save,), SP.SP_DialogSaveButton, False),
    "save_as": ((QKeySequence.StandardKey.SaveAs,), None, False),
    "export_pdf": (("Ctrl+Shift+E",), SP.SP_FileDialogDetailedView, False),
    "print": ((QKeySequence.StandardKey.Print,), None, False),
    "export_csv": (("Ctrl+Shift+C",), None, False),
    "local_figures": (("Ctrl+L",), SP.SP_FileDialogContentsView, False),
    "policy_pack": ((), None, False),
    "quit": ((QKeySequence.StandardKey.Quit,), None, False),
    "compare": (("Ctrl+Shift+D",), SP.SP_BrowserReload, True),
    "zoom_in": (("Ctrl+=", "Ctrl++"), None, False),
    "zoom_out": (("Ctrl+-",), None, False),
    "zoom_reset": (("Ctrl+0",), None, False),
    "lang_zh": ((), None, True),
    "lang_en": ((), None, True),
    "lang_toggle": (("Ctrl+Shift+L",), None, False),
}
MENUS = {
    "file": ("new", "open", "save", "save_as", None, "export_pdf", "print", "export_csv", None, "local_figures", "policy_pack",
             None, "quit"),
    "view": ("compare", None, "zoom_in", "zoom_out", "zoom_reset"),
    "language": ("lang_zh", "lang_en"),
}
TOOLBAR = ("new", "open", "save", None, "compare", None, "export_pdf", "local_figures", None, "lang_toggle", None,
           "zoom_out", "zoom_in")
# Nothing here opens a file dialog, writes a file, prints or quits.
KIOSK_SAFE = ("compare", "zoom_in", "zoom_out", "zoom_reset", "lang_zh", "lang_en", "lang_toggle")


class WindowActions:
    def __init__(self, window: QMainWindow, kiosk: bool = False):
        self.window = window
        self.actions: dict[str, QAction] = {}
        self.menus: dict[str, QMenu] = {}
        self.toolbar: QToolBar | None = None
        self._add(KIOSK_SAFE)
        group = QActionGroup(window)
        for name in ("lang_zh", "lang_en"):
            group.addAction(self.actions[name])
        self.actions["lang_" + language()].setChecked(True)
        if not kiosk:
            self.add_desktop()

    def _add(self, names: tuple[str, ...]) -> None:
        style = self.window.style()
        for name in names:
            keys, icon, checkable = SPECS[name]
            action = QAction(self.window)
            if icon is not None:
                action.setIcon(style.standardIcon(icon))
            if keys:
                action.setShortcuts([QKeySequence(k) for k in keys])
            action.setCheckable(checkable)
            self.window.addAction(action)  # shortcuts work even when the menu bar is hidden
            self.actions[name] = action

    def add_desktop(self) -> tuple[str, ...]:
        """The file tools, the menus and the tool bar; returns the names of the actions added."""
        if self.toolbar is not None:
            return ()
        added = tuple(n for n in SPECS if n not in self.actions)
        self._add(added)
        window = self.window
        for menu_name, items in MENUS.items():
            menu = window.menuBar().addMenu("")
            for item in items:
                menu.addSeparator() if item is None else menu.addAction(self.actions[item])
            self.menus[menu_name] = menu
        self.toolbar = QToolBar(window)
        self.toolbar.setObjectName("main_toolbar")
        self.toolbar.setMovable(False)
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        for item in TOOLBAR:
            self.toolbar.addSeparator() if item is None else self.toolbar.addAction(self.actions[item])
        window.addToolBar(self.toolbar)
        self.retranslate()
        return added

    def __getitem__(self, name: str) -> QAction:
        return self.actions[name]

    def retranslate(self) -> None:
        for name, action in self.actions.items():
            action.setText(tr("win_act_" + name))
            shortcut = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
            tip = tr("win_tip_act_" + name)
            action.setToolTip(f"{tip} ({shortcut})" if shortcut else tip)
            action.setStatusTip(tip)
        self.actions["lang_" + language()].setChecked(True)
        for name, menu in self.menus.items():
            menu.setTitle(tr("win_menu_" + name))
        if self.toolbar is not None:
            self.toolbar.setWindowTitle(tr("win_toolbar"))
