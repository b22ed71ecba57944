"""National smart-factory checklist: words the result, or a list of problems, in one language:
the highest tier whose every condition holds, every condition of every tier, the AI-scenario share
with its arithmetic, and what blocks the next tier."""

from __future__ import annotations

from fractions import Fraction
from typing import Any

from ..answers.common import question_number
from ..answers.smart_factory_national import (
    HELD,
    MATURITY,
    POSITION,
    ReadNational,
    answers_dict,
    read_answers,
)
from ..display import display_score
from ..errors import Problem
from ..model.smart_factory_national import NationalTier, SmartFactoryNationalRubric
from ..scoring.smart_factory_national import (
    AiShare,
    NationalCheck,
    NextTier,
    score_national,
)
from .common import Words, cell, generic_label, heading, items, paragraph, table
from .common import errors_dict as common_errors_dict


def _tier(r: SmartFactoryNationalRubric, rank: int, w: Words) -> str:
    t = next((t for t in r.tiers if t.rank == rank), None)
    return t.name.get(w.lang) if t else w("national.none")


def _declaration_name(r: SmartFactoryNationalRubric, key: str, w: Words) -> str:
    base = next((b for b in r.base_requirements if b.id == key), None)
    if base is not None:
        return base.title.get(w.lang)
    d = next((d for d in r.declarations if d.id == key), None)
    return d.name.get(w.lang) if d else key


def _segments(r: SmartFactoryNationalRubric, ids: tuple[str, ...], w: Words) -> str:
    names = {s.id: s.name.get(w.lang) for s in r.segments}
    return w("result.separator").join(names[s] for s in ids)


def _position(r: SmartFactoryNationalRubric, key: str | None, w: Words) -> str:
    p = next((p for p in r.kpi_positions if p.id == key), None)
    return p.name.get(w.lang) if p else w("national.not_declared")


def held_label(r: SmartFactoryNationalRubric, rank: int, w: Words) -> str:
    if rank == 0:
        return w("national.held_none")
    key = "national.held_self" if rank == 1 else "national.held_recognised"
    return w(key, tier=_tier(r, rank, w))


def item_label(r: SmartFactoryNationalRubric, item: str, w: Words) -> str:
    generic = generic_label(item, w)
    if generic is not None:
        return generic
    fixed = {MATURITY: "tier.maturity", POSITION: "national.position", HELD: "national.held"}
    if item in fixed:
        return w(fixed[item])
    kind, _, rest = item.partition(":")
    if kind == "declaration":
        return w("national.declaration", name=_declaration_name(r, rest, w))
    if kind == "scenario":
        number = question_number(rest)
        s = next((s for s in r.scenarios if s.number == number), None)
        return w("tier.scenario", number=rest, name=s.name.get(w.lang) if s else "?")
    return item


def errors_dict(r: SmartFactoryNationalRubric, problems: list[Problem], w: Words) -> dict[str, Any]:
    return common_errors_dict(r.id, problems, w, lambda i, ww: item_label(r, i, ww))


def percent(value: Fraction) -> str:
    """A share as a percentage, cut to two decimals (19.99 % never shows as 20 %)."""
    return display_score(value * 100).removesuffix(".00") + "%"


def _share_text(share: AiShare, w: Words) -> str:
    value = share.value
    if value is None:
        return w("national.share_none")
    return w("national.share", ai=share.ai, built=share.built, percent=percent(value))


def _conditions(
    r: SmartFactoryNationalRubric, t: NationalTier, c: NationalCheck, share: AiShare, w: Words
) -> list[dict[str, Any]]:
    a_undeclared = w("result.separator").join(_declaration_name(r, k, w) for k in c.undeclared)
    wording = w(f"national.coverage_{t.coverage_wording}")
    out = [
        {
            "id": "declarations",
            "holds": not c.undeclared,
            "text": w("national.cond_declared")
            if not c.undeclared
            else w("national.cond_undeclared", names=a_undeclared),
        },
        {
            "id": "segments",
            "holds": not c.missing_segments,
            "text": w(
                "national.cond_segments",
                wording=wording,
                segments=_segments(r, t.required_segments, w),
            )
            if not c.missing_segments
            else w(
                "national.cond_segments_missing",
                wording=wording,
                missing=_segments(r, c.missing_segments, w),
            ),
        },
        {
            "id": "maturity",
            "holds": c.maturity_ok,
            "text": w("national.cond_maturity", min=t.min_maturity),
        },
        {
            "id": "ai_share",
            "holds": c.ai_ok,
            "text": w("national.cond_no_share")
            if t.min_ai_share is None
            else w(
                "national.cond_share",
                min=percent(t.min_ai_share),
                value=percent(share.value) if share.value is not None else "—",
            ),
        },
        {
            "id": "position",
            "holds": c.position_ok,
            "text": w("national.cond_position", position=_position(r, t.kpi_position, w)),
        },
        {
            "id": "prerequisite",
            "holds": c.prerequisite_ok,
            "text": t.prerequisite.text.get(w.lang) if t.prerequisite else w("national.cond_none"),
        },
    ]
    return out


def _blockers(r: SmartFactoryNationalRubric, n: NextTier, w: Words) -> list[dict[str, str]]:
    sep = w("result.separator")
    out: list[dict[str, str]] = []
    for key in n.undeclared:
        out.append(
            {
                "item": f"declaration:{key}",
                "text": w("national.next_declare", name=_declaration_name(r, key, w)),
            }
        )
    if n.missing_segments:
        names = _segments(r, n.missing_segments, w)
        out.append({"text": w("national.next_segments", segments=names)})
    if n.maturity_needed is not None:
        out.append({"item": MATURITY, "text": w("tier.next_maturity", min=n.maturity_needed)})
    if n.ai is not None:
        gap = n.ai
        parts = [w("national.next_share", min=percent(gap.required), now=_share_text(gap.share, w))]
        if gap.by_switching is not None:
            parts.append(w("national.next_switch", count=gap.by_switching))
        if gap.by_adding is not None:
            parts.append(w("national.next_add", count=gap.by_adding))
        out.append({"text": sep.join(parts)})
    if n.position_needed is not None:
        out.append(
            {
                "item": POSITION,
                "text": w("national.next_position", position=_position(r, n.position_needed, w)),
            }
        )
    if n.held_needed is not None:
        out.append(
            {"item": HELD, "text": w("national.next_held", held=held_label(r, n.held_needed, w))}
        )
    return out


def result_dict(r: SmartFactoryNationalRubric, read: ReadNational, w: Words) -> dict[str, Any]:
    res = score_national(r, read.answers)
    tiers = sorted(r.tiers, key=lambda t: t.rank)
    checks: list[dict[str, Any]] = [
        {
            "rank": t.rank,
            "label": t.name.get(w.lang),
            "holds": c.holds,
            "conditions": _conditions(r, t, c, res.share, w),
        }
        for t, c in zip(tiers, res.checks, strict=True)
    ]
    label = _tier(r, res.eligible, w)
    share = res.share
    nxt: dict[str, Any] | None = None
    view: list[dict[str, Any]] = [
        heading(w("national.share_title")),
        paragraph(_share_text(share, w)),
    ]
    view.append(heading(w("tier.next_title")))
    if res.next is None:
        view.append(paragraph(w("tier.top")))
    else:
        blockers = _blockers(r, res.next, w)
        nxt = {
            "rank": res.next.rank,
            "label": _tier(r, res.next.rank, w),
            "intro": w("national.next_intro", tier=_tier(r, res.next.rank, w)),
            "scenario_changes": res.next.scenario_changes,
            "switches": res.next.ai.by_switching if res.next.ai else None,
            "additions": res.next.ai.by_adding if res.next.ai else None,
            "items": blockers,
        }
        view += [paragraph(nxt["intro"]), items(blockers)]
    head = [w("tier.tier")] + [w(f"national.h_{c['id']}") for c in checks[0]["conditions"]]
    rows = [
        [cell(ch["label"], holds=ch["holds"], head=True)]
        + [cell(c["text"], holds=c["holds"]) for c in ch["conditions"]]
        for ch in checks
    ]
    view += [
        heading(w("tier.conditions_title")),
        table(w("tier.conditions_title"), head, rows, marks=[c["holds"] for c in checks]),
        paragraph(w("national.declared_note"), "note"),
    ]
    return {
        "ok": True,
        "rubric": r.id,
        "lang": w.lang,
        "tier": {"rank": res.eligible, "label": label},
        "share": {
            "ai": share.ai,
            "built": share.built,
            "percent": percent(share.value) if share.value is not None else None,
        },
        "headline": [{"label": w("national.eligible"), "value": label, "rank": res.eligible}],
        "checks": checks,
        "next": nxt,
        "summary": w("national.summary", tier=label),
        "view": view,
        "warnings": [],
    }


def score_answers(r: SmartFactoryNationalRubric, raw: dict[str, Any], w: Words) -> dict[str, Any]:
    read, problems = read_answers(r, raw)
    out = errors_dict(r, problems, w) if problems else result_dict(r, read, w)
    out["answers"] = answers_dict(r, read)
    return out
