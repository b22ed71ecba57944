"""Pieces every rubric family's model shares: bilingual text, ranges, decisions, exact numbers,
and the error that names a bad path.

Each class has ``from_dict`` (naming the bad path when the data is malformed) and ``to_dict``
(its mirror). Numbers written as strings in the YAML stay exact.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from fractions import Fraction
from typing import Any, TypeVar

LANGS = ("zh", "en")
T = TypeVar("T")


class ModelError(ValueError):
    """The rubric data does not have the expected shape; ``path`` says where."""

    def __init__(self, path: str, message: str) -> None:
        super().__init__(f"{path}: {message}")
        self.path = path
        self.message = message


def _get(d: Any, key: str, path: str) -> Any:
    if not isinstance(d, dict):
        raise ModelError(path, "expected a mapping")
    if key not in d:
        raise ModelError(f"{path}.{key}", "missing")
    return d[key]


def _list(d: Any, key: str, path: str) -> list[Any]:
    value = _get(d, key, path)
    if not isinstance(value, list):
        raise ModelError(f"{path}.{key}", "expected a list")
    return value


def _many(d: Any, key: str, path: str, make: Callable[[Any, str], T]) -> tuple[T, ...]:
    """The list at ``key``, each entry made by ``make(entry, its path)``."""
    return tuple(make(x, f"{_at(path, key)}[{i}]") for i, x in enumerate(_list(d, key, path)))


def _int(d: Any, key: str, path: str) -> int:
    value = _get(d, key, path)
    if not isinstance(value, int) or isinstance(value, bool):
        raise ModelError(f"{path}.{key}", "expected an integer")
    return value


def _str(d: Any, key: str, path: str) -> str:
    value = _get(d, key, path)
    if not isinstance(value, str) or not value:
        raise ModelError(f"{path}.{key}", "expected a non-empty string")
    return value


# Readers of one key that name the key's path in their error (every family's model uses them).


def _at(path: str, key: str) -> str:
    return f"{path}.{key}" if path else key


def _text(d: Any, key: str, path: str) -> Text:
    return Text.from_dict(_get(d, key, path), _at(path, key))


def _text_or_none(d: Any, key: str, path: str) -> Text | None:
    value = _get(d, key, path)
    return None if value is None else Text.from_dict(value, _at(path, key))


def _bool(d: Any, key: str, path: str) -> bool:
    value = _get(d, key, path)
    if not isinstance(value, bool):
        raise ModelError(_at(path, key), "expected true or false")
    return value


def _int_or_none(d: Any, key: str, path: str) -> int | None:
    value = _get(d, key, path)
    if value is not None and (not isinstance(value, int) or isinstance(value, bool)):
        raise ModelError(_at(path, key), "expected an integer or null")
    return value


def _str_or_none(d: Any, key: str, path: str) -> str | None:
    value = _get(d, key, path)
    if value is not None and (not isinstance(value, str) or not value):
        raise ModelError(_at(path, key), "expected a non-empty string or null")
    return value


def _one_of(d: Any, key: str, path: str, allowed: tuple[str, ...]) -> str:
    value = _get(d, key, path)
    if value not in allowed:
        raise ModelError(_at(path, key), f"expected one of {', '.join(allowed)}")
    return str(value)


def _strs(d: Any, key: str, path: str) -> tuple[str, ...]:
    values = _list(d, key, path)
    for i, v in enumerate(values):
        if not isinstance(v, str) or not v:
            raise ModelError(f"{_at(path, key)}[{i}]", "expected a non-empty string")
    return tuple(values)


def _ints(d: Any, key: str, path: str) -> tuple[int, ...]:
    values = _list(d, key, path)
    for i, v in enumerate(values):
        if not isinstance(v, int) or isinstance(v, bool):
            raise ModelError(f"{_at(path, key)}[{i}]", "expected an integer")
    return tuple(values)


def exact(value: Any, path: str) -> Fraction:
    """An exact number from an int or a decimal string (floats are refused: they are not exact)."""
    if isinstance(value, bool) or not isinstance(value, int | str):
        raise ModelError(path, "expected an integer or a decimal string")
    try:
        return Fraction(Decimal(str(value)))
    except (InvalidOperation, ValueError) as exc:
        raise ModelError(path, f"not a number: {value!r}") from exc


def _num_out(value: Fraction) -> int | str:
    if value.denominator == 1:
        return int(value)
    return str(Decimal(value.numerator) / Decimal(value.denominator))


@dataclass(frozen=True)
class Text:
    """One human text in both languages."""

    zh: str
    en: str

    def get(self, lang: str) -> str:
        return self.en if lang == "en" else self.zh

    @classmethod
    def from_dict(cls, d: Any, path: str) -> Text:
        zh, en = _get(d, "zh", path), _get(d, "en", path)
        if not isinstance(zh, str) or not isinstance(en, str):
            raise ModelError(path, "zh and en must be strings")
        return cls(zh=zh, en=en)

    def to_dict(self) -> dict[str, str]:
        return {"zh": self.zh, "en": self.en}


def _text_opt(d: dict[str, Any], key: str, path: str) -> Text | None:
    return Text.from_dict(d[key], f"{path}.{key}") if key in d else None


@dataclass(frozen=True)
class Range:
    """A band of a percentage, e.g. (10, 20] for the option "(10%, 20%]"."""

    min: Fraction
    max: Fraction
    min_inclusive: bool
    max_inclusive: bool

    def contains(self, x: Fraction) -> bool:
        above = x >= self.min if self.min_inclusive else x > self.min
        below = x <= self.max if self.max_inclusive else x < self.max
        return above and below

    @classmethod
    def from_dict(cls, d: Any, path: str) -> Range:
        return cls(
            min=exact(_get(d, "min", path), f"{path}.min"),
            max=exact(_get(d, "max", path), f"{path}.max"),
            min_inclusive=bool(_get(d, "min_inclusive", path)),
            max_inclusive=bool(_get(d, "max_inclusive", path)),
        )

    def to_dict(self) -> dict[str, Any]:
        return {
            "min": _num_out(self.min),
            "max": _num_out(self.max),
            "min_inclusive": self.min_inclusive,
            "max_inclusive": self.max_inclusive,
        }


@dataclass(frozen=True)
class Decision:
    id: str
    title: Text
    text: Text
    reason: Text
    applies_to: tuple[str, ...]

    @classmethod
    def from_dict(cls, d: Any, path: str) -> Decision:
        return cls(
            id=str(_get(d, "id", path)),
            title=Text.from_dict(_get(d, "title", path), f"{path}.title"),
            text=Text.from_dict(_get(d, "text", path), f"{path}.text"),
            reason=Text.from_dict(_get(d, "reason", path), f"{path}.reason"),
            applies_to=tuple(str(x) for x in d.get("applies_to", [])),
        )

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "title": self.title.to_dict(),
            "text": self.text.to_dict(),
            "reason": self.reason.to_dict(),
            "applies_to": list(self.applies_to),
        }
