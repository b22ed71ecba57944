"""Smart-factory tier of a province: words a result, or a list of problems, in one language as the
JSON-ready dict the api returns. The page's script renders the ``view`` blocks as they come."""

from __future__ import annotations

from typing import Any

from ..answers.common import question_number
from ..answers.smart_factory_tier import MATURITY, SCORE, answers_dict, read_answers
from ..display import display_score
from ..errors import Problem
from ..model.smart_factory_tier import SmartFactoryTierRubric, Tier
from ..scoring.smart_factory_tier import TierAnswers, TierCheck, TierResult, score_tier
from .common import Words, cell, generic_label, heading, items, paragraph, table
from .common import errors_dict as common_errors_dict


def tier_name(r: SmartFactoryTierRubric, rank: int, w: Words) -> str:
    return r.tiers[rank - 1].name.get(w.lang) if rank else w("tier.none")


def item_label(r: SmartFactoryTierRubric, item: str, w: Words) -> str:
    """A person's name for a problem's item, e.g. "场景12「数字孪生工厂运营优化」"."""
    generic = generic_label(item, w)
    if generic is not None:
        return generic
    if item == MATURITY:
        return w("tier.maturity")
    if item == SCORE:
        return w("tier.score")
    kind, _, rest = item.partition(":")
    if kind == "scenario":
        number = question_number(rest)
        s = r.scenario_by_number(number) if number is not None else None
        if s is not None:
            return w("tier.scenario", number=s.number, name=s.name.get(w.lang))
        return w("tier.scenario", number=rest, name="?")
    return item


def _localized(r: SmartFactoryTierRubric, p: Problem, w: Words) -> Problem:
    """A problem whose ``tier`` parameter (a rank) is replaced by the tier's name."""
    if not p.param("tier"):
        return p
    params = tuple((k, tier_name(r, int(v), w) if k == "tier" else v) for k, v in p.params)
    return Problem(p.code, p.item, params)


def errors_dict(r: SmartFactoryTierRubric, problems: list[Problem], w: Words) -> dict[str, Any]:
    return common_errors_dict(
        r.id, [_localized(r, p, w) for p in problems], w, lambda i, ww: item_label(r, i, ww)
    )


def _segments(r: SmartFactoryTierRubric, ids: tuple[str, ...], w: Words) -> str:
    return w("result.separator").join(r.segment(s).name.get(w.lang) for s in ids)


def _conditions(
    r: SmartFactoryTierRubric, t: Tier, c: TierCheck, a: TierAnswers, w: Words
) -> list[dict[str, Any]]:
    out = [
        {
            "id": "scenarios",
            "holds": c.scenarios_ok,
            "text": w("tier.cond_scenarios", value=c.scenarios, min=t.min_scenarios),
        },
        {
            "id": "segments",
            "holds": not c.missing_segments,
            "text": w("tier.cond_segments", segments=_segments(r, t.required_segments, w))
            if not c.missing_segments
            else w(
                "tier.cond_segments_missing",
                missing=_segments(r, c.missing_segments, w),
                segments=_segments(r, t.required_segments, w),
            ),
        },
        {
            "id": "maturity",
            "holds": c.maturity_ok,
            "text": w("tier.cond_maturity", value=a.maturity or "—", min=t.min_maturity),
        },
    ]
    if t.min_score_exclusive is not None:
        value = display_score(a.score) if a.score is not None else w("tier.not_given")
        out.append(
            {
                "id": "score",
                "holds": c.score_ok,
                "text": w("tier.cond_score", value=value, min=t.min_score_exclusive),
            }
        )
    return out


def _advice(r: SmartFactoryTierRubric, a: TierAnswers, w: Words) -> list[dict[str, str]]:
    """The advised scores above the hard gate (Jiangsu's 70/80/90): notes, never conditions."""
    out = []
    for t in r.tiers:
        advised = t.advised_score_exclusive
        if advised is None or advised == t.min_score_exclusive:
            continue
        met = a.score is not None and a.score > advised
        key = "tier.advice_met" if met else "tier.advice_not_met"
        out.append({"text": w(key, tier=t.name.get(w.lang), min=advised)})
    return out


def _next(r: SmartFactoryTierRubric, res: TierResult, a: TierAnswers, w: Words) -> dict[str, Any]:
    lang = w.lang
    target = res.tier + 1
    number = {s.id: s.number for s in r.scenarios}
    groups: list[dict[str, Any]] = []
    if res.upgrades:
        lines = []
        for u in res.upgrades:
            s = next(x for x in r.scenarios if x.id == u.scenario)
            cell_text = s.cells[u.target - 1]
            assert cell_text is not None, "an upgrade's target tier is described"
            lines.append(
                {
                    "item": f"scenario:{s.number}",
                    "text": w(
                        "tier.upgrade",
                        scenario=w("tier.scenario", number=s.number, name=s.name.get(lang)),
                        now=tier_name(r, u.current, w),
                        target=tier_name(r, u.target, w),
                        text=cell_text.get(lang),
                    ),
                }
            )
        key = "tier.next_upgrades_one" if len(lines) == 1 else "tier.next_upgrades"
        groups.append({"text": w(key, count=len(lines)), "items": lines})
    if res.maturity_needed is not None:
        groups.append(
            {
                "text": w("tier.next_maturity", min=res.maturity_needed),
                "items": [{"item": MATURITY, "text": w("tier.maturity")}],
            }
        )
    if res.score_needed is not None:
        groups.append(
            {
                "text": w("tier.next_score", min=res.score_needed),
                "items": [{"item": SCORE, "text": w("tier.score")}],
            }
        )
    label = tier_name(r, target, w)
    return {
        "rank": target,
        "label": label,
        "intro": w("tier.next_intro", tier=label),
        "upgrades": [
            {
                "scenario": u.scenario,
                "number": number[u.scenario],
                "from": u.current,
                "to": u.target,
            }
            for u in res.upgrades
        ],
        "maturity_needed": res.maturity_needed,
        "score_needed": res.score_needed,
        "groups": groups,
    }


def result_dict(r: SmartFactoryTierRubric, a: TierAnswers, w: Words) -> dict[str, Any]:
    res = score_tier(r, a)
    checks: list[dict[str, Any]] = []
    for t, c in zip(r.tiers, res.checks, strict=True):
        checks.append(
            {
                "rank": t.rank,
                "label": t.name.get(w.lang),
                "holds": c.holds,
                "scenarios": c.scenarios,
                "missing_segments": list(c.missing_segments),
                "conditions": _conditions(r, t, c, a, w),
            }
        )
    label = tier_name(r, res.tier, w)
    nxt = _next(r, res, a, w) if res.tier < len(r.tiers) else None
    head = [w("tier.tier"), w("tier.h_scenarios"), w("tier.h_segments"), w("tier.h_maturity")]
    if r.score_gated:
        head.append(w("tier.h_score"))
    rows = [
        [cell(ch["label"], holds=ch["holds"], head=True)]
        + [cell(c["text"], holds=c["holds"]) for c in ch["conditions"]]
        for ch in checks
    ]
    view: list[dict[str, Any]] = [heading(w("tier.next_title"))]
    if nxt is None:
        view.append(paragraph(w("tier.top")))
    else:
        view.append(paragraph(nxt["intro"]))
        for g in nxt["groups"]:
            view += [paragraph(g["text"]), items(g["items"])]
    view += [
        heading(w("tier.conditions_title")),
        table(w("tier.conditions_title"), head, rows, marks=[c["holds"] for c in checks]),
    ]
    advice = _advice(r, a, w)
    if advice:
        view += [heading(w("tier.advice_title")), items(advice)]
    achieved = sum(1 for v in a.achieved.values() if v > 0)
    view.append(paragraph(w("tier.unanswered", count=achieved, total=len(r.scenarios)), "note"))
    return {
        "ok": True,
        "rubric": r.id,
        "lang": w.lang,
        "tier": {"rank": res.tier, "label": label},
        "headline": [{"label": w("tier.tier"), "value": label, "rank": res.tier}],
        "checks": checks,
        "next": nxt,
        "summary": w("tier.summary", tier=label),
        "view": view,
        "warnings": [],
    }


def score_answers(r: SmartFactoryTierRubric, raw: dict[str, Any], w: Words) -> dict[str, Any]:
    """The api's answer for ``raw``: the tier and every condition when the answers can be read,
    else every problem with what was read."""
    read, problems = read_answers(r, raw)
    out = errors_dict(r, problems, w) if problems else result_dict(r, read.answers, w)
    out["answers"] = answers_dict(r, read)
    return out
