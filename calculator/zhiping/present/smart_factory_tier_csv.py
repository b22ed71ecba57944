"""Smart-factory tier of a province as one CSV file: the title block with the tier, the
maturity, the general assessment score (where a tier gates on it) and the number of scenarios
with a tier; then the 40 typical scenarios by their official table number (the tier reached, its
description, the big segment it covers), and every condition of every tier, met or not.

Answers not complete yet (no maturity) still make a file (what is answered, without a result);
answers that cannot be read give the errors the score gives.
"""

from __future__ import annotations

from typing import Any

from ..answers.smart_factory_tier import read_answers
from ..display import display_score
from ..model.smart_factory_tier import SmartFactoryTierRubric
from ..scoring.smart_factory_tier import TierAnswers
from .common import Words
from .csv_common import (
    Row,
    condition_head,
    condition_rows,
    finished,
    incomplete_rows,
    only_missing,
    section,
    title_rows,
)
from .smart_factory_tier import errors_dict, result_dict, tier_name

CONDITIONS = {
    "scenarios": "tier.h_scenarios",
    "segments": "tier.h_segments",
    "maturity": "tier.h_maturity",
    "score": "tier.h_score",
}


def _scenario_rows(r: SmartFactoryTierRubric, a: TierAnswers, w: Words) -> list[Row]:
    lang = w.lang
    table_segments = {t.id: t.name.get(lang) for t in r.table_segments}
    out: list[Row] = []
    for s in r.scenarios:
        reached = a.achieved.get(s.id, 0)
        cell = s.cells[reached - 1] if reached else None
        segment = r.segment_of(s)
        covers = ""
        if reached:
            covers = r.segment(segment).name.get(lang) if segment else w("csv.covers_none")
        out.append(
            [
                str(s.number),
                table_segments.get(s.table_segment, s.table_segment),
                s.name.get(lang),
                tier_name(r, reached, w) if reached else w("tier.not_reached"),
                cell.get(lang) if cell else "",
                covers,
            ]
        )
    return out


def _inputs(r: SmartFactoryTierRubric, a: TierAnswers, w: Words) -> list[Row]:
    """The maturity and the score given, and how many scenarios reached a tier."""
    maturity = w("tier.maturity_level", level=a.maturity) if a.maturity else w("tier.not_given")
    rows = [[w("tier.maturity"), maturity]]
    if r.score_gated:
        score = display_score(a.score) if a.score is not None else w("tier.not_given")
        rows.append([w("tier.score"), score])
    count = sum(1 for v in a.achieved.values() if v > 0)
    rows.append(
        [w("csv.scenarios_reached"), w("csv.count_of", count=count, total=len(r.scenarios))]
    )
    return rows


def export_csv(r: SmartFactoryTierRubric, raw: dict[str, Any], w: Words) -> dict[str, Any]:
    """``{"ok": true, "name", "text"}``, or the errors the score gives when the answers cannot be
    read (answers only missing still make a file, without a result)."""
    read, problems = read_answers(r, raw)
    if not only_missing(problems):
        return errors_dict(r, problems, w)
    a = read.answers
    rows = title_rows(r.title.get(w.lang), r.number, read.meta, w)
    result: dict[str, Any] | None = None
    if problems:
        rows += incomplete_rows(errors_dict(r, problems, w), w("tier.tier"), w)
    else:
        result = result_dict(r, a, w)
        rows.append([w("tier.tier"), result["tier"]["label"]])
    rows += _inputs(r, a, w)
    head = [
        w("csv.number"),
        w("csv.table_segment"),
        w("csv.scenario"),
        w("csv.tier_reached"),
        w("csv.tier_text"),
        w("csv.covers"),
    ]
    rows += section(w("tier.part_scenarios"), head, _scenario_rows(r, a, w))
    if result is not None:
        names = {key: w(label) for key, label in CONDITIONS.items()}
        rows += section(
            w("tier.conditions_title"),
            condition_head(w("tier.tier"), w),
            condition_rows(result["checks"], names, w),
        )
    return finished(r.id, read.meta.get("company", ""), read.meta, rows)
