"""Leave in days — cn-lp619 Art. 7, ah-pfp, bengbu-2024 §11: the three measures in the order their lines are
listed, each in a module of its own (maternity_leave.py with the end date in leave_end.py, paternity_leave.py,
parental_leave.py). The names other modules import from here are kept here.
"""

from __future__ import annotations

from . import maternity_leave, parental_leave, paternity_leave
from .leave_end import (
    HolidayPush,
    YearHolidays,
    holiday_record,
    leave_end,
    noticed_holidays,
    ruled_holidays,
    year_holidays,
)
from .maternity_leave import (
    MATERNITY_LEAVE,
    MISCARRIAGE_SOURCE,
    LeaveDays,
    before_rules,
    employer_note,
    maternity_leave_days,
    miscarriage_leave_days,
    span_text,
)
from .parental_leave import PARENTAL_LEAVE, under_age_in_year
from .paternity_leave import PATERNITY_LEAVE

MEASURES = (maternity_leave.MEASURE, paternity_leave.MEASURE, parental_leave.MEASURE)

__all__ = ["MATERNITY_LEAVE", "MEASURES", "MISCARRIAGE_SOURCE", "PARENTAL_LEAVE", "PATERNITY_LEAVE", "HolidayPush",
           "LeaveDays", "YearHolidays", "before_rules", "employer_note", "holiday_record", "leave_end",
           "maternity_leave_days", "miscarriage_leave_days", "noticed_holidays", "ruled_holidays", "span_text",
           "under_age_in_year", "year_holidays"]
