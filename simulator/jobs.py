"""A parent's jobs over time: the job on a given day, and the job that pays each month of a tax year.

A parent's ``jobs`` are periods, each running from its ``from`` date (``None``: from always) until the next
one's. Two counting rules, both ours (README, "What we assumed"):

- Before the first period that has a date, the parent is taken as not working (no employer, no insurance,
  no pay): a period says from when a job was held, and nothing is known before it.
- A month's pay is the pay of the job in force on the month's 1st: a job that starts mid-month first pays
  in the next month, as a parameter taking effect mid-month first applies from the next month
  (``periods.monthly_sums``). Whole months only, never a share of days.
"""

from __future__ import annotations

import bisect
import datetime as dt
from collections.abc import Sequence
from typing import TYPE_CHECKING, NamedTuple

from .money import fen

if TYPE_CHECKING:
    from .household import Job

MONTHS_A_YEAR = 12  # calendar arithmetic, not a policy figure


def one_job_always(jobs: Sequence[Job]) -> bool:
    """One job from always: every day and every month the same (most households; the fast paths)."""
    return len(jobs) == 1 and jobs[0].start is None


def job_on(jobs: Sequence[Job], day: dt.date) -> Job | None:
    """The job of the period that contains ``day`` (``jobs`` sorted by ``from``), or None before the first
    dated period (not working)."""
    if jobs[0].start is None and (len(jobs) == 1 or day < jobs[1].start):
        return jobs[0]  # (the common case: one job from always)
    starts = [j.start or dt.date.min for j in jobs]
    i = bisect.bisect_right(starts, day) - 1
    return jobs[i] if i >= 0 else None


def jobs_of_year(jobs: Sequence[Job], year: int) -> tuple[Job | None, ...]:
    """The job in force on the 1st of each month of ``year``, January first (None: not working)."""
    return tuple(job_on(jobs, dt.date(year, month, 1)) for month in range(1, MONTHS_A_YEAR + 1))


class YearPay(NamedTuple):
    """A parent's pay in one calendar year, in fen, from the months of each period."""

    salary_fen: int
    contributions_fen: int
    months_paid: int  # months with a salary above 0
    changed: bool  # not the same terms the whole year: the pay came from periods that differ (or none)
    mid_month: bool  # a period starting that year began after a month's 1st (the counting rule above applied)


def year_pay(jobs: Sequence[Job], year: int) -> YearPay:
    """The salary and the personal contributions of ``year``: each month's from the job in force on its 1st."""
    if one_job_always(jobs):  # twelve equal months
        job = jobs[0]
        return YearPay(fen(job.monthly_salary) * MONTHS_A_YEAR, fen(job.monthly_contributions) * MONTHS_A_YEAR,
                       MONTHS_A_YEAR if job.monthly_salary else 0, False, False)
    months = jobs_of_year(jobs, year)
    salary = sum(fen(j.monthly_salary) for j in months if j is not None)
    contributions = sum(fen(j.monthly_contributions) for j in months if j is not None)
    paid = sum(1 for j in months if j is not None and j.monthly_salary)
    changed = len({_terms(j) for j in months}) > 1  # (a "change" to the same terms is no change)
    mid_month = any(j.start is not None and j.start.year == year and j.start.day > 1 for j in jobs)
    return YearPay(salary, contributions, paid, changed, mid_month)


def _terms(job: Job | None) -> tuple | None:
    """What a period pays and insures, whatever its dates (None: not working)."""
    if job is None:
        return None
    return (job.employer, job.insurance, job.monthly_salary, job.monthly_contributions, job.employer_avg_monthly_wage)


def salary_in_month(jobs: Sequence[Job], year: int, month: int) -> float:
    """The monthly salary paid in ``month`` of ``year`` (yuan): the job's in force on the month's 1st."""
    job = job_on(jobs, dt.date(year, month, 1))
    return job.monthly_salary if job is not None else 0.0


def jobs_between(jobs: Sequence[Job], first: dt.date, last: dt.date) -> tuple[Job | None, ...]:
    """Every job held on some day from ``first`` to ``last`` (None among them: a time of not working)."""
    return (job_on(jobs, first), *(j for j in jobs if j.start is not None and first < j.start <= last))
