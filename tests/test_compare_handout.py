"""Printable comparisons: during a comparison the handout sets A, B and the difference side by side, by category
and year; the command line does the same without a window; the comparison list groups income tax per parent
and year."""

from __future__ import annotations

import json
import shutil
import subprocess

import pytest

from simulator import load_example
from ui import app
from ui.compare_model import ABSENT, TaxDiff, line_differences
from ui.main_window import MainWindow
from ui.session import Session

pytestmark = pytest.mark.skipif(not shutil.which("pdftotext"), reason="needs poppler's pdftotext")


def pdf_text(path) -> str:
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True).stdout


@pytest.fixture
def cases(tmp_path):
    """A: the example family with its first two children; B: the example family (a third child, 2027-09-01)."""
    data = json.loads(load_example().model_dump_json())
    a, b = tmp_path / "A.json", tmp_path / "B.json"
    a.write_text(json.dumps({**data, "children": data["children"][:2], "label": "王家"}, ensure_ascii=False), "utf-8")
    b.write_text(json.dumps({**data, "label": "王家（三孩）"}, ensure_ascii=False), "utf-8")
    return a, b


def check_comparison_text(text: str) -> None:
    assert "方案对比：方案A与方案B" in text
    assert "家庭：王家（三孩）" in text
    # money the policy adds: A 10,100 (2,000 birth subsidy + 27 × 300 childcare subsidy for the 2nd child);
    # B 25,900; B − A = the third child's 5,000 birth subsidy + 10,800 national childcare subsidy
    # (900 + 3,600 + 3,600 + 2,700) = 15,800. The maternity allowance is apart (issue 13, point 7)
    row = next(ln for ln in text.splitlines() if ln.strip().startswith("政策增加的钱款合计"))
    assert row.split()[1:] == ["10,100元", "25,900元", "+15,800元"]
    # wage replacement: A 42,133.33 (1st child, born 2020-05-10, Anhui's 2016 text: 8,000 ÷ 30 × 158) + 46,133.33
    # (173 days) = 88,266.66; B adds 8,000 ÷ 30 × 158 = 42,133.33 for the 3rd child
    row = next(ln for ln in text.splitlines() if ln.strip().startswith("工资替代（生育津贴）"))
    assert row.split()[1:] == ["88,266.66元", "130,399.99元", "+42,133.33元"]
    # by year and category: 2027's cash 900 → 6,800 (5,000 + 900 + the 2nd child's 900); the allowance apart
    row = next(ln for ln in text.splitlines() if ln.strip().startswith("2027") and "现金补贴" in ln)
    assert row.split()[-3:] == ["900元", "6,800元", "+5,900元"]
    row = next(ln for ln in text.split("逐年分类对比")[1].splitlines() if "工资替代（生育津贴）" in ln and "42,133.33" in ln)
    assert row.split()[-3:] == ["0元", "42,133.33元", "+42,133.33元"]
    # the mother's leave in all: 158 (2020, 2016 text) + 173 (2024) + parental leave 2022 … 2030, 9 × 10 = 421
    row = next(ln for ln in text.splitlines() if "母亲假期" in ln and "总体" not in ln and "421天" in ln)
    assert row.split()[-3:] == ["421天", "609天", "+188天"]  # 158 days of maternity leave and 30 of parental leave
    # line by line: income tax one row per parent and year
    assert "个税少缴 · 父亲" in text and "个税专项附加扣除" not in text.split("逐项差别")[1]


def comparing_window(qtbot, a_path) -> MainWindow:
    """The window with case A opened and kept as scenario A, then B made by adding the third child (2027-09-01)."""
    window = MainWindow(Session())
    qtbot.addWidget(window)
    window.show()
    window.session.open(a_path)
    window.commands["compare"].trigger()  # A kept; what follows changes B
    children = window.form.children_editor
    children.add.click()
    field = children.children_rows[-1].birth_date
    field.edit.setText("2027-09-01")
    field.edited.emit()
    assert window.session.comparing and len(window.session.household.children) == 3
    return window


def test_exporting_during_a_comparison_prints_a_b_and_the_difference(qtbot, tmp_path, cases):
    a, _b = cases
    window = comparing_window(qtbot, a)
    window.case_details.label.setText("王家（三孩）")
    window.case_details.label.textEdited.emit("王家（三孩）")
    out = tmp_path / "comparison.pdf"
    assert window.export_handout(out)
    check_comparison_text(pdf_text(out))


def test_the_command_line_writes_the_comparison_without_a_window(qapp, tmp_path, cases, monkeypatch, home):
    a, b = cases
    out = tmp_path / "out.pdf"

    def no_window(*_args, **_kwargs):
        raise AssertionError("a window was made")

    monkeypatch.setattr("ui.main_window.MainWindow.__init__", no_window)
    assert app.main(["--case", str(a), "--compare", str(b), "--handout", str(out)]) == 0
    check_comparison_text(pdf_text(out))
    info = subprocess.run(["pdfinfo", str(out)], capture_output=True, text=True, check=True).stdout
    assert "A4" in info


def test_a_bad_b_file_is_refused_with_its_problems(qapp, tmp_path, cases, capsys, home):
    a, _b = cases
    bad = tmp_path / "bad.json"
    bad.write_text('{"schema_version": 1, "hukou_area": "shanghai"}', encoding="utf-8")
    assert app.main(["--case", str(a), "--compare", str(bad), "--handout", str(tmp_path / "x.pdf")]) == 2
    assert "hukou_area" in capsys.readouterr().err
    assert not (tmp_path / "x.pdf").exists()


def test_the_comparison_list_groups_income_tax_per_parent_and_year(qtbot, cases):
    a, b = cases
    window = MainWindow(Session())
    qtbot.addWidget(window)
    window.session.open(a)
    from simulator import load_case

    window.session.compare_with(load_case(b))
    model = window.compare.lines_model
    raw = line_differences(window.session.baseline_result, window.session.result)
    tax_lines = [d for d in raw if d.line.id in ("tax_deduction", "tax_saved")]
    tax_rows = [r for r in model.rows if isinstance(r, TaxDiff)]
    assert len(tax_rows) == len({(d.year, d.line.parent) for d in tax_lines}) < len(tax_lines)
    assert not any(r.line.id in ("tax_deduction", "tax_saved") for r in model.rows if not isinstance(r, TaxDiff))
    # 2027: the father's saving grows by 240 (3,792 → 4,032); under it the 3rd child's new deduction and the saving
    r = next(i for i, row in enumerate(model.rows) if isinstance(row, TaxDiff) and row.year == 2027)
    row = model.rows[r]
    assert (row.parent, row.a, row.b, row.change) == ("father", 3792.0, 4032.0, 240.0)
    shown = [model.data(model.index(r, c)) for c in range(model.columnCount())]
    assert shown == [f"个税少缴 · 父亲（明细{len(row.details)}项）", "2027", "3,792", "4,032", "+240"]
    top = model.index(r, 0)
    details = [model.data(model.index(k, 0, top)) for k in range(model.rowCount(top))]
    assert "个税专项附加扣除 · 第3孩 · 父亲" in details and "少缴个税 · 父亲" in details
    assert all(d.a is ABSENT or d.a is not None for d in row.details)


def test_a_line_not_computed_in_a_is_printed_as_not_computed_with_why(qapp, tmp_path, home):
    """A: born 2016-01-15, before the pack's earliest Anhui leave rule (ah-pfp-2016, from 2016-01-16): leave and
    allowance not computed. B: born 2016-01-16: 98 + 60 = 158 days, paternity 10 days, allowance
    7,000 ÷ 30 × 158 = 36,866.67. The printed comparison must not call A's missing figures local notices."""
    family = {"schema_version": 1, "hukou_area": "huaiyuan", "as_of": "2026-11-28",
              "mother": {"employer": "private", "monthly_salary": 6500, "employer_avg_monthly_wage": 7000},
              "father": {"employer": "soe", "monthly_salary": 11000}}
    a, b = tmp_path / "A.json", tmp_path / "B.json"
    a.write_text(json.dumps({**family, "children": [{"birth_date": "2016-01-15"}]}), "utf-8")
    b.write_text(json.dumps({**family, "children": [{"birth_date": "2016-01-16"}]}), "utf-8")
    for lang, allowance, why in (
            ("zh", ["2016", "未计算", "36,866.67元", "差额未计算"],
             "方案A：2016-01-15的生育早于本数据包最早的生育津贴或产假规定"),
            ("en", ["2016", "not", "computed", "36,866.67", "yuan", "not", "computed"],
             "A: The birth on 2016-01-15 came before")):
        out = tmp_path / f"{lang}.pdf"
        assert app.main(["--case", str(a), "--compare", str(b), "--handout", str(out), "--lang", lang]) == 0
        text = pdf_text(out)
        by_line = text.split("逐项差别" if lang == "zh" else "Line by line")[1].split("依据文件" if lang == "zh" else "Sources")[0]
        row = next(ln for ln in by_line.splitlines() if ("生育津贴" if lang == "zh" else "Maternity allowance") in ln)
        assert row.split()[-len(allowance):] == allowance
        assert why in " ".join(by_line.split())
        assert ("未计算的项（方案A 3 项，方案B 0 项）不在合计中" if lang == "zh"
                else "Lines not computed (A 3, B 0) are in neither total") in " ".join(text.split())
        assert ("金额由当地通知确定" if lang == "zh" else "set by local notice") not in by_line
