"""The generated pages carry every fact of the rubric, in both languages, and say they are generated."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from build_scripts.load import load
from build_scripts.render import example_answers, pages
from zhiping.api import score_dict

CATALOG = load()
PAGES = pages(CATALOG, "zhiping-0.1.0-py3-none-any.whl?v=test")
RID = "sme-digital-level-2024"
CJK = re.compile(r"[\u4e00-\u9fff]")


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
    assert zh.count(" ★") >= 10
    assert "设备联网率" in zh
    assert "数字孪生" in PAGES[Path("glossary.zh.md")] and "digital twin" in PAGES[Path("glossary.en.md")]
    assert "| 电力 | 万千瓦时 | 1.229 吨标准煤/万千瓦时 |" in zh
    for d in CATALOG.rubrics[RID]["decisions"]:
        assert f'"{d["id"]} · {d["title"]["zh"]}"' in zh
    assert "工信厅企业〔2024〕56号" in zh


def test_english_pages_are_english() -> None:
    for kind in ("rubrics", "calculator"):
        en = page(kind, "en")
        body = re.sub(r"\((产品设计|[\u4e00-\u9fff]{2,4})\)", "", en)  # scenario ids shown as ids
        body = body.replace("工信厅企业〔2024〕56号", "")
        body = re.sub(r'data-(scenario|item)="[^"]*"', "", body)
        chinese = CJK.findall(body)
        assert len(chinese) < 60, "".join(chinese)[:200]
    en = page("rubrics", "en")
    assert "Level 3 (Integrated)" in en and "constrained" in en and "networking rate" in en


def test_calculator_form_is_rendered_from_the_rubric() -> None:
    html = page("calculator", "zh")
    assert html.count('data-question="') == 15
    assert html.count('data-scenario="') == 16
    assert 'type="checkbox" name="q4" value="15" data-option>' in html
    assert 'name="q1" value="1" data-option data-none>' in html
    assert html.count('data-level>') == 16 * 5
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


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_no_unfilled_placeholders(lang: str) -> None:
    for path, text in PAGES.items():
        if path.suffixes[0] == f".{lang}":
            assert "{{" not in text and "{%" not in text, path
            # {done}/{total} inside data-msg-* attributes are filled by the page's script
            outside = re.sub(r'data-msg-[a-z-]+="[^"]*"', "", text)
            assert not re.search(r"\{[a-z_]+\}", outside), path
