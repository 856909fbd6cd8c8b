"""Issue 15: nothing of a visitor survives (clipboard, selection, zoom, large text, the print file), a broken
kiosk.json never opens the desktop, and a touch-only visitor can enter every figure and date."""

from __future__ import annotations

import datetime as dt
import json
import os
import shutil
import stat
from pathlib import Path

import pytest
from PySide6.QtCore import QDir, QPoint, QPointF, Qt, QTemporaryFile
from PySide6.QtGui import QClipboard, QWheelEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QCalendarWidget,
    QCheckBox,
    QComboBox,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QToolButton,
    QWidget,
)

from tests import test_kiosk
from tests.test_kiosk import SALARY, visit
from ui.kiosk_config import hash_passphrase, load_config

LEFT = Qt.MouseButton.LeftButton
kiosk = test_kiosk.kiosk  # the same fixture: a kiosk window at 1366×768, idle 120 s, countdown 3 s


def tap(widget, pos: QPoint | None = None) -> None:
    QTest.mouseClick(widget, LEFT, Qt.KeyboardModifier.NoModifier, pos or widget.rect().center())


# -- 1. clipboard and selection --------------------------------------------------------------------------------------
def test_start_over_empties_the_clipboard(kiosk, qtbot):
    visit(kiosk, qtbot)
    clipboard = QApplication.clipboard()
    clipboard.setText(SALARY)  # as if copied from the salary field
    assert clipboard.text() == SALARY
    tap(kiosk.kiosk.band.start_over)
    assert clipboard.text() == ""


def test_start_over_empties_the_x11_primary_selection_too(kiosk, qtbot, monkeypatch):
    # the offscreen platform has no selection: the X11 calls are recorded instead
    cleared = []
    monkeypatch.setattr(QClipboard, "supportsSelection", lambda _self: True)
    monkeypatch.setattr(QClipboard, "clear", lambda _self, mode=QClipboard.Mode.Clipboard: cleared.append(mode))
    visit(kiosk, qtbot)
    tap(kiosk.kiosk.band.start_over)
    assert QClipboard.Mode.Clipboard in cleared and QClipboard.Mode.Selection in cleared


def test_text_a_visitor_selects_is_not_exported_as_the_primary_selection(kiosk, monkeypatch):
    cleared = []
    monkeypatch.setattr(QClipboard, "ownsSelection", lambda _self: True)
    monkeypatch.setattr(QClipboard, "clear", lambda _self, mode=QClipboard.Mode.Clipboard: cleared.append(mode))
    kiosk.kiosk._on_clipboard_changed(QClipboard.Mode.Selection)
    assert cleared == [QClipboard.Mode.Selection]


def test_copy_keys_copy_nothing_in_the_kiosk(kiosk, qtbot):
    QApplication.clipboard().clear()
    edit = kiosk.form.mother.salary.edit
    edit.setFocus()
    edit.setText(SALARY)
    edit.selectAll()
    QTest.keyClick(edit, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    QTest.keyClick(edit, Qt.Key.Key_X, Qt.KeyboardModifier.ControlModifier)
    assert QApplication.clipboard().text() == "" and edit.text() == SALARY


# -- 2. a kiosk.json that cannot be read -----------------------------------------------------------------------------
GOOD_HASH = hash_passphrase("huai-river 1947")


@pytest.mark.parametrize("content", [b"", b"   \n", b'{"kiosk": true, "idle_sec', b"[1, 2]", b"\xff\xfe{}", b"null"])
def test_a_kiosk_json_that_cannot_be_read_still_means_kiosk_mode(tmp_path, content):
    config = tmp_path / "kiosk.json"
    config.write_bytes(content)
    loaded = load_config(config)
    assert loaded.settings.kiosk is True
    assert loaded.settings.idle_seconds == 120 and loaded.settings.language == "zh"  # the safe defaults
    assert loaded.problem and loaded.problem.startswith("kiosk.json: ")


def test_a_byte_order_mark_is_read_as_utf8(tmp_path):
    config = tmp_path / "kiosk.json"
    config.write_bytes(b"\xef\xbb\xbf" + json.dumps({"kiosk": True, "idle_seconds": 90, "language": "en",
                                                       "admin_passphrase_hash": GOOD_HASH}).encode())
    loaded = load_config(config)
    assert loaded.problem is None
    assert (loaded.settings.kiosk, loaded.settings.idle_seconds, loaded.settings.language) == (True, 90, "en")
    assert loaded.settings.admin_passphrase_hash == GOOD_HASH


def test_one_bad_field_costs_only_that_field_never_the_passphrase(tmp_path):
    config = tmp_path / "kiosk.json"
    config.write_text(json.dumps({"kiosk": True, "idle_seconds": 5, "countdown_seconds": 20, "language": "fr",
                                  "admin_passphrase_hash": GOOD_HASH, "colour": "red"}), encoding="utf-8")
    loaded = load_config(config)
    s = loaded.settings
    assert s.admin_passphrase_hash == GOOD_HASH and s.countdown_seconds == 20 and s.kiosk
    assert s.idle_seconds == 120 and s.language == "zh"  # 5 < 10 and "fr": their defaults
    for name in ("idle_seconds", "language", "colour"):
        assert name in loaded.problem
    assert "admin_passphrase_hash" not in loaded.problem and "countdown_seconds" not in loaded.problem


def test_a_bad_kiosk_field_counts_as_kiosk_and_false_means_desktop(tmp_path):
    config = tmp_path / "kiosk.json"
    config.write_text('{"kiosk": "yes please"}', encoding="utf-8")
    assert load_config(config).settings.kiosk is True
    config.write_text('{"kiosk": false}', encoding="utf-8")
    assert load_config(config).settings.kiosk is False and load_config(config).problem is None


def test_a_truncated_kiosk_json_starts_the_kiosk_not_the_desktop_and_tells_the_administrator(tmp_path, monkeypatch):
    import ui.kiosk_supervisor
    from ui.app import main

    config = tmp_path / "kiosk.json"
    config.write_text('{"kiosk": true, "idle_seconds": 9', encoding="utf-8")
    started = []
    monkeypatch.setattr(ui.kiosk_supervisor, "run_supervisor", lambda argv, notes=(): started.append((argv, notes)) or 0)
    assert main(["--config", str(config)]) == 0
    (argv, notes), = started
    assert argv == ["--config", str(config)] and "not valid JSON" in notes[0]


def test_configuration_problems_go_to_the_administrator_not_the_visitor(qtbot, home):
    from ui.crash_guard import data_dir
    from ui.kiosk_app import build_kiosk_window, start_session
    from ui.kiosk_config import KioskSettings
    from ui.session import Session

    session = Session()
    assert start_session(session, data_dir()) is None
    note = "kiosk.json: idle_seconds: Input should be greater than or equal to 10 (the default is used)"
    settings = KioskSettings(kiosk=True, admin_passphrase_hash=GOOD_HASH)
    window = build_kiosk_window(session, settings, admin_notes=[note])
    qtbot.addWidget(window)
    window.show()
    try:
        assert window.message_bar.isHidden()
        window.kiosk._on_admin_keys()
        dialog = window.kiosk.exit_dialog
        assert dialog.isVisible() and note in dialog.notes.text() and dialog.notes.isVisibleTo(dialog)
    finally:
        window.kiosk.idle.stop()


# -- 3. printing: the print file in memory, CUPS told to keep nothing ---------------------------------------------------
@pytest.fixture
def spool(monkeypatch):
    import tempfile

    from ui import kiosk_print

    if not Path("/dev/shm").is_dir():
        pytest.skip("no /dev/shm here")
    monkeypatch.setattr(kiosk_print, "_spool", None)
    monkeypatch.setenv("TMPDIR", os.environ.get("TMPDIR", "/tmp"))
    folder = kiosk_print.prepare_print_spool()
    yield folder
    kiosk_print.remove_spool()
    monkeypatch.undo()
    tempfile.tempdir = None


def test_the_kiosk_print_file_goes_to_a_private_folder_in_memory(spool):
    import tempfile

    from ui import kiosk_print

    assert spool.parent == Path("/dev/shm") and stat.S_IMODE(spool.stat().st_mode) == 0o700
    assert spool.name.startswith(f"bengbu-kiosk-{os.getpid()}-")
    assert Path(QDir.tempPath()) == spool and Path(tempfile.gettempdir()) == spool
    qt_file = QTemporaryFile()  # what Qt's CUPS engine writes the job into
    qt_file.setAutoRemove(False)
    assert qt_file.open()
    qt_file.write(b"%PDF-1.4 a handout")
    qt_file.close()
    assert Path(qt_file.fileName()).parent == spool
    kiosk_print.clear_spool()  # after every job
    assert list(spool.iterdir()) == []


CUPSD = """# cupsd.conf
LogLevel warn
{lines}
<Location />
  Order allow,deny
</Location>
"""


@pytest.mark.parametrize(("lines", "problems"), [
    ("PreserveJobFiles No\nPreserveJobHistory No", []),
    ("preservejobfiles off\nPreserveJobHistory false", []),
    ("", ["no PreserveJobFiles line", "no PreserveJobHistory line"]),
    ("PreserveJobFiles 1d\nPreserveJobHistory No", ["PreserveJobFiles 1d"]),
    ("PreserveJobFiles No\nPreserveJobHistory Yes", ["PreserveJobHistory Yes"]),
    ("PreserveJobFiles No\n#PreserveJobHistory No", ["no PreserveJobHistory line"]),
    ("PreserveJobFiles No\nPreserveJobHistory No\nPreserveJobFiles Yes", ["PreserveJobFiles Yes"]),  # the last counts
])
def test_the_kiosk_checks_that_cups_keeps_no_job_files_or_history(tmp_path, lines, problems):
    from ui.kiosk_print import cups_retention_problems

    conf = tmp_path / "cupsd.conf"
    conf.write_text(CUPSD.format(lines=lines), encoding="utf-8")
    found = cups_retention_problems(conf)
    assert len(found) == len(problems)
    for said, expected in zip(found, problems, strict=True):
        assert expected in said
    assert not found or found[-1].endswith("printing is off until then")
    assert cups_retention_problems(tmp_path / "missing.conf") == []  # no CUPS server here: nothing spooled here


def test_while_cups_would_keep_a_copy_the_kiosk_does_not_print(kiosk, qtbot, monkeypatch):
    from ui import kiosk_print

    printed = []
    monkeypatch.setattr(kiosk_print, "kiosk_printer", lambda: "a printer")
    monkeypatch.setattr(kiosk_print, "print_handout", lambda *a: printed.append(a) or True)
    kiosk.kiosk.print_problems = ["/etc/cups/cupsd.conf: PreserveJobFiles Yes: set 'PreserveJobFiles No'"]
    tap(kiosk.kiosk.band.print_button)
    assert printed == [] and "暂时不能打印" in kiosk.message_bar.label.text()
    kiosk.kiosk.print_problems = []
    tap(kiosk.kiosk.band.print_button)
    assert len(printed) == 1


# -- 5. touch only ---------------------------------------------------------------------------------------------------
def visible_buttons(widget: QWidget) -> list[QAbstractButton]:
    return [b for b in widget.findChildren(QAbstractButton) if b.isVisible()]


def test_touching_a_number_field_brings_up_a_keypad_that_types_into_it(kiosk, qtbot):
    keypad = kiosk.kiosk.keypad
    edit = kiosk.form.mother.salary.edit
    assert not keypad.isVisible()
    tap(edit)
    qtbot.waitUntil(keypad.isVisible, timeout=2000)
    assert keypad.target is edit and edit.hasFocus()
    keys = visible_buttons(keypad)
    assert {b.text() for b in keys} >= {*"0123456789", ".", "删除", "确定"}
    assert all(b.width() >= 60 and b.height() >= 60 for b in keys)
    for key in "23457":
        tap(keypad.keys[key])
    tap(keypad.keys["delete"])
    tap(keypad.keys["6"])
    assert edit.text() == "23456"  # the first key replaced the 0 that was there
    tap(keypad.keys["ok"])
    assert not keypad.isVisible()
    qtbot.waitUntil(lambda: kiosk.session.household.mother.jobs[0].monthly_salary == 23456, timeout=3000)
    keypad.open_for(edit)
    for key in "12.5":
        tap(keypad.keys[key])
    assert edit.text() == "12.5"


def test_a_dates_arrow_opens_a_touch_sized_picker_instead_of_the_calendar(kiosk, qtbot):
    tap(kiosk.form.children_editor.add)
    field = kiosk.form.children_editor.children_rows[-1].birth_date
    field.edit.setText("2024-02-29")
    picker = kiosk.kiosk.date_picker
    kiosk.form.ensureWidgetVisible(field.pick)
    tap(field.pick)
    assert picker.isVisible() and not [c for c in kiosk.findChildren(QCalendarWidget) if c.isVisible()]
    buttons = visible_buttons(picker)
    assert len(buttons) == 4 + 12 + 29 + 2  # year steps, months, the days of February 2024, OK and cancel
    assert all(b.width() >= 60 and b.height() >= 60 for b in buttons)
    tap(picker.year_buttons[1])  # 2025 has no 29 February: the 28th
    assert picker.date == dt.date(2025, 2, 28)
    tap(picker.months.button(5))
    tap(picker.days.button(17))
    tap(picker.year_buttons[-10])
    tap(picker.year_buttons[-1])
    assert picker.date == dt.date(2014, 5, 17)
    tap(picker.ok)
    assert not picker.isVisible() and field.edit.text() == "2014-05-17"
    qtbot.waitUntil(lambda: kiosk.session.household.children[-1].birth_date == dt.date(2014, 5, 17), timeout=3000)


def test_the_date_picker_stays_within_the_dates_a_case_may_hold(kiosk):
    field = kiosk.form.as_of
    field.edit.setText("2095-06-30")
    picker = kiosk.kiosk.date_picker
    picker.open_for(field)
    tap(picker.year_buttons[10])
    assert picker.date == dt.date(2099, 6, 30) and not picker.year_buttons[1].isEnabled()
    tap(picker.cancel)
    assert field.edit.text() == "2095-06-30"


def test_touching_a_date_field_brings_up_the_keypad_for_a_typed_date(kiosk, qtbot):
    edit = kiosk.form.as_of.edit
    tap(edit)
    qtbot.waitUntil(kiosk.kiosk.keypad.isVisible, timeout=2000)
    for key in "2025.3.1":
        tap(kiosk.kiosk.keypad.keys[key])
    tap(kiosk.kiosk.keypad.ok)
    qtbot.waitUntil(lambda: kiosk.session.household.as_of == dt.date(2025, 3, 1), timeout=3000)


def test_the_wheel_over_a_drop_down_scrolls_the_form_and_keeps_the_choice(kiosk, qtbot):
    kiosk.session.open_example()
    qtbot.wait(50)
    combo = kiosk.form.mother.employer
    kiosk.form.ensureWidgetVisible(combo)
    bar = kiosk.form.verticalScrollBar()
    bar.setValue(0)
    before = combo.currentIndex()
    at = QPointF(combo.rect().center())
    wheel = QWheelEvent(at, QPointF(combo.mapToGlobal(at.toPoint())), QPoint(0, 0), QPoint(0, -120),
                        Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier, Qt.ScrollPhase.NoScrollPhase, False)
    QApplication.sendEvent(combo, wheel)
    assert combo.currentIndex() == before
    assert bar.value() > 0


def test_start_over_puts_the_text_size_back(kiosk, qtbot):
    size = QApplication.instance().font().pointSizeF()
    kiosk.commands["zoom_in"].trigger()
    kiosk.commands["zoom_in"].trigger()
    assert QApplication.instance().font().pointSizeF() > size
    tap(kiosk.kiosk.band.start_over)
    assert QApplication.instance().font().pointSizeF() == size


def test_the_band_announces_the_idle_period_and_the_countdown_together(kiosk):
    # idle 120 s, then a countdown of 3
    assert "123 秒无人操作后自动清空" in kiosk.kiosk.band.privacy.text()


def test_an_empty_kiosk_does_not_ask_whether_anyone_is_still_there(kiosk, qtbot):
    kiosk.kiosk.idle.timeout()  # nobody has touched it since it started
    assert not kiosk.kiosk.overlay.isVisible() and not kiosk.kiosk.idle.paused
    tap(kiosk.form.mother.salary.edit)
    kiosk.kiosk.idle.timeout()
    assert kiosk.kiosk.overlay.isVisible()
    kiosk.kiosk.overlay.finished.emit()  # the countdown ran out: start over
    qtbot.wait(10)
    kiosk.kiosk.idle.timeout()  # and nobody came since
    assert not kiosk.kiosk.overlay.isVisible()


# -- 6. large text ---------------------------------------------------------------------------------------------------
def colour(widget: QWidget, role) -> str:
    return widget.palette().color(role).name()


def test_large_text_mode_has_18_pt_text_60_px_targets_and_strong_contrast_until_start_over(kiosk, qtbot):
    from PySide6.QtGui import QPalette

    from ui.elder_style import contrast

    kiosk.session.open_example()
    band = kiosk.kiosk.band
    tap(band.elder_button)
    qtbot.wait(50)
    assert kiosk.kiosk.elder and band.elder_button.isChecked()
    small, tiny, faint = [], [], []
    for w in kiosk.findChildren(QWidget):
        if not w.isVisible():
            continue
        texty = isinstance(w, QLabel | QAbstractButton | QLineEdit | QComboBox) and (
            not hasattr(w, "text") or w.text() or isinstance(w, QLineEdit | QComboBox))
        if texty and w.font().pointSizeF() < 18:
            small.append((type(w).__name__, getattr(w, "text", lambda: "")(), w.font().pointSizeF()))
        if isinstance(w, QPushButton | QToolButton | QLineEdit | QComboBox | QCheckBox | QRadioButton) and w.height() < 60:
            tiny.append((type(w).__name__, w.height()))
        if isinstance(w, QLabel) and w.text():
            ratio = contrast(colour(w, QPalette.ColorRole.WindowText), colour(w, QPalette.ColorRole.Window))
            if ratio < 4.5:
                faint.append((w.text()[:20], ratio))
    assert not small and not tiny and not faint
    tap(band.start_over)
    assert not kiosk.kiosk.elder and not band.elder_button.isChecked()
    assert kiosk.form.mother.salary.edit.font().pointSizeF() < 18


def test_the_large_text_colours_have_a_contrast_of_at_least_4_5():
    from ui.elder_style import ACCENT, FRAME, INK, PAPER, contrast

    assert contrast("#000000", "#ffffff") == pytest.approx(21)
    assert contrast(INK, PAPER) >= 4.5 and contrast(PAPER, ACCENT) >= 4.5 and contrast(FRAME, PAPER) >= 4.5
    assert contrast("#1c2b3a", "#e8f1fb") >= 4.5  # the band's privacy line in large-text mode


X11_SCRIPT = r"""
import subprocess, sys, time
from PySide6.QtCore import Qt
from PySide6.QtGui import QClipboard
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from ui.crash_guard import data_dir
from ui.kiosk_app import build_kiosk_window, start_session
from ui.kiosk_config import KioskSettings
from ui.session import Session

app = QApplication([])
session = Session()
start_session(session, data_dir())
window = build_kiosk_window(session, KioskSettings(kiosk=True), idle_ms=600_000)
window.resize(1366, 768)
window.show()
QTest.qWait(200)
READ = ("from PySide6.QtWidgets import QApplication; from PySide6.QtGui import QClipboard; app = QApplication([]); "
        "print(repr(app.clipboard().text(QClipboard.Mode.{})))")

def other_program_reads(mode):
    # another X client asks for the clipboard or selection; this process must keep answering meanwhile
    p = subprocess.Popen([sys.executable, "-c", READ.format(mode)], stdout=subprocess.PIPE, text=True)
    while p.poll() is None:
        QTest.qWait(20)
    return p.stdout.read().strip()

edit = window.form.mother.salary.edit
edit.setText("23456")
QTest.mouseDClick(edit, Qt.MouseButton.LeftButton)  # a visitor selects the figure with a finger / the mouse
QTest.qWait(100)
print("selection", edit.hasSelectedText(), other_program_reads("Selection"))
QApplication.clipboard().setText("23456")
QApplication.clipboard().setText("1500", QClipboard.Mode.Selection)
QTest.qWait(100)
print("clipboard before", other_program_reads("Clipboard"))
window.kiosk.start_over()
QTest.qWait(100)
print("after", other_program_reads("Clipboard"), other_program_reads("Selection"))
window.kiosk.idle.stop()
"""


@pytest.mark.skipif(not shutil.which("xvfb-run"), reason="needs Xvfb (xvfb-run) for a real X11 clipboard")
def test_on_x11_another_program_finds_neither_clipboard_nor_selection_after_start_over(tmp_path):
    import subprocess
    import sys

    script = tmp_path / "x11_clipboard.py"
    script.write_text(X11_SCRIPT, encoding="utf-8")
    env = {**os.environ, "QT_QPA_PLATFORM": "xcb", "HOME": str(tmp_path)}
    done = subprocess.run(["xvfb-run", "-a", sys.executable, str(script)], cwd=Path(__file__).resolve().parent.parent,
                          env=env, capture_output=True, text=True, timeout=240, check=False)
    assert done.returncode == 0, done.stderr[-3000:]
    lines = dict(line.split(" ", 1) for line in done.stdout.splitlines() if " " in line)
    assert lines["selection"] == "True ''"  # selected in the field, but not exported as the primary selection
    assert lines["clipboard"] == "before '23456'"  # the other program can read a clipboard (the check works)
    assert lines["after"] == "'' ''"


def test_a_child_removed_while_the_keypad_or_picker_is_up_closes_them(kiosk, qtbot):
    # the soak found it: the keypad kept the removed row's field and the next language switch raised
    editor = kiosk.form.children_editor
    for opened in ("keypad", "picker"):
        tap(editor.add)
        row = editor.children_rows[-1]
        if opened == "keypad":
            kiosk.kiosk.keypad.open_for(row.education.edit)
        else:
            kiosk.kiosk.date_picker.open_for(row.birth_date)
        tap(row.remove)
        qtbot.wait(10)
        from PySide6.QtCore import QCoreApplication, QEvent

        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        assert not kiosk.kiosk.keypad.isVisible() and not kiosk.kiosk.date_picker.isVisible()
        tap(kiosk.kiosk.band.language)  # retranslates both: no error
        kiosk.kiosk.keypad.press("1")
        assert kiosk.kiosk.keypad.target is None
