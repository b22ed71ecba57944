"""Answers builders for tests: the expectations in tests are typed in from the official text."""

from __future__ import annotations

import json
from typing import Any

from tests.official import CONSTRAINED, MULTI, SCENARIOS, SINGLE, max_questions, min_questions
from zhiping import catalog
from zhiping.model.sme import SmeRubric

RUBRIC_ID = "sme-digital-level-2024"
__all__ = ["CONSTRAINED", "MULTI", "SCENARIOS", "SINGLE"]


def rubric() -> SmeRubric:
    return catalog.rubric(RUBRIC_ID)


def minimum() -> dict[str, Any]:
    return dict(min_questions())


def maximum() -> dict[str, Any]:
    return dict(max_questions())


def scenarios(**levels: int) -> dict[str, int]:
    return {s: levels.get(s, 0) for s in SCENARIOS}


def doc(
    questions: dict[str, Any] | None = None, scen: dict[str, int] | None = None, **extra: Any
) -> dict[str, Any]:
    return {
        "rubric": RUBRIC_ID,
        "questions": minimum() if questions is None else questions,
        "scenarios": scenarios() if scen is None else scen,
        **extra,
    }


def text(d: dict[str, Any]) -> str:
    return json.dumps(d, ensure_ascii=False)
