"""Issue 14.5: the window fits 1366×768 in both languages with nothing cut off — drop-downs, amounts and column
headings whole, anything shortened with "…" having a tooltip — and larger text really enlarges everything, the
chart and the table included, up to 200 % (the 适老化 guidance: text of 18 pt or more, targets of 60 px or more,
contrast of 4.5:1 or more)."""

from __future__ import annotations

import json
import re

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QLabel,
    QLineEdit,
    QPushButton,
    QStyle,
    QStyleOptionComboBox,
)

from simulator import load_example
from tests.test_ui_form import open_window
from ui.main_window import ZOOM_STEPS
from ui.result_model import COLUMNS


@pytest.fixture(autouse=True)
def normal_text_after():
    app = QApplication.instance()
    size = app.font().pointSizeF()
    yield
    font = app.font()
    font.setPointSizeF(size)
    app.setFont(font)


def settle(window) -> None:
    for _ in range(3):
        QApplication.processEvents()


def combo_text_fits(combo: QComboBox) -> bool:
    opt = QStyleOptionComboBox()
    combo.initStyleOption(opt)
    rect = combo.style().subControlRect(QStyle.ComplexControl.CC_ComboBox, opt, QStyle.SubControl.SC_ComboBoxEditField,
                                        combo)
    return combo.fontMetrics().horizontalAdvance(combo.currentText()) <= rect.width()


def leaf_indexes(model, col: int) -> list[QModelIndex]:
    return [model.index(k, col, model.index(r, 0)) for r in range(model.rowCount())
            for k in range(model.rowCount(model.index(r, 0)))]


def cut_off(window) -> list[str]:
    """What the window shows cut off: a drop-down's choice, a column heading, a line's amount."""
    problems = []
    for combo in window.findChildren(QComboBox):
        if combo.isVisible() and not combo_text_fits(combo) and combo.currentText() not in combo.toolTip():
            problems.append(f"drop-down {combo.accessibleName()!r} shows {combo.currentText()!r} cut off")
    view, model = window.results.view, window.results.model
    header = view.header()
    for col in range(len(COLUMNS)):
        text = model.headerData(col, Qt.Orientation.Horizontal)
        if header.fontMetrics().horizontalAdvance(text) + 8 > header.sectionSize(col):
            problems.append(f"heading {text!r} cut off ({header.sectionSize(col)} px)")
    amount = COLUMNS.index("amount")
    for index in leaf_indexes(model, amount):
        text = str(index.data(Qt.ItemDataRole.DisplayRole) or "")
        if view.fontMetrics().horizontalAdvance(text) + 6 > header.sectionSize(amount):
            problems.append(f"amount {text!r} cut off")
            break
    return problems


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_at_1366_by_768_nothing_is_cut_off(qtbot, lang):
    window = open_window(qtbot)
    window.set_lang(lang)
    settle(window)
    assert (window.width(), window.height()) == (1366, 768)
    assert cut_off(window) == []
    index = window.results.model.index(0, COLUMNS.index("source"), window.results.model.index(0, 0))
    if window.results.is_elided(index):  # a long clause shortened with "…" is shown whole when pointed at
        assert index.data(Qt.ItemDataRole.DisplayRole)


@pytest.fixture
def app_font():
    """The window's own font, as the program's start registers it (ui.app): the sizes below are the app's,
    whatever tests ran before (a window built alone would otherwise have Qt's default font)."""
    from ui.fonts import register_qt_font
    app = QApplication.instance()
    before = app.font()
    register_qt_font(app)
    yield
    app.setFont(before)


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_text_at_200_percent_is_large_everywhere_and_still_fits(qtbot, lang, app_font):
    window = open_window(qtbot)
    window.ensure_chart()
    window.set_lang(lang)
    window.set_zoom(ZOOM_STEPS.index(2.0))
    settle(window)
    assert (window.width(), window.height()) == (1366, 768)  # the window did not grow past the screen
    minimum = window.minimumSizeHint()
    assert minimum.width() <= 1366 and minimum.height() <= 768
    assert cut_off(window) == []
    small = [(type(w).__name__, w.accessibleName() or getattr(w, "text", str)(), w.font().pointSizeF())
             for w in kinds(window, QLabel, QLineEdit, QComboBox, QPushButton, QCheckBox)
             if w.isVisible() and 0 < w.font().pointSizeF() < 18]
    assert small == []
    assert window.results.view.font().pointSizeF() >= 18
    assert min(window.chart_panel.chart_text_sizes()) >= 18  # the chart's words and figures too
    targets = [w for w in kinds(window.form, QLineEdit, QComboBox, QPushButton, QCheckBox) if w.isVisible()]
    low = [(type(w).__name__, w.accessibleName(), w.height()) for w in targets if w.height() < 60]
    assert len(targets) > 30 and low == []
    assert window.tabs.tabBar().tabRect(0).height() >= 60
    window.set_zoom(ZOOM_STEPS.index(1.0))  # and back
    settle(window)
    assert window.form.mother.salary.edit.height() < 60


def kinds(parent, *types) -> list:
    return [w for t in types for w in parent.findChildren(t)]


def contrast(fg: str, bg: str) -> float:
    def lum(colour: str) -> float:
        c = QColor(colour)
        parts = [x / 255 for x in (c.red(), c.green(), c.blue())]
        parts = [x / 12.92 if x <= 0.03928 else ((x + 0.055) / 1.055) ** 2.4 for x in parts]
        return 0.2126 * parts[0] + 0.7152 * parts[1] + 0.0722 * parts[2]

    hi, lo = sorted((lum(fg), lum(bg)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


def test_text_colours_have_a_contrast_of_at_least_4_5(qtbot):
    from ui import headline, message_bar
    from ui.field_message import MESSAGE_STYLE
    from ui.household_form import PLACEHOLDER

    colour = re.compile(r"color:\s*(#[0-9a-fA-F]{6})")
    background = re.compile(r"background:\s*(#[0-9a-fA-F]{6})")
    pairs = [(colour.search(MESSAGE_STYLE)[1], "#ffffff"), (colour.search(MESSAGE_STYLE)[1], "#fff5f5"),
             (headline.STALE_VALUE, "#f4f8fb"), (PLACEHOLDER, "#ffffff"),
             (colour.search(headline.STALE_STYLE)[1], background.search(headline.STALE_STYLE)[1])]
    for style in message_bar.STYLES.values():
        pairs.append((colour.search(style)[1], background.search(style)[1]))
    window = open_window(qtbot)
    edit = window.form.mother.salary.edit
    pairs.append((edit.palette().placeholderText().color().name(), edit.palette().base().color().name()))
    low = [(fg, bg, round(contrast(fg, bg), 2)) for fg, bg in pairs if contrast(fg, bg) < 4.5]
    assert low == []


def plot_height(window) -> float:
    """The height in pixels of the chart's plot itself, between its legend and its years, as last drawn."""
    chart = window.chart_panel.chart
    chart.canvas.draw()
    return chart.figure.axes[0].get_window_extent().height


def rows_shown(window) -> float:
    view = window.results.view
    return view.viewport().height() / view.sizeHintForRow(1)


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_at_200_percent_on_1366_by_768_the_chart_and_the_lines_keep_their_room_and_the_answer_scrolls(
        qtbot, lang, app_font):
    """Larger text does not squeeze the chart to a strip or the table to a row or two (an 80 px chart and one
    or two lines before): under the headline, the chart and the lines keep a usable height and scroll."""
    window = open_window(qtbot)
    window.ensure_chart()
    window.set_lang(lang)
    settle(window)
    area = window.answer_area
    assert area.verticalScrollBar().maximum() == 0  # at 100 % all of it shows, without scrolling
    normal_plot = plot_height(window)
    window.set_zoom(ZOOM_STEPS.index(2.0))
    settle(window)
    assert (window.width(), window.height()) == (1366, 768)
    assert plot_height(window) >= max(150, 0.9 * normal_plot)  # the plot at least as tall as at 100 %, near enough
    assert rows_shown(window) >= 6
    assert area.verticalScrollBar().maximum() > 0  # the rest is a scroll away
    assert window.headline.isVisible() and window.headline.geometry().top() >= 0
    # Tab from the tab bar to the lines brings the lines into sight
    area.verticalScrollBar().setValue(0)
    window.tabs.tabBar().setFocus()
    assert window.focusNextPrevChild(True)
    view = window.results.view
    assert QApplication.focusWidget() is view
    top = view.mapTo(area.viewport(), view.rect().topLeft()).y()
    assert top >= 0 and top + view.height() // 2 <= area.viewport().height()
    window.set_zoom(ZOOM_STEPS.index(1.0))  # and back: nothing to scroll (once the timed fits have run)
    settle(window)
    qtbot.waitUntil(lambda: area.verticalScrollBar().maximum() == 0, timeout=3000)


def in_sight(widget) -> bool:
    """Whether some of ``widget`` shows: inside the viewport of every scrolled area that holds it."""
    from PySide6.QtCore import QPoint, QRect
    from PySide6.QtWidgets import QAbstractScrollArea

    window = widget.window()
    shown = QRect(widget.mapTo(window, QPoint(0, 0)), widget.size())
    parent = widget.parentWidget()
    while parent is not None and parent is not window:
        if isinstance(parent, QAbstractScrollArea):
            view = parent.viewport()
            shown = shown.intersected(QRect(view.mapTo(window, QPoint(0, 0)), view.size()))
        parent = parent.parentWidget()
    return shown.height() >= min(20, widget.height()) and shown.width() > 0


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_at_200_percent_tab_brings_every_control_it_reaches_into_sight(qtbot, lang, app_font):
    """The form and the answer both scroll at 200 %: wherever Tab lands, the control shows (and its focus ring)."""
    window = open_window(qtbot)
    window.ensure_chart()
    window.set_lang(lang)
    window.set_zoom(ZOOM_STEPS.index(2.0))
    settle(window)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    chain = [w for w in window.tab_chain() if w.isVisible() and w.isEnabled()]
    window.form.area.setFocus(Qt.FocusReason.TabFocusReason)
    hidden = []
    for _ in range(len(chain) + 2):
        widget = QApplication.focusWidget()
        qtbot.keyClick(widget, Qt.Key.Key_Tab)
        QApplication.processEvents()
        now = QApplication.focusWidget()
        if not in_sight(now):
            hidden.append((type(now).__name__, now.accessibleName()))
    assert hidden == []


def labels_cut_off(window) -> list[str]:
    """The form's labels reaching past the edge of their form's row (their words cut off instead of wrapped)."""
    from PySide6.QtWidgets import QFormLayout

    cut = []
    for form in window.form.widget().findChildren(QFormLayout):
        right = form.contentsRect().right()
        for row in range(form.rowCount()):
            item = form.itemAt(row, QFormLayout.ItemRole.LabelRole)
            label = item.widget() if item is not None else None
            if isinstance(label, QLabel) and label.isVisible() and label.geometry().right() > right + 1:
                cut.append(label.text())
    return cut


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_a_form_label_too_long_for_its_row_wraps_instead_of_being_cut_off(qtbot, lang, app_font):
    window = open_window(qtbot)
    window.set_lang(lang)
    settle(window)
    assert labels_cut_off(window) == []
    beside = window.form.rows.rows[0].label  # 户籍所在地 beside its drop-down in Chinese: left as it was
    width = beside.width()
    window.set_zoom(ZOOM_STEPS.index(2.0))
    settle(window)
    assert labels_cut_off(window) == []  # "Who claims the child tax deductions" was cut at "deducti"
    window.set_zoom(ZOOM_STEPS.index(1.0))
    settle(window)
    assert labels_cut_off(window) == [] and beside.width() == width


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_at_200_percent_the_chart_legend_fits_the_chart_on_more_rows(qtbot, lang, app_font):
    """The legend's entries at 20 pt ran off both sides of the chart ("Cumulati…", the first swatch gone)."""
    window = open_window(qtbot)
    window.ensure_chart()
    window.set_lang(lang)
    window.set_zoom(ZOOM_STEPS.index(2.0))
    settle(window)
    chart = window.chart_panel.chart
    chart.canvas.draw()
    renderer = chart.canvas.get_renderer()
    (legend,) = chart.figure.legends
    box = legend.get_window_extent(renderer)
    assert box.x0 >= 0 and box.x1 <= chart.figure.bbox.width
    assert min(t.get_fontsize() for t in legend.get_texts()) >= 18
    assert chart.legend_labels()[0] == ("现金补贴" if lang == "zh" else "Cash subsidies")
    window.set_zoom(ZOOM_STEPS.index(1.0))  # and back to one row
    settle(window)
    assert chart.legend_rows == 1


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_at_200_percent_the_comparison_shows_names_and_rows_as_tall_as_their_text(qtbot, lang, app_font):
    """At 200 % the comparison's item names were only "…" (the figures' columns took the width) and its rows by
    year kept the height of 100 % text, cutting their figures in half."""
    window = open_window(qtbot, {**json.loads(load_example().model_dump_json()),
                                 "children": [{"birth_date": "2020-05-10"}]})
    window.set_lang(lang)
    window.commands["compare"].trigger()
    children = window.form.children_editor
    children.add.click()
    field = children.children_rows[-1].birth_date
    field.edit.setText("2027-09-01")
    field.edited.emit()
    window.set_zoom(ZOOM_STEPS.index(2.0))
    settle(window)
    compare = window.compare
    assert window.tabs.currentWidget() is compare and compare.lines_model.rows
    lines, years = compare.lines_view, compare.years_view
    em = lines.fontMetrics().horizontalAdvance("M")
    assert lines.columnWidth(0) >= 12 * em
    assert years.rowHeight(0) >= years.fontMetrics().height() + 4
    for col in range(1, 4):  # the year, A and B: whole (the table scrolls sideways for the rest)
        text = str(years.model().index(0, col).data())
        assert years.fontMetrics().horizontalAdvance(text) <= years.columnWidth(col), text
