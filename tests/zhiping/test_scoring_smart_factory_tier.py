"""Smart-factory tier scoring, rule by rule (DECISIONS.md, smart-factory tiers), on the transcribed
Jiangsu and Inner Mongolia rubrics. Expected results are typed in from the official text."""

from __future__ import annotations

from fractions import Fraction

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from zhiping.model.smart_factory_tier import SmartFactoryTierRubric
from zhiping.scoring.smart_factory_tier import TierAnswers, check_tier, score_tier

from .test_model_smart_factory_tier import raw

# Typed in from the qualifying criteria (sections II–V) and the table, Inner Mongolia's notes 1–5.
MIN_SCENARIOS = {"jiangsu": (8, 15, 20, 25), "inner-mongolia": (5, 10, 16, 20)}
MIN_MATURITY = (2, 2, 3, 4)
ROWS = {  # scenario rows of each big segment
    "factory_construction": (1, 2, 31, 32, 33),
    "rd_design": (3, 4, 5, 6),
    "production_operations": (9, 10, 11, 12, 13, 14, 15, 16, 17),
    "production_management": (7, 8, 18, 19, 20, 21, 22, 23, 24),
    "operations_management": (25, 26, 27, 28, 29, 30),
}
CROSS = (34, 35, 36, 37, 38, 39, 40)  # 多环节模式创新: no segment
NO_BASIC = {1, 2, 4, 8, 11, 23, 28, 29, 34, 35, 36, 37, 38, 39, 40}  # "/" at 基础级
NO_ADVANCED = {28, 29, 34, 35, 36, 37, 38, 40}  # "/" at 先进级
REQUIRED = (
    ("production_operations",),
    ("production_operations", "production_management", "operations_management"),
    tuple(ROWS),
    tuple(ROWS),
)

MODELS = {p: SmartFactoryTierRubric.from_dict(raw(p)) for p in MIN_SCENARIOS}


def ids(m: SmartFactoryTierRubric, rows: list[int]) -> list[str]:
    by_number = {s.number: s.id for s in m.scenarios}
    return [by_number[n] for n in rows]


def rows_for(rank: int, count: int) -> list[int]:
    """``count`` scenario rows covering the tier's required segments, all described at ``rank``."""
    usable = [
        n
        for n in range(1, 41)
        if not (rank == 1 and n in NO_BASIC) and not (rank == 2 and n in NO_ADVANCED)
    ]
    first = [next(n for n in ROWS[seg] if n in usable) for seg in REQUIRED[rank - 1]]
    rest = [n for n in usable if n not in first]
    return (first + rest)[:count]


def answers(
    m: SmartFactoryTierRubric,
    rows: list[int],
    rank: int,
    maturity: int = 4,
    score: str | None = "90",
) -> TierAnswers:
    return TierAnswers(
        achieved=dict.fromkeys(ids(m, rows), rank),
        maturity=maturity,
        score=Fraction(score) if score is not None else None,
    )


@pytest.mark.parametrize("province", MIN_SCENARIOS)
@pytest.mark.parametrize("rank", [1, 2, 3, 4])
def test_each_tier_at_its_exact_minimum_and_one_below(province: str, rank: int) -> None:
    m = MODELS[province]
    need = MIN_SCENARIOS[province][rank - 1]
    assert score_tier(m, answers(m, rows_for(rank, need), rank)).tier == rank
    below = score_tier(m, answers(m, rows_for(rank, need - 1), rank))
    assert below.tier < rank
    assert not below.checks[rank - 1].scenarios_ok


@pytest.mark.parametrize("province", MIN_SCENARIOS)
@pytest.mark.parametrize("rank", [1, 2, 3, 4])
def test_a_missing_segment_fails_the_tier(province: str, rank: int) -> None:
    m = MODELS[province]
    seg = REQUIRED[rank - 1][-1]
    rows = [n for n in rows_for(rank, 40) if n not in ROWS[seg]][:40]
    check = check_tier(m, m.tiers[rank - 1], answers(m, rows, rank))
    assert check.missing_segments == (seg,)
    result = score_tier(m, answers(m, rows, rank))
    assert result.tier < rank


@pytest.mark.parametrize("rank", [1, 2, 3, 4])
def test_maturity_one_below_fails(rank: int) -> None:
    m = MODELS["jiangsu"]
    rows = rows_for(rank, MIN_SCENARIOS["jiangsu"][rank - 1])
    low = answers(m, rows, rank, maturity=MIN_MATURITY[rank - 1] - 1)
    assert not check_tier(m, m.tiers[rank - 1], low).maturity_ok
    assert score_tier(m, low).tier < rank
    assert score_tier(m, answers(m, rows, rank, maturity=MIN_MATURITY[rank - 1])).tier == rank


@pytest.mark.parametrize(("score", "holds"), [("60", False), ("60.5", True), (None, False)])
def test_jiangsu_needs_a_general_score_strictly_above_60(score: str | None, holds: bool) -> None:
    m = MODELS["jiangsu"]
    a = answers(m, rows_for(1, 8), 1, score=score)
    assert score_tier(m, a).tier == (1 if holds else 0)
    im = MODELS["inner-mongolia"]  # no score gate
    assert score_tier(im, answers(im, rows_for(1, 5), 1, score=score)).tier == 1


@pytest.mark.parametrize("maturity", [1, 0, None])
def test_inner_mongolia_basic_needs_maturity_two(maturity: int | None) -> None:
    m = MODELS["inner-mongolia"]
    a = TierAnswers(dict.fromkeys(ids(m, rows_for(1, 5)), 1), maturity, None)
    assert score_tier(m, a).tier == 0


def test_a_slash_row_achieved_higher_counts_toward_lower_tiers() -> None:
    m = MODELS["jiangsu"]
    # 34–40 (cross-segment, "/" at 基础级) achieved at 卓越级 count for 基础级's eight scenarios
    rows = [9, *sorted(CROSS)]
    a = TierAnswers(dict.fromkeys(ids(m, rows), 3), 2, Fraction(61))
    assert check_tier(m, m.tiers[0], a).scenarios == 8
    assert score_tier(m, a).tier == 1


def test_the_upgrades_name_the_next_tier_and_cover_a_missing_segment() -> None:
    m = MODELS["jiangsu"]
    a = answers(m, rows_for(1, 8), 1, maturity=2)
    result = score_tier(m, a)
    assert result.tier == 1
    # 先进级: 15 scenarios at ≥ 先进级 with 生产作业, 生产管理 and 运营管理 covered → 15 upgrades
    assert len(result.upgrades) == 15
    covered = {
        m.segment_of(s) for s in m.scenarios if s.id in {u.scenario for u in result.upgrades}
    }
    assert {"production_operations", "production_management", "operations_management"} <= covered
    assert all(u.target == 2 for u in result.upgrades)


# ---- properties ----

PROVINCE = st.sampled_from(sorted(MIN_SCENARIOS))
LEVELS = st.lists(st.integers(0, 4), min_size=40, max_size=40)


def tier_answers(
    m: SmartFactoryTierRubric, levels: list[int], maturity: int, score: int
) -> TierAnswers:
    achieved = {}
    for s, level in zip(m.scenarios, levels, strict=True):
        # only a described tier can be chosen: the highest described tier ≤ level
        achieved[s.id] = max((k for k in range(1, level + 1) if s.available(k)), default=0)
    return TierAnswers(achieved, maturity, Fraction(score))


@settings(max_examples=150, deadline=None)
@given(
    PROVINCE, LEVELS, st.integers(0, 5), st.integers(0, 100), st.integers(0, 39), st.integers(0, 4)
)
def test_raising_a_scenario_or_the_maturity_never_lowers_the_tier(
    province: str, levels: list[int], maturity: int, score: int, which: int, to: int
) -> None:
    m = MODELS[province]
    before = score_tier(m, tier_answers(m, levels, maturity, score)).tier
    higher = [*levels]
    higher[which] = max(higher[which], to)
    assert score_tier(m, tier_answers(m, higher, maturity, score)).tier >= before
    assert score_tier(m, tier_answers(m, levels, maturity + 1, score)).tier >= before


@settings(max_examples=150, deadline=None)
@given(PROVINCE, LEVELS)
def test_the_upgrades_reach_the_next_tier_and_no_smaller_set_can(
    province: str, levels: list[int]
) -> None:
    m = MODELS[province]
    a = tier_answers(m, levels, 5, 100)
    result = score_tier(m, a)
    if result.tier == len(m.tiers):
        return
    target = m.tiers[result.tier]  # the next tier
    raised = dict(a.achieved)
    for u in result.upgrades:
        assert u.target >= target.rank and m.scenarios[
            [s.id for s in m.scenarios].index(u.scenario)
        ].available(u.target)
        raised[u.scenario] = u.target
    assert score_tier(m, TierAnswers(raised, 5, Fraction(100))).tier >= target.rank
    # the lower bound, computed from the answers alone: each raised scenario adds one scenario and
    # covers at most one segment
    at = [s for s in m.scenarios if a.achieved[s.id] >= target.rank]
    deficit = max(0, target.min_scenarios - len(at))
    missing = {
        seg
        for seg in REQUIRED[target.rank - 1]
        if not any(n in ROWS[seg] for n in (s.number for s in at))
    }
    assert len(result.upgrades) == max(deficit, len(missing))
