"""Reads answers to a general assessment indicator system (通用评估 / 能力评估) into
:class:`ReadDx`, collecting every problem; and writes what was read back in the same shape.

Shape::

    {"rubric": "jiangsu-dx-2025",
     "indicators": {"1": {"level": 3, "score": "30"},      # official number -> level 1..6 and a
                    "5": {"not_applicable": true}, ...},   #   self-score in that level's band;
                                                           #   or 不涉及此环节 where offered
     "amounts": {"total_since_2014": "1200", "invested_2024": "300"},  # indicator 7, not scored
     "meta": {"company": "...", "date": "..."}}

Every scored indicator must be answered. A level with one fixed score (level 1: 0) needs no score.
A self-score outside the chosen level's band is an error: the band is the level's meaning.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from fractions import Fraction
from typing import Any

from ..display import exact_str
from ..errors import Problem, problem
from ..jsonread import BadNumber
from ..model.dx_index import DxIndexRubric, DxIndicator
from ..scoring.dx_index import DxAnswer, band_of, in_band
from .common import blank, is_int, question_number, read_meta, shown, to_number

TOP_LEVEL_KEYS = ("$schema", "rubric", "indicators", "amounts", "meta")
ANSWER_KEYS = ("level", "score", "not_applicable")


@dataclass(frozen=True)
class ReadDx:
    answers: dict[int, DxAnswer]  # complete, checked answers only
    chosen: dict[int, int]  # levels read, also where the score is missing or outside the band
    amounts: dict[str, Fraction] = field(default_factory=dict)
    meta: dict[str, str] = field(default_factory=dict)
    amount_problems: tuple[Problem, ...] = ()  # amounts warn; they are never scored


def _indicator(
    r: DxIndexRubric, ind: DxIndicator, value: Any, out: list[Problem]
) -> tuple[int | None, DxAnswer | None]:
    """(the level read, the complete answer) of one indicator; problems go to ``out``."""
    item = f"indicator:{ind.number}"
    if not isinstance(value, dict):
        out.append(problem("not_an_object", item))
        return None, None
    unknown = [k for k in value if k not in ANSWER_KEYS]
    if unknown:
        out.append(problem("unknown_key", item, key=unknown[0]))
        return None, None
    na = value.get("not_applicable", False)
    if na is not False:
        if na is not True or "level" in value or "score" in value:
            out.append(problem("not_applicable_alone", item))
            return None, None
        if ind.not_applicable is None:
            out.append(problem("not_applicable_not_offered", item))
            return None, None
        return None, DxAnswer(None, None)
    level = value.get("level")
    if level is None:
        out.append(problem("missing_answer", item))
        return None, None
    if not is_int(level) or not 1 <= level <= len(ind.levels):
        out.append(problem("dx_level_out_of_range", item, value=shown(level), top=len(ind.levels)))
        return None, None
    band = band_of(r, level)
    raw_score = value.get("score")
    if blank(raw_score):
        if band.score is not None:
            return level, DxAnswer(level, band.score)
        if not r.official_score:  # a profile needs no self-score (Inner Mongolia)
            return level, DxAnswer(level, None)
        out.append(problem("missing_score", item))
        return level, None
    score = None if isinstance(raw_score, BadNumber) else to_number(raw_score)
    if score is None:
        out.append(problem("bad_number", item, value=shown(raw_score)))
        return level, None
    if not in_band(r, level, score):
        out.append(problem("score_outside_band", item, value=exact_str(score), level=level))
        return level, None
    return level, DxAnswer(level, score)


def _amounts(r: DxIndexRubric, raw: Any, out: list[Problem]) -> dict[str, Fraction]:
    known = {a.id: ind for ind in r.indicators for a in ind.amounts}
    amounts: dict[str, Fraction] = {}
    if not isinstance(raw, dict):
        out.append(problem("not_an_object", "amounts"))
        return amounts
    for key, value in raw.items():
        item = f"amount:{key}"
        if key not in known:
            out.append(problem("unknown_amount", item, key=key))
        elif not blank(value):
            number = None if isinstance(value, BadNumber) else to_number(value)
            if number is None:
                out.append(problem("bad_number", item, value=shown(value)))
            else:
                amounts[key] = number
    return amounts


def read_answers(r: DxIndexRubric, raw: dict[str, Any]) -> tuple[ReadDx, list[Problem]]:
    """What can be read of ``raw`` and every problem that stops it being scored (problems with
    the unscored amounts travel in ``amount_problems``)."""
    out: list[Problem] = []
    for key in raw:
        if key not in TOP_LEVEL_KEYS:
            out.append(problem("unknown_key", key, key=key))
    answers: dict[int, DxAnswer] = {}
    chosen: dict[int, int] = {}
    given = raw.get("indicators", {})
    if not isinstance(given, dict):
        out.append(problem("not_an_object", "indicators"))
        given = {}
    by_number = {i.number: i for i in r.indicators if i.scored}
    for key, value in given.items():
        number = question_number(key)
        ind = by_number.get(number) if number is not None else None
        if ind is None:
            out.append(problem("unknown_indicator", f"indicator:{key}", key=key))
            continue
        level, answer = _indicator(r, ind, value, out)
        if level is not None:
            chosen[ind.number] = level
        if answer is not None:
            answers[ind.number] = answer
    for ind in by_number.values():
        if str(ind.number) not in given:
            out.append(problem("missing_answer", f"indicator:{ind.number}"))
    amount_out: list[Problem] = []
    amounts = _amounts(r, raw.get("amounts", {}), amount_out)
    meta = read_meta(raw.get("meta", {}), out)
    return ReadDx(answers, chosen, amounts, meta, tuple(amount_out)), out


def answers_dict(r: DxIndexRubric, read: ReadDx) -> dict[str, Any]:
    """What was read, in the documented format, every value canonical (what a form shows)."""
    indicators: dict[str, Any] = {}
    for ind in r.indicators:
        a = read.answers.get(ind.number)
        if a is not None and a.level is None:
            indicators[str(ind.number)] = {"not_applicable": True}
        elif a is not None and a.score is not None and band_of(r, a.level or 1).score is None:
            indicators[str(ind.number)] = {"level": a.level, "score": exact_str(a.score)}
        elif ind.number in read.chosen:
            indicators[str(ind.number)] = {"level": read.chosen[ind.number]}
    amounts = {
        a.id: exact_str(read.amounts[a.id])
        for ind in r.indicators
        for a in ind.amounts
        if a.id in read.amounts
    }
    return {
        "rubric": r.id,
        "indicators": indicators,
        "amounts": amounts,
        "meta": dict(read.meta),
    }
