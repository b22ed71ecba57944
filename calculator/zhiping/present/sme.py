"""SME digital level: words a result or a list of problems in one language, as the JSON-ready
dict the api returns."""

from __future__ import annotations

from fractions import Fraction
from typing import Any

from ..answers.common import question_number
from ..answers.sme import answers_dict, read_answers
from ..display import display_score, display_shortfall, exact_str, plain_number
from ..errors import Problem
from ..model.sme import SmeRubric
from ..scoring.sme import question_scores, score
from ..scoring.sme_data import EnergyTotal, Suggestion, field_values, suggestions
from ..scoring.sme_result import QuestionScore, SmeResult
from .common import Labeller, Words, generic_label
from .common import errors_dict as common_errors_dict
from .common import problem_dict as common_problem_dict


def _option_label(rubric: SmeRubric, number: int, option: int, lang: str) -> str:
    q = rubric.question(number)
    assert q is not None
    return q.options[option - 1].label.get(lang)


def _scenario_level_name(rubric: SmeRubric, rank: int, lang: str) -> str:
    if rank == 0:
        return rubric.scenario_none.get(lang)
    return rubric.scenario_levels[rank - 1].name.get(lang)


def item_label(rubric: SmeRubric, item: str, w: Words) -> str:
    """A person's name for a problem's item, e.g. "第4题" or "scenario “Product design”"."""
    generic = generic_label(item, w)
    if generic is not None:
        return generic
    kind, _, rest = item.partition(":")
    lang = w.lang
    if kind == "question":
        return w("items.question", number=rest)
    if kind == "scenario":
        s = rubric.scenario(rest)
        return w("items.scenario", name=s.name.get(lang) if s else rest)
    if kind in ("field", "energy"):
        number, _, tail = rest.partition(".")
        fid, _, energy = tail.partition(".")
        n = question_number(number)
        q = rubric.question(n) if n is not None else None
        f = q.field(fid) if q else None
        label = f.label.get(lang) if f else fid
        if kind == "field":
            return w("items.field", number=number, label=label)
        row = rubric.energy_row(energy)
        return w(
            "items.energy", number=number, label=label, energy=row.name.get(lang) if row else energy
        )
    return item


def _labeller(rubric: SmeRubric) -> Labeller:
    return lambda item, words: item_label(rubric, item, words)


def problem_dict(rubric: SmeRubric, p: Problem, w: Words) -> dict[str, str]:
    return common_problem_dict(p, w, _labeller(rubric))


def errors_dict(rubric: SmeRubric, problems: list[Problem], w: Words) -> dict[str, Any]:
    """Answers to this rubric that cannot be scored yet (what was read is kept by the caller)."""
    return common_errors_dict(rubric.id, problems, w, _labeller(rubric))


def _question_dict(q: QuestionScore) -> dict[str, Any]:
    return {
        "number": q.number,
        "choice": list(q.choice),
        "item_score": exact_str(q.item_score),
        "points": display_score(q.points),
        "points_exact": exact_str(q.points),
        "max": display_score(q.max_points),
    }


def partial_dict(rubric: SmeRubric, scores: tuple[QuestionScore, ...], w: Words) -> dict[str, Any]:
    """Progress before the result: the points of each question answered so far, and the score of
    the scored part once every question is answered."""
    complete = len(scores) == len(rubric.questions)
    total = sum((q.points for q in scores), Fraction(0))
    maximum = sum(
        (rubric.item_max * rubric.weight_of(q.number) for q in rubric.questions), Fraction(0)
    )
    return {
        "questions": [_question_dict(q) for q in scores],
        "score": {
            "exact": exact_str(total),
            "display": display_score(total),
            "max": display_score(maximum),
            "text": w("result.part_score", score=display_score(total), max=display_score(maximum)),
        }
        if complete
        else None,
    }


def _level_label(rubric: SmeRubric, rank: int, w: Words) -> str:
    """ "二级（规范级）" / "Level 2 (Standardized)", or the rubric's word for no level."""
    if rank == 0:
        return rubric.no_level.get(w.lang)
    lv = next(lv for lv in rubric.levels if lv.rank == rank)
    return w("result.level_label", name=lv.name.get(w.lang), title=lv.title.get(w.lang))


def result_dict(rubric: SmeRubric, r: SmeResult, w: Words) -> dict[str, Any]:
    lang = w.lang
    dims = {d.id: d for d in rubric.dimensions}
    inds = {i.id: i for d in rubric.dimensions for i in d.indicators}
    levels_out = []
    for lv, check in zip(rubric.levels, r.checks, strict=True):
        count = next(c for c in r.counts if c.level == lv.rank)
        scen_name = _scenario_level_name(rubric, lv.rank, lang)
        levels_out.append(
            {
                "rank": lv.rank,
                "label": _level_label(rubric, lv.rank, w),
                "holds": check.holds,
                "conditions": [
                    {
                        "id": "score",
                        "holds": check.score_ok,
                        "text": w(
                            "result.condition_score",
                            min=display_score(lv.min_score),
                            value=display_score(r.score),
                        ),
                    },
                    {
                        "id": "scenarios",
                        "holds": check.scenarios_ok,
                        "text": w(
                            "result.condition_scenarios",
                            level=scen_name,
                            min=lv.min_scenarios,
                            value=count.total,
                        ),
                    },
                    {
                        "id": "constrained",
                        "holds": check.constrained_ok,
                        "text": w(
                            "result.condition_constrained",
                            min=lv.min_constrained,
                            value=count.constrained,
                        ),
                    },
                ],
            }
        )
    return {
        "ok": True,
        "rubric": r.rubric_id,
        "lang": lang,
        "level": {"rank": r.level, "label": _level_label(rubric, r.level, w)},
        "score": {
            "exact": exact_str(r.score),
            "display": display_score(r.score),
            "max": display_score(sum((q.max_points for q in r.questions), Fraction(0))),
        },
        "questions": [_question_dict(q) for q in r.questions],
        "dimensions": [
            {
                "id": d.id,
                "name": dims[d.id].name.get(lang),
                "points": display_score(d.points),
                "points_exact": exact_str(d.points),
                "max": display_score(d.max_points),
                "indicators": [
                    {
                        "id": i.id,
                        "name": inds[i.id].name.get(lang),
                        "points": display_score(i.points),
                        "max": display_score(i.max_points),
                    }
                    for i in d.children
                ],
            }
            for d in r.dimensions
        ],
        "scenarios": {
            "levels": dict(r.scenario_levels),
            "counts": [
                {
                    "level": c.level,
                    "label": _scenario_level_name(rubric, c.level, lang),
                    "total": c.total,
                    "constrained": c.constrained,
                    "guiding": c.total - c.constrained,
                }
                for c in r.counts
            ],
        },
        "levels": levels_out,
        "next": _next_dict(rubric, r, w),
        "warnings": warnings_list(rubric, r.suggestions, r.figure_problems, w),
        **derived_dict(rubric, r.suggestions, r.energy, w),
        "summary": _summary(rubric, r, w),
    }


def _derived_value(s: Suggestion, w: Words) -> str:
    if s.kind == "rate":
        return w("warnings.rate_value", value=plain_number(s.value))
    return w("warnings.trend_value", value=plain_number(s.value))


def derived_dict(
    rubric: SmeRubric, found: tuple[Suggestion, ...], energy: tuple[EnergyTotal, ...], w: Words
) -> dict[str, Any]:
    """The options raw numbers point to (a suggestion the user may accept), and converted energy
    totals."""
    return {
        "derived": [
            {
                "question": s.question,
                "option": s.option,
                "kind": s.kind,
                "value": plain_number(s.value),
                "mismatch": s.mismatch,
                "text": w(
                    "warnings.suggestion",
                    value=_derived_value(s, w),
                    suggested=_option_label(rubric, s.question, s.option, w.lang),
                ),
                "accept": w(
                    "warnings.accept",
                    suggested=_option_label(rubric, s.question, s.option, w.lang),
                ),
            }
            for s in found
        ],
        "energy": [
            {
                "question": e.question,
                "field": e.field,
                "total": exact_str(e.total),
                "text": w("result.energy_total", value=exact_str(e.total)),
                "parts": [{"energy": k, "tce": exact_str(v)} for k, v in e.parts],
            }
            for e in energy
        ],
    }


def warnings_list(
    rubric: SmeRubric,
    found: tuple[Suggestion, ...],
    figure_problems: tuple[Problem, ...],
    w: Words,
) -> list[dict[str, str]]:
    """What the user should look at without it stopping the score: figures that could not be used,
    and answered questions whose chosen option disagrees with the figures."""
    out = [problem_dict(rubric, p, w) for p in dict.fromkeys(figure_problems)]
    for s in found:
        if not s.mismatch or not s.chosen:
            continue
        chosen = w("result.separator").join(
            _option_label(rubric, s.question, c, w.lang) for c in s.chosen
        )
        out.append(
            {
                "code": "derived_mismatch",
                "item": f"question:{s.question}",
                "label": w("items.question", number=s.question),
                "message": w(
                    "warnings.derived_mismatch",
                    item=w("items.question", number=s.question),
                    value=_derived_value(s, w),
                    suggested=_option_label(rubric, s.question, s.option, w.lang),
                    chosen=chosen,
                ),
            }
        )
    return out


def _next_dict(rubric: SmeRubric, r: SmeResult, w: Words) -> dict[str, Any] | None:
    gap = r.gap
    if gap is None:
        return None
    lang = w.lang
    label = _level_label(rubric, gap.target, w)
    scen_target = _scenario_level_name(rubric, gap.target, lang)
    chosen = {q.number: q.choice for q in r.questions}
    groups: list[dict[str, Any]] = []
    if gap.points_missing > 0:
        steps = []
        for st in gap.score_steps:
            q = rubric.question(st.question)
            assert q is not None
            item = w("items.question", number=st.question)
            gain = display_score(st.gain)
            if q.is_multi:
                key = "result.step_multi_one" if st.steps == 1 else "result.step_multi"
                line = w(key, item=item, steps=st.steps, gain=gain)
            else:
                target = chosen[st.question][0] + st.steps
                option = _option_label(rubric, st.question, target, lang)
                line = w("result.step_single", item=item, option=option, gain=gain)
            steps.append({"item": f"question:{st.question}", "text": line})
        head = w("result.next_points", points=display_shortfall(gap.points_missing))
        groups.append({"text": head, "items": steps})
    if gap.scenario_raises:
        names = []
        for ra in gap.scenario_raises:
            s = rubric.scenario(ra.id)
            assert s is not None
            line = w(
                "result.scenario_from",
                name=s.name.get(lang),
                level=_scenario_level_name(rubric, ra.current, lang),
            )
            names.append({"item": f"scenario:{s.id}", "text": line})
        count = len(gap.scenario_raises)
        key = "result.next_scenarios_one" if count == 1 else "result.next_scenarios"
        groups.append({"text": w(key, count=count, level=scen_target), "items": names})
    sep = w("result.separator")
    text = [g["text"] + sep.join(i["text"] for i in g["items"]) for g in groups]
    return {
        "rank": gap.target,
        "label": label,
        "intro": w("result.next_intro", level=label),
        "points_missing": {
            "exact": exact_str(gap.points_missing),
            "display": display_shortfall(gap.points_missing),
        },
        "score_steps": [
            {"question": st.question, "steps": st.steps, "gain": display_score(st.gain)}
            for st in gap.score_steps
        ],
        "scenario_raises": [
            {
                "id": ra.id,
                "name": s.name.get(lang),
                "constrained": s.constrained,
                "from": ra.current,
                "to": ra.target,
            }
            for ra in gap.scenario_raises
            if (s := rubric.scenario(ra.id)) is not None
        ],
        "constrained_missing": gap.constrained_missing,
        "scenarios_missing": gap.scenarios_missing,
        "groups": groups,
        "text": text,
    }


def _summary(rubric: SmeRubric, r: SmeResult, w: Words) -> str:
    """One line, read out to screen-reader users after every change."""
    return w("result.summary", level=_level_label(rubric, r.level, w), score=display_score(r.score))


def score_answers(rubric: SmeRubric, raw: dict[str, Any], w: Words) -> dict[str, Any]:
    """The api's answer for ``raw`` (an answers object for this rubric): the result when the
    answers are complete and valid, else every problem with what was read and the progress so far.
    """
    read, problems = read_answers(rubric, raw)
    if not problems:
        out = result_dict(rubric, score(rubric, read), w)
        out["answers"] = answers_dict(rubric, read)
        return out
    values, energy = field_values(rubric, read)
    found, figure_problems = suggestions(rubric, read, values)
    out = errors_dict(rubric, problems, w)
    out.update(derived_dict(rubric, found, energy, w))
    out["warnings"] = warnings_list(rubric, found, (*read.figure_problems, *figure_problems), w)
    out["partial"] = partial_dict(rubric, question_scores(rubric, read.choices), w)
    out["answers"] = answers_dict(rubric, read)
    return out


def summary_pairs(result: dict[str, Any], w: Words) -> list[tuple[str, str]]:
    """Key sub-scores of a result dict: the level, the score, the points of each dimension."""
    return [
        (w("rubric_page.level"), result["level"]["label"]),
        (w("result.score"), result["score"]["display"]),
        *((d["name"], d["points"]) for d in result["dimensions"]),
    ]
