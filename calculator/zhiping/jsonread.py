"""Reads an answers file's bytes or text as JSON, bounded before anything is converted.

Every calculator reads its answers through :func:`read_json`, so a hostile file (huge, deeply
nested, a number of a million digits, ``1e100000000``, NaN, duplicate keys, invalid UTF-8, lone
surrogates) gets a clear problem instead of a traceback, a hang or a crashed worker:

- the size is checked first (``MAX_BYTES``), then the bytes are decoded strictly as UTF-8 (a BOM
  is accepted and dropped);
- the nesting depth is measured by a scan that skips strings, before the parser recurses;
- the parser hands every number to :func:`bounded_number` as text, which refuses more than
  ``MAX_DIGITS`` digits or an exponent beyond ``MAX_EXPONENT`` before ``Decimal`` sees it;
- ``NaN``/``Infinity`` and bad numbers become :class:`BadNumber` values that the family reader
  reports at the item where they stand (the rest of the file is still read);
- a key given twice makes the file refused (which value was meant cannot be known).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from .errors import Problem, problem

MAX_BYTES = 5 * 1024 * 1024
MAX_DEPTH = 32
MAX_DIGITS = 30  # significant digits of one number
MAX_EXPONENT = 30  # |exponent| of one number, after normalising the digits
MAX_TEXT = 2000  # characters of one string value kept (meta notes); longer ones are refused

_STRING = re.compile(r'"(?:[^"\\]++|\\.)*+"', re.DOTALL)
_NUMBER = re.compile(r"-?([0-9]+)(?:\.([0-9]+))?(?:[eE]([+-]?[0-9]+))?")
_BOM = "\ufeff"


@dataclass(frozen=True)
class BadNumber:
    """A number in the file that is not used: non-finite, too long, or out of range."""

    text: str

    def __str__(self) -> str:
        return self.text


def bounded_number(text: str) -> Decimal | BadNumber:
    """``text`` as an exact Decimal when it is plain decimal notation (ASCII digits) within
    ``MAX_DIGITS`` significant digits and a magnitude between 10**-MAX_EXPONENT and
    10**MAX_EXPONENT; else a :class:`BadNumber`. Checked on the text, before ``Decimal``."""
    m = _NUMBER.fullmatch(text)
    if m is None:
        return BadNumber(_shorten(text))
    whole, frac, exp = m.group(1), m.group(2) or "", m.group(3)
    if not (whole + frac).strip("0"):
        return Decimal(0)
    if len((whole + frac).strip("0")) > MAX_DIGITS or len((exp or "").lstrip("+-0")) > 4:
        return BadNumber(_shorten(text))
    number = Decimal(text)  # at most a few dozen digits and a 4-digit exponent: cheap
    smallest = number.as_tuple().exponent
    assert isinstance(smallest, int)
    if not -MAX_EXPONENT <= number.adjusted() <= MAX_EXPONENT or smallest < -2 * MAX_EXPONENT:
        return BadNumber(_shorten(text))
    return number


def _shorten(text: str, limit: int = 24) -> str:
    return text if len(text) <= limit else f"{text[: limit // 2]}…{text[-limit // 2 :]}"


def _depth(text: str) -> int:
    """The deepest nesting of arrays and objects, strings skipped (a linear scan)."""
    skeleton = _STRING.sub("", text)
    depth = deepest = 0
    for m in re.finditer(r"[\[\]{}]", skeleton):
        if m.group() in "[{":
            depth += 1
            if depth > deepest:
                deepest = depth
                if deepest > MAX_DEPTH:
                    break
        else:
            depth -= 1
    return deepest


class _Reader:
    def __init__(self) -> None:
        self.duplicates: list[str] = []

    def pairs(self, pairs: list[tuple[str, Any]]) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for key, value in pairs:
            if key in out:
                self.duplicates.append(key)
            out[key] = value
        return out


def decode(data: bytes | bytearray | memoryview | str) -> tuple[str | None, Problem | None]:
    """The text of ``data``: size bounded, UTF-8 decoded strictly, a leading BOM dropped."""
    if isinstance(data, str):
        if len(data) > MAX_BYTES:  # every character is at least one byte
            return None, problem("too_large", "answers", limit=MAX_BYTES // (1024 * 1024))
        text = data
    else:
        raw = bytes(data)
        if len(raw) > MAX_BYTES:
            return None, problem("too_large", "answers", limit=MAX_BYTES // (1024 * 1024))
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError as exc:
            return None, problem("not_utf8", "answers", offset=exc.start)
    return text.removeprefix(_BOM), None


def read_json(data: bytes | bytearray | memoryview | str) -> tuple[Any, Problem | None]:
    """The JSON value of ``data``, or None and the one problem that makes the file unreadable.

    Numbers come back as ``int`` or ``Decimal`` (exact), or as :class:`BadNumber` where they
    cannot be used; strings may still hold lone surrogates (escape them with
    :func:`zhiping.errors.printable` before echoing one).
    """
    text, trouble = decode(data)
    if text is None:
        return None, trouble
    if _depth(text) > MAX_DEPTH:
        return None, problem("too_deep", "answers", limit=MAX_DEPTH)
    reader = _Reader()
    try:
        value = json.loads(
            text,
            object_pairs_hook=reader.pairs,
            parse_int=_int,
            parse_float=bounded_number,
            parse_constant=BadNumber,
        )
    except json.JSONDecodeError as exc:
        return None, problem("malformed_json", "answers", line=exc.lineno, column=exc.colno)
    except RecursionError:  # pragma: no cover - the depth scan comes first
        return None, problem("too_deep", "answers", limit=MAX_DEPTH)
    if reader.duplicates:
        return None, problem("duplicate_key", "answers", key=reader.duplicates[0])
    return value, None


def _int(text: str) -> int | BadNumber:
    number = bounded_number(text)
    return int(number) if isinstance(number, Decimal) else number
