"""The national smart-factory checklist as one CSV file: the title block with the highest tier whose
every condition holds, the AI-scenario share, the maturity, the KPI position and the tier held;
then the basic requirements by their official number and the declarations with the application
conditions that ask for them (the answer given), the 40 scenarios of the 2025 guide by their
official number (built, built applying AI, or not; the big segment each covers), and every
condition of every tier, met or not.

Everything in the checklist is optional (what is not answered is not met), so answers that can be
read always make a file; answers that cannot be read give the errors the score gives.
"""

from __future__ import annotations

from typing import Any

from ..answers.smart_factory_national import read_answers
from ..model.smart_factory_national import MATURITY, SmartFactoryNationalRubric
from ..scoring.smart_factory_national import NationalAnswers
from .common import Words
from .csv_common import (
    Row,
    condition_head,
    condition_rows,
    finished,
    section,
    title_rows,
)
from .smart_factory_national import errors_dict, held_label, result_dict

CONDITIONS = {
    key: f"national.h_{key}"
    for key in ("declarations", "segments", "maturity", "ai_share", "position", "prerequisite")
}


def _yes_no(value: bool | None, w: Words) -> str:
    if value is None:
        return w("national.not_declared")
    return w("national.answer_yes" if value else "national.answer_no")


def _maturity(a: NationalAnswers, w: Words) -> str:
    return w("tier.maturity_level", level=a.maturity) if a.maturity else w("tier.not_given")


def _declaration_rows(r: SmartFactoryNationalRubric, a: NationalAnswers, w: Words) -> list[Row]:
    """The basic requirements (numbered 1–5), then each declaration an application condition asks
    for, numbered by the conditions that ask for it."""
    lang = w.lang
    out: list[Row] = []
    for b in sorted(r.base_requirements, key=lambda b: b.number):
        answer = _maturity(a, w) if b.check == MATURITY else _yes_no(a.declared.get(b.id), w)
        out.append([str(b.number), b.title.get(lang), b.text.get(lang), answer])
    for d in r.declarations:
        refs = [
            (t, c)
            for t in sorted(r.tiers, key=lambda t: t.rank)
            for c in t.application
            if c.declaration == d.id
        ]
        number = w("result.sentence_join").join(
            w("csv.condition_ref", tier=t.name.get(lang), number=c.number) for t, c in refs
        )
        text = refs[0][1].text.get(lang) if refs else ""
        out.append([number, d.name.get(lang), text, _yes_no(a.declared.get(d.id), w)])
    return out


def _scenario_rows(r: SmartFactoryNationalRubric, a: NationalAnswers, w: Words) -> list[Row]:
    lang = w.lang
    guide = {g.id: g.name.get(lang) for g in r.guide_segments}
    segments = {s.id: s.name.get(lang) for s in r.segments}
    out: list[Row] = []
    for s in r.scenarios:
        ai = a.built.get(s.id)
        state = (
            "national.not_built" if ai is None else "national.built_ai" if ai else "national.built"
        )
        built = w(state)
        segment = r.segment_of(s)
        covers = "" if ai is None else segments.get(segment or "", w("csv.covers_none"))
        out.append([str(s.number), guide.get(s.guide_segment, ""), s.name.get(lang), built, covers])
    return out


def export_csv(r: SmartFactoryNationalRubric, raw: dict[str, Any], w: Words) -> dict[str, Any]:
    """``{"ok": true, "name", "text"}``, or the errors the score gives when the answers cannot be
    read."""
    read, problems = read_answers(r, raw)
    if problems:
        return errors_dict(r, problems, w)
    a = read.answers
    result = result_dict(r, read, w)
    position = next((p.name.get(w.lang) for p in r.kpi_positions if p.id == a.position), None)
    share = result["share"]
    share_text = (
        w("national.share", ai=share["ai"], built=share["built"], percent=share["percent"])
        if share["percent"] is not None
        else w("national.share_none")
    )
    rows = title_rows(r.title.get(w.lang), r.number, read.meta, w)
    rows += [
        [w("national.eligible"), result["tier"]["label"]],
        [w("national.share_title"), share_text],
        [w("tier.maturity"), _maturity(a, w)],
        [w("national.position"), position or w("national.not_declared")],
        [w("national.held"), w("tier.not_given") if a.held is None else held_label(r, a.held, w)],
    ]
    rows += section(
        w("csv.declarations"),
        [w("csv.number"), w("csv.requirement"), w("csv.text"), w("csv.declared")],
        _declaration_rows(r, a, w),
    )
    rows += section(
        w("national.part_scenarios"),
        [
            w("csv.number"),
            w("csv.table_segment"),
            w("csv.scenario"),
            w("csv.built"),
            w("csv.covers"),
        ],
        _scenario_rows(r, a, w),
    )
    names = {key: w(label) for key, label in CONDITIONS.items()}
    rows += section(
        w("tier.conditions_title"),
        condition_head(w("tier.tier"), w),
        condition_rows(result["checks"], names, w),
    )
    return finished(r.id, read.meta.get("company", ""), read.meta, rows)
