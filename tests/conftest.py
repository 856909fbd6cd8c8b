"""Set Qt offscreen before anything imports Qt: without a display Qt aborts the whole test process."""

import os
import sys

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


from pathlib import Path

import pytest


@pytest.fixture(autouse=True)
def chinese():
    """Every test starts, and leaves the process, in the default language."""
    from ui.i18n import set_language

    set_language("zh")
    yield
    set_language("zh")


@pytest.fixture(autouse=True)
def _application_font_kept():
    """A test that zooms a window or opens a kiosk (both set the application's font) leaves the application's
    font as it found it, so a later test's sizes do not depend on which tests ran before it."""
    widgets = sys.modules.get("PySide6.QtWidgets")  # (a test that never touched Qt does not start it here)
    app = widgets.QApplication.instance() if widgets else None
    before = app.font() if app is not None else None
    yield
    if app is not None and app.font() != before:
        app.setFont(before)


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


def _point_home_at(root: Path, monkeypatch) -> Path:
    for name, sub in (("HOME", ""), ("XDG_DATA_HOME", ".local/share"), ("XDG_CONFIG_HOME", ".config"),
                      ("XDG_CACHE_HOME", ".cache"), ("XDG_STATE_HOME", ".local/state")):
        (root / sub).mkdir(parents=True, exist_ok=True)
        monkeypatch.setenv(name, str(root / sub))
    monkeypatch.setenv("LOCALAPPDATA", str(root / ".local/share"))  # ui.crash_guard.data_dir() on Windows
    return root


@pytest.fixture(autouse=True)
def _own_home(tmp_path_factory, monkeypatch):
    """Every test gets a HOME of its own (outside its tmp_path, which some tests list): no test writes the real
    home's settings or recent files, and no test sees what an earlier one (or a parallel run) left there."""
    _point_home_at(tmp_path_factory.mktemp("own-home"), monkeypatch)


@pytest.fixture
def home(tmp_path, monkeypatch) -> Path:
    """HOME and the XDG folders in tmp_path: the real home is never written, and anything written is seen."""
    return _point_home_at(tmp_path / "home", monkeypatch)

