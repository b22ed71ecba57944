"""Calculator pieces of the general assessment family: the band hints its form shows under each
level (from the rubric's band table), and a complete answers document."""

from __future__ import annotations

from typing import Any

from zhiping.display import exact_str
from zhiping.model.dx_index import DxIndexRubric


def calculator_context(m: DxIndexRubric) -> dict[str, Any]:
    """Per level rank: its fixed score, or its labelled sub-bands as printed."""
    bands: dict[int, dict[str, Any]] = {}
    for b in m.bands:
        bands[b.rank] = {
            "fixed": exact_str(b.score) if b.score is not None else None,
            "parts": [
                {"label": s.label, "printed": printed}
                for s, printed in zip(b.sub_bands, _printed(m, b.rank), strict=True)
            ],
        }
    return {"bands": bands}


def _printed(m: DxIndexRubric, rank: int) -> list[str]:
    b = next(x for x in m.bands if x.rank == rank)
    return [
        f"{'[' if s.range.min_inclusive else '('}{exact_str(s.range.min)}-"
        f"{exact_str(s.range.max)}{']' if s.range.max_inclusive else ')'}"
        for s in b.sub_bands
    ]


def example_answers(m: DxIndexRubric) -> dict[str, Any]:
    """Level 4 with a score inside its band everywhere; 不涉及 where it is first offered."""
    indicators: dict[str, Any] = {}
    na_used = False
    for ind in m.indicators:
        if not ind.scored:
            continue
        if ind.not_applicable is not None and not na_used:
            indicators[str(ind.number)] = {"not_applicable": True}
            na_used = True
        else:
            indicators[str(ind.number)] = {"level": 4, "score": "50"}
    amounts = {a.id: "1200" for ind in m.indicators for a in ind.amounts}
    return {"rubric": m.id, "indicators": indicators, "amounts": amounts, "meta": {}}
