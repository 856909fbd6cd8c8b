"""Issue 14.4: Qt's own words — message boxes, the file and print dialogs, the quit prompt — in the window's
language from the start and after every switch; the status bar follows a switch."""

from __future__ import annotations

import re

import pytest
from PySide6.QtCore import QCoreApplication, QLocale
from PySide6.QtWidgets import QDialogButtonBox, QFileDialog, QLabel, QMessageBox

from ui.app import main
from ui.qt_translations import install_qt_translations

SB = QMessageBox.StandardButton


@pytest.fixture(autouse=True)
def qt_english_after():
    yield
    install_qt_translations("en")  # as a test process starts: no Qt translation installed


def quit_prompt_buttons() -> list[str]:
    """The buttons of the box ``CaseFiles.confirm_discard`` shows on quitting with unsaved changes."""
    box = QMessageBox(QMessageBox.Icon.Question, "t", "x", SB.Save | SB.Discard | SB.Cancel)
    return sorted(b.text() for b in box.buttons())


def file_dialog_labels() -> set[str]:
    dialog = QFileDialog(None, "t")
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog)  # Qt's own, as offscreen and on many desktops
    labels = {w.text() for w in dialog.findChildren(QLabel) if w.text()}
    buttons = {b.text() for box in dialog.findChildren(QDialogButtonBox) for b in box.buttons()}
    dialog.deleteLater()
    return labels | buttons


def folder_type(folder) -> str:
    """What the file dialog's list says in its type column for a folder (its model asks the icon provider)."""
    from PySide6.QtCore import QFileInfo
    from PySide6.QtWidgets import QFileIconProvider

    return QFileIconProvider().type(QFileInfo(str(folder)))


def test_the_file_dialogs_words_qt_s_catalogue_lacks_are_ours_in_chinese(qapp, tmp_path):
    """Qt 6.11's zh_CN catalogue has no "&Look in:" or "Files of &type:" (only the older "Look in:"), nor a word
    for a folder in the list, nor the print dialog's "Page &Set:": a Chinese window showed them in English."""
    (tmp_path / "cases").mkdir()
    (tmp_path / "王家.json").write_text("{}", encoding="utf-8")
    install_qt_translations("zh")
    labels = file_dialog_labels()
    assert {"查找范围(&L)：", "文件名称(&N)：", "文件类型(&T)：", "取消"} <= labels
    words = [re.sub(r"\(&\w\)", "", t) for t in labels]  # without the Alt-key letters: 查找范围(&L)
    assert not [t for t in words if any("a" <= c.lower() <= "z" for c in t)]  # no English left
    assert folder_type(tmp_path / "cases") == "文件夹"
    assert QCoreApplication.translate("QPrintSettingsOutput", "Page &Set:") == "页面集(&S)："
    assert QCoreApplication.translate("QFileDialog", "Directory:") == "目录："  # the rest still from Qt's catalogue
    install_qt_translations("en")
    labels = file_dialog_labels()
    assert {"&Look in:", "File &name:", "Files of &type:"} <= labels
    assert folder_type(tmp_path / "cases") == "Folder"


def test_the_program_starts_with_qt_in_the_language_asked(qapp, tmp_path, home):
    assert main(["--screenshot", str(tmp_path / "a.png"), "--lang", "zh"]) == 0
    assert quit_prompt_buttons() == ["丢弃", "保存", "取消"]
    assert "文件名称(&N)：" in file_dialog_labels() and "取消" in file_dialog_labels()
    assert QCoreApplication.translate("QPrintDialog", "Print") == "打印"
    assert QLocale().language() == QLocale.Language.Chinese
    assert main(["--screenshot", str(tmp_path / "b.png"), "--lang", "en"]) == 0
    assert quit_prompt_buttons() == ["Cancel", "Discard", "Save"]
    assert QLocale().language() == QLocale.Language.English


def test_switching_language_switches_qt_s_words_and_the_status_bar(window):
    window.set_lang("en")
    assert quit_prompt_buttons() == ["Cancel", "Discard", "Save"]
    window.statusBar().showMessage(window.commands["open"].statusTip())  # the pointer rests on "Open"
    window.set_lang("zh")
    assert quit_prompt_buttons() == ["丢弃", "保存", "取消"]
    assert {"文件名称(&N)：", "查找范围(&L)：", "文件类型(&T)："} <= file_dialog_labels()
    assert QCoreApplication.translate("QPrintDialog", "Print") == "打印"
    assert window.statusBar().currentMessage() == ""  # not left in English
    assert window.commands["open"].statusTip() == "打开保存的家庭案例文件"
