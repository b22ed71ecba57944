"""Calculator pieces of the smart-factory tier family: what its form needs beyond the model, and a
complete answers document (shown on the answers-format page and tested)."""

from __future__ import annotations

from typing import Any

from zhiping.answers.smart_factory_tier import MATURITY_LEVELS
from zhiping.model.smart_factory_tier import SmartFactoryTierRubric


def calculator_context(m: SmartFactoryTierRubric) -> dict[str, Any]:
    return {"maturity_levels": MATURITY_LEVELS}


def example_answers(m: SmartFactoryTierRubric) -> dict[str, Any]:
    """Every scenario at its highest described tier below the top, maturity 3, a score if gated."""
    top = len(m.tiers)
    scenarios = {
        str(s.number): max((k for k in range(1, top) if s.available(k)), default=0)
        for s in m.scenarios[:12]
    }
    out: dict[str, Any] = {"rubric": m.id, "scenarios": scenarios, "maturity": 3}
    if m.score_gated:
        out["score"] = "72.5"
    out["meta"] = {"company": "示例企业", "date": "2026-11-23"}
    return out
