"""The general assessment as a CSV file: the score (official in Jiangsu, a labelled reference value
in Inner Mongolia) and what it means for the tiers, one row per indicator by its official number
with the level, its description, the self-score, the degree of match and whether it counts;
indicator 7 records its amounts. Expectations are typed in from the official text or the
hand-worked vectors (tests/vectors)."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from .csv_files import (
    CJK,
    errors_like_the_score,
    exported,
    line,
    rows_of,
    section,
    title_block,
    vectors,
)
from .test_answers_dx_index import BANDS, IM, JS, NOT_APPLICABLE, SCORED

PART = {"zh": "各指标等级与自评分", "en": "Level and self-score of each indicator"}
SCORE = {"zh": "通用评估自评价得分", "en": "General assessment self-evaluation score"}
REFERENCE = {
    "zh": "按江苏算法的参考分（非内蒙古官方）",
    "en": "Reference value by the Jiangsu method (not an official Inner Mongolia score)",
}
# 说明 of Table 1: the basic requirement of the tiers is a score above 60 (Jiangsu only)
GATE = "条件：企业具备基本的数字化、网络化、智能化能力，利用《江苏省企业数字化转型通用评估指标体系(2025年版)》自评价得分高于60分。"  # noqa: E501


def full(level: int = 4, score: str = "50", **overrides: Any) -> dict[str, Any]:
    answers: dict[str, Any] = {str(n): {"level": level, "score": score} for n in SCORED}
    answers.update(overrides)
    return {"rubric": JS, "indicators": answers}


@pytest.mark.parametrize(
    "v", vectors(JS) + vectors(IM), ids=lambda v: f"{v['rubric']}: {v['name'][:40]}"
)
def test_every_vector_gives_its_score_in_the_title_block(v: dict[str, Any]) -> None:
    expect, lang = v["expect"], v["lang"]
    if not expect["ok"]:
        errors_like_the_score(v)
        return
    rows = rows_of(exported(v["text"], lang))
    label = (SCORE if expect.get("official", True) else REFERENCE)[lang]
    if expect["score"] is None:
        assert line(rows, "等级概况" if lang == "zh" else "Level profile")
    elif "display" in expect:
        assert line(rows, label)[0] == expect["display"]
    else:
        assert Decimal(line(rows, label)[0]) == Decimal(expect["score"]).quantize(Decimal("0.01"))
    gates = expect.get("gates", {})
    if "basic_requirement" in gates and lang == "zh":
        assert line(rows, GATE) == ["满足" if gates["basic_requirement"] else "未满足"]


def test_jiangsu_title_carries_the_number_of_the_notice_and_inner_mongolia_none() -> None:
    rows = rows_of(exported(full()))
    assert rows[0] == ["江苏省企业数字化转型通用评估指标体系（2025年版）（苏工信信发〔2025〕28号）"]
    im = {"rubric": IM, "indicators": {str(n): {"level": 3} for n in SCORED}}
    rows = rows_of(exported(im, "en"))
    assert rows[0] == [
        "Inner Mongolia Enterprise Intelligent Manufacturing Capability Assessment System"
        " (2025 Edition)"
    ]


def test_one_row_per_indicator_by_official_number() -> None:
    raw = full(
        **{"1": {"not_applicable": True}, "3": {"level": 1}, "2": {"level": 6, "score": "95"}}
    )
    raw["amounts"] = {"total_since_2014": "1,200", "invested_2024": 300}
    head, body = section(rows_of(exported(raw)), PART["zh"])
    assert head == [
        *("序号", "一级指标", "二级指标", "所选答案", "该等级的描述"),
        *("自评分", "符合程度", "是否计入平均"),
    ]
    assert [r[0] for r in body] == [str(n) for n in range(1, 11)]
    assert body[0][1:4] == ["数字化应用能力", "研发设计数字化水平", "不涉及此环节"]
    assert body[0][5:] == ["", "", "不计入（不涉及此环节）"]
    # level 6 band [80, 100): 95 lies in its last part, 非常符合
    assert body[1][3] == "等级6" and body[1][5:] == ["95.00", "非常符合", "计入"]
    assert body[2][3] == "等级1" and body[2][5] == "0.00"  # level 1 scores 0 without a score
    seven = body[6]
    assert seven[1:3] == ["数字化支撑能力", "数字化投入规模"]
    assert (
        "1200 万元" in seven[3] and seven[3].endswith("300 万元") and seven[7] == "不计分（仅记录）"
    )


def test_the_english_file_words_every_indicator_in_english() -> None:
    head, body = section(rows_of(exported(full(), "en")), PART["en"])
    assert head[0] == "No." and body[4][3] == "Level 4"
    for r in body:
        assert not any(CJK.search(c) for c in r), r


def test_the_mean_is_over_the_indicators_that_count() -> None:
    # (10 + 30 + 45 + 65 + 85 + 0 + 20 + 60) ÷ 8 = 39.375, shown 39.37 (Table 3, 说明3)
    rows = rows_of(exported(vectors(JS)[0]["text"]))
    assert line(rows, SCORE["zh"]) == ["39.37", "满分 100"]


def test_inner_mongolia_labels_its_number_a_reference_value() -> None:
    im = {"rubric": IM, "indicators": {str(n): {"level": 3, "score": "30"} for n in SCORED}}
    rows = rows_of(exported(im))
    assert line(rows, REFERENCE["zh"]) == ["30.00", "满分 100"]
    assert any("没有官方计分方法" in r[0] for r in title_block(rows) if r)


def test_a_formula_in_the_notes_is_written_as_text() -> None:
    rows = rows_of(exported({**full(), "meta": {"company": "@SUM(1)"}}))
    assert line(rows, "企业名称") == ["'@SUM(1)"]


def test_answers_that_cannot_be_read_give_the_errors_of_the_score() -> None:
    out = exported(full(**{"2": {"level": 3, "score": "80"}, "4": {"level": 9}}), "en")
    assert out["ok"] is False
    assert [(e["code"], e["item"]) for e in out["errors"]] == [
        ("score_outside_band", "indicator:2"),
        ("dx_level_out_of_range", "indicator:4"),
    ]


def test_answers_not_complete_make_a_file_without_a_score() -> None:
    raw = full()
    del raw["indicators"]["10"]
    raw["indicators"]["9"] = {"level": 3}
    rows = rows_of(exported(raw))
    assert line(rows, SCORE["zh"]) == ["尚未作答完毕，暂无结果"]
    assert line(rows, "未作答的项目") == ["指标9「数据要素」、指标10「组织战略人才」"]
    body = section(rows, PART["zh"])[1]
    assert body[8][3] == "等级3" and body[8][5:] == ["", "", ""]
    assert body[9][3:] == ["", "", "", "", ""]


@st.composite
def answers(draw: st.DrawFn) -> dict[str, Any]:
    """Valid answers: a level with a self-score inside its band (Table 3), or 不涉及 if offered."""
    out: dict[str, Any] = {}
    for n in SCORED:
        if n in NOT_APPLICABLE and draw(st.booleans()):
            out[str(n)] = {"not_applicable": True}
            continue
        level = draw(st.integers(1, 6))
        if level == 1:
            out[str(n)] = {"level": 1}
        else:
            low, high, _, _ = BANDS[level]
            score = draw(st.decimals(Decimal(low), Decimal(high), places=2))
            out[str(n)] = {"level": level, "score": str(score)}
    return out


@settings(max_examples=40, deadline=None)
@given(answers(), st.sampled_from([JS, IM]), st.sampled_from(["zh", "en"]))
def test_random_answers_give_a_file_with_one_row_per_indicator(
    given_answers: dict[str, Any], rid: str, lang: str
) -> None:
    rows = rows_of(exported({"rubric": rid, "indicators": given_answers}, lang))
    assert [r[0] for r in section(rows, PART[lang])[1]] == [str(n) for n in range(1, 11)]
    counted = [r[7] for r in section(rows, PART[lang])[1]]
    assert counted.count("计入" if lang == "zh" else "counted") == sum(
        1 for a in given_answers.values() if "level" in a
    )
