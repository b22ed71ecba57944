"""Reading general assessment answers: levels, in-band self-scores, 不涉及, the amounts of
indicator 7, every refusal, and the read-back. Bands typed in from Table 3 of the Jiangsu text."""

from __future__ import annotations

from fractions import Fraction
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.zhiping.family_models import model
from zhiping.answers.dx_index import answers_dict, read_answers

JS = "jiangsu-dx-2025"
IM = "inner-mongolia-capability-2025"
SCORED = (1, 2, 3, 4, 5, 6, 8, 9, 10)  # indicator 7 (数字化投入规模) has no levels
NOT_APPLICABLE = (1, 5, 6)  # 说明3: questions 1, 5 and 6 offer 不涉及此环节
# Table 3: level → (lowest allowed, highest allowed, lowest refused above, highest refused below)
BANDS = {2: ("0.01", "19.99", "20", "0"), 3: ("20", "39.99", "40", "19.99"),
         4: ("40", "59.99", "60", "39.99"), 5: ("60", "79.99", "80", "59.99"),
         6: ("80", "99.99", "100", "79.99")}  # fmt: skip


def full(**overrides: Any) -> dict[str, Any]:
    answers: dict[str, Any] = {str(n): {"level": 4, "score": "50"} for n in SCORED}
    answers.update({str(k): v for k, v in overrides.items()})
    return {"rubric": JS, "indicators": answers}


def codes(raw: dict[str, Any], rid: str = JS) -> list[tuple[str, str]]:
    return [(p.code, p.item) for p in read_answers(model(rid), raw)[1]]


def test_every_scored_indicator_answered_reads_without_problems() -> None:
    read, problems = read_answers(model(JS), full())
    assert problems == [] and sorted(read.answers) == list(SCORED)


def test_indicator_7_is_not_a_question() -> None:
    assert codes(full(**{"7": {"level": 3, "score": "30"}})) == [
        ("unknown_indicator", "indicator:7")
    ]


@pytest.mark.parametrize("level", sorted(BANDS))
def test_band_edges(level: int) -> None:
    low, high, above, below = BANDS[level]
    for ok in (low, high):
        assert codes(full(**{"2": {"level": level, "score": ok}})) == []
    for bad in (above, below):
        assert codes(full(**{"2": {"level": level, "score": bad}})) == [
            ("score_outside_band", "indicator:2")
        ]


def test_level_1_scores_0_without_a_score_and_refuses_any_other() -> None:
    read, problems = read_answers(model(JS), full(**{"3": {"level": 1}}))
    assert problems == [] and read.answers[3].score == 0
    assert codes(full(**{"3": {"level": 1, "score": "0"}})) == []
    assert codes(full(**{"3": {"level": 1, "score": "1"}})) == [
        ("score_outside_band", "indicator:3")
    ]


def test_a_level_without_its_score_is_incomplete_not_wrong() -> None:
    assert codes(full(**{"4": {"level": 3}})) == [("missing_score", "indicator:4")]


@pytest.mark.parametrize("number", NOT_APPLICABLE)
def test_not_applicable_where_offered(number: int) -> None:
    read, problems = read_answers(model(JS), full(**{str(number): {"not_applicable": True}}))
    assert problems == [] and read.answers[number].level is None


@pytest.mark.parametrize("number", [2, 3, 4, 8, 9, 10])
def test_not_applicable_where_not_offered(number: int) -> None:
    assert codes(full(**{str(number): {"not_applicable": True}})) == [
        ("not_applicable_not_offered", f"indicator:{number}")
    ]


def test_not_applicable_goes_alone() -> None:
    assert codes(full(**{"1": {"not_applicable": True, "level": 2}})) == [
        ("not_applicable_alone", "indicator:1")
    ]


@pytest.mark.parametrize("value", [0, 7, "3", None, 2.0])
def test_a_level_outside_1_to_6_is_refused(value: Any) -> None:
    expected = "missing_answer" if value is None else "dx_level_out_of_range"
    assert codes(full(**{"2": {"level": value, "score": "10"}})) == [(expected, "indicator:2")]


def test_missing_indicators_are_listed() -> None:
    raw = full()
    del raw["indicators"]["8"], raw["indicators"]["9"]
    assert codes(raw) == [("missing_answer", "indicator:8"), ("missing_answer", "indicator:9")]


def test_amounts_are_read_and_bad_ones_only_warn() -> None:
    raw = {**full(), "amounts": {"total_since_2014": "1,200.5", "invested_2024": "abc"}}
    read, problems = read_answers(model(JS), raw)
    assert problems == []
    assert read.amounts == {"total_since_2014": Fraction(2401, 2)}
    assert [(p.code, p.item) for p in read.amount_problems] == [
        ("bad_number", "amount:invested_2024")
    ]


def test_inner_mongolia_needs_levels_only() -> None:
    raw = {"indicators": {str(n): {"level": 3} for n in SCORED}}
    read, problems = read_answers(model(IM), raw)
    assert problems == [] and all(a.score is None for a in read.answers.values())
    assert codes(raw) == [("missing_score", f"indicator:{n}") for n in SCORED]


@settings(max_examples=60, deadline=None)
@given(
    st.dictionaries(
        st.sampled_from(SCORED),
        st.one_of(
            st.builds(
                lambda lv, s: {"level": lv, "score": str(s)},
                st.integers(1, 6),
                st.decimals(0, 100, places=2),
            ),
            st.just({"not_applicable": True}),
            st.builds(lambda lv: {"level": lv}, st.integers(1, 6)),
        ),
    )
)
def test_the_read_back_reads_back_identically(given_answers: dict[int, Any]) -> None:
    for rid in (JS, IM):
        m = model(rid)
        read, _ = read_answers(m, {"indicators": {str(k): v for k, v in given_answers.items()}})
        back = answers_dict(m, read)
        again, _ = read_answers(m, back)
        assert answers_dict(m, again) == back
