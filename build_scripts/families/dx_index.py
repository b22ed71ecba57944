"""Build pieces of the general assessment indicator family (``dx_index``: Jiangsu 通用评估指标体系,
Inner Mongolia 智能制造能力评估体系): schema, checks, and what its page template needs (the other
systems' wording where a level text differs)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from zhiping.model.dx_index import DxIndexRubric
from zhiping.validate import Issue
from zhiping.validate.dx_index import check_dx_index

from ..paths import RUBRICS
from .compare import Variant, collect

FAMILY = "dx_index"
SCHEMA = RUBRICS / "schema" / f"{FAMILY}.schema.json"


def check(model: DxIndexRubric, data: dict[str, Any], file: str) -> list[Issue]:
    return check_dx_index(model, data, file)


def indicator_anchor(number: int) -> str:
    """An indicator's anchor on the page: its official number (7 → indicator-7)."""
    return f"indicator-{number}"


def level_place(number: int, rank: int) -> str:
    """The key of a level text in ``variants``: indicator number and level rank; rank 0 is the
    不涉及 option."""
    return f"indicator:{number}:level:{rank}"


def field_place(number: int, field: str) -> str:
    """The key of an indicator's name or description in ``variants``."""
    return f"indicator:{number}:{field}"


def variants(m: DxIndexRubric, peers: Sequence[DxIndexRubric]) -> dict[str, list[Variant]]:
    """Place → the other systems' wording where it differs from ``m``'s: indicator names and
    descriptions, each level text and the 不涉及 option, paired by indicator number and level
    rank."""
    out: dict[str, list[Variant]] = {}
    for peer in peers:
        theirs = {i.number: i for i in peer.indicators}
        places: list[tuple[str, str, Any, Any]] = []
        for ind in m.indicators:
            other = theirs.get(ind.number)
            if other is None:
                continue
            anchor = indicator_anchor(ind.number)
            places.append(
                (field_place(ind.number, "name"), anchor, ind.name.to_dict(), other.name.to_dict())
            )
            their_levels = {lv.rank: lv for lv in other.levels}
            for lv in ind.levels:
                their = their_levels.get(lv.rank)
                places.append(
                    (
                        level_place(ind.number, lv.rank),
                        anchor,
                        lv.text.to_dict(),
                        their.text.to_dict() if their else None,
                    )
                )
            places.append(
                (
                    level_place(ind.number, 0),
                    anchor,
                    ind.not_applicable.to_dict() if ind.not_applicable else None,
                    other.not_applicable.to_dict() if other.not_applicable else None,
                )
            )
        collect(places, peer, out)
    return out


def page_context(m: DxIndexRubric, peers: Sequence[DxIndexRubric] = ()) -> dict[str, Any]:
    found = variants(m, peers)
    return {
        "variants": found,
        "peers": [p for p in peers if any(v.rubric == p.id for vs in found.values() for v in vs)],
        "indicator_anchor": indicator_anchor,
        "level_place": level_place,
        "field_place": field_place,
    }
