"""Build pieces of the smart-factory tier family (智能工厂梯度): schema, checks, and what its page
template needs (lookups, the scenario table in runs of one table segment, and the other provinces'
wording where it differs)."""

from __future__ import annotations

from collections.abc import Sequence
from itertools import groupby
from typing import Any

from zhiping.model.smart_factory_tier import SmartFactoryTierRubric
from zhiping.validate import Issue
from zhiping.validate.smart_factory_tier import check_smart_factory_tier

from ..paths import RUBRICS
from .compare import Variant, collect

FAMILY = "smart_factory_tier"
SCHEMA = RUBRICS / "schema" / f"{FAMILY}.schema.json"


def check(model: SmartFactoryTierRubric, data: dict[str, Any], file: str) -> list[Issue]:
    return check_smart_factory_tier(model, data, file)


def scenario_anchor(number: int) -> str:
    """A scenario's anchor on the page: its official number (5 → scenario-5), the same in every
    province's table."""
    return f"scenario-{number}"


def table_segment_anchor(segment_id: str) -> str:
    return f"segment-{segment_id.replace('_', '-')}"


def cell_place(number: int, tier: int) -> str:
    """The key of a scenario cell in ``variants``: scenario number and tier position (0-based)."""
    return f"scenario:{number}:cell:{tier}"


def name_place(number: int) -> str:
    return f"scenario:{number}:name"


def table_segment_place(segment_id: str) -> str:
    return f"table_segment:{segment_id}"


def variants(
    m: SmartFactoryTierRubric, peers: Sequence[SmartFactoryTierRubric]
) -> dict[str, list[Variant]]:
    """Place → the other rubrics' wording where it differs from ``m``'s: scenario names and cells
    (paired by official scenario number and tier position) and table-segment names (paired by
    id)."""
    out: dict[str, list[Variant]] = {}
    for peer in peers:
        theirs = {s.number: s for s in peer.scenarios}
        their_segments = {ts.id: ts for ts in peer.table_segments}
        places: list[tuple[str, str, Any, Any]] = []
        for ts in m.table_segments:
            other = their_segments.get(ts.id)
            places.append(
                (
                    table_segment_place(ts.id),
                    table_segment_anchor(ts.id),
                    ts.name.to_dict(),
                    other.name.to_dict() if other else None,
                )
            )
        for s in m.scenarios:
            t = theirs.get(s.number)
            if t is None:
                continue
            anchor = scenario_anchor(s.number)
            places.append((name_place(s.number), anchor, s.name.to_dict(), t.name.to_dict()))
            for k, (mine, their) in enumerate(zip(s.cells, t.cells, strict=False)):
                places.append(
                    (
                        cell_place(s.number, k),
                        anchor,
                        mine.to_dict() if mine else None,
                        their.to_dict() if their else None,
                    )
                )
        collect(places, peer, out)
    return out


def runs(m: SmartFactoryTierRubric) -> list[tuple[str, list[int]]]:
    """The scenarios' positions in official order, in runs of one table segment (the table lists
    each segment's scenarios together; a segment in two runs is an error: its heading's anchor
    would repeat)."""
    out = [
        (seg, [i for i, _ in group])
        for seg, group in groupby(enumerate(m.scenarios), lambda x: x[1].table_segment)
    ]
    segments = [seg for seg, _ in out]
    if len(set(segments)) != len(segments):
        raise ValueError(f"{m.id}: a table segment's scenarios are not listed together")
    return out


def page_context(
    m: SmartFactoryTierRubric, peers: Sequence[SmartFactoryTierRubric] = ()
) -> dict[str, Any]:
    by_segment: dict[str, list[int]] = {}
    for s in m.scenarios:
        by_segment.setdefault(s.table_segment, []).append(s.number)
    found = variants(m, peers)
    return {
        "segment_names": {s.id: s.name.to_dict() for s in m.segments},
        "table_segments": {ts.id: ts.to_dict() for ts in m.table_segments},
        "segment_scenarios": by_segment,
        "tier_names": {t.id: t.name.to_dict() for t in m.tiers},
        "runs": runs(m),
        "variants": found,
        "peers": [p for p in peers if any(v.rubric == p.id for vs in found.values() for v in vs)],
        "scenario_anchor": scenario_anchor,
        "table_segment_anchor": table_segment_anchor,
        "cell_place": cell_place,
        "name_place": name_place,
        "table_segment_place": table_segment_place,
    }
