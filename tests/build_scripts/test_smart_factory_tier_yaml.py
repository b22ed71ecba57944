"""The smart-factory tier rubrics (Jiangsu, Inner Mongolia) match the schema and facts typed in from
the official text."""

from __future__ import annotations

import json
import re
from pathlib import Path

import jsonschema
import pytest
import yaml

from tests.build_scripts.rubric_texts import texts

ROOT = Path(__file__).resolve().parents[2]
RUBRICS = ROOT / "rubrics"
SCHEMA = ROOT / "rubrics" / "schema" / "smart_factory_tier.schema.json"

PROVINCES = ["jiangsu", "inner-mongolia"]
TIERS = ["basic", "advanced", "excellence", "leading"]
TIER_ZH = ["基础级", "先进级", "卓越级", "领航级"]
# Typed in from the qualifying criteria, sections II-V.
MIN_SCENARIOS = {"jiangsu": [8, 15, 20, 25], "inner-mongolia": [5, 10, 16, 20]}
MIN_MATURITY = [2, 2, 3, 4]  # Inner Mongolia's Basic level: decision B6
FIVE = [
    "factory_construction",
    "rd_design",
    "production_operations",
    "production_management",
    "operations_management",
]
FIVE_ZH = ["工厂建设", "研发设计", "生产作业", "生产管理", "运营管理"]
REQUIRED = {
    "basic": ["production_operations"],
    "advanced": ["production_operations", "production_management", "operations_management"],
    "excellence": FIVE,
    "leading": FIVE,
}
# Inner Mongolia's notes 1-5 (binding for both provinces): table segment (zh) -> big segment.
MAPPING = {
    "工厂建设": "factory_construction",
    "信息基础设施": "factory_construction",
    "产品设计": "rd_design",
    "工艺设计": "rd_design",
    "生产作业": "production_operations",
    "质量管控": "production_operations",
    "设备管理": "production_operations",
    "计划调度": "production_management",
    "仓储物流": "production_management",
    "安全管控": "production_management",
    "能碳管理": "production_management",
    "环保管理": "production_management",
    "环保管控": "production_management",
    "营销与售后": "operations_management",
    "供应链管理": "operations_management",
    "多环节模式创新": None,
}
TABLE_ORDER = [
    "工厂建设",
    "产品设计",
    "工艺设计",
    "计划调度",
    "生产作业",
    "质量管控",
    "设备管理",
    "仓储物流",
    "安全管控",
    "能碳管理",
    "环保",
    "营销与售后",
    "供应链管理",
    "信息基础设施",
    "多环节模式创新",
]
# "/" cells as counted in the table (identical in both provinces).
SLASH = {
    "basic": {1, 2, 4, 8, 11, 23, 28, 29, 34, 35, 36, 37, 38, 39, 40},
    "advanced": {28, 29, 34, 35, 36, 37, 38, 40},
    "excellence": set(),
    "leading": set(),
}
SLASH_COUNT = {"basic": 15, "advanced": 8, "excellence": 0, "leading": 0}
# Scenario names and table segments by row, typed in from the table (Jiangsu wording; row 37 differs
# in Inner Mongolia).
NAMES = [
    "工厂数字化设计与交付",
    "数字孪生工厂运营优化",
    "产品数字化研发设计",
    "虚拟验证与中试",
    "工艺数字化设计",
    "可制造性设计",
    "生产计划优化",
    "智能排产调度",
    "产线柔性配置",
    "人机协同制造",
    "工艺动态优化",
    "先进过程控制",
    "数智精益管理",
    "在线智能检测",
    "质量追溯与分析改进",
    "设备运行监控",
    "设备智能运维",
    "智能仓储",
    "精准配送",
    "安全一体化管控",
    "危险作业自动化",
    "能源智能管控",
    "碳资产全生命周期管理",
    "污染在线管控",
    "智慧营销管理",
    "产品智能运维",
    "智能客户服务",
    "供应链计划协同优化",
    "供应链物流智能配送",
    "供应商数智化管理",
    "先进工业网络应用",
    "工业信息安全管控",
    "工厂数据资源管理",
    "数据驱动产品研发",
    "大规模个性化定制",
    "网络协同制造",
    "研产供销深度集成",
    "弹性供应链",
    "全员数字化管理",
    "可持续制造",
]
ROWS_PER_TABLE_SEGMENT = [2, 2, 2, 2, 5, 2, 2, 2, 2, 2, 1, 3, 3, 3, 7]
HAN = re.compile(r"[\u3400-\u9fff]")


def load(prov: str) -> dict:
    return yaml.safe_load(
        (RUBRICS / f"smart-factory-tier-{prov}-2025.yaml").read_text(encoding="utf-8")
    )


@pytest.fixture(scope="module", params=PROVINCES)
def rubric(request: pytest.FixtureRequest) -> tuple[str, dict]:
    return request.param, load(request.param)


def test_validates_against_schema(rubric: tuple[str, dict]) -> None:
    prov, data = rubric
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    errors = sorted(
        jsonschema.Draft202012Validator(schema).iter_errors(data), key=lambda e: list(e.path)
    )
    assert not errors, [f"{list(e.path)}: {e.message[:200]}" for e in errors]
    assert data["id"] == f"smart-factory-tier-{prov}-2025"


def test_tiers(rubric: tuple[str, dict]) -> None:
    prov, data = rubric
    tiers = data["tiers"]
    assert [t["id"] for t in tiers] == TIERS
    assert [t["rank"] for t in tiers] == [1, 2, 3, 4]
    assert [t["name"]["zh"] for t in tiers] == TIER_ZH
    assert [t["min_scenarios"] for t in tiers] == MIN_SCENARIOS[prov]
    assert [t["min_maturity"] for t in tiers] == MIN_MATURITY
    for t in tiers:
        assert t["required_segments"] == REQUIRED[t["id"]]
        assert [d["segment"] for d in t["segment_descriptions"]] == FIVE
        assert f"{t['min_scenarios']}" in t["text"]["zh"].replace(" ", "")
    labels = [d["label"]["zh"] for d in tiers[3]["segment_descriptions"]]
    assert labels == [*FIVE_ZH[:4], "经营管理"]
    stated = [t["maturity_stated"] for t in tiers]
    assert stated == ([True] * 4 if prov == "jiangsu" else [False, True, True, True])


def test_score_gate(rubric: tuple[str, dict]) -> None:
    prov, data = rubric
    reqs = data["base_requirements"]
    assert [r["number"] for r in reqs] == [1, 2, 3, 4, 5]
    gates = [r["score_gate"] for r in reqs]
    if prov == "jiangsu":
        assert gates[:4] == [None] * 4 and gates[4]["min_score_exclusive"] == 60
        assert "高于60分" in reqs[4]["text"]["zh"]
        assert [t["score_gate"]["min_score_exclusive"] for t in data["tiers"]] == [60] * 4
        assert [t["score_gate"]["advised_min_score_exclusive"] for t in data["tiers"]] == [
            60,
            70,
            80,
            90,
        ]
    else:
        assert gates == [None] * 5
        assert [t["score_gate"] for t in data["tiers"]] == [None] * 4


def test_segments_and_mapping(rubric: tuple[str, dict]) -> None:
    prov, data = rubric
    assert [s["id"] for s in data["segments"]] == FIVE
    assert [s["name"]["zh"] for s in data["segments"]] == FIVE_ZH
    table = data["table_segments"]
    assert len(table) == 15
    for want, seg in zip(TABLE_ORDER, table, strict=True):
        assert seg["name"]["zh"].startswith(want)
        assert seg["segment"] == MAPPING[seg["name"]["zh"]], seg["name"]["zh"]
    assert [s["segment"] for s in table].count(None) == 1
    assert table[-1]["name"]["zh"] == "多环节模式创新" and table[-1]["segment"] is None
    assert table[10]["name"]["zh"] == ("环保管控" if prov == "jiangsu" else "环保管理")


def test_scenarios(rubric: tuple[str, dict]) -> None:
    prov, data = rubric
    sc = data["scenarios"]
    assert len(sc) == 40
    assert [s["number"] for s in sc] == list(range(1, 41))
    ids = [s["id"] for s in sc]
    assert len(set(ids)) == 40
    names = list(NAMES)
    if prov == "inner-mongolia":
        names[36] = "研产供销服深度集成"
    assert [s["name"]["zh"] for s in sc] == names
    table_ids = [t["id"] for t in data["table_segments"]]
    expected_segments = [
        table_ids[i] for i, n in enumerate(ROWS_PER_TABLE_SEGMENT) for _ in range(n)
    ]
    assert [s["table_segment"] for s in sc] == expected_segments
    assert data["tier_order"] == TIERS
    for s in sc:
        assert len(s["cells"]) == 4, s["number"]
        for cell in s["cells"]:
            assert cell == "/" or (
                isinstance(cell, dict) and cell["zh"].strip() and cell["en"].strip()
            )
    for k, tier in enumerate(TIERS):
        slashes = {s["number"] for s in sc if s["cells"][k] == "/"}
        assert slashes == SLASH[tier], tier
        assert len(slashes) == SLASH_COUNT[tier]
    # a "/" is never followed by a described cell and then another "/" (descriptions start at an
    # entry tier)
    for s in sc:
        marks = ["/" if c == "/" else "x" for c in s["cells"]]
        assert "".join(marks).lstrip("/") == "x" * len("".join(marks).lstrip("/")), s["number"]


def test_texts_bilingual(rubric: tuple[str, dict]) -> None:
    _, data = rubric
    found = list(texts(data))
    assert len(found) > 300
    for path, t in found:
        assert isinstance(t["zh"], str) and t["zh"].strip(), path
        assert isinstance(t["en"], str) and t["en"].strip(), path
        assert HAN.search(t["zh"]), path
    # English is not Chinese: only quoted official wording may carry Han characters (decisions,
    # notes, guide names)
    for path, t in found:
        han = len(HAN.findall(t["en"]))
        assert han <= len(t["en"]) // 4, (path, t["en"])
        if ".decisions" in path or path.endswith(".note"):
            continue
        assert not han, (path, t["en"])


def test_decisions(rubric: tuple[str, dict]) -> None:
    prov, data = rubric
    ids = [d["id"] for d in data["decisions"]]
    assert len(ids) == len(set(ids))
    for n in range(1, 17):
        assert f"B{n}" in ids
    assert {"B17", "B18", "B19", "B20", "B21"} <= set(ids)
    if prov == "inner-mongolia":
        assert "B22" in ids


def test_provinces_share_the_table_shape() -> None:
    js, im = load("jiangsu"), load("inner-mongolia")
    for a, b in zip(js["scenarios"], im["scenarios"], strict=True):
        assert a["id"] == b["id"] and a["table_segment"] == b["table_segment"]
        assert [c == "/" for c in a["cells"]] == [c == "/" for c in b["cells"]]
    assert [t["id"] for t in js["table_segments"]] == [t["id"] for t in im["table_segments"]]
    assert [t["segment"] for t in js["table_segments"]] == [
        t["segment"] for t in im["table_segments"]
    ]
