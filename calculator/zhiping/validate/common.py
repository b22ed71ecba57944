"""Semantic checks every rubric family shares: every problem at once, as
``Issue(file, path, code, message)``. The JSON Schema checks shapes; these check meaning: ids
unique in their list (``duplicate_id``), decisions named in texts that exist (``unknown_ref``),
and bilingual texts whose English is really English.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, TypeVar

CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
# Decisions named in running text: "见决策A3、A4、Z2" / "see decisions A3, A4 and Z2".
DECISION_ZH = re.compile(r"决策((?:[A-Z]\d+)(?:[、和及与](?:[A-Z]\d+))*)")
DECISION_EN = re.compile(r"\b[Dd]ecisions? ((?:[A-Z]\d+)(?:(?:, and |, | and )(?:[A-Z]\d+))*)")
DECISION_ID = re.compile(r"[A-Z]\d+")
T = TypeVar("T")


@dataclass(frozen=True)
class Issue:
    file: str
    path: str
    code: str
    message: str

    def __str__(self) -> str:
        return f"{self.file}: {self.path or '/'}: [{self.code}] {self.message}"


def check_texts(data: Any, file: str, path: str = "") -> list[Issue]:
    """Every {zh, en} text: both non-empty; en not a copy of zh and mostly not Chinese
    characters."""
    issues: list[Issue] = []
    if isinstance(data, dict):
        if (
            {"zh", "en"} <= set(data)
            and isinstance(data["zh"], str)
            and isinstance(data["en"], str)
        ):
            zh, en = data["zh"].strip(), data["en"].strip()
            if not zh or not en:
                issues.append(Issue(file, path, "empty_text", "zh and en must both be non-empty"))
            elif CJK.search(zh) and en == zh:
                issues.append(Issue(file, path, "untranslated", "en is a copy of the Chinese"))
            elif len(CJK.findall(en)) * 3 > len(en.replace(" ", "")):
                issues.append(
                    Issue(file, path, "untranslated", f"en is mostly Chinese: {en[:40]!r}")
                )
            return issues
        for key, value in data.items():
            issues += check_texts(value, file, f"{path}.{key}" if path else str(key))
    elif isinstance(data, list):
        for i, value in enumerate(data):
            issues += check_texts(value, file, f"{path}[{i}]")
    return issues


def duplicates(file: str, what: str, entries: list[tuple[str, T]]) -> list[Issue]:
    """``duplicate_id`` at every repetition of a value; ``entries`` are (path, value) in list
    order."""
    first: dict[T, str] = {}
    out: list[Issue] = []
    for path, value in entries:
        if value in first:
            out.append(
                Issue(file, path, "duplicate_id", f"{what} {value!r} repeats {first[value]}")
            )
        else:
            first[value] = path
    return out


def decision_mentions(data: Any, path: str = "") -> list[tuple[str, str]]:
    """(path, id) of every decision named in a text ("见决策A8、Z3", "see decisions A8 and Z3")."""
    out: list[tuple[str, str]] = []
    if isinstance(data, str):
        for pattern in (DECISION_ZH, DECISION_EN):
            for m in pattern.finditer(data):
                out += [(path, x) for x in DECISION_ID.findall(m.group(1))]
    elif isinstance(data, dict):
        for key, value in data.items():
            out += decision_mentions(value, f"{path}.{key}" if path else str(key))
    elif isinstance(data, list):
        for i, value in enumerate(data):
            out += decision_mentions(value, f"{path}[{i}]")
    return out


def check_mentions(data: Any, file: str, decision_ids: set[str], path: str = "") -> list[Issue]:
    """``unknown_ref`` for every decision named in a text of ``data`` that is not among
    ``decision_ids``."""
    return [
        Issue(file, p, "unknown_ref", f"names decision {x}, which does not exist")
        for p, x in decision_mentions(data, path)
        if x not in decision_ids
    ]


def check_glossary(data: Any, file: str, decision_ids: set[str] | None) -> list[Issue]:
    """Glossary terms are unique (by their Chinese, the key translations are looked up by), and
    every decision a note names exists in some rubric (not checked when ``decision_ids`` is None:
    a rubric could not be read)."""
    terms = data.get("terms", []) if isinstance(data, dict) else []
    out = duplicates(
        file,
        "glossary term",
        [
            (f"terms[{i}].zh", t["zh"])
            for i, t in enumerate(terms)
            if isinstance(t, dict) and isinstance(t.get("zh"), str)
        ],
    )
    if decision_ids is not None:
        out += check_mentions(terms, file, decision_ids, "terms")
    return out
