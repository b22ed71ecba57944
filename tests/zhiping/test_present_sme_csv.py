"""The SME digital level as a CSV file: the title block with the level and the scores, one row per
question by its official number and per business scenario by its official name, every level's
conditions; Chinese or English texts; answers not complete yet make a file without a result,
answers that cannot be read give the score's errors. Expectations are typed in from the official
text or the hand-worked vectors (tests/vectors)."""

from __future__ import annotations

import json
from typing import Any

import pytest
from hypothesis import given, settings

from zhiping.api import score_dict

from .csv_files import (
    CJK,
    errors_like_the_score,
    exported,
    line,
    rows_of,
    section,
    title_block,
    titles,
    vectors,
)
from .helpers import CONSTRAINED, SCENARIOS, doc, maximum, minimum, scenarios
from .test_scoring_sme import _questions, _scenarios

# 二、判定方法 (the level names and titles) and 无等级 (备注)
LEVELS = {
    "zh": ["无等级", "一级（初始级）", "二级（规范级）", "三级（集成级）", "四级（协同级）"],
    "en": [
        "No level",
        "Level 1 (Initial)",
        "Level 2 (Standardized)",
        "Level 3 (Integrated)",
        "Level 4 (Collaborative)",
    ],
}
TITLE = {
    "zh": "中小企业数字化水平评测指标（2024年版）（工信厅企业〔2024〕56号）",
    "en": "SME Digitalization Level Evaluation Indicators (2024 Edition) (工信厅企业〔2024〕56号)",
}
QUESTIONS = {
    "zh": "第一部分：数字化基础、管理及成效（评分）",
    "en": "Part 1: digital foundation, management and outcomes (scored)",
}
PART_SCENARIOS = {
    "zh": "第二部分：数字化经营应用场景（等级判定）",
    "en": "Part 2: digital-operations business scenarios (graded)",
}
SCORE = {"zh": "基础、管理及成效得分", "en": "Score for foundation, management and outcomes"}
CONDITIONS = {"zh": "各等级条件", "en": "Conditions of each level"}
LEVEL_LABEL = {"zh": "评测等级", "en": "Result"}


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_a_file_starts_with_the_title_and_its_document_number(lang: str) -> None:
    rows = rows_of(exported(doc(maximum(), scenarios()), lang))
    assert rows[0] == [TITLE[lang]]
    assert rows[1] == (["语言", "中文"] if lang == "zh" else ["Language", "English"])
    assert titles(rows) == [QUESTIONS[lang], PART_SCENARIOS[lang], CONDITIONS[lang]]


@pytest.mark.parametrize("v", vectors("sme-digital-level-2024"), ids=lambda v: v["name"][:50])
def test_every_vector_gives_its_level_and_score_in_the_title_block(v: dict[str, Any]) -> None:
    expect, lang = v["expect"], v["lang"]
    if not expect["ok"]:
        errors_like_the_score(v)
        return
    rows = rows_of(exported(v["text"], lang))
    assert line(rows, LEVEL_LABEL[lang]) == [LEVELS[lang][expect["level"]]]
    if "display" in expect:
        assert line(rows, SCORE[lang])[0] == expect["display"]
    _, body = section(rows, QUESTIONS[lang])
    for number, points in expect.get("points", {}).items():
        row = body[int(number) - 1]
        assert row[0] == number and row[7] == f"{float(points):.2f}"


def test_one_row_per_question_by_official_number_with_the_answer_and_points() -> None:
    rows = rows_of(exported(doc(maximum(), scenarios())))
    head, body = section(rows, QUESTIONS["zh"])
    assert head == [
        *("题号", "一级指标", "二级指标", "采集项", "题目"),
        *("所选答案", "具体数据", "得分", "满分"),
    ]
    assert [r[0] for r in body] == [str(n) for n in range(1, 16)]
    # 1: 网络建设 40 % × 设备系统 40 % × 数字化基础 50 % of 100 = 8 points; all four ticked
    assert body[0][:5] == ["1", "数字化基础", "设备系统", "网络建设", "企业网络建设连接情况"]
    assert body[0][5].count("；") == 3 and body[0][7:] == ["8.00", "8.00"]
    # 12: three options, the last one (降低) scores in full: 7 points
    assert body[11][5] == "降低" and body[11][7:] == ["7.00", "7.00"]
    assert sum(float(r[7]) for r in body) == 100


def test_one_row_per_business_scenario_by_official_name() -> None:
    levels = {s: (2 if s in CONSTRAINED else 0) for s in SCENARIOS}
    rows = rows_of(exported(doc(minimum(), levels)))
    head, body = section(rows, PART_SCENARIOS["zh"])
    assert head == ["场景类别", "业务场景", "场景类型", "所达等级", "该等级的描述"]
    # the official name, with the official * on the ten constrained scenarios
    assert [r[1] for r in body] == [s + ("*" if s in CONSTRAINED else "") for s in SCENARIOS]
    design, process = body[0], body[1]
    assert design[0] == "产品生命周期数字化" and design[2:4] == ["约束性", "二级"]
    assert design[4].startswith("应用信息化系统开展产品设计")  # 产品设计, level 2
    assert process[2:] == ["指导性", "未达到一级", ""]


def test_the_english_file_words_every_item_in_english() -> None:
    rows = rows_of(exported(doc(maximum(), scenarios(产品设计=1)), "en"))
    head, body = section(rows, QUESTIONS["en"])
    assert head[0] == "Question"
    assert body[0][4] == "The enterprise's network construction and connectivity"
    for r in body + section(rows, PART_SCENARIOS["en"])[1]:
        assert not any(CJK.search(c) for c in r), r
    assert section(rows, PART_SCENARIOS["en"])[1][0][:4] == [
        "Product lifecycle digitalization",
        "Product design*",
        "Constrained",
        "Level 1",
    ]


def test_the_figures_given_stand_beside_the_option() -> None:
    data = {"2": {"total_devices": 120, "digital_devices": "60"}}
    rows = rows_of(exported(doc(minimum(), scenarios(), data=data)))
    row = section(rows, QUESTIONS["zh"])[1][1]
    assert row[5:7] == ["[0-10%]", "生产设备数量 120 台；实现数字化的生产设备数量 60 台"]


def test_every_condition_of_every_level_with_met_or_not() -> None:
    rows = rows_of(exported(doc(maximum(), scenarios(**dict.fromkeys(SCENARIOS, 4)))))
    head, body = section(rows, CONDITIONS["zh"])
    assert head == ["等级", "条件项", "条件与当前情况", "是否满足"]
    assert len(body) == 4 * 4 and all(r[3] == "满足" for r in body)
    assert body[0] == ["一级（初始级）", "全部条件", "", "满足"]
    assert body[1][1:] == ["得分", "得分 ≥ 20.00（当前 100.00）", "满足"]
    # no scenario: every level fails on its scenario conditions, not on the score
    rows = rows_of(exported(doc(maximum(), scenarios())))
    body = section(rows, CONDITIONS["zh"])[1]
    assert [r[3] for r in body[:4]] == ["未满足", "满足", "未满足", "未满足"]


def test_a_formula_in_the_notes_is_written_as_text() -> None:
    meta = {"company": '=HYPERLINK("http://x")', "date": "-1"}
    out = exported(doc(maximum(), scenarios(), meta=meta))
    rows = rows_of(out)
    assert line(rows, "企业名称") == ['\'=HYPERLINK("http://x")']
    assert line(rows, "评测日期") == ["'-1"]
    assert out["name"] == "sme-digital-level-2024-HYPERLINK_http_x.csv"


def test_answers_that_cannot_be_read_give_the_errors_of_the_score() -> None:
    bad = doc({**maximum(), "4": [1, 2], "12": 9}, {**scenarios(), "产品设计": 7})
    out = exported(bad, "en")
    assert out["ok"] is False and out["refused"] is False
    assert out["errors"] == score_dict(None, json.dumps(bad), "en")["errors"]
    codes = {e["code"] for e in out["errors"]}
    assert codes == {"none_with_others", "option_out_of_range", "level_out_of_range"}


def test_answers_not_complete_make_a_file_without_a_result() -> None:
    questions = maximum()
    del questions["3"]
    rows = rows_of(exported(doc(questions, {"产品设计": 1})))
    assert line(rows, "评测等级") == ["尚未作答完毕，暂无结果"]
    missing = line(rows, "未作答的项目")[0]
    assert missing.startswith("第3题、场景「工艺设计」") and "场景「产品设计」" not in missing
    assert "基础、管理及成效得分" not in [r[0] for r in title_block(rows) if r]
    body = section(rows, QUESTIONS["zh"])[1]
    assert body[2][5:8] == ["", "", ""] and body[1][7] == "6.00"  # question 3 blank, 2 scored
    assert section(rows, PART_SCENARIOS["zh"])[1][1][3] == ""  # 工艺设计 not answered
    assert CONDITIONS["zh"] not in titles(rows)


@settings(max_examples=40, deadline=None)
@given(_questions(), _scenarios())
def test_random_answers_give_a_file_with_one_row_per_item(
    questions: dict[str, Any], scen: dict[str, int]
) -> None:
    for lang in ("zh", "en"):
        rows = rows_of(exported(doc(questions, scen), lang))
        assert [r[0] for r in section(rows, QUESTIONS[lang])[1]] == [str(n) for n in range(1, 16)]
        assert len(section(rows, PART_SCENARIOS[lang])[1]) == len(SCENARIOS)
        assert len(section(rows, CONDITIONS[lang])[1]) == 4 * 4
        level = line(rows, LEVEL_LABEL[lang])[0]
        assert level == score_dict(None, json.dumps(doc(questions, scen)), lang)["level"]["label"]
