"""Reads answers to a province's smart-factory tier rubric (already parsed by
:func:`zhiping.jsonread.read_json`) into :class:`TierAnswers`, collecting every problem; and writes
what was read back in the same shape (the page fills its form from that, never from the file).

Shape::

    {"rubric": "smart-factory-tier-jiangsu-2025",
     "scenarios": {"1": 2, "12": 1, ...},  # official table number -> highest tier met (0: none)
     "maturity": 3,                         # GB/T 39116 level of the self-evaluation, 1..5
     "score": "72.5",                       # the 通用评估 self-score (where a tier gates on it)
     "meta": {"company": "...", "date": "..."}}

A scenario not listed has reached no tier (the table has 40 rows; most factories build a few). A
tier whose cell is "/" cannot be chosen (decision B2). The maturity is required; the score is
optional (without it, the score condition does not hold).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from fractions import Fraction
from typing import Any

from ..display import exact_str
from ..errors import Problem, problem
from ..jsonread import BadNumber
from ..model.smart_factory_tier import SmartFactoryTierRubric
from ..scoring.smart_factory_tier import TierAnswers
from .common import is_int, question_number, read_meta, shown, to_number

TOP_LEVEL_KEYS = ("$schema", "rubric", "scenarios", "maturity", "score", "meta")
MATURITY_LEVELS = 5  # GB/T 39116-2020 has five levels (一级 to 五级)
SCORE_MAX = 100  # the 通用评估 score is out of 100
MATURITY = "input:maturity"
SCORE = "input:score"


@dataclass(frozen=True)
class ReadTier:
    answers: TierAnswers
    meta: dict[str, str] = field(default_factory=dict)


def _scenarios(r: SmartFactoryTierRubric, raw: Any, out: list[Problem]) -> dict[str, int]:
    achieved: dict[str, int] = {}
    if not isinstance(raw, dict):
        out.append(problem("not_an_object", "scenarios"))
        return achieved
    by_number = {s.number: s for s in r.scenarios}
    top = len(r.tiers)
    for key, value in raw.items():
        number = question_number(key)
        s = by_number.get(number) if number is not None else None
        if s is None:
            out.append(problem("unknown_scenario_number", f"scenario:{key}", key=key))
            continue
        item = f"scenario:{s.number}"
        if not is_int(value) or not 0 <= value <= top:
            out.append(problem("tier_out_of_range", item, value=shown(value), top=top))
        elif value and not s.available(value):
            out.append(problem("tier_not_available", item, tier=value))
        else:
            achieved[s.id] = value
    return achieved


def _maturity(raw: dict[str, Any], out: list[Problem]) -> int | None:
    value = raw.get("maturity")
    if value is None:
        out.append(problem("missing_answer", MATURITY))
        return None
    if not is_int(value) or not 1 <= value <= MATURITY_LEVELS:
        out.append(problem("maturity_out_of_range", MATURITY, value=shown(value)))
        return None
    return int(value)


def _score(raw: dict[str, Any], out: list[Problem]) -> Fraction | None:
    value = raw.get("score")
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    number = None if isinstance(value, BadNumber) else to_number(value)
    if number is None or number > SCORE_MAX:
        out.append(problem("score_out_of_range", SCORE, value=shown(value), max=SCORE_MAX))
        return None
    return number


def read_answers(r: SmartFactoryTierRubric, raw: dict[str, Any]) -> tuple[ReadTier, list[Problem]]:
    """What can be read of ``raw`` and every problem that stops it being scored."""
    out: list[Problem] = []
    for key in raw:
        if key not in TOP_LEVEL_KEYS:
            out.append(problem("unknown_key", key, key=key))
    achieved = _scenarios(r, raw.get("scenarios", {}), out)
    maturity = _maturity(raw, out)
    score = _score(raw, out)
    meta = read_meta(raw.get("meta", {}), out)
    return ReadTier(TierAnswers(achieved, maturity, score), meta), out


def answers_dict(r: SmartFactoryTierRubric, read: ReadTier) -> dict[str, Any]:
    """What was read, in the documented format, every value canonical (what a form shows)."""
    a = read.answers
    out: dict[str, Any] = {
        "rubric": r.id,
        "scenarios": {str(s.number): a.achieved[s.id] for s in r.scenarios if s.id in a.achieved},
    }
    if a.maturity is not None:
        out["maturity"] = a.maturity
    if a.score is not None:
        out["score"] = exact_str(a.score)
    out["meta"] = dict(read.meta)
    return out
