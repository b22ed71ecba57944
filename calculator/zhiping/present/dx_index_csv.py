"""General assessment (通用评估 / 能力评估) as one CSV file: the title block with the score
(or, where the rubric has no official score, the reference value labelled so, or the level
profile) and what it means for the smart-factory tiers; then the ten indicators by their official
number: the level chosen and its description, the self-score, the degree of match, and whether it
counts in the mean (indicator 7 records its amounts and is never scored).

Answers not complete yet still make a file (what is answered, without a result); answers that
cannot be read give the errors the score gives.
"""

from __future__ import annotations

from typing import Any

from ..answers.dx_index import ReadDx, read_answers
from ..display import display_score, plain_number
from ..model.dx_index import DxIndexRubric, DxIndicator
from ..scoring.dx_index import sub_band
from .common import Words
from .csv_common import (
    Row,
    finished,
    holds,
    incomplete_rows,
    only_missing,
    section,
    title_rows,
)
from .dx_index import errors_dict, result_dict


def _amounts(ind: DxIndicator, read: ReadDx, w: Words) -> str:
    return w("result.sentence_join").join(
        w(
            "csv.figure",
            label=a.label.get(w.lang),
            value=plain_number(read.amounts[a.id]),
            unit=a.unit.get(w.lang),
        )
        for a in ind.amounts
        if a.id in read.amounts
    )


def _indicator_row(r: DxIndexRubric, ind: DxIndicator, read: ReadDx, w: Words) -> Row:
    """[level or answer, its description, self-score, degree of match, counted] of one indicator."""
    lang = w.lang
    if not ind.scored:
        return [_amounts(ind, read, w), "", "", "", w("csv.not_scored")]
    answer = read.answers.get(ind.number)
    if answer is not None and answer.level is None:
        text = ind.not_applicable.get(lang) if ind.not_applicable else ""
        return [w("dx.not_applicable"), text, "", "", w("csv.left_out")]
    level = read.chosen.get(ind.number)
    if level is None:
        return ["", "", "", "", ""]
    description = ind.levels[level - 1].text.get(lang)
    score = answer.score if answer is not None else None
    if score is None:
        counted = w("csv.counted_in") if answer is not None else ""
        return [w("dx.level", rank=level), description, "", "", counted]
    parts = {s.match: s.label.get(lang) for b in r.bands for s in b.sub_bands}
    part = parts.get(sub_band(r, level, score) or "", "")
    return [
        w("dx.level", rank=level),
        description,
        display_score(score),
        part,
        w("csv.counted_in"),
    ]


def _result_rows(r: DxIndexRubric, read: ReadDx, w: Words) -> list[Row]:
    result = result_dict(r, read, w)
    score = result["score"]
    rows: list[Row] = []
    if score is None:
        rows.append([w("dx.profile_short"), w("dx.no_score")])
    else:
        rows.append([score["label"], score["display"], w("result.out_of", max=score["max"])])
        if not r.official_score:
            rows.append([w("dx.unofficial", label=score["label"])])
    for g in result["gates"]:
        rows.append([w(f"dx.gate_{g['kind']}", text=g["text"]), holds(g["holds"], w)])
    return rows


def export_csv(r: DxIndexRubric, raw: dict[str, Any], w: Words) -> dict[str, Any]:
    """``{"ok": true, "name", "text"}``, or the errors the score gives when the answers cannot be
    read (answers only missing still make a file, without a result)."""
    read, problems = read_answers(r, raw)
    if not only_missing(problems):
        return errors_dict(r, problems, w)
    lang = w.lang
    rows = title_rows(r.title.get(lang), r.number, read.meta, w)
    if problems:
        label = r.reference_label if r.reference_label and not r.official_score else None
        shown = label.get(lang) if label else w("dx.score")
        rows += incomplete_rows(errors_dict(r, problems, w), shown, w)
    else:
        rows += _result_rows(r, read, w)
    head = [
        w("csv.number"),
        w("rubric_page.dimension"),
        w("rubric_page.indicator"),
        w("csv.answer"),
        w("csv.level_text"),
        w("dx.h_score"),
        w("dx.h_part"),
        w("csv.counted"),
    ]
    lines = [
        [str(ind.number), g.name.get(lang), ind.name.get(lang), *_indicator_row(r, ind, read, w)]
        for g in r.groups
        for ind in g.indicators
    ]
    rows += section(w("dx.part_indicators"), head, lines)
    return finished(r.id, read.meta.get("company", ""), read.meta, rows)
