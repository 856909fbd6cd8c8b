"""The kiosk's on-screen keypad: a touch-only kiosk has no keyboard, so a figure or a date (2023.5.17) is typed
here — digits, the decimal point, delete and OK, every key at least KEY_PX square.

The keypad is a panel inside the window (not a popup, not a window of its own): the countdown covers it, the
start over closes it. Its keys never take the focus; each one reaches the field as the key press a keyboard
would send, so the field reacts exactly as to typing (its own checks, undo, the model's message).
"""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QEvent, QPoint, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QFrame, QGridLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from ui.i18n import tr

KEY_PX = 64
KEYPAD_STYLE = f"""
QFrame#kiosk_keypad {{ background: #eceff1; border: 2px solid #546e7a; border-radius: 12px; }}
QLabel#kiosk_keypad_title {{ color: #102027; font-weight: bold; }}
QPushButton {{ min-width: {KEY_PX}px; min-height: {KEY_PX}px; font-size: 20pt; background: white; color: #102027;
              border: 2px solid #78909c; border-radius: 8px; padding: 0; }}
QPushButton:pressed {{ background: #cfd8dc; }}
QPushButton#kiosk_keypad_ok {{ background: #1565c0; color: white; border: none; font-weight: bold; }}
QPushButton#kiosk_keypad_delete {{ font-size: 16pt; }}
"""
KEYS = (("7", "8", "9"), ("4", "5", "6"), ("1", "2", "3"), (".", "0", "delete"))
_QT_KEY = {str(d): getattr(Qt.Key, f"Key_{d}") for d in range(10)} | {".": Qt.Key.Key_Period}


class Keypad(QFrame):
    def __init__(self, window: QWidget):
        super().__init__(window)
        self.setObjectName("kiosk_keypad")
        self.setStyleSheet(KEYPAD_STYLE)
        self.target: QLineEdit | None = None
        self.title = QLabel(objectName="kiosk_keypad_title")
        self.title.setWordWrap(True)
        grid = QGridLayout()
        grid.setSpacing(8)
        self.keys: dict[str, QPushButton] = {}
        for r, row in enumerate(KEYS):
            for c, key in enumerate(row):
                button = QPushButton(key if key != "delete" else "")
                if key == "delete":
                    button.setObjectName("kiosk_keypad_delete")
                button.clicked.connect(lambda _=False, k=key: self.press(k))
                grid.addWidget(button, r, c)
                self.keys[key] = button
        self.ok = QPushButton(objectName="kiosk_keypad_ok")
        self.ok.clicked.connect(self.finish)
        grid.addWidget(self.ok, len(KEYS), 0, 1, 3)
        self.keys["ok"] = self.ok
        for button in self.keys.values():
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the cursor stays in the field
            button.setAutoRepeat(button is self.keys["delete"])
        box = QVBoxLayout(self)
        box.setContentsMargins(14, 10, 14, 14)
        box.setSpacing(8)
        box.addWidget(self.title)
        box.addLayout(grid)
        self.hide()
        self.retranslate()

    def open_for(self, edit: QLineEdit) -> None:
        """Show the keypad beside ``edit`` (which keeps the focus); its text selected, so the first key replaces it."""
        self.target = edit
        # its row removed (a child taken out) while the keypad is up
        edit.destroyed.connect(self.close_keypad, Qt.ConnectionType.UniqueConnection)
        self.title.setText(edit.accessibleName())
        edit.setFocus(Qt.FocusReason.MouseFocusReason)
        edit.selectAll()
        self.adjustSize()
        self._place(edit)
        self.show()
        self.raise_()

    def _place(self, edit: QLineEdit) -> None:
        """To the right of the field if there is room, else to its left; as high as the field, within the window."""
        window = self.parentWidget()
        top_left = edit.mapTo(window, QPoint(0, 0))
        x = top_left.x() + edit.width() + 12
        if x + self.width() > window.width():
            x = max(0, top_left.x() - self.width() - 12)
        y = min(max(0, top_left.y() - self.height() // 3), max(0, window.height() - self.height()))
        self.move(x, y)

    def _live_target(self) -> QLineEdit | None:
        if self.target is not None and not shiboken6.isValid(self.target):
            self.close_keypad()
        return self.target

    def press(self, key: str) -> None:
        edit = self._live_target()
        if edit is None:
            return
        if key == "delete":
            self._send(edit, Qt.Key.Key_Backspace, "")
        else:
            self._send(edit, _QT_KEY[key], key)

    @staticmethod
    def _send(edit: QLineEdit, key: Qt.Key, text: str) -> None:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(edit, QKeyEvent(kind, key, Qt.KeyboardModifier.NoModifier, text))

    def finish(self) -> None:
        """OK: the field gets Enter (as from a keyboard) and the keypad closes."""
        edit = self._live_target()
        if edit is not None:
            self._send(edit, Qt.Key.Key_Return, "\r")
            edit.deselect()
        self.close_keypad()

    def close_keypad(self, *_destroyed) -> None:
        self.hide()
        self.target = None

    def retranslate(self) -> None:
        self.ok.setText(tr("kiosk_keypad_ok"))
        self.ok.setAccessibleName(tr("kiosk_keypad_ok"))
        self.keys["delete"].setText(tr("kiosk_keypad_delete"))
        self.keys["delete"].setAccessibleName(tr("kiosk_keypad_delete"))
        self.keys["."].setAccessibleName(tr("kiosk_keypad_point"))
        if self._live_target() is not None:
            self.title.setText(self.target.accessibleName())
