"""Reads a user's answers (the documented JSON shape, already parsed by
:func:`zhiping.jsonread.read_json`) into :class:`SmeAnswers`, collecting every problem; and writes
what was read back in the same shape (the page fills its form from that, never from the file).

Shape::

    {"rubric": "<id>",
     "questions": {"1": [2, 3], "2": 3, ...},     # official number -> option number(s), from 1
     "scenarios": {"<official name>": 0..4, ...},  # 0 = below level 1
     "data": {"2": {"total_devices": 120}, "12": {"energy_last": {"electricity": "310"}}},
     "meta": {"company": "...", "date": "...", ...}}  # free notes, kept, not scored

Keys must match the documented patterns exactly (``"01"``, ``"²"`` and ``"١"`` are not question 1).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from fractions import Fraction
from typing import Any

from ..display import exact_str
from ..errors import InputError, Problem, problem
from ..jsonread import BadNumber
from ..model.sme import SmeRubric
from .common import is_int, question_number, read_meta, shown, to_number

TOP_LEVEL_KEYS = ("$schema", "rubric", "questions", "scenarios", "data", "meta")


@dataclass(frozen=True)
class EnergyInput:
    """Quantities of energy in their own units, to be converted to tonnes of coal equivalent."""

    quantities: tuple[tuple[str, Fraction], ...]


@dataclass(frozen=True)
class SmeAnswers:
    choices: dict[int, tuple[int, ...]]
    scenario_levels: dict[str, int]
    data: dict[tuple[int, str], Fraction] = field(default_factory=dict)
    energy: dict[tuple[int, str], EnergyInput] = field(default_factory=dict)
    meta: dict[str, str] = field(default_factory=dict)
    # Figures that could not be used, and why: they warn, they never block a score (decision Z7).
    figure_problems: tuple[Problem, ...] = ()


def _choices(rubric: SmeRubric, raw: Any, out: list[Problem]) -> dict[int, tuple[int, ...]]:
    choices: dict[int, tuple[int, ...]] = {}
    if not isinstance(raw, dict):
        out.append(problem("not_an_object", "questions"))
        return choices
    for key, value in raw.items():
        number = question_number(key)
        q = rubric.question(number) if number is not None else None
        if q is None:
            out.append(problem("unknown_question", f"question:{key}", key=key))
            continue
        item = f"question:{q.number}"
        n = len(q.options)
        picked: list[Any]
        if q.is_multi:
            if not isinstance(value, list):
                out.append(problem("wrong_type", item, expected="list"))
                continue
            picked = value
            if not picked:
                out.append(problem("empty_choice", item))
                continue
        else:
            if isinstance(value, list) and len(value) == 1:
                value = value[0]
            if not is_int(value) and not isinstance(value, BadNumber):
                out.append(problem("wrong_type", item, expected="one"))
                continue
            picked = [value]
        bad = [p for p in picked if not is_int(p) or not 1 <= p <= n]
        if bad:
            out.append(problem("option_out_of_range", item, value=shown(bad[0]), count=n))
            continue
        if len(set(picked)) != len(picked):
            dup = next(p for p in picked if picked.count(p) > 1)
            out.append(problem("duplicate_option", item, value=dup))
            continue
        nones = [p for p in picked if q.options[p - 1].none]
        if nones and len(picked) > 1:
            out.append(problem("none_with_others", item, option=nones[0]))
            continue
        choices[q.number] = tuple(sorted(picked))
    for q in rubric.questions:
        if q.number not in choices and not any(p.item == f"question:{q.number}" for p in out):
            out.append(problem("missing_answer", f"question:{q.number}"))
    return choices


def _scenarios(rubric: SmeRubric, raw: Any, out: list[Problem]) -> dict[str, int]:
    levels: dict[str, int] = {}
    top = len(rubric.scenario_levels)
    if not isinstance(raw, dict):
        out.append(problem("not_an_object", "scenarios"))
        return levels
    for key, value in raw.items():
        if rubric.scenario(key) is None:
            out.append(problem("unknown_scenario", f"scenario:{key}", key=key))
        elif not is_int(value) or not 0 <= value <= top:
            out.append(
                problem("level_out_of_range", f"scenario:{key}", value=shown(value), top=top)
            )
        else:
            levels[key] = value
    for s in rubric.scenarios:
        if s.id not in levels and not any(p.item == f"scenario:{s.id}" for p in out):
            out.append(problem("missing_scenario", f"scenario:{s.id}"))
    return levels


def _data(
    rubric: SmeRubric, raw: Any, out: list[Problem]
) -> tuple[dict[tuple[int, str], Fraction], dict[tuple[int, str], EnergyInput]]:
    values: dict[tuple[int, str], Fraction] = {}
    energy: dict[tuple[int, str], EnergyInput] = {}
    if not isinstance(raw, dict):
        out.append(problem("not_an_object", "data"))
        return values, energy
    for key, fields in raw.items():
        number = question_number(key)
        q = rubric.question(number) if number is not None else None
        if q is None:
            out.append(problem("unknown_question", f"data:{key}", key=key))
            continue
        if not isinstance(fields, dict):
            out.append(problem("not_an_object", f"question:{q.number}"))
            continue
        for fid, value in fields.items():
            f = q.field(str(fid))
            item = f"field:{q.number}.{fid}"
            if f is None:
                out.append(problem("unknown_field", item, key=fid))
                continue
            if value is None or (isinstance(value, str) and not value.strip()):
                continue  # an optional blank
            if isinstance(value, dict) and f.helper == "energy":
                parsed = _energy(rubric, q.number, f.id, value, out)
                if parsed is not None:
                    energy[(q.number, f.id)] = parsed
                continue
            amount = to_number(value)
            if amount is None:
                out.append(problem("bad_number", item, value=shown(value)))
            elif f.integer and amount.denominator != 1:
                out.append(problem("not_integer", item, value=shown(value)))
            else:
                values[(q.number, f.id)] = amount
                if f.maximum is not None and amount > f.maximum:
                    # kept (the user may mean it) but flagged: a rate above 100 % is a slip
                    out.append(
                        problem("above_maximum", item, value=exact_str(amount), max=f.maximum)
                    )
    return values, energy


def _energy(
    rubric: SmeRubric, number: int, fid: str, raw: dict[str, Any], out: list[Problem]
) -> EnergyInput | None:
    quantities: list[tuple[str, Fraction]] = []
    ok = True
    for row_id, qty in raw.items():
        item = f"energy:{number}.{fid}.{row_id}"
        if rubric.energy_row(row_id) is None:
            out.append(problem("unknown_energy", item, key=row_id))
            ok = False
            continue
        if qty is None or (isinstance(qty, str) and not qty.strip()):
            continue
        value = to_number(qty)
        if value is None:
            out.append(problem("bad_number", item, value=shown(qty)))
            ok = False
        else:
            quantities.append((row_id, value))
    return EnergyInput(tuple(quantities)) if ok and quantities else None


def read_answers(rubric: SmeRubric, raw: dict[str, Any]) -> tuple[SmeAnswers, list[Problem]]:
    """What can be read of ``raw`` (possibly incomplete) and every problem that stops it being
    scored; problems with the optional figures travel in ``answers.figure_problems``."""
    out: list[Problem] = []
    for key in raw:
        if key not in TOP_LEVEL_KEYS:
            out.append(problem("unknown_key", key, key=key))
    choices = _choices(rubric, raw.get("questions", {}), out)
    levels = _scenarios(rubric, raw.get("scenarios", {}), out)
    figure_out: list[Problem] = []
    values, energy = _data(rubric, raw.get("data", {}), figure_out)
    meta = read_meta(raw.get("meta", {}), out)
    answers = SmeAnswers(
        choices=choices,
        scenario_levels=levels,
        data=values,
        energy=energy,
        meta=meta,
        figure_problems=tuple(figure_out),
    )
    return answers, out


def answers_dict(rubric: SmeRubric, answers: SmeAnswers) -> dict[str, Any]:
    """``answers`` in the documented format, every value canonical (what a form shows)."""
    questions: dict[str, Any] = {}
    for q in rubric.questions:
        choice = answers.choices.get(q.number)
        if choice is not None:
            questions[str(q.number)] = list(choice) if q.is_multi else choice[0]
    data: dict[str, dict[str, Any]] = {}
    for (number, fid), value in sorted(answers.data.items()):
        data.setdefault(str(number), {})[fid] = exact_str(value)
    for (number, fid), energy in sorted(answers.energy.items()):
        if (number, fid) not in answers.data:
            data.setdefault(str(number), {})[fid] = {k: exact_str(v) for k, v in energy.quantities}
    return {
        "rubric": rubric.id,
        "questions": questions,
        "scenarios": {
            s.id: answers.scenario_levels[s.id]
            for s in rubric.scenarios
            if s.id in answers.scenario_levels
        },
        "data": data,
        "meta": dict(answers.meta),
    }


def parse_answers(rubric: SmeRubric, raw: dict[str, Any]) -> SmeAnswers:
    """Complete, valid answers from ``raw``; raises :class:`InputError` listing every problem."""
    answers, problems = read_answers(rubric, raw)
    if problems:
        raise InputError(problems)
    return answers
