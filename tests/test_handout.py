"""The printed handout: a real PDF of one or two A4 pages, Chinese text that survives into the PDF, every figure
traceable to its line, and a failed write that leaves the old file as it was."""

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from simulator import load_example, simulate
from ui import handout
from ui.handout import (
    build_handout_document,
    group_lines,
    print_handout,
    render_handout_pdf,
    write_handout_pdf,
    year_ranges,
)

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def household():
    return load_example()


@pytest.fixture(scope="module")
def result(household):
    return simulate(household)


def page_count(pdf: bytes) -> int:
    return len(re.findall(rb"/Type\s*/Page(?![a-zA-Z])", pdf))


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_example_family_handout_is_a_pdf_of_one_to_three_pages(qapp, tmp_path, household, result, lang):
    out = tmp_path / f"handout-{lang}.pdf"
    write_handout_pdf(out, household, result, lang)
    data = out.read_bytes()
    assert data.startswith(b"%PDF")
    assert 1 <= page_count(data) <= 3
    if shutil.which("pdfinfo"):
        info = subprocess.run(["pdfinfo", str(out)], capture_output=True, text=True, check=True).stdout
        assert re.search(r"^Pages:\s+[123]$", info, re.M)
        assert "A4" in info


@pytest.mark.skipif(not shutil.which("pdffonts"), reason="needs poppler's pdffonts")
def test_the_pdf_embeds_only_the_cjk_font(qapp, tmp_path, household, result):
    out = tmp_path / "handout.pdf"
    write_handout_pdf(out, household, result, "zh")
    rows = subprocess.run(["pdffonts", str(out)], capture_output=True, text=True, check=True).stdout.splitlines()[2:]
    assert rows
    for row in rows:
        name, *_, emb, _sub, uni, _obj, _gen = row.split()
        assert name.startswith("BengbuSansSC") and emb == "yes" and uni == "yes", row


BARE_MACHINE = """
import sys
from PySide6.QtWidgets import QApplication
app = QApplication([])
from simulator import load_example, simulate
from ui.handout import write_handout_pdf
household = load_example()
write_handout_pdf(sys.argv[1], household, simulate(household), "zh")
"""


@pytest.mark.skipif(not shutil.which("pdftotext"), reason="needs poppler's pdftotext")
def test_on_a_machine_without_cjk_fonts_the_shipped_font_writes_real_chinese_text(tmp_path):
    """No system fonts at all (an empty fontconfig): the PDF still carries Chinese as text a reader can copy."""
    conf = tmp_path / "fonts.conf"
    conf.write_text(f"<?xml version='1.0'?><fontconfig><cachedir>{tmp_path / 'cache'}</cachedir></fontconfig>")
    out = tmp_path / "handout.pdf"
    env = {**os.environ, "FONTCONFIG_FILE": str(conf), "QT_QPA_PLATFORM": "offscreen",
           "PYTHONPATH": os.pathsep.join([str(ROOT), os.environ.get("PYTHONPATH", "")])}
    subprocess.run([sys.executable, "-c", BARE_MACHINE, str(out)], env=env, cwd=ROOT, check=True, timeout=120)
    text = subprocess.run(["pdftotext", str(out), "-"], capture_output=True, text=True, check=True).stdout
    assert "蚌埠市生育支持政策测算结果" in text
    assert "户籍所在地：龙子湖区" in text
    assert "金额由当地通知确定" in text
    assert "第1页，共3页" in text


def test_render_reports_the_page_count_it_drew(qapp, household, result):
    data, pages = render_handout_pdf(household, result, "zh")
    assert pages == page_count(data)


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_printing_from_the_window_also_gives_one_to_three_pages(qapp, tmp_path, household, result, lang):
    from PySide6.QtGui import QPageSize
    from PySide6.QtPrintSupport import QPrinter

    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    printer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    assert 1 <= print_handout(printer, household, result, lang) <= 3
    assert 1 <= page_count((tmp_path / "printed.pdf").read_bytes()) <= 3
    assert 1 <= build_handout_document(household, result, lang).pageCount() <= 3  # what QTextDocument.print_ prints


def test_handout_names_the_family_and_marks_the_planned_child(qapp, household, result):
    text = build_handout_document(household, result, "zh").toPlainText()
    assert "户籍所在地：龙子湖区" in text
    assert "母亲：事业单位" in text
    assert "一孩：2020-05-10出生" in text
    assert "三孩：计划2027-09-01出生" in text
    # money the policy adds: 2,000 + 5,000 birth subsidies + 8,100 + 10,800 childcare subsidy = 25,900
    assert "25,900元" in text and "156,299.99" not in text
    # mother: 158 + 173 + 158 maternity + 120 parental (2022-2033); father: 10 (2016 text) + 30 + 30 + 120
    assert "母亲609天，父亲190天" in text
    # the allowance under the leave it pays: 8,000 ÷ 30 × (158 + 173 + 158) = 42,133.33 + 46,133.33 + 42,133.33
    # (the 1st child, born 2020-05-10, has the 2016 text's 60 extra days)
    assert "产假期间由生育津贴130,399.99元代替工资（不是新增的钱）" in text


def test_lines_repeated_each_year_share_a_row_that_keeps_every_figure(qapp, household, result):
    text = build_handout_document(household, result, "zh").toPlainText()
    # income tax saved, 2022–2049: the total and each year's amount
    assert "2022-2049" in text
    assert "共106,116元" in text
    assert "2028-2041 4,440" in text
    # parental leave: the same 10 days a year for 12 years (2022, when the 2021 revision took effect, to 2033)
    assert "每年10天" in text and "共120天" in text
    # an amount only a local notice sets
    assert "2034-2042" in text


def test_every_line_is_in_the_handout_with_its_source(qapp, household, result):
    text = build_handout_document(household, result, "en").toPlainText()
    for ln in result.lines:
        assert ln.source.split(";")[0].replace(" ", "\xa0") in text or ln.source.split(";")[0] in text
    for group in group_lines(ln for ln in result.lines if ln.unit != "entitlement"):
        assert year_ranges(ln.year for ln in group) in text
    for ln in result.select("entitlement"):
        assert ln.department["en"] in text
        assert ln.text("en") in text


def test_the_sources_list_names_the_source_of_every_dated_value_used(qapp, household, result):
    """The example's first child (2020) gets Anhui's leave under the 2016 text: its lines cite ah-pfp, but the
    values came from ah-pfp-2016, which the list of sources must then name too."""
    used = {u.reference.split(" ")[0] for ln in result.lines for u in ln.uses if u.reference}
    assert "ah-pfp-2016" in used
    text = build_handout_document(household, result, "en").toPlainText()
    sources = text[text.rindex("Sources"):]
    assert "ah-pfp-2016" in sources
    for source in used & set(handout.default_parameters().sources):
        assert source in sources


def test_assumptions_and_unpublished_figures_are_listed(qapp, household, result):
    text = build_handout_document(household, result, "zh").toPlainText()
    assert "假设与尚未公布的数据" in text
    assert "公积金贷款最高额度" in text or "bengbu-2024 §5" in text
    assert "以上均为根据所填情况" in text


def test_year_ranges_join_consecutive_years():
    assert year_ranges([2027, 2021, 2022, 2023]) == "2021-2023, 2027"
    assert year_ranges([2024]) == "2024"


def test_a_failed_render_leaves_the_old_file_untouched(qapp, tmp_path, household, result, monkeypatch):
    out = tmp_path / "handout.pdf"
    out.write_bytes(b"%PDF old handout")

    def broken(*_args, **_kwargs):
        raise RuntimeError("renderer crashed")

    monkeypatch.setattr(handout, "render_handout_pdf", broken)
    with pytest.raises(RuntimeError):
        write_handout_pdf(out, household, result, "zh")
    assert out.read_bytes() == b"%PDF old handout"
    assert [p.name for p in tmp_path.iterdir()] == ["handout.pdf"]


def test_a_write_failing_half_way_leaves_the_old_file_and_no_temporary_file(qapp, tmp_path, household, result, monkeypatch):
    out = tmp_path / "handout.pdf"
    out.write_bytes(b"%PDF old handout")

    def disk_full(_fd):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(handout.os, "fsync", disk_full)
    with pytest.raises(OSError):
        write_handout_pdf(out, household, result, "zh")
    assert out.read_bytes() == b"%PDF old handout"
    assert [p.name for p in tmp_path.iterdir()] == ["handout.pdf"]


# -- what a machine reads back from the PDF (pdftotext: copy-paste, search and screen readers see the same) ------

NUMBERED = re.compile(r"[A-Za-z§(（]*\d[\d,.:/\-]*")


def pdf_text(path: Path, first: int | None = None, last: int | None = None) -> str:
    pages = (["-f", str(first)] if first else []) + (["-l", str(last)] if last else [])
    return subprocess.run(["pdftotext", *pages, str(path), "-"], capture_output=True, text=True, check=True).stdout


def numbered_tokens(text: str) -> set[str]:
    """Every run of text holding a digit: amounts, dates, years, clauses ('bengbu-2024', '§4', 'Art.', '56')."""
    return set(NUMBERED.findall(text.replace("\xa0", " ")))


@pytest.mark.skipif(not shutil.which("pdftotext"), reason="needs poppler's pdftotext")
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_every_amount_date_and_clause_comes_out_of_the_pdf_text_as_printed(qapp, tmp_path, household, result, lang):
    out = tmp_path / "handout.pdf"
    write_handout_pdf(out, household, result, lang)
    text = pdf_text(out).replace("\xa0", " ")
    for ln in result.lines:
        for ref in ln.source.split(";"):
            assert ref.strip() in text, ref  # "bengbu-2024 §4", "cn-sil Art. 56", "cn-lp619 Art. 8"
    assert "2022-2049" in text  # a year range, with the dash a search box types
    printed = numbered_tokens(build_handout_document(household, result, lang).toPlainText())
    extracted = numbered_tokens(text)
    assert printed - extracted == set()


@pytest.mark.skipif(not shutil.which("pdftotext"), reason="needs poppler's pdftotext")
def test_no_row_of_the_table_is_split_across_two_pages(qapp, tmp_path, household, result):
    out = tmp_path / "handout.pdf"
    write_handout_pdf(out, household, result, "zh")
    page1, page2 = pdf_text(out, 1, 1), pdf_text(out, 2, 2)
    # the 3rd child's maternity leave row (2027, 158 days), which the first page's foot used to cut in two
    explanation = next(ln for ln in result.select("maternity_leave") if ln.year == 2027).text("zh")
    start, end = explanation[:12], explanation[-8:]
    on_one_page = [(start in p.replace("\n", "")) and (end in p.replace("\n", "")) for p in (page1, page2)]
    assert any(on_one_page), (start, end)
    doc = build_handout_document(household, result, "zh")
    assert handout._rows_split_by_pages(doc) == []


@pytest.mark.skipif(not shutil.which("pdftotext"), reason="needs poppler's pdftotext")
def test_a_unit_never_wraps_inside_its_word(qapp, tmp_path, household, result):
    out = tmp_path / "handout.pdf"
    write_handout_pdf(out, household, result, "zh")
    text = pdf_text(out)
    assert "共478,000元（扣除额）" in text  # one line, not "（扣除" then "额）"
    assert "（扣除\n" not in text
