"""Results a family can read: income tax as one row per parent and year (the deductions and the saving under
it, on expanding) instead of a line per child, parent and year; the list starts at its top."""

from __future__ import annotations

from PySide6.QtCore import Qt

from ui.result_model import COLUMNS, TaxRow


def tax_category(window):
    model = window.results.model
    return model, model.index(model.category_row("tax"), 0)


def row_texts(model, index) -> list[str]:
    return [model.data(index.siblingAtColumn(c)) for c in range(len(COLUMNS))]


def test_income_tax_is_one_row_per_parent_and_year(window):
    model, tax = tax_category(window)
    # the example family: the father claims every deduction, 2022-2049: 28 rows instead of 95 lines
    assert len([ln for ln in window.session.result.lines if ln.category == "tax"]) == 95
    assert model.rowCount(tax) == 28
    assert model.data(tax) == "个税（28项）"
    rows = [model.item(model.index(r, 0, tax)) for r in range(model.rowCount(tax))]
    assert all(isinstance(r, TaxRow) and r.parent == "father" for r in rows)
    assert [r.year for r in rows] == list(range(2022, 2050))
    in_2025 = model.index(3, 0, tax)
    assert row_texts(model, in_2025)[:3] == ["个税少缴 · 父亲（明细3项）", "2025", "3,792 元"]


def test_expanding_a_tax_row_shows_each_childs_deduction_and_the_saving(window):
    model, tax = tax_category(window)
    in_2025 = model.index(3, 0, tax)
    view = window.results.view
    assert view.isExpanded(tax) and not view.isExpanded(in_2025)  # detail only on asking
    assert model.rowCount(in_2025) == 3
    lines = [row_texts(model, model.index(r, 0, in_2025))[:3] for r in range(3)]
    assert lines == [["个税专项附加扣除 · 第1孩 · 父亲", "2025", "24,000 元（扣除额）"],
                     ["个税专项附加扣除 · 第2孩 · 父亲", "2025", "24,000 元（扣除额）"],
                     ["少缴个税 · 父亲", "2025", "3,792 元"]]
    child = model.index(0, 0, in_2025)
    assert model.parent(child) == in_2025 and model.parent(in_2025) == tax
    assert not model.hasChildren(child) and model.rowCount(child) == 0
    view.expand(in_2025)
    assert view.isExpanded(in_2025)


def test_choosing_a_tax_row_explains_the_saving(window):
    model, tax = tax_category(window)
    window.results.view.setCurrentIndex(model.index(3, 0, tax))
    line = window.explanation.line()
    assert line.id == "tax_saved" and line.year == 2025 and line.amount == 3792
    assert "3,792" in window.explanation.text()
    tip = model.data(model.index(3, 0, tax), Qt.ItemDataRole.ToolTipRole)
    assert "展开" in tip


def test_the_list_starts_at_its_first_lines(window):
    window.resize(1366, 768)
    view = window.results.view
    assert view.verticalScrollBar().value() == 0
    top = view.indexAt(view.viewport().rect().topLeft())
    assert top == window.results.model.index(0, 0)  # the cash category's own row, then its lines
    rows = sum(window.results.model.rowCount(window.results.model.index(g, 0)) + 1
               for g in range(window.results.model.rowCount()))
    assert rows == 111  # 104 lines under 7 categories (the allowance is wage replacement, a group of its own)
