"""National smart-factory checklist scoring, rule by rule (DECISIONS.md, smart-factory tiers; the
rubric's decisions N2–N15), on the transcribed rubric. Expected results are typed in from the
official text (要素条件 2025 and its notice) and worked out by hand."""

from __future__ import annotations

from collections.abc import Callable
from fractions import Fraction

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from zhiping.model.smart_factory_national import SmartFactoryNationalRubric
from zhiping.scoring.smart_factory_national import (
    NationalAnswers,
    additions_needed,
    check_tiers,
    score_national,
    switches_needed,
)

from .test_model_smart_factory_national import raw

M = SmartFactoryNationalRubric.from_dict(raw())

# Typed in from the criteria (notes [1]–[5], sections II–V, basic requirement 5) and the notice.
ROWS = {  # guide scenario numbers covering each big segment
    "factory_construction": range(1, 4),
    "rd_design": range(4, 8),
    "production_management": range(8, 20),
    "production_operations": range(20, 30),
    "operations_management": range(30, 41),
}
FIVE = tuple(ROWS)
REQUIRED = (
    ("production_operations",),
    ("production_operations", "production_management", "operations_management"),
    FIVE,
    FIVE,
)
MIN_MATURITY = (2, 2, 3, 4)
MIN_SHARE = (None, None, Fraction(20, 100), Fraction(60, 100))
POSITIONS = ("above_provincial_average", "provincial_leading", "national_leading", "global_leading")
HELD = (
    0,
    0,
    2,
    3,
)  # 卓越级 needs 获评先进级, 领航级 获评卓越级; 先进级's 自评基础级 is this checklist
BASE = ("eligibility", "compliance", "secure_controllable", "organization")
DECLARED = (
    BASE,
    BASE,
    (*BASE, "registered_legal_person"),
    (*BASE, "registered_legal_person", "industry_leader"),
)
ADVANCED = 2  # the highest tier below the first share minimum
ID = {s.number: s.id for s in M.scenarios}


def built(rows: dict[int, bool]) -> dict[str, bool]:
    return {ID[n]: ai for n, ai in rows.items()}


def covering(n: int, ai: int) -> dict[int, bool]:
    """``n`` built scenarios covering all five segments, the first ``ai`` of them applying AI."""
    firsts = [ROWS[seg][0] for seg in FIVE]
    rows = (firsts + [k for k in range(1, 41) if k not in firsts])[:n]
    return {k: i < ai for i, k in enumerate(rows)}


# The fewest scenarios reaching each tier: the first scenario of each required segment, AI on the
# first ⌈p·n⌉ of them (卓越级 1 of 5 = 20 %, 领航级 3 of 5 = 60 %).
MINIMAL = (
    {20: False},
    {20: False, 8: False, 30: False},
    {1: True, 4: False, 20: False, 8: False, 30: False},
    {1: True, 4: True, 20: True, 8: False, 30: False},
)


def answers(
    rank: int,
    rows: dict[int, bool] | None = None,
    *,
    maturity: int | None = -1,
    position: str | None = "",
    held: int | None = -1,
    declared: dict[str, bool | None] | None = None,
) -> NationalAnswers:
    """Exactly what tier ``rank`` needs, with the given parts replaced."""
    yes: dict[str, bool | None] = dict.fromkeys(DECLARED[rank - 1], True)
    return NationalAnswers(
        declared={**yes, **(declared or {})},
        built=built(MINIMAL[rank - 1] if rows is None else rows),
        maturity=MIN_MATURITY[rank - 1] if maturity == -1 else maturity,
        position=POSITIONS[rank - 1] if position == "" else position,
        held=HELD[rank - 1] if held == -1 else held,
    )


# ---- each tier at its exact minimum, and one below ----


@pytest.mark.parametrize("rank", [1, 2, 3, 4])
def test_each_tier_holds_at_its_exact_minimum(rank: int) -> None:
    result = score_national(M, answers(rank))
    assert result.eligible == rank
    assert [c.holds for c in result.checks] == [k <= rank for k in range(1, 5)]


@pytest.mark.parametrize("rank", [1, 2, 3, 4])
def test_maturity_one_below_fails(rank: int) -> None:
    low = MIN_MATURITY[rank - 1] - 1
    result = score_national(M, answers(rank, maturity=low))
    assert not result.checks[rank - 1].maturity_ok
    # every lower tier that still holds: 基础级 and 先进级 both need 二级
    assert result.eligible == max(
        (k for k in range(1, rank) if MIN_MATURITY[k - 1] <= low), default=0
    )
    assert score_national(M, answers(rank, maturity=None)).eligible == 0


@pytest.mark.parametrize("rank", [1, 2, 3, 4])
def test_a_position_one_below_fails(rank: int) -> None:
    below = POSITIONS[rank - 2] if rank > 1 else None
    result = score_national(M, answers(rank, position=below))
    assert result.eligible == rank - 1
    assert not result.checks[rank - 1].position_ok
    assert result.next is not None and result.next.position_needed == POSITIONS[rank - 1]
    # a higher position than needed includes the lower ones (decision N6)
    assert score_national(M, answers(rank, position="global_leading")).eligible == rank


@pytest.mark.parametrize(
    ("rank", "rows", "missing", "eligible"),
    [
        (1, {8: False}, "production_operations", 0),
        (2, {20: False, 8: False}, "operations_management", 1),
        (3, {1: True, 20: False, 8: False, 30: False}, "rd_design", 2),  # AI 1 of 4
        (4, {4: True, 20: True, 8: True, 30: False}, "factory_construction", 2),  # AI 3 of 4
    ],
)
def test_a_missing_segment_fails_the_tier(
    rank: int, rows: dict[int, bool], missing: str, eligible: int
) -> None:
    result = score_national(M, answers(rank, rows))
    assert result.checks[rank - 1].missing_segments == (missing,)
    assert result.checks[rank - 1].ai_ok
    assert result.eligible == eligible


def test_excellence_in_principle_covers_all_five_segments() -> None:
    # "原则上应覆盖全部五个环节" counts as required (decision N4)
    c = score_national(M, answers(3, {1: True, 4: False, 20: False, 8: False})).checks[2]
    assert c.missing_segments == ("operations_management",)


# ---- the AI share: exact, "不低于" = ≥ (decision N5) ----


@pytest.mark.parametrize(
    ("n", "ai", "holds"),
    [(5, 1, True), (6, 1, False), (10, 2, True), (36, 7, False), (40, 8, True), (40, 7, False)],
)
def test_excellence_needs_an_ai_share_of_at_least_20_percent(n: int, ai: int, holds: bool) -> None:
    result = score_national(M, answers(3, covering(n, ai)))
    assert result.share.value == Fraction(ai, n)
    assert (result.share.ai, result.share.built) == (ai, n)
    assert result.checks[2].ai_ok is holds
    assert result.eligible == (3 if holds else 2)


@pytest.mark.parametrize(
    ("n", "ai", "holds"),
    [
        (5, 3, True),
        (10, 6, True),
        (29, 17, False),
        (39, 23, False),
        (40, 24, True),
        (40, 23, False),
    ],
)
def test_leading_needs_an_ai_share_of_at_least_60_percent(n: int, ai: int, holds: bool) -> None:
    result = score_national(M, answers(4, covering(n, ai)))
    assert result.checks[3].ai_ok is holds
    assert result.eligible == (4 if holds else 3)


def test_no_built_scenario_leaves_the_share_undefined() -> None:
    result = score_national(M, answers(3, {}))
    assert result.share.value is None
    assert not result.checks[2].ai_ok and result.checks[1].ai_ok  # 先进级 sets no share
    assert result.checks[0].missing_segments == ("production_operations",)
    assert result.eligible == 0


def test_building_a_scenario_without_ai_can_lower_the_tier() -> None:
    ten = covering(10, 2)  # 2 of 10 = 20 %: 卓越级
    assert score_national(M, answers(3, ten)).eligible == 3
    eleven = {**ten, 40: False}  # 2 of 11 < 20 %
    assert 40 not in ten
    result = score_national(M, answers(3, eleven))
    assert result.eligible == 2
    gap = result.next.ai if result.next else None
    assert gap is not None and gap.share.value == Fraction(2, 11)
    # ⌈11/5⌉ − 2 = 1 switch; ⌈(11/5 − 2)/(4/5)⌉ = ⌈1/4⌉ = 1 addition (3 of 12 = 25 %)
    assert (gap.by_switching, gap.by_adding, gap.after_segments) == (1, 1, 1)


# ---- declarations and prerequisites (decisions N8, N9, N12) ----


@pytest.mark.parametrize("requirement", BASE)
@pytest.mark.parametrize("answer", [False, None])
def test_a_basic_requirement_not_declared_yes_fails_every_tier(
    requirement: str, answer: bool | None
) -> None:
    result = score_national(M, answers(4, declared={requirement: answer}))
    assert result.eligible == 0
    assert all(c.undeclared == (requirement,) for c in result.checks)
    assert result.next is not None and result.next.undeclared == (requirement,)


def test_the_legal_person_declaration_is_needed_from_excellence() -> None:
    result = score_national(M, answers(4, declared={"registered_legal_person": False}))
    assert result.eligible == 2
    assert [c.undeclared for c in result.checks] == [
        (),
        (),
        ("registered_legal_person",),
        ("registered_legal_person",),
    ]


def test_leading_needs_an_industry_leader() -> None:
    result = score_national(M, answers(4, declared={"industry_leader": None}))
    assert result.eligible == 3
    assert result.next is not None and result.next.undeclared == ("industry_leader",)


@pytest.mark.parametrize(("rank", "held"), [(3, 1), (3, 0), (3, None), (4, 2)])
def test_a_recognized_tier_must_be_held_first(rank: int, held: int | None) -> None:
    result = score_national(M, answers(rank, held=held))
    assert not result.checks[rank - 1].prerequisite_ok
    assert result.eligible == rank - 1
    assert result.next is not None and result.next.held_needed == HELD[rank - 1]
    assert score_national(M, answers(rank, held=4)).eligible == rank


def test_advanced_needs_a_basic_self_assessment_which_this_checklist_is() -> None:
    assert score_national(M, answers(2, held=None)).eligible == 2
    # 基础级 fails (maturity 一级): the self-assessment is missing unless declared
    assert not check_tiers(M, answers(2, maturity=1, held=0))[1].prerequisite_ok
    assert check_tiers(M, answers(2, maturity=1, held=1))[1].prerequisite_ok


# ---- the next tier's blockers (decision N15) ----


def test_the_next_tier_lists_every_blocker() -> None:
    a = answers(3, covering(10, 3), held=2)  # 卓越级 holds; 领航级 is next
    result = score_national(M, a)
    assert result.eligible == 3
    n = result.next
    assert n is not None and n.rank == 4
    assert (n.maturity_needed, n.position_needed, n.held_needed) == (4, "global_leading", 3)
    assert n.undeclared == ("industry_leader",) and n.missing_segments == ()
    # 3 of 10, p = 3/5: switch ⌈6⌉ − 3 = 3; add ⌈(6 − 3)/(2/5)⌉ = 8 (11 of 18 ≥ 60 %, 10 of 17 not)
    assert n.ai is not None
    assert (n.ai.by_switching, n.ai.by_adding, n.ai.after_segments) == (3, 8, 3)
    assert n.scenario_changes == 3


def test_adding_is_impossible_when_every_scenario_is_built() -> None:
    result = score_national(M, answers(3, covering(40, 8)))
    assert result.eligible == 3
    gap = result.next.ai if result.next else None
    assert gap is not None and (gap.by_switching, gap.by_adding) == (24 - 8, None)


@pytest.mark.parametrize(
    ("rows", "missing", "by_switching", "by_adding", "changes"),
    [
        # 0 of 4, 研发设计 missing: one AI scenario there makes 1 of 5 = 20 %
        ({1: False, 20: False, 8: False, 30: False}, ("rd_design",), 1, 1, 1),
        # 0 of 3, 工厂建设 and 研发设计 missing: two AI scenarios make 2 of 5
        ({20: False, 8: False, 30: False}, ("factory_construction", "rd_design"), 1, 1, 2),
        # 0 of 5, nothing missing: ⌈5/5⌉ = 1 switch, or ⌈1/(4/5)⌉ = 2 additions (2 of 7)
        ({1: False, 4: False, 20: False, 8: False, 30: False}, (), 1, 2, 1),
    ],
)
def test_the_fewest_changes_toward_excellence(
    rows: dict[int, bool],
    missing: tuple[str, ...],
    by_switching: int,
    by_adding: int,
    changes: int,
) -> None:
    result = score_national(M, answers(3, rows))
    assert result.eligible == 2
    n = result.next
    assert n is not None and n.rank == 3 and n.missing_segments == missing
    assert n.ai is not None and (n.ai.by_switching, n.ai.by_adding) == (by_switching, by_adding)
    assert n.scenario_changes == changes


def test_the_top_tier_has_no_next() -> None:
    assert score_national(M, answers(4)).next is None


@pytest.mark.parametrize(
    "a",
    [
        NationalAnswers({}, {"no-such-scenario": True}, 2, None, None),
        NationalAnswers({"no-such-requirement": True}, {}, 2, None, None),
        NationalAnswers({}, {}, 2, "best", None),
        NationalAnswers({}, {}, 2, None, 5),
    ],
)
def test_unknown_answers_are_refused(a: NationalAnswers) -> None:
    with pytest.raises(ValueError):
        score_national(M, a)


# ---- the two formulas, by hand and against brute force ----


@pytest.mark.parametrize(
    ("ai", "built", "p", "switches", "additions", "room"),
    [
        (2, 10, Fraction(1, 5), 0, 0, 30),
        (1, 10, Fraction(1, 5), 1, 2, 30),  # 2 of 10; 3 of 12
        (7, 36, Fraction(1, 5), 1, 1, 4),  # 8 of 36; 8 of 37 ≈ 21.6 %
        (23, 39, Fraction(3, 5), 1, 1, 1),  # 24 of 39; 24 of 40
        (0, 10, Fraction(3, 5), 6, 15, 30),  # 6 of 10; 15 of 25
        (0, 10, Fraction(3, 5), 6, None, 14),  # 15 additions do not fit in 14
        (0, 0, Fraction(1, 5), None, 1, 40),  # nothing to switch; 1 of 1
        (3, 3, Fraction(1), 0, 0, 0),
        (2, 3, Fraction(1), 1, None, 37),  # a share of 1 needs every scenario
    ],
)
def test_the_formulas_by_hand(
    ai: int,
    built: int,
    p: Fraction,
    switches: int | None,
    additions: int | None,
    room: int,
) -> None:
    assert switches_needed(ai, built, p) == switches
    assert additions_needed(ai, built, p, room) == additions


def smallest(ok: Callable[[int], bool], limit: int) -> int | None:
    return next((k for k in range(limit + 1) if ok(k)), None)


SHARE = st.builds(Fraction, st.integers(1, 100), st.integers(1, 100)).filter(lambda p: p <= 1)


@settings(max_examples=300, deadline=None)
@given(st.integers(0, 80), st.integers(0, 80), SHARE, st.integers(0, 80))
def test_the_formulas_give_the_smallest_k_that_reaches_the_share(
    a: int, extra: int, p: Fraction, room: int
) -> None:
    b = a + extra  # a ≤ b
    by_switching = smallest(lambda k: Fraction(a + k, b) >= p, b - a) if b else None
    assert switches_needed(a, b, p) == by_switching
    by_adding = smallest(lambda k: b + k > 0 and Fraction(a + k, b + k) >= p, room)
    assert additions_needed(a, b, p, room) == by_adding
    if by_switching is not None and by_adding is not None:
        assert by_switching <= by_adding  # a switch never does less than an addition


# ---- properties of the checklist ----

CHOICE = st.sampled_from([None, False, True])  # per scenario: not built / built / built with AI
LEANING_YES = st.sampled_from([True, True, True, True, True, True, False, None])


def make(
    scenarios: list[bool | None],
    declared: list[bool | None],
    maturity: int | None,
    position: str | None,
    held: int | None,
) -> NationalAnswers:
    return NationalAnswers(
        declared=dict(zip(M.declaration_ids, declared, strict=True)),
        built={s.id: ai for s, ai in zip(M.scenarios, scenarios, strict=True) if ai is not None},
        maturity=maturity,
        position=position,
        held=held,
    )


def near(
    rank: int,
    extra: list[tuple[int, bool]],
    declared: list[bool | None],
    maturity: int,
    position: int,
    held: int,
) -> NationalAnswers:
    """Answers around tier ``rank``'s minimum: a few more scenarios, some declarations not yes, and
    the maturity, position and held tier moved by up to one."""
    a = answers(rank)
    more = {M.scenarios[i].id: ai for i, ai in extra}
    return NationalAnswers(
        declared=dict(zip(M.declaration_ids, declared, strict=True)),
        built={**more, **a.built},
        maturity=min(5, max(1, MIN_MATURITY[rank - 1] + maturity)),
        position=POSITIONS[min(3, max(0, rank - 1 + position))],
        held=min(4, max(0, HELD[rank - 1] + held)),
    )


EXTRA = st.lists(st.tuples(st.integers(0, 39), st.booleans()), max_size=6)
MOSTLY_YES = st.sampled_from([True] * 10 + [False, None])
STEP = st.integers(-1, 1)
ANSWERS = st.one_of(
    st.builds(
        make,
        st.lists(CHOICE, min_size=40, max_size=40),
        st.lists(LEANING_YES, min_size=6, max_size=6),
        st.one_of(st.none(), st.integers(1, 5)),
        st.one_of(st.none(), st.sampled_from(POSITIONS)),
        st.one_of(st.none(), st.integers(0, 4)),
    ),
    st.builds(
        near,
        st.integers(1, 4),
        EXTRA,
        st.lists(MOSTLY_YES, min_size=6, max_size=6),
        STEP,
        STEP,
        STEP,
    ),
)


def raised(a: NationalAnswers, what: str, i: int) -> NationalAnswers:
    """``a`` with one thing more: a declaration yes, a scenario built with AI, AI switched on, or a
    higher maturity, position or held tier."""
    sid = M.scenarios[i % 40].id
    if what == "declare":
        key = M.declaration_ids[i % len(M.declaration_ids)]
        return NationalAnswers({**a.declared, key: True}, a.built, a.maturity, a.position, a.held)
    if what == "build_ai" and sid not in a.built:
        return NationalAnswers(a.declared, {**a.built, sid: True}, a.maturity, a.position, a.held)
    if what == "switch_ai" and sid in a.built:
        return NationalAnswers(a.declared, {**a.built, sid: True}, a.maturity, a.position, a.held)
    if what == "maturity":
        m = min(5, (a.maturity or 0) + 1 + i % 3)
        return NationalAnswers(a.declared, a.built, m, a.position, a.held)
    if what == "position":
        now = POSITIONS.index(a.position) if a.position else -1
        up = POSITIONS[min(3, now + 1 + i % 2)]
        return NationalAnswers(a.declared, a.built, a.maturity, up, a.held)
    if what == "held":
        return NationalAnswers(
            a.declared, a.built, a.maturity, a.position, min(4, (a.held or 0) + 1)
        )
    return a


RAISE = st.sampled_from(["declare", "build_ai", "switch_ai", "maturity", "position", "held"])


@settings(max_examples=400, deadline=None)
@given(ANSWERS, RAISE, st.integers(0, 200))
def test_more_never_lowers_the_tier(a: NationalAnswers, what: str, i: int) -> None:
    before = score_national(M, a).eligible
    assert score_national(M, raised(a, what, i)).eligible >= before


@settings(max_examples=300, deadline=None)
@given(ANSWERS, st.integers(0, 39))
def test_a_scenario_built_without_ai_never_lowers_the_tier_below_advanced(
    a: NationalAnswers, i: int
) -> None:
    sid = M.scenarios[i].id
    if sid in a.built:
        return
    before = score_national(M, a).eligible
    more = NationalAnswers(a.declared, {**a.built, sid: False}, a.maturity, a.position, a.held)
    after = score_national(M, more)
    assert after.eligible >= min(before, ADVANCED)
    if after.eligible < before:  # only a share condition can fail this way
        failed = after.checks[after.eligible]
        assert not failed.ai_ok and failed.min_ai_share is not None


@settings(max_examples=300, deadline=None)
@given(ANSWERS)
def test_the_eligible_tier_is_the_highest_that_holds(a: NationalAnswers) -> None:
    result = score_national(M, a)
    holding = [c.rank for c in result.checks if c.holds]
    assert result.eligible == max(holding, default=0)
    assert holding == list(range(1, result.eligible + 1))  # the tiers nest


@settings(max_examples=300, deadline=None)
@given(ANSWERS)
def test_the_plan_meets_the_next_tiers_scenario_conditions_and_nothing_smaller_can(
    a: NationalAnswers,
) -> None:
    result = score_national(M, a)
    n = result.next
    if n is None:
        return
    tier = M.tiers[n.rank - 1]
    p = tier.min_ai_share
    share = result.share
    # the plan: one scenario applying AI in each missing segment, then switch built scenarios
    built = dict(a.built)
    for seg in n.missing_segments:
        built[M.scenarios_in(seg)[0].id] = True
    switches = n.scenario_changes - len(n.missing_segments)
    plain = [s for s, ai in a.built.items() if not ai]
    assert switches <= len(plain)
    built.update(dict.fromkeys(plain[:switches], True))
    after = NationalAnswers(a.declared, built, a.maturity, a.position, a.held)
    check = check_tiers(M, after)[n.rank - 1]
    assert check.missing_segments == () and check.ai_ok
    # nothing smaller: each missing segment needs a new scenario (x ≥ m); with all x new
    # scenarios applying AI and c switches, (a + x + c)/(b + x) stays below p
    m = len(n.missing_segments)
    if p is None:
        assert n.scenario_changes == m
        return
    for x in range(m, n.scenario_changes + 1):
        for c in range(n.scenario_changes - x):
            total = share.built + x
            assert total == 0 or Fraction(share.ai + x + c, total) < p
    if n.ai is not None:
        assert n.ai.after_segments == n.scenario_changes - m
