"""The welcome screen: covers the whole window the moment a visitor's session ends, so nothing of it is on screen
while the next visitor's fresh window (another process, see ui.kiosk_supervisor) takes its place."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from ui.i18n import tr

WELCOME_STYLE = """
QWidget#kiosk_welcome { background: #e8f1fb; }
QLabel#kiosk_welcome_title { font-size: 40pt; font-weight: bold; color: #0d2f5e; }
QLabel#kiosk_welcome_text { font-size: 20pt; color: #1c2b3a; }
"""


class WelcomeCover(QWidget):
    def __init__(self, window: QWidget):
        super().__init__(window)
        self.setObjectName("kiosk_welcome")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setStyleSheet(WELCOME_STYLE)
        self.title = QLabel(objectName="kiosk_welcome_title")
        self.text = QLabel(objectName="kiosk_welcome_text")
        box = QVBoxLayout(self)
        box.addStretch(1)
        for label in (self.title, self.text):
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
            box.addWidget(label)
        box.addStretch(1)
        self.hide()
        self.retranslate()

    def cover(self) -> None:
        self.setGeometry(self.parentWidget().rect())
        self.show()
        self.raise_()

    def retranslate(self) -> None:
        self.title.setText(tr("kiosk_welcome_title"))
        self.text.setText(tr("kiosk_welcome_text"))
