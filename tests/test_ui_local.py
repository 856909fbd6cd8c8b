"""A counselor's local figures: entered in the dialog, marked 'locally entered' wherever they are used."""

from __future__ import annotations

import pytest
import yaml
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from ui.local_figures_dialog import LocalFiguresDialog
from ui.result_model import COLUMNS, line_key

CEILING = "bengbu.provident_fund.loan_ceiling"


@pytest.fixture
def dialog(window, qtbot) -> LocalFiguresDialog:
    d = LocalFiguresDialog(window.session, window)
    qtbot.addWidget(d)
    return d


def press_ok(qtbot, dialog: LocalFiguresDialog) -> None:
    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton)


def test_the_dialog_offers_exactly_the_unpublished_figures(dialog):
    assert dialog.names == sorted([
        "bengbu.after_school.annual_fee", "bengbu.childcare.enrolment_subsidy", "bengbu.housing.home_purchase_subsidy",
        "bengbu.preschool.annual_fee", CEILING, "anhui.maternity_insurance.flexible_worker_allowance"])
    assert dialog.labels[CEILING].text() == "公积金贷款最高额度"


def test_a_local_loan_ceiling_marks_the_loan_lines_locally_entered(window, dialog, qtbot):
    assert window.headline.loan.value.text() == "—"
    qtbot.keyClicks(dialog.fields[CEILING].edit, "600000")
    press_ok(qtbot, dialog)
    assert dialog.result() == dialog.DialogCode.Accepted
    assert window.session.local_figures == {CEILING: 600000.0}
    uplift = window.session.result.select("provident_fund_uplift")
    assert uplift and all(ln.status == "local" for ln in uplift) and uplift[0].amount
    model = window.results.model
    index = model.index_of(line_key(uplift[0]))
    assert model.data(index.siblingAtColumn(COLUMNS.index("status"))) == "当地录入"
    assert window.headline.loan.value.text() != "—"
    assert "当地录入数据：1 项" in window.status_label.text()
    assert window.session.result.local_parameters == [CEILING]


def test_a_figure_out_of_range_is_marked_and_nothing_changes(window, dialog, qtbot):
    result = window.session.result
    qtbot.keyClicks(dialog.fields[CEILING].edit, "-5")
    press_ok(qtbot, dialog)
    assert dialog.result() != dialog.DialogCode.Accepted
    assert "minimum" in dialog.fields[CEILING].problem()
    assert window.session.local_figures == {} and window.session.result is result


def test_local_figures_save_to_a_file_and_load_back(window, dialog, qtbot, tmp_path):
    qtbot.keyClicks(dialog.fields["bengbu.preschool.annual_fee"].edit, "3600")
    path = tmp_path / "怀远县.yaml"
    dialog.save_file(path)
    assert yaml.safe_load(path.read_text(encoding="utf-8")) == {"bengbu.preschool.annual_fee": 3600}
    fresh = LocalFiguresDialog(window.session, window)
    qtbot.addWidget(fresh)
    assert fresh.load_file(path)
    assert fresh.fields["bengbu.preschool.annual_fee"].edit.text() == "3600"
    assert fresh.apply()
    waived = window.session.result.select("preschool_fee_waiver")
    assert waived and all(ln.status == "local" for ln in waived)


def test_a_figures_file_with_an_unknown_name_is_refused(dialog, tmp_path):
    path = tmp_path / "odd.yaml"
    path.write_text("bengbu.birth_subsidy.second_child: 9000\n", encoding="utf-8")
    assert not dialog.load_file(path)
    assert "bengbu.birth_subsidy.second_child" in dialog.message.text()
