"""Reads answers to the national smart-factory checklist (要素条件 2025) into
:class:`NationalAnswers`, collecting every problem; and writes what was read back.

Shape::

    {"rubric": "smart-factory-national-2025",
     "declarations": {"eligibility": true, "compliance": true, "industry_leader": false, ...},
     "scenarios": {"3": "built", "12": "ai"},  # 2025 guide number -> built / built applying AI
     "maturity": 3,                            # GB/T 39116 self-evaluated level, 1..5
     "position": "provincial_leading",         # the KPI position the enterprise declares
     "held": 1,                                # 0 none, 1 基础级 self-assessed, 2-4 recognised
     "meta": {"company": "...", "date": "..."}}

Everything is optional: a checklist shows what is not answered as not met (decision N12). A
scenario not listed (or null) is not built.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ..errors import Problem, problem
from ..model.smart_factory_national import SmartFactoryNationalRubric
from ..scoring.smart_factory_national import NationalAnswers
from .common import is_int, question_number, read_meta, shown

TOP_LEVEL_KEYS = (
    "$schema",
    "rubric",
    "declarations",
    "scenarios",
    "maturity",
    "position",
    "held",
    "meta",
)
BUILT = "built"
AI = "ai"
MATURITY_LEVELS = 5
MATURITY = "input:maturity"
POSITION = "input:position"
HELD = "input:held"


@dataclass(frozen=True)
class ReadNational:
    answers: NationalAnswers
    meta: dict[str, str] = field(default_factory=dict)


def _declarations(r: SmartFactoryNationalRubric, raw: Any, out: list[Problem]) -> dict[str, bool]:
    declared: dict[str, bool] = {}
    if not isinstance(raw, dict):
        out.append(problem("not_an_object", "declarations"))
        return declared
    known = set(r.declaration_ids)
    for key, value in raw.items():
        item = f"declaration:{key}"
        if key not in known:
            out.append(problem("unknown_declaration", item, key=key))
        elif value is not None and not isinstance(value, bool):
            out.append(problem("not_yes_no", item, value=shown(value)))
        elif value is not None:
            declared[key] = value
    return declared


def _scenarios(r: SmartFactoryNationalRubric, raw: Any, out: list[Problem]) -> dict[str, bool]:
    built: dict[str, bool] = {}
    if not isinstance(raw, dict):
        out.append(problem("not_an_object", "scenarios"))
        return built
    by_number = {s.number: s for s in r.scenarios}
    for key, value in raw.items():
        number = question_number(key)
        s = by_number.get(number) if number is not None else None
        if s is None:
            out.append(problem("unknown_scenario_number", f"scenario:{key}", key=key))
        elif value not in (None, BUILT, AI):
            out.append(problem("not_built_or_ai", f"scenario:{s.number}", value=shown(value)))
        elif value is not None:
            built[s.id] = value == AI
    return built


def _choice(raw: dict[str, Any], key: str, item: str, ok: Any, out: list[Problem]) -> Any:
    value = raw.get(key)
    if value is None:
        return None
    if not ok(value):
        out.append(problem("bad_choice", item, value=shown(value)))
        return None
    return value


def read_answers(
    r: SmartFactoryNationalRubric, raw: dict[str, Any]
) -> tuple[ReadNational, list[Problem]]:
    """What can be read of ``raw`` and every problem with it."""
    out: list[Problem] = []
    for key in raw:
        if key not in TOP_LEVEL_KEYS:
            out.append(problem("unknown_key", key, key=key))
    declared = _declarations(r, raw.get("declarations", {}), out)
    built = _scenarios(r, raw.get("scenarios", {}), out)
    maturity = _choice(
        raw, "maturity", MATURITY, lambda v: is_int(v) and 1 <= v <= MATURITY_LEVELS, out
    )
    position = _choice(
        raw,
        "position",
        POSITION,
        lambda v: isinstance(v, str) and r.position_rank(v) is not None,
        out,
    )
    held = _choice(raw, "held", HELD, lambda v: is_int(v) and 0 <= v <= len(r.tiers), out)
    meta = read_meta(raw.get("meta", {}), out)
    answers = NationalAnswers(
        declared=declared, built=built, maturity=maturity, position=position, held=held
    )
    return ReadNational(answers, meta), out


def answers_dict(r: SmartFactoryNationalRubric, read: ReadNational) -> dict[str, Any]:
    """What was read, in the documented format, every value canonical (what a form shows)."""
    a = read.answers
    out: dict[str, Any] = {
        "rubric": r.id,
        "declarations": {k: a.declared[k] for k in r.declaration_ids if k in a.declared},
        "scenarios": {
            str(s.number): AI if a.built[s.id] else BUILT for s in r.scenarios if s.id in a.built
        },
    }
    for key, value in (("maturity", a.maturity), ("position", a.position), ("held", a.held)):
        if value is not None:
            out[key] = value
    out["meta"] = dict(read.meta)
    return out
