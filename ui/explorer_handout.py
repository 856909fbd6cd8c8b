"""The birth-timing chart for the handout: the support against the planned child's birth month, as a picture drawn
once (no Qt), with the month chosen outlined and the cliffs numbered, and the cliffs' sentences to print under it.

``birth_timing(household, params, lang)`` works the curve out (the same ``ui.explorer_worker.compute`` the window's
tab uses, here in the calling thread) and returns ``BirthTiming``, or None when the family has no child to vary.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np
from matplotlib import rc_context
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.patches import Patch
from matplotlib.ticker import FuncFormatter

from ui.chart import axis_yuan
from ui.explorer_chart import COLOURS, LEAVE_SERIES, MONEY_SERIES, series_of
from ui.explorer_worker import Ask, Curves, compute
from ui.fonts import matplotlib_family
from ui.i18n import tr

if TYPE_CHECKING:
    from simulator import Household, ParameterSet

WIDTH, HEIGHT = 640, 150  # document pixels (1/96 in), as the handout's own chart


@dataclass(frozen=True)
class BirthTiming:
    png: bytes
    sentences: tuple[str, ...]  # the cliffs, numbered as on the picture
    child: int  # the planned child's place in the family's children (from 0)
    month: str | None  # the month chosen now, if among those shown


def birth_timing(household: Household, params: ParameterSet, lang: str, child: int | None = None,
                 dpi: int = 300) -> BirthTiming | None:
    """The section for the family's handout; ``child``: the child whose month varies (default: the planned one,
    as the window's tab picks it)."""
    if not household.children:
        return None
    if child is None:
        from simulator.explore import planned_child

        child = planned_child(household)
    curves = compute(Ask(household, params, child, None, lang))
    if curves is None or not curves.births:
        return None
    scale = dpi / 96
    png = render_birth_timing_png(curves, lang, round(WIDTH * scale), round(HEIGHT * scale), dpi=dpi)
    month = curves.birth_date.strftime("%Y-%m") if curves.birth_date else None
    shown = month if any(p.key == month for p in curves.births) else None
    return BirthTiming(png, tuple(s[lang] for _i, s in curves.cliffs), child, shown)


def render_birth_timing_png(curves: Curves, lang: str, width_px: int, height_px: int, dpi: int = 150,
                            font_size: float = 6.5) -> bytes:
    """Money stacked by kind for each month, the parents' leave days on their own axis, the month chosen now
    outlined and the cliffs numbered above their month."""
    family = matplotlib_family()
    births = curves.births
    with rc_context({"font.size": font_size}):
        figure = Figure(figsize=(width_px / dpi, height_px / dpi), dpi=dpi, layout="constrained", facecolor="white")
        FigureCanvasAgg(figure)
        ax = figure.add_subplot()
        leave_ax = ax.twinx()
        x = np.arange(len(births), dtype=float)
        bottom = np.zeros(len(births))
        money = series_of(births, MONEY_SERIES)
        for k, values in money.items():
            ax.bar(x, values, 0.8, bottom=bottom, color=COLOURS.get(k, "#9e9e9e"), linewidth=0)
            bottom = bottom + values
        leave = sum(series_of(births, LEAVE_SERIES).values(), np.zeros(len(births)))
        leave_ax.plot(x, leave, color=COLOURS["leave"], linewidth=1.0)
        top = float(bottom.max(initial=0.0)) * 1.15 or 1.0
        ax.set_ylim(0, top)
        leave_ax.set_ylim(0, float(np.max(leave, initial=0.0)) * 1.15 or 1.0)
        ax.set_xlim(-0.6, len(births) - 0.4)
        month = curves.birth_date.strftime("%Y-%m") if curves.birth_date else None
        current = next((i for i, p in enumerate(births) if p.key == month), None)
        if current is not None:
            ax.axvspan(current - 0.5, current + 0.5, facecolor="none", edgecolor=COLOURS["current"], linewidth=1.0)
        for number, (index, _s) in enumerate(curves.cliffs, start=1):
            ax.annotate(str(number), (index - 0.5, top), xytext=(0, -1 - 8 * (number % 2 == 0)),
                        textcoords="offset points", ha="center", va="top", fontsize=font_size * 0.9,
                        bbox={"boxstyle": "circle,pad=0.1", "fc": "#fff3c4", "ec": "#b08900", "lw": 0.4})
        ticks = [i for i, p in enumerate(births) if p.key.endswith("-01")]
        ax.set_xticks(ticks, [births[i].key[:4] for i in ticks])
        ax.yaxis.set_major_formatter(FuncFormatter(lambda v, _pos: axis_yuan(v, lang)))
        ax.set_ylabel(tr("exp_axis_yuan", lang))
        leave_ax.set_ylabel(tr("exp_axis_days", lang))
        for a in (ax, leave_ax):
            a.spines["top"].set_visible(False)
            if family:
                a.tick_params(labelfontfamily=family)
        handles = [Patch(color=COLOURS.get(k, "#9e9e9e")) for k in money]
        names = [tr(f"exp_series_{k}", lang) for k in money]
        from matplotlib.lines import Line2D

        handles += [Line2D([], [], color=COLOURS["leave"]), Patch(facecolor="none", edgecolor=COLOURS["current"])]
        names += [tr("exp_series_leave", lang), tr("exp_series_now", lang)]
        figure.legend(handles, names, loc="outside upper center", ncols=len(names), frameon=False,
                      prop={"size": font_size, **({"family": family} if family else {})})
        buf = io.BytesIO()
        figure.savefig(buf, format="png", dpi=dpi, facecolor="white")
    return buf.getvalue()
