"""The smart-factory tier model and its checks, on the transcribed Jiangsu and Inner Mongolia
rubrics (published as pages; scored in a later step)."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import pytest
import yaml

from zhiping.model.smart_factory_tier import SmartFactoryTierRubric
from zhiping.validate.smart_factory_tier import check_smart_factory_tier

RUBRICS = Path(__file__).resolve().parents[2] / "rubrics"
FILES = {p: f"smart-factory-tier-{p}-2025" for p in ("jiangsu", "inner-mongolia")}


def raw(province: str) -> dict[str, Any]:
    data: dict[str, Any] = yaml.safe_load((RUBRICS / f"{FILES[province]}.yaml").read_text("utf-8"))
    return data


def issues(data: dict[str, Any]) -> list[tuple[str, str]]:
    model = SmartFactoryTierRubric.from_dict(data)
    return [(i.path, i.code) for i in check_smart_factory_tier(model, data, "f.yaml")]


@pytest.mark.parametrize("province", FILES)
def test_the_transcriptions_read_and_pass_every_check(province: str) -> None:
    m = SmartFactoryTierRubric.from_dict(raw(province))
    assert [t.rank for t in m.tiers] == [1, 2, 3, 4]
    assert len(m.scenarios) == 40 and all(len(s.cells) == 4 for s in m.scenarios)
    assert issues(raw(province)) == []


def test_table_segments_map_onto_the_five_segments() -> None:
    m = SmartFactoryTierRubric.from_dict(raw("jiangsu"))
    first = m.scenarios[0]  # 工厂数字化设计与交付: 工厂建设
    assert m.segment_of(first) == "factory_construction"
    assert not first.available(1) and first.available(2)  # "/" at 基础级
    innovation = [s for s in m.scenarios if m.segment_of(s) is None]
    assert innovation, "多环节模式创新 scenarios cover no segment"


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (
            lambda d: d["scenarios"][1].update(id=d["scenarios"][0]["id"]),
            ("scenarios[1].id", "duplicate_id"),
        ),
        (
            lambda d: d["scenarios"][0].update(table_segment="nowhere"),
            ("scenarios[0].table_segment", "unknown_ref"),
        ),
        (lambda d: d["scenarios"][0]["cells"].pop(), ("scenarios[0].cells", "cells")),
        (lambda d: d["tiers"][1].update(min_scenarios=1), ("tiers[1].min_scenarios", "monotone")),
        (
            lambda d: d["tiers"][1].update(required_segments=[]),
            ("tiers[1].required_segments", "monotone"),
        ),
        (
            lambda d: d["tiers"][3].update(min_scenarios=41),
            ("tiers[3].min_scenarios", "unreachable"),
        ),
        (
            lambda d: d["table_segments"][0].update(segment="moon"),
            ("table_segments[0].segment", "unknown_ref"),
        ),
    ],
)
def test_a_broken_copy_is_caught(change: Any, expected: tuple[str, str]) -> None:
    data = copy.deepcopy(raw("jiangsu"))
    change(data)
    assert expected in issues(data)
