"""The explorers' figure: on the left the support against the planned child's birth month (money stacked by kind,
leave days as a line on their own axis, the month chosen now outlined, the cliffs numbered above their month),
on the right tax saved and the total against one parent's monthly salary (the salary now marked).

The artists are made once for a number of months and afterwards only given new heights; they are animated
artists, drawn over the figure saved without them (blitting, as ``ui.chart.LifetimeChart`` does), and the value
axes keep their range while the new curves fill at least half of it, so new curves usually cost a few
milliseconds of drawing rather than the whole figure's. Clicking a month's bar emits ``monthClicked`` with its
index; ``painted`` is emitted after each drawing of new curves, whole or blitted.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg
from matplotlib.figure import Figure
from matplotlib.patches import Patch
from matplotlib.ticker import FuncFormatter
from PySide6.QtCore import Signal
from PySide6.QtWidgets import QVBoxLayout, QWidget

from ui.chart import axis_yuan
from ui.explorer_worker import CurvePoint, Curves
from ui.fonts import matplotlib_family
from ui.i18n import language, tr

# The totals drawn as money, in this order when a result has them (a total the results do not have is left
# out, so one added to the results later is drawn once it is named here).
MONEY_SERIES = ("money_received", "tax_saved", "interest_saved", "wage_replacement")
LEAVE_SERIES = ("leave_days.mother", "leave_days.father")
COLOURS = {"money_received": "#4e79a7", "tax_saved": "#f28e2b", "interest_saved": "#59a14f",
           "wage_replacement": "#76b7b2", "leave": "#b07aa1", "total": "#333333", "current": "#000000"}


def series_of(points: Sequence[CurvePoint], names: Sequence[str]) -> dict[str, np.ndarray]:
    """The totals ``names`` that some point has an amount of, month by month."""
    present = [n for n in names if any(p.totals.get(n) for p in points)]
    return {n: np.array([float(p.totals.get(n) or 0.0) for p in points]) for n in present}


Y_MARGIN = 1.12  # room above the tallest bar (and for the cliffs' numbers): a drawing margin
Y_GROW = 1.35  # an axis outgrown by new curves takes this much room above them, so the next few still fit it
Y_KEEP_FILL = 0.5  # the value axes keep their range while the curves fill at least this share of it


def support_total(point: CurvePoint) -> float:
    return sum(float(point.totals.get(n) or 0.0) for n in MONEY_SERIES)


class ExplorerChart(QWidget):
    monthClicked = Signal(int)
    painted = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.family = matplotlib_family()
        self.figure = Figure(layout="constrained")
        self.canvas = FigureCanvasQTAgg(self.figure)
        self.canvas.setMinimumHeight(140)
        self.ax_birth, self.ax_salary = self.figure.subplots(1, 2, width_ratios=(3, 2))
        self.ax_leave = self.ax_birth.twinx()
        self.curves: Curves | None = None
        self._bars: dict[str, object] = {}
        self._n = -1
        self._series: tuple[str, ...] = ()
        self._leave_line = None
        self._current_patch = None
        self._cliff_marks: list = []
        self._salary_lines: dict[str, object] = {}
        self._salary_now = self.ax_salary.axvline(0, color=COLOURS["current"], linewidth=1.2, visible=False,
                                                  animated=True)
        self._legend = None
        self._months: tuple[str, ...] = ()
        self._role: str | None = None
        self._background = None
        self._background_size: list[float] | None = None
        self._whole_pending = False
        self.draws = self.blits = 0
        self._yuan = FuncFormatter(lambda v, _pos: axis_yuan(v, language()))
        for ax in (self.ax_birth, self.ax_salary):
            ax.yaxis.set_major_formatter(self._yuan)
            ax.spines["top"].set_visible(False)
            ax.grid(axis="y", color="#e0e0e0", linewidth=0.6)
            ax.set_axisbelow(True)
        self.ax_birth.spines["right"].set_visible(False)
        self.ax_salary.spines["right"].set_visible(False)
        self.ax_salary.xaxis.set_major_formatter(FuncFormatter(lambda v, _pos: axis_yuan(v, language())))
        self.ax_leave.spines["top"].set_visible(False)
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(self.canvas)
        self.canvas.mpl_connect("button_press_event", self._on_press)
        self.canvas.mpl_connect("draw_event", self._on_draw)
        self.retranslate()

    # -- the curves ----------------------------------------------------------------------------------------------
    def set_curves(self, curves: Curves | None) -> None:
        self.curves = curves
        births = curves.births if curves else []
        money = series_of(births, MONEY_SERIES)
        whole = False
        role = curves.role if curves else None
        if (len(births), tuple(money)) != (self._n, self._series) or role != self._role:
            self._build_births(len(births), tuple(money))
            self._role = role
            self.retranslate(draw=False)
            whole = True
        whole |= self._update_births(births, money)
        whole |= self._update_salaries(curves)
        if (whole or self._background is None or self._whole_pending
                or self._background_size != self.figure.bbox.size.tolist()):
            self._draw_whole()
        else:
            self._blit()

    def _draw_whole(self) -> None:
        self._whole_pending = True
        self._background = None  # stale from now on (and a kiosk's start over leaves no picture of the last family)
        self.canvas.draw_idle()

    def _blit(self) -> None:
        self.canvas.restore_region(self._background)
        self._draw_animated()
        self.canvas.blit(self.figure.bbox)
        self.blits += 1
        self.painted.emit()

    def _draw_animated(self) -> None:
        artists = [r for c in self._bars.values() for r in c.patches]
        artists += [a for a in (self._leave_line, self._current_patch) if a is not None]
        artists += [*self._cliff_marks, *self._salary_lines.values(), self._salary_now]
        for artist in artists:
            if artist.get_visible():
                artist.axes.draw_artist(artist)

    def _limit(self, ax, top: float, fresh: bool) -> bool:
        """The value axis 0 .. ``top`` plus a margin (a larger one when new curves outgrow it); kept while ``top``
        fills at least half of it (the curves then move without the axes being drawn again). True if its range
        changed."""
        wanted = top * Y_MARGIN or 1.0
        current = ax.get_ylim()[1]
        if not fresh and top <= current and wanted >= current * Y_KEEP_FILL:
            return False
        if not fresh and top > current:  # outgrown: room for the next rise too (each rise is a whole drawing)
            wanted = top * Y_GROW
        if wanted == current:
            return False
        ax.set_ylim(0, wanted)
        return True

    def _build_births(self, n: int, names: tuple[str, ...]) -> None:
        for container in self._bars.values():
            container.remove()
        for artist in (self._leave_line, self._current_patch):
            if artist is not None:
                artist.remove()
        x, zeros = np.arange(n, dtype=float), np.zeros(n)
        self._bars = {k: self.ax_birth.bar(x, zeros, 0.8, bottom=zeros, color=COLOURS.get(k, "#9e9e9e"),
                                           linewidth=0, animated=True) for k in names}
        (self._leave_line,) = self.ax_leave.plot(x, zeros, color=COLOURS["leave"], linewidth=1.4,
                                                  marker="." if n < 30 else None, animated=True)
        self._current_patch = self.ax_birth.axvspan(-0.5, 0.5, facecolor="none", edgecolor=COLOURS["current"],
                                                    linewidth=1.6, visible=False, animated=True)
        self._n, self._series, self._months = n, names, ()
        self.ax_birth.set_xlim(-0.6, max(n, 1) - 0.4)

    def _update_births(self, births: Sequence[CurvePoint], money: dict[str, np.ndarray]) -> bool:
        """New heights, marks and months; True if the axes changed (a range, the months)."""
        fresh = not self._months
        bottom = np.zeros(len(births))
        for k, values in money.items():
            for rect, h, y in zip(self._bars[k].patches, values, bottom, strict=True):
                rect.set_height(h)
                rect.set_y(y)
            bottom = bottom + values
        leave = sum(series_of(births, LEAVE_SERIES).values(), np.zeros(len(births)))
        self._leave_line.set_ydata(leave)
        changed = self._limit(self.ax_birth, float(bottom.max(initial=0.0)), fresh)
        changed |= self._limit(self.ax_leave, float(np.max(leave, initial=0.0)), fresh)
        for mark in self._cliff_marks:
            mark.remove()
        self._cliff_marks = []
        top = self.ax_birth.get_ylim()[1]
        for number, (index, _sentence) in enumerate(self.curves.cliffs if self.curves else [], start=1):
            lower = 11 * (number % 2 == 0)  # neighbours one above the other, not on top of each other
            self._cliff_marks.append(self.ax_birth.annotate(
                str(number), (index - 0.5, top), xytext=(0, -2 - lower), textcoords="offset points", ha="center", va="top",
                fontsize="small", color="#000000", animated=True,
                bbox={"boxstyle": "circle,pad=0.15", "fc": "#fff3c4", "ec": "#b08900", "lw": 0.6}))
        current = self.current_month_index()
        self._current_patch.set_visible(current is not None)
        if current is not None:
            self._current_patch.set_x(current - 0.5)
        months = tuple(p.key for p in births)
        if months != self._months:
            ticks = [i for i, p in enumerate(births) if p.key.endswith("-01")] or list(range(0, len(births), 12))
            self.ax_birth.set_xticks(ticks, [births[i].key[:4] for i in ticks])
            self._months = months
            changed = True
        return changed

    def _update_salaries(self, curves: Curves | None) -> bool:
        """New lines and the salary now; True if the axes changed."""
        points = curves.salaries if curves else []
        x = np.array([float(p.value) for p in points])
        wanted = {"tax_saved": np.array([float(p.totals.get("tax_saved") or 0.0) for p in points]),
                  "total": np.array([support_total(p) for p in points])}
        changed = False
        for key, y in wanted.items():
            line = self._salary_lines.get(key)
            if line is None:
                (line,) = self.ax_salary.plot(x, y, color=COLOURS[key], linewidth=1.6,
                                              linestyle="-" if key == "total" else "--", animated=True)
                self._salary_lines[key] = line
                changed = True
            else:
                line.set_data(x, y)
        if len(x):
            if self.ax_salary.get_xlim() != (float(x.min()), float(x.max())):
                self.ax_salary.set_xlim(float(x.min()), float(x.max()))
                changed = True
            changed |= self._limit(self.ax_salary, float(wanted["total"].max(initial=0.0)), changed)
        now = curves.salary if curves else None
        self._salary_now.set_visible(now is not None)
        if now is not None:
            self._salary_now.set_xdata([now, now])
        return changed

    def current_month_index(self) -> int | None:
        """The month of the planned child's date now, if it is among the months shown."""
        if self.curves is None or self.curves.birth_date is None:
            return None
        key = self.curves.birth_date.strftime("%Y-%m")
        return next((i for i, p in enumerate(self.curves.births) if p.key == key), None)

    def bar_heights(self) -> dict[str, list[float]]:
        """What is drawn (tests): each money series' bar heights, month by month."""
        return {k: [r.get_height() for r in c.patches] for k, c in self._bars.items()}

    def salary_line(self, key: str) -> tuple[list[float], list[float]]:
        line = self._salary_lines[key]
        return list(line.get_xdata()), list(line.get_ydata())

    # -- words -----------------------------------------------------------------------------------------------------
    def retranslate(self, draw: bool = True) -> None:
        font = {"fontfamily": self.family} if self.family else {}
        self.ax_birth.set_title(tr("exp_chart_births"), fontsize="small", **font)
        self.ax_salary.set_title(tr("exp_chart_salary", role=tr(f"exp_role_{self.curves.role}")
                                    if self.curves and self.curves.role else ""), fontsize="small", **font)
        self.ax_birth.set_ylabel(tr("exp_axis_yuan"), **font)
        self.ax_leave.tick_params(axis="y", colors=COLOURS["leave"])  # its days: the legend names the line
        self.ax_salary.set_xlabel(tr("exp_axis_salary"), **font)
        if self.family:
            for ax in (self.ax_birth, self.ax_salary, self.ax_leave):
                ax.tick_params(labelfontfamily=self.family)
        handles = [Patch(color=COLOURS.get(k, "#9e9e9e")) for k in self._series]
        names = [tr(f"exp_series_{k}") for k in self._series]
        from matplotlib.lines import Line2D

        handles += [Line2D([], [], color=COLOURS["leave"]), Line2D([], [], color=COLOURS["total"]),
                    Line2D([], [], color=COLOURS["tax_saved"], linestyle="--"),
                    Patch(facecolor="none", edgecolor=COLOURS["current"])]
        names += [tr("exp_series_leave"), tr("exp_series_total"), tr("exp_series_salary_tax"), tr("exp_series_now")]
        if self._legend is not None:
            self._legend.remove()
        self._legend = self.figure.legend(handles, names, loc="outside lower center", ncols=min(len(names), 8),
                                          frameon=False, prop={"size": "small", **({"family": self.family}
                                                                                   if self.family else {})})
        if draw:
            self._draw_whole()

    # -- events ----------------------------------------------------------------------------------------------------
    def _on_press(self, event) -> None:
        if event.inaxes not in (self.ax_birth, self.ax_leave) or event.xdata is None or self.curves is None:
            return
        index = round(event.xdata)
        if 0 <= index < len(self.curves.births):
            self.monthClicked.emit(index)

    def _on_draw(self, _event) -> None:
        """After every whole draw (ours, a resize's, anyone's): save it as the background, then add the curves."""
        self._whole_pending = False
        self._background = self.canvas.copy_from_bbox(self.figure.bbox)
        self._background_size = self.figure.bbox.size.tolist()
        self._draw_animated()
        self.draws += 1
        self.painted.emit()
