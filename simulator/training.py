"""Re-employment training after a birth — bengbu-2024 §12: a course subsidy within the published range
and a living allowance per training day, for a woman who trains within the window after the birth."""

from __future__ import annotations

from .case import Case
from .dates import birthday
from .money import fen, fmt, mul_div, yuan
from .result import Line, make_line, use

SOURCE = "bengbu-2024 §12"


def training(case: Case) -> list[Line]:
    lines = []
    father = case.household.father
    if father is not None and father.training is not None:
        t = father.training
        lines.append(make_line("training_subsidy", t.start.year, 0.0, "yuan", SOURCE,
                               "本项培训补贴面向因生育中断就业的女性，父亲不适用。",
                               "This training support is for women whose employment was interrupted by childbirth; "
                               "the father does not qualify.", parent="father"))
    mother = case.household.mother
    if mother is None or mother.training is None:
        return lines
    t = mother.training
    window, u_win = use(case.p("bengbu.training.window_years"), t.start)
    lo, u_lo = use(case.p("bengbu.training.course_subsidy_minimum"), t.start)
    hi, u_hi = use(case.p("bengbu.training.course_subsidy_maximum"), t.start)
    per_day, u_day = use(case.p("bengbu.training.living_allowance_per_day"), t.start)
    if None in (window, lo, hi, per_day):
        start = case.p("bengbu.training.window_years").dates[0]
        return [*lines, make_line("training_subsidy", t.start.year, 0.0, "yuan", SOURCE,
                                  f"{t.start}开始的培训早于{start}起实施的培训补贴措施：不适用。",
                                  f"Training from {t.start} comes before the training subsidy began on {start}: not eligible.",
                                  parent="mother")]
    births = [b.date for b in case.births if b.date <= t.start]
    if not births or t.start > birthday(births[-1], window):  # the anniversary itself still counts (Civil Code Art. 201)
        last = f"（最近一次生育：{births[-1]}）" if births else "（培训开始前没有生育）"
        last_en = f" (last birth {births[-1]})" if births else " (no birth before the training)"
        zh = f"培训须在生育后{window}年内开始，{t.start}开始的培训不符合{last}。"
        en = f"Training must start within {window} years after a birth; training from {t.start} does not{last_en}."
        return lines + [make_line("training_subsidy", t.start.year, 0.0, "yuan", SOURCE, zh, en, parent="mother",
                                  uses=(u_win,))]
    course = min(max(t.course_subsidy, lo), hi)
    lines.append(make_line(
        "training_subsidy", t.start.year, yuan(fen(course)), "yuan", SOURCE,
        f"{births[-1]}生育后{window}年内（{t.start}）参加就业技能培训：按课程给予培训补贴{fmt(course)}元"
        f"（标准{fmt(lo)}–{fmt(hi)}元）。",
        f"Skills training started {t.start}, within {window} years of the birth on {births[-1]}: course subsidy "
        f"{fmt(course)} yuan (range {fmt(lo)}–{fmt(hi)}).",
        parent="mother", payers={"employment_fund": yuan(fen(course))}, uses=(u_win, u_lo, u_hi)))
    allowance = yuan(mul_div(fen(per_day), t.days, 1))
    lines.append(make_line(
        "training_allowance", t.start.year, allowance, "yuan", SOURCE,
        f"培训期间生活补助：{t.days}天 × {fmt(per_day)}元 ＝ {fmt(allowance)}元（符合条件的）。",
        f"Living allowance while training, where eligible: {t.days} days × {fmt(per_day)} yuan = {fmt(allowance)} yuan.",
        parent="mother", payers={"employment_fund": allowance}, uses=(u_day,)))
    return lines
