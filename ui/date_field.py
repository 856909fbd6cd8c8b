"""A date typed as text (2024-03-01, 2024/3/1 or 2024年3月1日) or picked from a calendar, with the problem
shown under it.

The field reads a date only once it is complete, so no figure ever comes from a keystroke on the way
("2024-02-3" on the way to "2024-02-30" is not 3 February): two-digit month and day, 年/月/日 ending in 日, or eight
digits; a shorter form (2024-3-1) counts once the person leaves the field or presses Enter. Until then
``local_problem()`` says what is missing; a complete date that does not exist (30 February) is called
impossible. Whether a real date fits the case (its range, its order) is left to the model."""

from __future__ import annotations

import calendar
import datetime as dt
import re
import unicodedata

from PySide6.QtCore import QDate, QLocale, Qt, Signal
from PySide6.QtWidgets import QCalendarWidget, QGridLayout, QLineEdit, QToolButton, QWidget

from ui.field_message import FieldMessage
from ui.i18n import language, tr
from ui.number_field import FIELD_STYLE, EntryField

_YMD = re.compile(r"^\s*(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?\s*$")
_COMPACT = re.compile(r"^\s*(\d{4})(\d{2})(\d{2})\s*$")
# what a date looks like part-way through being typed in one of the forms above
_PREFIX = re.compile(r"^\s*\d{1,4}$|^\s*\d{4}\s*[-/.年]\s*(\d{1,2}\s*([-/.月]\s*(\d{1,2}\s*)?)?)?$|^\s*\d{5,7}\s*$")
_FULL = re.compile(r"^\s*\d{4}\s*([-/.])\s*\d{2}\s*\1\s*\d{2}\s*$|^\s*\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*$")


def tidy_date(text: str) -> str:
    """'2024年3月1日' or '2024/3/1' -> '2024-03-01'; anything else is passed on as typed."""
    text = unicodedata.normalize("NFKC", text).strip()
    m = _YMD.match(text) or _COMPACT.match(text)
    if not m:
        return text
    y, mo, d = m.groups()
    return f"{y}-{int(mo):02d}-{int(d):02d}"


def read_date(text: str, finished: bool = True) -> tuple[dt.date | None, tuple[str, dict] | None]:
    """What the text says: (the date, None); (None, (message key, values)) when it is not yet a whole date or
    not a date that exists; (None, None) when empty or not in a date form at all (the model then says what is
    wrong). ``finished``: the person has left the field (or pressed Enter), so a short form such as 2024-3-1 is
    complete."""
    norm = unicodedata.normalize("NFKC", text).strip()
    if not norm:
        return None, None
    m = _YMD.match(norm) or _COMPACT.match(norm)
    if m is None:  # on the way to a date (while typing), or not a date at all: the model says what is wrong
        return None, ("win_date_incomplete", {}) if _PREFIX.match(norm) else None
    if not (finished or _FULL.match(norm) or _COMPACT.match(norm)):
        return None, ("win_date_incomplete", {})
    y, mo, d = (int(x) for x in m.groups())
    if y < dt.MINYEAR:
        return None, ("win_date_incomplete", {})
    try:
        return dt.date(y, mo, d), None
    except ValueError:
        pass
    shown = f"{y:04d}-{mo:02d}-{d:02d}"
    if not 1 <= mo <= 12:
        return None, ("win_date_no_such_month", {"date": shown, "month": mo})
    days = calendar.monthrange(y, mo)[1]
    return None, ("win_date_no_such_day", {"date": shown, "year": y, "month": mo, "days": days})


def with_pickers(chain: list[QWidget]) -> list[QWidget]:
    """A list of controls in Tab order with each date field's calendar button after its text."""
    out: list[QWidget] = []
    for widget in chain:
        out.append(widget)
        owner = widget.parentWidget()
        if isinstance(owner, DateField) and widget is owner.edit:
            out.append(owner.pick)
    return out


class DateField(EntryField):
    edited = Signal()

    def __init__(self, path: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.path = path
        self._problem: str | None = None
        self._finished = True  # the text was set, picked, or the person left the field after typing it
        self.edit = QLineEdit(self)
        self.edit.setMinimumWidth(120)
        self.edit.setStyleSheet(FIELD_STYLE)
        self.pick = QToolButton(self)
        self.pick.setArrowType(Qt.ArrowType.DownArrow)
        self.pick.setFocusPolicy(Qt.FocusPolicy.StrongFocus)  # on the Tab path after the text (with_pickers)
        self.message = FieldMessage(self)
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
        self.edit.editingFinished.connect(self._on_editing_finished)
        self.pick.clicked.connect(self._on_pick_clicked)
        self.retranslate()

    def _on_text_edited(self, _text: str) -> None:
        self._finished = False
        self.edited.emit()

    def _on_editing_finished(self) -> None:
        """Leaving the field (or Enter) completes a short form such as 2024-3-1."""
        if not self._finished:
            self._finished = True
            if read_date(self.edit.text(), finished=False)[1] is not None:
                self.edited.emit()  # it reads differently now that it is finished

    def _on_pick_clicked(self) -> None:
        if self._calendar is None:
            self._calendar = QCalendarWidget(self)
            self._calendar.setWindowFlags(Qt.WindowType.Popup)
            self._calendar.setGridVisible(True)
            self._calendar.clicked.connect(self._on_calendar_clicked)
            self._calendar.activated.connect(self._on_calendar_clicked)  # Enter on a day, from the keyboard
        cal = self._calendar
        cal.setLocale(QLocale(QLocale.Language.Chinese if language() == "zh" else QLocale.Language.English))
        try:
            current = dt.date.fromisoformat(tidy_date(self.edit.text()))
            cal.setSelectedDate(QDate(current.year, current.month, current.day))
        except ValueError:
            cal.setSelectedDate(QDate.currentDate())
        cal.move(self.edit.mapToGlobal(self.edit.rect().bottomLeft()))
        cal.show()
        cal.setFocus(Qt.FocusReason.PopupFocusReason)  # the arrow keys move through the days, Esc closes it

    def _on_calendar_clicked(self, date: QDate) -> None:
        self._calendar.hide()
        self.edit.setText(date.toString("yyyy-MM-dd"))
        self._finished = True
        self.edited.emit()

    def pick_date(self, date: dt.date) -> None:
        """A date chosen elsewhere (the kiosk's touch date picker) into the field, as a day clicked in the
        calendar is."""
        self.edit.setText(date.isoformat())
        self.edited.emit()

    def value(self) -> str | None:
        """The date as the model reads it (YYYY-MM-DD), the text as typed when it is no date, None when empty."""
        date, _ = read_date(self.edit.text(), self._finished)
        if date is not None:
            return date.isoformat()
        text = tidy_date(self.edit.text())
        return text or None

    def local_problem(self) -> str | None:
        """Why the text is not (yet) a date, in the current language; None when it is one or is empty."""
        _, problem = read_date(self.edit.text(), self._finished)
        return tr(problem[0], **problem[1]) if problem else None

    def set_value(self, value: dt.date | None) -> None:
        text = value.isoformat() if value else ""
        self._finished = True
        if text != self.edit.text():
            self.edit.setText(text)

    def retranslate(self) -> None:
        self.edit.setPlaceholderText(tr("win_date_placeholder"))
        self.pick.setToolTip(tr("win_date_pick"))
        self.pick.setAccessibleName(tr("win_date_pick"))

