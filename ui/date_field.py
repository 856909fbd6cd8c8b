"""A date typed as text (2024-03-01, 2024/3/1 or 2024年3月1日) or picked from a calendar, with the problem
shown under it. Like ``NumberField``, it leaves judging the date to the model."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata

from PySide6.QtCore import QDate, QLocale, Qt, Signal
from PySide6.QtWidgets import QCalendarWidget, QGridLayout, QLabel, QLineEdit, QToolButton, QWidget

from ui.i18n import language, tr
from ui.number_field import INVALID_STYLE, MESSAGE_STYLE

_YMD = re.compile(r"^\s*(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?\s*$")
_COMPACT = re.compile(r"^\s*(\d{4})(\d{2})(\d{2})\s*$")


def tidy_date(text: str) -> str:
    """'2024年3月1日' or '2024/3/1' -> '2024-03-01'; anything else is passed on as typed."""
    text = unicodedata.normalize("NFKC", text).strip()
    m = _YMD.match(text) or _COMPACT.match(text)
    if not m:
        return text
    y, mo, d = m.groups()
    return f"{y}-{int(mo):02d}-{int(d):02d}"


class DateField(QWidget):
    edited = Signal()

    def __init__(self, path: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.path = path
        self._problem: str | None = None
        self.edit = QLineEdit(self)
        self.edit.setMinimumWidth(120)
        self.pick = QToolButton(self)
        self.pick.setArrowType(Qt.ArrowType.DownArrow)
        self.pick.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # typing is the keyboard path; the calendar is for touch
        self.message = QLabel(self)
        self.message.setStyleSheet(MESSAGE_STYLE)
        self.message.setWordWrap(True)
        self.message.hide()
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(2)
        grid.setVerticalSpacing(2)
        grid.addWidget(self.edit, 0, 0)
        grid.addWidget(self.pick, 0, 1)
        grid.addWidget(self.message, 1, 0, 1, 2)
        grid.setColumnStretch(0, 1)
        self.setFocusProxy(self.edit)
        self._calendar: QCalendarWidget | None = None
        self.edit.textEdited.connect(self._on_text_edited)
        self.pick.clicked.connect(self._on_pick_clicked)
        self.retranslate()

    def _on_text_edited(self, _text: str) -> None:
        self.edited.emit()

    def _on_pick_clicked(self) -> None:
        if self._calendar is None:
            self._calendar = QCalendarWidget(self)
            self._calendar.setWindowFlags(Qt.WindowType.Popup)
            self._calendar.setGridVisible(True)
            self._calendar.clicked.connect(self._on_calendar_clicked)
        cal = self._calendar
        cal.setLocale(QLocale(QLocale.Language.Chinese if language() == "zh" else QLocale.Language.English))
        try:
            current = dt.date.fromisoformat(tidy_date(self.edit.text()))
            cal.setSelectedDate(QDate(current.year, current.month, current.day))
        except ValueError:
            cal.setSelectedDate(QDate.currentDate())
        cal.move(self.edit.mapToGlobal(self.edit.rect().bottomLeft()))
        cal.show()

    def _on_calendar_clicked(self, date: QDate) -> None:
        self._calendar.hide()
        self.edit.setText(date.toString("yyyy-MM-dd"))
        self.edited.emit()

    def pick_date(self, date: dt.date) -> None:
        """A date chosen elsewhere (the kiosk's touch date picker) into the field, as a day clicked in the
        calendar is."""
        self.edit.setText(date.isoformat())
        self.edited.emit()

    def value(self) -> str | None:
        text = tidy_date(self.edit.text())
        return text or None

    def set_value(self, value: dt.date | None) -> None:
        text = value.isoformat() if value else ""
        if text != self.edit.text():
            self.edit.setText(text)

    def problem(self) -> str | None:
        return self._problem

    def set_problem(self, message: str | None) -> None:
        if message == self._problem:
            return
        self._problem = message
        self.edit.setStyleSheet(INVALID_STYLE if message else "")
        self.message.setText(message or "")
        self.message.setVisible(bool(message))
        self.edit.setAccessibleDescription(message or "")

    def set_accessible_name(self, name: str) -> None:
        self.edit.setAccessibleName(name)

    def retranslate(self) -> None:
        self.edit.setPlaceholderText(tr("win_date_placeholder"))
        self.pick.setToolTip(tr("win_date_pick"))
        self.pick.setAccessibleName(tr("win_date_pick"))

