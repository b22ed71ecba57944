"""The requirement library's plans and notices: the Jiangsu and Inner Mongolia three-year plans,
the SME digital empowerment plan, and the 2025 notice on manufacturing digital transformation
promotion centres with the creation guide it follows. Their structure matches counts typed in from
the official texts, every official text and every target figure is in the seed excerpts, the OCR
repairs are the documented ones, the cross-links reach anchors that exist, and the pages and the
search find them."""

from __future__ import annotations

import html
import json
import re
from pathlib import Path
from typing import Any

import pytest
import yaml

from build_scripts.families.requirement_document import heading
from build_scripts.paths import RUBRICS, SITE
from tests.build_scripts.rubric_texts import texts
from tests.build_scripts.test_library import OURS, norm
from tests.build_scripts.test_search_index import LIBRARY, model
from tests.build_scripts.test_site_a11y import LangText, built
from zhiping.model.requirement_document import RequirementDocument
from zhiping.validate.requirement_document import check_requirement_document

ROOT = Path(__file__).resolve().parents[2]
SEED_001 = ROOT / "tests" / "fixtures" / "seed-001-plans.txt"
SEED_004 = ROOT / "tests" / "fixtures" / "seed-004-plan.txt"
JS = "jiangsu-three-year-plan-2025"
IM = "inner-mongolia-three-year-plan-2025"
SME = "sme-digital-empowerment-plan-2025"
NOTICE = "dx-promotion-centres-notice-2025"
GUIDE = "dx-promotion-centres-guide-2025"
DOCS = {JS: SEED_001, IM: SEED_004, SME: SEED_001, NOTICE: SEED_001, GUIDE: SEED_001}

# --- typed in from the official texts (not read from the YAML) ------------------------------------

JS_ACTIONS = {
    "实施智能工厂梯度建设行动": [
        "普及推广基础级智能工厂",
        "规模推进先进级智能工厂",
        "择优打造卓越级智能工厂",
        "积极培育领航级智能工厂",
    ],
    "实施中小企业数字化转型行动": [
        "推动创新型中小企业初始级转型",
        "推动省级专精特新中小企业规范级转型",
        "推动国家专精特新“小巨人”企业集成级转型",
    ],
    "实施数字基础设施升级行动": [
        "深化企业内外网络建设",
        "增强先进算力服务能力",
        "壮大工业互联网平台体系",
    ],
    "实施人工智能赋能应用行动": [
        "加快数据要素供给与应用",
        "加快人工智能+行业典型应用",
        "加快人工智能赋能应用基地建设",
    ],
    "实施工业网络和数据安全保障行动": ["健全网络和数据安全防护体系", "促进网络和数据安全产业支撑"],
    "实施发展环境优化提升行动": [
        "加快行业实施指南编制和推广",
        "促进智能装备研发和推广应用",
        "加速工业软件攻关和更新换代",
        "加快数字技术技能人才队伍建设",
        "加强发展状态监测评估",
    ],
}
SME_GROUPS = {
    "深入实施“百城”试点": [
        "因地制宜推进中小企业数字化转型城市试点",
        "纵深推动工业大县中小企业数字化转型",
    ],
    "分类梯次开展数字化改造": [
        "面向专精特新“小巨人”企业开展系统化集成改造",
        "面向省级专精特新中小企业、规上工业中小企业实施重点场景深度改造",
        "面向小微企业推广普惠性“上云用数赋智”服务",
    ],
    "推进链群融通转型": [
        "推广龙头企业牵引的供应链“链式”转型",
        "推广工业互联网平台企业驱动的产业链“链式”转型",
        "推广以集群、园区为单位的“面状”转型",
    ],
    "推动人工智能创新赋能": [
        "发布中小企业人工智能应用指引",
        "加强中小企业人工智能应用推广",
        "强化中小企业人工智能应用基础",
    ],
    "深度激活中小企业数据要素价值": [
        "提升中小企业数据管理、利用能力",
        "加强中小企业数据资源供给与价值开发",
    ],
    "提升数字化转型供给质效": ["供需适配发展“小快轻准”产品", "培育壮大数字经济领域优质企业"],
    "提高数字化转型公共服务能力": [
        "构建中小企业数字化转型标准体系",
        "完善中小企业数字化转型服务载体",
        "全面增强中小企业数据与网络安全防护能力",
    ],
}
SME_SAFEGUARDS = ["强化组织保障", "加大资金支持", "加强人才保障", "促进交流互鉴", "深化国际合作"]
IM_TASKS = [
    "普及推广基础级智能工厂",
    "规模推进先进级智能工厂",
    "择优打造卓越级智能工厂",
    "积极培育领航级智能工厂",
]
IM_SAFEGUARDS = ["加强组织协调", "强化政策支持", "强化经验总结推广"]
# The notice's 二、重点领域 and the guide's 五、（一） list the same 14 industries, in other orders.
INDUSTRIES = [
    "石化化工",
    "钢铁",
    "有色",
    "建材",
    "机械",
    "航空",
    "船舶",
    "汽车",
    "电力装备",
    "轻工",
    "纺织",
    "食品",
    "医药",
    "电子信息制造",
]
NOTICE_PARTS = ["总体要求", "重点领域", "建设条件", "工作程序", "其他要求"]
GUIDE_PARTS = ["主要目标", "创建主体", "主要功能", "重点内容", "保障措施"]
GUIDE_FUNCTIONS = ["资源整合", "生态营造", "专业服务"]
GUIDE_CONTENTS = [
    "评估咨询",
    "方案开发",
    "项目实施",
    "供需对接",
    "设施联通",
    "数据共享",
    "人才培养",
    "政策宣贯",
]
GUIDE_SAFEGUARDS = ["加强组织推进", "加强指导支持", "加强总结推广"]
# Every number a reader might look for, as the YAML prints it (inventory §11 and the texts).
TARGETS = {
    JS: [
        "每年推动1万余家企业开展基础级智能工厂建设",
        "覆盖率约50%",
        "每年推动2000余家企业",
        "覆盖率约10%",
        "省先进级智能工厂1000家、省零碳工厂50家",
        "每年推动1000余家企业向卓越级智能工厂跃升",
        "覆盖率约5%",
        "国家卓越级智能工厂约100家",
        "每年支持和推动200余家卓越级智能工厂",
        "覆盖率约1%",
        "国家领航级智能工厂约10家",
        "每年推动约1万家创新型中小企业",
        "每年推动约3000家专精特新中小企业",
        "每年推动约1000家专精特新“小巨人”企业",
        "60%的省级以上开发区",
        "标准机架数达80万架",
        "智算规模超25EFLOPS",
        "总算力超35EFLOPS",
        "省企业级工业互联网平台200个",
        "行业和区域级平台150个",
        "“双跨”平台30个",
        "年营收超10亿元的“双跨”平台3个",
        "3—5家人工智能领军企业",
        "约100个人工智能应用标杆",
        "2—3个行业应用大模型",
        "约100项优秀智能产品",
        "不少于1场",
        "不少于50个",
        "优秀工业软件企业100家",
        "首版次软件产品200项",
        "约8万台（套）工业操作系统",
        "10万人次以上",
        "10%以上规上工业企业",
    ],
    IM: [
        "每年推动300家企业",
        "覆盖率达到25%左右",
        "培育先进级智能工厂100家以上",
        "国家卓越级智能工厂10家左右",
        "国家领航级智能工厂3家以上",
    ],
    SME: [
        "数字化水平达到三级、四级",
        "数字化水平达到二级及以上",
        "关键工序数控化率达到75%",
        "上云率超过40%",
        "100个左右城市",
        "4万家以上中小企业",
        "其中1万家专精特新中小企业",
    ],
    NOTICE: [
        "14个重点行业",
        "有2年以上服务相关行业和地区的经验",
        "2025年6月25日-7月10日",
        "7月11日至7月21日",
        "不超过6家拟推荐对象（其中联合体不超过4家）",
        "7月21日前",
        "计划单列市可单独推荐不超过2家",
        "可推荐不超过8家",
    ],
    GUIDE: ["到2027年", "100家左右"],
}
# OCR repairs (official reading → what the seed prints), each named by a decision.
REPAIRS = {
    NOTICE: {
        "聚能+赋能": "聚能十赋能",
        "深耕行业+扎根区域+辐射全国": "深耕行业十扎根区域十辐射全国",
        "违法违规行为": "违法违规行爲",
        "（https://szgx.miit.gov.cn/zzysz/）": "（<https://szgx.mmiiit.gov.cn/zzysz/>）",
    }
}
SOURCES = {
    JS: ("苏政办发〔2025〕39号", "江苏省人民政府办公厅", "2024-12-26"),
    IM: (None, None, None),
    SME: (
        "工信部联企业〔2024〕239号",
        "工业和信息化部、财政部、中国人民银行、金融监管总局",
        "2024-12-12",
    ),
    NOTICE: ("工信厅规函〔2025〕248号", "工业和信息化部办公厅", "2025-06-19"),
    GUIDE: ("工信厅规函〔2025〕198号", "工业和信息化部办公厅", "2025-05-20"),
}


def data(doc_id: str) -> dict[str, Any]:
    loaded: dict[str, Any] = yaml.safe_load(
        (RUBRICS / "library" / f"{doc_id}.yaml").read_text("utf-8")
    )
    return loaded


def walk(items: list[dict[str, Any]]) -> list[dict[str, Any]]:
    out = []
    for s in items:
        out.append(s)
        out += walk(s.get("sections", []))
    return out


def by_id(d: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {s["id"]: s for s in walk(d["sections"])}


def seed(path: Path) -> str:
    """The excerpt without its # header, normalised (whitespace, bracket width)."""
    lines = path.read_text(encoding="utf-8").splitlines()
    return norm("\n".join(line for line in lines if not line.startswith("#")))


def official(doc_id: str) -> list[tuple[str, dict[str, Any]]]:
    return [(p, t) for p, t in texts(data(doc_id)) if not OURS.search(p)]


def block_text(s: dict[str, Any]) -> str:
    return "".join(b["text"]["zh"] if b["type"] == "paragraph" else "" for b in s.get("blocks", []))


# --- structure ------------------------------------------------------------------------------------


def test_the_jiangsu_plan_has_20_tasks_in_6_actions_numbered_straight_through() -> None:
    d = data(JS)
    actions = by_id(d)["key-tasks"]["sections"]
    got = {a["heading"]["zh"]: [t["heading"]["zh"] for t in a["sections"]] for a in actions}
    assert got == JS_ACTIONS
    numbers = [t["number"] for a in actions for t in a["sections"]]
    assert numbers == [f"{n}." for n in range(1, 21)]
    assert [a["number"] for a in actions] == [
        "（一）",
        "（二）",
        "（三）",
        "（四）",
        "（五）",
        "（六）",
    ]
    assert [s["heading"]["zh"] for s in by_id(d)["plan"]["sections"]] == [
        "总体目标",
        "重点任务",
        "保障措施",
    ]


def test_the_sme_plan_has_18_tasks_in_7_groups_and_5_safeguards() -> None:
    d = data(SME)
    groups = by_id(d)["key-tasks"]["sections"]
    got = {g["heading"]["zh"]: [t["heading"]["zh"] for t in g["sections"]] for g in groups}
    assert got == SME_GROUPS
    assert [t["number"] for g in groups for t in g["sections"]] == [f"{n}." for n in range(1, 19)]
    assert [s["heading"]["zh"] for s in by_id(d)["safeguards"]["sections"]] == SME_SAFEGUARDS
    # task 13 has a second paragraph, led by the Ministry of Finance
    paragraphs = by_id(d)["task-13"]["blocks"]
    assert len(paragraphs) == 2 and paragraphs[1]["text"]["zh"].endswith("（财政部牵头负责）")


def test_the_inner_mongolia_plan_has_4_tasks_3_safeguards_and_3_linked_annexes() -> None:
    d = data(IM)
    top = {s["id"]: s for s in d["sections"]}
    assert [s["heading"]["zh"] for s in top["key-tasks"]["sections"]] == IM_TASKS
    assert [s["heading"]["zh"] for s in top["safeguards"]["sections"]] == IM_SAFEGUARDS
    (annexes,) = top["annexes"]["blocks"]
    assert [(i["links"][0]["rubric"], i["links"][0]["anchor"]) for i in annexes["items"]] == [
        ("smart-factory-tier-inner-mongolia-2025", "criteria"),
        ("inner-mongolia-capability-2025", "structure"),
        ("smart-factory-tier-inner-mongolia-2025", "scenarios"),
    ]
    for s, tier in zip(
        top["key-tasks"]["sections"], ["basic", "advanced", "excellence", "leading"], strict=True
    ):
        assert {"rubric": "smart-factory-tier-inner-mongolia-2025", "anchor": f"tier-{tier}"} in [
            {k: v for k, v in link.items() if k != "item"} for link in s["links"]
        ]


def test_the_notice_has_14_industries_5_conditions_and_its_quotas() -> None:
    d = data(NOTICE)
    assert [s["heading"]["zh"] for s in d["sections"]] == [*NOTICE_PARTS, "附件"]
    top = by_id(d)
    listed = re.search(r"明确的(.*)14个重点行业", block_text(top["key-industries"]))
    assert listed is not None and listed[1].split("、") == INDUSTRIES
    conditions = [b["text"]["zh"] for b in top["conditions"]["blocks"]]
    assert [c[:3] for c in conditions] == ["（一）", "（二）", "（三）", "（四）", "（五）"]
    assert len(top["annexes"]["blocks"][0]["items"]) == 2
    assert d["source"]["signed"] is True


def test_the_guide_has_3_functions_8_key_contents_3_safeguards_and_the_same_14_industries() -> None:
    d = data(GUIDE)
    top = by_id(d)
    assert [s["heading"]["zh"] for s in top["guide"]["sections"]] == GUIDE_PARTS
    assert [s["heading"]["zh"] for s in top["functions"]["sections"]] == GUIDE_FUNCTIONS
    assert [s["heading"]["zh"] for s in top["key-contents"]["sections"]] == GUIDE_CONTENTS
    assert [s["heading"]["zh"] for s in top["safeguards"]["sections"]] == GUIDE_SAFEGUARDS
    listed = re.search(r"聚焦(.*)等重点行业", block_text(top["organization"]))
    assert listed is not None
    industries = [
        i.removesuffix("业") if i == "电子信息制造业" else i for i in listed[1].split("、")
    ]
    assert sorted(industries) == sorted(INDUSTRIES)


@pytest.mark.parametrize("doc_id", list(DOCS))
def test_the_source_is_as_printed(doc_id: str) -> None:
    src = data(doc_id)["source"]
    number, issuer, date = SOURCES[doc_id]
    assert src["number"] == number and src["date"] == date
    assert (src["issuer"] or {}).get("zh") == issuer
    if doc_id == IM:
        assert src["missing"] == {"issuer": "L1", "number": "L1", "date": "L1"}
    else:
        assert "missing" not in src
        text = seed(DOCS[doc_id])
        assert norm(number) in text
        y, m, dd = (int(x) for x in date.split("-"))
        assert norm(f"{y}年{m}月{dd}日") in text


def test_the_jiangsu_number_follows_its_heading_and_the_decision_names_both_readings() -> None:
    text = seed(SEED_001)
    assert norm("（苏政办发〔2025〕39号）") in text  # table of contents and heading
    assert norm("（苏政办发〔2024〕39 号）") in text  # cited by notice 苏工信信发〔2025〕28号
    (l1,) = [x for x in data(JS)["decisions"] if x["id"] == "L1"]
    assert "〔2025〕39号" in l1["text"]["zh"] and "〔2024〕39号" in l1["text"]["zh"]
    assert "2024年12月26日" in l1["text"]["zh"] and l1["applies_to"] == ["source"]


@pytest.mark.parametrize("doc_id", list(DOCS))
def test_the_model_round_trips_and_passes_its_checks(doc_id: str) -> None:
    d = data(doc_id)
    m = RequirementDocument.from_dict(d)
    assert m.to_dict() == d
    assert RequirementDocument.from_dict(m.to_dict()) == m
    assert check_requirement_document(m, d, f"{doc_id}.yaml") == []


def test_numbering_may_continue_from_the_previous_group_but_not_skip() -> None:
    d = data(SME)
    group = by_id(d)["upgrading-by-category"]["sections"]
    group[0]["number"] = "4."  # 3. → 4.: tasks 4 4 5 after 1 2
    issues = check_requirement_document(RequirementDocument.from_dict(d), d, "x.yaml")
    assert [(i.path, i.code) for i in issues] == [
        ("sections[1].sections[1].sections[1].sections", "numbering")
    ]
    for n, t in enumerate(group, start=1):  # restarting at 1 is fine too, but the next group,
        t["number"] = f"{n}."  # 6. 7. 8., now continues nothing
    issues = check_requirement_document(RequirementDocument.from_dict(d), d, "x.yaml")
    assert [(i.path, i.code) for i in issues] == [
        ("sections[1].sections[1].sections[2].sections", "numbering")
    ]


# --- transcription --------------------------------------------------------------------------------


@pytest.mark.parametrize("doc_id", list(DOCS))
def test_every_official_text_is_in_the_seed(doc_id: str) -> None:
    """Verbatim up to whitespace and bracket width, and the repairs the decisions name."""
    text = seed(DOCS[doc_id])
    repairs = REPAIRS.get(doc_id, {})
    items = official(doc_id)
    assert len(items) > 15
    missing = []
    for p, t in items:
        zh = t["zh"]
        for ours, printed in repairs.items():
            zh = zh.replace(ours, printed)
        if norm(zh) not in text:
            missing.append((p, t["zh"][:40]))
    assert not missing


@pytest.mark.parametrize("doc_id", list(DOCS))
def test_every_target_figure_is_in_the_yaml_and_in_the_seed(doc_id: str) -> None:
    text = seed(DOCS[doc_id])
    yaml_zh = norm("".join(t["zh"] for _, t in official(doc_id)))
    for target in TARGETS[doc_id]:
        assert norm(target) in yaml_zh, target
        assert norm(target) in text, target


def test_the_ocr_repairs_are_the_decided_ones_and_the_phone_numbers_are_left_out() -> None:
    d = data(NOTICE)
    yaml_zh = "".join(t["zh"] for _, t in official(NOTICE))
    decisions = json.dumps(d["decisions"], ensure_ascii=False)
    text = seed(SEED_001)
    for ours, printed in REPAIRS[NOTICE].items():
        assert ours in yaml_zh and printed not in yaml_zh
        assert norm(printed) in text
    for printed in (
        "聚能十赋能",
        "深耕行业十扎根区域十辐射全国",
        "违法违规行爲",
        "szgx.mmiiit.gov.cn",
    ):
        assert printed in decisions
    assert "szgx.miit.gov.cn" in text  # document 5 prints the platform's address
    assert "010-68205103" in text  # the seed has the contact lines …
    whole = (RUBRICS / "library" / f"{NOTICE}.yaml").read_text("utf-8")
    assert not re.search(r"\d{3}-\d{7,8}", whole)  # … the document does not
    note = by_id(d)["annexes"]["blocks"][0]["note"]
    assert "L5" in note["zh"] and "decision L5" in note["en"]


# --- links ----------------------------------------------------------------------------------------


def links(d: dict[str, Any]) -> list[tuple[str, str, str]]:
    """(where, rubric, anchor) of every link of the document."""
    out = []

    def visit(node: Any, where: str) -> None:
        if isinstance(node, dict):
            where = node.get("id", where) if "heading" in node else where
            for link in node.get("links", []):
                out.append((where, link["rubric"], link.get("anchor", "")))
            for v in node.values():
                visit(v, where)
        elif isinstance(node, list):
            for v in node:
                visit(v, where)

    visit(d["sections"], "")
    return out


@pytest.mark.parametrize("doc_id", list(DOCS))
def test_every_link_reaches_an_anchor_of_the_built_rubric_page(doc_id: str) -> None:
    for _, rubric, anchor in links(data(doc_id)):
        page = (SITE / "rubrics" / rubric / "index.html").read_text(encoding="utf-8")
        assert f'id="{anchor}"' in page, (rubric, anchor)


def test_the_sme_plan_links_the_level_table_wherever_it_names_a_digital_level() -> None:
    d = data(SME)
    naming = {s["id"] for s in walk(d["sections"]) if re.search(r"[二三四]级", block_text(s))}
    linked = {w for w, r, a in links(d) if r == "sme-digital-level-2024" and a == "levels"}
    assert naming == linked == {"general-requirements", "task-2", "task-3", "task-4"}
    assert ("task-16", "sme-digital-level-2024", "structure") in links(d)


def test_the_jiangsu_plan_links_its_tiers_levels_and_general_assessment() -> None:
    got = set(links(data(JS)))
    for n, tier in enumerate(["basic", "advanced", "excellence", "leading"], start=1):
        assert (f"task-{n}", "smart-factory-national-2025", f"tier-{tier}") in got
        assert (f"task-{n}", "smart-factory-tier-jiangsu-2025", f"tier-{tier}") in got
    for n in (5, 6, 7):
        assert (f"task-{n}", "sme-digital-level-2024", "levels") in got
    assert ("task-20", "jiangsu-dx-2025", "indicators") in got
    assert len(got) == 8 + 3 + 1


# --- pages ----------------------------------------------------------------------------------------


def page_text(doc_id: str, lang: str) -> str:
    path = SITE / ("en/" if lang == "en" else "") / "library" / doc_id / "index.html"
    assert path.exists(), "run the build first"
    return html.unescape(re.sub(r"<[^>]+>", "", path.read_text(encoding="utf-8")))


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("doc_id", list(DOCS))
def test_the_page_shows_its_source_at_the_top_and_every_top_level_heading(
    doc_id: str, lang: str
) -> None:
    text = page_text(doc_id, lang)
    top = text[: text.index("本页中文为官方文本" if lang == "zh" else "The Chinese on this page")]
    number, _, date = SOURCES[doc_id]
    d = data(doc_id)
    if number is None:
        assert top.count("所据文本未载" if lang == "zh" else "Not printed in the text") == 3
    else:
        assert number in top
        assert d["source"]["issuer"][lang] in top
        y, m, dd = (int(x) for x in date.split("-"))
        months = ["", "January", "February", "March", "April", "May", "June", "July"]
        months += ["August", "September", "October", "November", "December"]
        assert (f"{y}年{m}月{dd}日" if lang == "zh" else f"{dd} {months[m]} {y}") in top
    m = RequirementDocument.from_dict(d)
    for s in m.sections:
        assert heading(s, lang) in text, heading(s, lang)
    for s in walk(d["sections"]):
        assert s["heading"][lang] in text


@pytest.mark.parametrize("doc_id", list(DOCS))
def test_chinese_on_the_english_page_is_marked(doc_id: str) -> None:
    """Document numbers and quoted Chinese in the English text are read as Chinese."""
    page = built(f"en/library/{doc_id}")
    parser = LangText()
    parser.feed(page[page.index("<article") : page.index("</article>")])
    cjk = re.findall(r"[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]+", "".join(parser.outside))
    assert not cjk, cjk[:10]


# --- search ---------------------------------------------------------------------------------------


def page(doc_id: str) -> str:
    return f"library/{doc_id}/"


# (language, a term from inside a sentence of the document, the page it must find)
SEARCH_CASES = [
    ("zh", "25EFLOPS", page(JS)),  # task 9's intelligent-computing target
    ("zh", "环省行", page(JS)),
    ("en", "gigabit parks", page(JS)),
    ("zh", "上云用数赋智", page(SME)),
    ("zh", "75%", page(SME)),  # the CNC rate of key processes by 2027
    ("en", "cloud adoption rate", page(SME)),
    ("zh", "聚能+赋能", page(NOTICE)),  # as restored from the OCR's 聚能十赋能
    ("en", "consortia", page(NOTICE)),
    ("zh", "100家左右", page(GUIDE)),  # about 100 promotion centres by 2027
    ("en", "off-the-shelf", page(GUIDE)),
    ("zh", "旗县", page(IM)),
    ("zh", "25%左右", page(IM)),  # Basic-level coverage by the end of 2027
]


@pytest.mark.parametrize(("lang", "term", "page"), SEARCH_CASES, ids=[c[1] for c in SEARCH_CASES])
def test_a_term_of_the_plans_finds_its_document(lang: str, term: str, page: str) -> None:
    """The document is among the first three pages listed."""
    doc = LIBRARY[page.split("/")[1]]
    assert term.lower() in json.dumps(doc, ensure_ascii=False).lower()  # taken from the document
    pages = model(lang).pages(term)
    assert page in pages[:3], pages
