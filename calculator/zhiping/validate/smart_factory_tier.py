"""Semantic checks of a smart-factory tier rubric: unique ids, references that resolve (table
segments → big segments, scenarios → table segments, tiers → required segments), one cell per tier
in every scenario, and tiers whose conditions never get easier."""

from __future__ import annotations

from itertools import pairwise
from typing import Any

from ..model.smart_factory_tier import SmartFactoryTierRubric
from .common import Issue, check_mentions, duplicates


def check_smart_factory_tier(
    r: SmartFactoryTierRubric, data: dict[str, Any], file: str
) -> list[Issue]:
    out: list[Issue] = []
    lists: tuple[tuple[str, tuple[Any, ...]], ...] = (
        ("segments", r.segments),
        ("table_segments", r.table_segments),
        ("tiers", r.tiers),
        ("scenarios", r.scenarios),
        ("decisions", r.decisions),
    )
    for key, items in lists:
        out += duplicates(file, key[:-1], [(f"{key}[{i}].id", x.id) for i, x in enumerate(items)])
    out += duplicates(
        file, "tier rank", [(f"tiers[{i}].rank", t.rank) for i, t in enumerate(r.tiers)]
    )
    out += duplicates(
        file,
        "scenario number",
        [(f"scenarios[{i}].number", s.number) for i, s in enumerate(r.scenarios)],
    )
    big = {s.id for s in r.segments}
    table = {s.id for s in r.table_segments}
    for i, ts in enumerate(r.table_segments):
        if ts.segment is not None and ts.segment not in big:
            out.append(
                Issue(
                    file,
                    f"table_segments[{i}].segment",
                    "unknown_ref",
                    f"no segment {ts.segment!r}",
                )
            )
    for i, t in enumerate(r.tiers):
        for k, seg in enumerate(t.required_segments):
            if seg not in big:
                out.append(
                    Issue(
                        file,
                        f"tiers[{i}].required_segments[{k}]",
                        "unknown_ref",
                        f"no segment {seg!r}",
                    )
                )
    for i, s in enumerate(r.scenarios):
        if s.table_segment not in table:
            out.append(
                Issue(
                    file,
                    f"scenarios[{i}].table_segment",
                    "unknown_ref",
                    f"no table segment {s.table_segment!r}",
                )
            )
        if len(s.cells) != len(r.tiers):
            out.append(
                Issue(
                    file,
                    f"scenarios[{i}].cells",
                    "cells",
                    f"{len(s.cells)} cells for {len(r.tiers)} tiers",
                )
            )
    if [t.rank for t in r.tiers] != list(range(1, len(r.tiers) + 1)):
        out.append(Issue(file, "tiers", "order", "tiers must be listed by rank 1, 2, …"))
    for (i, a), (_, b) in pairwise(enumerate(r.tiers)):
        for attr in ("min_scenarios", "min_maturity"):
            if getattr(b, attr) < getattr(a, attr):
                out.append(
                    Issue(file, f"tiers[{i + 1}].{attr}", "monotone", f"lower than {a.id}'s")
                )
        if not set(a.required_segments) <= set(b.required_segments):
            out.append(
                Issue(
                    file,
                    f"tiers[{i + 1}].required_segments",
                    "monotone",
                    f"drops a segment of {a.id}",
                )
            )
    for i, t in enumerate(r.tiers):
        # a scenario reached at a higher tier counts toward this one too
        available = sum(
            1 for s in r.scenarios if any(s.available(k) for k in range(t.rank, len(r.tiers) + 1))
        )
        if available < t.min_scenarios:
            out.append(
                Issue(
                    file,
                    f"tiers[{i}].min_scenarios",
                    "unreachable",
                    f"{t.min_scenarios} scenarios needed, {available} can reach this tier",
                )
            )
    out += check_mentions(data, file, {d.id for d in r.decisions})
    return out
