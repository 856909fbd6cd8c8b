"""A date picked by finger: the year with buttons of a year and ten years either way, the twelve months and the
days of that month as buttons of at least KEY_PX square — where Qt's calendar has 12–36 px cells, a month menu
and tiny year arrows. A card in the middle of the window over a dimmed background; OK puts the date in the field
(``DateField.pick_date``), Cancel leaves the field as it was.
"""

from __future__ import annotations

import calendar
import datetime as dt

import shiboken6
from PySide6.QtCore import QLocale, Qt, Signal
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import QButtonGroup, QFrame, QGridLayout, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from ui.i18n import language, tr

KEY_PX = 62
FIRST_YEAR, LAST_YEAR = 1950, 2099  # the dates a case may hold (README: a model limit)
PICKER_STYLE = f"""
QFrame#date_card {{ background: white; border-radius: 16px; }}
QLabel#date_title {{ font-size: 18pt; font-weight: bold; color: #0d2f5e; }}
QLabel#date_year {{ font-size: 24pt; font-weight: bold; color: #102027; min-width: 160px; }}
QLabel#date_chosen {{ font-size: 18pt; color: #102027; }}
QPushButton {{ min-width: {KEY_PX}px; min-height: {KEY_PX}px; font-size: 16pt; background: #f5f7f9; color: #102027;
              border: 2px solid #90a4ae; border-radius: 8px; padding: 0 6px; }}
QPushButton:checked {{ background: #0d47a1; color: white; border-color: #0d47a1; font-weight: bold; }}
QPushButton#date_ok {{ background: #1565c0; color: white; border: none; font-weight: bold; min-width: 200px; }}
QPushButton#date_cancel {{ min-width: 200px; }}
"""


class TouchDatePicker(QWidget):
    picked = Signal(object)  # a datetime.date

    def __init__(self, window: QWidget):
        super().__init__(window)
        self.field = None
        self.date = dt.date.today()
        self.card = QFrame(self, objectName="date_card")
        self.card.setStyleSheet(PICKER_STYLE)
        self.title = QLabel(objectName="date_title")
        self.chosen = QLabel(objectName="date_chosen")
        self.year = QLabel(objectName="date_year")
        self.year.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.year_buttons: dict[int, QPushButton] = {}
        years = QHBoxLayout()
        years.setSpacing(8)
        for step in (-10, -1):
            years.addWidget(self._year_button(step))
        years.addWidget(self.year, 1)
        for step in (1, 10):
            years.addWidget(self._year_button(step))
        self.months = QButtonGroup(self)
        month_row = QGridLayout()
        month_row.setSpacing(6)
        for m in range(1, 13):
            b = self._checkable()
            self.months.addButton(b, m)
            month_row.addWidget(b, 0, m - 1)
        self.months.idClicked.connect(self._on_month)
        self.days = QButtonGroup(self)
        day_grid = QGridLayout()
        day_grid.setSpacing(6)
        for d in range(1, 32):
            b = self._checkable(str(d))
            self.days.addButton(b, d)
            day_grid.addWidget(b, (d - 1) // 8, (d - 1) % 8)
        self.days.idClicked.connect(self._on_day)
        self.ok = QPushButton(objectName="date_ok")
        self.cancel = QPushButton(objectName="date_cancel")
        for b in (self.ok, self.cancel):
            b.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.ok.clicked.connect(self._on_ok)
        self.cancel.clicked.connect(self.close_picker)
        actions = QHBoxLayout()
        actions.addWidget(self.chosen, 1)
        actions.addWidget(self.cancel)
        actions.addWidget(self.ok)
        box = QVBoxLayout(self.card)
        box.setContentsMargins(28, 20, 28, 20)
        box.setSpacing(12)
        box.addWidget(self.title)
        box.addLayout(years)
        box.addLayout(month_row)
        box.addLayout(day_grid)
        box.addLayout(actions)
        outer = QVBoxLayout(self)
        outer.addStretch(1)
        outer.addWidget(self.card, 0, Qt.AlignmentFlag.AlignCenter)
        outer.addStretch(1)
        self.hide()
        self.retranslate()

    def _checkable(self, text: str = "") -> QPushButton:
        b = QPushButton(text, self.card)
        b.setCheckable(True)
        b.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        return b

    def _year_button(self, step: int) -> QPushButton:
        b = QPushButton(f"{step:+d}".replace("-", "−"), self.card)
        b.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        b.clicked.connect(lambda _=False, s=step: self._on_year(s))
        self.year_buttons[step] = b
        return b

    # -- opening and closing -----------------------------------------------------------------------------------
    def open_for(self, field) -> None:
        """For a ui.date_field.DateField: starts on its date if it holds one, else today."""
        from ui.date_field import tidy_date

        self.field = field
        field.destroyed.connect(self.close_picker, Qt.ConnectionType.UniqueConnection)  # its row removed meanwhile
        try:
            self.date = dt.date.fromisoformat(tidy_date(field.edit.text()))
        except ValueError:
            self.date = dt.date.today()
        self.date = min(max(self.date, dt.date(FIRST_YEAR, 1, 1)), dt.date(LAST_YEAR, 12, 31))
        self.title.setText(field.edit.accessibleName())
        self._render()
        self.setGeometry(self.parentWidget().rect())
        self.show()
        self.raise_()

    def close_picker(self, *_destroyed) -> None:
        self.hide()
        self.field = None

    def _on_ok(self) -> None:
        field, date = self.field, self.date
        self.close_picker()
        if field is not None and shiboken6.isValid(field):
            field.pick_date(date)
        self.picked.emit(date)

    # -- choosing -----------------------------------------------------------------------------------------------
    def _set(self, year: int, month: int, day: int) -> None:
        year = min(max(year, FIRST_YEAR), LAST_YEAR)
        day = min(day, calendar.monthrange(year, month)[1])
        self.date = dt.date(year, month, day)
        self._render()

    def _on_year(self, step: int) -> None:
        self._set(self.date.year + step, self.date.month, self.date.day)

    def _on_month(self, month: int) -> None:
        self._set(self.date.year, month, self.date.day)

    def _on_day(self, day: int) -> None:
        self._set(self.date.year, self.date.month, day)

    def _render(self) -> None:
        d = self.date
        self.year.setText(tr("kiosk_date_year", year=d.year))
        for step, b in self.year_buttons.items():
            b.setEnabled(d.year > FIRST_YEAR if step < 0 else d.year < LAST_YEAR)
        self.months.button(d.month).setChecked(True)
        last = calendar.monthrange(d.year, d.month)[1]
        for day in range(1, 32):
            b = self.days.button(day)
            b.setVisible(day <= last)
        self.days.button(d.day).setChecked(True)
        self.chosen.setText(tr("kiosk_date_chosen", date=d.isoformat()))

    def paintEvent(self, _event) -> None:
        QPainter(self).fillRect(self.rect(), QColor(0, 0, 0, 120))

    def retranslate(self) -> None:
        locale = QLocale(QLocale.Language.Chinese if language() == "zh" else QLocale.Language.English)
        for m in range(1, 13):
            b = self.months.button(m)
            b.setText(tr("kiosk_date_month", m=m) if language() == "zh"
                      else locale.monthName(m, QLocale.FormatType.ShortFormat))
        for step, b in self.year_buttons.items():
            b.setAccessibleName(tr("kiosk_date_years", n=f"{step:+d}"))
        self.ok.setText(tr("kiosk_keypad_ok"))
        self.cancel.setText(tr("kiosk_exit_cancel"))
        if self.field is not None and shiboken6.isValid(self.field):
            self.title.setText(self.field.edit.accessibleName())
        self._render()
