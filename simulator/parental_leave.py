"""Parental leave (育儿假) in days a year — ah-pfp from 2022-01-01, bengbu-2024 §11.

Days are calendar days, counted whatever the parent's job (the explanation says when the case lists no employer
to grant them).
"""

from __future__ import annotations

import datetime as dt

from .case import Case
from .dates import birthday
from .jobs import one_job_always
from .lawful_birth import child_lawful, unmarried_excluded
from .maternity_leave import employer_note
from .measure import LineKind, Measure
from .result import Line

PARENTAL_LEAVE = LineKind("parental_leave", category="leave", unit="days", source="ah-pfp; bengbu-2024 §11",
                          adds_to="leave_days")


def parental_leave(case: Case) -> list[Line]:
    """bengbu-2024 §11 (ah-pfp, from 2022-01-01; ah-pfp-2016 gave none): 10 days of 育儿假 a year for each
    parent until a child turns 6: a parent gets the yearly days for each calendar year in which some child born
    under the law is under the age limit on at least one day, once however many children are (unless the
    per-child parameter says otherwise). A year reads the rule in force on 31 December, the number of children
    the law allows included. A child beyond the law's number earns none (assumed): a year with only such a child
    young gets a line of 0 days saying so; so does every year of parents who are not married (§11: "每年给予夫妻
    各十天育儿假", a married couple's; assumed)."""
    if not case.children:
        return []
    roles = [role for role, _ in case.household.parents()]
    # a parent with one job from always has the same note every year
    steady = {role: employer_note(case, role, case.today) for role, parent in case.household.parents()
              if one_job_always(parent.jobs)}
    oldest_limit = case.param("anhui.parental_leave.until_age").values[-1]
    first = case.children[0].born.year
    last = max(birthday(child.born, oldest_limit) for child in case.children).year
    lines: list[Line] = []
    done: dict[tuple, list[Line]] = {}
    for year in range(first, last + 1):
        dec31 = dt.date(year, 12, 31)
        per_year, u_days = case.value("anhui.parental_leave.days_per_year", dec31)
        age, u_age = case.value("anhui.parental_leave.until_age", dec31)
        per_child, u_per_child = case.value("anhui.parental_leave.per_child", dec31)
        if not per_year or age is None:
            continue
        young, outside, law_uses = [], [], []
        for child in case.children:
            if under_age_in_year(child.born, age, year):
                # the regulation of the leave year decides (a 3rd child born under the two-child law is within
                # the three the law allows by 2022: our reading, assumed only where a child is left out)
                lawful = child_lawful(case, child, dec31)
                (outside if lawful.within is False else young).append(child.order)
                if lawful.within is False:
                    law_uses.append(lawful.use)
        if not young and not outside:
            continue
        unmarried = unmarried_excluded(case, dec31)
        key = (u_days, u_age, u_per_child, tuple(young), tuple(outside), unmarried, *law_uses,
               *(employer_note(case, role, dt.date(year, 1, 1), dec31) for role in roles if role not in steady))
        if key in done:  # a year like one already worked out has the same lines
            lines += [line.for_year(year) for line in done[key]]
            continue
        start = len(lines)
        if unmarried is not None:
            for role in roles:
                lines.append(PARENTAL_LEAVE.line(case, year, 0.0, "not_married", parent=role,
                                                 uses=(u_days, u_age, u_per_child, unmarried), assumption="assumed",
                                                 age=age, orders=tuple(sorted(young + outside)), role=role))
            done[key] = lines[start:]
            continue
        uses = (u_days, u_age, u_per_child, *dict.fromkeys(law_uses))
        assumption = "assumed" if outside else ""
        beyond = case.text("parental_leave.outside_law_note", {"orders": tuple(outside)}) if outside \
            else case.text("nothing", {})
        days = per_year * (len(young) if per_child else 1) if young else 0
        for role in roles:
            note = steady[role] if role in steady else employer_note(case, role, dt.date(year, 1, 1), dec31)
            if young:
                lines.append(PARENTAL_LEAVE.line(case, year, float(days), "granted", parent=role, uses=uses,
                                                 assumption=assumption, age=age, orders=tuple(young), role=role,
                                                 days=days, counting=case.text("parental_leave.per_child" if per_child
                                                                               else "parental_leave.per_family", {}),
                                                 beyond=beyond, note=note))
            else:
                lines.append(PARENTAL_LEAVE.line(case, year, 0.0, "outside_law", parent=role, uses=uses,
                                                 assumption=assumption, age=age, orders=tuple(outside), role=role))
        done[key] = lines[start:]
    return lines


def under_age_in_year(born: dt.date, age: int, year: int) -> bool:
    """Born by the end of ``year`` and not yet ``age`` on at least one of its days."""
    reaches = birthday(born, age)
    return born.year <= year and (reaches.year > year or (reaches.year == year and reaches > dt.date(year, 1, 1)))


MEASURE = Measure("parental_leave", parental_leave, lines=(PARENTAL_LEAVE,))
