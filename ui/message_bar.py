"""A calm message across the window — what went wrong opening a file, or that it was saved — instead of a modal
box that a kiosk visitor would have to find and dismiss.

Floated over the bottom of the window (``float_over``), it never pushes the form or the results away from under
the pointer when it comes or goes. A note that all went well ("saved") goes away by itself; a problem stays
until it is closed or the next message replaces it. Either is announced to a screen reader as an alert."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtGui import QAccessible, QAccessibleEvent
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QToolButton, QWidget

from ui.i18n import tr

STYLES = {
    "error": "QFrame#bar { background: #fdecea; border: 1px solid #e57373; border-radius: 4px; } QLabel { color: #7f1d1d; }",
    "info": "QFrame#bar { background: #e8f5e9; border: 1px solid #81c784; border-radius: 4px; } QLabel { color: #1b5e20; }",
}
INFO_MS = 6000  # how long a good-news note stays: a UI timing, not a policy figure
MARGIN = 8


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
        self._host: QWidget | None = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(INFO_MS)
        self._timer.timeout.connect(self._on_timeout)
        self.hide()
        self.retranslate()

    def float_over(self, host: QWidget) -> None:
        """Show over the bottom of ``host`` instead of taking a place in its layout."""
        self._host = host
        self.setParent(host)
        host.installEventFilter(self)
        self.hide()

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if obj is self._host and event.type() in (QEvent.Type.Resize, QEvent.Type.LayoutRequest):
            self._place()
        return False

    def _place(self) -> None:
        host = self._host
        if host is None:
            return
        width = max(host.width() - 2 * MARGIN, 100)
        height = self.heightForWidth(width) if self.hasHeightForWidth() else self.sizeHint().height()
        height = max(height, self.sizeHint().height())
        self.setGeometry(MARGIN, max(host.height() - height - MARGIN, 0), width, height)
        self.raise_()

    def _on_timeout(self) -> None:
        self.hide()

    def _on_close_clicked(self) -> None:
        self._timer.stop()
        self.hide()

    def show_message(self, text: str | Callable[[], str], kind: str = "error") -> None:
        """``text`` may be a function, so the message is said again in the new language after a switch."""
        self._text = text
        self.setStyleSheet(STYLES[kind])
        self._render()
        self.show()
        self._place()
        if kind == "info":
            self._timer.start()
        else:
            self._timer.stop()
        QAccessible.updateAccessibility(QAccessibleEvent(self, QAccessible.Event.Alert))

    def _render(self) -> None:
        text = self._text() if callable(self._text) else self._text
        self.label.setText(text)
        self.setAccessibleName(text)
        if self.isVisible():
            self._place()

    def clear(self) -> None:
        """Hide the message and forget it (the kiosk's start over leaves no trace of the last visitor)."""
        self._text = ""
        self.label.clear()
        self.setAccessibleName("")
        self._timer.stop()
        self.hide()

    def text(self) -> str:
        return self.label.text() if self.isVisible() else ""

    def retranslate(self) -> None:
        self.close_button.setToolTip(tr("win_close_message"))
        self.close_button.setAccessibleName(tr("win_close_message"))
        if self._text:
            self._render()
