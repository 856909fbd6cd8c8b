"""Typing into the form updates the results table in place: the same lines keep their rows, selection and
scroll position and show their new figures; lines that come or go reset the table, and its columns are
measured again once the typing pauses. The comparison tab, when not showing, catches up when shown."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt

from simulator import load_example
from ui.main_window import MainWindow
from ui.number_field import NumberField
from ui.result_model import COLUMNS, LINE_ROLE, STATUS_ROLE, amount_text, line_key
from ui.results_table import REFIT_PAUSE_MS
from ui.session import Session

ROLES = (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.TextAlignmentRole,
         Qt.ItemDataRole.ForegroundRole, Qt.ItemDataRole.FontRole, Qt.ItemDataRole.DecorationRole,
         Qt.ItemDataRole.BackgroundRole, Qt.ItemDataRole.CheckStateRole, LINE_ROLE, STATUS_ROLE)


def field(window: MainWindow, path: str) -> NumberField:
    return next(f for f in window.findChildren(NumberField) if f.path == path)


def type_number(window: MainWindow, path: str, text: str) -> None:
    edit = field(window, path).edit
    edit.setText(text)
    edit.textEdited.emit(text)  # what typing emits; the form submits synchronously


def select(window: MainWindow, line_id: str, parent: str, year: int):
    line = next(ln for ln in window.session.result.lines
                if ln.id == line_id and ln.parent == parent and ln.year == year)
    window.results.select_line(line)
    return line


def test_a_new_salary_keeps_the_selected_tax_line_and_shows_its_new_saving(window, qtbot):
    before = select(window, "tax_saved", "father", 2030)
    table = window.results
    scroll = table.view.verticalScrollBar().value()
    with qtbot.assertNotEmitted(table.model.modelReset):
        type_number(window, "father.jobs[0].monthly_salary", "30000")
    after = table.current_line()
    assert line_key(after) == line_key(before)
    assert after is not before and after in window.session.result.lines
    assert after.amount > before.amount  # a higher salary, a higher bracket: the same deduction saves more
    index = table.view.currentIndex().siblingAtColumn(COLUMNS.index("amount"))
    assert index.data() == amount_text(after)
    assert window.explanation.line() is after
    assert table.view.verticalScrollBar().value() == scroll


def test_lines_that_come_or_go_reset_the_table_and_the_columns_are_measured_once_typing_pauses(qtbot):
    session = Session(load_example())
    window = MainWindow(session)
    qtbot.addWidget(window)
    window.show()
    table = window.results
    measured = table._natural
    lines = len(session.result.lines)
    with qtbot.waitSignal(table.model.modelReset):
        window.form.children_editor.add.click()  # a planned child: new lines
    assert len(session.result.lines) != lines
    assert table._refit.isActive() and table._natural is measured  # not measured in the middle of typing
    qtbot.wait(REFIT_PAUSE_MS + 200)
    assert not table._refit.isActive() and table._natural is not measured
    assert set(table._natural) == set(range(len(COLUMNS)))


def test_every_cell_answers_the_same_whether_asked_role_by_role_or_all_at_once(window):
    """multiData (how Qt's delegate asks when painting) and data (how everything else asks) agree, also when
    the same role-data objects are handed in cell after cell, as Qt's item delegate does."""
    from PySide6.QtCore import QModelRoleData

    model = window.results.model
    tops = [model.index(r, c) for r in range(model.rowCount()) for c in range(len(COLUMNS))]
    rows = [model.index(r, 0, model.index(g, 0)) for g in range(model.rowCount())
            for r in range(model.rowCount(model.index(g, 0)))]
    rows += [model.index(r, 0, row) for row in rows for r in range(model.rowCount(row))]  # a tax row's lines
    cells = tops + [model.index(row.row(), c, row.parent()) for row in rows for c in range(len(COLUMNS))]
    assert len(cells) > 6 * len(window.session.result.lines)
    asked = [QModelRoleData(int(role)) for role in ROLES]  # reused, like the delegate's own
    for index in cells + cells[::-1] + [QModelIndex()]:
        model.multiData(index, asked)
        for role, answer in zip(ROLES, asked, strict=True):
            expected = model.data(index, role)
            got = answer.data()
            if hasattr(expected, "italic"):  # a QFont: compare what it says
                assert got.italic() == expected.italic() and got.bold() == expected.bold()
            else:
                assert got == expected, (index.row(), index.column(), role)


def test_the_model_refuses_indexes_outside_its_rows(window):
    model = window.results.model
    groups = model.rowCount()
    first = model.index(0, 0)
    assert not model.index(groups, 0).isValid()
    assert not model.index(0, len(COLUMNS)).isValid()
    assert not model.index(-1, 0).isValid()
    assert not model.index(model.rowCount(first), 0, first).isValid()
    assert model.index(model.rowCount(first) - 1, 0, first).isValid()
    assert not model.index(0, 0, model.index(0, 0, first)).isValid()  # a line has no rows under it
    assert model.hasChildren(QModelIndex()) and model.hasChildren(first)
    assert not model.hasChildren(model.index(0, 0, first)) and not model.hasChildren(model.index(0, 1))


def test_the_comparison_tab_catches_up_when_shown(window, qtbot):
    window.session.start_comparison()  # the window turns to the comparison tab
    window.tabs.setCurrentIndex(0)
    assert not window.compare.isVisible()
    type_number(window, "father.jobs[0].monthly_salary", "21000")
    assert window.compare._stale  # not worked out for a tab nobody sees
    window.tabs.setCurrentWidget(window.compare)
    assert not window.compare._stale
    model = window.compare.lines_model
    assert model.rowCount() > 0
    assert window.compare._shown == (id(window.session.baseline_result), id(window.session.result))
