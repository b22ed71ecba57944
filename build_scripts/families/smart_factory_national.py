"""Build pieces of the national smart-factory checklist (智能工厂梯度培育要素条件 2025): schema,
checks, and what its page template needs (lookups by id, the guide's scenarios by segment, and
where on the page each decision target is)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from zhiping.model.smart_factory_national import SmartFactoryNationalRubric
from zhiping.validate import Issue
from zhiping.validate.smart_factory_national import check_smart_factory_national

from ..paths import RUBRICS

FAMILY = "smart_factory_national"
SCHEMA = RUBRICS / "schema" / f"{FAMILY}.schema.json"

# A decision's applies_to → the anchor of the part of the page it names (``tier:<id>`` is the
# tier's own section, ``declarations`` the first application conditions that ask for one).
TARGET_ANCHORS = {
    "title": "source",
    "source": "source",
    "base_requirements": "base-requirements",
    "tiers": "tiers",
    "kpi_positions": "tiers",
    "segments": "segments",
    "guide_segments": "segment-mapping",
    "kpis": "kpis",
    "scenarios": "scenarios",
}


def check(model: SmartFactoryNationalRubric, data: dict[str, Any], file: str) -> list[Issue]:
    return check_smart_factory_national(model, data, file)


def slug(identifier: str) -> str:
    return identifier.replace("_", "-")


def scenario_anchor(number: int) -> str:
    """A scenario's anchor: its number in the guide (12 → scenario-12)."""
    return f"scenario-{number}"


def segment_anchor(segment_id: str) -> str:
    """A big segment's definition (note [n]): rd_design → segment-rd-design."""
    return f"segment-{slug(segment_id)}"


def guide_segment_anchor(guide_segment_id: str) -> str:
    """A guide segment's scenarios: product_rd → guide-product-rd."""
    return f"guide-{slug(guide_segment_id)}"


def tier_anchor(tier_id: str, part: str = "") -> str:
    """A tier's section, or one of its parts: (excellence, application) →
    tier-excellence-application."""
    return f"tier-{slug(tier_id)}" + (f"-{part}" if part else "")


def target_anchors(m: SmartFactoryNationalRubric) -> dict[str, str]:
    """Every decision target of this rubric → its anchor; a target missing here fails the build
    (the template looks it up strictly)."""
    out = dict(TARGET_ANCHORS)
    out.update({f"tier:{t.id}": tier_anchor(t.id) for t in m.tiers})
    asking = [t for t in m.tiers if t.declarations]
    if asking:
        out["declarations"] = tier_anchor(asking[0].id, "application")
    return out


def page_context(
    m: SmartFactoryNationalRubric, peers: Sequence[SmartFactoryNationalRubric] = ()
) -> dict[str, Any]:
    guide_scenarios: dict[str, list[int]] = {g.id: [] for g in m.guide_segments}
    for s in m.scenarios:
        guide_scenarios.setdefault(s.guide_segment, []).append(s.number)
    return {
        "segment_names": {s.id: s.name.to_dict() for s in m.segments},
        "tier_names": {t.id: t.name.to_dict() for t in m.tiers},
        "position_names": {p.id: p.name.to_dict() for p in m.kpi_positions},
        "declaration_names": {d.id: d.name.to_dict() for d in m.declarations},
        "guide_scenarios": guide_scenarios,
        "target_anchors": target_anchors(m),
        "scenario_anchor": scenario_anchor,
        "segment_anchor": segment_anchor,
        "guide_segment_anchor": guide_segment_anchor,
        "tier_anchor": tier_anchor,
    }
