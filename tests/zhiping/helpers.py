"""Answers builders for tests: the expectations in tests are typed in from the official text."""

from __future__ import annotations

import json
from typing import Any

from zhiping import catalog
from zhiping.model import SmeRubric

RUBRIC_ID = "sme-digital-level-2024"
# Official names in official order (001 L1349-1373); * marks the 10 constrained ones.
SCENARIOS = [
    "产品设计",
    "工艺设计",
    "营销管理",
    "售后服务",
    "计划排程",
    "生产管控",
    "质量管理",
    "设备管理",
    "安全生产",
    "能耗管理",
    "采购管理",
    "仓储物流",
    "财务管理",
    "人力资源",
    "协同办公",
    "决策支持",
]
CONSTRAINED = {
    "产品设计",
    "营销管理",
    "生产管控",
    "质量管理",
    "设备管理",
    "安全生产",
    "能耗管理",
    "采购管理",
    "仓储物流",
    "财务管理",
}
# Official question types and option counts (三、（一）).
MULTI = {1: 5, 4: 15, 6: 5, 7: 5, 9: 5, 10: 6}
SINGLE = {2: 5, 3: 5, 5: 5, 8: 6, 11: 5, 12: 3, 13: 3, 14: 3, 15: 3}


def rubric() -> SmeRubric:
    return catalog.rubric(RUBRIC_ID)


def minimum() -> dict[str, Any]:
    return {str(n): ([1] if n in MULTI else 1) for n in range(1, 16)}


def maximum() -> dict[str, Any]:
    return {
        str(n): (list(range(2, MULTI[n] + 1)) if n in MULTI else SINGLE[n]) for n in range(1, 16)
    }


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
