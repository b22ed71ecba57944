"""SME digital level as one CSV file: the title block with the level, the score and the score of
each level-1 indicator; then the 15 questions by their official number (the indicators they
belong to, the options chosen, the figures given, the points and the maximum), the 16 business
scenarios under their official names (the level reached and its description), and every
condition of every level, met or not.

Answers not complete yet still make a file (what is answered, without a result); answers that
cannot be read give the errors the score gives.
"""

from __future__ import annotations

from typing import Any

from ..answers.sme import SmeAnswers, read_answers
from ..display import display_score, plain_number
from ..model.sme import SmeRubric
from ..scoring.sme import question_scores, score
from ..scoring.sme_data import field_values
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
from .sme import errors_dict, result_dict

CONDITIONS = {
    "score": "calculator_page.cond_score",
    "scenarios": "calculator_page.cond_scenarios",
    "constrained": "calculator_page.cond_constrained",
}


def _question_rows(r: SmeRubric, read: SmeAnswers, w: Words) -> list[Row]:
    lang = w.lang
    where = {
        item.question: (dim, ind, item)
        for dim in r.dimensions
        for ind in dim.indicators
        for item in ind.items
    }
    points = {q.number: q for q in question_scores(r, read.choices)}
    values, _ = field_values(r, read)
    out: list[Row] = []
    for q in r.questions:
        dim, ind, item = where[q.number]
        chosen = read.choices.get(q.number, ())
        answer = w("result.sentence_join").join(q.options[c - 1].label.get(lang) for c in chosen)
        figures = w("result.sentence_join").join(
            w(
                "csv.figure",
                label=f.label.get(lang),
                value=plain_number(values[(q.number, f.id)]),
                unit=f.unit.get(lang),
            ).strip()
            for f in q.fields
            if (q.number, f.id) in values
        )
        score_of = points.get(q.number)
        out.append(
            [
                str(q.number),
                dim.name.get(lang),
                ind.name.get(lang),
                item.name.get(lang),
                q.stem.get(lang),
                answer,
                figures,
                display_score(score_of.points) if score_of else "",
                display_score(r.item_max * r.weight_of(q.number)),
            ]
        )
    return out


def _scenario_rows(r: SmeRubric, read: SmeAnswers, w: Words) -> list[Row]:
    lang = w.lang
    out: list[Row] = []
    for g in r.scenario_groups:
        for s in g.scenarios:
            name = s.name.get(lang) + (r.scenario_constrained_mark if s.constrained else "")
            kind = w(
                "calculator_page.counts_constrained"
                if s.constrained
                else "calculator_page.counts_guiding"
            )
            level = read.scenario_levels.get(s.id)
            if level is None:
                reached, text = "", ""
            elif level == 0:
                reached, text = r.scenario_none.get(lang), ""
            else:
                reached = r.scenario_levels[level - 1].name.get(lang)
                text = s.levels[level - 1].get(lang)
            out.append([g.name.get(lang), name, kind, reached, text])
    return out


def export_csv(r: SmeRubric, raw: dict[str, Any], w: Words) -> dict[str, Any]:
    """``{"ok": true, "name", "text"}``, or the errors the score gives when the answers cannot be
    read (answers only missing still make a file, without a result)."""
    read, problems = read_answers(r, raw)
    if not only_missing(problems):
        return errors_dict(r, problems, w)
    rows = title_rows(r.title.get(w.lang), r.number, read.meta, w)
    result: dict[str, Any] | None = None
    if problems:
        rows += incomplete_rows(errors_dict(r, problems, w), w("result.level"), w)
    else:
        result = result_dict(r, score(r, read), w)
        out_of = w("result.out_of", max=result["score"]["max"])
        rows.append([w("result.level"), result["level"]["label"]])
        rows.append([w("result.score"), result["score"]["display"], out_of])
        for d in result["dimensions"]:
            rows.append([d["name"], d["points"], w("result.out_of", max=d["max"])])
    rows += section(
        w("calculator_page.part_questions"),
        [
            w("rubric_page.question_no"),
            w("rubric_page.dimension"),
            w("rubric_page.indicator"),
            w("rubric_page.item"),
            w("csv.question"),
            w("csv.answer"),
            w("csv.figures"),
            w("csv.points"),
            w("csv.max"),
        ],
        _question_rows(r, read, w),
    )
    rows += section(
        w("calculator_page.part_scenarios"),
        [
            w("csv.scenario_group"),
            w("rubric_page.scenario"),
            w("csv.scenario_kind"),
            w("csv.level_reached"),
            w("csv.level_text"),
        ],
        _scenario_rows(r, read, w),
    )
    if result is not None:
        names = {key: w(label) for key, label in CONDITIONS.items()}
        rows += section(
            w("calculator_page.conditions"),
            condition_head(w("rubric_page.level"), w),
            condition_rows(result["levels"], names, w),
        )
    return finished(r.id, read.meta.get("company", ""), read.meta, rows)
