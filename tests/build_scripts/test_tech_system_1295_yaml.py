"""The "1295" technology innovation system rubric (rubrics/tech-system-1295.yaml)
matches its schema, facts typed in from the official text (工业和信息化部
《制造业技术创新体系建设和应用实施意见》 and its annex 《制造业技术创新体系框架》), and the
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
RUBRIC = ROOT / "rubrics" / "tech-system-1295.yaml"
SCHEMA = ROOT / "rubrics" / "schema" / "tech_system_1295.schema.json"
# The OCR of the document and its annex the text was transcribed from (seed 000, lines 1-886).
SEED = ROOT / "tests" / "fixtures" / "seed-000-tech-system.txt"

# Typed in from the annex: each table's leaf column headers in order (table 1 reconstructed,
# decision T3), its note numbers, and the note number printed on each column.
HEADERS = {
    1: [
        "环",
        "总体评价",
        "关键技术",
        "应用的主要对象",
        "基础共性程度",
        "技术发展水平等级",
        "主要特征指标",
        "国际先进水平",
        "国内现有水平",
        "差距和赶超难度",
        "属于无自主能力（完全依赖）的技术",
        "属于需产业化的技术",
        "属于成熟的可大面积推广的技术",
    ],
    2: [
        "环",
        "总体评价",
        "主要物料（材料、零部件、元器件等）",
        "国外",
        "国内",
        "国内外差距描述",
        "国内外差距评价",
        "多样性评价",
        "稳定性评价",
    ],
    3: [
        "环",
        "企业名称",
        "企业规模",
        "所属国或地区",
        "主要产品",
        "主要产品市场占有率",
        "企业水平评价",
        "上游企业",
        "下游企业",
        "与上下游企业协作水平评价",
        "拥有专利情况",
    ],
    4: [
        "环",
        "总体评价",
        "主要设计对象或应用场景",
        "主要设计研发用工具（含软硬件）",
        "设计研发用工具成熟度",
        "国际先进水平",
        "国际先进企业",
        "国内现有水平",
        "国内领先企业",
        "差距和赶超难度",
    ],
    5: [
        "环",
        "总体评价",
        "主要生产制造设备（含检测）",
        "国际先进水平",
        "国际先进企业",
        "国内现有水平",
        "国内领先企业",
        "差距和赶超难度",
        "静态突破年限",
    ],
    6: [
        "环",
        "总体评价",
        "质量管理方法、质量设计、制造过程质量控制、检测和试验（含中试）、质量保障技术",
        "国际先进水平",
        "国际技术持有者",
        "国内现有水平",
        "国内技术持有者",
        "差距和赶超难度",
        "技术差距分析",
    ],
    7: [
        "环",
        "总体评价",
        "主要国际国外标准",
        "国际国外标准主要制定机构",
        "主要国内标准",
        "国内标准主要制定机构",
        "标准缺失度分析",
    ],
    8: [
        "环",
        "总体评价",
        "数字化发展水平",
        "数字化解决方案服务商",
        "绿色化发展水平",
        "绿色技术/解决方案服务商",
        "国内外服务商差距分析",
        "公共服务平台配套成熟度",
    ],
    9: [
        "环",
        "软件名称",
        "软件类别",
        "总体评价",
        "国际先进水平",
        "国际先进企业",
        "国内现有水平",
        "国内领先企业",
        "差距和赶超难度",
        "静态突破年限",
    ],
}
NAMES = [
    "关键技术清单",
    "物料清单",
    "企业清单",
    "研发设计清单",
    "制造装备清单",
    "质量清单",
    "标准清单",
    "管理服务清单",
    "关键软件清单",
]
NOTE_NUMBERS = {1: 5, 2: 3, 3: 2, 4: 3, 5: 2, 6: 2, 7: 1, 8: 4, 9: 3}
# header → note number, for every column or group that carries a marker (①… in the seed)
MARKED = {
    1: {"总体评价": 1, "技术发展水平等级": 2, "基础共性程度": 3, "差距和赶超难度": 4},
    2: {"总体评价": 1, "国内外差距评价": 2, "物料来源（供应商）多样性稳定性评价": 3},
    3: {"企业水平评价": 1, "与上下游企业协作水平评价": 2},
    4: {"总体评价": 1, "设计研发用工具成熟度": 2, "差距和赶超难度": 3},
    5: {"总体评价": 1, "差距和赶超难度": 2},
    6: {"总体评价": 1, "差距和赶超难度": 2},
    7: {"总体评价": 1},
    8: {"总体评价": 1, "数字化发展水平": 2, "绿色化发展水平": 3, "公共服务平台配套成熟度": 4},
    9: {"软件类别": 1, "总体评价": 2, "差距和赶超难度": 3},
}
# (table, header) → direction, from each note's "数字越大代表…" (decision T9)
DIRECTIONS = {
    (1, "技术发展水平等级"): "higher_better",
    (1, "基础共性程度"): "descriptive",
    (1, "差距和赶超难度"): "higher_worse",
    (2, "国内外差距评价"): "higher_worse",
    (2, "多样性评价"): "higher_better",
    (2, "稳定性评价"): "higher_better",
    (3, "与上下游企业协作水平评价"): "higher_better",
    (4, "设计研发用工具成熟度"): "higher_better",
    (4, "差距和赶超难度"): "higher_worse",
    (5, "差距和赶超难度"): "higher_worse",
    (6, "差距和赶超难度"): "higher_worse",
    (8, "数字化发展水平"): "higher_better",
    (8, "绿色化发展水平"): "higher_better",
    (8, "公共服务平台配套成熟度"): "higher_better",
    (9, "差距和赶超难度"): "higher_worse",
}
RATING = ["segment"] * 2 + ["none"] + ["segment"] * 5 + ["row"]
STAR_DEFINITIONS = {1: 5, 6: 5, 7: 5}  # the other ★ notes say what to weigh instead
# Texts written by this project (titles, summaries, citations, decisions, the advisory rule, the
# pool proposal rule and the gap overview): not in the seed. The notice title is transcribed from
# seed 002 (Traditional).
OURS = re.compile(
    r"^\.(short_title|summary|source\.(issuer|notice|copies)|section_sources|decisions|advisory|"
    r"gap_overview|libraries\.proposal)|\.citation$"
)
# OCR damage repaired in the rubric (decision T2): the repaired words → the seed's.
REPAIRS = {
    "可大面积推广的技术对应": "可大面推广的技术对应",
    "执行情况较好，标准在市场准入": "执行情况较好，标准在在市场准入",
    "绿色技术/解决方案服务商体系完善": "绿色技术/解决方案服商体系完善",
}
HAN = re.compile(r"[\u3400-\u9fff]")
WIDTH = str.maketrans("（）：，；", "():,;")


def norm(text: str) -> str:
    """Whitespace removed (the OCR breaks lines and puts spaces around digits), full-width brackets
    and punctuation read as half-width."""
    return re.sub(r"\s+", "", text).translate(WIDTH)


def as_printed(zh: str) -> str:
    """The rubric's Chinese with its repairs undone, as the seed prints it."""
    out = norm(zh)
    for repaired, printed in REPAIRS.items():
        out = out.replace(norm(repaired), norm(printed))
    return out


@pytest.fixture(scope="module")
def data() -> dict:
    loaded: dict = yaml.safe_load(RUBRIC.read_text(encoding="utf-8"))
    return loaded


@pytest.fixture(scope="module")
def seed() -> str:
    return norm(SEED.read_text(encoding="utf-8"))


def criterion(data: dict, pool: int, index: int) -> dict:
    found: dict = data["libraries"]["proposal"]["rules"][pool]["criteria"][index]
    return found


def table(data: dict, number: int) -> dict:
    found: dict = data["tables"][number - 1]
    assert found["number"] == number
    return found


# ---- schema ----


def test_validates_against_schema(data: dict) -> None:
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    errors = sorted(
        jsonschema.Draft202012Validator(schema).iter_errors(data), key=lambda e: list(e.path)
    )
    assert not errors, [f"{list(e.path)}: {e.message[:200]}" for e in errors]
    assert data["id"] == RUBRIC.stem == "tech-system-1295"
    assert data["family"] == "tech_system_1295"


@pytest.mark.parametrize(
    ("change", "where"),
    [
        (lambda d: d["tables"][0]["name"].update(en="  "), "blank en"),
        (lambda d: d["tables"][0]["name"].update(zh=""), "empty zh"),
        (lambda d: d["tables"][0]["columns"][4].pop("scale"), "grade without a scale"),
        (lambda d: d["tables"][0]["columns"][2].update(choices=[]), "text with choices"),
        (lambda d: d["tables"][1]["columns"][1].pop("stars"), "★ column without ★"),
        (lambda d: d["advisory"].update(official=True), "advisory marked official"),
        (lambda d: d["tables"][0].update(colour="red"), "unknown key"),
        (lambda d: d["source"].update(number="工信部科〔2023〕122号"), "a number not in the text"),
        (lambda d: d["decisions"][0].update(reuses=["B1"]), "a reuse that is not a D id"),
        (lambda d: d["libraries"]["proposal"].update(official=True), "proposals marked official"),
        (lambda d: criterion(d, 0, 0).update(kind="choice"), "a criterion on a choice"),
        (lambda d: criterion(d, 0, 0).update(grades=[5]), "a tick criterion with grades"),
        (lambda d: criterion(d, 0, 1).update(grades=[]), "a grade criterion without grades"),
        (lambda d: criterion(d, 0, 1).update(grades=[0, 4]), "grade 0"),
        (lambda d: criterion(d, 0, 1).update(tables=[1, 10]), "table 10"),
        (lambda d: criterion(d, 0, 1).update(tables=[]), "no table"),
        (lambda d: criterion(d, 2, 0).update(weight=1), "unknown key in a criterion"),
        (lambda d: d["libraries"]["proposal"].pop("decision"), "proposals without their decision"),
    ],
)
def test_the_schema_refuses_a_broken_copy(data: dict, change, where: str) -> None:
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    broken = json.loads(json.dumps(data))
    change(broken)
    assert list(jsonschema.Draft202012Validator(schema).iter_errors(broken)), where


# ---- counts and typed-in facts ----


def test_counts(data: dict) -> None:
    tables = data["tables"]
    columns = [c for t in tables for c in t["columns"]]
    assert len(tables) == 9
    assert len(columns) == 86  # 77 without the 环 column each table repeats
    assert sum(1 for c in columns if c["id"] != "segment") == 77
    assert sum(1 for c in columns if c["kind"] == "grade") == 15
    assert sum(1 for c in columns if c["kind"] == "stars") == 8
    assert sum(1 for c in columns if c["kind"] == "tick") == 3
    assert sum(1 for c in columns if c["kind"] == "choice") == 2
    assert sum(1 for c in columns if c["kind"] == "years") == 2
    directions = [c["scale"]["direction"] for c in columns if c["kind"] == "grade"]
    assert (directions.count("higher_better"), directions.count("higher_worse")) == (8, 6)
    assert directions.count("descriptive") == 1
    assert len(data["instructions"]) == 5
    assert len(data["technology_classes"]["items"]) == 3
    assert len(data["libraries"]["items"]) == 3
    assert len(data["decisions"]) == 20


def test_the_framework_is_1295(data: dict) -> None:
    f = data["framework"]
    counts = [f["analysis_framework"]["count"], f["lines"]["count"], f["lists"]["count"]]
    assert [*counts, f["grades"]["count"]] == [1, 2, 9, 5]
    assert "1套环环相扣的评估分析框架" in f["text"]["zh"]
    assert "形成5个评估等级" in f["text"]["zh"]
    lines = {x["id"]: (x["name"]["zh"], x["tables"]) for x in f["lines"]["items"]}
    assert lines == {
        "supply": ("技术供给线", [1, 2, 3]),
        "support": ("技术支撑线", [4, 5, 6, 7, 8, 9]),
    }
    names = [x["name"]["zh"] for x in f["lists"]["items"]]
    assert names == [n.removesuffix("清单") for n in NAMES]
    assert [x["table"] for x in f["lists"]["items"]] == list(range(1, 10))
    assert "技术成熟度和制造业成熟度" in f["grades"]["evaluation"]["zh"]  # kept verbatim (T2)
    assert "技术成熟度和制造成熟度模型" in f["grades"]["text"]["zh"]


def test_source(data: dict) -> None:
    src = data["source"]
    assert src["issuer"]["zh"] == "工业和信息化部"
    assert src["number"] is None  # not printed in either seed (decision T1)
    assert (src["date"], src["date_kind"]) == ("2023-10-11", "published")
    assert src["annex"] == {
        "label": "附件",
        "title": {"zh": "制造业技术创新体系框架", "en": src["annex"]["title"]["en"]},
    }
    assert data["title"]["zh"] == "制造业技术创新体系建设和应用实施意见"


@pytest.mark.parametrize("number", range(1, 10))
def test_a_table_has_its_official_columns_in_order(data: dict, number: int) -> None:
    t = table(data, number)
    assert t["name"]["zh"] == NAMES[number - 1]
    assert [c["header"]["zh"] for c in t["columns"]] == HEADERS[number]
    assert t["line"] == ("supply" if number <= 3 else "support")
    assert t["rating"] == RATING[number - 1]
    numbered = [n["number"] for n in t["notes"] if n["number"] is not None]
    assert numbered == list(range(1, NOTE_NUMBERS[number] + 1))
    marked = {c["header"]["zh"]: c["note"] for c in t["columns"] if c["note"] is not None}
    marked |= {g["header"]["zh"]: g["note"] for g in t["groups"] if g["note"] is not None}
    ticks = {c["header"]["zh"]: 5 for c in t["columns"] if c["kind"] == "tick"}  # decision T5
    sub = {c["header"]["zh"]: 3 for c in t["columns"] if c.get("group") == "sourcing"}
    assert marked == MARKED[number] | ticks | sub


def test_grade_directions_and_levels(data: dict) -> None:
    found = {
        (t["number"], c["header"]["zh"]): c["scale"]["direction"]
        for t in data["tables"]
        for c in t["columns"]
        if c["kind"] == "grade"
    }
    assert found == DIRECTIONS
    for t in data["tables"]:
        for c in t["columns"]:
            if c["kind"] == "grade":
                assert [lv["level"] for lv in c["scale"]["levels"]] == [1, 2, 3, 4, 5]


def test_level_texts_typed_in(data: dict) -> None:
    def levels(number: int, column: str) -> list[str]:
        col = next(c for c in table(data, number)["columns"] if c["id"] == column)
        return [lv["text"]["zh"] for lv in col["scale"]["levels"]]

    assert levels(1, "level")[0] == "自有技术能力弱，严重受制于人"
    assert levels(1, "level")[4] == "自有技术体系建立完善，关键技术达到国际领先水平"
    assert levels(1, "gap")[4] == "所处水平与国外有10年以上差距"
    assert levels(5, "gap")[4] == "所处水平与国外有10年以上差距，赶超难度非常大"
    assert levels(2, "gap_rating")[4] == "国内尚无相关物料供应商，受敌对国家把控"
    assert levels(3, "cooperation")[0].startswith("国内企业尚未建立协作关系")
    assert levels(8, "green")[4] == "能耗水平低，实现了碳达峰，绿色技术/解决方案服务商体系完善"
    assert levels(8, "platform")[0] == "暂无相关公共服务平台"


def test_star_definitions(data: dict) -> None:
    for t in data["tables"]:
        stars = [c for c in t["columns"] if c["kind"] == "stars"]
        assert len(stars) == (0 if t["number"] == 3 else 1)
        for c in stars:
            defs = c["stars"]["definitions"]
            assert len(defs) == STAR_DEFINITIONS.get(t["number"], 0), t["number"]
            assert (c["stars"]["guidance"] is None) == bool(defs)
    t1 = next(c for c in table(data, 1)["columns"] if c["id"] == "overall")
    assert t1["stars"]["definitions"][0]["text"]["zh"].startswith("属于“卡脖子”领域")
    assert "技术水平国内领先" in t1["stars"]["definitions"][4]["text"]["zh"]  # decision T17
    t6 = next(c for c in table(data, 6)["columns"] if c["id"] == "overall")
    assert t6["stars"]["definitions"][2]["text"]["zh"].endswith("具有较为知名的质量工程技术机构")


def test_choices(data: dict) -> None:
    level = next(c for c in table(data, 3)["columns"] if c["id"] == "level")
    assert [x["name"]["zh"] for x in level["choices"]] == [
        "国际领先",
        "国际先进",
        "国内领先",
        "国内先进",
    ]
    category = next(c for c in table(data, 9)["columns"] if c["id"] == "category")
    assert [x["name"]["zh"] for x in category["choices"]] == [
        "研发设计类",
        "业务管理类",
        "生产控制类",
        "基础通用类",  # named as in 填表说明 5 (decision T19)
    ]


def test_technology_classes_and_their_bands(data: dict) -> None:
    tc = data["technology_classes"]
    assert tc["table"] == 1
    got = [
        (x["name"]["zh"], x["column"], x["stars"]["min"], x["stars"]["max"]) for x in tc["items"]
    ]
    assert got == [
        ("无自主能力的技术", "no_autonomy", 1, 1),
        ("需产业化的技术", "needs_industrialization", 2, 3),
        ("成熟的可大面积推广的技术", "mature", 4, 5),
    ]
    stages = [s["stars"] for x in tc["items"] for s in x["stages"]]
    assert stages == [1, 2, 3, 4, 5]


def test_libraries(data: dict) -> None:
    names = [x["name"]["zh"] for x in data["libraries"]["items"]]
    assert names == ["短板技术攻关库", "长板技术储备库", "先进适用技术推广库"]
    quoted = "".join(x["text"]["zh"] for x in data["libraries"]["texts"])
    assert all(name in quoted for name in names)


# The pool proposal rule of decision T20, typed in: pool → (criterion, tables, the column's official
# header, kind, grades).
POOL_RULE = {
    "shortcoming": [
        ("no_autonomy", [1], "属于无自主能力（完全依赖）的技术", "tick", []),
        ("large_gap", [1, 4, 5, 6, 9], "差距和赶超难度", "grade", [4, 5]),
        ("material_gap", [2], "国内外差距评价", "grade", [4, 5]),
    ],
    "strength": [
        ("no_gap", [1, 4, 5, 6, 9], "差距和赶超难度", "grade", [1]),
        ("material_strength", [2], "国内外差距评价", "grade", [1]),
        ("leading_level", [1], "技术发展水平等级", "grade", [5]),
    ],
    "promotion": [("mature", [1], "属于成熟的可大面积推广的技术", "tick", [])],
}
# What the grades a criterion takes mean, typed in from the notes (table → level texts, in order).
GAP_4_5 = ["所处水平与国外有5~10年差距", "所处水平与国外有10年以上差距，赶超难度非常大"]
GAP_1 = ["所处水平基本无差距"]
GRADE_TEXTS = {
    "large_gap": {1: ["所处水平与国外有5~10年差距", "所处水平与国外有10年以上差距"]}
    | dict.fromkeys((4, 5, 6, 9), GAP_4_5),
    "material_gap": {
        2: ["物料主要来自国外，国内物料处于“不好用”阶段", "国内尚无相关物料供应商，受敌对国家把控"]
    },
    "no_gap": {1: ["所处水平与国外基本无差距"]} | dict.fromkeys((4, 5, 6, 9), GAP_1),
    "material_strength": {
        2: ["国内物料市场占有率高，已具备较强国际竞争力，国际市场占有率位居前列"]
    },
    "leading_level": {1: ["自有技术体系建立完善，关键技术达到国际领先水平"]},
}
# Note ⑤ of table 1, the reason of the two tick criteria: the class's stage, as printed.
NOTE_5 = {
    "no_autonomy": "表示技术对外完全依赖，处于科技攻关阶段",
    "mature": "5级表示技术先进成熟并可开展大面积推广",
}
QUOTED = re.compile(r"“([^”]+)”")


def test_the_pool_rule_is_decision_t20_typed_in(data: dict) -> None:
    p = data["libraries"]["proposal"]
    assert p["official"] is False and p["decision"] == "T20"
    assert p["label"] == {"zh": "建议，非官方", "en": "advisory, not official"}
    pools = [x["id"] for x in data["libraries"]["items"]]
    assert [r["pool"] for r in p["rules"]] == pools == list(POOL_RULE)
    for r in p["rules"]:
        got = []
        for c in r["criteria"]:
            headers = {
                next(x for x in table(data, n)["columns"] if x["id"] == c["column"])["header"]["zh"]
                for n in c["tables"]
            }
            assert len(headers) == 1, c["id"]  # one column id, one official column
            got.append((c["id"], c["tables"], headers.pop(), c["kind"], c["grades"]))
        assert got == POOL_RULE[r["pool"]]


@pytest.mark.parametrize("name", GRADE_TEXTS)
def test_the_grades_a_criterion_takes_mean_what_the_notes_print(
    data: dict, seed: str, name: str
) -> None:
    c = next(
        c for r in data["libraries"]["proposal"]["rules"] for c in r["criteria"] if c["id"] == name
    )
    assert sorted(GRADE_TEXTS[name]) == c["tables"]
    for number, texts_typed in GRADE_TEXTS[name].items():
        column = next(x for x in table(data, number)["columns"] if x["id"] == c["column"])
        levels = {lv["level"]: lv["text"]["zh"] for lv in column["scale"]["levels"]}
        assert [levels[g] for g in c["grades"]] == texts_typed
        assert all(norm(t) in seed for t in texts_typed)


@pytest.mark.parametrize(("name", "stage"), NOTE_5.items())
def test_the_tick_criteria_rest_on_note_5(data: dict, seed: str, name: str, stage: str) -> None:
    c = next(
        c for r in data["libraries"]["proposal"]["rules"] for c in r["criteria"] if c["id"] == name
    )
    assert norm(stage) in seed
    assert stage in table(data, 1)["notes"][5]["text"]["zh"]
    quotes = QUOTED.findall(c["text"]["zh"])
    assert any(q in stage for q in quotes) and "注⑤" in c["text"]["zh"]


def test_every_official_words_the_pool_rule_quotes_are_in_the_seed(data: dict, seed: str) -> None:
    """The criteria's and decision T20's zh texts quote the official words they rest on; every
    quotation is in the seed (but the label, which is ours)."""
    p = data["libraries"]["proposal"]
    t20 = next(d for d in data["decisions"] if d["id"] == "T20")
    zh = [c["text"]["zh"] for r in p["rules"] for c in r["criteria"]]
    zh += [t20["text"]["zh"], t20["reason"]["zh"]]
    quotes = [q for t in zh for q in QUOTED.findall(t) if q != p["label"]["zh"]]
    assert len(quotes) >= 20
    assert [q for q in quotes if as_printed(q) not in seed] == []


def test_decision_t20_states_the_rule_says_it_is_not_official_and_leaves_the_rater_to_decide(
    data: dict,
) -> None:
    t20 = next(d for d in data["decisions"] if d["id"] == "T20")
    assert "非官方" in t20["title"]["zh"] and "not official" in t20["title"]["en"]
    assert "由填表人决定" in t20["text"]["zh"] and "the rater decides" in t20["text"]["en"]
    assert "不是官方分类" in t20["reason"]["zh"] and "not an official" in t20["reason"]["en"]
    for pool in data["libraries"]["items"]:  # the rule names every pool …
        assert pool["name"]["zh"] in t20["text"]["zh"] and pool["name"]["en"] in t20["text"]["en"]
    for header in ("差距和赶超难度", "国内外差距评价", "技术发展水平等级"):  # … and column it reads
        assert header in t20["text"]["zh"]
    assert (t20["applies_to"], t20["reuses"], t20["binding"]) == (["libraries"], [], "new")


def test_the_advisory_rule_is_ours_and_says_so(data: dict) -> None:
    a = data["advisory"]
    assert a["official"] is False and data["gap_overview"]["official"] is False
    assert a["label"] == {"zh": "建议值，非官方", "en": "advisory, not official"}
    assert a["reference_label"]["zh"] == "企业清单参考值（框架未设总体评价）"
    assert a["flip_base"] == 6
    assert [x["table"] for x in a["tables"]] == [1, 2, 4, 5, 6, 7, 8, 9]  # no table 3
    t1 = a["tables"][0]
    assert (t1["inputs"], t1["excluded"], t1["band"]) == (["level", "gap"], ["commonality"], True)
    assert a["tables"][5] == {"table": 7, "inputs": [], "excluded": [], "band": False}
    ref = a["enterprise_reference"]
    assert [v["value"] for v in ref["level_values"]] == [5, 4, 3, 2]
    assert ref["no_domestic_value"] == 1
    bands = data["gap_overview"]["bands"]
    assert [(b["min"], b["max"]) for b in bands] == [(0, 0), (0, 3), (3, 5), (5, 10), (10, None)]
    assert [b["max_inclusive"] for b in bands] == [True, True, True, True, False]


def test_texts_bilingual(data: dict) -> None:
    found = list(texts(data))
    assert len(found) > 300
    for path, t in found:
        assert isinstance(t["zh"], str) and t["zh"].strip(), path
        assert isinstance(t["en"], str) and t["en"].strip(), path
        assert t["en"].strip() != t["zh"].strip(), path
    # English is not Chinese: only decisions quote the official wording in Han characters
    for path, t in found:
        han = len(HAN.findall(t["en"]))
        assert han <= len(t["en"]) // 4, (path, t["en"])
        if ".decisions" not in path:
            assert not han, (path, t["en"])


def test_decisions(data: dict) -> None:
    ids = [d["id"] for d in data["decisions"]]
    assert ids == [f"T{n}" for n in range(1, len(ids) + 1)]
    reused = {x for d in data["decisions"] for x in d["reuses"]}
    assert reused == {f"D{n}" for n in range(1, 10)}  # every inventory §10 D reading
    for d in data["decisions"]:
        # every D reading is adopted by DECISIONS.md; T15 only uses D4's years for our overview
        if d["reuses"] and d["id"] != "T15":
            assert d["binding"] == "decisions_md", d["id"]
    t3 = next(d for d in data["decisions"] if d["id"] == "T3")
    assert t3["reuses"] == ["D6"] and "重建" in t3["title"]["zh"]


# ---- the seed: every official text, and facts typed in from it ----

# Typed in while reading the seed (L97-L886); each must be in the seed and in this file's text.
FACTS = [
    ("framework.text", "围绕产业技术供给和支撑2条主线"),
    ("framework.lines.items[0].text", "关键技术、物料清单、重点生产企业等技术供给线"),
    (
        "framework.grades.evaluation",
        "将关键技术又分为无自主能力的技术、需产业化的技术和成熟的可大面积推广的技术3类",
    ),
    ("instructions[3]", "不适用的表格需填写“不涉及”"),
    ("instructions[4]", "表9中如涉及到表4中研发设计类软件可注明同表4"),
    ("tables[0].notes[5]", "需产业化的技术对应关键技术清单总体评价中的2~3级"),
    ("tables[0].notes[0]", "5颗★代表环节内自主技术和产品处于“好用”阶段"),
    ("tables[2].notes[0]", "分为4种水平：国际领先、国际先进、国内领先、国内先进"),
    ("tables[4].notes[2]", "国内生产出与国外当前同等水平产品所需要的最短时间"),
    ("tables[6].notes[0]", "企业主导的事实标准"),
    ("tables[8].notes[0]", "共分为研发设计类、业务管理类、生产控制类、基础通用等软件"),
    ("libraries.texts[0]", "分类分级建立短板技术攻关库、长板技术储备库及先进适用技术推广库"),
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


@pytest.mark.parametrize(("repaired", "printed"), REPAIRS.items())
def test_a_repair_is_of_damage_the_seed_really_has(seed: str, repaired: str, printed: str) -> None:
    assert norm(printed) in seed and norm(repaired) not in seed


def test_the_seed_prints_no_document_number(seed: str) -> None:
    assert "〔2023〕" not in seed and "号" not in seed  # decision T1


def test_every_official_text_is_in_the_seed(data: dict, seed: str) -> None:
    """Verbatim up to whitespace, bracket width and the repairs of decision T2: every zh text but
    ours."""
    official = [(p, t) for p, t in texts(data) if not OURS.search(p)]
    assert len(official) > 250
    missing = [(p, t["zh"][:40]) for p, t in official if as_printed(t["zh"]) not in seed]
    assert not missing


def test_the_fixture_is_the_seed_excerpt_it_says() -> None:
    lines = SEED.read_text(encoding="utf-8").splitlines()
    assert all(line.startswith("# ") for line in lines[:4])
    assert lines[4].strip() == "制造业技术创新体系建设和应用实施意见"
    assert lines[-1].startswith("级代表所处水平与国外有 3~5年差距")
    assert len(lines) == 4 + 886
