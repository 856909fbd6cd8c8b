"""Paternity leave (护理假) in days — ah-pfp, bengbu-2024 §11.

Days are calendar days, counted whatever the father's job (the explanation says when the case lists no employer
to grant them).
"""

from __future__ import annotations

from .case import Case
from .lawful_birth import birth_lawful, unmarried_excluded
from .maternity_leave import employer_note
from .measure import LineKind, Measure
from .result import Line

PATERNITY_LEAVE = LineKind("paternity_leave", category="leave", unit="days", source="ah-pfp; bengbu-2024 §11",
                           adds_to="leave_days")


def paternity_leave(case: Case) -> list[Line]:
    """bengbu-2024 §11 (ah-pfp): 30 days of 护理假 for the father at each birth under the law (10 under
    ah-pfp-2016 from 2016-01-16), to be taken flexibly during the mother's maternity leave. Before the earliest
    rule in the pack: not computed; a birth beyond the law's number of children, or to parents who are not
    married (§11 grants it to the man of "…的夫妻"): none (our reading, assumed)."""
    if case.household.father is None:
        return []
    lines = []
    for birth in case.births:
        note = employer_note(case, "father", birth.date)
        days, u = case.value("anhui.paternity_leave.days", birth.date)
        order = birth.children[0].order
        if u.effective is None:
            line = PATERNITY_LEAVE.line(case, birth.date.year, None, "before_rule", child=order, parent="father",
                                        not_computed=True, date=birth.date, first=case.param(u.name).dates[0])
        elif (lawful := birth_lawful(case, birth)).within is False:
            line = PATERNITY_LEAVE.line(case, birth.date.year, 0.0, "outside_law", child=order, parent="father",
                                        uses=(u, lawful.use), assumption="assumed", date=birth.date,
                                        orders=lawful.orders, limit=lawful.limit)
        elif (unmarried := unmarried_excluded(case, birth.date)) is not None:
            line = PATERNITY_LEAVE.line(case, birth.date.year, 0.0, "not_married", child=order, parent="father",
                                        uses=(u, unmarried), assumption="assumed", date=birth.date)
        else:
            line = PATERNITY_LEAVE.line(case, birth.date.year, float(days or 0), "granted", child=order,
                                        parent="father", uses=(u,), date=birth.date, days=days, note=note)
        lines.append(line)
    return lines


MEASURE = Measure("paternity_leave", paternity_leave, lines=(PATERNITY_LEAVE,))
