"""The kiosk's "are you still there?" overlay: it dims the whole window and counts down; a touch anywhere
carries on, and at zero the kiosk starts over for the next visitor."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import QFrame, QLabel, QPushButton, QVBoxLayout, QWidget

from ui.i18n import tr

CARD_STYLE = """
QFrame#countdown_card { background: white; border-radius: 16px; }
QLabel#countdown_title { font-size: 28pt; font-weight: bold; color: #1a237e; }
QLabel#countdown_number { font-size: 72pt; font-weight: bold; color: #c62828; }
QLabel#countdown_text { font-size: 18pt; color: #263238; }
QPushButton#countdown_continue { font-size: 20pt; min-height: 72px; padding: 0 40px; background: #1565c0;
                                 color: white; border: none; border-radius: 10px; }
"""


class CountdownOverlay(QWidget):
    finished = Signal()   # the countdown reached zero
    cancelled = Signal()  # the person carried on

    def __init__(self, seconds: int, parent: QWidget, tick_ms: int = 1000):
        super().__init__(parent)
        self.seconds = seconds
        self.remaining = seconds
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, False)
        self.card = QFrame(self)
        self.card.setObjectName("countdown_card")
        self.card.setStyleSheet(CARD_STYLE)
        self.title = QLabel(objectName="countdown_title")
        self.number = QLabel(objectName="countdown_number")
        self.text = QLabel(objectName="countdown_text")
        self.hint = QLabel(objectName="countdown_text")
        self.carry_on = QPushButton(objectName="countdown_continue")
        box = QVBoxLayout(self.card)
        box.setContentsMargins(48, 36, 48, 36)
        box.setSpacing(16)
        for w in (self.title, self.number, self.text, self.hint):
            w.setAlignment(Qt.AlignmentFlag.AlignCenter)
            w.setWordWrap(True)
            box.addWidget(w)
        box.addWidget(self.carry_on, 0, Qt.AlignmentFlag.AlignCenter)
        outer = QVBoxLayout(self)
        outer.addStretch(1)
        outer.addWidget(self.card, 0, Qt.AlignmentFlag.AlignCenter)
        outer.addStretch(1)
        self._timer = QTimer(self)
        self._timer.setInterval(tick_ms)
        self._timer.timeout.connect(self._on_tick)
        self.carry_on.clicked.connect(self._on_carry_on_clicked)
        parent.installEventFilter(self)
        self.hide()
        self.retranslate()

    @property
    def running(self) -> bool:
        return self._timer.isActive()

    def start(self) -> None:
        self.remaining = self.seconds
        self._fit()
        self._render()
        self.show()
        self.raise_()
        self._timer.start()

    def stop(self) -> None:
        """Hide without finishing (a touch, or the kiosk starting over by itself)."""
        self._timer.stop()
        self.hide()

    def _on_carry_on_clicked(self) -> None:
        self.stop()
        self.cancelled.emit()

    def _on_tick(self) -> None:
        self.remaining -= 1
        if self.remaining > 0:
            self._render()
            return
        self.stop()
        self.finished.emit()

    def _fit(self) -> None:
        self.setGeometry(self.parentWidget().rect())
        self.card.setMaximumWidth(max(480, int(self.width() * 0.6)))

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if obj is self.parentWidget() and event.type() == QEvent.Type.Resize and self.isVisible():
            self._fit()
        return False

    def paintEvent(self, _event) -> None:
        painter = QPainter(self)
        painter.fillRect(self.rect(), QColor(0, 0, 0, 150))

    def _render(self) -> None:
        self.number.setText(str(self.remaining))
        self.text.setText(tr("kiosk_countdown", n=self.remaining))

    def retranslate(self) -> None:
        self.title.setText(tr("kiosk_still_there"))
        self.hint.setText(tr("kiosk_touch_to_continue"))
        self.carry_on.setText(tr("kiosk_continue"))
        self.carry_on.setAccessibleName(tr("kiosk_continue"))
        self._render()
