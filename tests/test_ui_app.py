"""Start-up options, keyboard use and text size."""

from __future__ import annotations

import json

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication, QWidget

from ui.app import main
from ui.i18n import language, set_language


@pytest.fixture(autouse=True)
def chinese():
    set_language("zh")
    font = QApplication.instance().font() if QApplication.instance() else None
    yield
    set_language("zh")
    if font is not None:
        QApplication.instance().setFont(font)


def test_screenshot_renders_the_example_family_at_the_asked_size(qapp, tmp_path):
    out = tmp_path / "window.png"
    assert main(["--screenshot", str(out), "--size", "1024x700", "--lang", "en"]) == 0
    image = QImage(str(out))
    assert (image.width(), image.height()) == (1024, 700)
    assert language() == "en"


def test_a_bad_case_file_on_the_command_line_exits_2_and_says_why(qapp, tmp_path, capsys):
    case = tmp_path / "case.json"
    case.write_text(json.dumps({"schema_version": 1, "hukou_area": "longzihu"}), encoding="utf-8")
    assert main(["--case", str(case), "--screenshot", str(tmp_path / "x.png")]) == 2
    assert "mother/father" in capsys.readouterr().err
    assert not (tmp_path / "x.png").exists()


def test_handout_option_writes_the_pdf(qapp, tmp_path):
    pytest.importorskip("ui.handout")
    out = tmp_path / "handout.pdf"
    assert main(["--handout", str(out)]) == 0
    assert out.read_bytes().startswith(b"%PDF")


def focus_chain(start: QWidget, stop: QWidget) -> list[QWidget]:
    chain, w = [start], start.nextInFocusChain()
    while w is not stop and w is not start:
        chain.append(w)
        w = w.nextInFocusChain()
    return [*chain, stop]


def test_tab_goes_through_the_form_in_reading_order_including_a_child_added_later(window):
    form = window.form
    chain = focus_chain(form.area, form.housing.first_loan)
    order = [form.area, form.split, form.as_of.edit, form.mother, form.mother.employer, form.mother.salary.edit,
             form.father, form.father.salary.edit, form.children_editor.children_rows[0].birth_date.edit,
             form.children_editor.add, form.housing.first_loan]
    positions = [chain.index(w) for w in order]
    assert positions == sorted(positions)
    form.children_editor.add.click()
    new = form.children_editor.children_rows[-1]
    chain = focus_chain(form.area, form.housing.first_loan)
    assert chain.index(form.children_editor.children_rows[2].remove) < chain.index(new.birth_date.edit) \
        < chain.index(form.children_editor.add)


def test_ctrl_plus_minus_and_zero_scale_the_text(window, qtbot):
    from ui.main_window import base_point_size

    app = QApplication.instance()
    base = base_point_size(app)  # the application's 100 %
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(window, Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)
    assert app.font().pointSizeF() > base
    big = window.headline.money.value.font().pointSizeF()
    qtbot.keyClick(window, Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier)
    assert app.font().pointSizeF() == base
    assert window.headline.money.value.font().pointSizeF() < big
    qtbot.keyClick(window, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    assert app.font().pointSizeF() < base


def test_the_line_chosen_with_the_keyboard_is_explained(window, qtbot):
    view = window.results.view
    view.setFocus()
    view.setCurrentIndex(window.results.model.index(0, 0))
    qtbot.keyClick(view, Qt.Key.Key_Down)
    line = window.results.current_line()
    assert line is not None and line.text("zh") in window.explanation.text()


def test_the_headline_gives_the_added_money_and_shows_the_allowance_with_the_leave(window):
    # the example family: added money 2,000 + 5,000 birth subsidies + 8,100 + 10,800 childcare subsidy = 25,900
    assert window.headline.money.value.text() == "25,900 元"
    assert "不含生育津贴" in window.headline.money.detail.text()
    # the allowance paying the leave: 8,000 ÷ 30 × (158 + 173 + 158) = 130,399.99, said not to be new money
    assert window.headline.leave.value.text() == "609 · 190 天"
    assert window.headline.leave.detail.text() == "产假由生育津贴 130,399.99 元代替工资（不是新增的钱）"
    results = window.results.model
    names = [results.data(results.index(g, 0)) for g in range(results.rowCount())]
    assert "工资替代（生育津贴）（3项）" in names
    assert names.index("工资替代（生育津贴）（3项）") == next(i for i, n in enumerate(names) if n.startswith("假期")) + 1
