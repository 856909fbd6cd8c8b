"""A drop-down whose items are the model's keys ('longzihu', 'soe', ...) shown by their translated names.

A name that does not fit (a narrow form, large text) is shortened with "…" — never cut off — and shown whole as
the tooltip."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import QComboBox, QStyle, QStyleOptionComboBox, QStylePainter, QWidget

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
        self._field_tip = ""
        for key in keys:
            self.addItem("", key)
        self.retranslate()
        self.activated.connect(self._on_activated)
        self.currentIndexChanged.connect(self._on_index_changed)

    def _on_index_changed(self, _index: int) -> None:
        self._update_tip()

    def _update_tip(self) -> None:
        """The whole name of the choice as the tooltip when it is shortened, else what the field means."""
        tip = self._field_tip
        if self.is_elided():
            tip = self.currentText() + ("\n\n" + tip if tip else "")
        super().setToolTip(tip)

    def setToolTip(self, tip: str) -> None:  # what the field means (ui.form_rows), kept under the shortened name
        self._field_tip = tip
        self._update_tip()

    def _text_rect_width(self) -> int:
        opt = QStyleOptionComboBox()
        self.initStyleOption(opt)
        rect = self.style().subControlRect(QStyle.ComplexControl.CC_ComboBox, opt,
                                           QStyle.SubControl.SC_ComboBoxEditField, self)
        return rect.width()

    def is_elided(self) -> bool:
        return self.fontMetrics().horizontalAdvance(self.currentText()) > self._text_rect_width()

    def shown_text(self) -> str:
        return self.fontMetrics().elidedText(self.currentText(), Qt.TextElideMode.ElideRight, self._text_rect_width())

    def paintEvent(self, _event) -> None:
        painter = QStylePainter(self)
        opt = QStyleOptionComboBox()
        self.initStyleOption(opt)
        painter.drawComplexControl(QStyle.ComplexControl.CC_ComboBox, opt)
        opt.currentText = self.shown_text()
        painter.drawControl(QStyle.ControlElement.CE_ComboBoxLabel, opt)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._update_tip()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            self._update_tip()

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
        self._update_tip()
