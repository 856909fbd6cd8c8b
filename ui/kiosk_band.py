"""The band across the top of the kiosk: the title, a short "how to use" in the visitor's language, and the
things a visitor may need — the other language, large text, printing, and starting over."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from ui.i18n import tr

BAND_STYLE = """
QFrame#kiosk_band {{ background: #e8f1fb; border: none; border-bottom: 2px solid #90b4dc; }}
QLabel#kiosk_title {{ font-size: {title}pt; font-weight: bold; color: #0d2f5e; }}
QLabel#kiosk_howto {{ font-size: {text}pt; color: #1c2b3a; }}
QLabel#kiosk_privacy {{ font-size: {small}pt; color: #455a64; }}
QPushButton {{ font-size: {button}pt; min-height: {height}px; min-width: 120px; padding: 0 {pad}px;
              border-radius: 10px; }}
QPushButton#kiosk_language {{ background: white; color: #0d47a1; border: 2px solid #1565c0; }}
QPushButton#kiosk_elder {{ background: white; color: #0d47a1; border: 2px solid #1565c0; }}
QPushButton#kiosk_elder:checked {{ background: #0d47a1; color: white; }}
QPushButton#kiosk_print {{ background: #1565c0; color: white; border: none; }}
QPushButton#kiosk_print:disabled {{ background: #90a4ae; }}
QPushButton#kiosk_start_over {{ background: #c62828; color: white; border: none; font-weight: bold;
                               font-size: {big}pt; }}
QPushButton:pressed {{ padding-top: 3px; }}
"""
SIZES = {  # a 1366×768 screen needs the room for the answer; a 1920×1080 one has it
    False: {"title": 20, "text": 13, "small": 12, "button": 16, "big": 18, "height": 68, "pad": 28},
    True: {"title": 16, "text": 11, "small": 10.5, "button": 14, "big": 15, "height": 56, "pad": 18},
}
ELDER_SIZES = {  # large-text mode (ui.elder_style): every text at least 18 pt, every button at least 60 px
    False: {"title": 24, "text": 18, "small": 18, "button": 18, "big": 20, "height": 72, "pad": 24},
    True: {"title": 20, "text": 18, "small": 18, "button": 18, "big": 19, "height": 64, "pad": 14},
}
PRIVACY_ELDER = "QLabel#kiosk_privacy {{ color: #1c2b3a; }}"


class KioskBand(QFrame):
    languageClicked = Signal()
    printClicked = Signal()
    elderClicked = Signal()
    startOverClicked = Signal()

    def __init__(self, idle_seconds: int, parent: QWidget | None = None):
        super().__init__(parent)
        self.idle_seconds = idle_seconds
        self.setObjectName("kiosk_band")
        self.compact: bool | None = None
        self.elder = False
        self.set_compact(False)
        self.title = QLabel(objectName="kiosk_title")
        self.howto = QLabel(objectName="kiosk_howto")
        self.howto.setWordWrap(True)
        self.howto.setTextFormat(Qt.TextFormat.PlainText)
        self.privacy = QLabel(objectName="kiosk_privacy")
        self.privacy.setWordWrap(True)
        self.language = QPushButton(objectName="kiosk_language")
        self.elder_button = QPushButton(objectName="kiosk_elder")
        self.elder_button.setCheckable(True)
        self.print_button = QPushButton(objectName="kiosk_print")
        self.start_over = QPushButton(objectName="kiosk_start_over")
        for b in (self.language, self.elder_button, self.print_button, self.start_over):
            b.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # touching them never takes the cursor out of a field
        head = self._head = QHBoxLayout()
        head.setSpacing(20)
        head.addWidget(self.title)
        head.addWidget(self.privacy, 1, Qt.AlignmentFlag.AlignBottom)
        text = QVBoxLayout()
        text.setSpacing(4)
        text.addLayout(head)
        text.addWidget(self.howto)
        row = QHBoxLayout(self)
        row.setContentsMargins(16, 10, 16, 10)
        row.setSpacing(14)
        row.addLayout(text, 1)
        for b in (self.language, self.elder_button, self.print_button, self.start_over):
            row.addWidget(b, 0, Qt.AlignmentFlag.AlignVCenter)
        self.language.clicked.connect(self._on_language_clicked)
        self.elder_button.clicked.connect(self._on_elder_clicked)
        self.print_button.clicked.connect(self._on_print_clicked)
        self.start_over.clicked.connect(self._on_start_over_clicked)
        self.retranslate()

    def set_compact(self, compact: bool) -> None:
        """Smaller type and buttons on a small screen (still at least 48 px to touch)."""
        if compact != self.compact:
            self.compact = compact
            self._restyle()

    def set_elder(self, on: bool) -> None:
        """Large text: the privacy line under the title, and the how-to left out (in 18 pt it would take half a
        small screen; the visitor who found this button has read it)."""
        self.elder = on
        self.elder_button.setChecked(on)
        self._head.setDirection(QHBoxLayout.Direction.TopToBottom if on else QHBoxLayout.Direction.LeftToRight)
        self.howto.setVisible(not on)
        self._restyle()

    def _restyle(self) -> None:
        sizes = (ELDER_SIZES if self.elder else SIZES)[bool(self.compact)]
        self.setStyleSheet(BAND_STYLE.format(**sizes) + (PRIVACY_ELDER.format() if self.elder else ""))

    def _on_elder_clicked(self) -> None:
        self.elder_button.setChecked(self.elder)  # the kiosk decides (and says so through set_elder)
        self.elderClicked.emit()

    def _on_language_clicked(self) -> None:
        self.languageClicked.emit()

    def _on_print_clicked(self) -> None:
        self.printClicked.emit()

    def _on_start_over_clicked(self) -> None:
        self.startOverClicked.emit()

    def retranslate(self) -> None:
        self.title.setText(tr("win_title"))
        self.howto.setText(tr("kiosk_howto"))
        self.privacy.setText(tr("kiosk_privacy", n=self.idle_seconds))
        for button, key in ((self.language, "kiosk_switch_language"), (self.elder_button, "kiosk_elder"),
                            (self.print_button, "kiosk_print"),
                            (self.start_over, "kiosk_start_over")):
            button.setText(tr(key))
            button.setAccessibleName(tr(key))
        self.language.setToolTip(tr("kiosk_tip_switch_language"))
        self.start_over.setToolTip(tr("kiosk_tip_start_over"))
        self.elder_button.setToolTip(tr("kiosk_tip_elder"))
