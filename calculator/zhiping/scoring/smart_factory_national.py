"""National smart-factory checklist (智能工厂梯度培育要素条件（2025年版）): answers → every
condition of every tier, the highest tier whose conditions all hold, and what blocks the next one.

Rules (DECISIONS.md, smart-factory tiers; the rubric's decisions N2–N15). A tier holds when
- every declaration it needs is answered yes: basic requirements 1–4 and the declarations its
  application conditions ask for; no answer fails like "no" (N9, N12);
- each required big segment is covered: some built scenario stands in a guide segment mapped onto
  it (N2, N3; 卓越级's "原则上" counts as required, N4);
- the maturity reaches the tier's minimum (N7) and the declared KPI position is at least the
  tier's (N6);
- where the tier sets a minimum AI share p: built scenarios applying AI / built scenarios ≥ p,
  exactly; with no built scenario the share is undefined and the condition fails (N5);
- its prerequisite is met: a recognized (获评) tier needs ``held`` ≥ its rank; the self-assessed
  基础级 that 先进级 needs is met when this checklist's 基础级 holds or ``held`` ≥ 1 (N8).

Monotonicity. The rubric checks make each tier's conditions include the lower tier's, so the tiers
that hold are 1..k and ``eligible`` = k. It never decreases when a declaration becomes yes, a
scenario is built applying AI (a/b ≤ (a+1)/(b+1) because a ≤ b), AI is switched on for a built
scenario, or the maturity, KPI position or held tier rises. Building a scenario *without* AI is not
monotone: it lowers the share a/b to a/(b+1), so 2 AI scenarios of 10 (20 %) reach 卓越级 and 2 of
11 do not. Only the share conditions can fail that way, so the result never falls below
min(before, the highest rank below the first tier with a share minimum) — 先进级 (2) here.

Errors: ``ValueError`` when the answers name a scenario, declaration, position or tier the rubric
does not have (the answers reader rejects these first).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from fractions import Fraction
from math import ceil

from ..model.smart_factory_national import NationalTier, SmartFactoryNationalRubric


@dataclass(frozen=True)
class NationalAnswers:
    # basic requirement or declaration id → yes (True) / no (False) / not answered (None)
    declared: Mapping[str, bool | None]
    # built scenario id → whether it applies AI; scenarios not listed are not built
    built: Mapping[str, bool]
    maturity: int | None  # GB/T 39116 level 1–5; None: not given
    position: str | None  # declared KPI position id; None: not declared (below all)
    # highest tier already held: 0 none, 1 self-assessed 基础级, 2–4 recognized 先进/卓越/领航级;
    # None: not declared, read as 0 (N8)
    held: int | None


@dataclass(frozen=True)
class AiShare:
    ai: int  # built scenarios applying AI
    built: int

    @property
    def value(self) -> Fraction | None:
        """ai / built exactly; None when nothing is built (the share is undefined)."""
        return Fraction(self.ai, self.built) if self.built else None

    def reaches(self, minimum: Fraction) -> bool:
        value = self.value
        return value is not None and value >= minimum


@dataclass(frozen=True)
class NationalCheck:
    rank: int
    undeclared: tuple[str, ...]  # declarations the tier needs that are not answered yes
    missing_segments: tuple[str, ...]  # required big segments no built scenario covers
    maturity_ok: bool
    min_ai_share: Fraction | None  # the tier's minimum; None: none
    ai_ok: bool  # True where the tier sets no minimum
    position_ok: bool
    prerequisite_ok: bool

    @property
    def holds(self) -> bool:
        return (
            not self.undeclared
            and not self.missing_segments
            and self.maturity_ok
            and self.ai_ok
            and self.position_ok
            and self.prerequisite_ok
        )


@dataclass(frozen=True)
class AiGap:
    """How far the AI share is from a tier's minimum p, with a of b built scenarios applying AI."""

    required: Fraction  # p
    share: AiShare
    by_switching: int | None  # smallest k with (a+k)/b ≥ p; None: nothing built
    by_adding: int | None  # smallest k with (a+k)/(b+k) ≥ p within the unbuilt; None: too few
    after_segments: int  # switches still needed once each missing segment got one AI scenario


@dataclass(frozen=True)
class NextTier:
    """Everything that blocks the tier above the eligible one."""

    rank: int
    undeclared: tuple[str, ...]
    missing_segments: tuple[str, ...]
    maturity_needed: int | None  # the tier's minimum, when the maturity falls short
    position_needed: str | None  # the tier's position, when the declared one falls short
    held_needed: int | None  # the rank to hold first, when the prerequisite is not met
    ai: AiGap | None  # when the tier's AI share condition fails
    # fewest scenario changes meeting the segment and share conditions: one new scenario in each
    # missing segment (applying AI where the tier sets a share), then ai.after_segments switches
    scenario_changes: int


@dataclass(frozen=True)
class NationalResult:
    eligible: int  # 0: no tier
    checks: tuple[NationalCheck, ...]
    share: AiShare
    next: NextTier | None  # None at the top tier


def switches_needed(ai: int, built: int, p: Fraction) -> int | None:
    """Smallest k ≥ 0 with (ai + k) / built ≥ p: built scenarios to switch to AI.

    k = max(0, ⌈p·built⌉ − ai); it never exceeds built − ai because p ≤ 1. None when nothing is
    built (no share to raise).
    """
    if built == 0:
        return None
    return max(0, ceil(p * built) - ai)


def additions_needed(ai: int, built: int, p: Fraction, room: int) -> int | None:
    """Smallest k ≥ 0 with (ai + k) / (built + k) ≥ p and k ≤ room: new scenarios applying AI.

    For p < 1: (a+k)/(b+k) ≥ p ⇔ k(1 − p) ≥ pb − a, so k = max(0, ⌈(pb − a)/(1 − p)⌉), and at
    least 1 when nothing is built (0/0 is undefined). For p = 1 only a = b works, so k = 0 when
    a = b > 0, 1 when nothing is built, else none. None when k would exceed ``room``.
    """
    if p >= 1:
        k: int | None = 0 if ai == built > 0 else (1 if built == 0 else None)
    else:
        k = max(0, ceil((p * built - ai) / (1 - p)))
        if built == 0:
            k = max(k, 1)
    return k if k is not None and k <= room else None


def _check_answers(r: SmartFactoryNationalRubric, a: NationalAnswers) -> None:
    scenarios = {s.id for s in r.scenarios}
    unknown = sorted(set(a.built) - scenarios)
    if unknown:
        raise ValueError(f"unknown scenarios: {', '.join(unknown)}")
    undeclarable = sorted(set(a.declared) - set(r.declaration_ids))
    if undeclarable:
        raise ValueError(f"unknown declarations: {', '.join(undeclarable)}")
    if a.position is not None and r.position_rank(a.position) is None:
        raise ValueError(f"unknown KPI position: {a.position}")
    if a.held is not None and not 0 <= a.held <= len(r.tiers):
        raise ValueError(f"held tier must lie in 0..{len(r.tiers)}: {a.held}")


def ai_share(r: SmartFactoryNationalRubric, a: NationalAnswers) -> AiShare:
    """Built scenarios applying AI, and built scenarios (decision N5)."""
    built = [s.id for s in r.scenarios if s.id in a.built]
    return AiShare(ai=sum(1 for s in built if a.built[s]), built=len(built))


def _covered(r: SmartFactoryNationalRubric, a: NationalAnswers) -> set[str]:
    return {seg for s in r.scenarios if s.id in a.built and (seg := r.segment_of(s)) is not None}


def _check(
    r: SmartFactoryNationalRubric,
    t: NationalTier,
    a: NationalAnswers,
    share: AiShare,
    covered: set[str],
    holding: set[int],
) -> NationalCheck:
    held = a.held or 0
    prerequisite_ok = True
    if t.prerequisite is not None:
        need = r.tier_rank(t.prerequisite.tier) or 0
        self_assessed = not t.prerequisite.certified and need in holding
        prerequisite_ok = held >= need or self_assessed
    position = r.position_rank(a.position) if a.position is not None else None
    return NationalCheck(
        rank=t.rank,
        undeclared=tuple(x for x in r.declared_ids(t) if a.declared.get(x) is not True),
        missing_segments=tuple(seg for seg in t.required_segments if seg not in covered),
        maturity_ok=a.maturity is not None and a.maturity >= t.min_maturity,
        min_ai_share=t.min_ai_share,
        ai_ok=t.min_ai_share is None or share.reaches(t.min_ai_share),
        position_ok=position is not None and position >= (r.position_rank(t.kpi_position) or 0),
        prerequisite_ok=prerequisite_ok,
    )


def check_tiers(r: SmartFactoryNationalRubric, a: NationalAnswers) -> tuple[NationalCheck, ...]:
    """Every condition of every tier, lowest tier first."""
    _check_answers(r, a)
    share, covered = ai_share(r, a), _covered(r, a)
    holding: set[int] = set()
    checks: list[NationalCheck] = []
    for t in sorted(r.tiers, key=lambda t: t.rank):
        c = _check(r, t, a, share, covered, holding)
        if c.holds:
            holding.add(t.rank)
        checks.append(c)
    return tuple(checks)


def _next(
    r: SmartFactoryNationalRubric, t: NationalTier, c: NationalCheck, share: AiShare
) -> NextTier:
    missing = len(c.missing_segments)
    gap = None
    changes = missing
    if t.min_ai_share is not None:
        p = t.min_ai_share
        # one new scenario applying AI per missing segment; switches cover the rest (N15)
        after = switches_needed(share.ai + missing, share.built + missing, p)
        if after is None:  # nothing built and no segment missing (no tier here): build one
            after = additions_needed(0, 0, p, len(r.scenarios)) or 0
        changes += after
        if not c.ai_ok:
            room = len(r.scenarios) - share.built
            gap = AiGap(
                required=p,
                share=share,
                by_switching=switches_needed(share.ai, share.built, p),
                by_adding=additions_needed(share.ai, share.built, p, room),
                after_segments=after,
            )
    prerequisite_rank = r.tier_rank(t.prerequisite.tier) if t.prerequisite else None
    return NextTier(
        rank=t.rank,
        undeclared=c.undeclared,
        missing_segments=c.missing_segments,
        maturity_needed=None if c.maturity_ok else t.min_maturity,
        position_needed=None if c.position_ok else t.kpi_position,
        held_needed=None if c.prerequisite_ok else prerequisite_rank,
        ai=gap,
        scenario_changes=changes,
    )


def score_national(r: SmartFactoryNationalRubric, a: NationalAnswers) -> NationalResult:
    """The checklist: every tier's conditions, ``eligible`` (the highest tier such that it and
    every tier below hold; 0 when 基础级 fails) and the blockers of the next tier."""
    checks = check_tiers(r, a)
    eligible = 0
    for c in checks:
        if not c.holds:
            break
        eligible = c.rank
    share = ai_share(r, a)
    tiers = sorted(r.tiers, key=lambda t: t.rank)
    if eligible == len(tiers):
        return NationalResult(eligible, checks, share, None)
    return NationalResult(
        eligible, checks, share, _next(r, tiers[eligible], checks[eligible], share)
    )
