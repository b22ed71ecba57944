"""Three national guides of the requirement library: the digital transformation
implementation guide (工信部联信发〔2024〕241号), the SME management improvement guide
(工信厅企业〔2024〕54号) and the notice on manufacturing pilot testing platforms with its
construction guide and table of key directions (工信厅科函〔2024〕346号). Their structure matches
counts typed in from the official text, every official Chinese text is in the seed, the English
is English, the pages show their headings and source line, and the search finds each page by
words from inside its sentences."""

from __future__ import annotations

import html
import json
import re
from pathlib import Path
from typing import Any

import pytest
import yaml

from build_scripts.paths import RUBRICS, SITE
from tests.build_scripts.rubric_texts import texts
from tests.build_scripts.test_library import OURS, norm
from tests.build_scripts.test_search_index import LIBRARY, model
from zhiping.model.requirement_document import RequirementDocument

ROOT = Path(__file__).resolve().parents[2]
SEED_001 = ROOT / "tests" / "fixtures" / "seed-001-dx-guide.txt"
SEED_003 = ROOT / "tests" / "fixtures" / "seed-003-guides.txt"
DX = "dx-implementation-guide-2024"
SME = "sme-management-improvement-guide-2024"
PILOT = "pilot-platforms-guide-2024"
DOCS = {DX: SEED_001, SME: SEED_003, PILOT: SEED_003}

# --- typed in from the official text (not read from the YAML) -------------------------------------

DX_TOP = ["总体要求", "分步组织实施", "聚焦场景突破", "强化分类推进", "强化政策保障"]
DX_STEPS = ["制定转型规划", "组织落地实施", "开展成效评估", "推进迭代优化"]
DX_SCENARIO_AREAS = [
    "强化研发设计云端协同",
    "推动生产过程智能转型",
    "加速运维服务模式创新",
    "促进经营管理流程优化",
    "提升供应链弹性和韧性",
    "探索跨场景集成优化",
]
DX_ENTERPRISE_TYPES = [
    "行业龙头企业引领“链式”转型",
    "大型企业加速“整体”转型",
    "中小企业实施“梯次”转型",
]
DX_MEASURES = [
    "加强组织落实",
    "加大政策支持",
    "健全标准体系",
    "完善服务支撑",
    "加强试点推广",
    "强化数据驱动",
    "加强安全保障",
    "建设人才队伍",
]
# The SME guide's 9 capability areas (chapters II-X) and their 30 requirements; chapter VI's heading
# ends in “和” as the seed prints it (decision L3).
SME_AREAS = {
    "提升企业战略管理能力": ["明确战略定位", "明晰市场定位", "塑造企业文化"],
    "提升企业人力资源管理能力": [
        "保障关键岗位人员配备",
        "完善薪酬制度",
        "完善培训体系",
        "增强员工福利",
    ],
    "提升创新管理能力": ["塑造创新文化", "加强产品创新", "加强知识产权管理", "鼓励客户参与"],
    "提升生产管理能力": [
        "实施精益生产",
        "推进生产智能化",
        "强化质量管理",
        "注重绿色生产",
        "加强应急管理",
    ],
    "提升供应链管理能力和": ["加强供应商管理", "加强库存和物流管理"],
    "提升营销管理能力": ["加强资质管理", "加强客户关系管理", "加强营销渠道管理"],
    "提升财务管理能力": ["加强现金流管理", "加强成本和预算管理", "加强内控内审", "加强融资管理"],
    "提升决策管理能力": ["规范企业治理", "推进数字化应用", "加强决策支持"],
    "提升公共形象管理能力": ["提升公共关系", "注重社会声誉和责任"],
}
SME_SAFEGUARDS = ["强化政策协同", "强化服务支撑", "强化统筹协调"]
PILOT_NOTICE = ["总体要求", "建设目标", "相关工作安排"]
PILOT_GUIDE = {
    "功能定位": [],
    "建设方向": ["原材料工业", "装备制造", "消费品工业", "信息技术", "新兴和未来产业", "共性需求"],
    "建设模式": [
        "政府投资公共服务",
        "高校院所成果转化",
        "多元主体联合共建",
        "企业运营市场服务",
        "企业建设适度开放",
        "龙头企业自主建设",
    ],
    "建设内容和路径": [
        "明确建设运营模式",
        "鼓励多元资金投入",
        "强化试验基础设施",
        "构建技术支撑体系",
        "搭建试验专业场景",
        "培育专业队伍",
        "提升自我运营能力",
        "提高公共服务水平",
    ],
    "保障措施": ["强化组织协调", "加强资源保障", "落实配套政策", "优化发展生态"],
}
# Annex 2: the 39 key directions by industry (the merged 行业 cell written on every row, row 19
# 纺织 under 消费品工业: decision L4).
PILOT_TABLE = {
    "原材料工业": ["石化化工", "钢铁", "有色金属", "无机非金属", "前沿材料"],
    "装备制造": [
        "电力设备",
        "石化通用设备",
        "汽车",
        "机械",
        "航空装备",
        "机器人",
        "仪器仪表",
        "工业母机",
        "新能源智能网联汽车",
        "轨道交通",
        "船舶与海洋工程装备",
        "医疗装备",
        "安全应急装备",
    ],
    "消费品工业": ["纺织", "轻工", "医疗器械", "药品"],
    "信息技术": [
        "集成电路",
        "智能终端",
        "基础软件和工业软件",
        "服务器",
        "新型显示",
        "通信设备",
        "新型工业网络",
    ],
    "新兴和未来产业": [
        "量子信息",
        "脑机接口",
        "元宇宙",
        "人工智能",
        "人形机器人",
        "北斗导航",
        "下一代互联网",
        "高端文旅装备",
        "深部资源勘探开发装备",
        "清洁低碳氢",
    ],
}
SOURCES = {
    DX: ("工信部联信发〔2024〕241号", None),
    SME: ("工信厅企业〔2024〕54号", "2024-08-29"),
    PILOT: ("工信厅科函〔2024〕346号", "2024-09-10"),
}


def data(doc_id: str) -> dict[str, Any]:
    loaded: dict[str, Any] = yaml.safe_load(
        (RUBRICS / "library" / f"{doc_id}.yaml").read_text("utf-8")
    )
    return loaded


def headings(sections: list[dict[str, Any]]) -> list[str]:
    return [s["heading"]["zh"] for s in sections]


def by_heading(sections: list[dict[str, Any]], zh: str) -> dict[str, Any]:
    (found,) = [s for s in sections if s["heading"]["zh"] == zh]
    return found


# --- structure ------------------------------------------------------------------------------------


def test_the_dx_guide_has_4_steps_6_scenario_areas_3_enterprise_types_8_measures() -> None:
    d = data(DX)
    top = d["sections"]
    assert headings(top) == DX_TOP
    assert [s["number"] for s in top] == ["一、", "二、", "三、", "四、", "五、"]
    assert headings(top[1]["sections"]) == DX_STEPS
    assert headings(top[2]["sections"]) == DX_SCENARIO_AREAS
    assert headings(top[3]["sections"]) == DX_ENTERPRISE_TYPES
    assert headings(top[4]["sections"]) == DX_MEASURES
    # the four principles of the general requirements, as printed at the head of each paragraph
    principles = [b["text"]["zh"].split("。")[0] for b in top[0]["blocks"][1:]]
    assert principles == [
        "坚持整体谋划，分步实施",
        "坚持问题导向，系统推进",
        "坚持需求导向，分类施策",
        "坚持市场主导，政府引导",
    ]
    # the plan step names the SME digital level evaluation, which the SME rubric is
    assert top[1]["sections"][0]["links"][0]["rubric"] == "sme-digital-level-2024"
    assert "中小企业数字化水平评测" in top[1]["sections"][0]["blocks"][0]["text"]["zh"]
    assert d["purpose"]["scored_by"] == []
    assert "典型场景参考" in d["purpose"]["text"]["zh"]


def test_the_sme_guide_has_11_chapters_9_areas_and_30_requirements() -> None:
    d = data(SME)
    top = d["sections"]
    assert len(top) == 11
    assert headings(top) == ["总体要求", *SME_AREAS, "加强组织保障"]
    got = {s["heading"]["zh"]: headings(s["sections"]) for s in top[1:10]}
    assert got == SME_AREAS
    assert sum(len(v) for v in got.values()) == 30
    assert headings(top[10]["sections"]) == SME_SAFEGUARDS
    # chapter VI's heading is kept as printed and says so
    vi = top[5]
    assert vi["number"] == "六、" and vi["heading"]["en"].endswith("…")
    (l3,) = [x for x in d["decisions"] if x["id"] == "L3"]
    assert l3["applies_to"] == [vi["id"]]


def test_the_pilot_notice_has_3_parts_and_2_annexes_with_the_guide_s_5_chapters() -> None:
    d = data(PILOT)
    top = d["sections"]
    assert headings(top) == [
        *PILOT_NOTICE,
        "附件1：制造业中试平台建设指引（2024版）",
        "附件2：制造业中试平台重点方向建设要点（2024版）",
    ]
    assert [s.get("number") for s in top] == ["一、", "二、", "三、", None, None]
    guide = top[3]["sections"]
    assert {s["heading"]["zh"]: headings(s.get("sections", [])) for s in guide} == PILOT_GUIDE
    # part III's four items are numbered paragraphs, then the annex list and the signature
    arrangements = [b["text"]["zh"] for b in top[2]["blocks"] if b["type"] == "paragraph"]
    assert [a[:3] for a in arrangements[:4]] == ["（一）", "（二）", "（三）", "（四）"]
    assert arrangements[-2:] == ["工业和信息化部办公厅", "2024年9月10日"]


def test_the_pilot_table_has_39_key_directions_by_industry() -> None:
    (table,) = [b for b in data(PILOT)["sections"][4]["blocks"] if b["type"] == "table"]
    assert [c["zh"] for c in table["columns"]] == ["序号", "行业", "重点方向", "建设要点"]
    rows = table["rows"]
    assert len(rows) == 39 == sum(len(v) for v in PILOT_TABLE.values())
    assert [r[0]["zh"] for r in rows] == [str(n) for n in range(1, 40)]
    want = [(industry, d) for industry, ds in PILOT_TABLE.items() for d in ds]
    assert [(r[1]["zh"], r[2]["zh"]) for r in rows] == want
    assert all(len(r) == 4 and r[3]["zh"] and r[3]["en"] for r in rows)
    assert "L4" in table["note"]["zh"]
    # the same directions as the guide's chapter II names for information technology
    guide_it = by_heading(
        by_heading(data(PILOT)["sections"], "附件1：制造业中试平台建设指引（2024版）")["sections"],
        "建设方向",
    )["sections"][3]["blocks"][0]["text"]["zh"]
    assert all(d in guide_it for d in PILOT_TABLE["信息技术"])


@pytest.mark.parametrize("doc_id", list(DOCS))
def test_the_source_is_as_printed(doc_id: str) -> None:
    src = data(doc_id)["source"]
    number, date = SOURCES[doc_id]
    assert (src["number"], src["date"]) == (number, date)
    assert src["signed"] is False  # each signature closes a covering notice, not the text
    if date is None:
        assert src["missing"] == {"date": "L1"}
    else:
        assert "missing" not in src and src["issuer"]["zh"] == "工业和信息化部办公厅"
    seed = norm(DOCS[doc_id].read_text(encoding="utf-8"))
    assert norm(number) in seed


@pytest.mark.parametrize("doc_id", list(DOCS))
def test_the_model_round_trips(doc_id: str) -> None:
    d = data(doc_id)
    m = RequirementDocument.from_dict(d)
    assert m.to_dict() == d
    assert RequirementDocument.from_dict(m.to_dict()) == m


# --- transcription --------------------------------------------------------------------------------


@pytest.mark.parametrize("doc_id", list(DOCS))
def test_every_official_text_is_in_the_seed(doc_id: str) -> None:
    """Verbatim up to whitespace and bracket width (the typesetting decision): every zh text but
    ours."""
    seed = norm(DOCS[doc_id].read_text(encoding="utf-8"))
    official = [(p, t) for p, t in texts(data(doc_id)) if not OURS.search(p)]
    assert len(official) > 25
    missing = [(p, t["zh"][:40]) for p, t in official if norm(t["zh"]) not in seed]
    assert not missing


def test_the_seed_excerpts_hold_the_signatures_and_the_compilation_headings() -> None:
    s3 = norm(SEED_003.read_text(encoding="utf-8"))
    assert norm("工业和信息化部办公厅 2024年8月29日 工业中小企业管理提升指南（试行）") in s3
    assert norm("工业和信息化部办公厅 2024年9月10日 附件1：") in s3
    assert norm("工信部发文加快布局建设制造业中试平台 170") in s3
    s1 = norm(SEED_001.read_text(encoding="utf-8"))
    assert (
        norm("3. 《关于印发〈制造业企业数字化转型实施指南〉的通知》（工信部联信发〔2024〕241号）")
        in s1
    )


# --- pages ----------------------------------------------------------------------------------------


def page(doc_id: str, lang: str) -> str:
    path = SITE / ("en/" if lang == "en" else "") / "library" / doc_id / "index.html"
    assert path.exists(), "build the site first"
    return path.read_text(encoding="utf-8")


def h2s(page_html: str) -> list[str]:
    return [
        html.unescape(re.sub(r"<[^>]+>", "", h)).rstrip("¶")
        for h in re.findall(r"<h2 id=\"[^\"]+\">(.*?)</h2>", page_html, flags=re.S)
    ]


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("doc_id", list(DOCS))
def test_each_top_level_heading_is_on_the_page(doc_id: str, lang: str) -> None:
    got = h2s(page(doc_id, lang))
    want = [s["heading"][lang] for s in data(doc_id)["sections"]]
    assert len(got) == len(want) + 1  # and our decisions
    assert all(w in g for w, g in zip(want, got[:-1], strict=True)), (got, want)


DATES = {
    "zh": {DX: "所据文本未载", SME: "2024年8月29日", PILOT: "2024年9月10日"},
    "en": {DX: "Not printed", SME: "29 August 2024", PILOT: "10 September 2024"},
}


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("doc_id", list(DOCS))
def test_the_source_line_is_at_the_top(doc_id: str, lang: str) -> None:
    p = page(doc_id, lang)
    top = p[: p.index('<div id="text"')]
    d = data(doc_id)
    assert d["source"]["number"] in top
    assert html.escape(d["source"]["issuer"][lang], quote=False) in top
    assert DATES[lang][doc_id] in top


def test_the_pilot_table_is_a_table_on_both_pages() -> None:
    for lang, cells in (("zh", ("脑机接口", "清洁低碳氢")), ("en", ("Brain-computer", "BeiDou"))):
        p = page(PILOT, lang)
        (table,) = re.findall(r"<table>.*?</table>", p, flags=re.S)
        assert table.count("<tr>") == 40  # header and 39 rows
        assert all(c in table for c in cells)


# --- search ---------------------------------------------------------------------------------------

DX_PAGE = f"library/{DX}/"
SME_PAGE = f"library/{SME}/"
PILOT_PAGE = f"library/{PILOT}/"
# (language, a term from inside a sentence or a table cell of the document, the page it must find)
CASES = [
    ("zh", "上云用数赋智", DX_PAGE),  # small and micro enterprises, IV (3)
    ("zh", "数商", DX_PAGE),  # data merchants, V (4)
    ("en", "upward spiral", DX_PAGE),
    ("en", "unicorn", DX_PAGE),
    ("zh", "家族企业", SME_PAGE),
    ("en", "succession", SME_PAGE),
    ("en", "cash reserves", SME_PAGE),
    ("zh", "脑机接口", PILOT_PAGE),  # a key direction of the table
    ("zh", "钙钛矿", PILOT_PAGE),  # inside a table cell
    ("en", "qubit", PILOT_PAGE),
    ("en", "2027", PILOT_PAGE),  # the target year of the notice
]


@pytest.mark.parametrize(("lang", "term", "page"), CASES, ids=[c[1] for c in CASES])
def test_a_term_finds_its_document(lang: str, term: str, page: str) -> None:
    """The document is among the first three pages listed (the glossary, which defines some of
    these terms, may come first)."""
    doc = LIBRARY[page.split("/")[1]]
    assert term.lower() in json.dumps(doc, ensure_ascii=False).lower()  # taken from the document
    pages = model(lang).pages(term)
    assert page in pages[:3], pages
