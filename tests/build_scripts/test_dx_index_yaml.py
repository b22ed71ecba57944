"""The two dx_index rubrics (Jiangsu general DX index, Inner Mongolia capability system) against
their schema and against facts typed in here independently from the official text (Jiangsu
compilation, document 16; Inner Mongolia three-year plan, annex 2).

Self-contained: this reads the files directly, not through the build.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
RUBRICS = ROOT / "rubrics"
SCHEMA = ROOT / "rubrics" / "schema" / "dx_index.schema.json"
JS = "jiangsu-dx-2025"
IM = "inner-mongolia-capability-2025"
FILES = [JS, IM]

CJK = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\u3000-\u303f\uff00-\uffef]")

# --- Facts typed from the official text -----------------------------------------------------------
GROUPS = [("数字化应用能力", [1, 2, 3, 4, 5, 6]), ("数字化支撑能力", [7, 8, 9, 10])]
NAMES = {
    1: "研发设计数字化水平",
    2: "生产作业数字化水平",
    3: "生产管理数字化水平",
    4: "经营管理数字化水平",
    5: "营销服务数字化水平",
    6: "产业链供应链协同数字化水平",
    7: "数字化投入规模",
    8: "网络与安全",
    9: "数据要素",
    10: "组织战略人才",
}
DESCRIPTIONS_START = {
    1: "研发设计工具应用",
    3: "生产计划、设备管理",
    7: "各类数字化系统和设备的总投入金额",
    10: "数字化团队建设",
}
NOT_APPLICABLE = {1, 5, 6}
AMOUNT_ONLY = 7
# Table 3: level -> [(printed band, min, max, min_inclusive, max_inclusive)] for 基本/比较/非常符合.
BANDS: dict[int, list[tuple[str, int, int, bool, bool]]] = {
    2: [
        ("(0-7)", 0, 7, False, False),
        ("[7-14)", 7, 14, True, False),
        ("[14-20)", 14, 20, True, False),
    ],
    3: [
        ("[20-27)", 20, 27, True, False),
        ("[27-34)", 27, 34, True, False),
        ("[34-40)", 34, 40, True, False),
    ],
    4: [
        ("[40-47)", 40, 47, True, False),
        ("[47-54)", 47, 54, True, False),
        ("[54-60)", 54, 60, True, False),
    ],
    5: [
        ("[60-67)", 60, 67, True, False),
        ("[67-74)", 67, 74, True, False),
        ("[74-80)", 74, 80, True, False),
    ],
    6: [
        ("[80-87)", 80, 87, True, False),
        ("[87-94)", 87, 94, True, False),
        ("[94-100)", 94, 100, True, False),
    ],
}
MATCH_LABELS = [("basic", "基本符合"), ("largely", "比较符合"), ("fully", "非常符合")]
# (indicator, level) -> number of alternatives joined by "；或".
ALTERNATIVES = {
    (1, 5): 2,
    (1, 6): 2,
    (2, 5): 2,
    (5, 2): 2,
    (5, 3): 2,
    (5, 4): 3,
    (5, 5): 3,
    (5, 6): 2,
    (6, 3): 2,
    (6, 4): 2,
}
# Key phrases of level texts (indicator, level, phrase), both files.
PHRASES = [
    (1, 3, "PDM/PLM类系统"),
    (2, 2, "关键工序数控化率大于30%"),
    (2, 3, "50%以上设备实现数据采集上传和互联互通"),
    (2, 6, "打造至少一个无人化产线或黑灯工厂"),
    (3, 3, "MES系统"),
    (3, 4, "打造至少一个典型应用"),
    (3, 5, "至少一个系统进行数据打通"),
    (4, 3, "ERP类软件产品"),
    (4, 4, "商业BI系统"),
    (8, 6, "SDN(软件定义网络)"),
    (9, 5, "数据中心、数据中台、数据湖等任一形式"),
    (10, 4, "面向未来三到五年的数字化转型战略"),
]
# The three wording differences between the two provinces (reference/rubric-inventory.md §8.3).
JS_ONLY = [(5, 5, "产品服务云平台"), (10, 4, "具备专业队伍支撑")]
IM_ONLY = [(5, 5, "搭建产品服务平台"), (10, 4, "具备专业人才队伍支撑")]
IM_NA_1 = "不涉及此环节。（企业不涉及研发设计选此项）"
JS_GATES = [
    ("required", 60, "all"),
    ("advisory", 60, "basic"),
    ("advisory", 70, "advanced"),
    ("advisory", 80, "excellence"),
    ("advisory", 90, "leading"),
]


# --- Helpers --------------------------------------------------------------------------------------
def load(name: str) -> dict[str, Any]:
    data = yaml.safe_load((RUBRICS / f"{name}.yaml").read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    return data


@pytest.fixture(scope="module")
def schema() -> dict[str, Any]:
    return json.loads(SCHEMA.read_text(encoding="utf-8"))


@pytest.fixture(scope="module", params=FILES)
def rubric(request: pytest.FixtureRequest) -> dict[str, Any]:
    return load(request.param)


def indicators(d: dict[str, Any]) -> dict[int, dict[str, Any]]:
    return {i["number"]: i for g in d["groups"] for i in g["indicators"]}


def level_text(d: dict[str, Any], number: int, rank: int) -> str:
    (lv,) = [lv for lv in indicators(d)[number]["levels"] if lv["rank"] == rank]
    return str(lv["text"]["zh"])


def texts(node: Any, path: str = "") -> Iterator[tuple[str, dict[str, Any]]]:
    if isinstance(node, dict):
        if set(node) == {"zh", "en"}:
            yield path, node
            return
        for k, v in node.items():
            yield from texts(v, f"{path}.{k}")
    elif isinstance(node, list):
        for n, v in enumerate(node):
            yield from texts(v, f"{path}[{n}]")


def schema_nodes(node: Any, path: str = "") -> Iterator[tuple[str, dict[str, Any]]]:
    if isinstance(node, dict):
        for key in ("properties", "$defs"):
            for name, sub in node.get(key, {}).items():
                yield f"{path}/{key}/{name}", sub
                yield from schema_nodes(sub, f"{path}/{key}/{name}")
        for key in ("items", "additionalProperties"):
            if isinstance(node.get(key), dict):
                yield from schema_nodes(node[key], f"{path}/{key}")


# --- Schema ---------------------------------------------------------------------------------------
def test_schema_is_valid_2020_12(schema: dict[str, Any]) -> None:
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    jsonschema.Draft202012Validator.check_schema(schema)


def test_every_schema_field_has_a_description(schema: dict[str, Any]) -> None:
    missing = [p for p, sub in schema_nodes(schema) if not sub.get("description")]
    assert missing == []


def test_rubric_matches_schema(schema: dict[str, Any], rubric: dict[str, Any]) -> None:
    errors = sorted(
        jsonschema.Draft202012Validator(schema).iter_errors(rubric), key=lambda e: list(e.path)
    )
    assert [f"{list(e.path)}: {e.message}" for e in errors] == []


def test_id_and_family_match_file(rubric: dict[str, Any]) -> None:
    assert rubric["id"] in FILES
    assert rubric["family"] == "dx_index"


# --- Structure ------------------------------------------------------------------------------------
def test_ten_indicators_in_two_groups(rubric: dict[str, Any]) -> None:
    got = [(g["name"]["zh"], [i["number"] for i in g["indicators"]]) for g in rubric["groups"]]
    assert got == GROUPS
    assert {n: i["name"]["zh"] for n, i in indicators(rubric).items()} == NAMES
    for n, start in DESCRIPTIONS_START.items():
        assert indicators(rubric)[n]["description"]["zh"].startswith(start)


def test_not_applicable_only_on_1_5_6(rubric: dict[str, Any]) -> None:
    with_na = {n for n, i in indicators(rubric).items() if "not_applicable" in i}
    assert with_na == NOT_APPLICABLE
    for n in NOT_APPLICABLE:
        assert indicators(rubric)[n]["not_applicable"]["zh"].startswith("不涉及此环节。")


def test_indicator_7_is_an_amount_not_scored(rubric: dict[str, Any]) -> None:
    seven = indicators(rubric)[AMOUNT_ONLY]
    assert seven["scored"] is False
    assert "levels" not in seven
    total, year = seven["amounts"]
    assert (total["from_year"], total["to_year"]) == (2014, None)
    assert (year["from_year"], year["to_year"], year["part_of"]) == (2024, 2024, total["id"])
    assert total["unit"]["zh"] == year["unit"]["zh"] == "万元"
    assert "不含研发人员费用" in total["label"]["zh"]
    assert "其中" in year["label"]["zh"]
    assert "自2014年以来" in seven["form_text"]["zh"] and "2024年投入" in seven["form_text"]["zh"]
    others = [i for n, i in indicators(rubric).items() if n != AMOUNT_ONLY]
    assert all(i["scored"] is True for i in others)


def test_six_levels_per_scored_indicator(rubric: dict[str, Any]) -> None:
    for n, ind in indicators(rubric).items():
        if n == AMOUNT_ONLY:
            continue
        assert [lv["rank"] for lv in ind["levels"]] == [1, 2, 3, 4, 5, 6], n
        for lv in ind["levels"]:
            zh = lv["text"]["zh"]
            assert zh.startswith("企业"), (n, lv["rank"])
            assert not re.match(r"^\s*\d", zh)


def test_key_phrases(rubric: dict[str, Any]) -> None:
    for n, rank, phrase in PHRASES:
        assert phrase in level_text(rubric, n, rank), (n, rank, phrase)


def test_alternatives(rubric: dict[str, Any]) -> None:
    got = {}
    for n, ind in indicators(rubric).items():
        for lv in ind.get("levels", []):
            zh = lv["text"]["zh"]
            alts = lv.get("alternatives", [])
            if alts:
                got[(n, lv["rank"])] = len(alts)
                for a in alts:
                    assert (
                        a["zh"] in zh
                        and not a["zh"].startswith("或")
                        and not a["zh"].endswith("。")
                    )
            assert len(alts) == (zh.count("；或") + 1 if "；或" in zh else 0), (n, lv["rank"])
    assert got == ALTERNATIVES


def test_band_table(rubric: dict[str, Any]) -> None:
    levels = rubric["bands"]["levels"]
    assert [lv["rank"] for lv in levels] == [1, 2, 3, 4, 5, 6]
    one = levels[0]
    assert (one["score"], one["printed_score"], one["printed_match"]) == (0, "0", "——")
    assert "sub_bands" not in one
    for lv in levels[1:]:
        subs = lv["sub_bands"]
        assert [
            (s["printed"], s["min"], s["max"], s["min_inclusive"], s["max_inclusive"]) for s in subs
        ] == BANDS[lv["rank"]]
        assert [(s["match"], s["label"]["zh"]) for s in subs] == MATCH_LABELS
        assert (lv["min"], lv["max"]) == (subs[0]["min"], subs[-1]["max"])
        assert (lv["min_inclusive"], lv["max_inclusive"]) == (subs[0]["min_inclusive"], False)
    # contiguous: each band ends where the next starts, no overlap
    ends = [(lv["min"], lv["max"]) for lv in levels[1:]]
    assert ends == [(0, 20), (20, 40), (40, 60), (60, 80), (80, 100)]


def test_scoring_is_mean_on_100(rubric: dict[str, Any]) -> None:
    sc = rubric["scoring"]
    assert sc["method"] == "mean_of_applicable" and sc["scale_max"] == 100


def test_ids_unique(rubric: dict[str, Any]) -> None:
    groups = [g["id"] for g in rubric["groups"]]
    inds = [i["id"] for g in rubric["groups"] for i in g["indicators"]]
    amounts = [a["id"] for i in indicators(rubric).values() for a in i.get("amounts", [])]
    gates = [g["id"] for g in rubric["scoring"]["gates"]]
    decisions = [d["id"] for d in rubric["decisions"]]
    for ids in (groups + inds + amounts, gates, decisions):
        assert len(ids) == len(set(ids)), ids
    assert sorted(i["number"] for i in indicators(rubric).values()) == list(range(1, 11))
    assert all(re.fullmatch(r"D\d+", d) for d in decisions)


def test_decision_targets_exist(rubric: dict[str, Any]) -> None:
    numbers = set(indicators(rubric))
    for d in rubric["decisions"]:
        for target in d["applies_to"]:
            if target.startswith("indicator:"):
                assert int(target.split(":")[1]) in numbers


def test_every_text_bilingual_and_english_not_chinese(rubric: dict[str, Any]) -> None:
    found = list(texts(rubric))
    assert len(found) > 150
    for path, t in found:
        assert isinstance(t["zh"], str) and t["zh"].strip(), path
        assert isinstance(t["en"], str) and t["en"].strip(), path
        assert not CJK.search(t["en"]), (path, t["en"])
        assert t["en"] != t["zh"], path


# --- Province specifics ---------------------------------------------------------------------------
def test_jiangsu_scoring_and_gates() -> None:
    d = load(JS)
    sc = d["scoring"]
    assert sc["official"] is True and d["bands"]["official"] is True
    assert "reference_label" not in sc
    assert [(g["kind"], g["value"], g["tier"]) for g in sc["gates"]] == JS_GATES
    assert all(g["op"] == ">" for g in sc["gates"])
    assert "高于60分" in sc["gates"][0]["text"]["zh"]
    assert "系统将自动综合计算得分" in sc["rule_text"]["zh"]
    assert len(sc["notes"]) == 3
    assert (
        "1、5、6" in sc["notes"][2]["zh"]
        and "其他问题的综合得分/其他问题的总分" in sc["notes"][2]["zh"]
    )
    assert d["source"]["number"] == "苏工信信发〔2025〕28号" and d["source"]["date"] == "2025-01-26"
    assert d["source"]["annex"]["zh"] == "附件3"


def test_inner_mongolia_has_no_official_score() -> None:
    d = load(IM)
    sc = d["scoring"]
    assert sc["official"] is False
    assert sc["gates"] == []
    assert "参考" in sc["reference_label"]["zh"] and "非内蒙古官方" in sc["reference_label"]["zh"]
    assert d["bands"]["official"] is False and d["bands"]["borrowed_from"] == JS
    assert d["source"]["number"] is None and d["source"]["date"] is None
    assert d["source"]["annex"]["zh"] == "附件2"
    assert "佐证材料" in d["method"]["note"]["zh"]
    assert "answer_text" not in d["form"]


def test_wording_differences_between_provinces() -> None:
    js, im = load(JS), load(IM)
    for n, rank, phrase in JS_ONLY:
        assert phrase in level_text(js, n, rank) and phrase not in level_text(im, n, rank)
    for n, rank, phrase in IM_ONLY:
        assert phrase in level_text(im, n, rank) and phrase not in level_text(js, n, rank)
    assert indicators(im)[1]["not_applicable"]["zh"] == IM_NA_1
    assert indicators(js)[1]["not_applicable"]["zh"] == "不涉及此环节。"


def test_provinces_otherwise_identical() -> None:
    """Apart from the three wording differences and two commas, the level texts are the same."""

    def norm(s: str) -> str:
        return (
            s.replace(", ", ",")
            .replace("，", ",")
            .replace("产品服务云平台", "产品服务平台")
            .replace("专业人才队伍", "专业队伍")
        )

    js, im = indicators(load(JS)), indicators(load(IM))
    for n in NAMES:
        assert js[n]["name"]["zh"] == im[n]["name"]["zh"]
        assert js[n]["description"]["zh"] == im[n]["description"]["zh"]
        for a, b in zip(js[n].get("levels", []), im[n].get("levels", []), strict=True):
            assert norm(a["text"]["zh"]) == norm(b["text"]["zh"]), (n, a["rank"])
            assert [norm(x["zh"]) for x in a.get("alternatives", [])] == [
                norm(x["zh"]) for x in b.get("alternatives", [])
            ]
    assert load(JS)["bands"]["levels"] == load(IM)["bands"]["levels"]
