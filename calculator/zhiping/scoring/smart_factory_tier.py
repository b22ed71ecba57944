"""Smart-factory tier (智能工厂梯度) of a province: answers → tier, every condition of every tier,
and the fewest scenario upgrades that reach the next tier.

Rules (DECISIONS.md, smart-factory tiers; the rubric's decisions B2–B5, B9): a scenario achieved at
tier L counts toward every tier ≤ L, also where its own cell at a lower tier is "/"; a segment is
covered at tier T when one of its scenarios is achieved at ≥ T (scenarios of 多环节模式创新 cover
none); a tier holds when the scenarios at ≥ T reach its minimum, its required segments are covered,
the maturity reaches its minimum and, where the province has one, the 通用评估 score is strictly
above its gate. The result is the highest tier that holds (the conditions only get harder, so
every lower tier holds too).
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction

from ..model.smart_factory_tier import SmartFactoryTierRubric, Tier, TierScenario


@dataclass(frozen=True)
class TierAnswers:
    # scenario id → the highest tier rank whose description the factory meets (0: none)
    achieved: dict[str, int]
    maturity: int | None  # GB/T 39116 level of the self-evaluation; None: not given
    score: Fraction | None  # the 通用评估 self-score; None: not given


@dataclass(frozen=True)
class TierCheck:
    rank: int
    scenarios: int  # scenarios achieved at this tier or higher
    scenarios_ok: bool
    missing_segments: tuple[str, ...]
    maturity_ok: bool
    score_ok: bool  # True where the province has no score gate

    @property
    def holds(self) -> bool:
        segments_ok = not self.missing_segments
        return self.scenarios_ok and segments_ok and self.maturity_ok and self.score_ok


@dataclass(frozen=True)
class Upgrade:
    scenario: str
    current: int
    target: int  # the lowest tier ≥ the next tier whose description the scenario has


@dataclass(frozen=True)
class TierResult:
    tier: int  # 0: no tier
    checks: tuple[TierCheck, ...]
    upgrades: tuple[Upgrade, ...]  # the fewest scenario upgrades toward the next tier
    maturity_needed: int | None  # the next tier's maturity, when the current one falls short
    score_needed: int | None  # the next tier's gate, when the score is missing or not above it


def _reach(s: TierScenario, rank: int, tiers: int) -> int | None:
    """The lowest tier ≥ ``rank`` at which ``s`` is described ("/" cells cannot be chosen)."""
    return next((k for k in range(rank, tiers + 1) if s.available(k)), None)


def check_tier(r: SmartFactoryTierRubric, t: Tier, a: TierAnswers) -> TierCheck:
    at = [s for s in r.scenarios if a.achieved.get(s.id, 0) >= t.rank]
    covered = {r.segment_of(s) for s in at}
    return TierCheck(
        rank=t.rank,
        scenarios=len(at),
        scenarios_ok=len(at) >= t.min_scenarios,
        missing_segments=tuple(seg for seg in t.required_segments if seg not in covered),
        maturity_ok=a.maturity is not None and a.maturity >= t.min_maturity,
        score_ok=t.min_score_exclusive is None
        or (a.score is not None and a.score > t.min_score_exclusive),
    )


def fewest_upgrades(r: SmartFactoryTierRubric, t: Tier, a: TierAnswers) -> tuple[Upgrade, ...]:
    """The fewest scenarios to raise so that tier ``t``'s scenario and segment conditions hold.

    Each raised scenario adds one to the count and covers at most one segment, so one scenario per
    missing segment plus enough others to reach the minimum is the fewest. Among equals, the
    smallest change comes first: scenarios described at the tier itself (not only above it, where
    the tier's cell is "/"), then those already highest, then the official order.
    """
    tiers = len(r.tiers)
    below = [s for s in r.scenarios if a.achieved.get(s.id, 0) < t.rank]
    raisable = [s for s in below if _reach(s, t.rank, tiers) is not None]
    raisable.sort(key=lambda s: (_reach(s, t.rank, tiers) or 0, -a.achieved.get(s.id, 0), s.number))
    check = check_tier(r, t, a)
    chosen: list[TierScenario] = []
    for seg in check.missing_segments:
        pick = next((s for s in raisable if r.segment_of(s) == seg and s not in chosen), None)
        if pick is not None:
            chosen.append(pick)
    need = max(0, t.min_scenarios - check.scenarios - len(chosen))
    chosen += [s for s in raisable if s not in chosen][:need]
    chosen.sort(key=lambda s: s.number)
    return tuple(
        Upgrade(s.id, a.achieved.get(s.id, 0), _reach(s, t.rank, tiers) or t.rank) for s in chosen
    )


def score_tier(r: SmartFactoryTierRubric, a: TierAnswers) -> TierResult:
    checks = tuple(check_tier(r, t, a) for t in r.tiers)
    tier = max((c.rank for c in checks if c.holds), default=0)
    nxt = next((t for t in r.tiers if t.rank == tier + 1), None)
    if nxt is None:
        return TierResult(tier, checks, (), None, None)
    nc = checks[nxt.rank - 1]
    return TierResult(
        tier=tier,
        checks=checks,
        upgrades=fewest_upgrades(r, nxt, a),
        maturity_needed=None if nc.maturity_ok else nxt.min_maturity,
        score_needed=None if nc.score_ok else nxt.min_score_exclusive,
    )
