"""Calculator pieces of the national smart-factory checklist: what its form needs beyond the
model, and a complete answers document."""

from __future__ import annotations

from typing import Any

from zhiping.answers.smart_factory_national import AI, BUILT, MATURITY_LEVELS
from zhiping.model.smart_factory_national import SmartFactoryNationalRubric


def calculator_context(m: SmartFactoryNationalRubric) -> dict[str, Any]:
    return {
        "maturity_levels": MATURITY_LEVELS,
        "base_ids": {b.id for b in m.base_requirements},
    }


def example_answers(m: SmartFactoryNationalRubric) -> dict[str, Any]:
    """Every declaration yes, ten scenarios built (every third applying AI), maturity 3."""
    return {
        "rubric": m.id,
        "declarations": dict.fromkeys(m.declaration_ids, True),
        "scenarios": {str(s.number): AI if s.number % 3 == 0 else BUILT for s in m.scenarios[::4]},
        "maturity": 3,
        "position": m.kpi_positions[1].id,
        "held": 1,
        "meta": {"company": "示例企业", "date": "2026-11-23"},
    }
