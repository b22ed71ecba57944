"""Semantic checks of the SME digital-level rubric (the shared ones are in :mod:`.common`): weights
that add up, ids unique in their list, references that resolve, option lists the official scoring
rule can score, monotone levels.
"""

from __future__ import annotations

from fractions import Fraction
from itertools import pairwise
from typing import Any

from ..model.sme import SmeRubric
from .common import Issue, check_mentions, duplicates


def _weights(file: str, path: str, weights: list[Fraction]) -> list[Issue]:
    total = sum(weights, Fraction(0))
    if total != 1:
        return [Issue(file, path, "weights_sum", f"weights add up to {total * 100}%, not 100%")]
    return []


def check_sme(r: SmeRubric, file: str) -> list[Issue]:
    """Meaning checks for the SME digital-level family."""
    out: list[Issue] = []
    out += _weights(file, "dimensions", [d.weight for d in r.dimensions])
    out += _check_ids(r, file)
    referenced: list[int] = []
    for i, d in enumerate(r.dimensions):
        out += _weights(file, f"dimensions[{i}].indicators", [x.weight for x in d.indicators])
        for j, ind in enumerate(d.indicators):
            p = f"dimensions[{i}].indicators[{j}].items"
            out += _weights(file, p, [x.weight for x in ind.items])
            referenced += [x.question for x in ind.items]
            for k, item in enumerate(ind.items):
                if r.question(item.question) is None:
                    out.append(
                        Issue(
                            file,
                            f"{p}[{k}].question",
                            "unknown_ref",
                            f"item {item.id!r} refers to question {item.question}, which does not"
                            " exist",
                        )
                    )
    numbers = [q.number for q in r.questions]
    if numbers != list(range(1, len(numbers) + 1)):
        out.append(
            Issue(file, "questions", "numbering", "questions must be numbered 1, 2, 3 … in order")
        )
    for n in sorted(set(numbers) ^ set(referenced)):
        out.append(
            Issue(file, "dimensions", "item_question", f"question {n} is not weighted exactly once")
        )
    for n in sorted({n for n in referenced if referenced.count(n) > 1}):
        out.append(Issue(file, "dimensions", "item_question", f"question {n} is weighted twice"))
    for k, pts in r.single_choice_points.items():
        p = f"scoring.single_choice_points.{k}"
        if len(pts) != k:
            out.append(Issue(file, p, "points_count", f"{k} options need {k} point values"))
        if list(pts) != sorted(pts) or (pts and (pts[0] != 0 or pts[-1] != r.item_max)):
            out.append(Issue(file, p, "points_order", "points must rise from 0 to item_max"))
    for i, q in enumerate(r.questions):
        out += _check_question(r, q, file, f"questions[{i}]")
    out += _check_scenarios(r, file)
    out += _check_levels(r, file)
    for i, row in enumerate(r.energy):
        if row.factor <= 0:
            out.append(Issue(file, f"energy_table.rows[{i}].factor", "factor", "must be positive"))
    out += _check_decisions(r, file)
    return out


def _check_ids(r: SmeRubric, file: str) -> list[Issue]:
    """Every list of identified things has unique ids. Indicator, item and scenario ids are unique
    across the whole rubric (answers and results name them without their parent); field ids within
    their question (references name the question)."""
    dims = list(enumerate(r.dimensions))
    inds = [
        (f"dimensions[{i}].indicators[{j}]", x) for i, d in dims for j, x in enumerate(d.indicators)
    ]
    items = [(f"{p}.items[{k}]", x) for p, ind in inds for k, x in enumerate(ind.items)]
    groups = list(enumerate(r.scenario_groups))
    scenarios = [
        (f"scenario_groups[{g}].scenarios[{k}]", s)
        for g, grp in groups
        for k, s in enumerate(grp.scenarios)
    ]
    out = duplicates(file, "dimension", [(f"dimensions[{i}].id", d.id) for i, d in dims])
    out += duplicates(file, "indicator", [(f"{p}.id", x.id) for p, x in inds])
    out += duplicates(file, "item", [(f"{p}.id", x.id) for p, x in items])
    out += duplicates(
        file, "question", [(f"questions[{i}].number", q.number) for i, q in enumerate(r.questions)]
    )
    for i, q in enumerate(r.questions):
        fields = [(f"questions[{i}].fields[{j}].id", f.id) for j, f in enumerate(q.fields)]
        out += duplicates(file, f"field of question {q.number}", fields)
    out += duplicates(
        file, "scenario group", [(f"scenario_groups[{g}].id", x.id) for g, x in groups]
    )
    out += duplicates(file, "scenario", [(f"{p}.id", s.id) for p, s in scenarios])
    out += duplicates(
        file,
        "scenario level",
        [(f"scenario_levels[{i}].rank", x.rank) for i, x in enumerate(r.scenario_levels)],
    )
    out += duplicates(
        file, "level", [(f"levels[{i}].rank", x.rank) for i, x in enumerate(r.levels)]
    )
    out += duplicates(
        file, "energy row", [(f"energy_table.rows[{i}].id", x.id) for i, x in enumerate(r.energy)]
    )
    out += duplicates(
        file, "decision", [(f"decisions[{i}].id", x.id) for i, x in enumerate(r.decisions)]
    )
    return out


def _check_question(r: SmeRubric, q: Any, file: str, p: str) -> list[Issue]:
    out: list[Issue] = []
    n = len(q.options)
    nones = [i for i, o in enumerate(q.options) if o.none]
    if q.type not in ("single", "multi"):
        out.append(Issue(file, f"{p}.type", "type", "must be single or multi"))
    elif q.is_multi:
        if nones != [0]:
            out.append(
                Issue(
                    file,
                    f"{p}.options",
                    "none_option",
                    "a multi-choice question needs exactly one 'none' option, first",
                )
            )
    else:
        if nones:
            out.append(
                Issue(
                    file, f"{p}.options", "none_option", "'none' is only for multi-choice questions"
                )
            )
        if n not in r.single_choice_points:
            out.append(
                Issue(
                    file,
                    f"{p}.options",
                    "option_count",
                    f"the scoring rule has no points for {n} options",
                )
            )
    ranges = [o.range for o in q.options if o.range is not None]
    if ranges:
        if len(ranges) != n:
            out.append(
                Issue(file, f"{p}.options", "ranges", "either every option has a range or none")
            )
        for a, b in pairwise(ranges):
            if a.max != b.min or a.max_inclusive == b.min_inclusive:
                out.append(
                    Issue(
                        file,
                        f"{p}.options",
                        "ranges",
                        f"ranges must meet without gap or overlap at {a.max}",
                    )
                )
    directions = [o.direction for o in q.options if o.direction is not None]
    if directions and sorted(directions) != ["decrease", "flat", "increase"]:
        out.append(
            Issue(
                file,
                f"{p}.options",
                "directions",
                "trend options need increase, flat and decrease once each",
            )
        )
    if any(f.helper == "energy" for f in q.fields) and not r.energy:
        out.append(
            Issue(file, f"{p}.fields", "energy_table", "an energy helper needs energy_table.rows")
        )
    if q.derive is not None:
        for ref in q.derive.refs():
            target = r.question(ref.question)
            if target is None or target.field(ref.field) is None:
                out.append(
                    Issue(
                        file, f"{p}.derive", "unknown_ref", f"no field {ref.question}.{ref.field}"
                    )
                )
        if q.derive.kind == "rate" and not ranges:
            out.append(Issue(file, f"{p}.derive", "derive", "a rate needs options with ranges"))
        if q.derive.kind == "trend" and not directions:
            out.append(
                Issue(file, f"{p}.derive", "derive", "a trend needs options with directions")
            )
    return out


def _check_scenarios(r: SmeRubric, file: str) -> list[Issue]:
    out: list[Issue] = []
    ranks = [s.rank for s in r.scenario_levels]
    if ranks != list(range(1, len(ranks) + 1)):
        out.append(Issue(file, "scenario_levels", "numbering", "ranks must be 1, 2, 3 … in order"))
    for gi, g in enumerate(r.scenario_groups):
        for si, s in enumerate(g.scenarios):
            if len(s.levels) != len(ranks):
                out.append(
                    Issue(
                        file,
                        f"scenario_groups[{gi}].scenarios[{si}].levels",
                        "level_texts",
                        f"needs {len(ranks)} level texts",
                    )
                )
    return out


def _check_levels(r: SmeRubric, file: str) -> list[Issue]:
    out: list[Issue] = []
    ranks = [lv.rank for lv in r.levels]
    if ranks != list(range(1, len(ranks) + 1)):
        out.append(Issue(file, "levels", "numbering", "ranks must be 1, 2, 3 … in order"))
    if len(ranks) > len(r.scenario_levels):
        out.append(
            Issue(
                file,
                "levels",
                "scenario_level",
                "every level needs a scenario level of the same rank",
            )
        )
    total = len(r.scenarios)
    constrained = sum(1 for s in r.scenarios if s.constrained)
    for i, lv in enumerate(r.levels):
        p = f"levels[{i}]"
        if not lv.min_constrained <= lv.min_scenarios <= total:
            out.append(
                Issue(
                    file,
                    p,
                    "thresholds",
                    "need min_constrained ≤ min_scenarios ≤ number of scenarios",
                )
            )
        if lv.min_constrained > constrained:
            out.append(
                Issue(file, p, "thresholds", "more constrained scenarios required than exist")
            )
        if not 0 <= lv.min_score <= r.item_max:
            out.append(Issue(file, p, "thresholds", "min_score outside 0..100"))
    for i, (a, b) in enumerate(zip(r.levels, r.levels[1:], strict=False)):
        if (
            b.min_score < a.min_score
            or b.min_scenarios < a.min_scenarios
            or b.min_constrained < a.min_constrained
        ):
            out.append(
                Issue(file, f"levels[{i + 1}]", "monotone", "a higher level cannot ask for less")
            )
    return out


def _check_decisions(r: SmeRubric, file: str) -> list[Issue]:
    out: list[Issue] = []
    known = {"notice", "terms", "scenarios", "levels", "scoring", "energy", "answers"}
    for i, d in enumerate(r.decisions):
        for k, target in enumerate(d.applies_to):
            kind, _, rest = target.partition(":")
            ok = target in known or (
                kind == "question" and rest.isdigit() and r.question(int(rest)) is not None
            )
            if not ok:
                out.append(
                    Issue(
                        file,
                        f"decisions[{i}].applies_to[{k}]",
                        "unknown_ref",
                        f"unknown target {target!r}",
                    )
                )
    return out


def check_sme_data(data: dict[str, Any], r: SmeRubric, file: str) -> list[Issue]:
    """Checks of the parts of the rubric file the model does not carry: the explained terms are
    unique, and every decision named in a text exists."""
    terms = data.get("terms", [])
    out = duplicates(
        file,
        "term",
        [
            (f"terms[{i}].term.zh", t["term"]["zh"])
            for i, t in enumerate(terms)
            if isinstance(t, dict) and isinstance(t.get("term"), dict) and "zh" in t["term"]
        ],
    )
    out += check_mentions(data, file, {d.id for d in r.decisions})
    return out
