"""A CSV export read back as a spreadsheet reads it: the BOM and the line ends checked, the rows
split by the csv module, the title block and the sections found by their titles."""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path
from typing import Any

from zhiping.api import export_csv, score_dict
from zhiping.errors import MISSING

CJK = re.compile(r"[\u3400-\u9fff]")


def exported(answers: dict[str, Any] | str, lang: str = "zh") -> dict[str, Any]:
    """What the api returns for ``answers`` (an object, or the file's text), through the same JSON
    boundary as the page."""
    raw = answers if isinstance(answers, str) else json.dumps(answers, ensure_ascii=False)
    out: dict[str, Any] = json.loads(export_csv(None, raw, lang))
    return out


def vectors(rubric_id: str) -> list[dict[str, Any]]:
    """The hand-worked vectors of a rubric, each with its answers as the file's ``text``."""
    path = Path(__file__).resolve().parents[1] / "vectors" / f"{rubric_id}.json"
    data: list[dict[str, Any]] = json.loads(path.read_text(encoding="utf-8"))["vectors"]
    return [
        {
            **v,
            "rubric": rubric_id,
            "text": v["answers_text"] if "answers_text" in v else json.dumps(v["answers"]),
        }
        for v in data
    ]


def errors_like_the_score(v: dict[str, Any]) -> bool:
    """For a vector the score refuses: True when the export gives the same errors (answers that
    cannot be read); False when only answers are missing (the export then makes a file)."""
    out = exported(v["text"], v["lang"])
    scored = score_dict(None, v["text"], v["lang"])
    assert scored["ok"] is False
    if all(e["code"] in MISSING for e in scored["errors"]):
        rows_of(out)
        return False
    assert out["ok"] is False and out["errors"] == scored["errors"]
    return True


def rows_of(out: dict[str, Any]) -> list[list[str]]:
    """The rows of an export that succeeded; the file starts with a BOM, every line ends CRLF."""
    assert out["ok"], out
    text: str = out["text"]
    assert text.startswith("\ufeff") and not text.startswith("\ufeff\ufeff")
    assert text.endswith("\r\n") and "\n" not in text.replace("\r\n", "")
    assert "\r" not in text.replace("\r\n", "")
    return list(csv.reader(io.StringIO(text[1:], newline="")))


def title_block(rows: list[list[str]]) -> list[list[str]]:
    """The lines before the first blank line."""
    return rows[: rows.index([])]


def line(rows: list[list[str]], label: str) -> list[str]:
    """The values of the title block's line named ``label``."""
    found = [r[1:] for r in title_block(rows) if r and r[0] == label]
    assert len(found) == 1, (label, title_block(rows))
    return found[0]


def section(rows: list[list[str]], title: str) -> tuple[list[str], list[list[str]]]:
    """The header and the rows of the section titled ``title``; every row as wide as the header."""
    start = rows.index([title])
    end = next((i for i in range(start + 1, len(rows)) if rows[i] == []), len(rows))
    head, *body = rows[start + 1 : end]
    assert all(len(r) == len(head) for r in body), (title, head)
    return head, body


def titles(rows: list[list[str]]) -> list[str]:
    """The titles of the sections, in order (the line after each blank line)."""
    return [rows[i + 1][0] for i, r in enumerate(rows[:-1]) if r == []]
