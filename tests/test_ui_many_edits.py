"""Hundreds of edits in a row must not crash the window.

PySide6 6.12.0 over-released None inside item models: the results tree brought the whole process down
(none_dealloc) after a few hundred recalculations. pyproject.toml pins below 6.12; this test is the tripwire.
"""

from ui.main_window import MainWindow
from ui.number_field import NumberField
from ui.session import Session


def test_six_hundred_salary_edits_keep_the_window_alive_and_showing_the_last_result(qtbot):
    session = Session()
    session.open_example()
    window = MainWindow(session)
    qtbot.addWidget(window)
    window.show()
    salary = next(f for f in window.findChildren(NumberField) if f.path == "mother.jobs[0].monthly_salary")
    for i in range(600):
        text = str(6000 + (i * 37) % 9000)
        salary.edit.setText(text)
        salary.edit.textEdited.emit(text)
        qtbot.wait(0)
    assert session.household.mother.jobs[0].monthly_salary == 6000 + (599 * 37) % 9000
    assert window.results.model.result is session.result
