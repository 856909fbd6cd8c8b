"""One child, born or planned: birth date, hukou, difficult birth, and how long full-time education lasts."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QCheckBox, QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from ui.date_field import DateField
from ui.form_rows import Rows, form_layout
from ui.i18n import tr
from ui.number_field import NumberField


class ChildEditor(QFrame):
    changed = Signal()
    removeRequested = Signal(object)

    def __init__(self, index: int, parent: QWidget | None = None):
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.index = index
        self._default_age: int | None = None
        self.title = QLabel()
        font = self.title.font()
        font.setBold(True)
        self.title.setFont(font)
        self.remove = QPushButton()
        head = QHBoxLayout()
        head.addWidget(self.title, 1)
        head.addWidget(self.remove)
        form = form_layout()
        self.rows = Rows(form)
        self.birth_date = self.rows.add("win_birth_date", DateField(""), "win_tip_birth_date")
        self.hukou = self.rows.add_check("win_child_hukou", QCheckBox(), "win_tip_child_hukou")
        self.difficult = self.rows.add_check("win_difficult_birth", QCheckBox(), "win_tip_difficult_birth")
        self.education = self.rows.add("win_education_until", NumberField("", "win_unit_age"), "win_tip_education_until")
        box = QVBoxLayout(self)
        box.setContentsMargins(8, 6, 8, 6)
        box.addLayout(head)
        box.addLayout(form)
        self.hukou.setChecked(True)
        self.birth_date.edited.connect(self._on_edited)
        self.education.edited.connect(self._on_edited)
        self.hukou.toggled.connect(self._on_toggled)
        self.difficult.toggled.connect(self._on_toggled)
        self.remove.clicked.connect(self._on_remove_clicked)
        self.set_index(index)

    def _on_edited(self) -> None:
        self.changed.emit()

    def _on_toggled(self, _on: bool) -> None:
        self.changed.emit()

    def _on_remove_clicked(self) -> None:
        self.removeRequested.emit(self)

    def set_index(self, index: int) -> None:
        """Position in the list; the model's field paths (children[i].…) follow it."""
        self.index = index
        self.birth_date.path = f"children[{index}].birth_date"
        self.education.path = f"children[{index}].education_until_age"
        self.retranslate()

    def set_default_education_age(self, age: int | None) -> None:
        self._default_age = age
        self.retranslate()

    def fields(self) -> list[DateField | NumberField]:
        return [self.birth_date, self.education]

    def focus_chain(self) -> list[QWidget]:
        return [self.birth_date.edit, self.hukou, self.difficult, self.education.edit, self.remove]

    def load(self, data: dict[str, Any]) -> None:
        born = data.get("birth_date")
        self.birth_date.set_value(dt.date.fromisoformat(born) if isinstance(born, str) else born)
        self.hukou.setChecked(bool(data.get("hukou_in_bengbu", True)))
        self.difficult.setChecked(bool(data.get("difficult_birth", False)))
        self.education.set_value(data.get("education_until_age"))

    def data(self) -> dict[str, Any]:
        out: dict[str, Any] = {"hukou_in_bengbu": self.hukou.isChecked(), "difficult_birth": self.difficult.isChecked()}
        if self.birth_date.value() is not None:
            out["birth_date"] = self.birth_date.value()
        out["education_until_age"] = self.education.value()
        return out

    def retranslate(self) -> None:
        self.title.setText(tr("win_child_n", n=self.index + 1))
        self.remove.setText(tr("win_remove_child"))
        self.remove.setAccessibleName(tr("win_remove_child_n", n=self.index + 1))
        self.rows.retranslate()
        for field in self.fields():
            field.retranslate()
        self.education.edit.setPlaceholderText(
            tr("win_education_default", age=self._default_age) if self._default_age else "")
