"""How exact values become the numbers a person reads. Stated once, used everywhere."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

PLACES = 2


def _fixed(units: int) -> str:
    sign = "-" if units < 0 else ""
    whole, cents = divmod(abs(units), 10**PLACES)
    return f"{sign}{whole}.{cents:0{PLACES}d}"


def display_score(value: Fraction) -> str:
    """A score cut (not rounded) to two decimals: 59.996 shows as "59.99".

    The official thresholds (≥ 20/40/60/80) compare the exact value; cutting toward zero guarantees
    that a score below a threshold never displays as the threshold itself.
    """
    scaled = abs(value.numerator) * 10**PLACES // value.denominator  # integer arithmetic: exact
    return _fixed(scaled if value >= 0 else -scaled)


def display_shortfall(value: Fraction) -> str:
    """A missing amount rounded up to two decimals (0.001 missing shows as "0.01", never "0.00")."""
    return _fixed(-(-value.numerator * 10**PLACES // value.denominator))


def exact_str(value: Fraction) -> str:
    """The exact value as a decimal when it terminates, else as a fraction "a/b"."""
    d = value.denominator
    while d % 2 == 0:
        d //= 2
    while d % 5 == 0:
        d //= 5
    if d != 1:
        return f"{value.numerator}/{value.denominator}"
    dec = Decimal(value.numerator) / Decimal(value.denominator)
    text = format(dec.normalize(), "f")
    return text


def plain_number(value: Fraction) -> str:
    """A raw quantity (tce, a rate in %) for display: exact when short, else cut to two decimals."""
    text = exact_str(value)
    if "/" in text or ("." in text and len(text.split(".")[1]) > PLACES + 2):
        return display_score(value)
    return text
