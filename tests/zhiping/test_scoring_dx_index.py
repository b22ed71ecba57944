"""General assessment self-score, rule by rule (DECISIONS.md, Jiangsu general DX index), on the
transcribed Jiangsu and Inner Mongolia rubrics. Expected values are typed in from the official text:
bands 0 | (0,20) | [20,40) | [40,60) | [60,80) | [80,100); 不涉及 only on indicators 1, 5 and 6."""

from __future__ import annotations

from fractions import Fraction

import pytest

from zhiping.model.dx_index import DxIndexRubric
from zhiping.scoring.dx_index import DxAnswer, in_band, score_dx, sub_band

from .test_model_dx_index import raw

JS = DxIndexRubric.from_dict(raw("jiangsu-dx-2025"))
IM = DxIndexRubric.from_dict(raw("inner-mongolia-capability-2025"))
SCORED = (1, 2, 3, 4, 5, 6, 8, 9, 10)


def every(level: int, score: str) -> dict[int, DxAnswer]:
    return {n: DxAnswer(level, Fraction(score)) for n in SCORED}


@pytest.mark.parametrize(
    ("level", "score", "allowed"),
    [
        (1, "0", True),
        (1, "1", False),
        (2, "0", False),
        (2, "0.5", True),
        (2, "19.9", True),
        (2, "20", False),
        (3, "20", True),
        (3, "39.9", True),
        (3, "40", False),
        (4, "40", True),
        (5, "60", True),
        (5, "80", False),
        (6, "80", True),
        (6, "99.9", True),
        (6, "100", False),
    ],
)
def test_every_band_edge(level: int, score: str, allowed: bool) -> None:
    assert in_band(JS, level, Fraction(score)) is allowed


@pytest.mark.parametrize(
    ("score", "part"),
    [("6.9", "basic"), ("7", "largely"), ("13.9", "largely"), ("14", "fully"), ("34", "fully")],
)
def test_the_conformity_part_is_derived_from_the_score(score: str, part: str) -> None:
    level = 2 if Fraction(score) < 20 else 3
    assert sub_band(JS, level, Fraction(score)) == part


def test_the_score_is_the_mean_of_the_nine_scored_indicators() -> None:
    answers = every(4, "50")
    answers[2] = DxAnswer(6, Fraction(95))  # (8 × 50 + 95) / 9 = 55
    result = score_dx(JS, answers)
    assert result.score == Fraction(55) and result.counted == 9
    assert 7 not in {i.number for i in result.indicators}  # amounts are recorded, not scored


def test_not_applicable_leaves_the_mean_while_level_1_counts_as_zero() -> None:
    answers = every(5, "70")
    answers[1] = DxAnswer(None, None)  # 不涉及: 8 indicators of 70 → 70
    assert score_dx(JS, answers).score == Fraction(70)
    answers[1] = DxAnswer(1, Fraction(0))  # level 1: (8 × 70 + 0) / 9
    assert score_dx(JS, answers).score == Fraction(560, 9)


def test_not_applicable_only_where_the_indicator_offers_it() -> None:
    answers = every(5, "70")
    answers[2] = DxAnswer(None, None)
    with pytest.raises(ValueError, match="不涉及"):
        score_dx(JS, answers)


def test_a_score_outside_the_chosen_band_is_refused() -> None:
    answers = every(3, "40")  # 40 belongs to level 4
    with pytest.raises(ValueError, match="band"):
        score_dx(JS, answers)


@pytest.mark.parametrize(("score", "above"), [("60", False), ("60.5", True)])
def test_the_tier_gate_is_strictly_above_60(score: str, above: bool) -> None:
    level = 5 if Fraction(score) >= 60 else 4
    assert score_dx(JS, every(level, score)).above(60) is above


def test_inner_mongolia_has_only_a_reference_value() -> None:
    result = score_dx(IM, every(4, "50"))
    assert result.score == 50 and result.official is False
    assert score_dx(JS, every(4, "50")).official is True
