"""A drop-down whose items are the model's keys ('longzihu', 'soe', ...) shown by their translated names."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QComboBox, QWidget

from ui.i18n import tr


class KeyCombo(QComboBox):
    chosen = Signal(str)

    def __init__(self, path: str, keys: tuple[str, ...], label_keys: dict[str, str] | None = None,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.path = path
        self._keys = keys
        self._label_keys = label_keys or {}
        # as wide as the form allows, not as wide as the longest name: long names are elided, not the form widened
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.setMinimumContentsLength(8)
        for key in keys:
            self.addItem("", key)
        self.retranslate()
        self.activated.connect(self._on_activated)

    def _on_activated(self, index: int) -> None:
        self.chosen.emit(self._keys[index])

    def key(self) -> str:
        return self._keys[max(self.currentIndex(), 0)]

    def set_key(self, key: str) -> None:
        if key in self._keys and key != self.key():
            self.setCurrentIndex(self._keys.index(key))

    def set_accessible_name(self, name: str) -> None:
        self.setAccessibleName(name)

    def retranslate(self) -> None:
        for i, key in enumerate(self._keys):
            self.setItemText(i, tr(self._label_keys.get(key, key)))
            self.setItemData(i, tr(self._label_keys.get(key, key)), Qt.ItemDataRole.ToolTipRole)
