"""A province's smart-factory tier as a CSV file: the tier, the maturity, the score and the number
of scenarios in the title block; one row per typical scenario by its official table number with
the tier reached, its description and the segment it covers; every tier's conditions, met or not.
Expectations are typed in from the official text or the hand-worked vectors (tests/vectors)."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from zhiping.answers.smart_factory_tier import ReadTier, answers_dict

from .csv_files import (
    CJK,
    errors_like_the_score,
    exported,
    line,
    rows_of,
    section,
    titles,
    vectors,
)
from .test_scoring_smart_factory_tier import LEVELS, MODELS, PROVINCE, tier_answers

JS = "smart-factory-tier-jiangsu-2025"
IM = "smart-factory-tier-inner-mongolia-2025"
TIERS = {
    "zh": ["未达到基础级", "基础级", "先进级", "卓越级", "领航级"],
    "en": ["No tier reached", "Basic level", "Advanced level", "Excellence level", "Leading level"],
}
TIER = {"zh": "智能工厂梯度", "en": "Smart-factory tier"}
PART = {"zh": "典型场景自评价", "en": "Typical scenario self-evaluation"}
CONDITIONS = {"zh": "各梯度条件", "en": "Conditions of each tier"}
ALL = {"zh": "全部条件", "en": "Every condition"}
MET = {"zh": ("未满足", "满足"), "en": ("not met", "met")}


def raw(rid: str = JS, **extra: Any) -> dict[str, Any]:
    return {"rubric": rid, "scenarios": {"9": 1, "34": 3}, "maturity": 2, "score": "61", **extra}


@pytest.mark.parametrize(
    "v", vectors(JS) + vectors(IM), ids=lambda v: f"{v['rubric']}: {v['name'][:40]}"
)
def test_every_vector_gives_its_tier_and_every_tier_met_or_not(v: dict[str, Any]) -> None:
    expect, lang = v["expect"], v["lang"]
    if not expect["ok"]:
        if not errors_like_the_score(v):  # only the maturity missing: a file without a tier
            assert line(rows_of(exported(v["text"], lang)), TIER[lang])[0] != TIERS[lang][0]
        return
    rows = rows_of(exported(v["text"], lang))
    assert line(rows, TIER[lang]) == [TIERS[lang][expect["tier"]]]
    body = section(rows, CONDITIONS[lang])[1]
    whole = [r[3] == MET[lang][1] for r in body if r[1] == ALL[lang]]
    assert whole == expect["holds"]


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_one_row_per_scenario_by_official_table_number(lang: str) -> None:
    rows = rows_of(exported(raw(), lang))
    head, body = section(rows, PART[lang])
    assert [r[0] for r in body] == [str(n) for n in range(1, 41)]
    if lang == "zh":
        assert head == [
            "序号",
            "环节",
            "场景名称",
            "所达梯度",
            "该梯度的描述",
            "对应的环节（覆盖条件）",
        ]
        # row 9 (生产作业) at 基础级: its description, and it covers 生产作业
        assert body[8][1:] == ["生产作业", "产线柔性配置", "基础级", "应用自动化产线。", "生产作业"]
        # row 34 (多环节模式创新) counts toward the number of scenarios but covers no segment
        assert body[33][3] == "卓越级" and body[33][5] == "不计入环节覆盖"
        assert body[0][3:] == ["未达到", "", ""]
    else:
        assert body[8][1:5] == [
            "Production operations",
            "Flexible production line configuration",
            "Basic level",
            "Uses automated production lines.",
        ]
        for r in body:
            assert not any(CJK.search(c) for c in r), r


def test_the_title_block() -> None:
    rows = rows_of(exported(raw()))
    assert rows[0] == ["江苏省智能工厂梯度建设要素条件（2025年版）（苏工信信发〔2025〕28号）"]
    # 2 scenarios (8 needed for 基础级): no tier; the maturity and the score as given
    assert line(rows, "智能工厂梯度") == ["未达到基础级"]
    assert line(rows, "智能制造能力成熟度（GB/T 39116 自评价等级）") == ["2级"]
    assert line(rows, "通用评估自评价得分") == ["61.00"]
    assert line(rows, "达到某一梯度的场景") == ["2 / 40"]
    im = rows_of(exported(raw(IM), "en"))
    assert im[0] == [
        "Inner Mongolia Autonomous Region Qualifying Criteria for Tiered Cultivation of Smart"
        " Factories (2025 Edition)"
    ]
    assert "General assessment self-evaluation score" not in [r[0] for r in im[:8] if r]


def test_every_condition_of_every_tier() -> None:
    head, body = section(rows_of(exported(raw())), CONDITIONS["zh"])
    assert head == ["智能工厂梯度", "条件项", "条件与当前情况", "是否满足"]
    # Jiangsu: scenarios, segments, maturity and the general assessment score, per tier
    assert [r[1] for r in body[:5]] == [
        "全部条件",
        "场景数",
        "环节覆盖",
        "能力成熟度",
        "通用评估得分",
    ]
    assert body[1][2:] == ["本梯度及以上的场景 2 个（至少 8 个）", "未满足"]
    assert body[4][2:] == ["通用评估得分 61.00（须高于 60 分）", "满足"]
    assert len(body) == 4 * 5
    assert len(section(rows_of(exported(raw(IM))), CONDITIONS["zh"])[1]) == 4 * 4  # no score gate


def test_a_formula_in_the_notes_is_written_as_text() -> None:
    rows = rows_of(exported(raw(meta={"company": "+1", "date": "2025-06-01"})))
    assert line(rows, "企业名称") == ["'+1"] and line(rows, "评测日期") == ["2025-06-01"]


def test_answers_that_cannot_be_read_give_the_errors_of_the_score() -> None:
    out = exported(raw(scenarios={"1": 1, "41": 2}), "en")  # 1 is "/" at 基础级; there is no 41
    assert out["ok"] is False
    assert [(e["code"], e["item"]) for e in out["errors"]] == [
        ("tier_not_available", "scenario:1"),
        ("unknown_scenario_number", "scenario:41"),
    ]
    assert "Basic level" in out["errors"][0]["message"]


def test_without_the_maturity_a_file_without_a_tier() -> None:
    answers = raw()
    del answers["maturity"]
    rows = rows_of(exported(answers))
    assert line(rows, "智能工厂梯度") == ["尚未作答完毕，暂无结果"]
    assert line(rows, "未作答的项目") == ["智能制造能力成熟度（GB/T 39116 自评价等级）"]
    assert line(rows, "智能制造能力成熟度（GB/T 39116 自评价等级）") == ["未填写"]
    assert titles(rows) == ["典型场景自评价"]


@settings(max_examples=40, deadline=None)
@given(PROVINCE, LEVELS, st.integers(1, 5), st.integers(0, 100), st.sampled_from(["zh", "en"]))
def test_random_answers_give_a_file_with_one_row_per_scenario(
    province: str, levels: list[int], maturity: int, score: int, lang: str
) -> None:
    m = MODELS[province]
    answers = answers_dict(m, ReadTier(tier_answers(m, levels, maturity, score)))
    rows = rows_of(exported(answers, lang))
    body = section(rows, PART[lang])[1]
    assert [r[0] for r in body] == [str(n) for n in range(1, 41)]
    reached = sum(1 for r in body if r[3] != ("未达到" if lang == "zh" else "Not reached"))
    assert reached == sum(1 for v in answers["scenarios"].values() if v)
    assert len(section(rows, CONDITIONS[lang])[1]) == len(m.tiers) * (5 if m.score_gated else 4)
