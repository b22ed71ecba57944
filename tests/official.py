"""Facts typed in from the official text (工信厅企业〔2024〕56号) for tests to state expectations.

They are deliberately not read from rubrics/*.yaml: a wrong number there must fail a test here.
"""

from __future__ import annotations

# Business scenarios in official order (三、（二）); the ten marked * are constrained.
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
# Question number → option count, by type (三、（一）); every multi-choice question starts with 无.
MULTI = {1: 5, 4: 15, 6: 5, 7: 5, 9: 5, 10: 6}
SINGLE = {2: 5, 3: 5, 5: 5, 8: 6, 11: 5, 12: 3, 13: 3, 14: 3, 15: 3}


def min_questions() -> dict[str, object]:
    """无 on every multi-choice question, the first option on every single-choice one: 0 points."""
    return {str(n): ([1] if n in MULTI else 1) for n in range(1, 16)}


def max_questions() -> dict[str, object]:
    """Every option but 无, the last option of every single choice: 100 points."""
    return {
        str(n): (list(range(2, MULTI[n] + 1)) if n in MULTI else SINGLE[n]) for n in range(1, 16)
    }
