"""The administrator's way out of kiosk mode: a passphrase, checked against the salted hash in kiosk.json.

The dialog is opened with ``open()`` (not ``exec()``), so the kiosk keeps running behind it — the idle reset
closes it like everything else."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from ui.i18n import tr
from ui.number_field import MESSAGE_STYLE


class KioskExitDialog(QDialog):
    def __init__(self, check: Callable[[str], int | None], parent: QWidget | None = None,
                 notes: list[str] | tuple[str, ...] = ()):
        """``check(passphrase)``: None if it is right, else the seconds before another try (0: at once).
        ``notes``: problems with kiosk.json or the printing set-up, for the administrator's eyes only."""
        super().__init__(parent)
        self._notes = list(notes)
        self.notes = QLabel()
        self.notes.setWordWrap(True)
        self.notes.setTextFormat(Qt.TextFormat.PlainText)
        self.notes.setVisible(bool(self._notes))
        self._check = check
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.prompt = QLabel()
        self.passphrase = QLineEdit()
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.passphrase.setMinimumWidth(360)
        self.message = QLabel()
        self.message.setStyleSheet(MESSAGE_STYLE)
        self.message.hide()
        self.leave = QPushButton()
        self.cancel = QPushButton()
        self.leave.setDefault(True)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.cancel)
        buttons.addWidget(self.leave)
        box = QVBoxLayout(self)
        box.setContentsMargins(24, 20, 24, 20)
        box.setSpacing(12)
        for w in (self.notes, self.prompt, self.passphrase, self.message):
            box.addWidget(w)
        box.addLayout(buttons)
        self.leave.clicked.connect(self._on_leave_clicked)
        self.cancel.clicked.connect(self.reject)
        self.finished.connect(self._on_finished)
        self.retranslate()

    def _on_leave_clicked(self) -> None:
        text = self.passphrase.text()
        self.passphrase.setText("")  # also clears the field's undo history
        wait = self._check(text)
        if wait is None:
            self.accept()
            return
        self.message.setText(tr("kiosk_exit_wait", seconds=wait) if wait else tr("kiosk_exit_wrong"))
        self.message.show()
        self.passphrase.setFocus()

    def _on_finished(self, _result: int) -> None:
        self.passphrase.setText("")
        self.message.hide()

    def retranslate(self) -> None:
        self.setWindowTitle(tr("kiosk_exit_title"))
        self.notes.setText(tr("kiosk_admin_notes") + "\n" + "\n".join(self._notes) if self._notes else "")
        self.prompt.setText(tr("kiosk_exit_prompt"))
        self.passphrase.setAccessibleName(tr("kiosk_exit_prompt"))
        self.leave.setText(tr("kiosk_exit_leave"))
        self.cancel.setText(tr("kiosk_exit_cancel"))
