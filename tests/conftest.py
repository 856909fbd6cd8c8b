"""Set Qt offscreen before anything imports Qt: without a display Qt aborts the whole test process."""

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


import pytest


@pytest.fixture(autouse=True)
def chinese():
    """Every test starts, and leaves the process, in the default language."""
    from ui.i18n import set_language

    set_language("zh")
    yield
    set_language("zh")


@pytest.fixture
def window(qtbot):
    """The real main window on the built-in example family, shown."""
    from simulator import load_example
    from ui.main_window import MainWindow
    from ui.session import Session

    w = MainWindow(Session(load_example()))
    qtbot.addWidget(w)
    w.show()
    return w
