"""The family, parent and job-change parts of the form as a kiosk visitor (and a desktop user at the largest text)
sees them: the parent's check box (母亲 / 父亲) clear of the first field and a whole touch target, a change of
job's date shown whole, and the job-change rows touch-sized and gone after start over."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLineEdit, QStyle, QStyleOptionFrame, QStyleOptionGroupBox, QWidget

from tests import test_kiosk
from tests.test_ui_form import open_window
from ui.elder_style import ELDER_PX
from ui.i18n import set_language
from ui.kiosk_style import TOUCH_PX
from ui.main_window import ZOOM_STEPS

kiosk = test_kiosk.kiosk  # a kiosk window at 1366×768 on a blank family


@pytest.fixture(autouse=True)
def app_font():
    """The program's own font (ui.app registers it at start; the widths below are its), put back afterwards."""
    from ui.fonts import register_qt_font

    app = QApplication.instance()
    before = app.font()
    register_qt_font(app)
    yield
    app.setFont(before)


def settle(qtbot) -> None:
    for _ in range(3):
        QApplication.processEvents()
    qtbot.wait(10)


def title_target(group) -> QRect:
    """Where a touch ticks or unticks the group: its check box and its words (QGroupBox's own hit test)."""
    opt = QStyleOptionGroupBox()
    group.initStyleOption(opt)
    style, cc = group.style(), QStyle.ComplexControl.CC_GroupBox
    return (style.subControlRect(cc, opt, QStyle.SubControl.SC_GroupBoxCheckBox, group)
            .united(style.subControlRect(cc, opt, QStyle.SubControl.SC_GroupBoxLabel, group)))


def covered_by_title(group) -> list[str]:
    """The group's visible widgets that the title's check box or words are drawn over."""
    target = title_target(group)
    out = []
    for w in group.findChildren(QWidget):
        if w.isVisible() and w.parentWidget() is group and w.geometry().intersects(target):
            out.append(f"{type(w).__name__} {getattr(w, 'text', lambda: '')()!r} at {w.geometry().getRect()}")
    return out


def cut_dates(form) -> list[tuple[str, str, int]]:
    """Line edits of the form whose text is wider than the room for it."""
    out = []
    for edit in form.findChildren(QLineEdit):
        if not edit.isVisible() or not edit.text():
            continue
        opt = QStyleOptionFrame()
        edit.initStyleOption(opt)
        room = edit.style().subElementRect(QStyle.SubElement.SE_LineEditContents, opt, edit).width() - 4
        if edit.fontMetrics().horizontalAdvance(edit.text()) > room:
            out.append((getattr(edit.parentWidget(), "path", "?"), edit.text(), room))
    return out


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("large", [False, True])
def test_the_parents_check_box_is_clear_of_the_first_field_and_a_whole_touch_target(kiosk, qtbot, lang, large):
    kiosk.session.open_example()
    kiosk.set_lang(lang)
    if large:
        kiosk.kiosk.set_elder(True)
    settle(qtbot)
    minimum = ELDER_PX if large else TOUCH_PX
    for group in (kiosk.form.family, kiosk.form.children_editor, kiosk.form.housing):
        assert covered_by_title(group) == [], group.title()  # "Family" was drawn over "Hukou area" (large text)
    for parent in (kiosk.form.mother, kiosk.form.father):
        assert covered_by_title(parent) == [], parent.role  # "母亲" was drawn over "工作单位性质"
        assert title_target(parent).height() >= minimum
        # a touch near the foot of the target (under the old 32 px box) unticks the parent, a second ticks it
        spot = QPoint(title_target(parent).left() + 4, title_target(parent).bottom() - 3)
        QTest.mouseClick(parent, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, spot)
        assert not parent.isChecked()
        QTest.mouseClick(parent, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, spot)
        assert parent.isChecked()


def test_start_over_puts_the_parents_fields_back_under_a_normal_check_box(kiosk, qtbot):
    kiosk.kiosk.set_elder(True)
    settle(qtbot)
    kiosk.kiosk.reset_here()
    settle(qtbot)
    mother = kiosk.form.mother
    assert TOUCH_PX <= title_target(mother).height() < ELDER_PX  # the large box went with large text
    assert covered_by_title(mother) == []
    # and no more room above the fields than the box needs: the first field starts within a few px of it
    first = mother.rows.rows[0].field.geometry()
    assert first.top() - title_target(mother).bottom() <= 12


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_a_change_of_jobs_date_is_shown_whole_in_kiosk_large_text(kiosk, qtbot, lang):
    kiosk.session.open_example()
    kiosk.set_lang(lang)
    for parent in (kiosk.form.mother, kiosk.form.father):
        QTest.mouseClick(parent.add_change, Qt.MouseButton.LeftButton)
    kiosk.kiosk.set_elder(True)
    settle(qtbot)
    assert cut_dates(kiosk.form) == []  # zh showed "027-01-01" in both rows (116 px for the date)
    assert kiosk.form.horizontalScrollBar().maximum() == 0  # wrapped under its label, never wider than the form


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_a_change_of_jobs_date_is_shown_whole_in_the_window_at_the_largest_text(qtbot, lang):
    window = open_window(qtbot)
    window.set_lang(lang)
    window.form.mother.add_change.click()
    window.set_zoom(len(ZOOM_STEPS) - 1)
    settle(qtbot)
    row = window.form.mother.change_rows[0]
    assert row.start.edit.font().pointSizeF() >= 18
    assert cut_dates(window.form) == []
    assert window.form.horizontalScrollBar().maximum() == 0
    window.set_zoom(ZOOM_STEPS.index(1.0))  # back to normal text, the field is no wider than a date needs
    settle(qtbot)
    assert row.start.edit.minimumWidth() < 200 and cut_dates(window.form) == []


@pytest.mark.parametrize("large", [False, True])
def test_job_change_rows_are_touch_sized_in_the_kiosk_and_gone_after_start_over(kiosk, qtbot, large):
    set_language("zh")
    if large:
        kiosk.kiosk.set_elder(True)
    mother = kiosk.form.mother
    QTest.mouseClick(mother.add_change, Qt.MouseButton.LeftButton)
    settle(qtbot)
    (row,) = mother.change_rows
    minimum = ELDER_PX if large else TOUCH_PX
    targets = [mother.add_change, row.remove, row.start.edit, row.start.pick, *row.job.combos(),
               *(f.edit for f in row.job.fields())]
    assert [(type(w).__name__, w.height()) for w in targets if w.height() < minimum] == []
    assert all(w.width() >= minimum for w in (row.remove, row.start.pick))
    kiosk.kiosk.reset_here()
    settle(qtbot)
    assert mother.change_rows == [] and kiosk.session.household.mother.jobs[1:] == []


def test_a_change_of_job_is_entered_and_removed_by_touch_alone(kiosk, qtbot):
    """The kiosk offers changes of job (a mother who stops work before the birth loses the employee allowance):
    added, dated with the touch date picker, its pay typed on the keypad and removed, all by touch."""
    import datetime as dt

    from tests.test_kiosk_visitor import tap

    mother = kiosk.form.mother
    tap(mother.add_change)
    (row,) = mother.change_rows
    kiosk.form.ensureWidgetVisible(row.start.pick)
    tap(row.start.pick)
    picker = kiosk.kiosk.date_picker
    assert picker.isVisible()
    tap(picker.months.button(5))
    tap(picker.days.button(17))
    year = picker.date.year
    tap(picker.ok)
    assert row.start.value() == f"{year}-05-17"
    kiosk.form.ensureWidgetVisible(row.job.salary.edit)
    tap(row.job.salary.edit)
    keypad = kiosk.kiosk.keypad
    qtbot.waitUntil(keypad.isVisible, timeout=2000)
    assert keypad.target is row.job.salary.edit
    for key in "9100":
        tap(keypad.keys[key])
    tap(keypad.keys["ok"])
    qtbot.waitUntil(lambda: len(kiosk.session.household.mother.jobs) == 2
                    and kiosk.session.household.mother.jobs[1].monthly_salary == 9100, timeout=3000)
    assert kiosk.session.household.mother.jobs[1].start == dt.date(year, 5, 17)
    tap(row.remove)
    qtbot.waitUntil(lambda: len(kiosk.session.household.mother.jobs) == 1, timeout=3000)
    assert mother.change_rows == []


@pytest.mark.parametrize(("lang", "large"), [("zh", False), ("zh", True), ("en", False)])
def test_the_kiosks_drop_downs_show_their_choice_whole(kiosk, qtbot, lang, large):
    """A finger brings up no tooltip, so a shortened choice ("职工医保（含生…") goes under its label instead,
    in the rows a visitor adds too, and the form never scrolls sideways."""
    from ui.key_combo import KeyCombo

    kiosk.session.open_example()
    kiosk.set_lang(lang)
    QTest.mouseClick(kiosk.form.mother.add_change, Qt.MouseButton.LeftButton)
    if large:
        kiosk.kiosk.set_elder(True)
    settle(qtbot)
    combos = [c for c in kiosk.form.findChildren(KeyCombo) if c.isVisible()]
    assert len(combos) >= 8  # the family's two, each parent's two, the change's two
    assert [c.currentText() for c in combos if c.is_elided()] == []
    assert kiosk.form.horizontalScrollBar().maximum() == 0
