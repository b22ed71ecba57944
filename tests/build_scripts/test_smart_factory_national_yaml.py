"""The national smart-factory checklist rubric matches its schema, facts typed in from the
official text (要素条件 2025, 工信厅联通装函〔2025〕251号, 工信厅通装函〔2025〕155号), and the
seed it was transcribed from."""

from __future__ import annotations

import json
import re
from pathlib import Path

import jsonschema
import pytest
import yaml

from tests.build_scripts.rubric_texts import texts

ROOT = Path(__file__).resolve().parents[2]
RUBRIC = ROOT / "rubrics" / "smart-factory-national-2025.yaml"
SCHEMA = ROOT / "rubrics" / "schema" / "smart_factory_national.schema.json"
# The part of the Jiangsu policy compilation (July 2025) the text was transcribed from.
SEED = ROOT / "tests" / "fixtures" / "seed-001-smart-factory-national.txt"

TIERS = ["basic", "advanced", "excellence", "leading"]
TIER_ZH = ["基础级", "先进级", "卓越级", "领航级"]
MIN_MATURITY = [2, 2, 3, 4]  # 基础要求 5
MIN_AI_SHARE = [None, None, 20, 60]  # 卓越级, 领航级 建设成效 1
POSITIONS = [
    "above_provincial_average",
    "provincial_leading",
    "national_leading",
    "global_leading",
]
FIVE = [
    "factory_construction",
    "rd_design",
    "production_operations",
    "production_management",
    "operations_management",
]
FIVE_ZH = ["工厂建设", "研发设计", "生产作业", "生产管理", "运营管理"]
REQUIRED = [
    ["production_operations"],
    ["production_operations", "production_management", "operations_management"],
    FIVE,
    FIVE,
]
WORDING = ["at_least", "at_least", "in_principle", "must"]
PREREQUISITE = [None, ("basic", False), ("advanced", True), ("excellence", True)]
# The guide's 8 segments, its scenario numbers and the big segment of notes [1]-[5].
GUIDE = [
    ("工厂建设", range(1, 4), "factory_construction"),
    ("产品研发", range(4, 6), "rd_design"),
    ("工艺设计", range(6, 8), "rd_design"),
    ("生产管理", range(8, 20), "production_management"),
    ("生产作业", range(20, 30), "production_operations"),
    ("运营管理", range(30, 34), "operations_management"),
    ("产品服务", range(34, 37), "operations_management"),
    ("供应链管理", range(37, 41), "operations_management"),
]
SCENARIOS = [
    "工厂数字化规划设计",
    "数字基础设施建设",
    "数字孪生工厂构建",
    "产品数字化设计",
    "产品虚拟验证",
    "工艺数字化设计",
    "制造工程优化",
    "生产计划优化",
    "车间智能排产",
    "生产进度跟踪",
    "生产动态调度",
    "仓储智能管理",
    "物料精准配送",
    "危险作业自动化",
    "安全一体化管控",
    "能源智能管控",
    "碳资产全生命周期管理",
    "污染在线管控",
    "网络协同制造",
    "柔性产线快速换产",
    "工艺动态优化",
    "先进过程控制",
    "人机协同作业",
    "在线智能检测",
    "质量精准追溯",
    "质量分析与改进",
    "设备运行监控",
    "设备故障诊断与预测",
    "设备维修维护",
    "智能经营决策",
    "数智精益管理",
    "规模化定制",
    "产品精准营销",
    "远程运维服务",
    "产品增值服务",
    "客户主动服务",
    "供应商数字化管理",
    "采购计划优化协同",
    "供应链风险预警与调度",
    "供应链物流智能配送",
]
# 附表: group → KPI numbers, and the units that are not "%".
KPI_GROUPS = [
    ("能力提升类指标", range(1, 6)),
    ("价值效益类指标", range(6, 8)),
    ("生产运营效率类指标", range(8, 17)),
    ("可持续发展类指标", range(17, 21)),
    ("推广应用类指标", range(21, 22)),
]
KPI_NAMES = {
    1: "关键设备数控化率",
    4: "应用人工智能技术场景比例",
    5: "工厂应用人工智能模型数量",
    10: "产品不良率下降",
    17: "单位产值综合能耗降低",
    21: "先进制造模式/解决方案向产业链供应链上下游复制推广的企业数量",
}
UNITS = {5: "个", 21: "家"}
# Texts written by this project (titles, summaries, citations, notes, decisions): not in the seed.
OURS = re.compile(
    r"^\.(short_title|summary|source\.(issuer|copies|documents\[\d\]\.section)|section_sources|"
    r"declarations|decisions)|\.(title|recognition\.source|prerequisite\.source|"
    r"application\.source|coverage_note)$"
)
HAN = re.compile(r"[\u3400-\u9fff]")
WIDTH = str.maketrans("（）：，；", "():,;")


def norm(text: str) -> str:
    """Whitespace removed, full-width brackets and punctuation read as half-width (the seed mixes
    both, decision N13)."""
    return re.sub(r"\s+", "", text).translate(WIDTH)


@pytest.fixture(scope="module")
def data() -> dict:
    loaded: dict = yaml.safe_load(RUBRIC.read_text(encoding="utf-8"))
    return loaded


@pytest.fixture(scope="module")
def seed() -> str:
    return norm(SEED.read_text(encoding="utf-8"))


def test_validates_against_schema(data: dict) -> None:
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    errors = sorted(
        jsonschema.Draft202012Validator(schema).iter_errors(data), key=lambda e: list(e.path)
    )
    assert not errors, [f"{list(e.path)}: {e.message[:200]}" for e in errors]
    assert data["id"] == RUBRIC.stem == "smart-factory-national-2025"
    assert data["family"] == "smart_factory_national"


def test_the_schema_refuses_an_empty_or_blank_text(data: dict) -> None:
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    for blank in ("", "  "):
        broken = json.loads(json.dumps(data))
        broken["scenarios"][0]["name"]["en"] = blank
        assert list(jsonschema.Draft202012Validator(schema).iter_errors(broken))


def test_counts(data: dict) -> None:
    assert len(data["base_requirements"]) == 5
    assert len(data["segments"]) == 5
    assert len(data["guide_segments"]) == 8
    assert len(data["tiers"]) == 4
    assert len(data["kpi_positions"]) == 4
    assert len(data["kpi_groups"]) == 5
    assert len(data["kpis"]) == 21
    assert len(data["scenarios"]) == 40


def test_source(data: dict) -> None:
    src = data["source"]
    assert src["number"] == "工信厅联通装函〔2025〕251号"
    assert src["date"] == "2025-06-19"
    criteria, guide = src["documents"]
    assert criteria["role"] == "criteria" and criteria["annex"] == "附件1"
    assert guide["role"] == "scenario_guide" and guide["annex"] is None
    assert guide["number"] == "工信厅通装函〔2025〕155号"
    assert guide["date"] == "2025-04-19"
    assert guide["issuer"]["zh"] == "工业和信息化部办公厅"
    assert data["title"]["zh"] == "智能工厂梯度培育要素条件（2025年版）"  # decision N1


def test_base_requirements(data: dict) -> None:
    reqs = data["base_requirements"]
    assert [r["number"] for r in reqs] == [1, 2, 3, 4, 5]
    assert [r["check"] for r in reqs] == ["declared"] * 4 + ["maturity"]
    assert "规模以上工业企业" in reqs[0]["text"]["zh"]
    assert "无较大及以上安全、环保等事故" in reqs[1]["text"]["zh"]
    for level in ("二级及以上", "三级及以上", "四级及以上"):
        assert level in reqs[4]["text"]["zh"]


def test_tiers(data: dict) -> None:
    tiers = data["tiers"]
    assert [t["id"] for t in tiers] == TIERS
    assert [t["rank"] for t in tiers] == [1, 2, 3, 4]
    assert [t["name"]["zh"] for t in tiers] == TIER_ZH
    assert [t["min_maturity"] for t in tiers] == MIN_MATURITY
    assert [t["min_ai_share_percent"] for t in tiers] == MIN_AI_SHARE
    assert [t["kpi_position"] for t in tiers] == POSITIONS
    assert [t["required_segments"] for t in tiers] == REQUIRED
    assert [t["coverage_wording"] for t in tiers] == WORDING
    assert [
        None
        if t["prerequisite"] is None
        else (t["prerequisite"]["tier"], t["prerequisite"]["certified"])
        for t in tiers
    ] == PREREQUISITE
    assert [t["coverage_note"] is not None for t in tiers] == [False, False, True, False]
    for t in tiers:
        assert [d["segment"] for d in t["segment_descriptions"]] == FIVE
        assert [d["label"]["zh"] for d in t["segment_descriptions"]] == FIVE_ZH
        assert t["outcomes"][0]["kind"] == "kpi"
        assert all(o["kind"] == "qualitative" for o in t["outcomes"][1:])
    assert [len(t["outcomes"]) for t in tiers] == [1, 2, 4, 4]
    assert [t["application"] is None for t in tiers] == [True, True, False, False]
    declarations = [[c["declaration"] for c in t["application"]["conditions"]] for t in tiers[2:]]
    assert declarations == [
        ["registered_legal_person", None, None],
        ["registered_legal_person", "industry_leader", None, None],
    ]
    assert [d["id"] for d in data["declarations"]] == ["registered_legal_person", "industry_leader"]


def test_segments_and_the_guide_mapping(data: dict) -> None:
    assert [s["id"] for s in data["segments"]] == FIVE
    assert [s["name"]["zh"] for s in data["segments"]] == FIVE_ZH
    assert [s["note"]["number"] for s in data["segments"]] == [1, 2, 3, 4, 5]
    notes = {s["id"]: s["note"] for s in data["segments"]}
    guide = data["guide_segments"]
    assert [g["name"]["zh"] for g in guide] == [name for name, _, _ in GUIDE]
    assert [g["segment"] for g in guide] == [seg for _, _, seg in GUIDE]
    for g in guide:
        assert g["mapping_note_number"] == notes[g["segment"]]["number"]
        assert g["name"]["zh"] in notes[g["segment"]]["text"]["zh"]
        assert g["heading"]["zh"].endswith(f"{g['name']['zh']}环节")
    by_id = {g["id"]: name for g, (name, _, _) in zip(guide, GUIDE, strict=True)}
    for s in data["scenarios"]:
        name = by_id[s["guide_segment"]]
        assert s["number"] in dict((n, r) for n, r, _ in GUIDE)[name], s["number"]


def test_scenarios(data: dict) -> None:
    sc = data["scenarios"]
    assert [s["number"] for s in sc] == list(range(1, 41))
    assert [s["name"]["zh"] for s in sc] == SCENARIOS
    assert len({s["id"] for s in sc}) == 40
    for s in sc:
        assert len(s["text"]["zh"]) > 60, s["number"]


def test_kpis(data: dict) -> None:
    kpis = data["kpis"]
    assert [k["number"] for k in kpis] == list(range(1, 22))
    groups = {g["id"]: g["name"]["zh"] for g in data["kpi_groups"]}
    want = {n: name for name, numbers in KPI_GROUPS for n in numbers}
    assert {k["number"]: groups[k["group"]] for k in kpis} == want
    for n, name in KPI_NAMES.items():
        assert kpis[n - 1]["name"]["zh"] == name
    assert {k["number"]: k["unit"]["zh"] for k in kpis if k["unit"]["zh"] != "%"} == UNITS
    assert data["ai_share_kpi"] == 4


def test_texts_bilingual(data: dict) -> None:
    found = list(texts(data))
    assert len(found) > 300
    for path, t in found:
        assert isinstance(t["zh"], str) and t["zh"].strip(), path
        assert isinstance(t["en"], str) and t["en"].strip(), path
        if HAN.search(t["zh"]):
            assert t["en"].strip() != t["zh"].strip(), path
    # English is not Chinese: only decisions quote the official wording in Han characters
    for path, t in found:
        han = len(HAN.findall(t["en"]))
        assert han <= len(t["en"]) // 4, (path, t["en"])
        if ".decisions" not in path:
            assert not han, (path, t["en"])


def test_decisions(data: dict) -> None:
    ids = [d["id"] for d in data["decisions"]]
    assert ids == [f"N{n}" for n in range(1, len(ids) + 1)]
    reused = {b for d in data["decisions"] for b in d["reuses"]}
    assert {"B7", "B8", "B11", "B13", "B14", "B15", "B16"} <= reused


# ---- the seed: every official text, and facts typed in from it ----

# Typed in while reading the seed (L585-L1146); each must be in the seed and in this file's text.
FACTS = [
    ("tiers[0].content_intro", "且至少覆盖生产作业环节"),
    ("tiers[1].content_intro", "且至少覆盖生产作业、生产管理、运营管理三个环节"),
    ("tiers[2].content_intro", "原则上应覆盖全部五个环节"),
    ("tiers[3].content_intro", "须覆盖全部五个环节"),
    ("tiers[0].outcomes[0]", "主要技术经济指标应高于省（区、市）同行业平均水平"),
    ("tiers[1].outcomes[0]", "主要技术经济指标应处于省（区、市）同行业领先水平"),
    ("tiers[2].outcomes[0]", "国内同行业领先水平，其中应用人工智能技术场景比例不低于20%"),
    ("tiers[3].outcomes[0]", "主要技术经济指标全球领先，其中应用人工智能技术场景比例不低于60%"),
    ("base_requirements[4]", "基础级和先进级工厂智能制造能力成熟度评估水平达到"),
    ("base_requirements[4]", "卓越级智能工厂应达到三级及以上，领航级智能工厂应达到四级及以上"),
    ("tiers[1].prerequisite", "先进级智能工厂在自评为基础级智能工厂前提下"),
    ("tiers[2].prerequisite", "获评先进级智能工厂"),
    ("tiers[3].prerequisite", "申报主体须已获评卓越级智能工厂"),
    ("tiers[3].application.conditions[1]", "申报主体须为本行业本领域领军企业"),
    ("segments[1].note", "产品研发、工艺设计两个环节"),
    ("segments[4].note", "运营管理、产品服务和供应链管理三个环节"),
    ("guide_intro", "凝练出8个环节的40个智能制造典型场景"),
    ("tiers[3].recognition.texts[1]", "培育期不超过2年"),
]
SEED_ONLY = [
    "工信厅联通装函〔2025〕251号",
    "工信厅通装函〔2025〕155号",
    "2025年6月19日",
    "2025年4月19日",
    "智能工厂梯度培育要素条件（2025年版）》（附件1",
]


def at(data: dict, path: str) -> dict:
    node: object = data
    for part in re.findall(r"[^.\[\]]+", path):
        node = node[int(part)] if part.isdigit() else node[part]  # type: ignore[index]
    assert isinstance(node, dict)
    return node.get("text", node)


@pytest.mark.parametrize(("path", "fact"), FACTS, ids=[f for _, f in FACTS])
def test_a_fact_typed_in_from_the_seed(data: dict, seed: str, path: str, fact: str) -> None:
    assert norm(fact) in seed
    assert fact in at(data, path)["zh"]


@pytest.mark.parametrize("fact", SEED_ONLY)
def test_a_number_or_date_is_in_the_seed(seed: str, fact: str) -> None:
    assert norm(fact) in seed


def test_every_official_text_is_in_the_seed(data: dict, seed: str) -> None:
    """Verbatim up to whitespace and bracket width (decision N13): every zh text but ours."""
    official = [(p, t) for p, t in texts(data) if not OURS.search(p)]
    assert len(official) > 200
    missing = [(p, t["zh"][:40]) for p, t in official if norm(t["zh"]) not in seed]
    assert not missing
