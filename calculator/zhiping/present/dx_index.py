"""General assessment (通用评估 / 能力评估): words a result, or a list of problems, in one
language as the JSON-ready dict the api returns: the score with its arithmetic, the indicator
profile (chart + table), what the score means for the tiers, and the amounts recorded."""

from __future__ import annotations

from fractions import Fraction
from typing import Any

from ..answers.common import question_number
from ..answers.dx_index import ReadDx, answers_dict, read_answers
from ..display import display_score, exact_str, plain_number
from ..errors import Problem
from ..model.dx_index import DxIndexRubric
from ..scoring.dx_index import DxResult, band_of, score_dx
from .common import (
    Words,
    bars,
    cell,
    generic_label,
    heading,
    headline_pairs,
    items,
    paragraph,
    table,
)
from .common import errors_dict as common_errors_dict
from .common import problem_dict as common_problem_dict


def item_label(r: DxIndexRubric, item: str, w: Words) -> str:
    """A person's name for a problem's item, e.g. "指标5「销售服务数字化水平」"."""
    generic = generic_label(item, w)
    if generic is not None:
        return generic
    kind, _, rest = item.partition(":")
    if kind == "indicator":
        number = question_number(rest)
        ind = next((i for i in r.indicators if i.number == number), None)
        return w("dx.indicator", number=rest, name=ind.name.get(w.lang) if ind else "?")
    if kind == "amount":
        amount = next((a for i in r.indicators for a in i.amounts if a.id == rest), None)
        return amount.label.get(w.lang) if amount else w("items.key", key=rest)
    return item


def _localized(r: DxIndexRubric, p: Problem) -> Problem:
    """``score_outside_band`` names the band of the chosen level."""
    if p.code != "score_outside_band":
        return p
    band = band_of(r, int(p.param("level")))
    low = band.range.min if band.range else band.score
    high = band.range.max if band.range else band.score
    assert low is not None and high is not None
    extra = (("low", exact_str(low)), ("high", exact_str(high)))
    return Problem(p.code, p.item, p.params + extra)


def _labeller(r: DxIndexRubric) -> Any:
    return lambda item, words: item_label(r, item, words)


def errors_dict(r: DxIndexRubric, problems: list[Problem], w: Words) -> dict[str, Any]:
    return common_errors_dict(r.id, [_localized(r, p) for p in problems], w, _labeller(r))


def _level(rank: int | None, w: Words) -> str:
    return w("dx.not_applicable") if rank is None else w("dx.level", rank=rank)


def _score_label(r: DxIndexRubric, w: Words) -> str:
    if r.official_score or r.reference_label is None:
        return w("dx.score")
    return r.reference_label.get(w.lang)


def _gates(r: DxIndexRubric, res: DxResult, w: Words) -> list[dict[str, Any]]:
    out = []
    for g in r.gates:
        holds = res.above(g.value)
        out.append(
            {
                "id": g.id,
                "kind": g.kind,
                "value": g.value,
                "holds": holds,
                "text": g.text.get(w.lang),
            }
        )
    return out


def result_dict(r: DxIndexRubric, read: ReadDx, w: Words) -> dict[str, Any]:
    res = score_dx(r, read.answers)
    lang = w.lang
    names = {i.number: i.name.get(lang) for i in r.indicators}
    sep = w("result.separator")
    subs = {s.match: s.label.get(lang) for b in r.bands for s in b.sub_bands}
    indicators: list[dict[str, Any]] = []
    for i in res.indicators:
        indicators.append(
            {
                "number": i.number,
                "name": names[i.number],
                "level": i.level,
                "level_label": _level(i.level, w),
                "score": exact_str(i.score) if i.score is not None else None,
                "display": display_score(i.score) if i.score is not None else "—",
                "part": subs.get(i.sub_band or "", ""),
                "sub_band": i.sub_band,
                "counted": i.counted,
            }
        )
    counted = [i for i in res.indicators if i.counted and i.score is not None]
    total = sum((i.score for i in counted if i.score is not None), Fraction(0))
    score: dict[str, Any] | None = None
    if res.score is not None:
        score = {
            "exact": exact_str(res.score),
            "display": display_score(res.score),
            "max": str(r.scale_max),
            "official": r.official_score,
            "label": _score_label(r, w),
        }
    left_out = [i for i in res.indicators if not i.counted]
    arithmetic = (
        w(
            "dx.arithmetic",
            terms=" + ".join(display_score(i.score) for i in counted if i.score is not None),
            total=display_score(total),
            count=res.counted,
            score=score["display"],
        )
        if score
        else w("dx.no_score")
    )
    gates = _gates(r, res, w)
    amounts = [
        {
            "id": a.id,
            "label": a.label.get(lang),
            "value": plain_number(read.amounts[a.id]) if a.id in read.amounts else "—",
            "unit": a.unit.get(lang),
        }
        for ind in r.indicators
        for a in ind.amounts
    ]
    view: list[dict[str, Any]] = [heading(w("dx.arithmetic_title")), paragraph(arithmetic)]
    if left_out:
        names_out = sep.join(
            w("dx.indicator", number=i.number, name=names[i.number]) for i in left_out
        )
        view.append(paragraph(w("dx.left_out", indicators=names_out), "note"))
    if not r.official_score:
        view.append(paragraph(w("dx.unofficial", label=_score_label(r, w)), "note"))
    if gates:
        view += [
            heading(w("dx.gates_title")),
            items(
                [
                    {"text": w(f"dx.gate_{g['kind']}", text=g["text"]), "holds": g["holds"]}
                    for g in gates
                ]
            ),
        ]
    view += [
        heading(w("dx.profile")),
        bars(
            w("dx.profile"),
            6,
            [
                {
                    "label": w("dx.indicator", number=i["number"], name=i["name"]),
                    "value": i["level"],
                    "text": i["level_label"],
                }
                for i in indicators
            ],
        ),
        table(
            w("dx.profile"),
            [w("dx.h_indicator"), w("dx.h_level"), w("dx.h_score"), w("dx.h_part")],
            [
                [
                    cell(
                        w("dx.indicator", number=i["number"], name=i["name"]),
                        head=True,
                        item=f"indicator:{i['number']}",
                    ),
                    cell(i["level_label"]),
                    cell(i["display"]),
                    cell(i["part"] or "—"),
                ]
                for i in indicators
            ],
        ),
    ]
    if amounts:
        view += [
            heading(w("dx.amounts_title")),
            table(
                w("dx.amounts_title"),
                [w("dx.h_amount"), w("dx.h_value")],
                [[cell(a["label"], head=True), cell(f"{a['value']} {a['unit']}")] for a in amounts],
            ),
        ]
    headline = [
        {"label": w("dx.profile_short"), "value": w("dx.profile_line", count=len(indicators))}
    ]
    if score:
        headline = [{"label": score["label"], "value": score["display"], "max": score["max"]}]
    summary = (
        w("dx.summary", label=score["label"], score=score["display"])
        if score
        else w("dx.summary_profile")
    )
    out: dict[str, Any] = {
        "ok": True,
        "rubric": r.id,
        "lang": lang,
        "score": score,
        "indicators": indicators,
        "gates": gates,
        "amounts": amounts,
        "headline": headline,
        "summary": summary,
        "view": view,
        "warnings": [],
    }
    if score and r.official_score:
        out["handover"] = {"value": score["exact"], "display": score["display"]}
    return out


def score_answers(r: DxIndexRubric, raw: dict[str, Any], w: Words) -> dict[str, Any]:
    """The api's answer for ``raw``: the score and profile when every scored indicator is answered,
    else every problem with what was read and how far the answers go."""
    read, problems = read_answers(r, raw)
    if problems:
        out = errors_dict(r, problems, w)
        scored = [i for i in r.indicators if i.scored]
        out["progress"] = {
            "done": sum(1 for i in scored if i.number in read.answers),
            "total": len(scored),
        }
    else:
        out = result_dict(r, read, w)
    out["warnings"] = [common_problem_dict(p, w, _labeller(r)) for p in read.amount_problems]
    out["answers"] = answers_dict(r, read)
    return out


def summary_pairs(result: dict[str, Any], w: Words) -> list[tuple[str, str]]:
    """Key sub-scores of a result dict: the headline (the score, or the level profile), then each
    indicator's self-score, or its level where it has no score."""
    pairs = headline_pairs(result, w)
    for ind in result["indicators"]:
        pairs.append(
            (ind["name"], ind["display"] if ind["score"] is not None else ind["level_label"])
        )
    return pairs
