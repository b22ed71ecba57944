"""The one boundary of zhiping: JSON string in, JSON string out, for every rubric family. Used by
the browser worker and the CLI. The family of the rubric named does the reading and scoring
(:mod:`zhiping.families`); this module only reads the JSON and finds the rubric.

>>> import json; out = json.loads(score_json(None, "{}", "en")); out["ok"]
False
"""

from __future__ import annotations

import json
from datetime import UTC, datetime
from typing import Any

from . import catalog, envelope
from .errors import Problem, problem
from .families import Family
from .jsonread import read_json
from .model import LANGS
from .present.common import Words, errors_dict

Data = str | bytes | bytearray | memoryview


def score_dict(rubric_id: str | None, answers: Data, lang: str = "zh") -> dict[str, Any]:
    """Score ``answers`` (the documented answers format, as text or as the file's bytes) and
    return the result dict.

    Args:
        rubric_id: the rubric to score against, or None to take it from the answers' "rubric" key.
        answers: the answers file: its bytes (decoded strictly as UTF-8, a BOM allowed) or text.
        lang: "zh" or "en", the language of every message and label in the result.

    Returns ``{"ok": true, ...}`` with the level, scores and explanations, or ``{"ok": false,
    "errors": [{"code", "item", "message"}]}`` listing every problem found. Either way, when the
    file could be read, ``"answers"`` holds what was read, in the documented format (a form fills
    itself from it), and ``"warnings"`` the figures that could not be used; an incomplete result
    carries ``"partial"`` (the points of the questions answered so far). ``"refused": true`` means
    nothing could be read. ``"notices"`` lists, as ``{"code", "message"}``, what reading the file
    changed: a migration from an older format or rubric edition, a digest that does not match, a
    result in the file that was ignored (the result is always computed anew). Never raises for bad
    input; the input is bounded before it is converted (see :mod:`zhiping.jsonread`).
    """
    opened = _open(rubric_id, answers, lang)
    if isinstance(opened, dict):
        return opened
    family, rubric, raw, words, notices = opened
    assert family.score is not None, "the bundle holds only rubrics that can be scored"
    out = family.score(rubric, raw, words)
    out["notices"] = [_notice_dict(n, words) for n in notices]
    return out


def _notice_dict(n: envelope.Notice, w: Words) -> dict[str, Any]:
    message = w(f"files.notices.{n.code}", **dict(n.params))
    if n.changes:
        message += " " + " ".join(c.get(w.lang, "") for c in n.changes)
    return {"code": n.code, "message": message}


def _open(
    rubric_id: str | None, answers: Data, lang: str
) -> dict[str, Any] | tuple[Family, Any, dict[str, Any], Words, list[envelope.Notice]]:
    """The family, the rubric, the answers (the file's envelope read and migrated), the words and
    the notices of the migration; or the dict saying why not."""
    words = Words(catalog.ui(), lang if lang in LANGS else "zh")
    if lang not in LANGS:
        return errors_dict(rubric_id or "", [problem("unknown_lang", "lang", key=lang)], words)
    raw, trouble = read_json(answers)
    if trouble is not None:
        return errors_dict(rubric_id or "", [trouble], words)
    if not isinstance(raw, dict):
        return errors_dict(rubric_id or "", [problem("not_an_object", "answers")], words)
    given = raw.get("rubric")
    wanted = rubric_id or given
    if not isinstance(wanted, str) or wanted not in catalog.rubric_ids():
        shown = wanted if isinstance(wanted, str) else ""
        return errors_dict(shown, [problem("unknown_rubric", "rubric", key=shown)], words)
    if given is not None and given != wanted:
        mismatch = problem("rubric_mismatch", "rubric", given=given, expected=wanted)
        return errors_dict(wanted, [mismatch], words)
    opened = envelope.read(raw, catalog.edition(wanted))
    if isinstance(opened, Problem):
        return errors_dict(wanted, [opened], words)
    read, notices = opened
    return catalog.family_of(wanted), catalog.rubric(wanted), read, words, notices


def score_json(rubric_id: str | None, answers: Data, lang: str = "zh") -> str:
    """:func:`score_dict` as a JSON text (UTF-8 characters kept, not escaped)."""
    return json.dumps(score_dict(rubric_id, answers, lang), ensure_ascii=False)


def _exported(rubric_id: str | None, answers: Data, lang: str) -> dict[str, Any]:
    """The family's export of the answers (the CSV text and the report parts), or the dict saying
    why there is none (unreadable answers; ``no_export`` for a family without one)."""
    opened = _open(rubric_id, answers, lang)
    if isinstance(opened, dict):
        return opened
    family, rubric, raw, words, _ = opened
    if family.export_csv is None:
        return errors_dict(rubric.id, [problem("no_export", "rubric", key=rubric.id)], words)
    return family.export_csv(rubric, raw, words)


def export_csv(rubric_id: str | None, answers: Data, lang: str = "zh") -> str:
    """The answers as a CSV file, as JSON text: ``{"ok": true, "name", "text"}`` (the text starts
    with a UTF-8 BOM), or ``{"ok": false, "errors": [...]}`` like :func:`score_dict` (also when the
    rubric's family has no CSV export: ``no_export``)."""
    out = _exported(rubric_id, answers, lang)
    out.pop("report", None)
    return json.dumps(out, ensure_ascii=False)


def report_json(rubric_id: str | None, answers: Data, lang: str = "zh") -> str:
    """The parts of the printed report, as JSON text: ``{"ok": true, "company", "meta", "lines",
    "sections"}`` (see :func:`zhiping.present.csv_common.report_parts`: the answers chosen only,
    with the official numbers and texts, figures and points, and the conditions), made from the
    same rows as the CSV file; or ``{"ok": false, "errors": [...]}`` like :func:`export_csv`.
    The result itself (its reasoning and charts) is :func:`score_json`'s."""
    made = _exported(rubric_id, answers, lang)
    out = {"ok": True, **made["report"]} if made.get("ok") else made
    return json.dumps(out, ensure_ascii=False)


def export_json(
    rubric_id: str | None, answers: Data, lang: str = "zh", exported_at: str | None = None
) -> str:
    """The answers as the file the calculator exports, as JSON text: ``{"ok": true, "name",
    "text", "notices"}`` (the text is the envelope of :mod:`zhiping.envelope`: format, rubric,
    edition, when, a digest, then the answers as they were read), or the refusal dict of
    :func:`score_dict`. Answers with problems are exported as far as they could be read.

    Args:
        exported_at: the ISO 8601 time written into the file; now (UTC, to the second) if None.
    """
    out = score_dict(rubric_id, answers, lang)
    if "answers" not in out:
        return json.dumps(out, ensure_ascii=False)
    rid = out["rubric"]
    when = exported_at or datetime.now(UTC).isoformat(timespec="seconds").replace("+00:00", "Z")
    made = envelope.make(rid, catalog.edition(rid).current, out["answers"], when)
    text = json.dumps(made, ensure_ascii=False, indent=2) + "\n"
    result = {"ok": True, "name": f"{rid}-answers.json", "text": text, "notices": out["notices"]}
    return json.dumps(result, ensure_ascii=False)


def rubric_ids_json() -> str:
    return json.dumps(catalog.rubric_ids())
