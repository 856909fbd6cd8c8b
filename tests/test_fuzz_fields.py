"""Garbage typed into any field of the form is answered at that field, in the window's language (hypothesis):
no traceback (pytest-qt fails a test on any exception in a Qt slot), the last valid result stays in the model
and on screen, and putting a valid entry back clears the mark. Every drop-down choice is a valid family."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QComboBox, QLineEdit

from simulator import Household
from ui.date_field import DateField
from ui.i18n import tr
from ui.key_combo import KeyCombo
from ui.number_field import FIELD_STYLE, INVALID_STYLE, NumberField

CJK = re.compile(r"[\u4e00-\u9fff]")
FULL_WIDTH = str.maketrans("0123456789-.", "０１２３４５６７８９－．")
GARBAGE = [
    "", " \t", "-1", "-0", "0", "1e309", "-inf", "nan", "9" * 40, "1e-320", "3.5", "0x10", "1_000", "１２,５００元",
    "１２３４５６７８９０１２３４５６７８９０", "½", "²", "٣", "2023-02-30", "0000-01-01", "9999-12-31", "2024-13-01", "2024/2/29",
    "2023年2月29日", "20240229", "2024-02-29T10:00", "2024", "1700000000", "明天", "五千", "'; DROP TABLE", "%s{0}",
    "\u202e123", "\u200b5000", "１e５", "null", "5000元/月", "30年", "12岁",
]


def put(field: NumberField | DateField, text: str) -> None:
    """Enter ``text`` the way the form hears it: QLineEdit.textEdited, which typing, pasting and deleting emit
    (setText alone does not). The field has no focus, so its mark shows at once, not after the typing pause."""
    field.edit.setText(text)
    field.edit.textEdited.emit(text)


def every_field_in_use(window, qtbot) -> list[NumberField | DateField]:
    """The example family plus a fourth (planned) child, re-employment training and a loan date, so that every
    field of the form exists, is shown and holds a valid entry."""
    form = window.form
    qtbot.mouseClick(form.children_editor.add, Qt.MouseButton.LeftButton)
    qtbot.keyClick(form.mother.training, Qt.Key.Key_Space)
    for field, text in ((form.mother.course, "1500"), (form.mother.days, "20"), (form.mother.start, "2025-03-01"),
                        (form.housing.ceiling, "600000"), (form.housing.loan_date, "2027-10-01")):
        put(field, text)
    fields = form.fields()
    qtbot.waitUntil(lambda: all(f.edit.isVisible() and f.edit.isEnabled() for f in fields))
    form.area.setFocus()  # no text field has focus: a mark is shown at once, not after the typing pause
    assert window.session.problems == []
    return fields


def language_of(message: str) -> str:
    return "zh" if CJK.search(message) else "en"


def feed_and_check(window, field, text: str, lang: str, keep_accepted: bool = False) -> None:
    """Feed ``text`` to ``field``: accepted into the household, or marked at the field with the result kept;
    then the entry it had clears the mark (an accepted entry is kept when ``keep_accepted``)."""
    session = window.session
    household, result, original = session.household, session.result, field.edit.text()
    put(field, text)
    assert session.result is not None
    if session.problems:
        mine = [msg for path, msg in session.problems if path == field.path or path.startswith(field.path + ".")]
        assert mine, f"{text!r} in {field.path} marked elsewhere: {session.problems}"
        assert field.problem() == field.message.text() == "；".join(mine)
        assert field.message.isVisible() and field.edit.styleSheet() == INVALID_STYLE
        assert field.edit.accessibleDescription() == field.message.text()  # what a screen reader says
        for message in mine:
            assert language_of(message) == lang, message
        assert session.household is household and session.result is result
        assert window.headline.stale.text() == session.entry_problem_text()
        assert window.form.field_name(field.path) in window.headline.stale.text()  # the field, by its name
        assert window.headline.stale.isVisible()
    else:
        assert field.problem() is None and not field.message.isVisible()
        assert session.household == Household.model_validate({"schema_version": 2, **window.form.data()})
        assert window.results.model.result is session.result
        assert not window.headline.stale.isVisible()
        if keep_accepted:
            return
    put(field, original)
    assert session.problems == [] and field.problem() is None and not field.message.isVisible()
    assert session.household == household


def test_every_text_input_of_the_form_is_a_field_the_form_reads_and_marks(window, qtbot):
    fields = every_field_in_use(window, qtbot)
    assert set(window.form.findChildren(QLineEdit)) == {f.edit for f in fields}
    paths = [f.path for f in fields]
    assert len(paths) == len(set(paths)) == 22
    assert {"as_of", "mother.jobs[0].monthly_salary", "mother.jobs[0].employer_avg_monthly_wage",
            "mother.training.course_subsidy", "mother.training.days", "mother.training.start", "father.other_annual_deductions",
            "children[3].birth_date", "children[3].education_until_age", "housing.provident_fund_loan_ceiling",
            "housing.loan_years", "housing.loan_date"} <= set(paths)


def test_every_listed_garbage_in_every_field_is_accepted_or_marked_there_and_never_raises(window, qtbot):
    fields = every_field_in_use(window, qtbot)
    household, fed = window.session.household, 0
    for field in fields:
        original = field.edit.text()
        for text in GARBAGE:
            feed_and_check(window, field, text, "zh", keep_accepted=True)
            fed += 1
        put(field, original)
        assert window.session.problems == [] and window.session.household == household
    assert fed > 20 * len(GARBAGE)


numbers_as_text = st.one_of(st.integers(-(10**45), 10**45).map(str), st.floats().map(repr),
                            st.decimals(allow_nan=True).map(str),
                            st.integers(-(10**12), 10**12).map(lambda n: str(n).translate(FULL_WIDTH)))
dates_as_text = st.one_of(
    st.dates().map(dt.date.isoformat),
    st.tuples(st.integers(0, 99999), st.integers(0, 99), st.integers(0, 99), st.sampled_from(["{}-{}-{}", "{}/{}/{}",
                                                                                           "{}年{}月{}日", "{}.{}.{}"]))
    .map(lambda t: t[3].format(*t[:3])),
)
typed_text = st.one_of(st.sampled_from(GARBAGE), st.text(max_size=24), numbers_as_text, dates_as_text,
                       st.text(alphabet="0123456789-./eE年月日元岁天 ,，１２３４５６７８９０", max_size=16))


@pytest.mark.parametrize("lang", ["zh", "en"])
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data(), text=typed_text)
def test_any_text_in_any_field_is_accepted_or_marked_there_in_the_window_language(window, qtbot, lang, data, text):
    if len(window.form.children_editor.children_rows) == 3:  # the first example on this test's window
        window.set_lang(lang)
        every_field_in_use(window, qtbot)
    field = data.draw(st.sampled_from(window.form.fields()), label="field")
    feed_and_check(window, field, text, lang)


def type_into(edit, text: str) -> None:
    """Focus the field, select what it holds and type over it, one key press per character (any script)."""
    edit.setFocus()
    edit.selectAll()
    for ch in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(edit, QKeyEvent(kind, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, ch))


# each garbage is wrong from its first character on, so the family never changes while it is typed
@pytest.mark.parametrize(("path", "garbage", "message", "valid", "expected"), [
    ("father.jobs[0].monthly_salary", "abc", "应为数字", "18000", 18000),
    ("children[0].education_until_age", "2", "不能小于 3", "25", 25),
    ("as_of", "31/02/2026", "日期无效，应为 YYYY-MM-DD", "2027-01-15", dt.date(2027, 1, 15)),
])
def test_after_garbage_typing_a_valid_value_clears_the_mark_and_computes_again(window, qtbot, path, garbage, message,
                                                                               valid, expected):
    field = window.form.field(path)
    session = window.session
    household, result, headline = session.household, session.result, window.headline.texts()
    type_into(field.edit, garbage)
    assert field.edit.hasFocus() and field.problem() is None  # not while typing...
    qtbot.waitUntil(lambda: field.problem() is not None)  # ...but once the person pauses
    assert field.message.text() == message and field.message.isVisible()
    assert session.household is household and session.result is result and window.headline.texts() == headline
    assert window.headline.stale.text() == tr("win_entry_invalid", fields=window.form.field_name(path))
    type_into(field.edit, valid)
    assert field.problem() is None and not field.message.isVisible() and field.edit.styleSheet() == FIELD_STYLE
    assert not window.headline.stale.isVisible()
    value = session.household
    for part in re.split(r"\.|\[|\]\.?", path):
        value = value[int(part)] if part.isdigit() else getattr(value, part)
    assert value == expected
    assert session.result is not result and window.results.model.result is session.result
    assert window.headline.texts() != headline


def test_every_choice_of_every_drop_down_is_a_valid_family(window, qtbot):
    session = window.session
    combos = window.form.findChildren(QComboBox)
    assert {c.path for c in combos} == {"hukou_area", "tax_split", "mother.jobs[0].employer",
                                        "mother.jobs[0].insurance", "father.jobs[0].employer", "father.jobs[0].insurance"}
    chosen = 0
    for combo in combos:
        assert isinstance(combo, KeyCombo)
        combo.setFocus()
        qtbot.keyClick(combo, Qt.Key.Key_Home)
        for i in range(combo.count()):
            if i:
                qtbot.keyClick(combo, Qt.Key.Key_Down)
            assert combo.currentIndex() == i
            assert session.problems == [], (combo.path, combo.key(), session.problems)
            value = session.household.model_dump(mode="json")
            for part in re.split(r"\.|\[(\d+)\]\.?", combo.path):  # "mother.jobs[0].employer"
                if part:
                    value = value[int(part)] if part.isdigit() else value[part]
            assert value == combo.key()
            assert combo.currentText() == tr(combo._label_keys.get(combo.key(), combo.key()))
            assert session.result is not None and window.results.model.result is session.result
            chosen += 1
    assert chosen == 8 + 4 + 2 * (6 + 4)


# -- dates: what the model can place, written as dates ------------------------------------------------------------
@pytest.mark.parametrize(("born", "accepted"), [("1950-01-01", True), ("1949-12-31", False), ("2010-09-01", True),
                                                ("2099-12-31", True), ("2100-01-01", False), ("9999-12-31", False)])
def test_a_birth_date_is_computed_from_1950_to_2099_and_refused_outside_with_a_message(window, born, accepted):
    field = window.form.children_editor.children_rows[0].birth_date
    put(field, born)
    assert window.session.result is not None
    if accepted:
        assert window.session.problems == [] and str(window.session.household.children[0].birth_date) == born
    else:
        assert field.message.text() == "日期应在 1950-01-01 至 2099-12-31 之间"


@pytest.mark.parametrize("typed", ["1700000000", "-1"])
def test_a_number_typed_alone_in_a_date_field_is_refused_in_the_window_language(window, typed):
    put(window.form.as_of, typed)
    assert window.form.as_of.message.text() == "日期应写成 YYYY-MM-DD，不能只填数字"
    window.set_lang("en")
    assert window.form.as_of.message.text() == "date must be written YYYY-MM-DD, not as a number"


@pytest.mark.parametrize("typed", ["2024", "0", "2024-1", "2024年3月"])
def test_the_start_of_a_date_is_said_to_be_incomplete_in_the_window_language(window, typed):
    put(window.form.as_of, typed)
    assert window.form.as_of.message.text() == "日期还没有填完整，请写成 2024-03-01 这样的格式"
    window.set_lang("en")
    assert window.form.as_of.message.text() == "The date is not complete yet: write it like 2024-03-01"
