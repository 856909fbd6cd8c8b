"""Show the main window on the example family in the language given (``show_window.py zh|en SECONDS``), for the
AT-SPI walker to read; quits by itself."""

import os
import sys

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication


def main() -> int:
    lang, seconds = sys.argv[1], float(sys.argv[2])
    app = QApplication(sys.argv[:1])
    from simulator import load_example
    from ui.fonts import register_qt_font
    from ui.i18n import set_language
    from ui.main_window import MainWindow
    from ui.qt_translations import install_qt_translations
    from ui.session import Session

    register_qt_font(app)
    set_language(lang)
    install_qt_translations(lang)
    window = MainWindow(Session(load_example()))
    window.resize(1366, 768)
    window.show()
    window.ensure_chart()
    if os.environ.get("A11Y_AUDIT_SELF_TEST"):  # the audit must be able to fail: one button loses its name
        window.form.children_editor.add.setText("+")
        window.form.children_editor.add.setAccessibleName("")
    print("shown", flush=True)
    QTimer.singleShot(int(seconds * 1000), app.quit)
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
