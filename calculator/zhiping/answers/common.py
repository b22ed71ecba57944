"""Pieces every family's answers reader shares: exact numbers from what a person typed, keys in
their documented form, free notes (``meta``), and bad values shown as the user would recognise
them. The JSON itself is read (and bounded) by :mod:`zhiping.jsonread`.
"""

from __future__ import annotations

import re
from decimal import Decimal
from fractions import Fraction
from typing import Any

from ..errors import Problem, problem
from ..jsonread import MAX_TEXT, BadNumber, bounded_number

QUESTION_KEY = re.compile(r"[1-9][0-9]{0,5}")
META_KEY = re.compile(r"[A-Za-z_][A-Za-z0-9_-]{0,39}")
MAX_META = 50
# Full-width digits and separators typed with a Chinese input method mean the ASCII ones.
_WIDE = str.maketrans("０１２３４５６７８９．，\u3000", "0123456789., ")
_GROUPED = re.compile(r"[0-9]{1,3}(?:,[0-9]{3})+(?:\.[0-9]+)?")


def to_number(value: Any) -> Fraction | None:
    """An exact non-negative number from a JSON number or a decimal string ("1,200.5" and
    full-width digits accepted); None if it is not one. Bounded before conversion."""
    if isinstance(value, bool | BadNumber):
        return None
    if isinstance(value, int | Decimal):
        number: Decimal | BadNumber = Decimal(value)
    elif isinstance(value, str):
        text = value.translate(_WIDE).strip()
        if len(text) > 60:
            return None
        if _GROUPED.fullmatch(text):
            text = text.replace(",", "")
        number = bounded_number(text)
    else:
        return None
    if isinstance(number, BadNumber) or number < 0:
        return None
    return Fraction(number)


def blank(value: Any) -> bool:
    """Nothing given: null, or a text of spaces only."""
    return value is None or (isinstance(value, str) and not value.strip())


def clean_text(value: str) -> str:
    """A text that can be written back as UTF-8: a lone surrogate is replaced, the rest kept."""
    return value.encode("utf-8", "replace").decode("utf-8")


def question_number(key: str) -> int | None:
    """The question number a key names, only in the documented form ``^[1-9][0-9]*$``."""
    return int(key) if QUESTION_KEY.fullmatch(key) else None


def is_int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def shown(value: Any) -> str:
    """A bad value as the user would recognise it (JSON text for lists and objects, cut short)."""
    if isinstance(value, str | BadNumber):
        return str(value)
    if value is None or isinstance(value, bool):
        return {None: "null", True: "true", False: "false"}[value]
    if isinstance(value, int | Decimal):
        return str(value)
    return "[…]" if isinstance(value, list) else "{…}"


def read_meta(raw: Any, out: list[Problem]) -> dict[str, str]:
    """Free notes (company, date, …): short strings under simple keys; anything else is reported
    and dropped."""
    meta: dict[str, str] = {}
    if not isinstance(raw, dict):
        out.append(problem("not_an_object", "meta"))
        return meta
    for key, value in raw.items():
        item = f"meta:{key}"
        if not META_KEY.fullmatch(key) or len(meta) >= MAX_META:
            out.append(problem("unknown_key", item, key=key))
        elif not isinstance(value, str) or len(value) > MAX_TEXT:
            out.append(problem("bad_text", item, key=key, limit=MAX_TEXT))
        else:
            meta[key] = clean_text(value)
    return meta
