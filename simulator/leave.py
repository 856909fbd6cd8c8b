"""Maternity, paternity and parental leave in days — cn-lp619 Art. 7, ah-pfp, bengbu-2024 §11.

Days are calendar days. Leave is counted whatever the parent's job; the explanation says when the case
lists no employer to grant it.
"""

from __future__ import annotations

import bisect
import datetime as dt
from functools import lru_cache
from itertools import pairwise
from typing import NamedTuple

from .case import Birth, Case, per_case
from .dates import birthday
from .household import EMPLOYED, PregnancyLoss
from .result import Line, ParamUse, make_line, repeat_for_years, use
from .statutory_holidays import coinciding, statutory_holidays

SOURCE_MATERNITY = "cn-lp619 Art. 7; ah-pfp; bengbu-2024 §11"
SOURCE_PATERNITY = "ah-pfp; bengbu-2024 §11"
SOURCE_PARENTAL = "ah-pfp; bengbu-2024 §11"


class LeaveDays(NamedTuple):
    days: int
    end: dt.date
    holidays: int  # statutory holidays that pushed the end date back
    unknown_years: tuple[int, ...]  # years no published notice or holiday rule in the pack covers
    zh: str
    en: str
    uses: tuple[ParamUse, ...]
    covered: bool = True  # False: the event came before the first rule this pack holds; nothing was computed
    computed_years: tuple[int, ...] = ()  # years whose holidays were worked out from the regulation's rule
    shared_days: tuple[dt.date, ...] = ()  # days inside the leave two festivals share, counted once (assumed)


def _before_pack(case: Case, name: str, on: dt.date) -> LeaveDays | None:
    """An event before the first dated value of ``name``: its leave follows rules this pack does not hold."""
    param = case.p(name)
    first = param.dates[0]
    if on >= first:
        return None
    return LeaveDays(0, on, 0, (), f"早于本数据包最早的产假规定（{first}施行），按当时的规定休假，这里不计算",
                     f"before the earliest maternity-leave rule in this pack (in force from {first}); leave "
                     "followed the rules of the time and is not computed here", (), covered=False)


def _value(case: Case, name: str, on: dt.date, uses: list[ParamUse]) -> int:
    value, u = use(case.p(name), on)
    uses.append(u)
    return value or 0


class HolidayPush(NamedTuple):
    """What statutory holidays did to a leave: its last day, the days added, the years no notice or rule
    covers, the years whose holidays were computed, and the days inside it two festivals share (assumed)."""

    end: dt.date
    added: int
    unknown: list[int]
    computed: list[int]
    shared: list[dt.date]


class _Year(NamedTuple):
    days: tuple[dt.date, ...]  # the year's statutory holidays, in order
    record: ParamUse
    computed: bool
    shared: tuple[dt.date, ...] = ()  # days two festivals share (counted once)
    shared_record: ParamUse | None = None  # the record to use when such a day falls inside the leave


def leave_end(case: Case, start: dt.date, days: int, uses: list[ParamUse]) -> HolidayPush:
    """Last day of leave of ``days`` calendar days from ``start``, pushed back by statutory holidays inside it.

    A year's holidays are those of its State Council notice where the pack holds it, otherwise those worked
    out from the holiday regulation's rule in force (``computed``).
    """
    extend, u = use(case.p("anhui.maternity_leave.holidays_extend_leave"), start)
    uses.append(u)
    end = start + dt.timedelta(days=days - 1)
    if not extend:
        return HolidayPush(end, 0, [], [], [])
    added, unknown, seen = 0, [], {}
    while True:
        inside = 0  # holidays within [start, end]; each year's list holds only that year's days
        for year in range(start.year, end.year + 1):
            y = _year_holidays(case, year)
            if y is None:
                if year not in unknown:
                    unknown.append(year)
                continue
            seen.setdefault(year, y)
            inside += bisect.bisect_right(y.days, end) - bisect.bisect_left(y.days, start)
        if inside == added:
            break
        end += dt.timedelta(days=inside - added)  # the days just found push the end back; look again
        added = inside
    shared = []
    for y in seen.values():
        hit = [d for d in y.shared if start <= d <= end]
        shared += hit
        uses.append(y.shared_record if hit else y.record)
    return HolidayPush(end, added, unknown, [year for year, y in seen.items() if y.computed], shared)


def _year_holidays(case: Case, year: int) -> _Year | None:
    """``year``'s statutory holidays and the record of where they came from: the year's published notice if
    the pack has it, else the rule of 《全国年节及纪念日放假办法》 in force on 1 January (every revision so far
    took effect on a 1 January); None when neither covers the year."""
    hol_p = case.p("national.holidays.statutory_holidays")
    eff, dates = hol_p.entry(dt.date(year, 1, 1))
    if eff is not None and eff.year == year:
        return _Year(_in_order(dates), _holiday_record(hol_p.name, eff, f"{len(dates)} days", hol_p.line_status,
                                                       hol_p.reference), False)
    rule_p = case.p("national.holidays.festival_rules")
    eff, rules = rule_p.entry(dt.date(year, 1, 1))
    if eff is None:
        return None
    dates = statutory_holidays(rules, year)
    value = f"{len(dates)} days computed for {year}"
    record = _holiday_record(rule_p.name, eff, value, rule_p.line_status, rule_p.reference)
    if not (twice := coinciding(rules, year)):
        return _Year(_in_order(dates), record, True)
    # two festivals on one day, counted once: an assumption (the regulation does not say), which matters
    # only to a leave that takes that day in
    shared = tuple(sorted(twice))
    assumed = _holiday_record(rule_p.name, eff, f"{value}; {', '.join(map(str, shared))} counted once (assumed)",
                              "assumed", rule_p.reference)
    return _Year(_in_order(dates), record, True, shared, assumed)


@lru_cache(maxsize=256)
def _holiday_record(name: str, effective: dt.date, value: str, status: str, reference: str) -> ParamUse:
    """The record of using one year's holiday list, made once per value like every other parameter's records
    (a line's badge is looked up by its records, so a fresh record per household would never be found)."""
    return ParamUse(name, effective, value, status, reference)


@lru_cache(maxsize=64)
def _in_order(dates: frozenset[dt.date]) -> tuple[dt.date, ...]:
    return tuple(sorted(dates))


@per_case
def maternity_leave_days(case: Case, birth: Birth) -> LeaveDays:
    on = birth.date
    if (early := _before_pack(case, "national.maternity_leave.basic_days", on)) is not None:
        return early
    uses: list[ParamUse] = []
    basic = _value(case, "national.maternity_leave.basic_days", on, uses)
    ext = _value(case, "anhui.maternity_leave.extension_days", on, uses)
    parts_zh, parts_en = [f"国家产假{basic}天"], [f"national {basic}"]
    if ext:
        parts_zh.append(f"安徽延长{ext}天")
        parts_en.append(f"Anhui extension {ext}")
    else:
        since = case.p("anhui.maternity_leave.extension_days").dates[0]
        parts_zh.append(f"{since}前的生育适用安徽此前的条例，本政策包未收录，只计国家产假")
        parts_en.append(f"births before {since} fall under Anhui's earlier regulation, not in this policy pack: "
                        "national days only")
    days = basic + ext
    if birth.difficult:
        extra = _value(case, "national.maternity_leave.difficult_birth_extra_days", on, uses)
        caesarean = _value(case, "anhui.maternity_leave.caesarean_counts_as_difficult", on, uses)
        days += extra
        parts_zh.append(f"{'难产或剖宫产' if caesarean else '难产'}{extra}天")
        parts_en.append(f"{'difficult birth or caesarean' if caesarean else 'difficult birth'} {extra}")
    if birth.babies > 1:
        per = _value(case, "national.maternity_leave.extra_baby_days", on, uses)
        days += per * (birth.babies - 1)
        parts_zh.append(f"多胞胎多{birth.babies - 1}个婴儿各{per}天")
        parts_en.append(f"{birth.babies - 1} extra baby × {per}")
    push = leave_end(case, on, days, uses)
    zh, en = "＋".join(parts_zh) + f"＝{days}天", " + ".join(parts_en) + f" = {days} days"
    return LeaveDays(days, push.end, push.added, tuple(push.unknown), zh, en, tuple(uses),
                     computed_years=tuple(push.computed), shared_days=tuple(push.shared))


def _end_text(ld: LeaveDays, start: dt.date) -> tuple[str, str]:
    if not ld.covered:
        return "", ""
    zh = f"自{start}起休至{ld.end}"
    en = f"from {start} to {ld.end}"
    if ld.holidays:
        zh += f"（含顺延法定节假日{ld.holidays}天）"
        en += f" (pushed back {ld.holidays} days for public holidays inside it)"
    if ld.computed_years:
        zh += f"；{'、'.join(map(str, ld.computed_years))}年的法定节假日按《全国年节及纪念日放假办法》推算" \
              "（未收录当年放假通知）"
        en += f"; public holidays for {', '.join(map(str, ld.computed_years))} computed from the national " \
              "holiday regulation (that year's notice is not in the pack)"
    if ld.shared_days:
        days = "、".join(map(str, ld.shared_days))
        zh += f"；{days}为两个节日同一天，按1天计（假设：放假办法未规定）"
        en += f"; {', '.join(map(str, ld.shared_days))} is two festivals' day, counted once (assumed: the " \
              "regulation does not say)"
    if ld.unknown_years:
        years = "、".join(map(str, ld.unknown_years))
        zh += f"；本政策包没有{years}年的放假通知或放假办法，未顺延"
        en += f"; the policy pack has no holiday notice or rule for {', '.join(map(str, ld.unknown_years))}, " \
              "so none added"
    return zh, en


def _employer_note(case: Case, role: str) -> tuple[str, str]:
    parent = case.household.parent(role)
    if parent is not None and parent.employer not in EMPLOYED:
        return "（假期由用人单位给予；本案例未填写用人单位）", " (leave is granted by an employer; the case lists none)"
    return "", ""


def maternity_leave(case: Case) -> list[Line]:
    if case.household.mother is None:
        return []
    note_zh, note_en = _employer_note(case, "mother")
    lines = []
    for birth in case.births:
        ld = maternity_leave_days(case, birth)
        span_zh, span_en = _end_text(ld, birth.date)
        lines.append(make_line("maternity_leave", birth.date.year, float(ld.days), "days", SOURCE_MATERNITY,
                               f"{birth.date}生育：{ld.zh}{'，' + span_zh if span_zh else ''}。{note_zh}",
                               f"Birth on {birth.date}: {ld.en}{', ' + span_en if span_en else ''}.{note_en}",
                               child=birth.children[0].order, parent="mother", uses=ld.uses))
    for loss in case.household.pregnancy_losses:
        ld = miscarriage_leave_days(case, loss)
        span_zh, span_en = _end_text(ld, loss.date)
        lines.append(make_line("maternity_leave", loss.date.year, float(ld.days), "days", "cn-lp619 Art. 7",
                               f"{loss.date}流产（怀孕{loss.months_pregnant}个月）：{ld.zh}"
                               f"{'，' + span_zh if span_zh else ''}。{note_zh}",
                               f"Miscarriage on {loss.date} ({loss.months_pregnant} months pregnant): {ld.en}"
                               f"{', ' + span_en if span_en else ''}.{note_en}", parent="mother", uses=ld.uses))
    return lines


@per_case
def miscarriage_leave_days(case: Case, loss: PregnancyLoss) -> LeaveDays:
    if (early := _before_pack(case, "national.maternity_leave.miscarriage_threshold_months", loss.date)) is not None:
        return early
    uses: list[ParamUse] = []
    threshold = _value(case, "national.maternity_leave.miscarriage_threshold_months", loss.date, uses)
    if loss.months_pregnant < threshold:
        days = _value(case, "national.maternity_leave.miscarriage_early_days", loss.date, uses)
        zh, en = f"未满{threshold}个月流产{days}天", f"miscarriage before {threshold} months: {days} days"
    else:
        days = _value(case, "national.maternity_leave.miscarriage_late_days", loss.date, uses)
        zh, en = f"满{threshold}个月流产{days}天", f"miscarriage from {threshold} months: {days} days"
    push = leave_end(case, loss.date, days, uses)
    return LeaveDays(days, push.end, push.added, tuple(push.unknown), zh + "（安徽无延长，按国家规定）",
                     en + " (national rule; Anhui adds none)", tuple(uses), computed_years=tuple(push.computed),
                     shared_days=tuple(push.shared))


def paternity_leave(case: Case) -> list[Line]:
    if case.household.father is None:
        return []
    note_zh, note_en = _employer_note(case, "father")
    lines = []
    for birth in case.births:
        uses: list[ParamUse] = []
        days = _value(case, "anhui.paternity_leave.days", birth.date, uses)
        if days:
            zh = f"{birth.date}生育：男方护理假{days}天，可在女方产假期间灵活安排。{note_zh}"
            en = f"Birth on {birth.date}: {days} days of paternity leave, to be taken flexibly during the " \
                 f"mother's maternity leave.{note_en}"
        else:
            zh = f"{birth.date}生育：早于安徽护理假现行规定施行，未计。"
            en = f"Birth on {birth.date}: before Anhui's current paternity-leave rule took effect; not counted."
        lines.append(make_line("paternity_leave", birth.date.year, float(days), "days", SOURCE_PATERNITY, zh, en,
                               child=birth.children[0].order, parent="father", uses=tuple(uses)))
    return lines


def parental_leave(case: Case) -> list[Line]:
    """Each parent: the yearly days for every calendar year in which some child is under the age limit
    on at least one day (one allowance per family unless per_child is set)."""
    if not case.children:
        return []
    days_p = case.p("anhui.parental_leave.days_per_year")
    age_p = case.p("anhui.parental_leave.until_age")
    per_child_p = case.p("anhui.parental_leave.per_child")
    first = case.children[0].born.year
    last = max(birthday(oc.born, age_p.values[-1]) for oc in case.children).year
    # The years are cut into stretches with the same rule and the same young children: a stretch's first
    # year is worked out and its other years get the same lines. A stretch starts where a rule changes (a
    # year reads the rule in force on 31 December), or where a child starts or stops counting under an
    # age limit. A child counts in a year if born by its end and not yet at the limit on its first day.
    bounds = {first, last + 1, *(d.year for p in (days_p, age_p, per_child_p) for d in p.dates)}
    limits = {}  # per age limit: each child with the first and last year it counts
    for age in {a for a in age_p.values if a is not None}:
        limits[age] = spans = []
        for oc in case.children:
            ends = birthday(oc.born, age)
            until = ends.year if ends > dt.date(ends.year, 1, 1) else ends.year - 1
            spans.append((oc, oc.born.year, until))
            bounds.update((oc.born.year, until + 1))
    lines: list[Line] = []
    roles = [role for role, _ in case.household.parents()]
    notes = {role: _employer_note(case, role) for role in roles}
    edges = sorted(b for b in bounds if first <= b <= last + 1)
    for year, end in pairwise(edges):  # the stretch [year, end)
        dec31 = dt.date(year, 12, 31)
        per_year, u_days = use(days_p, dec31)
        age, u_age = use(age_p, dec31)
        per_child, u_pc = use(per_child_p, dec31)
        if not per_year or age is None:
            continue
        orders = tuple(oc.order for oc, since, until in limits[age] if since <= year <= until)
        if not orders:
            continue
        days = per_year * (len(orders) if per_child else 1)
        start = len(lines)
        for role in roles:
            # the same sentence for every year with the same young children
            # (the note, not the case: a text holding its case would make a reference cycle)
            text = case.shared_text(_parental_text, notes[role], role, age, days, orders, per_child)
            lines.append(make_line("parental_leave", year, float(days), "days", SOURCE_PARENTAL, text, "",
                                   parent=role, uses=(u_days, u_age, u_pc)))
        repeat_for_years(lines, start, range(year + 1, end))
    return lines


def _parental_text(note: tuple[str, str], role: str, age: int, days: int, orders: tuple[int, ...],
                   per_child: bool) -> tuple[str, str]:
    note_zh, note_en = note
    role_zh = "母亲" if role == "mother" else "父亲"
    kids = "、".join(map(str, orders))
    return (f"当年有未满{age}周岁的子女（第{kids}孩）：{role_zh}育儿假{days}天"
            f"{'（按子女人数计）' if per_child else '（每年每人一份，不按子女人数叠加）'}。{note_zh}",
            f"A child under {age} that year (child {', '.join(map(str, orders))}): "
            f"{days} days of parental leave for the {role}"
            f"{' (per child)' if per_child else ' (one allowance a year, however many children)'}.{note_en}")
