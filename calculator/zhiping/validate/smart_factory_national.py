"""Semantic checks of the national smart-factory checklist: unique ids and numbers, references that
resolve (guide segments → big segments, scenarios → guide segments, tiers → segments, positions,
prerequisite tiers and declarations, KPIs → groups), every big segment reached by a guide segment
and every guide segment by a scenario, numbering 1..n in order, and tiers whose conditions never get
easier (so that a tier that holds implies every lower one: decision N8)."""

from __future__ import annotations

from collections.abc import Sequence
from itertools import pairwise
from typing import Any

from ..model.smart_factory_national import MATURITY, NationalTier, SmartFactoryNationalRubric
from .common import Issue, check_mentions, duplicates


def _numbering(file: str, key: str, attr: str, items: Sequence[Any]) -> list[Issue]:
    """``numbering`` when ``items``' ``attr`` is not 1, 2, … n in list order."""
    got = [getattr(x, attr) for x in items]
    if got == list(range(1, len(items) + 1)):
        return []
    return [Issue(file, key, "numbering", f"{attr} must run 1..{len(items)} in order, got {got}")]


def _unknown(file: str, path: str, what: str, value: object) -> Issue:
    return Issue(file, path, "unknown_ref", f"no {what} {value!r}")


def _prerequisite_rank(r: SmartFactoryNationalRubric, t: NationalTier) -> int:
    return (r.tier_rank(t.prerequisite.tier) or 0) if t.prerequisite else 0


def check_smart_factory_national(
    r: SmartFactoryNationalRubric, data: dict[str, Any], file: str
) -> list[Issue]:
    out: list[Issue] = []
    lists: tuple[tuple[str, tuple[Any, ...]], ...] = (
        ("base_requirements", r.base_requirements),
        ("segments", r.segments),
        ("guide_segments", r.guide_segments),
        ("kpi_positions", r.kpi_positions),
        ("tiers", r.tiers),
        ("declarations", r.declarations),
        ("kpi_groups", r.kpi_groups),
        ("scenarios", r.scenarios),
        ("decisions", r.decisions),
    )
    for key, items in lists:
        out += duplicates(file, key[:-1], [(f"{key}[{i}].id", x.id) for i, x in enumerate(items)])
    base_ids = {b.id for b in r.base_requirements}
    for i, d in enumerate(r.declarations):
        if d.id in base_ids:  # one key space in the answers
            out.append(
                Issue(file, f"declarations[{i}].id", "duplicate_id", f"{d.id!r} is a requirement")
            )
    out += _numbering(file, "base_requirements", "number", r.base_requirements)
    out += _numbering(file, "guide_segments", "number", r.guide_segments)
    out += _numbering(file, "kpi_positions", "rank", r.kpi_positions)
    out += _numbering(file, "tiers", "rank", r.tiers)
    out += _numbering(file, "kpi_groups", "number", r.kpi_groups)
    out += _numbering(file, "kpis", "number", r.kpis)
    out += _numbering(file, "scenarios", "number", r.scenarios)
    if sum(1 for b in r.base_requirements if b.check == MATURITY) > 1:
        out.append(Issue(file, "base_requirements", "duplicate_id", "more than one maturity check"))

    segments = {s.id: s for s in r.segments}
    guide = {g.id: g for g in r.guide_segments}
    for i, g in enumerate(r.guide_segments):
        big = segments.get(g.segment)
        if big is None:
            out.append(_unknown(file, f"guide_segments[{i}].segment", "segment", g.segment))
        elif big.note_number != g.mapping_note_number:
            out.append(
                Issue(
                    file,
                    f"guide_segments[{i}].mapping_note_number",
                    "unknown_ref",
                    f"note [{g.mapping_note_number}] is not the note of {g.segment!r}",
                )
            )
    for i, big_segment in enumerate(r.segments):
        if not any(g.segment == big_segment.id for g in r.guide_segments):
            out.append(
                Issue(
                    file,
                    f"segments[{i}]",
                    "unmapped",
                    f"no guide segment maps to {big_segment.id!r}",
                )
            )
    for i, s in enumerate(r.scenarios):
        if s.guide_segment not in guide:
            out.append(
                _unknown(file, f"scenarios[{i}].guide_segment", "guide segment", s.guide_segment)
            )
    for i, g in enumerate(r.guide_segments):
        if not any(s.guide_segment == g.id for s in r.scenarios):
            out.append(Issue(file, f"guide_segments[{i}]", "empty", f"{g.id!r} has no scenario"))
    order = [guide[s.guide_segment].number for s in r.scenarios if s.guide_segment in guide]
    if order != sorted(order):
        out.append(
            Issue(file, "scenarios", "order", "scenarios must follow the guide's segment order")
        )

    groups = {g.id for g in r.kpi_groups}
    for i, kpi in enumerate(r.kpis):
        if kpi.group not in groups:
            out.append(_unknown(file, f"kpis[{i}].group", "KPI group", kpi.group))
    if not any(kpi.number == r.ai_share_kpi for kpi in r.kpis):
        out.append(_unknown(file, "ai_share_kpi", "KPI number", r.ai_share_kpi))

    declarations = {d.id for d in r.declarations}
    for i, t in enumerate(r.tiers):
        at = f"tiers[{i}]"
        for j, seg in enumerate(t.required_segments):
            if seg not in segments:
                out.append(_unknown(file, f"{at}.required_segments[{j}]", "segment", seg))
        if r.position_rank(t.kpi_position) is None:
            out.append(_unknown(file, f"{at}.kpi_position", "KPI position", t.kpi_position))
        if t.prerequisite is not None:
            rank = r.tier_rank(t.prerequisite.tier)
            if rank is None:
                out.append(_unknown(file, f"{at}.prerequisite.tier", "tier", t.prerequisite.tier))
            elif rank >= t.rank:
                out.append(Issue(file, f"{at}.prerequisite.tier", "order", "must be a lower tier"))
        for j, c in enumerate(t.application):
            if c.declaration is not None and c.declaration not in declarations:
                path = f"{at}.application.conditions[{j}].declaration"
                out.append(_unknown(file, path, "declaration", c.declaration))
        if t.min_ai_share is not None and not 0 <= t.min_ai_share <= 1:
            out.append(
                Issue(file, f"{at}.min_ai_share_percent", "unreachable", "must lie in 0..100")
            )

    # A higher tier's conditions include the lower tier's, so the tiers that hold are 1..k.
    for (i, a), (_, b) in pairwise(enumerate(r.tiers)):
        at = f"tiers[{i + 1}]"
        if b.min_maturity < a.min_maturity:
            out.append(Issue(file, f"{at}.min_maturity", "monotone", f"lower than {a.id}'s"))
        if a.min_ai_share is not None and (
            b.min_ai_share is None or b.min_ai_share < a.min_ai_share
        ):
            out.append(
                Issue(file, f"{at}.min_ai_share_percent", "monotone", f"lower than {a.id}'s")
            )
        pa, pb = r.position_rank(a.kpi_position), r.position_rank(b.kpi_position)
        if pa is not None and pb is not None and pb < pa:
            out.append(Issue(file, f"{at}.kpi_position", "monotone", f"lower than {a.id}'s"))
        if not set(a.required_segments) <= set(b.required_segments):
            out.append(
                Issue(file, f"{at}.required_segments", "monotone", f"drops a segment of {a.id}")
            )
        if not set(a.declarations) <= set(b.declarations):
            out.append(
                Issue(file, f"{at}.application", "monotone", f"drops a declaration of {a.id}")
            )
        if _prerequisite_rank(r, b) < _prerequisite_rank(r, a):
            out.append(Issue(file, f"{at}.prerequisite", "monotone", f"lower than {a.id}'s"))
    out += check_mentions(data, file, {d.id for d in r.decisions})
    return out
