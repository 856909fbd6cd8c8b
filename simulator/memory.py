"""What the engine keeps between households, and forgetting it.

Some caches hold only policy values (a parameter's change months, a line's badge for a set of parameter
records) and are kept for the life of the process. Others are keyed on what a household entered or what was
worked out from it: formatted amounts, typed yuan, the deduction amounts a family's children give and the
best splits of them, children's birth orders. A kiosk empties those when a visitor's session ends, so that no
figure of theirs stays in memory for the next person (issue 4's rule: nothing of the previous person remains).
"""

from __future__ import annotations

from . import case, income_tax, leave, money, statutory_holidays


def forget_households() -> None:
    """Empty every cache holding something worked out from a household's input. (This module is the one
    place that knows them all, so it reaches into the modules' private caches.)"""
    money.fmt.cache_clear()
    money._FEN.clear()
    income_tax._splits.cache_clear()
    income_tax._advice.cache_clear()
    case.ordinal_zh.cache_clear()
    case.ordinal_en.cache_clear()
    statutory_holidays.forget()  # keyed on the years a leave ran through
    leave._holiday_record.cache_clear()  # its records name the computed years
