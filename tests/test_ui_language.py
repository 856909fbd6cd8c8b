"""Switching language re-says every visible string; no string reaches the screen around the translations."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import yaml
from PySide6.QtCore import Qt

from ui.i18n import catalogue, language
from ui.main_window import MainWindow

UI = Path(__file__).resolve().parent.parent / "ui"
WINDOW_YAML = UI.parent / "assets" / "i18n" / "window.yaml"
# the window's files (the chart, handout and export modules have their own owner and strings)
WINDOW_FILES = sorted(p for p in UI.glob("*.py") if p.stem not in {
    "__init__", "i18n", "fonts", "chart", "handout", "export", "crash_guard", "kiosk_config", "_frozen_main"})
CJK = re.compile(r"[\u3400-\u9fff]")


def headers(window: MainWindow) -> list[str]:
    model = window.results.model
    return [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]


def test_switching_to_english_retranslates_title_table_form_and_headline(window):
    assert window.windowTitle().startswith("蚌埠市生育支持政策测算")
    assert headers(window)[:3] == ["项目", "年份", "金额或天数"]
    window.commands["lang_en"].trigger()
    assert language() == "en"
    assert window.windowTitle().startswith("Bengbu family-support simulator")
    assert headers(window) == ["Item", "Year", "Amount", "Paid by / ask at", "Source", "Flag"]
    # 11 cash lines: the three maternity allowances are wage replacement, a group of their own
    assert window.results.model.data(window.results.model.index(0, 0)) == "Cash subsidies (11)"
    assert window.form.father.title() == "Father"
    assert window.form.rows.rows[0].label.text() == "Hukou area"
    assert window.form.area.currentText() == "Longzihu District"
    assert window.headline.money.caption.text() == "Added money (whole childhood)"
    assert "yuan" in window.headline.money.value.text()
    assert window.commands["open"].text() == "Open…"
    assert window.commands.menus["file"].title() == "&File"
    assert window.commands["lang_toggle"].text() == "中文"
    assert window.tabs.tabText(1) == "Compare scenarios"
    assert "One-time birth subsidy" in window.explanation.text()
    window.commands["lang_toggle"].trigger()
    assert language() == "zh"
    assert window.form.father.title() == "父亲"
    assert headers(window)[0] == "项目"


def test_a_problem_on_screen_is_said_again_in_the_new_language(window, qtbot):
    field = window.form.children_editor.children_rows[0].birth_date
    field.edit.setText("2020-13-01")
    field.edited.emit()
    qtbot.waitUntil(lambda: field.problem() is not None)
    assert field.problem() == "2020-13-01 这个日期不存在：月份只有 1 到 12"
    window.set_lang("en")
    assert field.problem() == "2020-13-01 is an impossible date: months run from 1 to 12"


def test_no_english_is_left_on_screen_in_chinese_after_a_round_trip(window):
    window.set_lang("en")
    window.set_lang("zh")
    assert window.form.housing.title() == "住房打算"
    assert window.compare.start.text().startswith("开始对比")
    assert window.chart_panel.buttons["leave"].text() == "假期与生育津贴"


def test_every_window_string_has_chinese_and_english():
    data = yaml.safe_load(WINDOW_YAML.read_text(encoding="utf-8"))
    for key, entry in data.items():
        assert key.startswith("win_"), key
        assert entry["zh"].strip() and entry["en"].strip(), key
        assert set(re.findall(r"{(\w+)}", entry["zh"])) == set(re.findall(r"{(\w+)}", entry["en"])), key


def test_every_translation_key_the_window_uses_exists():
    keys = catalogue()
    for path in WINDOW_FILES:
        for key in re.findall(r"""tr\(\s*["'](win_[a-z0-9_]+)["']""", path.read_text(encoding="utf-8")):
            if not key.endswith("_"):  # a prefix completed at run time: see the test below
                assert key in keys, f"{path.name}: {key}"


def test_every_key_built_at_run_time_exists():
    from simulator import default_parameters
    from ui.compare_model import LineDiffModel, YearDiffModel
    from ui.result_model import COLUMNS
    from ui.window_actions import MENUS, SPECS

    built = [f"win_col_{c}" for c in COLUMNS]
    built += [f"win_cmp_{c}" for c in LineDiffModel.COLUMNS] + [f"win_cmpy_{c}" for c in YearDiffModel.COLUMNS]
    built += [f"win_{k}_{n}" for n in SPECS for k in ("act", "tip_act")] + [f"win_menu_{m}" for m in MENUS]
    built += [f"win_status_tip_{s}" for s in ("verified", "secondary", "assumed", "unpublished", "local")]
    built += [f"win_badge_{s}" for s in ("secondary", "assumed", "unpublished", "local")]
    built += [f"win_punit_{p.unit}" for p in default_parameters().values() if p.unit not in ("count", "month_day")]
    built += [f"win_{k}_{t}" for t in ("money", "tax", "leave", "loan") for k in ("head", "tip_head")]
    built += ["win_chart_money", "win_chart_leave", "win_mother", "win_father"]
    missing = [k for k in built if k not in catalogue()]
    assert not missing


def test_no_chinese_text_is_written_into_the_window_code():
    """User-visible words go through tr(); only the language switch names the other language itself (and the
    command line's help, which is bilingual like the simulator's)."""
    allowed = {"中文", "，", "蚌埠市生育支持政策测算 · Bengbu family-support simulator"}
    for path in WINDOW_FILES:
        tree = ast.parse(path.read_text(encoding="utf-8"))
        docstrings = {id(n.body[0].value) for n in ast.walk(tree)
                      if isinstance(n, ast.Module | ast.ClassDef | ast.FunctionDef) and n.body
                      and isinstance(n.body[0], ast.Expr) and isinstance(n.body[0].value, ast.Constant)}
        # patterns that read what people type (2024年3月1日, 15000元) are not shown to anyone
        docstrings |= {id(n.args[0]) for n in ast.walk(tree) if isinstance(n, ast.Call) and
                       isinstance(n.func, ast.Attribute) and n.func.attr == "compile" and n.args}
        for node in ast.walk(tree):
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docstrings:
                assert not CJK.search(node.value) or node.value in allowed, f"{path.name}:{node.lineno}: {node.value!r}"
