"""The two intelligent manufacturing scenario guides (2024 and 2025 editions) and the smart-factory
KPI table of the requirement library: the official names typed in by hand from the seeds, the
transcription against the seed excerpts, the two copies of the 2024 guide and their differences,
the agreement with the national checklist that holds the 2025 guide and the KPI table too, the
links to the rubric pages that score the scenarios, the pages and the search."""

from __future__ import annotations

import html
import json
import re
from pathlib import Path
from typing import Any

import pytest
import yaml

from build_scripts.load import load
from build_scripts.paths import RUBRICS, SITE
from tests.build_scripts.rubric_texts import texts
from tests.build_scripts.test_library import (
    OURS,
    copy_rubrics,
    edit,
    issues_of,
    norm,
)
from tests.build_scripts.test_search_index import LIBRARY, model
from zhiping.model.requirement_document import RequirementDocument

ROOT = Path(__file__).resolve().parents[2]
SEED_001 = ROOT / "tests" / "fixtures" / "seed-001-scenarios.txt"
SEED_003 = ROOT / "tests" / "fixtures" / "seed-003-scenarios.txt"
G2025 = "smart-manufacturing-scenarios-2025"
G2024 = "smart-manufacturing-scenarios-2024"
KPI = "smart-factory-kpi-reference-2025"
DOCS = (G2025, G2024, KPI)
NATIONAL = "smart-factory-national-2025"
JIANGSU = "smart-factory-tier-jiangsu-2025"
MONGOLIA = "smart-factory-tier-inner-mongolia-2025"

# --- typed in by hand from the seeds (not read from any YAML) -------------------------------------

# 001 L956-1146: the 8 segments of the 2025 guide and their scenarios, numbered 1-40 straight
# through.
SCENARIOS_2025 = {
    "工厂建设环节": ["工厂数字化规划设计", "数字基础设施建设", "数字孪生工厂构建"],
    "产品研发环节": ["产品数字化设计", "产品虚拟验证"],
    "工艺设计环节": ["工艺数字化设计", "制造工程优化"],
    "生产管理环节": [
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
    ],
    "生产作业环节": [
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
    ],
    "运营管理环节": ["智能经营决策", "数智精益管理", "规模化定制", "产品精准营销"],
    "产品服务环节": ["远程运维服务", "产品增值服务", "客户主动服务"],
    "供应链管理环节": [
        "供应商数字化管理",
        "采购计划优化协同",
        "供应链风险预警与调度",
        "供应链物流智能配送",
    ],
}
# 003 L1473-1670: the 15 segments of the 2024 guide and their scenarios (the copy shown).
SCENARIOS_2024 = {
    "工厂建设": ["工厂数字化设计与交付", "数字孪生工厂运营优化"],
    "产品设计": ["产品数字化研发设计", "虚拟验证与中试"],
    "工艺设计": ["工艺数字化设计", "可制造性设计"],
    "计划调度": ["生产计划优化", "智能排产调度"],
    "生产作业": ["产线柔性配置", "人机协同作业", "工艺动态优化", "先进过程控制", "数智精益管理"],
    "质量管控": ["在线智能检测", "质量追溯与分析改进"],
    "设备管理": ["设备运行监控", "设备智能运维"],
    "仓储物流": ["智能仓储", "精准配送"],
    "安全管控": ["危险作业自动化", "安全一体化管控"],
    "能碳管理": ["能源智能管控", "碳资产全生命周期管理"],
    "环保管理": ["污染在线管控"],
    "营销与售后": ["智慧营销管理", "产品智能运维", "智能客户服务"],
    "供应链管理": ["供应链计划协同优化", "供应商数智化管理", "供应链物流智能配送"],
    "信息基础设施": ["先进工业网络应用", "工业信息安全管控", "工厂数据资源管理"],
    "多环节模式创新": [
        "数据驱动产品研发",
        "大规模个性化定制",
        "网络协同制造",
        "研产供销服深度集成",
        "弹性供应链",
        "全员数字化管理",
        "可持续制造",
    ],
}
# 001 L842-872: the KPI table's 5 groups and 21 indicators (name and unit as printed).
KPIS = {
    "能力提升类指标": [
        "关键设备数控化率（%）",
        "先进过程控制投用率（%）",
        "数字化生产设备普及率（%）",
        "应用人工智能技术场景比例（%）",
        "工厂应用人工智能模型数量（个）",
    ],
    "价值效益类指标": ["研制周期缩短（%）", "销售增长率（%）"],
    "生产运营效率类指标": [
        "生产效率提升（%）",
        "资源综合利用率提升（%）",
        "产品不良率下降（%）",
        "设备综合利用率提升（%）",
        "库存周转率提升（%）",
        "供应商准时交付率提升（%）",
        "订单准时交付率提升（%）",
        "单位产值运营成本下降（%）",
        "全员劳动生产率提升（%）",
    ],
    "可持续发展类指标": [
        "单位产值综合能耗降低（%）",
        "单位产值二氧化碳（CO₂）排放量降低（%）",
        "一般固废综合利用率（%）",
        "水资源重复利用率（%）",
    ],
    "推广应用类指标": ["先进制造模式/解决方案向产业链供应链上下游复制推广的企业数量（家）"],
}
# Where the two copies of the 2024 guide differ (003 shown, 001 in a note): scenario → (003, 001).
COPY_DIFFERENCES = {
    18: [("拣选智能化，", "拣选的智能化管理，")],
    31: [("部署5G工业专网", "部署5G专网")],
    33: [("数据跨区域控制", "数据跨域控制"), ("安全可信流通", "安全可靠流通")],
}
NAME_DIFFERENCES = {32: ("工业信息安全管控", "工业信息安全监管")}
# The tier tables list guide scenarios 20/21 and 29/30 in swapped order (001 L2028-2029,
# L2042-2043).
TABLE_ROW = {n: n for n in range(1, 41)} | {20: 21, 21: 20, 29: 30, 30: 29}


def data(doc_id: str) -> dict[str, Any]:
    loaded: dict[str, Any] = yaml.safe_load(
        (RUBRICS / "library" / f"{doc_id}.yaml").read_text("utf-8")
    )
    return loaded


def rubric(rid: str) -> dict[str, Any]:
    loaded: dict[str, Any] = yaml.safe_load((RUBRICS / f"{rid}.yaml").read_text("utf-8"))
    return loaded


def guide(d: dict[str, Any]) -> dict[str, Any]:
    found: list[dict[str, Any]] = [s for s in d["sections"] if s["id"] == "guide"]
    (g,) = found
    return g


def scenarios(d: dict[str, Any]) -> list[dict[str, Any]]:
    return [s for seg in guide(d)["sections"] for s in seg["sections"]]


def paragraph(s: dict[str, Any]) -> dict[str, Any]:
    blocks: list[dict[str, Any]] = s["blocks"]
    (b,) = blocks
    assert b["type"] == "paragraph"
    return b


def links(node: Any) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    if isinstance(node, dict):
        out += node.get("links", [])
        for v in node.values():
            out += links(v)
    elif isinstance(node, list):
        for v in node:
            out += links(v)
    return out


def seed_text(path: Path) -> str:
    return "".join(x for x in path.read_text("utf-8").splitlines(True) if not x.startswith("#"))


def jiangsu_copy() -> dict[int, tuple[str, str]]:
    """The 2024 guide's 40 scenarios in the Jiangsu copy (001 L1607-1821): number → (name, text)."""
    text = seed_text(SEED_001)
    text = text[text.index("14. 《智能制造典型场景参考指引（2024年版）》") :]
    out: dict[int, tuple[str, str]] = {}
    current = 0
    for line in text.splitlines():
        m = re.fullmatch(r"(\d+)\. (\S{2,12})", line.strip())
        if m and int(m[1]) == current + 1:
            current = int(m[1])
            out[current] = (m[2], "")
        elif current and line.strip() and not re.fullmatch(r"[一二三四五六七八九十]+、\S+", line):
            out[current] = (out[current][0], out[current][1] + line.strip())
    return out


# --- the data -------------------------------------------------------------------------------------


def test_the_three_documents_load_in_the_national_group() -> None:
    catalog = load()
    assert set(DOCS) <= set(catalog.library)
    assert {catalog.library_models[d].group for d in DOCS} == {"national"}


def test_the_2025_guide_has_8_segments_and_40_scenarios_numbered_straight_through() -> None:
    d = data(G2025)
    got = {
        seg["heading"]["zh"]: [s["heading"]["zh"] for s in seg["sections"]]
        for seg in guide(d)["sections"]
    }
    assert got == SCENARIOS_2025
    assert [seg["number"] for seg in guide(d)["sections"]] == [f"{n}、" for n in "一二三四五六七八"]
    assert [s["number"] for s in scenarios(d)] == [f"{n}." for n in range(1, 41)]
    assert [s["id"] for s in scenarios(d)] == [f"scenario-{n}" for n in range(1, 41)]
    src = d["source"]
    assert (src["number"], src["date"]) == ("工信厅通装函〔2025〕155号", "2025-04-19")
    assert src["issuer"]["zh"] == "工业和信息化部办公厅"
    assert src["seed"] == {"file": "001_2d053a39491fa57c.txt", "lines": [940, 1146]}


def test_the_2024_guide_has_15_segments_and_40_scenarios_numbered_straight_through() -> None:
    d = data(G2024)
    got = {
        seg["heading"]["zh"]: [s["heading"]["zh"] for s in seg["sections"]]
        for seg in guide(d)["sections"]
    }
    assert got == SCENARIOS_2024
    assert sum(len(v) for v in got.values()) == 40
    assert [s["number"] for s in scenarios(d)] == [f"{n}." for n in range(1, 41)]
    src = d["source"]
    assert (src["number"], src["date"]) == ("工信厅联通装函〔2024〕361号", "2024-09-19")
    assert src["seed"] == {"file": "003_f1f782ff31cba64c.txt", "lines": [1455, 1670]}
    # the notice (addressees, text, annex line, signature, date) is the opening text
    assert [b["text"]["zh"] for b in d["preamble"]][-3:] == [
        "附件：智能制造典型场景参考指引（2024年版）",
        "工业和信息化部办公厅",
        "2024年9月19日",
    ]


def test_the_kpi_table_has_21_indicators_in_5_groups() -> None:
    d = data(KPI)
    got = {}
    for s in d["sections"]:
        (table,) = s["blocks"]
        assert [c["zh"] for c in table["columns"]] == ["序号", "智能工厂建设关键绩效指标"]
        got[s["heading"]["zh"]] = [row[1]["zh"] for row in table["rows"]]
    assert got == KPIS
    numbers = [row[0]["zh"] for s in d["sections"] for row in s["blocks"][0]["rows"]]
    assert numbers == [str(n) for n in range(1, 22)]
    assert [s["number"] for s in d["sections"]] == [f"（{n}）" for n in "一二三四五"]
    assert d["source"]["number"] == "工信厅联通装函〔2025〕251号"


@pytest.mark.parametrize("doc_id", DOCS)
def test_the_model_round_trips(doc_id: str) -> None:
    d = data(doc_id)
    m = RequirementDocument.from_dict(d)
    assert m.to_dict() == d
    assert RequirementDocument.from_dict(m.to_dict()) == m


# --- transcription --------------------------------------------------------------------------------


SEEDS = [(G2025, SEED_001), (KPI, SEED_001), (G2024, SEED_003)]


@pytest.mark.parametrize(("doc_id", "seed"), SEEDS)
def test_every_official_text_is_in_the_seed(doc_id: str, seed: Path) -> None:
    """Verbatim up to whitespace and bracket width (the typesetting decisions)."""
    text = norm(seed_text(seed))
    official = [(p, t) for p, t in texts(data(doc_id)) if not OURS.search(p)]
    assert len(official) > 20
    missing = [(p, t["zh"][:40]) for p, t in official if norm(t["zh"]) not in text]
    assert not missing


def test_the_2024_copies_differ_in_scenarios_18_31_32_and_33_only() -> None:
    """Compared word for word, the Jiangsu copy (001) differs from the copy shown (003) where the
    decisions L3-L6 say; each such scenario carries a note quoting the other copy."""
    d = data(G2024)
    other = jiangsu_copy()
    assert sorted(other) == list(range(1, 41))
    notes = {}
    for n, s in enumerate(scenarios(d), start=1):
        name, text = other[n]
        shown = norm(paragraph(s)["text"]["zh"])
        for ours, theirs in COPY_DIFFERENCES.get(n, []):
            assert norm(ours) in shown and norm(theirs) not in shown
            shown = shown.replace(norm(ours), norm(theirs))
        assert shown == norm(text), n
        expected_name = NAME_DIFFERENCES.get(n, (name, name))
        assert (s["heading"]["zh"], name) == expected_name, n
        if "note" in paragraph(s):
            notes[n] = paragraph(s)["note"]["zh"]
    assert sorted(notes) == [18, 31, 32, 33]
    for n, pairs in COPY_DIFFERENCES.items():
        assert all(theirs.rstrip("，") in notes[n] for _, theirs in pairs)
    assert NAME_DIFFERENCES[32][1] in notes[32]
    decided = {a for x in d["decisions"] for a in x["applies_to"] if a.startswith("scenario-")}
    assert decided == {"scenario-18", "scenario-31", "scenario-32", "scenario-33"}


def test_only_the_association_copy_has_the_notice_and_the_preamble() -> None:
    d = data(G2024)
    intro = guide(d)["blocks"][0]["text"]["zh"]
    assert "凝练总结了15个环节的40个智能制造典型场景" in intro
    assert norm(intro) not in norm(seed_text(SEED_001))
    assert norm(intro) in norm(seed_text(SEED_003))


# --- agreement with the national checklist, which holds the 2025 guide and the KPI table too ------


def test_the_2025_guide_reads_as_the_national_checklist_holds_it() -> None:
    d, r = data(G2025), rubric(NATIONAL)
    for s, x in zip(scenarios(d), r["scenarios"], strict=True):
        assert s["id"] == f"scenario-{x['number']}"
        assert s["heading"] == x["name"]
        assert paragraph(s)["text"] == x["text"]
    assert guide(d)["blocks"][0]["text"] == r["guide_intro"]
    segs = [(seg["number"] + seg["heading"]["zh"]) for seg in guide(d)["sections"]]
    assert segs == [g["heading"]["zh"] for g in r["guide_segments"]]
    for seg, g in zip(guide(d)["sections"], r["guide_segments"], strict=True):
        members = [s["number"] for s in r["scenarios"] if s["guide_segment"] == g["id"]]
        assert [s["number"] for s in seg["sections"]] == [f"{n}." for n in members]
    assert r["source"]["documents"][1]["number"] == d["source"]["number"]


def test_the_kpi_table_reads_as_the_national_checklist_holds_it() -> None:
    d, r = data(KPI), rubric(NATIONAL)
    groups = {g["id"]: g for g in r["kpi_groups"]}
    rows = [(s, row) for s in d["sections"] for row in s["blocks"][0]["rows"]]
    assert len(rows) == len(r["kpis"]) == 21
    for (s, (number, cell)), k in zip(rows, r["kpis"], strict=True):
        g = groups[k["group"]]
        assert s["id"] == f"group-{g['id']}" and s["number"] == g["label"]
        assert s["heading"] == g["name"]
        assert number["zh"] == str(k["number"])
        assert cell["zh"] == f"{k['name']['zh']}（{k['unit']['zh']}）"
        assert cell["en"].startswith(" ".join(k["name"]["en"].split()) + " (")
    assert r["kpi_table_title"] == d["title"]
    # indicator 4 is the share the checklist computes
    capability = d["sections"][0]["blocks"][0]
    assert capability["rows"][r["ai_share_kpi"] - 1][1]["zh"].startswith("应用人工智能技术场景比例")


# --- links ----------------------------------------------------------------------------------------


def anchors(rid: str) -> set[str]:
    page = SITE / "rubrics" / rid / "index.html"
    assert page.exists(), "run the build first"
    return set(re.findall(r'id="([^"]+)"', page.read_text("utf-8")))


@pytest.mark.parametrize("doc_id", DOCS)
def test_every_link_names_an_anchor_on_the_rubric_page(doc_id: str) -> None:
    found = links(data(doc_id))
    assert found
    for link in found:
        assert link["anchor"] in anchors(link["rubric"]), link


def test_each_2025_scenario_and_segment_links_to_the_same_item_of_the_national_checklist() -> None:
    d = data(G2025)
    for n, s in enumerate(scenarios(d), start=1):
        assert [(x["rubric"], x["anchor"]) for x in s["links"]] == [(NATIONAL, f"scenario-{n}")]
    ids = ["factory", "product-rd", "process-design", "production-mgmt", "production"]
    ids += ["operations", "product-service", "supply-chain"]
    assert [seg["links"][0]["anchor"] for seg in guide(d)["sections"]] == [
        f"guide-{i}" for i in ids
    ]
    assert len(links(d)) == 48
    assert d["purpose"]["scored_by"] == [NATIONAL]


def test_each_2024_scenario_links_to_its_row_of_both_tier_tables() -> None:
    d = data(G2024)
    tables = {r: {s["number"]: s for s in rubric(r)["scenarios"]} for r in (JIANGSU, MONGOLIA)}
    for n, s in enumerate(scenarios(d), start=1):
        row = TABLE_ROW[n]
        assert [(x["rubric"], x["anchor"]) for x in s["links"]] == [
            (JIANGSU, f"scenario-{row}"),
            (MONGOLIA, f"scenario-{row}"),
        ]
        for rid, table in tables.items():
            assert table[row]["guide_2024"]["number"] == n, (rid, n)  # the rubrics say so too
    assert len(links(d)) == 80
    assert set(d["purpose"]["scored_by"]) == {JIANGSU, MONGOLIA}
    # no link to another edition or to the SME scenarios: no certain correspondence
    assert {x["rubric"] for x in links(d)} == {JIANGSU, MONGOLIA}


def test_each_kpi_group_links_to_its_group_on_the_national_checklist() -> None:
    d = data(KPI)
    groups = ("capability", "value", "efficiency", "sustainability", "promotion")
    assert [s["links"][0]["anchor"] for s in d["sections"]] == [f"kpi-group-{g}" for g in groups]
    capability = d["sections"][0]["blocks"][0]
    assert [x["anchor"] for x in capability["links"]] == [
        "tier-excellence-outcomes",
        "tier-leading-outcomes",
    ]


# --- numbering: scenarios 1-40 straight through across the segments ------------------------------


def test_section_numbers_may_continue_the_previous_group_but_not_skip(tmp_path: Path) -> None:
    folder = copy_rubrics(tmp_path)

    def skip(d: dict[str, Any]) -> None:
        last = d["sections"][1]["sections"][7]  # 八、供应链管理环节: 37. to 40.
        last["sections"][3]["number"] = "41."

    edit(folder, G2025, skip)
    found = {(p, c) for f, p, c in issues_of(folder) if f == f"{G2025}.yaml"}
    assert found == {("sections[1].sections[7].sections", "numbering")}


# --- pages ----------------------------------------------------------------------------------------


def page_text(doc_id: str, lang: str) -> str:
    path = SITE / ("en/" if lang == "en" else "") / "library" / doc_id / "index.html"
    assert path.exists(), "run the build first"
    raw = re.sub(r"<script.*?</script>", " ", path.read_text("utf-8"), flags=re.S)
    return re.sub(r"\s+", " ", html.unescape(re.sub(r"<[^>]+>", " ", raw)))


SOURCE_LINES = {
    G2025: {"zh": "2025年4月19日", "en": "19 April 2025"},
    G2024: {"zh": "2024年9月19日", "en": "19 September 2024"},
    KPI: {"zh": "2025年6月19日", "en": "19 June 2025"},
}


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("doc_id", DOCS)
def test_the_page_shows_its_source_first_and_every_heading(doc_id: str, lang: str) -> None:
    d = data(doc_id)
    text = page_text(doc_id, lang)
    source = text.index("文号" if lang == "zh" else "Document number")
    body = text.index(d["sections"][0]["heading"][lang], source)
    top = text[source:body]
    assert d["source"]["number"] in top
    assert SOURCE_LINES[doc_id][lang] in top
    assert d["source"]["issuer"][lang].split("、")[0] in top
    headings = [s["heading"][lang] for s in d["sections"]]
    headings += [s["heading"][lang] for s in d["sections"][-1].get("sections", [])]
    for h in headings:
        assert h in text[body - 1 :], h


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_every_scenario_heading_is_on_the_page_with_its_number(lang: str) -> None:
    for doc_id in (G2025, G2024):
        text = page_text(doc_id, lang)
        for s in scenarios(data(doc_id)):
            assert f"{s['number']} {s['heading'][lang]}" in text, (doc_id, s["number"])


def test_the_notes_on_the_copy_differences_are_on_both_pages() -> None:
    zh, en = page_text(G2024, "zh"), page_text(G2024, "en")
    assert "工业信息安全监管" in zh and "工业信息安全监管" in en
    assert zh.count("本站说明") >= 4 and en.count("Our note") >= 4  # rubric_text.our_note
    assert "部署5G专网" in zh and "private 5G networks" in en


# --- search ---------------------------------------------------------------------------------------

P2025, P2024, PKPI = (f"library/{d}/" for d in DOCS)
SEARCH_CASES = [
    ("zh", "电动扭矩扳手", P2025),  # scenario 29 of 2025, inside a sentence
    ("zh", "参数放行", P2025),  # scenario 24 of 2025
    ("en", "parametric release", P2025),
    ("en", "upgraded version", P2025),  # the notice
    ("zh", "研产供销服", P2024),  # scenario 37 of 2024
    ("zh", "升级版", P2024),  # the notice
    ("en", "trial production", P2024),  # scenario 6
    ("en", "shared production capacity", P2024),  # scenario 36
    ("en", "19 September 2024", P2024),  # the signature date
    ("zh", "先进过程控制投用率", PKPI),  # KPI 2
    ("zh", "CO₂", PKPI),  # KPI 18
    ("en", "CO₂", PKPI),
]


@pytest.mark.parametrize(("lang", "term", "page"), SEARCH_CASES, ids=[c[1] for c in SEARCH_CASES])
def test_a_term_finds_its_document(lang: str, term: str, page: str) -> None:
    """The document is among the first three pages listed (the national checklist, which holds
    the 2025 guide and the KPI table too, or the glossary may come first)."""
    doc = LIBRARY[page.split("/")[1]]
    assert term.lower() in json.dumps(doc, ensure_ascii=False).lower()  # taken from the document
    pages = model(lang).pages(term)
    assert page in pages[:3], pages
