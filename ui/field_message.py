"""The line under a form field that says what is wrong with it.

Its line is kept even while there is nothing to say, so a message appearing or going never moves the fields
below it (the next click lands where the person aimed). A message longer than the line is shortened with "…";
the whole of it is the label's tooltip and the field's accessible description.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QSize, Qt
from PySide6.QtWidgets import QLabel, QSizePolicy, QWidget

MESSAGE_STYLE = "color: #b71c1c;"  # 5.6:1 on white


class FieldMessage(QLabel):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._full = ""
        self.setStyleSheet(MESSAGE_STYLE)
        self.setTextFormat(Qt.TextFormat.PlainText)
        policy = self.sizePolicy()
        policy.setRetainSizeWhenHidden(True)
        policy.setHorizontalPolicy(QSizePolicy.Policy.Ignored)  # never widens the form
        self.setSizePolicy(policy)
        self.hide()

    def sizeHint(self) -> QSize:  # one line, with or without a message: the same height either way
        return QSize(0, self.fontMetrics().height() + 2)

    def minimumSizeHint(self) -> QSize:
        return self.sizeHint()

    def set_message(self, message: str | None) -> None:
        self._full = message or ""
        self.setToolTip(self._full)
        self._fit()
        self.setVisible(bool(self._full))

    def text(self) -> str:  # the whole message, not what fits
        return self._full

    def shown_text(self) -> str:
        return super().text()

    def _fit(self) -> None:
        width = max(self.width(), 1)
        super().setText(self.fontMetrics().elidedText(self._full, Qt.TextElideMode.ElideRight, width))

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._fit()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            self._fit()
