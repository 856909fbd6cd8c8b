"""The lifetime chart: what the family gets year by year from the first birth until the youngest child's
education ends — the money the policy adds, stacked by category, with the running total on a second axis; or
leave days per parent with the maternity allowance that pays the leave (wage replacement, not added money:
never stacked into the money) as points on the second axis — and, while comparing scenarios, B's bars beside
A's and B's running total dashed (B's allowance points hollow).

Redrawing a figure costs tens of milliseconds and rebuilding it more, so the bars and lines are created once
for a range of years and afterwards only given new heights; a result whose timeline is the one already shown
costs nothing. The hover tooltip is Qt's own, so moving the mouse never redraws the figure.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Sequence
from typing import Any

import numpy as np
from matplotlib import rc_context
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg
from matplotlib.colors import to_rgba
from matplotlib.container import BarContainer
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import Patch
from matplotlib.ticker import FuncFormatter, MaxNLocator
from PySide6.QtCore import Signal
from PySide6.QtGui import QCursor
from PySide6.QtWidgets import QToolTip, QVBoxLayout, QWidget

from simulator import vocabulary
from simulator.result import Result
from ui.fonts import matplotlib_family
from ui.i18n import language, tr

VIEWS = ("money", "leave")
SERIES = {"money": vocabulary.MONEY_CATEGORIES, "leave": vocabulary.ROLES}
COLOURS = {"cash": "#4e79a7", "tax": "#f28e2b", "housing": "#59a14f", "training_fees": "#b07aa1",
           "mother": "#e15759", "father": "#4e79a7"}
CUMULATIVE_COLOUR = "#333333"
WAGE_COLOUR = "#333333"  # the allowance's points in the leave view (on its own yuan axis)
Y_MARGIN = 1.08  # room above the tallest bar: a drawing margin, not a policy figure
Y_KEEP_FILL = 0.5  # the live chart keeps its value range while the data fill at least this share of it
Timeline = list[dict[str, Any]]


def format_number(value: float) -> str:
    """Yuan to the fen, without trailing zeros: 2,000 / 26,133.33."""
    text = f"{value:,.2f}"
    return text[:-3] if text.endswith(".00") else text


def axis_yuan(value: float, lang: str) -> str:
    """Short tick labels: 5,000 / 1.2万 in Chinese, ¥5k / ¥1.2M in English."""
    def short(v: float) -> str:
        return f"{v:.1f}".rstrip("0").rstrip(".")

    if lang == "zh":
        return short(value / 10_000) + "万" if abs(value) >= 10_000 else f"{value:,.0f}"
    if abs(value) >= 1_000_000:
        return "¥" + short(value / 1_000_000) + "M"
    return "¥" + short(value / 1_000) + "k" if abs(value) >= 1_000 else f"¥{value:,.0f}"


def _year_span(timelines: Sequence[Timeline]) -> tuple[int, ...]:
    years = [row["year"] for tl in timelines for row in tl]
    return tuple(range(min(years), max(years) + 1)) if years else ()


def _series(timeline: Timeline, years: tuple[int, ...], view: str) -> tuple[dict[str, np.ndarray], np.ndarray]:
    """Heights per series for each year of ``years``, and the second axis's figures: the money's running total
    (held after the last year), or in the leave view the maternity allowance paid each year (wage replacement)."""
    rows = {row["year"]: row for row in timeline}
    field = "money" if view == "money" else "leave_days"
    values = {k: np.array([rows[y][field][k] if y in rows else 0.0 for y in years], dtype=float)
              for k in SERIES[view]}
    if view == "leave":
        return values, np.array([rows[y].get("wage_replacement", 0.0) if y in rows else 0.0 for y in years])
    cumulative, running = np.zeros(len(years)), 0.0
    for i, y in enumerate(years):
        if y in rows:
            running = rows[y]["cumulative"]
        cumulative[i] = running
    return values, cumulative


class _Plot:
    """The artists of one figure and how to update them; shared by the window's chart and the handout's PNG."""

    def __init__(self, figure: Figure, lang: Callable[[], str], live: bool = False):
        """``live``: the window's chart, redrawn as a person types. Its bars and running totals are then
        animated artists (drawn over a saved background, matplotlib's blitting) and its value axes keep
        their range while the new figures fit it (see ``_limit``); the handout's picture is drawn once, whole."""
        self.family = matplotlib_family()
        self.figure, self.lang, self.live = figure, lang, live
        self.limits_changed = True  # by the last show(): the axes must be drawn again, not only the bars
        self.ax = figure.add_subplot()
        self.ax2 = self.ax.twinx()
        self.view = "money"
        self.years: tuple[int, ...] = ()
        self.timelines: list[Timeline] = []
        self.bars: list[dict[str, BarContainer]] = []
        self.cumulative: list[Line2D] = []
        self.legend = None
        self._legend_keys: list[str] = []
        self._shape: tuple | None = None
        self._shown: tuple | None = None
        ax, ax2 = self.ax, self.ax2
        ax.xaxis.set_major_locator(MaxNLocator(nbins="auto", integer=True, steps=[1, 2, 5, 10]))
        ax.xaxis.set_major_formatter(FuncFormatter(lambda v, _pos: f"{v:.0f}"))
        self._yuan = FuncFormatter(lambda v, _pos: axis_yuan(v, self.lang()))
        self._days = FuncFormatter(lambda v, _pos: f"{v:,.0f}")
        ax2.yaxis.set_major_formatter(self._yuan)
        ax.spines["right"].set_visible(False)  # the running total's axis draws its own
        for a in (ax, ax2):
            a.spines["top"].set_visible(False)
            if self.family:
                a.tick_params(labelfontfamily=self.family)
        ax.grid(axis="y", color="#e0e0e0", linewidth=0.6)
        ax.set_axisbelow(True)
        self.empty = ax.text(0.5, 0.5, "", transform=ax.transAxes, ha="center", va="center", color="#757575",
                             fontfamily=self.family, visible=False)

    def show(self, timelines: list[Timeline]) -> bool:
        """Show these timelines (A, then B); False when that is what is already shown."""
        if self._shown == (self.view, timelines):
            return False
        years = _year_span(timelines)
        shape = (self.view, years, len(timelines))
        self.limits_changed = shape != self._shape
        if self.limits_changed:
            self._build(years, len(timelines))
            self._shape = shape
        self.limits_changed |= self._update(timelines)
        self.timelines = timelines
        self._shown = (self.view, timelines)
        return True

    def _build(self, years: tuple[int, ...], n: int) -> None:
        for group in self.bars:
            for container in group.values():
                container.remove()
        for line in self.cumulative:
            line.remove()
        if self.legend is not None:
            self.legend.remove()
        self.bars, self.cumulative, self.legend, self.years = [], [], None, years
        money = self.view == "money"
        self.ax.yaxis.set_major_formatter(self._yuan if money else self._days)
        self.ax2.set_visible(bool(years))
        self.empty.set_visible(not years)
        self.ax.xaxis.set_visible(bool(years))
        self.ax.yaxis.set_visible(bool(years))
        if not years:
            self.retranslate()
            return
        x, zeros = np.asarray(years, dtype=float), np.zeros(len(years))
        width = 0.8 if n == 1 else 0.4
        for s in range(n):
            offset = 0.0 if n == 1 else (-0.2 if s == 0 else 0.2)
            group = {}
            for k in SERIES[self.view]:
                style = ({"color": COLOURS[k], "linewidth": 0} if s == 0 else
                         {"facecolor": to_rgba(COLOURS[k], 0.3), "edgecolor": COLOURS[k], "linewidth": 0.8})
                group[k] = self.ax.bar(x + offset, zeros, width, bottom=zeros, animated=self.live, **style)
            self.bars.append(group)
            if money:
                (line,) = self.ax2.plot(x, zeros, color=CUMULATIVE_COLOUR, linewidth=1.8,
                                        linestyle="-" if s == 0 else "--", animated=self.live)
            else:  # the allowance paying the leave: a point in each year it is paid, beside the days
                (line,) = self.ax2.plot(x + offset, zeros, linestyle="none", marker="D", markersize=6,
                                        color=WAGE_COLOUR, markerfacecolor=WAGE_COLOUR if s == 0 else "white",
                                        animated=self.live)
            self.cumulative.append(line)
        self.ax.set_xlim(x[0] - 0.6, x[-1] + 0.6)
        self._build_legend(n)

    def _build_legend(self, n: int) -> None:
        handles = [Patch(color=COLOURS[k]) for k in SERIES[self.view]]
        keys = list(SERIES[self.view])
        if n > 1:
            handles += [Patch(color="#9e9e9e"), Patch(facecolor=to_rgba("#9e9e9e", 0.3), edgecolor="#9e9e9e")]
            keys += ["rep_bars_a", "rep_bars_b"]
        if self.view == "money":
            handles.append(Line2D([], [], color=CUMULATIVE_COLOUR, linewidth=1.8))
            keys.append("rep_cumulative" if n == 1 else "rep_cumulative_a")
            if n > 1:
                handles.append(Line2D([], [], color=CUMULATIVE_COLOUR, linewidth=1.8, linestyle="--"))
                keys.append("rep_cumulative_b")
        else:
            handles.append(Line2D([], [], linestyle="none", marker="D", color=WAGE_COLOUR))
            keys.append("rep_wage_points" if n == 1 else "rep_wage_points_a")
            if n > 1:
                handles.append(Line2D([], [], linestyle="none", marker="D", color=WAGE_COLOUR,
                                      markerfacecolor="white"))
                keys.append("rep_wage_points_b")
        self._legend_keys = keys
        self.legend = self.figure.legend(handles, [self._name(k) for k in keys], loc="outside upper center",
                                         ncols=len(keys) if len(keys) <= 6 else (len(keys) + 1) // 2, frameon=False,
                                         prop={"size": "small", **({"family": self.family} if self.family else {})})
        self.retranslate()

    def _update(self, timelines: list[Timeline]) -> bool:
        """New heights for the same artists; True if an axis range changed (so more than the bars must be drawn)."""
        if not self.years:
            return False
        top = cumulative_top = 0.0
        for s, timeline in enumerate(timelines):
            values, cumulative = _series(timeline, self.years, self.view)
            bottom = np.zeros(len(self.years))
            for k in SERIES[self.view]:
                for rect, height, y in zip(self.bars[s][k].patches, values[k], bottom, strict=True):
                    rect.set_height(height)
                    rect.set_y(y)
                    rect.set_visible(height > 0)  # most bars are empty (no housing yet, no cash in late years): skip drawing them
                bottom = bottom + values[k]
            top = max(top, float(bottom.max(initial=0.0)))
            if self.cumulative:
                # (a year without an allowance has no point: NaN is not drawn)
                shown = cumulative if self.view == "money" else np.where(cumulative > 0, cumulative, np.nan)
                self.cumulative[s].set_ydata(shown)
                cumulative_top = max(cumulative_top, float(cumulative.max(initial=0.0)))
        changed = self._limit(self.ax, top)
        if self.cumulative:
            changed |= self._limit(self.ax2, cumulative_top)
        return changed

    def _limit(self, ax, top: float) -> bool:
        """Set the value axis to 0 .. ``top`` plus a margin; True if its range changed.

        The live chart keeps its range while the new top still fills at least half of it, so a typed figure
        usually moves only the bars and lines, which are then drawn over the saved axes in a few milliseconds
        instead of the whole figure in fifty. A top beyond the range, or below half of it, sets it afresh."""
        wanted = top * Y_MARGIN or 1.0
        current = ax.get_ylim()[1]
        if self.live and not self.limits_changed and top <= current and wanted >= current * Y_KEEP_FILL:
            return False
        if wanted == current:
            return False
        ax.set_ylim(0, wanted)
        return True

    def dynamic_artists(self) -> list:
        """What changes with the figures: every bar, then the running totals (drawn over the bars)."""
        return [rect for group in self.bars for container in group.values() for rect in container.patches] + \
            list(self.cumulative)

    def _name(self, key: str) -> str:
        text = tr(key, self.lang())
        return text[:1].upper() + text[1:]  # 'mother' heads a legend entry or a tooltip row in English

    def retranslate(self) -> None:
        lang = self.lang()
        self.ax.set_ylabel(tr("rep_axis_yuan" if self.view == "money" else "rep_axis_days", lang), fontfamily=self.family)
        self.ax2.set_ylabel(tr("rep_axis_cumulative" if self.view == "money" else "rep_axis_wage", lang),
                            fontfamily=self.family)
        self.empty.set_text(tr("rep_chart_empty", lang))
        if self.legend is not None:
            for text, key in zip(self.legend.get_texts(), self._legend_keys, strict=True):
                text.set_text(self._name(key))

    def tooltip_text(self, year: int) -> str | None:
        """What the mouse over ``year`` shows: each series' amount, the year's total and the running total."""
        if year not in self.years:
            return None
        lang, i = self.lang(), self.years.index(year)
        data = [_series(tl, self.years, self.view) for tl in self.timelines]
        unit = "rep_yuan_amount" if self.view == "money" else "rep_days_amount"
        sep = "：" if lang == "zh" else ": "
        prefixes = [""] if len(data) == 1 else [tr("rep_scenario_a", lang) + " ", tr("rep_scenario_b", lang) + " "]

        def amounts(pick: Callable[[dict[str, np.ndarray], np.ndarray], float]) -> str:
            return " / ".join(p + tr(unit, lang, v=format_number(pick(v, c))) for p, (v, c) in zip(prefixes, data, strict=True))

        rows = [str(year)]
        rows += [self._name(k) + sep + amounts(lambda v, _c, k=k: v[k][i]) for k in SERIES[self.view]]
        rows.append(tr("rep_tip_total", lang) + sep + amounts(lambda v, _c: sum(s[i] for s in v.values())))
        if self.view == "money":
            rows.append(tr("rep_tip_cumulative", lang) + sep + amounts(lambda _v, c: c[i]))
        else:  # the allowance paying the leave, in yuan (not added money)
            rows.append(tr("rep_tip_wage", lang) + sep + " / ".join(
                p + tr("rep_yuan_amount", lang, v=format_number(c[i])) for p, (_v, c) in zip(prefixes, data, strict=True)))
        return "\n".join(rows)


class LifetimeChart(QWidget):
    """The chart in the window: ``set_results(a)`` or ``set_results(a, b)`` while comparing.

    A change of figures that keeps the axes is drawn by blitting: the figure without its bars and lines is
    saved after each full draw, and an update restores it, draws the bars and lines over it and repaints
    that. Anything else (new years, a new axis range, another view or language, a resize) draws it whole.
    ``painted`` is emitted when new figures are on the canvas either way."""

    painted = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.figure = Figure(layout="constrained")
        self.canvas = FigureCanvasQTAgg(self.figure)
        self.canvas.setMinimumHeight(200)
        self._plot = _Plot(self.figure, language, live=True)
        self._background = None  # the figure as last drawn whole, without its animated artists
        self._background_size: list[float] | None = None
        self._full_draw_pending = False
        self.blits = self.full_draws = 0  # how updates were drawn (the benchmark reports them)
        self.legend_rows = 1  # as fit_legend last laid the legend out
        self._hover_year: int | None = None
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(self.canvas)
        self.canvas.mpl_connect("motion_notify_event", self._on_motion)
        self.canvas.mpl_connect("figure_leave_event", self._on_leave)
        self.canvas.mpl_connect("draw_event", self._on_draw)

    # The artists, for whoever needs to look at what is drawn (tests, the benchmark).
    @property
    def bars(self) -> list[dict[str, BarContainer]]:
        return self._plot.bars

    @property
    def cumulative_lines(self) -> list[Line2D]:
        return self._plot.cumulative

    def legend_labels(self) -> list[str]:
        legend = self._plot.legend
        return [t.get_text() for t in legend.get_texts()] if legend is not None else []

    def view(self) -> str:
        return self._plot.view

    def set_results(self, a: Result | None, b: Result | None = None) -> None:
        timelines = [r.timeline() for r in (a, b) if r is not None]
        self._changed(self._plot.show(timelines))

    def set_view(self, view: str) -> None:
        if view not in VIEWS:
            raise ValueError(f"view must be one of {VIEWS}")
        if view != self._plot.view:
            self._plot.view = view
            self._changed(self._plot.show(self._plot.timelines))

    def retranslate(self) -> None:
        self._plot.retranslate()
        self._draw_whole()

    def tooltip_text(self, year: int) -> str | None:
        return self._plot.tooltip_text(year)

    def _changed(self, changed: bool) -> None:
        if not changed:
            return
        self._hover_year = None
        if (self._plot.limits_changed or self._background is None or self._full_draw_pending
                or self._background_size != self.figure.bbox.size.tolist()):  # resized since: draw it whole
            self._draw_whole()
        else:
            self._blit()

    def fit_legend(self) -> None:
        """As many legend columns as fit the figure's width: with large text the entries take two or three rows
        rather than running off both sides of the chart."""
        legend = self._plot.legend
        if legend is None or self.figure.bbox.width <= 1:
            return
        renderer = self.canvas.get_renderer()
        texts = legend.get_texts()
        handles, labels = list(legend.legend_handles), [t.get_text() for t in texts]
        prop = texts[0].get_fontproperties() if texts else None
        most = len(labels) if len(labels) <= 6 else (len(labels) + 1) // 2  # as _Plot._build_legend lays it out
        if self._legend_columns(legend) == most and legend.get_window_extent(renderer).width <= self.figure.bbox.width:
            self.legend_rows = -(-len(labels) // most)
            return  # as laid out, and it fits: nothing to draw again
        for cols in range(most, 0, -1):
            legend.remove()
            legend = self.figure.legend(handles, labels, loc="outside upper center", ncols=cols, frameon=False,
                                        prop=prop)
            if legend.get_window_extent(renderer).width <= self.figure.bbox.width:
                break
        self._plot.legend = legend
        self.legend_rows = -(-len(labels) // cols)
        self._draw_whole()

    @staticmethod
    def _legend_columns(legend) -> int | None:
        return getattr(legend, "_ncols", None)  # (matplotlib keeps it private; None: rebuild to be sure)

    def _draw_whole(self) -> None:
        self._full_draw_pending = True
        self._background = None  # stale from now on (and a kiosk's reset leaves no picture of the last family)
        self.canvas.draw_idle()

    def _on_draw(self, _event) -> None:
        """After every whole draw (ours, a resize's, anyone's): save it as the background, then add the bars."""
        self._full_draw_pending = False
        self._background = self.canvas.copy_from_bbox(self.figure.bbox)
        self._background_size = self.figure.bbox.size.tolist()
        self._draw_dynamic()
        self.full_draws += 1
        self.painted.emit()

    def _blit(self) -> None:
        self.canvas.restore_region(self._background)
        self._draw_dynamic()
        self.canvas.blit(self.figure.bbox)
        self.blits += 1
        self.painted.emit()

    def _draw_dynamic(self) -> None:
        for artist in self._plot.dynamic_artists():
            artist.axes.draw_artist(artist)

    def _on_motion(self, event) -> None:
        if event.inaxes is None or event.xdata is None:
            self._on_leave(event)
            return
        year = round(event.xdata)
        if year == self._hover_year:
            return
        self._hover_year = year
        text = self._plot.tooltip_text(year)
        if text:
            QToolTip.showText(QCursor.pos(), text, self.canvas)
        else:
            QToolTip.hideText()

    def _on_leave(self, _event) -> None:
        if self._hover_year is not None:
            self._hover_year = None
            QToolTip.hideText()


def render_chart_png(result: Result, lang: str, width_px: int, height_px: int, view: str = "money",
                     dpi: int = 150, font_size: float = 8.0) -> bytes:
    """The chart as a PNG for the handout: a standalone figure on the Agg canvas, no Qt needed.

    ``dpi`` sets the printed size (``width_px / dpi`` inches), and ``font_size`` the points of its text there.
    """
    if view not in VIEWS:
        raise ValueError(f"view must be one of {VIEWS}")
    matplotlib_family()  # before the rc_context, so the family it sets stays after
    with rc_context({"font.size": font_size}):
        figure = Figure(figsize=(width_px / dpi, height_px / dpi), dpi=dpi, layout="constrained", facecolor="white")
        FigureCanvasAgg(figure)
        plot = _Plot(figure, lambda: lang)
        plot.view = view
        plot.show([result.timeline()])
        buf = io.BytesIO()
        figure.savefig(buf, format="png", dpi=dpi, facecolor="white")
    return buf.getvalue()
