"""Money is computed in whole fen (integers) and rounded half up, so results are exact to the fen."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal


def fen(yuan: float) -> int:
    """Yuan (as typed or read from a parameter) to fen, rounded half up on the decimal the user wrote."""
    if type(yuan) is int:
        return yuan * 100
    if yuan.is_integer():  # (most amounts: no decimal to read)
        return int(yuan) * 100
    return int(Decimal(str(yuan)).scaleb(2).quantize(Decimal(1), rounding=ROUND_HALF_UP))


def yuan(fen_amount: int) -> float:
    return fen_amount / 100


def mul_div(amount_fen: int, num: int, den: int) -> int:
    """amount × num / den in fen, rounded half up (for non-negative amounts)."""
    return (2 * amount_fen * num + den) // (2 * den)


def share(amount_fen: int, rate: float) -> int:
    """A share of an amount, the rate read as an exact decimal, rounded half up to the fen."""
    r = Decimal(str(rate))
    return int((Decimal(amount_fen) * r).quantize(Decimal(1), rounding=ROUND_HALF_UP))


def fmt(yuan_amount: float | None) -> str:
    """Thousands separated, fen only when there are any: 1234 → '1,234'; 1234.5 → '1,234.50'."""
    if yuan_amount is None:
        return "—"
    if type(yuan_amount) is int or yuan_amount.is_integer():
        return f"{int(yuan_amount):,}"
    return f"{yuan_amount:,.2f}"
