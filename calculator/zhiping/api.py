"""The one boundary of zhiping: JSON string in, JSON string out. Used by the browser worker and
the CLI.

>>> import json; out = json.loads(score_json(None, "{}", "en")); out["ok"]
False
"""

from __future__ import annotations

import json
from typing import Any

from . import catalog
from .answers import read_answers
from .errors import InputError, Problem, problem
from .model import LANGS, SmeRubric
from .present import Words, derived_dict, errors_dict, result_dict
from .scoring.sme import score
from .scoring.sme_data import field_values, suggestions


def score_dict(rubric_id: str | None, answers_json: str, lang: str = "zh") -> dict[str, Any]:
    """Score ``answers_json`` (the documented answers format) and return the result dict.

    Args:
        rubric_id: the rubric to score against, or None to take it from the answers' "rubric" key.
        answers_json: the answers as a JSON text.
        lang: "zh" or "en", the language of every message and label in the result.

    Returns ``{"ok": true, ...}`` with the level, scores and explanations, or ``{"ok": false,
    "errors": [{"code", "item", "message"}]}`` listing every problem found (with the suggestions the
    raw numbers already give, so a form can pre-select options before it is complete).
    Never raises for bad input.
    """
    words = Words(catalog.ui(), lang if lang in LANGS else "zh")
    if lang not in LANGS:
        return errors_dict(
            None, rubric_id or "", [problem("unknown_lang", "lang", key=lang)], words
        )
    try:
        raw = json.loads(answers_json)
    except json.JSONDecodeError as exc:
        detail = f"{exc.lineno}:{exc.colno} {exc.msg}"
        return errors_dict(
            None, rubric_id or "", [problem("malformed_json", "answers", detail=detail)], words
        )
    if not isinstance(raw, dict):
        return errors_dict(None, rubric_id or "", [problem("not_an_object", "answers")], words)
    given = raw.get("rubric")
    wanted = rubric_id or given
    problems: list[Problem] = []
    if not isinstance(wanted, str) or wanted not in catalog.rubric_ids():
        problems.append(problem("unknown_rubric", "rubric", key=wanted))
        return errors_dict(None, str(wanted or ""), problems, words)
    if given is not None and given != wanted:
        problems.append(problem("rubric_mismatch", "rubric", given=given, expected=wanted))
        return errors_dict(None, wanted, problems, words)
    rubric: SmeRubric = catalog.rubric(wanted)
    answers, problems = read_answers(rubric, raw)
    values, energy = field_values(rubric, answers)
    found, data_problems = suggestions(rubric, answers, values)
    problems += data_problems
    if problems:
        out = errors_dict(rubric, wanted, problems, words)
        out.update(derived_dict(found, energy, words))
        return out
    try:
        result = score(rubric, answers)
    except InputError as exc:  # pragma: no cover - the same checks ran above
        return errors_dict(rubric, wanted, exc.problems, words)
    return result_dict(rubric, result, words)


def score_json(rubric_id: str | None, answers_json: str, lang: str = "zh") -> str:
    """:func:`score_dict` as a JSON text (UTF-8 characters kept, not escaped)."""
    return json.dumps(score_dict(rubric_id, answers_json, lang), ensure_ascii=False)


def rubric_ids_json() -> str:
    return json.dumps(catalog.rubric_ids())
