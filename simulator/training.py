"""Re-employment training after a birth — bengbu-2024 §12."""

from __future__ import annotations

from .case import Case
from .dates import birthday
from .measure import LineKind, Measure
from .money import fen, mul_div, yuan
from .result import Line

SOURCE = "bengbu-2024 §12"
TRAINING_SUBSIDY = LineKind("training_subsidy", category="training_fees", unit="yuan", source=SOURCE,
                            adds_to="money_received")
TRAINING_ALLOWANCE = LineKind("training_allowance", category="training_fees", unit="yuan", source=SOURCE,
                              adds_to="money_received")


def training(case: Case) -> list[Line]:
    """bengbu-2024 §12: "对因生育中断就业的女性，在其生育2年内参加就业技能培训，按规定给予每人500－2400元培训补贴，
    符合条件的，培训期间给予每人每天50元生活补助" (the 2nd anniversary still counts: Civil Code Art. 201)."""
    lines = []
    father = case.household.father
    if father is not None and father.training is not None:
        lines.append(TRAINING_SUBSIDY.line(case, father.training.start.year, 0.0, "father_not_eligible",
                                           parent="father"))
    mother = case.household.mother
    if mother is None or mother.training is None:
        return lines
    t = mother.training

    def line(amount, text, uses=(), /, **values):
        return TRAINING_SUBSIDY.line(case, t.start.year, amount, text, parent="mother", uses=uses, start=t.start,
                                     **values)

    window, u_window = case.value("bengbu.training.window_years", t.start)
    lowest, u_lowest = case.value("bengbu.training.course_subsidy_minimum", t.start)
    highest, u_highest = case.value("bengbu.training.course_subsidy_maximum", t.start)
    per_day, u_day = case.value("bengbu.training.living_allowance_per_day", t.start)
    if u_window.effective is None:
        return [*lines, line(0.0, "before_measure", since=case.param("bengbu.training.window_years").dates[0])]
    births = [b.date for b in case.births if b.date <= t.start]
    if not births:
        return [*lines, line(0.0, "no_birth_before", (u_window,), window=window)]
    if t.start > birthday(births[-1], window):
        return [*lines, line(0.0, "too_late", (u_window,), window=window, birth=births[-1])]
    uses = (u_window, u_lowest, u_highest)
    if lowest is None or highest is None:
        lines.append(line(None, "range_unpublished", uses, birth=births[-1], window=window))
    else:
        course = min(max(t.course_subsidy, lowest), highest)
        lines.append(line(yuan(fen(course)), "course", uses, payers={"employment_fund": yuan(fen(course))},
                          birth=births[-1], window=window, course=course, lowest=lowest, highest=highest))
    if per_day is None:
        allowance = None
        payers = None
    else:
        allowance = yuan(mul_div(fen(per_day), t.days, 1))
        payers = {"employment_fund": allowance}
    lines.append(TRAINING_ALLOWANCE.line(case, t.start.year, allowance,
                                         "per_day" if per_day is not None else "per_day_unpublished",
                                         parent="mother", uses=(u_day,), payers=payers, days=t.days,
                                         per_day=per_day, allowance=allowance))
    return lines


MEASURE = Measure("training", training, lines=(TRAINING_SUBSIDY, TRAINING_ALLOWANCE))
