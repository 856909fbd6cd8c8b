"""The lines CSV: opens in Excel with its Chinese intact, one row per line, amounts a spreadsheet can add up."""

import csv
import io

import pytest

from simulator import caseio, load_example, simulate
from ui.export import write_lines_csv


@pytest.fixture(scope="module")
def result():
    return simulate(load_example())


def read(path):
    raw = path.read_bytes()
    return raw, list(csv.reader(io.StringIO(raw.decode("utf-8-sig"), newline="")))


def test_csv_starts_with_a_bom_so_excel_reads_utf8(tmp_path, result):
    out = tmp_path / "lines.csv"
    write_lines_csv(out, result, "zh")
    raw, _ = read(out)
    assert raw.startswith(b"\xef\xbb\xbf")
    assert b"\r\n" in raw


def test_chinese_csv_has_a_header_and_one_row_per_line(tmp_path, result):
    out = tmp_path / "lines.csv"
    write_lines_csv(out, result, "zh")
    _, rows = read(out)
    assert rows[0] == ["年份", "项目", "孩次", "父/母", "金额/天数", "单位", "支付方", "依据", "状态", "说明", "计入合计"]
    assert len(rows) - 1 == len(result.lines)
    assert all(len(row) == 11 for row in rows)


def test_the_maternity_allowance_row_counts_in_wage_replacement_not_the_added_money(tmp_path, result):
    out = tmp_path / "lines.csv"
    write_lines_csv(out, result, "zh")
    _, rows = read(out)
    allowance = next(r for r in rows[1:] if r[1] == "生育津贴" and r[2] == "2")
    # 8,000 ÷ 30 × 173 (158 + 15 difficult birth) = 46,133.33
    assert float(allowance[4]) == 46133.33 and allowance[10] == "工资替代（生育津贴）"
    subsidy = next(r for r in rows[1:] if r[1] == "一次性生育补助" and r[2] == "2")
    assert subsidy[10] == "政策增加的钱款合计"


def test_second_child_birth_subsidy_row_reads_like_the_line(tmp_path, result):
    out = tmp_path / "lines.csv"
    write_lines_csv(out, result, "zh")
    _, rows = read(out)
    row = next(r for r in rows[1:] if r[1] == "一次性生育补助" and r[2] == "2")
    assert row[0] == "2024"
    assert float(row[4]) == 2000
    assert row[5] == "元"
    assert row[6] == "用人单位 2000"
    assert row[7] == "bengbu-2024 §4"
    assert row[8] == "已核实"
    assert "一次性补助2,000元" in row[9]


def test_amounts_are_plain_numbers_and_unknown_amounts_are_empty_with_their_status(tmp_path, result):
    out = tmp_path / "lines.csv"
    write_lines_csv(out, result, "zh")
    _, rows = read(out)
    for line, row in zip(result.lines, rows[1:], strict=True):
        if line.amount is None:
            assert row[4] == ""
            if line.unit != "entitlement":
                assert row[8] == ("未计算" if line.status == "not_computed" else "金额未公布")
        else:
            assert float(row[4]) == pytest.approx(line.amount, abs=0.005)
            assert "," not in row[4]
    allowance = next(r for r in rows[1:] if r[1] == "生育津贴" and r[2] == "1")
    # born 2020-05-10: 98 + 60 (the 2016 text) = 158 days; 8,000 ÷ 30 × 158 = 42,133.33
    assert allowance[4] == "42133.33"


def test_english_csv_is_in_english(tmp_path, result):
    out = tmp_path / "lines.csv"
    write_lines_csv(out, result, "en")
    _, rows = read(out)
    assert rows[0][:2] == ["Year", "Item"]
    assert any(r[1] == "Parental leave" and r[3] == "mother" and r[5] == "days" for r in rows[1:])
    assert any(r[8] == "amount set by local notice" and r[4] == "" for r in rows[1:])


def test_a_failed_write_leaves_the_old_file(tmp_path, result, monkeypatch):
    out = tmp_path / "lines.csv"
    out.write_text("old", encoding="utf-8")

    def disk_full(_fd):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(caseio.os, "fsync", disk_full)
    with pytest.raises(OSError):
        write_lines_csv(out, result, "zh")
    assert out.read_text(encoding="utf-8") == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["lines.csv"]
