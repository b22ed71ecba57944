"""The national smart-factory checklist model and its checks, on the transcribed rubric
(rubrics/smart-factory-national-2025.yaml)."""

from __future__ import annotations

import copy
from fractions import Fraction
from pathlib import Path
from typing import Any

import pytest
import yaml

from zhiping.model.common import ModelError
from zhiping.model.smart_factory_national import NationalDecision, SmartFactoryNationalRubric
from zhiping.validate.smart_factory_national import check_smart_factory_national

PENDING = Path(__file__).resolve().parents[2] / "rubrics"
FILE = PENDING / "smart-factory-national-2025.yaml"


def raw() -> dict[str, Any]:
    data: dict[str, Any] = yaml.safe_load(FILE.read_text("utf-8"))
    return data


def issues(data: dict[str, Any]) -> list[tuple[str, str]]:
    model = SmartFactoryNationalRubric.from_dict(data)
    return [(i.path, i.code) for i in check_smart_factory_national(model, data, "f.yaml")]


def test_the_transcription_reads_and_passes_every_check() -> None:
    m = SmartFactoryNationalRubric.from_dict(raw())
    assert m.id == "smart-factory-national-2025" and m.family == "smart_factory_national"
    assert [t.rank for t in m.tiers] == [1, 2, 3, 4]
    assert len(m.scenarios) == 40 and len(m.kpis) == 21 and len(m.guide_segments) == 8
    assert issues(raw()) == []


def test_percentages_are_exact_fractions() -> None:
    m = SmartFactoryNationalRubric.from_dict(raw())
    assert [t.min_ai_share for t in m.tiers] == [None, None, Fraction(1, 5), Fraction(3, 5)]
    data = raw()
    data["tiers"][2]["min_ai_share_percent"] = "20.5"
    assert SmartFactoryNationalRubric.from_dict(data).tiers[2].min_ai_share == Fraction(41, 200)


def test_scenarios_cover_the_big_segment_of_their_guide_segment() -> None:
    m = SmartFactoryNationalRubric.from_dict(raw())
    # notes [1]-[5]: 工厂建设 1–3; 研发设计 = 产品研发 4–5 + 工艺设计 6–7; 生产管理 8–19;
    # 生产作业 20–29; 运营管理 = 运营管理 30–33 + 产品服务 34–36 + 供应链管理 37–40
    want = {
        "factory_construction": list(range(1, 4)),
        "rd_design": list(range(4, 8)),
        "production_management": list(range(8, 20)),
        "production_operations": list(range(20, 30)),
        "operations_management": list(range(30, 41)),
    }
    assert {seg: [s.number for s in m.scenarios_in(seg)] for seg in want} == want
    assert all(m.segment_of(s) is not None for s in m.scenarios)


def test_positions_tiers_and_declarations_are_looked_up_by_id() -> None:
    m = SmartFactoryNationalRubric.from_dict(raw())
    assert [m.position_rank(p.id) for p in m.kpi_positions] == [1, 2, 3, 4]
    assert m.position_rank("moon") is None and m.tier_rank("excellence") == 3
    base = ("eligibility", "compliance", "secure_controllable", "organization")
    assert [m.declared_ids(t) for t in m.tiers] == [
        base,
        base,
        (*base, "registered_legal_person"),
        (*base, "registered_legal_person", "industry_leader"),
    ]
    assert m.declaration_ids == (*base, "registered_legal_person", "industry_leader")


def test_decisions_name_the_tier_readings_they_reuse_and_round_trip() -> None:
    data = raw()
    m = SmartFactoryNationalRubric.from_dict(data)
    n4 = next(d for d in m.decisions if d.id == "N4")
    assert n4.reuses == ("B8",)
    for d, source in zip(m.decisions, data["decisions"], strict=True):
        assert d.to_dict() == source
        assert NationalDecision.from_dict(d.to_dict(), "x") == d


@pytest.mark.parametrize(
    ("change", "path"),
    [
        (lambda d: d["tiers"][2].pop("min_maturity"), "tiers[2].min_maturity"),
        (
            lambda d: d["tiers"][2].update(min_ai_share_percent=20.0),
            "tiers[2].min_ai_share_percent",
        ),
        (lambda d: d["tiers"][1]["prerequisite"].update(certified="no"), "tiers[1].prerequisite"),
        (lambda d: d["scenarios"][3].update(number="4"), "scenarios[3].number"),
        (lambda d: d["base_requirements"][0].update(check="maybe"), "base_requirements[0].check"),
        (lambda d: d["segments"][0].pop("note"), "segments[0].note"),
        (
            lambda d: d["tiers"][3]["application"]["conditions"][1].update(declaration=""),
            "tiers[3].application.conditions[1].declaration",
        ),
        (lambda d: d["decisions"][0].update(reuses="B1"), "decisions[0].reuses"),
    ],
)
def test_a_malformed_copy_names_the_bad_path(change: Any, path: str) -> None:
    data = copy.deepcopy(raw())
    change(data)
    with pytest.raises(ModelError) as err:
        SmartFactoryNationalRubric.from_dict(data)
    assert err.value.path.startswith(path)


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (
            lambda d: d["scenarios"][1].update(id=d["scenarios"][0]["id"]),
            ("scenarios[1].id", "duplicate_id"),
        ),
        (
            lambda d: d["declarations"][0].update(id="eligibility"),
            ("declarations[0].id", "duplicate_id"),
        ),
        (
            lambda d: d["scenarios"][0].update(guide_segment="nowhere"),
            ("scenarios[0].guide_segment", "unknown_ref"),
        ),
        (
            lambda d: d["guide_segments"][0].update(segment="moon"),
            ("guide_segments[0].segment", "unknown_ref"),
        ),
        (
            lambda d: d["guide_segments"][0].update(mapping_note_number=2),
            ("guide_segments[0].mapping_note_number", "unknown_ref"),
        ),
        (
            lambda d: d["guide_segments"][0].update(segment="rd_design", mapping_note_number=2),
            ("segments[0]", "unmapped"),
        ),
        (
            lambda d: [s.update(guide_segment="product_rd") for s in d["scenarios"][5:7]],
            ("guide_segments[2]", "empty"),
        ),
        (
            lambda d: d["scenarios"][0].update(guide_segment="supply_chain"),
            ("scenarios", "order"),
        ),
        (lambda d: d["scenarios"][39].update(number=41), ("scenarios", "numbering")),
        (lambda d: d["kpis"].pop(5), ("kpis", "numbering")),
        (lambda d: d["kpis"][0].update(group="misc"), ("kpis[0].group", "unknown_ref")),
        (lambda d: d.update(ai_share_kpi=22), ("ai_share_kpi", "unknown_ref")),
        (lambda d: d["tiers"].reverse(), ("tiers", "numbering")),
        (
            lambda d: d["tiers"][0].update(required_segments=["moon"]),
            ("tiers[0].required_segments[0]", "unknown_ref"),
        ),
        (
            lambda d: d["tiers"][0].update(kpi_position="top"),
            ("tiers[0].kpi_position", "unknown_ref"),
        ),
        (
            lambda d: d["tiers"][2]["prerequisite"].update(tier="leading"),
            ("tiers[2].prerequisite.tier", "order"),
        ),
        (
            lambda d: d["tiers"][2]["application"]["conditions"][0].update(declaration="vip"),
            ("tiers[2].application.conditions[0].declaration", "unknown_ref"),
        ),
        (lambda d: d["tiers"][3].update(min_maturity=2), ("tiers[3].min_maturity", "monotone")),
        (
            lambda d: d["tiers"][3].update(min_ai_share_percent=10),
            ("tiers[3].min_ai_share_percent", "monotone"),
        ),
        (
            lambda d: d["tiers"][3].update(min_ai_share_percent=None),
            ("tiers[3].min_ai_share_percent", "monotone"),
        ),
        (
            lambda d: d["tiers"][3].update(min_ai_share_percent=120),
            ("tiers[3].min_ai_share_percent", "unreachable"),
        ),
        (
            lambda d: d["tiers"][2].update(kpi_position="above_provincial_average"),
            ("tiers[2].kpi_position", "monotone"),
        ),
        (
            lambda d: d["tiers"][2].update(required_segments=["rd_design"]),
            ("tiers[2].required_segments", "monotone"),
        ),
        (
            lambda d: d["tiers"][3]["application"]["conditions"].pop(0),
            ("tiers[3].application", "monotone"),
        ),
        (
            lambda d: d["tiers"][3]["prerequisite"].update(tier="basic"),
            ("tiers[3].prerequisite", "monotone"),
        ),
        (
            lambda d: (
                d["tiers"][0]["coverage_note"]
                or d["tiers"][0].update(coverage_note={"zh": "见决策N99", "en": "see decision N99"})
            ),
            ("tiers[0].coverage_note.zh", "unknown_ref"),
        ),
    ],
)
def test_a_broken_copy_is_caught(change: Any, expected: tuple[str, str]) -> None:
    data = copy.deepcopy(raw())
    change(data)
    assert expected in issues(data)
