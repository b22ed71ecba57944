"""The answers file as it is exported and read back, for every family: an envelope (format, format
version, rubric edition, a digest of the answers, when it was exported) around the family's
answers. Reading checks the envelope, migrates an older file step by step (each step a pure
function that says what it changed) and hands the family's reader the answers alone.

Format 1 is the bare answers object (``{"rubric", <the family's keys>, "meta"}``), as files were
saved before the envelope; format 2 adds the header keys of :data:`HEADER`. The schema is
``rubrics/schema/answers-envelope.schema.json``.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from .errors import Problem, problem
from .jsonread import BadNumber

FORMAT = "zhiping-answers"
FORMAT_VERSION = 2
SCHEMA_URL = "https://zhiping.invalid/schema/answers-envelope.schema.json"
# The envelope's own keys; everything else is the answers part (which the digest covers).
HEADER = ("$schema", "format", "format_version", "edition", "exported_at", "digest")
# A result written into a file is never trusted: the answers are always scored anew.
IGNORED = ("result",)
# Every notice reading can give; ui.yaml holds ``files.notices.<code>`` for each (a test checks).
NOTICES = (
    "format_1",
    "edition_older",
    "edition_unknown",
    "edition_missing",
    "digest_mismatch",
    "result_ignored",
)


@dataclass(frozen=True)
class Notice:
    """Something the reader changed or noticed while reading a file: a code (its message is
    ``files.notices.<code>`` in rubrics/ui.yaml), the message's parameters and, for an older
    edition, the rubric file's own account of each change since."""

    code: str
    params: tuple[tuple[str, str], ...] = ()
    changes: tuple[dict[str, str], ...] = ()  # what changed, in both languages (editions)


@dataclass(frozen=True)
class Edition:
    """A rubric's current edition and what changed at each edition, oldest first (from the rubric
    file's ``source.edition`` and ``source.edition_changes``)."""

    current: str
    changes: tuple[tuple[str, dict[str, str]], ...] = ()

    def since(self, old: str) -> tuple[dict[str, str], ...] | None:
        """The changes made after edition ``old``, oldest first; None if ``old`` is unknown."""
        names = [name for name, _ in self.changes]
        if old not in names:
            return None
        return tuple(text for _, text in self.changes[names.index(old) + 1 :])


def canonical(value: Any) -> str:
    """The canonical JSON text of ``value``: keys sorted by code point, no spaces, characters
    kept (not escaped), numbers as written (integers in decimal, other numbers as read)."""
    if isinstance(value, dict):
        items = sorted(value.items())
        return "{" + ",".join(f"{_string(k)}:{canonical(v)}" for k, v in items) + "}"
    if isinstance(value, list):
        return "[" + ",".join(canonical(v) for v in value) + "]"
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, BadNumber):
        return _string(str(value))
    if isinstance(value, str):
        return _string(value)
    return json.dumps(value)  # int, bool, None


def _string(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)


def answers_part(obj: dict[str, Any]) -> dict[str, Any]:
    """The file without its envelope header: what the digest covers and the family reads."""
    return {k: v for k, v in obj.items() if k not in HEADER}


def digest(obj: dict[str, Any]) -> str:
    """``sha256:<hex>`` of the UTF-8 of the canonical JSON of the answers part of ``obj``."""
    data = canonical(answers_part(obj)).encode("utf-8", "surrogatepass")
    return "sha256:" + hashlib.sha256(data).hexdigest()


def make(rubric_id: str, edition: str, answers: dict[str, Any], exported_at: str) -> dict[str, Any]:
    """The exported file: the header, then the answers (as the family's reader wrote them back)."""
    body = {
        "rubric": rubric_id,
        **{k: v for k, v in answers_part(answers).items() if k != "rubric"},
    }
    head: dict[str, Any] = {
        "$schema": SCHEMA_URL,
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "rubric": rubric_id,
        "edition": edition,
        "exported_at": exported_at,
        "digest": digest(body),
    }
    return {**head, **body}


# ---- reading: check, then migrate one format version at a time ----

Step = Callable[[dict[str, Any], Edition], tuple[dict[str, Any], list[Notice]]]


def _from_format_1(obj: dict[str, Any], edition: Edition) -> tuple[dict[str, Any], list[Notice]]:
    """Format 1 → 2: the bare answers gain the header. Format 1 did not record the rubric's
    edition, so the file is taken to be made against the current one, and says so."""
    out = {
        "format": FORMAT,
        "format_version": 2,
        "edition": edition.current,
        **answers_part(obj),
    }
    return out, [Notice("format_1", (("version", "2"), ("edition", edition.current)))]


# MIGRATIONS[n] turns a file of format n into format n + 1.
MIGRATIONS: dict[int, Step] = {1: _from_format_1}


def _format_version(obj: dict[str, Any]) -> int | Problem:
    """The file's format version (1 when it has no envelope), or the problem that refuses it."""
    if "format" not in obj and "format_version" not in obj:
        return 1
    version = obj.get("format_version")
    if obj.get("format") != FORMAT or not isinstance(version, int) or isinstance(version, bool):
        return problem("bad_format", "format", format=FORMAT)
    if version > FORMAT_VERSION:
        return problem("format_too_new", "format_version", version=version, known=FORMAT_VERSION)
    if version < 1:
        return problem("bad_format", "format", format=FORMAT)
    return version


def _edition(obj: dict[str, Any], edition: Edition) -> list[Notice]:
    given = obj.get("edition")
    if not isinstance(given, str):
        return [Notice("edition_missing", (("current", edition.current),))]
    if given == edition.current:
        return []
    since = edition.since(given)
    shown = given[:40]
    if since is None:
        return [Notice("edition_unknown", (("given", shown), ("current", edition.current)))]
    return [Notice("edition_older", (("given", shown), ("current", edition.current)), since)]


def read(obj: dict[str, Any], edition: Edition) -> tuple[dict[str, Any], list[Notice]] | Problem:
    """The answers part of a parsed file, migrated to the current format and edition, and the
    notices saying what was done; or the problem that refuses the file (an unknown format, or a
    format version newer than this package knows). A digest that does not match is a notice
    (the file was edited by hand), never a refusal; a result in the file is dropped."""
    version = _format_version(obj)
    if isinstance(version, Problem):
        return version
    notices: list[Notice] = []
    if version >= 2 and "digest" in obj and obj["digest"] != digest(obj):
        notices.append(Notice("digest_mismatch"))
    while version < FORMAT_VERSION:
        obj, said = MIGRATIONS[version](obj, edition)
        notices += said
        version += 1
    notices += _edition(obj, edition)
    answers = answers_part(obj)
    for key in IGNORED:
        if key in answers:
            del answers[key]
            notices.append(Notice("result_ignored", (("key", key),)))
    return answers, notices
