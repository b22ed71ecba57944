"""Optional raw numbers of the SME rubric: energy conversion and the option they suggest.

The chosen option is what scores (decision A8); a suggestion that disagrees becomes a warning.
Impossible numbers (a zero total, a part above its total) are input errors (decision A9).
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction

from ..answers.sme import SmeAnswers
from ..errors import Problem, problem
from ..model.sme import FieldRef, Question, Ratio, SmeRubric
from .sme_energy import to_tce


@dataclass(frozen=True)
class Suggestion:
    """The option the raw numbers point to for one question."""

    question: int
    option: int  # counted from 1
    value: Fraction  # the rate in % (rate) or the current/previous ratio (trend)
    kind: str
    chosen: tuple[int, ...]

    @property
    def mismatch(self) -> bool:
        return self.chosen != (self.option,)


@dataclass(frozen=True)
class EnergyTotal:
    question: int
    field: str
    total: Fraction
    parts: tuple[tuple[str, Fraction], ...]


def field_values(
    rubric: SmeRubric, answers: SmeAnswers
) -> tuple[dict[tuple[int, str], Fraction], tuple[EnergyTotal, ...]]:
    """Every raw value, with energy quantities converted (a number typed directly wins)."""
    values = dict(answers.data)
    totals = []
    for (number, fid), energy in answers.energy.items():
        total, parts = to_tce(rubric, energy)
        totals.append(EnergyTotal(number, fid, total, parts))
        values.setdefault((number, fid), total)
    return values, tuple(totals)


def _ratio(
    ratio: Ratio, values: dict[tuple[int, str], Fraction], problems: list[Problem]
) -> Fraction | None:
    num = values.get((ratio.numerator.question, ratio.numerator.field))
    den = values.get((ratio.denominator.question, ratio.denominator.field))
    if num is None or den is None:
        return None
    if den == 0:
        problems.append(problem("zero_total", _item(ratio.denominator)))
        return None
    return num / den


def _item(ref: FieldRef) -> str:
    return f"field:{ref.question}.{ref.field}"


def _suggest(
    q: Question,
    values: dict[tuple[int, str], Fraction],
    chosen: tuple[int, ...],
    out: list[Problem],
) -> Suggestion | None:
    d = q.derive
    if d is None:
        return None
    if d.rate is not None:
        ratio = _ratio(d.rate, values, out)
        if ratio is None:
            return None
        if ratio > 1:
            out.append(problem("part_exceeds_total", _item(d.rate.numerator)))
            return None
        rate = ratio * 100
        for i, o in enumerate(q.options, start=1):
            if o.range is not None and o.range.contains(rate):
                return Suggestion(q.number, i, rate, "rate", chosen)
        return None
    assert d.current is not None and d.previous is not None
    now, before = _ratio(d.current, values, out), _ratio(d.previous, values, out)
    if now is None or before is None:
        return None
    direction = "increase" if now > before else "decrease" if now < before else "flat"
    for i, o in enumerate(q.options, start=1):
        if o.direction == direction:
            value = now / before if before else Fraction(0)
            return Suggestion(q.number, i, value, direction, chosen)
    return None


def suggestions(
    rubric: SmeRubric, answers: SmeAnswers, values: dict[tuple[int, str], Fraction]
) -> tuple[tuple[Suggestion, ...], list[Problem]]:
    out: list[Problem] = []
    found = []
    for q in rubric.questions:
        s = _suggest(q, values, answers.choices.get(q.number, ()), out)
        if s is not None:
            found.append(s)
    unique = list(dict.fromkeys(out))
    return tuple(found), unique
