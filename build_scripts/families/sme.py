"""Build pieces of the SME digital-level family: schema, checks, and what its templates need."""

from __future__ import annotations

from collections.abc import Sequence
from fractions import Fraction
from typing import Any

from zhiping.display import display_score
from zhiping.model.sme import SmeRubric
from zhiping.scoring.sme import item_score
from zhiping.validate import Issue
from zhiping.validate.sme import check_sme, check_sme_data

from ..paths import RUBRICS

FAMILY = "sme_digital_level"
SCHEMA = RUBRICS / "schema" / f"{FAMILY}.schema.json"


def check(model: SmeRubric, data: dict[str, Any], file: str) -> list[Issue]:
    return check_sme(model, file) + check_sme_data(data, model, file)


def option_points(m: SmeRubric, number: int) -> list[str]:
    """The points (of the 100-point total) each option of a question earns, as displayed."""
    q = m.question(number)
    assert q is not None
    w = m.weight_of(number)
    if q.is_multi:
        return [
            display_score(Fraction(0) if o.none else m.item_max / (len(q.options) - 1) * w)
            for o in q.options
        ]
    return [display_score(item_score(m, q, (i,)) * w) for i in range(1, len(q.options) + 1)]


def page_context(m: SmeRubric, peers: Sequence[SmeRubric] = ()) -> dict[str, Any]:
    return {"points": {q.number: option_points(m, q.number) for q in m.questions}}


def example_answers(m: SmeRubric) -> dict[str, Any]:
    """A complete, valid answers document for ``m`` (shown on the format page and tested)."""
    data: dict[str, dict[str, Any]] = {}
    for q in m.questions:
        if q.fields:
            f = q.fields[0]
            value: Any = {m.energy[0].id: "120.5"} if f.helper == "energy" else "100"
            data[str(q.number)] = {f.id: value}
    return {
        "rubric": m.id,
        "questions": {
            str(q.number): [2, 3] if q.is_multi else len(q.options) - 1 for q in m.questions
        },
        "scenarios": {s.id: i % (len(m.scenario_levels) + 1) for i, s in enumerate(m.scenarios)},
        "data": data,
    }
