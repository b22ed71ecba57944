"""The national smart-factory checklist as a CSV file: the highest tier whose conditions all hold,
the AI share and the declared inputs in the title block; the basic requirements by their official
number and the declarations by the application conditions that ask for them; one row per scenario
of the 2025 guide by its official number; every tier's conditions, met or not. Expectations are
typed in from the official text or the hand-worked vectors (tests/vectors)."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from zhiping.answers.smart_factory_national import ReadNational, answers_dict

from .csv_files import (
    CJK,
    errors_like_the_score,
    exported,
    line,
    rows_of,
    section,
    vectors,
)
from .test_scoring_smart_factory_national import ANSWERS, M, answers

RID = "smart-factory-national-2025"
TIERS = {
    "zh": ["尚无符合条件的梯度", "基础级", "先进级", "卓越级", "领航级"],
    "en": [
        "No tier qualifies yet",
        "Basic level",
        "Advanced level",
        "Excellence level",
        "Leading level",
    ],
}
ELIGIBLE = {"zh": "符合要素条件的最高梯度", "en": "Highest tier whose conditions all hold"}
DECLARATIONS = {"zh": "基础要求与声明", "en": "Basic requirements and declarations"}
SCENARIOS = {
    "zh": "已建设的场景（《智能制造典型场景参考指引（2025年版）》）",
    "en": "Scenarios built (Intelligent Manufacturing Typical Scenario Reference Guide,"
    " 2025 edition)",
}
CONDITIONS = {"zh": "各梯度条件", "en": "Conditions of each tier"}
ALL = {"zh": "全部条件", "en": "Every condition"}
MET = {"zh": "满足", "en": "met"}


def raw(rank: int, **extra: Any) -> dict[str, Any]:
    """The answers file of exactly what tier ``rank`` needs."""
    return {**answers_dict(M, ReadNational(answers(rank))), **extra}


@pytest.mark.parametrize("v", vectors(RID), ids=lambda v: v["name"][:50])
def test_every_vector_gives_its_tier_and_every_tier_met_or_not(v: dict[str, Any]) -> None:
    expect, lang = v["expect"], v["lang"]
    if not expect["ok"]:
        assert errors_like_the_score(v)
        return
    rows = rows_of(exported(v["text"], lang))
    assert line(rows, ELIGIBLE[lang]) == [TIERS[lang][expect["tier"]]]
    body = section(rows, CONDITIONS[lang])[1]
    assert [r[3] == MET[lang] for r in body if r[1] == ALL[lang]] == expect["holds"]
    if expect.get("share"):
        share = "应用人工智能技术的场景比例" if lang == "zh" else "Share of scenarios applying AI"
        assert line(rows, share)[0].endswith(f"= {expect['share']}")


@pytest.mark.parametrize("rank", [1, 2, 3, 4])
def test_each_tier_at_its_exact_minimum(rank: int) -> None:
    rows = rows_of(exported(raw(rank)))
    assert rows[0] == ["智能工厂梯度培育要素条件（2025年版）（工信厅联通装函〔2025〕251号）"]
    assert line(rows, "符合要素条件的最高梯度") == [TIERS["zh"][rank]]
    holds = [r[3] for r in section(rows, CONDITIONS["zh"])[1] if r[1] == "全部条件"]
    assert holds == ["满足"] * rank + ["未满足"] * (4 - rank)


def test_the_requirements_by_official_number_and_the_declarations_by_their_conditions() -> None:
    head, body = section(rows_of(exported(raw(3))), DECLARATIONS["zh"])
    assert head == ["序号", "要求", "原文", "回答"]
    assert [r[0] for r in body[:5]] == ["1", "2", "3", "4", "5"]
    assert body[0][1] == "申报主体" and body[0][2].startswith("企业应为规模以上工业企业")
    assert [r[3] for r in body[:4]] == ["是"] * 4
    assert body[4][1:] == [body[4][1], body[4][2], "3级"]  # 5: the maturity given
    # 境内注册、独立法人 is asked by condition 1 of 卓越级 and of 领航级; 领军企业 by 领航级's 2
    assert body[5][0] == "卓越级申报条件1；领航级申报条件1" and body[5][3] == "是"
    assert body[6][:2] == ["领航级申报条件2", "本行业本领域领军企业"] and body[6][3] == "未声明"


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_one_row_per_scenario_by_official_number(lang: str) -> None:
    head, body = section(rows_of(exported(raw(4), lang)), SCENARIOS[lang])
    assert [r[0] for r in body] == [str(n) for n in range(1, 41)]
    if lang == "zh":
        assert head == ["序号", "环节", "场景名称", "建设情况", "对应的环节（覆盖条件）"]
        assert body[0][1:] == [
            "工厂建设",
            "工厂数字化规划设计",
            "已建设并应用人工智能技术",
            "工厂建设",
        ]
        assert body[7][3:] == ["已建设", "生产管理"]  # 8: built without AI
        assert body[1][3:] == ["未建设", ""]
    else:
        assert body[0][3] == "Built, applying AI"
        for r in body:
            assert not any(CJK.search(c) for c in r), r


def test_the_inputs_in_the_title_block() -> None:
    rows = rows_of(exported(raw(3), "en"))
    assert line(rows, "Share of scenarios applying AI") == [
        "1 scenarios applying AI ÷ 5 built scenarios = 20%"
    ]
    assert line(rows, "Position of the main technical and economic indicators (declared)") == [
        "Leading in the industry in China"
    ]
    assert line(rows, "Tier already held") == ["Advanced level, recognised"]
    nothing = rows_of(exported({"rubric": RID}))
    assert line(nothing, "符合要素条件的最高梯度") == ["尚无符合条件的梯度"]
    assert line(nothing, "应用人工智能技术的场景比例") == ["尚未选择已建设的场景，比例无法计算。"]
    assert line(nothing, "已有梯度") == ["未填写"]


def test_a_formula_in_the_notes_is_written_as_text() -> None:
    rows = rows_of(exported(raw(1, meta={"company": "=1+1"})))
    assert line(rows, "企业名称") == ["'=1+1"]


def test_answers_that_cannot_be_read_give_the_errors_of_the_score() -> None:
    out = exported(raw(2, held=7, declarations={"compliance": "yes"}))
    assert out["ok"] is False
    assert [(e["code"], e["item"]) for e in out["errors"]] == [
        ("not_yes_no", "declaration:compliance"),
        ("bad_choice", "input:held"),
    ]


@settings(max_examples=40, deadline=None)
@given(ANSWERS, st.sampled_from(["zh", "en"]))
def test_random_answers_give_a_file_with_one_row_per_item(a: Any, lang: str) -> None:
    given_answers = answers_dict(M, ReadNational(a))
    rows = rows_of(exported(given_answers, lang))
    assert [r[0] for r in section(rows, SCENARIOS[lang])[1]] == [str(n) for n in range(1, 41)]
    assert len(section(rows, DECLARATIONS[lang])[1]) == 5 + 2
    assert len(section(rows, CONDITIONS[lang])[1]) == 4 * 7
