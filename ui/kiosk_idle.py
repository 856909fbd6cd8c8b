"""When did a person last touch the kiosk? One application-wide event filter notes every mouse, touch, pen and
key event; a slow timer compares that with the idle period. While the countdown is showing, the first touch is
taken by the kiosk (it cancels the countdown and reaches no button beneath).

The same filter swallows context menus: in a kiosk they only offer copy, paste and "select all" to a visitor.
"""

from __future__ import annotations

import time

from PySide6.QtCore import QEvent, QObject, QPointF, QTimer, Signal
from PySide6.QtWidgets import QApplication

T = QEvent.Type
PRESSES = frozenset({T.MouseButtonPress, T.MouseButtonDblClick, T.Wheel, T.KeyPress, T.TouchBegin, T.TabletPress,
                     T.InputMethod})
# Releases and touch updates count as activity but never start anything on their own.
OTHER_INPUT = frozenset({T.MouseButtonRelease, T.KeyRelease, T.TouchUpdate, T.TouchEnd, T.TabletMove,
                         T.TabletRelease})


class IdleWatcher(QObject):
    idle = Signal()     # nothing touched for the idle period; the watcher pauses until resume()
    touched = Signal()  # a touch while paused

    def __init__(self, idle_ms: int, parent: QObject | None = None):
        super().__init__(parent)
        self._last = time.monotonic()
        self._paused = False
        self.used = False  # a touch or key since the last forget_use(): an empty kiosk asks nobody "still there?"
        self._pointer: QPointF | None = None
        self._timer = QTimer(self)
        self._timer.timeout.connect(self._on_check)
        self.set_idle_ms(idle_ms)

    def set_idle_ms(self, idle_ms: int) -> None:
        self.idle_ms = idle_ms
        self._timer.setInterval(max(20, min(1000, idle_ms // 10)))

    @property
    def paused(self) -> bool:
        return self._paused

    def start(self) -> None:
        QApplication.instance().installEventFilter(self)
        self.resume()
        self._timer.start()

    def stop(self) -> None:
        self._timer.stop()
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)

    def resume(self) -> None:
        """Count the idle period again from now."""
        self._paused = False
        self._last = time.monotonic()

    def forget_use(self) -> None:
        """Nobody has touched the kiosk since now (its start over)."""
        self.used = False

    def idle_for_ms(self) -> float:
        return (time.monotonic() - self._last) * 1000

    def timeout(self) -> None:
        """The idle period is over (called by the timer, or directly by a test or the soak benchmark)."""
        if not self._paused:
            self._paused = True
            self.idle.emit()

    def _on_check(self) -> None:
        if not self._paused and self.idle_for_ms() >= self.idle_ms:
            self.timeout()

    def eventFilter(self, _obj: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind == T.ContextMenu:
            return True
        if kind == T.MouseMove:
            # a window appearing under a resting mouse sends moves too: only a pointer that really moved counts
            where = event.globalPosition()
            if where == self._pointer:
                return False
            self._pointer = where
        elif kind not in PRESSES and kind not in OTHER_INPUT:
            return False
        self._last = time.monotonic()
        if kind in PRESSES:
            self.used = True
        if self._paused and (kind in PRESSES or kind == T.MouseMove):
            self.touched.emit()
            return True  # this touch only cancels the countdown
        return False
