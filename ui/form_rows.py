"""Labelled rows of a form that re-read their label and tooltip on a language switch.

The tooltip says what the field means and where to find the figure; the same words become the field's
accessible description, and the label its accessible name, so a screen reader says both.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import QCheckBox, QFormLayout, QGroupBox, QHBoxLayout, QLabel, QWidget

from ui.i18n import language, tr

QWIDGETSIZE_MAX = 16777215  # Qt's "no maximum" for a widget's size


class CheckLabel(QLabel):
    """The words of a check box, wrapped over as many lines as they need (a QCheckBox's own text never wraps, so
    a long one in English or large text widened the form past the window's edge); clicking them ticks the box."""

    def __init__(self, box: QCheckBox):
        super().__init__()
        self.box = box
        self.setWordWrap(True)
        self.setBuddy(box)

    def mousePressEvent(self, event) -> None:
        if event.button() == Qt.MouseButton.LeftButton and self.box.isEnabled():
            self.box.click()
            self.box.setFocus(Qt.FocusReason.MouseFocusReason)
        super().mousePressEvent(event)


@dataclass
class Row:
    label: QLabel | None
    field: QWidget
    label_key: str
    tip_key: str | None

    def retranslate(self) -> None:
        text = tr(self.label_key)
        tip = tr(self.tip_key) if self.tip_key else ""
        if self.label is not None:  # a field's label, or a check box's words
            self.label.setText(text)
            self.label.setToolTip(tip)
        elif isinstance(self.field, QCheckBox | QGroupBox):
            (self.field.setText if isinstance(self.field, QCheckBox) else self.field.setTitle)(text)
        self.field.setToolTip(tip)
        namer = getattr(self.field, "set_accessible_name", self.field.setAccessibleName)
        namer(text)
        if isinstance(self.field, QCheckBox):
            self.field.setAccessibleDescription(tip)


def fit_labels(root: QWidget) -> None:
    """Every form label under ``root`` too long for its row on one line is as wide as the row, and wraps: a
    QFormLayout gives a label put above its field (English, larger text) the width of its words on one line, and
    a narrower row cut "Who claims the child tax deductions" off at its edge. A label that fits is left alone."""
    for form in root.findChildren(QFormLayout):
        room = form.contentsRect().width()
        if room <= 0:
            continue
        for row in range(form.rowCount()):
            item = form.itemAt(row, QFormLayout.ItemRole.LabelRole)
            label = item.widget() if item is not None else None
            if not isinstance(label, QLabel) or not label.wordWrap():
                continue
            one_line = label.fontMetrics().horizontalAdvance(label.text()) + 2 * label.margin() + 4
            if one_line > room:  # its height fixed too: the form does not ask a label its height for a width
                size = QSize(room, label.heightForWidth(room))
                if label.minimumSize() != size or label.maximumSize() != size:
                    label.setFixedSize(size)
            elif label.maximumWidth() == label.minimumWidth():
                label.setMinimumSize(0, 0)
                label.setMaximumSize(QWIDGETSIZE_MAX, QWIDGETSIZE_MAX)


def form_layout(parent: QWidget | None = None) -> QFormLayout:
    """Label beside field while both fit; a label too long for that (larger text) goes above its field instead
    of being squeezed or cut off; in English every label goes above (see ``Rows.retranslate``)."""
    form = QFormLayout(parent) if parent is not None else QFormLayout()
    form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
    form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
    return form


class Rows:
    """The rows of one form layout."""

    def __init__(self, layout: QFormLayout):
        self.layout = layout
        self.rows: list[Row] = []

    def add(self, label_key: str, field: QWidget, tip_key: str | None = None) -> QWidget:
        label = QLabel()
        label.setWordWrap(True)  # a long label (English, large text) wraps; it never widens the form past its edge
        label.setBuddy(getattr(field, "edit", field))
        self.layout.addRow(label, field)
        self.rows.append(Row(label, field, label_key, tip_key))
        return field

    def add_check(self, label_key: str, box: QCheckBox, tip_key: str | None = None) -> QCheckBox:
        """A check box whose words wrap (``CheckLabel``); the box is named by them for a screen reader."""
        row = QWidget()
        line = QHBoxLayout(row)
        line.setContentsMargins(0, 0, 0, 0)
        label = CheckLabel(box)
        line.addWidget(box, 0, Qt.AlignmentFlag.AlignTop)
        line.addWidget(label, 1)
        self.layout.addRow(row)
        self.rows.append(Row(label, box, label_key, tip_key))
        return box

    def retranslate(self) -> None:
        for row in self.rows:
            row.retranslate()
        # English labels are long: each goes above its field, which then has the form's whole width (a long
        # choice such as "Employee insurance (with maternity insurance)" shows whole); Chinese ones fit beside
        self.layout.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows if language() == "en"
                                     else QFormLayout.RowWrapPolicy.WrapLongRows)

    def label_of(self, field: QWidget) -> str | None:
        """The label shown for ``field`` (without a trailing colon), None if it is not in these rows."""
        row = next((r for r in self.rows if r.field is field), None)
        return tr(row.label_key) if row is not None else None

    def set_visible(self, field: QWidget, visible: bool) -> None:
        self.layout.setRowVisible(field, visible)
