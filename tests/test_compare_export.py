"""Issue 14.7 for the spreadsheet: exporting the CSV during a comparison writes A, B and the difference, by
category and year and line by line (income tax one row per parent and year), not B alone."""

from __future__ import annotations

import csv
import io

import pytest

from tests.test_compare_handout import (
    cases,  # noqa: F401  (the fixture: A two children, B the third born 2027-09-01)
    comparing_window,
)
from ui.compare_export import comparison_csv
from ui.main_window import MainWindow
from ui.session import Session


def rows_of(path) -> list[list[str]]:
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf") and b"\r\n" in raw  # Excel's UTF-8, as the lines CSV
    return list(csv.reader(io.StringIO(raw.decode("utf-8-sig"), newline="")))


def find(rows, part: str, item: str, year: str = "") -> list[str]:
    found = [r for r in rows if r[0] == part and r[2] == item and r[1] == year]
    assert len(found) == 1, (part, item, year, found)
    return found[0]


def test_the_csv_exported_while_comparing_has_a_b_and_the_difference(qtbot, tmp_path, cases):  # noqa: F811
    a, _b = cases
    window = comparing_window(qtbot, a)
    out = tmp_path / "comparison.csv"
    assert window.export_csv(out)
    rows = rows_of(out)
    assert rows[0] == ["部分", "年份", "项目", "孩次", "父/母", "单位", "方案A", "方案B", "差额（B−A）", "依据", "备注"]
    assert all(len(r) == 11 for r in rows)
    # money the policy adds: A 10,100 (2,000 birth subsidy + 27 × 300 childcare subsidy for the 2nd child);
    # B 25,900; B − A = the third child's 5,000 birth subsidy + 10,800 national childcare subsidy
    # (900 + 3,600 + 3,600 + 2,700) = 15,800
    assert find(rows, "总体结果", "政策增加的钱款合计")[5:9] == ["元", "10100", "25900", "15800"]
    # wage replacement apart: A 42,133.33 (1st child 2020, 2016 text: 8,000 ÷ 30 × 158) + 46,133.33 (173 days)
    # = 88,266.66; B adds 8,000 ÷ 30 × 158 = 42,133.33 for the 3rd child
    assert find(rows, "总体结果", "工资替代（生育津贴）")[5:9] == ["元", "88266.66", "130399.99", "42133.33"]
    # the mother's leave: 158 (2020, 2016 text) + 173 (2024) + parental leave 2022 … 2030, 9 × 10 = 421 → 609
    # days (158 days of maternity leave and 30 of parental leave for the third)
    assert find(rows, "总体结果", "母亲假期")[4:9] == ["母亲", "天", "421", "609", "188"]
    # 2027's cash: 900 (the 2nd child's childcare subsidy) → 6,800 (+ 5,000 + 900); its allowance apart
    assert find(rows, "逐年分类", "现金补贴", "2027")[6:9] == ["900", "6800", "5900"]
    assert find(rows, "逐年分类", "工资替代（生育津贴）", "2027")[6:9] == ["0", "42133.33", "42133.33"]
    # every year and category, the equal ones too: 2020's cash is the same in both (nothing born then differs)
    same = find(rows, "逐年分类", "现金补贴", "2020")
    assert same[6] == same[7] and same[8] == "0"
    years = {r[1] for r in rows if r[0] == "逐年分类"}
    assert {"2020", "2027", "2049"} <= years
    # line by line: the third child's birth subsidy is only in B
    line = next(r for r in rows if r[0] == "逐项差别" and r[2] == "一次性生育补助" and r[3] == "3")
    assert line[1] == "2027" and line[6:11] == ["", "5000", "5000", "bengbu-2024 §4", "只在方案B中"]
    # income tax one row per parent and year, never the deduction lines under it
    tax = [r for r in rows if r[0] == "逐项差别" and r[2].startswith("个税")]
    assert tax and all(r[2] in ("个税少缴 · 母亲", "个税少缴 · 父亲") for r in tax)
    assert len({(r[1], r[2]) for r in tax}) == len(tax)
    assert not [r for r in rows if r[2] == "个税专项附加扣除"]


def test_the_comparison_csv_in_english(qtbot, tmp_path, cases):  # noqa: F811
    a, _b = cases
    window = comparing_window(qtbot, a)
    s = window.session
    rows = list(csv.reader(io.StringIO(comparison_csv(s.baseline_result, s.result, "en").lstrip("\ufeff"),
                                       newline="")))
    assert rows[0] == ["Part", "Year", "Item", "Child", "Parent", "Unit", "A", "B", "Difference (B − A)", "Source",
                       "Note"]
    assert find(rows, "Totals", "Mother's leave")[6:9] == ["421", "609", "188"]


@pytest.mark.parametrize("comparing", [False, True])
def test_without_a_comparison_the_csv_is_still_every_line(qtbot, tmp_path, cases, comparing):  # noqa: F811
    a, _b = cases
    window = MainWindow(Session())
    qtbot.addWidget(window)
    window.session.open(a)
    if comparing:
        window.commands["compare"].trigger()
        window.commands["compare"].trigger()  # and back: one family again
    out = tmp_path / "lines.csv"
    assert window.export_csv(out)
    rows = rows_of(out)
    assert rows[0][0] == "年份" and len(rows) - 1 == len(window.session.result.lines)


def test_a_line_only_in_b_whose_amount_is_set_by_local_notice_says_both(qtbot, tmp_path, cases):  # noqa: F811
    a, _b = cases
    window = comparing_window(qtbot, a)
    s = window.session
    rows = list(csv.reader(io.StringIO(comparison_csv(s.baseline_result, s.result, "zh").lstrip("\ufeff"),
                                       newline="")))
    # §7 childcare enrolment help for the third child, in the year it turns 2 (2029): amount unpublished
    row = next(r for r in rows if r[0] == "逐项差别" and r[3] == "3" and r[9] == "bengbu-2024 §7")
    assert row[1] == "2029" and row[6:9] == ["", "", ""]
    assert row[10] == "只在方案B中；差额未知（金额由当地通知确定）"
