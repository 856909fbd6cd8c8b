"""The household a case file describes (schema version 2; version 1 files are read too).

Field names are a contract: saved cases must stay readable, so fields are only ever added, optional,
with defaults that keep old files meaning what they meant.

Schema 2 gives each parent ``jobs``, periods of work that change over time (issue 13 point 5). A schema-1
parent's flat job fields (``employer``, ``insurance``, ``monthly_salary``, ``monthly_contributions``,
``employer_avg_monthly_wage``) are read as one job from always, so an old file means what it meant; a
household is always saved as schema 2.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, Literal

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, ValidationInfo, field_validator, model_validator
from pydantic_core import PydanticCustomError

from . import jobs as periods_of_work
from .vocabulary import AREAS, EMPLOYERS, INSURANCE, TAX_SPLITS

SCHEMA_VERSION = 2  # the newest, which every household is saved as
# A model limit, not a policy figure: beyond this the birth-order rules stop meaning anything useful.
MAX_CHILDREN = 12
# A model limit, not a policy figure: changes of job a parent's case can hold.
MAX_JOBS = 40

# The allowed keys come from the one list of each (vocabulary.py).
Area = Literal[tuple(AREAS)]
Employer = Literal[tuple(EMPLOYERS)]
Insurance = Literal[INSURANCE]
TaxSplit = Literal[TAX_SPLITS]


# Model limits, not policy figures: the dates a family's case can hold. Births, losses and loans from 1950 on
# (an adult child still counts in the birth order), nothing past 2099 (the calendar code and the holiday,
# tax and rate tables are not meant for it).
EARLIEST_DATE = dt.date(1950, 1, 1)
LATEST_DATE = dt.date(2099, 12, 31)
ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def _calendar_date(value) -> dt.date:
    """A date written YYYY-MM-DD (or a date), between EARLIEST_DATE and LATEST_DATE. pydantic's own date type
    would read a bare number as seconds since 1970 ("2024" as 1970-01-01 00:33:44), which nobody typing a year
    means."""
    if isinstance(value, dt.datetime):
        raise PydanticCustomError("date_type", "Input should be a valid date")
    if isinstance(value, str):
        text = value.strip()
        if not ISO_DATE.fullmatch(text):  # (a well-formed date is never a number: only the rest is asked)
            try:
                float(text)
            except ValueError:
                raise PydanticCustomError("date_parsing",
                                          "Input should be a valid date in the format YYYY-MM-DD") from None
            raise PydanticCustomError("date_not_number", "date must be written YYYY-MM-DD, not as a number")
        try:
            value = dt.date.fromisoformat(text)
        except ValueError:
            raise PydanticCustomError("date_from_datetime_parsing", "Input should be a valid date, the day "
                                      "does not exist") from None
    elif isinstance(value, int | float) and not isinstance(value, bool):
        raise PydanticCustomError("date_not_number", "date must be written YYYY-MM-DD, not as a number")
    elif not isinstance(value, dt.date):
        raise PydanticCustomError("date_type", "Input should be a valid date")
    if not EARLIEST_DATE <= value <= LATEST_DATE:
        raise PydanticCustomError("date_out_of_model_range", "date must be between {earliest} and {latest}",
                                  {"earliest": EARLIEST_DATE.isoformat(), "latest": LATEST_DATE.isoformat()})
    return value


# The validator returns a date, which the inner date type (strict, as case files are read) then accepts.
Day = Annotated[dt.date, BeforeValidator(_calendar_date)]


class _Strict(BaseModel):
    # No infinity or NaN in any amount: they would pass a bound-less field and not survive a save as JSON.
    model_config = ConfigDict(extra="forbid", frozen=True, allow_inf_nan=False)


class Training(_Strict):
    """Re-employment training after a birth interrupted the parent's job (bengbu-2024 §12)."""

    course_subsidy: float = Field(ge=0)
    days: int = Field(default=0, ge=0, le=3660)
    start: Day


class Job(_Strict):
    """One period of a parent's work: from ``from`` (None: from always) until the next period's ``from``.
    Employer ``none`` is a period without work."""

    # "from" is a Python keyword: the field is ``start`` here and "from" in a case file.
    model_config = ConfigDict(extra="forbid", frozen=True, allow_inf_nan=False, serialize_by_alias=True)

    start: Day | None = Field(default=None, alias="from")
    employer: Employer = "private"
    insurance: Insurance = "employee"
    monthly_salary: float = Field(default=0, ge=0, le=10_000_000)
    monthly_contributions: float = Field(default=0, ge=0, le=10_000_000)
    employer_avg_monthly_wage: float | None = Field(default=None, ge=0, le=10_000_000)


def _problem(kind: str, message: str, field: str, **values) -> PydanticCustomError:
    """A cross-field problem of the jobs, reported at ``field`` (a path below the model that finds it:
    errors.py joins the two) and said in Chinese by errors.py from ``kind``."""
    return PydanticCustomError(kind, message, {"field": field, **values})


# Before a parent's first dated period: not working (jobs.py).
NOT_WORKING = Job(employer="none", insurance="none")
# Schema 1's one job, written flat in the parent: read into ``jobs``, never written.
FLAT_JOB_FIELDS = ("employer", "insurance", "monthly_salary", "monthly_contributions", "employer_avg_monthly_wage")


def _flat(field_name: str):
    """A schema-1 job field of the parent: the same type and limits as the Job's, read under its own name,
    never saved."""
    info = Job.model_fields[field_name]
    return Field(default=None, alias=field_name, exclude=True, ge=_bound(info, "ge"), le=_bound(info, "le"))


def _bound(info, name):
    return next((getattr(m, name) for m in info.metadata if hasattr(m, name)), None)


class Parent(_Strict):
    jobs: list[Job] = Field(default_factory=list, max_length=MAX_JOBS)
    other_annual_deductions: float = Field(default=0, ge=0, le=100_000_000)
    training: Training | None = None
    v1_employer: Employer | None = _flat("employer")
    v1_insurance: Insurance | None = _flat("insurance")
    v1_monthly_salary: float | None = _flat("monthly_salary")
    v1_monthly_contributions: float | None = _flat("monthly_contributions")
    v1_employer_avg_monthly_wage: float | None = _flat("employer_avg_monthly_wage")

    @model_validator(mode="after")
    def _periods(self) -> Parent:
        flat = [name for name in FLAT_JOB_FIELDS if "v1_" + name in self.model_fields_set]
        if "jobs" not in self.model_fields_set:
            return self  # schema 1: the household reads the flat fields as one job (Household._jobs)
        if flat:
            name = flat[0]
            raise _problem("flat_with_jobs", "with jobs, each job's {name} is given in its period under jobs",
                           name, name=name)
        if not self.jobs:
            raise _problem("no_job", "at least one job is needed (employer none for a time without work)", "jobs")
        for i, job in enumerate(self.jobs):
            if i and job.start is None:
                raise _problem("job_from_missing", "only the first job can be from always (no date)",
                               f"jobs[{i}].from")
            if i and self.jobs[i - 1].start is not None and job.start <= self.jobs[i - 1].start:
                raise _problem("job_order", "must be later than the job before's ({previous})", f"jobs[{i}].from",
                               previous=self.jobs[i - 1].start.isoformat())
        return self

    def job_on(self, day: dt.date) -> Job:
        """The job of the period containing ``day`` (not working before the first dated period)."""
        return periods_of_work.job_on(self.jobs, day) or NOT_WORKING

    def year_pay(self, year: int) -> periods_of_work.YearPay:
        """The salary and contributions of calendar year ``year``, from the months of each period (fen)."""
        return periods_of_work.year_pay(self.jobs, year)

    def salary_in_month(self, year: int, month: int) -> float:
        """The monthly salary paid in ``month`` of ``year`` (yuan)."""
        return periods_of_work.salary_in_month(self.jobs, year, month)


class Child(_Strict):
    birth_date: Day
    hukou_in_bengbu: bool = True
    difficult_birth: bool = False
    education_until_age: int | None = Field(default=None, ge=3, le=40)


class PregnancyLoss(_Strict):
    """A miscarriage, which earns maternity leave of its own (cn-lp619 Art. 7). Optional, added in v1."""

    date: Day
    months_pregnant: int = Field(ge=0, le=10)


class Housing(_Strict):
    first_provident_fund_loan: bool = False
    provident_fund_loan_ceiling: float | None = Field(default=None, ge=0, le=100_000_000)
    loan_years: int = Field(default=30, ge=1, le=30)
    buying_home_in_urban_area: bool = False
    # Optional, added in v1: when the loan or purchase happens (default: as_of, or the 2nd birth if later).
    loan_date: Day | None = None


class Household(_Strict):
    # As read: absent is an old file (version 1). Once read, every household is version 2 (see _consistent).
    schema_version: Literal[1, 2] = 1
    hukou_area: Area
    mother: Parent | None = None
    father: Parent | None = None
    children: list[Child] = Field(default_factory=list, max_length=MAX_CHILDREN)
    housing: Housing = Field(default_factory=Housing)
    tax_split: TaxSplit = "best"
    as_of: Day | None = None
    pregnancy_losses: list[PregnancyLoss] = Field(default_factory=list, max_length=MAX_CHILDREN)
    # Optional, added in v1, for a counselor's files; neither changes any figure. Model limits, not policy:
    # a name a file can be called by, and notes a page or two long.
    label: str | None = Field(default=None, max_length=80)
    notes: str | None = Field(default=None, max_length=10_000)
    # Optional, added in v1: bengbu-2024 §4's one-time subsidy is for "夫妻双方依法生育", a married couple.
    parents_married: bool = True

    @field_validator("mother", "father")
    @classmethod
    def _jobs(cls, parent: Parent | None, info: ValidationInfo) -> Parent | None:
        """Schema 2 gives each parent's ``jobs``; schema 1 its one job as flat fields, read as a job from always."""
        if parent is None:
            return None
        version = info.data.get("schema_version", 1)
        given = "jobs" in parent.model_fields_set
        if version == 1 and given:
            raise _problem("jobs_need_schema_2", "jobs need schema_version 2 (this file says 1)", "jobs")
        if version == 1:
            flat = {name: getattr(parent, "v1_" + name) for name in FLAT_JOB_FIELDS}
            job = Job(**{name: value for name, value in flat.items() if value is not None})
            return parent.model_copy(update={"jobs": [job], **{"v1_" + name: None for name in FLAT_JOB_FIELDS}})
        if not given:
            flat = next((name for name in FLAT_JOB_FIELDS if "v1_" + name in parent.model_fields_set), None)
            if flat:
                raise _problem("flat_in_schema_2", "schema 2 gives each job under jobs", flat)
            raise _problem("no_job", "at least one job is needed (employer none for a time without work)", "jobs")
        return parent

    @model_validator(mode="after")
    def _consistent(self) -> Household:
        if self.mother is None and self.father is None:
            raise ValueError("mother/father: at least one parent is needed")
        if self.schema_version != SCHEMA_VERSION:
            # read from a version-1 file, the household is the newest version's (its parents have jobs), and is
            # saved as that: a file and its conversion are the same household
            return self.model_copy(update={"schema_version": SCHEMA_VERSION})
        return self

    @property
    def today(self) -> dt.date:
        return self.as_of or dt.date.today()

    def parent(self, role: str) -> Parent | None:
        return self.mother if role == "mother" else self.father

    def parents(self) -> list[tuple[str, Parent]]:
        return [(r, p) for r, p in (("mother", self.mother), ("father", self.father)) if p is not None]
