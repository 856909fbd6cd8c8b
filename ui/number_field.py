"""A text field for a number with its unit shown beside it and, under it, the problem with what was typed.

The field does not judge the number: it hands the text on (tidied of thousands separators, full-width digits
and a typed unit) and the model says what is wrong, in the user's language, through ``set_problem``.
"""

from __future__ import annotations

import re
import unicodedata

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import QGridLayout, QLabel, QLineEdit, QWidget

from ui.field_message import MESSAGE_STYLE, FieldMessage
from ui.i18n import tr

# The same border width in both states, so turning red never changes a field's height (nothing below moves);
# the keyboard focus is a blue border in either (3:1 and more against white and #fff5f5).
FIELD_STYLE = ("QLineEdit { border: 2px solid #767676; border-radius: 3px; background: white; }"
               " QLineEdit:focus { border-color: #0b57d0; } QLineEdit:disabled { border-color: #b0b0b0; }")
INVALID_STYLE = ("QLineEdit { border: 2px solid #c62828; border-radius: 3px; background: #fff5f5; }"
                 " QLineEdit:focus { border-color: #0b57d0; }")
# MESSAGE_STYLE is re-exported: other dialogs take it from here
__all__ = ["FIELD_STYLE", "INVALID_STYLE", "MESSAGE_STYLE", "NumberField", "show_number", "tidy_number"]
_UNIT_WORDS = re.compile(r"[\s,，_]|元/月|元/年|元|天|岁|年$")


def tidy_number(text: str) -> str:
    """'１５,０００ 元' -> '15000': what a person types, as the model reads numbers."""
    return _UNIT_WORDS.sub("", unicodedata.normalize("NFKC", text))


def show_number(value: float | int | None) -> str:
    if value is None:
        return ""
    return str(int(value)) if float(value).is_integer() else f"{value:g}"


class EntryField(QWidget):
    """What a number and a date field share: a line edit (``edit``), the problem shown under it (``message``),
    and the problem read out by a screen reader after the field's name."""

    _problem: str | None = None
    edit: QLineEdit
    message: FieldMessage

    def problem(self) -> str | None:
        return self._problem

    def set_problem(self, message: str | None) -> None:
        if message == self._problem:
            return
        self._problem = message
        self.edit.setStyleSheet(INVALID_STYLE if message else FIELD_STYLE)
        self.message.set_message(message)
        self._describe()

    def _describe(self) -> None:
        """What a screen reader says after the field's name: the problem if there is one, else what the field
        means (its tooltip)."""
        self.edit.setAccessibleDescription(self._problem or self.toolTip())

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTipChange:
            self._describe()
        return super().event(event)

    def set_accessible_name(self, name: str) -> None:
        self.edit.setAccessibleName(name)


class NumberField(EntryField):
    edited = Signal()

    def __init__(self, path: str, unit_key: str | None = None, placeholder_key: str | None = None,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.path = path
        self._unit_key, self._placeholder_key = unit_key, placeholder_key
        self._problem: str | None = None
        self.edit = QLineEdit(self)
        self.edit.setMinimumWidth(120)
        self.edit.setStyleSheet(FIELD_STYLE)
        self.unit = QLabel(self)
        self.message = FieldMessage(self)
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(6)
        grid.setVerticalSpacing(2)
        grid.addWidget(self.edit, 0, 0)
        grid.addWidget(self.unit, 0, 1)
        grid.addWidget(self.message, 1, 0, 1, 2)
        grid.setColumnStretch(0, 1)
        self.setFocusProxy(self.edit)
        self.edit.textEdited.connect(self._on_text_edited)
        self.retranslate()

    def _on_text_edited(self, _text: str) -> None:
        self.edited.emit()

    def value(self) -> str | None:
        """The typed number as text for the model; None when left empty."""
        text = tidy_number(self.edit.text())
        return text or None

    def set_value(self, value: float | int | None) -> None:
        text = show_number(value)
        if text != self.edit.text():
            self.edit.setText(text)

    def local_problem(self) -> str | None:
        """A number is judged by the model only (see ``DateField.local_problem``)."""
        return None

    def retranslate(self) -> None:
        self.unit.setText(tr(self._unit_key) if self._unit_key else "")
        self.unit.setVisible(bool(self._unit_key))
        if self._placeholder_key:
            self.edit.setPlaceholderText(tr(self._placeholder_key))
