"""The family's children, born and planned, as a list to add to and remove from.

The model orders children by birth date to count 2nd and 3rd children, so the order typed here does not
matter (it only breaks ties between twins).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QGroupBox, QLabel, QPushButton, QVBoxLayout, QWidget

from ui.child_editor import ChildEditor
from ui.i18n import tr

MAX_CHILDREN = 12  # the case schema's limit (simulator.household.MAX_CHILDREN), not a policy figure


class ChildrenEditor(QGroupBox):
    changed = Signal()
    rowsChanged = Signal()  # a child was added or removed: the form re-links the tab order

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.children_rows: list[ChildEditor] = []
        self._default_age: int | None = None
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        self.add = QPushButton()
        self._list = QVBoxLayout()
        self._list.setSpacing(6)
        box = QVBoxLayout(self)
        box.addWidget(self.hint)
        box.addLayout(self._list)
        box.addWidget(self.add)
        self.add.clicked.connect(self._on_add_clicked)
        self.retranslate()

    def _on_add_clicked(self) -> None:
        row = self.add_child({"birth_date": _planned_date()})
        row.birth_date.edit.setFocus()
        row.birth_date.edit.selectAll()
        self.changed.emit()

    def _on_row_changed(self) -> None:
        self.changed.emit()

    def _on_remove_requested(self, row: ChildEditor) -> None:
        self.children_rows.remove(row)
        self._list.removeWidget(row)
        row.hide()  # gone from the screen now; deleted when control returns to the event loop
        row.deleteLater()
        for i, other in enumerate(self.children_rows):
            other.set_index(i)
        self._update_state()
        self.rowsChanged.emit()
        self.changed.emit()
        (self.children_rows[-1].remove if self.children_rows else self.add).setFocus()

    def add_child(self, data: dict[str, Any] | None = None) -> ChildEditor:
        row = ChildEditor(len(self.children_rows), self)
        row.set_default_education_age(self._default_age)
        row.load(data or {})
        row.changed.connect(self._on_row_changed)
        row.removeRequested.connect(self._on_remove_requested)
        self.children_rows.append(row)
        self._list.addWidget(row)
        self._update_state()
        self.rowsChanged.emit()
        return row

    def load(self, children: list[dict[str, Any]]) -> None:
        while self.children_rows:
            row = self.children_rows.pop()
            self._list.removeWidget(row)
            row.hide()
            row.deleteLater()
        for child in children:
            self.add_child(child)
        self._update_state()

    def data(self) -> list[dict[str, Any]]:
        return [row.data() for row in self.children_rows]

    def fields(self) -> list:
        return [f for row in self.children_rows for f in row.fields()]

    def focus_chain(self) -> list[QWidget]:
        return [w for row in self.children_rows for w in row.focus_chain()] + [self.add]

    def set_default_education_age(self, age: int | None) -> None:
        self._default_age = age
        for row in self.children_rows:
            row.set_default_education_age(age)

    def _update_state(self) -> None:
        self.add.setEnabled(len(self.children_rows) < MAX_CHILDREN)
        self.hint.setVisible(not self.children_rows)

    def retranslate(self) -> None:
        self.setTitle(tr("win_children"))
        self.setToolTip(tr("win_tip_children"))
        self.hint.setText(tr("win_children_none"))
        self.add.setText(tr("win_add_child"))
        self.add.setToolTip(tr("win_tip_add_child"))
        self.add.setAccessibleName(tr("win_add_child"))
        for row in self.children_rows:
            row.retranslate()


def _planned_date() -> str:
    """A first guess for a new (usually planned) child: about a year from today, on the 1st of the month.
    The field is selected so the parent simply types the real date over it."""
    today = dt.date.today()
    return dt.date(today.year + 1, today.month, 1).isoformat()
