"""The equipment renewal guide of the requirement library (工信厅规〔2024〕33号,
rubrics/library/equipment-renewal-guide-2024.yaml): its notice, 27 key industries and 4 key
domains with their targets, policy and standards basis and key directions, checked against
chapter names and counts typed in from the official text and against the seed excerpt; its pages
in both languages; and the terms that find it."""

from __future__ import annotations

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
DOC = "equipment-renewal-guide-2024"
PAGE = f"library/{DOC}/"
SEED = ROOT / "tests" / "fixtures" / "seed-003-renewal.txt"

# Typed in from the official text (seed 003 L688-1453): each chapter and its number of key
# directions, in printed order.
INDUSTRIES = [
    ("石化化工行业", 5),
    ("钢铁行业", 6),
    ("有色金属行业", 5),
    ("建材行业", 6),
    ("汽车行业", 3),
    ("工程机械行业", 5),
    ("重型机械行业", 5),
    ("基础零部件与基础制造工艺行业", 4),
    ("工业机器人行业", 3),
    ("工业母机行业", 6),
    ("船舶行业", 5),
    ("航空行业", 7),
    ("石化通用装备行业", 4),
    ("轨道交通装备行业", 4),
    ("农机装备行业", 9),
    ("医疗装备行业", 7),
    ("电力装备行业", 5),
    ("食品行业", 10),
    ("纺织行业", 5),
    ("轻工行业", 11),
    ("医药行业", 6),
    ("电子组装行业", 4),
    ("电子元器件和电子材料行业", 6),
    ("锂电池行业", 7),
    ("仪器仪表行业", 6),
    ("光伏行业", 5),
    ("民爆行业", 5),
]
DOMAINS = [("工业软件领域", 3), ("工业网络设备", 5), ("绿色节能设备", 7), ("安全应急装备", 4)]
SUBSECTIONS = ["设备更新目标", "政策和标准依据", "重点方向"]
CN = "一二三四五六七八九十"

# Figures of the targets, typed in from the official text (chapter id → what its target states).
TARGET_FIGURES = {
    "petrochemical-chemical": [
        "超过20年",
        "3级及以上企业比例达到15%以上",
        "4级及以上企业比例达到7%以上",
        "关键工序数控化率达到85%以上",
        "数字化研发设计工具普及率达到75%以上",
    ],
    "steel": [
        "80%以上钢铁产能完成超低排放改造",
        "30%以上钢铁产能达到能效标杆水平",
        "关键工序数控化率达到80%",
    ],
    "nonferrous-metals": [
        "吨铝碳减排5%",
        "节电200kWh",
        "淘汰200kA以下预焙阳极铝电解槽",
        "35%以上电解铝产能",
        "55%以上铜、铅、锌冶炼产能",
    ],
    "building-materials": [
        "20%以上平板玻璃生产线",
        "数字化转型成熟度3级及以上的企业比例达到20%以上",
    ],
    "machine-tools": ["分别超过90%、75%"],
    "shipbuilding": [
        "切割效率提升15%",
        "VOCs排放下降20%",
        "30m²/h以上",
        "焊接设备数字化率90%以上",
        "建造效率提高10%",
    ],
    "petrochemical-equipment": ["1个数量级（到0.01mm或更高精度）"],
    "rail-transit-equipment": [
        "机电软协同设计效率提升30%",
        "生产制造效率提升20%",
        "PHM系统运维效率提升30%",
    ],
    "agricultural-machinery": ["设备更新率达到30%", "能耗下降15%以上"],
    "textiles": ["降低5%—10%", "超25万台（套）设备", "拉动投资2500亿元"],
    "light-industry": ["超10万台（套）设备", "拉动投资预计2000亿元"],
    "electronics-assembly": ["改造设备10000台（套）"],
    "photovoltaics": ["效率提高5%以上"],
    "civil-explosives": ["现场操作人员不大于3人"],
    "industrial-software": ["约200万套工业软件和80万台套工业操作系统"],
    "industrial-network-equipment": [
        "80%的规模以上制造业企业",
        "部署超过100万台",
        "项目数超过2万个",
    ],
    "green-energy-saving-equipment": [
        "较2023年提高10、10、15个百分点",
        "综合利用率超过57%",
        "提升2000万吨左右",
        "漂水率不高于0.005%",
        "漂水率不高于0.01%",
    ],
}
# Standard numbers typed in from the basis of some chapters (chapter id → numbers).
STANDARDS = {
    "petrochemical-chemical": ["GB21344—2015", "GB/T39116—2020"],
    "heavy-machinery": ["GB/T37400", "GB6067", "GB/T36697—2018"],
    "medical-equipment": ["GB9706.1—2020", "GB/T42061—2022", "YY/T0664—2020"],
    "aviation": ["CCAR-25", "ITSS"],
    "electronics-assembly": ["IPC-A-610", "J-STD-001E", "IEC61190-1-2"],
    "green-energy-saving-equipment": ["GB18613—2020", "GB/T7190.3—2018", "GB/T13586—2021"],
    "safety-emergency-equipment": ["GB50160—2008", "GB30077—2023"],
}
# The OCR repairs of decisions L6 and L7, made in the seed excerpt before comparing (everything else
# is verbatim up to the typesetting of decision L1).
REPAIRS = [
    ("通用要求》《GB/T 及配套并列标准, 42061—2022", "通用要求》及配套并列标准，《GB/T42061—2022"),
    ("中试技术规则 and 标准", "中试技术规则和标准"),
]
# The three directions printed without their run-in heading (decision L3).
HEADLESS = {"agricultural-machinery": 9, "power-equipment": 5, "textiles": 5}


def cn(n: int) -> str:
    """1 → 一, 10 → 十, 12 → 十二, 20 → 二十, 27 → 二十七."""
    tens, units = divmod(n, 10)
    return (
        ("" if tens < 2 else CN[tens - 1])
        + ("十" if tens else "")
        + (CN[units - 1] if units else "")
    )


def data() -> dict[str, Any]:
    loaded: dict[str, Any] = yaml.safe_load(
        (RUBRICS / "library" / f"{DOC}.yaml").read_text(encoding="utf-8")
    )
    return loaded


def chapters(d: dict[str, Any]) -> list[dict[str, Any]]:
    top = {s["id"]: s for s in d["sections"]}
    return [*top["key-industries"]["sections"], *top["key-domains"]["sections"]]


def block(section: dict[str, Any], kind: str) -> list[dict[str, Any]]:
    return [b for b in section.get("blocks", []) if b["type"] == kind]


def directions(chapter: dict[str, Any]) -> list[dict[str, Any]]:
    (lst,) = block(chapter["sections"][2], "list")
    assert lst["numbered"] is True
    items: list[dict[str, Any]] = lst["items"]
    return items


def basis(chapter: dict[str, Any]) -> list[dict[str, Any]]:
    (lst,) = block(chapter["sections"][1], "list")
    assert lst["numbered"] is False
    items: list[dict[str, Any]] = lst["items"]
    return items


def target(chapter: dict[str, Any]) -> dict[str, str]:
    (p,) = block(chapter["sections"][0], "paragraph")
    text: dict[str, str] = p["text"]
    return text


# --- the data -------------------------------------------------------------------------------------


def test_the_notice_then_27_industries_and_4_domains_each_with_its_three_sections() -> None:
    d = data()
    assert [s["id"] for s in d["sections"]] == ["notice", "key-industries", "key-domains"]
    assert [s["heading"]["zh"] for s in d["sections"]] == [
        "工信部办公厅关于印发工业重点行业领域设备更新和技术改造指南的通知",
        "重点行业",
        "重点领域",
    ]
    top = {s["id"]: s for s in d["sections"]}
    for part, want in (("key-industries", INDUSTRIES), ("key-domains", DOMAINS)):
        got = top[part]["sections"]
        assert [c["heading"]["zh"] for c in got] == [name for name, _ in want]
        assert [c["number"] for c in got] == [f"{cn(n)}、" for n in range(1, len(want) + 1)]
        for c, (name, count) in zip(got, want, strict=True):
            assert [s["heading"]["zh"] for s in c["sections"]] == SUBSECTIONS, name
            assert [s["number"] for s in c["sections"]] == ["（一）", "（二）", "（三）"], name
            assert [s["id"] for s in c["sections"]] == [
                f"{c['id']}-targets",
                f"{c['id']}-basis",
                f"{c['id']}-directions",
            ]
            assert len(directions(c)) == count, name
    assert sum(len(directions(c)) for c in chapters(d)) == 173


def test_the_source_is_the_notice_of_the_general_office_of_miit() -> None:
    d = data()
    src = d["source"]
    assert src["number"] == "工信厅规〔2024〕33号" and src["date"] == "2024-05-23"
    assert src["issuer"]["zh"] == "工业和信息化部办公厅" and "missing" not in src
    assert src["seed"] == {"file": "003_f1f782ff31cba64c.txt", "lines": [672, 1454]}
    assert src["signed"] is False  # the signature closes the notice, not the guide (decision L5)
    notice = [b["text"]["zh"] for b in d["sections"][0]["blocks"]]
    assert notice[0] == "工信厅规〔2024〕33号"
    assert notice[-2:] == ["工业和信息化部办公厅", "2024年5月23日"]
    assert d["purpose"]["scored_by"] == []


@pytest.mark.parametrize("chapter_id", sorted(TARGET_FIGURES))
def test_the_targets_keep_their_figures(chapter_id: str) -> None:
    (c,) = [c for c in chapters(data()) if c["id"] == chapter_id]
    zh = target(c)["zh"]
    for figure in TARGET_FIGURES[chapter_id]:
        assert figure in zh, figure


def test_every_percentage_and_year_of_a_target_is_in_its_translation() -> None:
    for c in chapters(data()):
        t = target(c)
        for figure in re.findall(r"\d+(?:\.\d+)?%|20\d\d年", t["zh"]):
            assert figure.removesuffix("年") in t["en"], (c["id"], figure)
    assert all("2027" in target(c)["zh"] for c in chapters(data()))


def test_the_basis_is_a_list_of_documents_whose_standard_numbers_are_kept() -> None:
    d = data()
    by_id = {c["id"]: c for c in chapters(d)}
    code = re.compile(r"《([A-Z][A-Za-z0-9/\-.—]*)[ 》]")
    for c in chapters(d):
        (lead,) = block(c["sections"][1], "paragraph")[:1]
        assert lead["text"]["zh"].endswith("包括但不限于：")
        for item in basis(c):
            for number in code.findall(item["text"]["zh"]):
                assert number in item["text"]["en"], (c["id"], number)
    for chapter_id, numbers in STANDARDS.items():
        entries = [i["text"]["zh"] for i in basis(by_id[chapter_id])]
        for number in numbers:
            assert any(f"《{number} " in e for e in entries), (chapter_id, number)
    medical = [i["text"]["zh"] for i in basis(by_id["medical-equipment"])]
    assert medical[1].endswith("》及配套并列标准") and medical[2].startswith("《GB/T42061—2022 ")
    heavy = [i["text"]["zh"] for i in basis(by_id["heavy-machinery"])]
    assert len(heavy) == 13 and heavy.count("《GB/T36697—2018 铸造起重机报废条件》") == 2


def test_three_directions_lost_their_run_in_heading_and_say_so() -> None:
    found = {}
    for c in chapters(data()):
        for n, item in enumerate(directions(c), start=1):
            if item["text"]["zh"].startswith("“成熟一批替代一批”的原则"):
                found[c["id"]] = n
                assert "L3" in item["note"]["zh"] and "L3" in item["note"]["en"]
            else:  # a run-in heading, then its full stop
                assert re.match(r"^[^，。]{2,40}。", item["text"]["zh"]), (c["id"], n)
    assert found == HEADLESS


def test_the_model_round_trips() -> None:
    d = data()
    m = RequirementDocument.from_dict(d)
    assert m.to_dict() == d
    assert RequirementDocument.from_dict(m.to_dict()) == m


# --- transcription --------------------------------------------------------------------------------


def seed_text() -> str:
    text = SEED.read_text(encoding="utf-8")
    for damaged, read in REPAIRS:
        assert text.count(damaged) == 1, damaged
        text = text.replace(damaged, read)
    return norm(text)


def test_every_official_text_is_in_the_seed() -> None:
    """Verbatim up to whitespace and bracket width (decision L1), with the repairs of L6 and L7."""
    seed = seed_text()
    official = [(p, t) for p, t in texts(data()) if not OURS.search(p)]
    assert len(official) > 500
    missing = [(p, t["zh"][:40]) for p, t in official if norm(t["zh"]) not in seed]
    assert not missing


# --- pages ----------------------------------------------------------------------------------------


def html(lang: str) -> str:
    path = SITE / ("en/" if lang == "en" else "") / "library" / DOC / "index.html"
    assert path.exists(), "build the site first"
    return path.read_text(encoding="utf-8")


def heading_texts(page: str) -> dict[str, str]:
    """Heading id → its text, as the page shows it."""
    return {
        m[1]: re.sub(r"<[^>]+>|&para;", "", m[2]).strip()
        for m in re.finditer(r'<h[2-4] id="([^"]+)">(.*?)</h[2-4]>', page)
    }


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_each_part_and_chapter_is_a_heading_of_the_page(lang: str) -> None:
    shown = heading_texts(html(lang))
    d = data()
    for s in d["sections"]:
        assert shown[s["id"]] == s["heading"][lang]
    for c in chapters(d):
        assert shown[c["id"]].endswith(c["heading"][lang])
        if lang == "zh":
            assert shown[c["id"]] == c["number"] + c["heading"]["zh"]
        for s in c["sections"]:
            assert shown[s["id"]].endswith(s["heading"][lang])
    assert shown["petrochemical-chemical"] == (
        "一、石化化工行业" if lang == "zh" else "I. Petrochemical and chemical industry"
    )
    assert shown["safety-emergency-equipment"].startswith("四、" if lang == "zh" else "IV. ")


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_source_line_is_at_the_top(lang: str) -> None:
    page = html(lang)
    top = re.sub(r"<[^>]+>", "", page[page.index('id="source"') : page.index('id="notice"')])
    assert "工信厅规〔2024〕33号" in top
    if lang == "zh":
        assert "工业和信息化部办公厅" in top and "2024年5月23日" in top
    else:
        assert "General Office of the Ministry of Industry and Information Technology" in top
        assert "23 May 2024" in top
    assert page.count('id="decision-l') == 7


# --- search ---------------------------------------------------------------------------------------

# (language, a term from inside a sentence of the document): each lists the page among the first
# three.
SEARCH_CASES = [
    ("zh", "漂水率"),  # cooling towers, in a target
    ("zh", "0.005%"),  # the target figure for industrial cooling towers
    ("zh", "30m²/h"),  # the shipbuilding target for rust removal
    ("zh", "GB/T42061—2022"),  # a standard number (medical equipment basis, decision L6)
    ("zh", "GB18613—2020"),  # motors' energy-efficiency standard, in two chapters
    ("zh", "磷石膏"),  # in a direction sentence
    ("zh", "一体化压铸"),  # in the automotive direction
    ("en", "phosphogypsum"),
    ("en", "57%"),  # the comprehensive utilization rate of bulk industrial solid waste
    ("en", "GB18613—2020"),
    ("en", "red mud"),
    ("en", "cooling towers"),
]


@pytest.mark.parametrize(("lang", "term"), SEARCH_CASES, ids=[c[1] for c in SEARCH_CASES])
def test_a_term_of_the_guide_finds_it(lang: str, term: str) -> None:
    doc = LIBRARY[DOC]
    assert term.lower() in json.dumps(doc, ensure_ascii=False).lower()  # taken from the document
    pages = model(lang).pages(term)
    assert PAGE in pages[:3], pages
