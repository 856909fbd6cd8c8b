"""The counselor's own words for a case: a label the family is known by (it names the files and heads the
handout) and notes. Saved in the case file; neither changes a figure."""

from __future__ import annotations

from PySide6.QtWidgets import QFormLayout, QLabel, QLineEdit, QPlainTextEdit, QVBoxLayout, QWidget

from ui.i18n import tr
from ui.session import Session

LABEL_MAX = 80  # as simulator.household.Household.label


class CaseDetails(QWidget):
    def __init__(self, session: Session, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.label = QLineEdit()
        self.label.setMaxLength(LABEL_MAX)
        self.label.setClearButtonEnabled(True)
        self.notes = QPlainTextEdit()
        self.notes.setTabChangesFocus(True)  # Tab leaves the notes, as in every other field
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        self.hint.setStyleSheet("color:#555555;")
        self.problem = QLabel()
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet("color:#b71c1c;")
        self.problem.hide()
        self._label_caption, self._notes_caption = QLabel(), QLabel()
        self._label_caption.setBuddy(self.label)
        self._notes_caption.setBuddy(self.notes)
        form = QFormLayout()
        form.addRow(self._label_caption, self.label)
        form.addRow(self._notes_caption, self.notes)
        box = QVBoxLayout(self)
        box.addLayout(form)
        box.addWidget(self.problem)
        box.addWidget(self.hint)
        self._loading = False
        self.label.textEdited.connect(self._on_edited)
        self.notes.textChanged.connect(self._on_edited)
        session.loaded.connect(self._on_loaded)
        self.retranslate()
        self._on_loaded()

    def _on_loaded(self) -> None:
        h = self.session.household
        self._loading = True
        try:
            self.label.setText((h.label if h else None) or "")
            if self.notes.toPlainText() != ((h.notes if h else None) or ""):
                self.notes.setPlainText((h.notes if h else None) or "")
        finally:
            self._loading = False

    def _on_edited(self, *_args) -> None:
        if self._loading:
            return
        from simulator import InputError

        try:
            self.session.set_details(self.label.text(), self.notes.toPlainText())
        except InputError as e:
            self.problem.setText("\n".join(e.problems))
            self.problem.show()
        else:
            self.problem.hide()

    def retranslate(self) -> None:
        self._label_caption.setText(tr("win_case_label"))
        self._notes_caption.setText(tr("win_case_notes"))
        self.label.setPlaceholderText(tr("win_case_label_placeholder"))
        self.label.setAccessibleName(tr("win_case_label"))
        self.notes.setAccessibleName(tr("win_case_notes"))
        self.notes.setPlaceholderText(tr("win_case_notes_placeholder"))
        self.hint.setText(tr("win_case_details_hint"))
