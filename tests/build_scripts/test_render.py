"""The generated pages carry every fact of the rubric, in both languages, and say they are
generated."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from build_scripts.families.sme import example_answers
from build_scripts.load import load
from build_scripts.paths import SITE
from build_scripts.render import admonition_title, link_decisions, pages, used_in, zh_spans
from zhiping.api import score_dict

CATALOG = load()
PAGES = pages(CATALOG, "zhiping-0.1.0-py3-none-any.whl?v=test")
RID = "sme-digital-level-2024"
CJK = re.compile(r"[\u4e00-\u9fff]")
SPAN = re.compile(r'<span lang="zh">[^<]*</span>')
LANG_ATTR = re.compile(r"""\blang=("[^"]*"|'[^']*'|[^\s>]+)""")
RAW = CATALOG.rubrics[RID]


def page(kind: str, lang: str) -> str:
    return PAGES[Path(f"{kind}/{RID}.{lang}.md")]


def test_every_generated_page_says_where_it_comes_from() -> None:
    for path, text in PAGES.items():
        assert text.splitlines()[1].startswith("# generated from rubrics/"), path
        assert "by build_scripts/render.py; do not edit" in text.splitlines()[1]


def test_rubric_page_lists_every_question_option_and_its_points() -> None:
    zh = page("rubrics", "zh")
    for q in CATALOG.rubrics[RID]["questions"]:
        assert f"第{q['number']}题 {q['stem']['zh']}" in zh
        for o in q["options"]:
            assert o["label"]["zh"].replace("|", "\\|") in zh
    # points per option, worked out from the official rule: Q8 0/1.5/3/4.5/6/7.5, Q4 5/7 ≈ 0.71 each
    assert "| 6 | 定期组织员工" in zh and "| 7.50 |" in zh
    assert "每选一项 +0.71" in zh


def test_rubric_page_shows_levels_scenarios_terms_energy_and_decisions() -> None:
    zh = page("rubrics", "zh")
    assert "| 三级（集成级） | ≥ 60 分 | 不少于 8 个 | 不少于 5 个 |" in zh
    assert "设备联网率" in zh
    assert (
        "数字孪生" in PAGES[Path("glossary.zh.md")]
        and "digital twin" in PAGES[Path("glossary.en.md")]
    )
    assert "| 电力 | 万千瓦时 | 1.229 吨标准煤/万千瓦时 |" in zh
    for d in CATALOG.rubrics[RID]["decisions"]:
        assert f'"{d["id"]} · {d["title"]["zh"]}"' in zh
    assert "工信厅企业〔2024〕56号" in zh


def test_english_pages_are_english() -> None:
    en = page("calculator", "en")
    body = re.sub(r"\((产品设计|[\u4e00-\u9fff]{2,4})\)", "", en)  # scenario ids shown as ids
    body = body.replace("工信厅企业〔2024〕56号", "")
    body = re.sub(r'data-(scenario|item)="[^"]*"', "", body)
    chinese = CJK.findall(body)
    assert len(chinese) < 60, "".join(chinese)[:200]
    en = page("rubrics", "en")
    assert "Level 3 (Integrated)" in en and "constrained" in en and "networking rate" in en


@pytest.mark.parametrize("path", [f"rubrics/{RID}.en.md", "glossary.en.md"])
def test_chinese_on_english_pages_is_marked_as_chinese(path: str) -> None:
    en = PAGES[Path(path)]
    assert en.count('<span lang="zh">') >= 16
    outside = SPAN.sub("", en)
    assert not CJK.findall(outside), "".join(CJK.findall(outside))[:100]
    assert "<span" not in page("rubrics", "zh") and "<span" not in PAGES[Path("glossary.zh.md")]


def test_chinese_spans_keep_markdown_and_english_quotes_intact() -> None:
    assert zh_spans("| 产品设计 | [A6](#decision-a6) | “None” |") == (
        '| <span lang="zh">产品设计</span> | [A6](#decision-a6) | “None” |'
    )
    assert (
        zh_spans("no 工信厅企业〔2024〕56号.")
        == 'no <span lang="zh">工信厅企业〔2024〕56号</span>.'
    )
    assert zh_spans("“使用方式”") == '“<span lang="zh">使用方式</span>”'


def test_an_admonition_title_escapes_its_quotes_but_not_its_tags() -> None:
    title = admonition_title(zh_spans('The “和” of "Section VI"'))
    assert title == 'The “<span lang="zh">和</span>” of &quot;Section VI&quot;'


def test_every_lang_attribute_in_the_built_site_is_a_language() -> None:
    """A title escaped with its tags once gave ``lang="&quot;zh&quot;"`` (axe: valid-lang)."""
    langs: set[str] = set()
    for html in SITE.rglob("*.html"):
        langs |= set(LANG_ATTR.findall(html.read_text("utf-8")))
    assert langs and langs <= {'"zh"', '"en"', '"zh-Hans"', '"zh-CN"'}, langs


def test_decision_ids_link_only_as_whole_words() -> None:
    ids = ["A1", "A10", "Z2"]
    assert link_decisions("见决策A10、Z2", ids) == "见决策[A10](#decision-a10)、[Z2](#decision-z2)"
    assert link_decisions("A100, BA1, [A1](#decision-a1)", ids) == "A100, BA1, [A1](#decision-a1)"


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_every_decision_reference_links_to_its_card(lang: str) -> None:
    text = page("rubrics", lang)
    # every id after 见决策 / "decision(s)" is a link, never plain text
    assert not re.search(r"决策[、和]?[A-Z]+\d+", text)
    assert not re.search(r"decisions? [A-Z]+\d+", text)
    targets = set(re.findall(r"\]\(#(decision-[a-z]+\d+)\)", text))
    cards = set(re.findall(r'<div class="zp-decision" id="(decision-[a-z]+\d+)" markdown>', text))
    assert cards == {f"decision-{d['id'].lower()}" for d in RAW["decisions"]}
    assert targets and targets <= cards
    # e.g. question 4's note: 见决策A6 / See decision A6
    assert "[A6](#decision-a6)" in text


def test_constrained_scenarios_use_the_official_asterisk_not_a_star() -> None:
    zh, en = page("rubrics", "zh"), page("rubrics", "en")
    assert "1. “\\*”为约束性场景。" in zh
    assert "1. “\\*” marks a constrained scenario." in en
    constrained = [s for g in RAW["scenario_groups"] for s in g["scenarios"] if s["constrained"]]
    assert len(constrained) == 10
    for s in constrained:
        assert f"#### {s['name']['zh']}\\* {{ #scenario-" in zh
    assert "#### 工艺设计 { #scenario-product-lifecycle-2 }" in zh
    assert "★" not in zh and "★" not in en


def test_scenarios_have_readable_anchors() -> None:
    anchors = re.findall(r"\{ #(scenario-[a-z-]+-\d+) \}", page("rubrics", "en"))
    assert len(anchors) == len(set(anchors)) == 16
    assert "scenario-product-lifecycle-1" in anchors and "scenario-management-decision-4" in anchors


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_rubric_page_carries_the_notice(lang: str) -> None:
    text = page("rubrics", lang)
    notice = RAW["notice_text"]
    # in the official order: addressee, opening paragraph, the three uses, annex, signature
    parts = [notice["addressee"], notice["opening"], *RAW["uses"], notice["annex"]]
    positions = [text.index(f"\n{part[lang][:20]}") for part in parts]
    assert positions == sorted(positions)
    signature = {"zh": "工业和信息化部办公厅<br>2024年9月4日", "en": "(MIIT)<br>4 September 2024"}
    assert signature[lang] in text
    assert "<https://zjtx.miit.gov.cn>" in text


def test_notice_paragraph_and_annex_line_are_the_official_text() -> None:
    zh = page("rubrics", "zh")
    assert "自《中小企业数字化水平评测指标（2022年版）》发布以来，已有24万余家中小企业" in zh
    assert "现印发给你们，使用方式包括但不限于以下三种：" in zh
    assert "\n各省、自治区、直辖市及计划单列市、新疆生产建设兵团中小企业主管部门：\n" in zh
    assert "\n附件：中小企业数字化水平评测指标（2024年版）\n" in zh  # no ".pdf" (decision T3)


def test_rubric_page_has_both_official_sub_headings() -> None:
    zh, en = page("rubrics", "zh"), page("rubrics", "en")
    assert "### 1. 数字化基础、管理和成效维度" in zh and "### 2. 数字化经营维度" in zh
    assert (
        zh.index("### 1. 数字化基础") < zh.index("### 2. 数字化经营维度") < zh.index("## 等级判定")
    )
    assert "### 1. Dimensions of digital foundation, management and outcomes" in en


def test_questions_show_the_blanks_of_the_official_form() -> None:
    zh = page("rubrics", "zh")
    # the rate blank of questions 2 and 3 (具体数据[ ]) and the blanks of 11–15
    q2 = zh[zh.index("{ #q2 }") : zh.index("{ #q3 }")]
    q3 = zh[zh.index("{ #q3 }") : zh.index("{ #q4 }")]
    assert "具体数据\\[ ]，其中生产设备数量为\\[ ]台，实现数字化的生产设备数量为\\[ ]台" in q2
    assert "具体数据\\[ ]，其中实现联网的生产设备数量为\\[ ]台" in q3
    for q in RAW["questions"]:
        if q.get("fields"):
            assert q["form_text"]["zh"].replace("[", "\\[") in zh, q["number"]


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_field_names_of_our_own_carry_the_mark(lang: str) -> None:
    text = page("rubrics", lang)
    mark = {"zh": "本站补充", "en": "added by zhiping"}[lang]
    sup = f"<sup>[{mark}](#ours)</sup>"
    assert "{ #ours }" in text and mark in text[: text.index("{ #ours }")]
    marked = []
    for q in RAW["questions"]:
        for f in q.get("fields", []):
            label, unit = f["label"][lang], f["unit"][lang]
            ours = f.get("ours", [])
            if "label" in ours:
                marked.append(label)
                assert f"{label}{sup} (" in text
            else:
                assert f"{label} (" in text
            if "unit" in ours:
                assert f"({unit}{sup})" in text
    assert text.count(sup) == 4  # three labels (Q11, Q12, Q13) and the unit "%" of Q13
    assert len(marked) == 3


def test_energy_factors_print_a_bare_one_where_the_table_does() -> None:
    zh, en = page("rubrics", "zh"), page("rubrics", "en")
    assert "吨标准煤/吨标准煤" not in zh and "tce/tce" not in en
    assert "| 生物质能（用于燃料） | 吨标准煤 | 1 |" in zh
    assert "| 电力 | 万千瓦时 | 1.229 吨标准煤/万千瓦时 |" in zh


def test_the_note_on_total_energy_consumption_is_printed_once() -> None:
    zh, en = page("rubrics", "zh"), page("rubrics", "en")
    assert zh.count("计算综合能源消费量时，各类能源消费量需以标准煤为单位计量") == 1
    assert en.count("each kind of energy must be measured in standard coal") == 1
    # ... after the term, before Table 1
    assert zh.index("**综合能源消费量**") < zh.index("计算综合能源消费量时") < zh.index("| 电力 |")


def test_level_uses_are_shown_next_to_the_level_table_with_their_sources() -> None:
    zh = page("rubrics", "zh")
    section = zh[zh.index("{ #level-uses }") : zh.index("{ #weights }")]
    assert "试点省级专精特新中小企业数字化水平达到二级及以上" in section
    assert "省级专精特新中小工业企业实现规范级及以上数字化转型全覆盖" in section
    for use in RAW["level_uses"]:
        assert use["text"]["zh"] in section
        assert use["source"]["number"] in section and use["source"]["section"]["zh"] in section
    assert "工信部联企业〔2024〕239号" in section and "2024年12月12日" in section


def test_english_spells_out_srdi_and_tce_on_first_use() -> None:
    en = page("rubrics", "en")
    assert en.index("specialized, refined, distinctive and innovative (SRDI)") + len(
        "specialized, refined, distinctive and innovative ("
    ) == en.index("SRDI")
    assert en.index("tonnes of coal equivalent (tce)") + len("tonnes of coal equivalent (") == (
        en.index("tce")
    )


def test_calculator_form_is_rendered_from_the_rubric() -> None:
    html = page("calculator", "zh")
    assert html.count('data-question="') == 15
    assert html.count('data-scenario="') == 16
    assert 'type="checkbox" name="q4" value="15" data-option>' in html
    assert 'name="q1" value="1" data-option data-none>' in html
    assert html.count("data-level>") == 16 * 5
    assert 'data-energy="12.energy_last.electricity"' in html
    assert 'data-wheel="zhiping-0.1.0-py3-none-any.whl?v=test"' in html


def test_calculator_page_says_scoring_stays_on_the_device() -> None:
    assert "不会离开您的电脑" in page("calculator", "zh")
    assert "never leave your computer" in page("calculator", "en")


def test_home_pages_link_to_rubric_and_calculator() -> None:
    for lang in ("zh", "en"):
        home = PAGES[Path(f"index.{lang}.md")]
        assert f"(rubrics/{RID}.md)" in home and f"(calculator/{RID}.md)" in home


def test_the_documented_example_answers_score() -> None:
    example = example_answers(CATALOG.models[RID])
    assert json.dumps(example, ensure_ascii=False, indent=2) in PAGES[Path("answers-format.en.md")]
    assert score_dict(None, json.dumps(example))["ok"] is True


TEMPLATE = re.compile(r"<template>(?:(?!<template>).)*?</template>", re.S)


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_no_unfilled_placeholders(lang: str) -> None:
    for path, text in PAGES.items():
        if path.suffixes[0] == f".{lang}":
            assert "{{" not in text and "{%" not in text, path
            # {done}/{total} inside data-msg-* attributes are filled by the page's script, and so
            # are the keys ({seg}, {row}) of a repeatable block's <template>s
            outside = re.sub(r'data-msg-[a-z-]+="[^"]*"', "", text)
            while TEMPLATE.search(outside):  # innermost first: templates nest
                outside = TEMPLATE.sub("", outside)
            assert not re.search(r"\{[a-z_]+\}", outside), path


def test_the_glossary_says_where_each_term_is_used() -> None:
    en = used_in(CATALOG, "en")
    # the SME indicators define constrained scenarios; the first-set catalogue is the equipment list
    assert "rubrics/sme-digital-level-2024.md" in [p for _, p in en["约束性场景"]]
    catalogue = [p for _, p in en["首台（套）重大技术装备"]]
    assert "library/first-set-equipment-catalogue-2024.md" in catalogue
    assert all(p.startswith(("rubrics/", "library/")) for ps in en.values() for _, p in ps)
    page = PAGES[Path("glossary.en.md")]
    assert "| Used in |" in page
    assert "](rubrics/sme-digital-level-2024.md)" in page


def test_the_answers_page_says_how_to_score_many_files_at_once() -> None:
    for name in ("answers-format.en.md", "answers-format.zh.md"):
        page = PAGES[Path(name)]
        assert "score collected/ --summary summary.csv" in page
        assert "5 MB" in page and "{mb}" not in page
