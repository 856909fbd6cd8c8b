"""The chart area: the lifetime chart (money or leave, year by year) with its toggle.

The chart itself (``ui.chart.LifetimeChart``) pulls in matplotlib, which takes longer to import than the
rest of the window together, so it is created only when ``ensure_chart`` is called — by the main window right
after it is first shown.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QEvent, QSize, Qt, QTimer
from PySide6.QtWidgets import QApplication, QButtonGroup, QHBoxLayout, QLabel, QRadioButton, QVBoxLayout, QWidget

from ui.i18n import tr
from ui.session import Session

log = logging.getLogger(__name__)
VIEWS = ("money", "leave")
# Drawing the chart takes a good part of a second on a slow machine: while a person types, the table and the
# headline follow every key and the chart catches up when they pause.
CHART_MIN_HEIGHT = 80  # pixels: the canvas alone, before the chart's text size is known
CHART_MIN_LINES = 10  # the panel's least height in lines of its text: title, legend, a plot, the years under it
CHART_DELAY_MS = 0  # coalesce a burst of edits within one event-loop turn; draw_idle does the rest


class ChartPanel(QWidget):
    def __init__(self, session: Session, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.chart = None
        self._unavailable = False
        self._view = "money"
        self.title = QLabel()
        self.buttons = {v: QRadioButton() for v in VIEWS}
        self.group = QButtonGroup(self)
        for i, v in enumerate(VIEWS):
            self.group.addButton(self.buttons[v], i)
        self.buttons["money"].setChecked(True)
        self.placeholder = QLabel()
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.placeholder.setStyleSheet("color: #757575;")
        head = QHBoxLayout()
        head.addWidget(self.title, 1)
        for v in VIEWS:
            head.addWidget(self.buttons[v])
        self.box = QVBoxLayout(self)
        self.box.setContentsMargins(0, 0, 0, 0)
        self.box.setSpacing(2)
        self.box.addLayout(head)
        self.box.addWidget(self.placeholder, 1)
        self._stale = False  # a result came while the panel was hidden
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(CHART_DELAY_MS)
        self._timer.timeout.connect(self._on_timer)
        self.group.idClicked.connect(self._on_view_clicked)
        session.resultChanged.connect(self._on_result_changed)
        self.retranslate()

    def ensure_chart(self) -> None:
        if self.chart is not None:
            return
        try:
            from ui.chart import LifetimeChart
            from ui.fonts import matplotlib_family

            matplotlib_family()
            chart = LifetimeChart(self)
        except (ImportError, OSError) as e:  # the chart is optional for everything else in the window
            log.warning("chart unavailable: %s", e)
            self._unavailable = True
            self.placeholder.setText(tr("win_chart_unavailable"))
            return
        self.chart = chart
        self.box.replaceWidget(self.placeholder, chart)
        self.placeholder.hide()
        chart.setAccessibleName(tr("win_chart"))
        chart.canvas.setMinimumHeight(CHART_MIN_HEIGHT)
        chart.set_view(self._view)
        self._on_timer()
        self.follow_text_size()

    def _on_view_clicked(self, button_id: int) -> None:
        view = VIEWS[button_id]
        if view != self._view:
            self._view = view
            if self.chart is not None:
                self.chart.set_view(view)

    def _on_result_changed(self) -> None:
        if self.chart is None:
            return
        if self.isVisible():
            self._timer.start()
        else:  # in a tab not showing (the kiosk on a small screen): draw when it is shown, not at every keystroke
            self._stale = True

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if self._stale:
            self._stale = False
            self.update_chart()

    def _on_timer(self) -> None:
        self.update_chart()

    def update_chart(self) -> None:
        """Hand the chart the current result (and scenario A's while comparing) now."""
        self._timer.stop()
        self._stale = False
        if self.chart is None or self.session.result is None:
            return
        if self.session.comparing:
            self.chart.set_results(self.session.baseline_result, self.session.result)
        else:
            self.chart.set_results(self.session.result)
        if self.chart_text_sizes() - {round(self.text_size(), 1)}:
            self.follow_text_size()  # a legend drawn anew (another set of series) starts at matplotlib's size

    def view(self) -> str:
        return self._view

    def minimumSizeHint(self) -> QSize:
        """Tall enough for the legend, the years and a plot between them in the current text size: larger text
        makes the window's answer scroll (ui.main_window) rather than leave a strip of chart."""
        hint = super().minimumSizeHint()
        extra = 1.3 * (getattr(self.chart, "legend_rows", 1) - 1)  # a legend on more rows takes them from the plot
        return QSize(hint.width(), max(hint.height(), round((CHART_MIN_LINES + extra) * self.fontMetrics().height())))

    def event(self, event) -> bool:
        handled = super().event(event)
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.ApplicationFontChange):
            self.follow_text_size()  # larger text (Ctrl+=) enlarges the chart's words and figures too
        return handled

    def text_size(self) -> float:
        """The chart's text in points: the window's text size."""
        app = QApplication.instance()
        size = app.font().pointSizeF() if app is not None else self.font().pointSizeF()
        return size if size > 0 else 10.0

    def follow_text_size(self) -> None:
        figure = getattr(self.chart, "figure", None)  # (a stand-in chart in tests has none)
        if figure is None:
            return
        size = self.text_size()
        for ax in figure.axes:
            ax.tick_params(labelsize=size)
            ax.xaxis.label.set_fontsize(size)
            ax.yaxis.label.set_fontsize(size)
            legend = ax.get_legend()
            if legend is not None:
                for text in legend.get_texts():
                    text.set_fontsize(size)
        for legend in figure.legends:
            for text in legend.get_texts():
                text.set_fontsize(size)
        self._fit_legend()

    def _fit_legend(self) -> None:
        from shiboken6 import isValid

        canvas = getattr(self.chart, "canvas", None)  # (a stand-in chart in tests has none)
        if canvas is None or not isValid(self) or not isValid(canvas):  # or the window is closing
            return
        fit = getattr(self.chart, "fit_legend", None)
        if fit is None:
            canvas.draw_idle()
            return
        rows = self.chart.legend_rows
        fit()
        if self.chart.legend_rows != rows:
            self.updateGeometry()  # its least height follows the legend's rows

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        if self.chart is not None and event.size().width() != event.oldSize().width():
            self._fit_legend()  # narrower: fewer columns; wider: as many as fit

    def chart_text_sizes(self) -> set[float]:
        """The sizes (points) of the chart's visible words and figures (for tests)."""
        if getattr(self.chart, "figure", None) is None:
            return set()
        texts = [t for ax in self.chart.figure.axes for t in (*ax.get_xticklabels(), *ax.get_yticklabels(),
                                                              ax.xaxis.label, ax.yaxis.label) if t.get_text()]
        for legend in [*self.chart.figure.legends, *(ax.get_legend() for ax in self.chart.figure.axes)]:
            if legend is not None:
                texts += legend.get_texts()
        return {round(t.get_fontsize(), 1) for t in texts}

    def retranslate(self) -> None:
        self.title.setText(tr("win_chart"))
        for v in VIEWS:
            self.buttons[v].setText(tr(f"win_chart_{v}"))
            self.buttons[v].setAccessibleName(tr(f"win_chart_{v}"))
        if self.chart is None:
            self.placeholder.setText(tr("win_chart_unavailable" if self._unavailable else "win_chart_loading"))
        else:
            self.chart.setAccessibleName(tr("win_chart"))
            self.chart.retranslate()
