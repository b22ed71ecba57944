"""Every official rule of the SME digital level and every reading of DECISIONS.md, stated as a test.

Expected numbers are worked out from the official text, not from the code.
"""

from __future__ import annotations

import json
from fractions import Fraction
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from zhiping.answers.sme import parse_answers
from zhiping.api import score_dict
from zhiping.scoring.sme import score

from .helpers import (
    CONSTRAINED,
    MULTI,
    SCENARIOS,
    SINGLE,
    doc,
    maximum,
    minimum,
    rubric,
    scenarios,
    text,
)

GUIDING = [s for s in SCENARIOS if s not in CONSTRAINED]
CONSTRAINED_ORDERED = [s for s in SCENARIOS if s in CONSTRAINED]


def run(questions: dict[str, Any], scen: dict[str, int]) -> Any:
    r = rubric()
    return score(r, parse_answers(r, doc(questions, scen)))


def points_of(questions: dict[str, Any], number: int) -> Fraction:
    return next(q.points for q in run(questions, scenarios()).questions if q.number == number)


def with_levels(level: int, constrained: int, guiding: int) -> dict[str, int]:
    picked = CONSTRAINED_ORDERED[:constrained] + GUIDING[:guiding]
    return scenarios(**dict.fromkeys(picked, level))


# Questions whose combinations reach an exact total (points from the official rule):
EXACT_20 = {**minimum(), "4": list(range(2, 16)), "5": 5}  # 10 + 10
EXACT_40 = {**EXACT_20, "1": [2, 3, 4, 5], "2": 5, "3": 5}  # + 8 + 6 + 6
EXACT_60 = {
    **EXACT_40,
    "6": [2, 3, 4],
    "7": [2, 3, 4, 5],
    "8": 6,
    "11": 3,
}  # + 3.75 + 5 + 7.5 + 3.75
EXACT_80 = {**maximum(), "12": 1, "13": 1, "14": 1, "15": 1}  # foundation 50 + management 30


def test_single_choice_points_follow_position() -> None:
    # 3 options → 0/50/100, 5 → 0/25/…/100, 6 → 0/20/…/100, times the question's weight
    assert [points_of({**minimum(), "12": k}, 12) for k in (1, 2, 3)] == [0, Fraction("3.5"), 7]
    assert [points_of({**minimum(), "2": k}, 2) for k in (1, 2, 3, 4, 5)] == [
        0,
        Fraction("1.5"),
        3,
        Fraction("4.5"),
        6,
    ]


def test_q8_last_option_scores_full_by_position() -> None:  # decision A5
    assert points_of({**minimum(), "8": 6}, 8) == Fraction("7.5")
    assert points_of({**minimum(), "8": 5}, 8) == 6


def test_multi_choice_points_are_count_times_100_over_options_minus_one() -> None:
    assert points_of({**minimum(), "1": [2, 3]}, 1) == 4  # 2 × 100/4 × 8 %
    assert points_of({**minimum(), "4": [2, 3, 4]}, 4) == Fraction(15, 7)  # 3 × 100/14 × 10 %  (A6)
    assert points_of({**minimum(), "10": [2]}, 10) == Fraction("1.5")  # 100/5 × 7.5 %


def test_none_alone_scores_zero() -> None:
    assert points_of(minimum(), 1) == 0


def test_q14_and_q15_each_carry_three_points() -> None:  # decision A1
    assert points_of({**minimum(), "14": 3}, 14) == 3
    assert points_of({**minimum(), "15": 3}, 15) == 3


def test_maximum_is_100_and_minimum_is_0() -> None:
    assert run(maximum(), scenarios()).score == 100
    assert run(minimum(), scenarios()).score == 0


@pytest.mark.parametrize(
    ("questions", "scen", "level"),
    [
        (EXACT_20, with_levels(1, 3, 3), 1),
        (EXACT_40, with_levels(2, 3, 3), 2),
        (EXACT_60, with_levels(3, 5, 3), 3),
        (EXACT_80, with_levels(4, 6, 4), 4),
    ],
    ids=["20", "40", "60", "80"],
)
def test_level_holds_at_exactly_the_threshold(
    questions: dict[str, Any], scen: dict[str, int], level: int
) -> None:
    result = run(questions, scen)
    assert result.score == [20, 40, 60, 80][level - 1]
    assert result.level == level


@pytest.mark.parametrize(
    ("questions", "scen", "level"),
    [
        ({**EXACT_20, "4": list(range(2, 15))}, with_levels(1, 3, 3), 0),  # 135/7
        ({**EXACT_40, "3": 4}, with_levels(2, 3, 3), 1),  # 38.5
        ({**EXACT_60, "11": 2}, with_levels(3, 5, 3), 2),  # 58.125
        ({**EXACT_80, "10": [2, 3, 4, 5]}, with_levels(4, 6, 4), 3),  # 78.5
    ],
    ids=["19.29", "38.5", "58.125", "78.5"],
)
def test_level_fails_just_below_the_threshold(
    questions: dict[str, Any], scen: dict[str, int], level: int
) -> None:
    result = run(questions, scen)
    assert result.level == level
    assert not result.checks[level].score_ok


def test_level_1_needs_six_scenarios_not_five() -> None:
    assert run(EXACT_20, with_levels(1, 3, 2)).level == 0
    assert run(EXACT_20, with_levels(1, 3, 3)).level == 1


def test_level_1_needs_three_constrained_among_the_six() -> None:  # A11: 其中 = among them
    assert run(EXACT_20, with_levels(1, 2, 4)).level == 0
    assert run(EXACT_20, with_levels(1, 3, 3)).level == 1


def test_level_3_needs_eight_scenarios_not_seven() -> None:
    assert run(EXACT_60, with_levels(3, 5, 2)).level == 2
    assert run(EXACT_60, with_levels(3, 5, 3)).level == 3


def test_level_3_needs_five_constrained_scenarios() -> None:
    assert run(EXACT_60, with_levels(3, 4, 4)).level == 2


def test_level_4_needs_ten_scenarios_not_nine() -> None:
    assert run(EXACT_80, with_levels(4, 6, 3)).level == 3
    assert run(EXACT_80, with_levels(4, 6, 4)).level == 4


def test_level_4_needs_six_constrained_scenarios() -> None:
    assert run(EXACT_80, with_levels(4, 5, 5)).level == 3


def test_scenario_levels_are_cumulative() -> None:  # A10
    assert run(EXACT_20, with_levels(4, 3, 3)).level == 1
    result = run(maximum(), with_levels(4, 6, 4))
    assert [(c.total, c.constrained) for c in result.counts] == [(10, 6)] * 4


def test_both_parts_must_hold() -> None:
    assert run(maximum(), scenarios()).level == 0  # 100 points, no scenarios
    assert (
        run(minimum(), scenarios(**dict.fromkeys(SCENARIOS, 4))).level == 0
    )  # all scenarios, 0 points


def test_every_condition_of_every_level_is_reported() -> None:
    result = run(EXACT_40, with_levels(2, 3, 3))
    assert [(c.score_ok, c.scenarios_ok, c.constrained_ok) for c in result.checks] == [
        (True, True, True),
        (True, True, True),
        (False, False, False),
        (False, False, False),
    ]


def test_gap_names_the_fewest_scenarios_and_points() -> None:
    result = run(EXACT_40, with_levels(2, 3, 3))
    gap = result.gap
    assert gap is not None and gap.target == 3
    assert gap.points_missing == 20
    assert len(gap.scenario_raises) == 8  # 8 scenarios at ≥ 3 are needed, none is yet
    assert sum(1 for r in gap.scenario_raises if r.id in CONSTRAINED) >= 5


def test_no_gap_at_the_highest_level() -> None:
    assert run(maximum(), scenarios(**dict.fromkeys(SCENARIOS, 4))).gap is None


def test_the_exact_score_is_compared_before_display() -> None:  # A7
    out = score_dict(None, text(doc({**EXACT_20, "4": list(range(2, 15))}, with_levels(1, 3, 3))))
    assert out["score"] == {"exact": "135/7", "display": "19.28", "max": "100.00"}
    assert out["level"]["rank"] == 0


# ---- properties ----


def _questions() -> st.SearchStrategy[dict[str, Any]]:
    parts: dict[str, st.SearchStrategy[Any]] = {}
    for n, count in MULTI.items():
        parts[str(n)] = st.one_of(
            st.just([1]),
            st.sets(st.integers(2, count), min_size=1).map(sorted),
        )
    for n, count in SINGLE.items():
        parts[str(n)] = st.integers(1, count)
    return st.fixed_dictionaries(parts)


def _scenarios() -> st.SearchStrategy[dict[str, int]]:
    return st.fixed_dictionaries({s: st.integers(0, 4) for s in SCENARIOS})


@settings(max_examples=150, deadline=None)
@given(_questions(), _scenarios(), st.data())
def test_ticking_more_options_never_lowers_the_score(
    questions: dict[str, Any], scen: dict[str, int], data: st.DataObject
) -> None:
    before = run(questions, scen)
    n = data.draw(st.sampled_from(sorted(MULTI)))
    current = [o for o in questions[str(n)] if o != 1]
    extra = data.draw(st.integers(2, MULTI[n]))
    more = {**questions, str(n): sorted(set(current) | {extra})}
    after = run(more, scen)
    assert after.score >= before.score
    assert after.level >= before.level


@settings(max_examples=150, deadline=None)
@given(_questions(), _scenarios(), st.data())
def test_raising_a_single_choice_never_lowers_the_score(
    questions: dict[str, Any], scen: dict[str, int], data: st.DataObject
) -> None:
    n = data.draw(st.sampled_from(sorted(SINGLE)))
    higher = {**questions, str(n): data.draw(st.integers(questions[str(n)], SINGLE[n]))}
    assert run(higher, scen).score >= run(questions, scen).score


@settings(max_examples=150, deadline=None)
@given(_questions(), _scenarios(), st.sampled_from(SCENARIOS), st.data())
def test_raising_a_scenario_level_never_lowers_the_level(
    questions: dict[str, Any], scen: dict[str, int], name: str, data: st.DataObject
) -> None:
    raised = {**scen, name: data.draw(st.integers(scen[name], 4))}
    assert run(questions, raised).level >= run(questions, scen).level


@settings(max_examples=100, deadline=None)
@given(_questions(), _scenarios())
def test_following_the_gap_reaches_the_next_level(
    questions: dict[str, Any], scen: dict[str, int]
) -> None:
    result = run(questions, scen)
    if result.gap is None:
        return
    r = rubric()
    improved = dict(questions)
    for step in result.gap.score_steps:
        q = r.question(step.question)
        assert q is not None
        if q.is_multi:
            have = [o for o in improved[str(q.number)] if o != 1]
            free = [o for o in range(2, len(q.options) + 1) if o not in have]
            improved[str(q.number)] = sorted(have + free[: step.steps])
        else:
            improved[str(q.number)] = improved[str(q.number)] + step.steps
    raised = {**scen, **{ra.id: ra.target for ra in result.gap.scenario_raises}}
    assert run(improved, raised).level >= result.gap.target


def test_result_is_json_serialisable_in_both_languages() -> None:
    for lang in ("zh", "en"):
        out = score_dict(None, text(doc(EXACT_40, with_levels(2, 3, 3))), lang)
        json.dumps(out)
        assert out["lang"] == lang


# Points one more option (multi) or one option up (single) adds, by the official 评分逻辑.
STEP_POINTS = {
    1: "2",
    2: "1.5",
    3: "1.5",
    4: "5/7",
    5: "2.5",
    6: "1.25",
    7: "1.25",
    8: "1.5",
    9: "1.875",
    10: "1.5",
    11: "1.875",
    12: "3.5",
    13: "3.5",
    14: "1.5",
    15: "1.5",
}
THRESHOLDS = {1: (6, 3), 2: (6, 3), 3: (8, 5), 4: (10, 6)}  # scenarios, constrained


@settings(max_examples=150, deadline=None)
@given(_questions(), _scenarios())
def test_the_gap_asks_for_the_fewest_changes(
    questions: dict[str, Any], scen: dict[str, int]
) -> None:
    gap = run(questions, scen).gap
    if gap is None:
        return
    gains: list[Fraction] = []
    for n, count in MULTI.items():
        ticked = len([o for o in questions[str(n)] if o != 1])
        gains += [Fraction(STEP_POINTS[n])] * (count - 1 - ticked)
    for n, count in SINGLE.items():
        gains += [Fraction(STEP_POINTS[n])] * (count - questions[str(n)])
    gains.sort(reverse=True)
    k = sum(s.steps for s in gap.score_steps)
    if gap.points_missing > 0:
        assert sum(gains[:k]) >= gap.points_missing  # enough …
        assert sum(gains[: k - 1]) < gap.points_missing  # … and one step fewer is not
    else:
        assert k == 0
    need_total, need_constrained = THRESHOLDS[gap.target]
    at = [s for s in SCENARIOS if scen[s] >= gap.target]
    fewest = max(
        need_total - len(at), need_constrained - len([s for s in at if s in CONSTRAINED]), 0
    )
    assert len(gap.scenario_raises) == fewest
    assert all(scen[r.id] == r.current < r.target == gap.target for r in gap.scenario_raises)
