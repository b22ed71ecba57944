"""SME digital level (中小企业数字化水平评测指标): answers → level, score, way to the next level.

Official rules (工信厅企业〔2024〕56号): single-choice points by option position; multi-choice
count × 100 / (options − 1), "无" = 0; total = Σ item × item, indicator and dimension weights;
a level holds when the score and the scenario counts (cumulative levels, constrained scenarios
among them) all reach its thresholds; the result is the highest level that holds, else no level.
"""

from __future__ import annotations

from fractions import Fraction

from ..answers.sme import SmeAnswers
from ..model.sme import Level, Question, SmeRubric
from .sme_data import field_values, suggestions
from .sme_result import (
    Gap,
    GroupScore,
    LevelCheck,
    QuestionScore,
    ScenarioCount,
    ScenarioRaise,
    ScoreStep,
    SmeResult,
)


def item_score(rubric: SmeRubric, q: Question, choice: tuple[int, ...]) -> Fraction:
    """The question's own score (0..item_max) for the chosen option numbers (counted from 1)."""
    if q.is_multi:
        if any(q.options[c - 1].none for c in choice):
            return Fraction(0)
        return len(choice) * rubric.item_max / (len(q.options) - 1)
    return rubric.single_choice_points[len(q.options)][choice[0] - 1]


def step_gain(rubric: SmeRubric, q: Question) -> Fraction:
    """Points on the question's own scale that one more option (multi) or one option up (single)
    adds.

    Both official rules space the options evenly, so every step of a question gains the same.
    """
    if q.is_multi:
        return rubric.item_max / (len(q.options) - 1)
    points = rubric.single_choice_points[len(q.options)]
    return points[1] - points[0]


def steps_left(q: Question, choice: tuple[int, ...]) -> int:
    if q.is_multi:
        ticked = sum(1 for c in choice if not q.options[c - 1].none)
        return len(q.options) - 1 - ticked
    return len(q.options) - choice[0]


def question_scores(
    rubric: SmeRubric, choices: dict[int, tuple[int, ...]]
) -> tuple[QuestionScore, ...]:
    """The points of every question answered in ``choices`` (all of them for a full result)."""
    out = []
    for q in rubric.questions:
        if q.number not in choices:
            continue
        w = rubric.weight_of(q.number)
        s = item_score(rubric, q, choices[q.number])
        out.append(QuestionScore(q.number, choices[q.number], s, s * w, rubric.item_max * w))
    return tuple(out)


def group_scores(rubric: SmeRubric, by_q: dict[int, QuestionScore]) -> tuple[GroupScore, ...]:
    dims = []
    for dim in rubric.dimensions:
        inds = []
        for ind in dim.indicators:
            qs = [by_q[item.question] for item in ind.items]
            inds.append(
                GroupScore(
                    ind.id,
                    sum((q.points for q in qs), Fraction(0)),
                    sum((q.max_points for q in qs), Fraction(0)),
                )
            )
        dims.append(
            GroupScore(
                dim.id,
                sum((i.points for i in inds), Fraction(0)),
                sum((i.max_points for i in inds), Fraction(0)),
                tuple(inds),
            )
        )
    return tuple(dims)


def scenario_counts(rubric: SmeRubric, levels: dict[str, int]) -> tuple[ScenarioCount, ...]:
    """For each scenario level k: how many scenarios (and constrained ones) stand at k or higher."""
    out = []
    for sl in rubric.scenario_levels:
        at = [s for s in rubric.scenarios if levels[s.id] >= sl.rank]
        out.append(ScenarioCount(sl.rank, len(at), sum(1 for s in at if s.constrained)))
    return tuple(out)


def check_level(level: Level, score: Fraction, counts: tuple[ScenarioCount, ...]) -> LevelCheck:
    count = next(c for c in counts if c.level == level.rank)
    return LevelCheck(
        level.rank,
        score_ok=score >= level.min_score,
        scenarios_ok=count.total >= level.min_scenarios,
        constrained_ok=count.constrained >= level.min_constrained,
    )


def fewest_score_steps(
    rubric: SmeRubric, choices: dict[int, tuple[int, ...]], missing: Fraction
) -> tuple[ScoreStep, ...]:
    """The fewest one-option steps whose points cover ``missing``.

    Each step of a question gains the same, so taking the largest gains first needs the fewest
    steps.
    """
    if missing <= 0:
        return ()
    candidates = []
    for q in rubric.questions:
        gain = step_gain(rubric, q) * rubric.weight_of(q.number)
        left = steps_left(q, choices[q.number])
        if left > 0 and gain > 0:
            candidates.append((gain, q.number, left))
    candidates.sort(key=lambda c: (-c[0], c[1]))
    plan: list[ScoreStep] = []
    for gain, number, left in candidates:
        if missing <= 0:
            break
        need = min(left, -(-missing // gain))  # ceil
        steps = int(need)
        plan.append(ScoreStep(number, steps, gain * steps))
        missing -= gain * steps
    return tuple(plan)


def fewest_scenario_raises(
    rubric: SmeRubric, levels: dict[str, int], target: Level
) -> tuple[tuple[ScenarioRaise, ...], int, int]:
    """The fewest scenarios to raise to ``target.rank``, nearest ones first (official order on
    ties).

    Raising a constrained scenario counts for both conditions, so the constrained shortfall is met
    first and the rest of the total shortfall from any scenario.
    """
    k = target.rank
    below = [s for s in rubric.scenarios if levels[s.id] < k]
    at = [s for s in rubric.scenarios if levels[s.id] >= k]
    need_c = max(0, target.min_constrained - sum(1 for s in at if s.constrained))
    need_t = max(0, target.min_scenarios - len(at))
    order = {s.id: i for i, s in enumerate(rubric.scenarios)}

    def nearest(s_id: str) -> tuple[int, int]:
        return (-levels[s_id], order[s_id])

    chosen = sorted((s.id for s in below if s.constrained), key=nearest)[:need_c]
    rest = sorted((s.id for s in below if s.id not in chosen), key=nearest)
    chosen += rest[: max(0, need_t - len(chosen))]
    chosen.sort(key=lambda s_id: order[s_id])
    raises = tuple(ScenarioRaise(s_id, levels[s_id], k) for s_id in chosen)
    return raises, need_c, need_t


def gap_to(rubric: SmeRubric, target: Level, score: Fraction, answers: SmeAnswers) -> Gap:
    missing = max(Fraction(0), target.min_score - score)
    raises, need_c, need_t = fewest_scenario_raises(rubric, answers.scenario_levels, target)
    return Gap(
        target.rank,
        missing,
        fewest_score_steps(rubric, answers.choices, missing),
        raises,
        need_c,
        need_t,
    )


def score(rubric: SmeRubric, answers: SmeAnswers) -> SmeResult:
    """Score complete, valid answers. Figures that cannot be used (a part above its total, a
    zero total) do not stop the score: they come back in ``figure_problems``."""
    values, energy = field_values(rubric, answers)
    found, problems = suggestions(rubric, answers, values)
    qs = question_scores(rubric, answers.choices)
    total = sum((q.points for q in qs), Fraction(0))
    counts = scenario_counts(rubric, answers.scenario_levels)
    checks = tuple(check_level(lv, total, counts) for lv in rubric.levels)
    level = max((c.rank for c in checks if c.holds), default=0)
    above = [lv for lv in rubric.levels if lv.rank > level]
    gap = gap_to(rubric, min(above, key=lambda lv: lv.rank), total, answers) if above else None
    return SmeResult(
        rubric_id=rubric.id,
        level=level,
        score=total,
        questions=qs,
        dimensions=group_scores(rubric, {q.number: q for q in qs}),
        scenario_levels=dict(answers.scenario_levels),
        counts=counts,
        checks=checks,
        gap=gap,
        suggestions=found,
        energy=energy,
        figure_problems=(*answers.figure_problems, *problems),
    )
