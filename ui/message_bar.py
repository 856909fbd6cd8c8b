"""A calm message across the top of the window — what went wrong opening a file, or that it was saved —
instead of a modal box that a kiosk visitor would have to find and dismiss."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QToolButton, QWidget

from ui.i18n import tr

STYLES = {
    "error": "QFrame#bar { background: #fdecea; border: 1px solid #e57373; border-radius: 4px; } QLabel { color: #7f1d1d; }",
    "info": "QFrame#bar { background: #e8f5e9; border: 1px solid #81c784; border-radius: 4px; } QLabel { color: #1b5e20; }",
}


class MessageBar(QFrame):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("bar")
        self._text: str | Callable[[], str] = ""
        self.label = QLabel(self)
        self.label.setWordWrap(True)
        self.close_button = QToolButton(self)
        self.close_button.setText("×")
        row = QHBoxLayout(self)
        row.setContentsMargins(8, 4, 4, 4)
        row.addWidget(self.label, 1)
        row.addWidget(self.close_button)
        self.close_button.clicked.connect(self._on_close_clicked)
        self.hide()
        self.retranslate()

    def _on_close_clicked(self) -> None:
        self.hide()

    def show_message(self, text: str | Callable[[], str], kind: str = "error") -> None:
        """``text`` may be a function, so the message is said again in the new language after a switch."""
        self._text = text
        self.setStyleSheet(STYLES[kind])
        self._render()
        self.show()

    def _render(self) -> None:
        text = self._text() if callable(self._text) else self._text
        self.label.setText(text)
        self.setAccessibleName(text)

    def clear(self) -> None:
        """Hide the message and forget it (the kiosk's start over leaves no trace of the last visitor)."""
        self._text = ""
        self.label.clear()
        self.setAccessibleName("")
        self.hide()

    def text(self) -> str:
        return self.label.text() if self.isVisible() else ""

    def retranslate(self) -> None:
        self.close_button.setToolTip(tr("win_close_message"))
        self.close_button.setAccessibleName(tr("win_close_message"))
        if self._text:
            self._render()
