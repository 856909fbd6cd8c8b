"""The household a case file describes (schema version 1).

Field names are a contract: saved cases must stay readable, so fields are only ever added, optional,
with defaults that keep old files meaning what they meant.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, Literal

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, model_validator
from pydantic_core import PydanticCustomError

from .vocabulary import AREAS, EMPLOYERS, INSURANCE, TAX_SPLITS

SCHEMA_VERSION = 1
# A model limit, not a policy figure: beyond this the birth-order rules stop meaning anything useful.
MAX_CHILDREN = 12

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


class Parent(_Strict):
    employer: Employer = "private"
    insurance: Insurance = "employee"
    monthly_salary: float = Field(default=0, ge=0, le=10_000_000)
    monthly_contributions: float = Field(default=0, ge=0, le=10_000_000)
    other_annual_deductions: float = Field(default=0, ge=0, le=100_000_000)
    employer_avg_monthly_wage: float | None = Field(default=None, ge=0, le=10_000_000)
    training: Training | None = None


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
    schema_version: Literal[1] = SCHEMA_VERSION
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

    @model_validator(mode="after")
    def _consistent(self) -> Household:
        if self.mother is None and self.father is None:
            raise ValueError("mother/father: at least one parent is needed")
        return self

    @property
    def today(self) -> dt.date:
        return self.as_of or dt.date.today()

    def parent(self, role: str) -> Parent | None:
        return self.mother if role == "mother" else self.father

    def parents(self) -> list[tuple[str, Parent]]:
        return [(r, p) for r, p in (("mother", self.mother), ("father", self.father)) if p is not None]
