"""Semantic checks of a general assessment indicator system (``dx_index``): unique ids, indicators
numbered 1…n, every scored indicator with one text per level band, unscored ones with amounts, and
bands (and their 基本/比较/非常符合 parts) that follow each other without gap or overlap."""

from __future__ import annotations

from itertools import pairwise
from typing import Any

from ..model.common import Range
from ..model.dx_index import DxIndexRubric
from .common import Issue, check_mentions, duplicates


def _adjacent(a: Range, b: Range) -> bool:
    """``b`` starts exactly where ``a`` ends, the shared end in exactly one of them."""
    return a.max == b.min and a.max_inclusive != b.min_inclusive


def check_dx_index(r: DxIndexRubric, data: dict[str, Any], file: str) -> list[Issue]:
    out: list[Issue] = []
    out += duplicates(file, "group", [(f"groups[{i}].id", g.id) for i, g in enumerate(r.groups)])
    located = [
        (f"groups[{g}].indicators[{k}]", ind)
        for g, grp in enumerate(r.groups)
        for k, ind in enumerate(grp.indicators)
    ]
    out += duplicates(file, "indicator", [(f"{p}.id", i.id) for p, i in located])
    out += duplicates(
        file, "decision", [(f"decisions[{i}].id", d.id) for i, d in enumerate(r.decisions)]
    )
    if [i.number for _, i in located] != list(range(1, len(located) + 1)):
        out.append(
            Issue(file, "groups", "numbering", "indicators must be numbered 1, 2, … in order")
        )
    ranks = [b.rank for b in r.bands]
    if ranks != list(range(1, len(ranks) + 1)):
        out.append(Issue(file, "bands.levels", "order", "bands must be listed by level 1, 2, …"))
    for p, ind in located:
        if ind.scored:
            if [lv.rank for lv in ind.levels] != ranks:
                out.append(
                    Issue(file, f"{p}.levels", "levels", "one text per band level, in order")
                )
            if ind.amounts:
                out.append(
                    Issue(file, f"{p}.amounts", "amounts", "a scored indicator has no amounts")
                )
        elif ind.levels or not ind.amounts:
            out.append(Issue(file, p, "amounts", "an unscored indicator has amounts and no levels"))
        ids = {a.id for a in ind.amounts}
        for k, a in enumerate(ind.amounts):
            if a.part_of is not None and a.part_of not in ids:
                out.append(Issue(file, f"{p}.amounts[{k}].part_of", "unknown_ref", a.part_of))
        for k, lv in enumerate(ind.levels):
            if len(lv.alternatives) == 1:
                out.append(
                    Issue(
                        file,
                        f"{p}.levels[{k}].alternatives",
                        "alternatives",
                        "a single alternative: list two or more, or none",
                    )
                )
    ranged = [(i, b) for i, b in enumerate(r.bands) if b.range is not None]
    for (i, lower), (_, upper) in pairwise(ranged):
        assert lower.range is not None and upper.range is not None
        if not _adjacent(lower.range, upper.range):
            out.append(
                Issue(
                    file, f"bands.levels[{i + 1}]", "bands", "gap or overlap with the band before"
                )
            )
    for i, band in ranged:
        assert band.range is not None
        subs = [s.range for s in band.sub_bands]
        whole = (
            subs
            and subs[0].min == band.range.min
            and subs[0].min_inclusive == band.range.min_inclusive
            and subs[-1].max == band.range.max
            and subs[-1].max_inclusive == band.range.max_inclusive
            and all(_adjacent(x, y) for x, y in pairwise(subs))
        )
        if not whole:
            out.append(
                Issue(file, f"bands.levels[{i}].sub_bands", "bands", "parts must cover the band")
            )
    out += check_mentions(data, file, {d.id for d in r.decisions})
    return out
