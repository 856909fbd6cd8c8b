"""The measures the engine runs, in the order their lines are shown: adding a measure is one line here.

Everything else about a measure (its kinds of line, their category, unit, source, the total they count in,
their names and explanations) is declared in its own module and its texts file; see README, "Adding a measure".
"""

from __future__ import annotations

from . import (
    birth_subsidy,
    childcare_subsidy,
    entitlements,
    fees,
    flexible_maternity,
    housing,
    income_tax,
    leave,
    maternity_allowance,
    training,
)
from .measure import LineKind, Measure

MEASURES: tuple[Measure, ...] = (
    birth_subsidy.MEASURE,
    childcare_subsidy.MEASURE,
    income_tax.MEASURE,
    maternity_allowance.MEASURE,
    flexible_maternity.MEASURE,
    *leave.MEASURES,
    *housing.MEASURES,
    training.MEASURE,
    *fees.MEASURES,
    entitlements.MEASURE,
)

LINE_KINDS: dict[str, LineKind] = {kind.id: kind for m in MEASURES for kind in m.lines}
LINE_IDS: tuple[str, ...] = tuple(LINE_KINDS)
# line id → the total its amounts count in (Result.totals); one dict, shared by every result (read-only)
TOTALS_OF: dict[str, str | None] = {kind.id: kind.adds_to for kind in LINE_KINDS.values()}
