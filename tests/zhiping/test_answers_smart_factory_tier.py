"""Reading smart-factory tier answers: what is accepted, every refusal, and the read-back."""

from __future__ import annotations

from fractions import Fraction
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.zhiping.family_models import model
from zhiping.answers.smart_factory_tier import answers_dict, read_answers

JS = "smart-factory-tier-jiangsu-2025"
IM = "smart-factory-tier-inner-mongolia-2025"


def codes(raw: dict[str, Any], rid: str = JS) -> list[tuple[str, str]]:
    return [(p.code, p.item) for p in read_answers(model(rid), raw)[1]]


def test_a_complete_answer_reads_without_problems() -> None:
    raw = {"rubric": JS, "scenarios": {"3": 1, "7": 4, "28": 3}, "maturity": 3, "score": "61.5"}
    read, problems = read_answers(model(JS), raw)
    assert problems == []
    a = read.answers
    assert a.maturity == 3 and a.score == Fraction(123, 2)
    # keyed by the official table number in the file, by the scenario id inside
    assert a.achieved == {
        model(JS).scenario_by_number(3).id: 1,
        model(JS).scenario_by_number(7).id: 4,
        model(JS).scenario_by_number(28).id: 3,
    }


def test_unlisted_scenarios_are_not_reached_and_the_score_is_optional() -> None:
    read, problems = read_answers(model(JS), {"maturity": 2})
    assert problems == [] and read.answers.achieved == {} and read.answers.score is None


def test_the_maturity_is_required() -> None:
    assert codes({"scenarios": {}}) == [("missing_answer", "input:maturity")]


@pytest.mark.parametrize("value", [0, 6, "3", 2.5, True, [3]])
def test_a_maturity_outside_1_to_5_is_refused(value: Any) -> None:
    assert codes({"maturity": value}) == [("maturity_out_of_range", "input:maturity")]


@pytest.mark.parametrize("value", ["100.5", "-1", "abc", True, {"a": 1}])
def test_a_score_outside_0_to_100_is_refused(value: Any) -> None:
    assert codes({"maturity": 2, "score": value}) == [("score_out_of_range", "input:score")]


@pytest.mark.parametrize("number", [1, 2, 4, 8, 11, 23, 39])
def test_a_slash_cell_at_the_basic_tier_cannot_be_chosen(number: int) -> None:
    # these rows print "/" at 基础级 in both provinces (Jiangsu 40-scenario table, first column)
    for rid in (JS, IM):
        assert codes({"maturity": 2, "scenarios": {str(number): 1}}, rid) == [
            ("tier_not_available", f"scenario:{number}")
        ]
        assert codes({"maturity": 2, "scenarios": {str(number): 2}}, rid) == []


@pytest.mark.parametrize("number", [28, 29, 34, 35, 36, 37, 38, 40])
def test_a_slash_cell_at_the_advanced_tier_cannot_be_chosen(number: int) -> None:
    assert codes({"maturity": 2, "scenarios": {str(number): 2}}) == [
        ("tier_not_available", f"scenario:{number}")
    ]
    assert codes({"maturity": 2, "scenarios": {str(number): 3}}) == []


@pytest.mark.parametrize("key", ["0", "41", "01", "²", "数字孪生工厂运营优化", ""])
def test_scenarios_are_named_by_their_official_number_only(key: str) -> None:
    assert codes({"maturity": 2, "scenarios": {key: 1}}) == [
        ("unknown_scenario_number", f"scenario:{key}")
    ]


@pytest.mark.parametrize("value", [-1, 5, "2", 1.0, None, True])
def test_a_tier_outside_0_to_4_is_refused(value: Any) -> None:
    assert codes({"maturity": 2, "scenarios": {"3": value}}) == [
        ("tier_out_of_range", "scenario:3")
    ]


def test_unknown_keys_and_bad_sections_are_listed_together() -> None:
    found = codes({"maturity": 2, "scenarios": [], "questions": {}, "meta": 3})
    assert found == [
        ("unknown_key", "questions"),
        ("not_an_object", "scenarios"),
        ("not_an_object", "meta"),
    ]


@settings(max_examples=60, deadline=None)
@given(
    st.dictionaries(st.integers(1, 40), st.integers(0, 4), max_size=40),
    st.one_of(st.none(), st.integers(1, 5)),
    st.one_of(st.none(), st.decimals(0, 100, places=2).map(str)),
)
def test_the_read_back_reads_back_identically(
    levels: dict[int, int], maturity: int | None, score: str | None
) -> None:
    m = model(JS)
    raw: dict[str, Any] = {"scenarios": {str(k): v for k, v in levels.items()}}
    if maturity is not None:
        raw["maturity"] = maturity
    if score is not None:
        raw["score"] = score
    read, _ = read_answers(m, raw)
    back = answers_dict(m, read)
    again, problems = read_answers(m, back)
    assert answers_dict(m, again) == back
    assert all(p.code == "missing_answer" for p in problems)
