"""Pieces every family's CSV export shares: the writer (UTF-8 with a BOM, so that spreadsheet
software shows Chinese correctly; CRLF line ends; every cell a spreadsheet would read as a formula
— =, +, -, @ first — prefixed with an apostrophe), the file name, the title block and the rows of
the level or tier conditions.

A file is a title block (the rubric's title with its document number, the language, a note that the
file was made on the user's device, the notes of the assessment, then the family's result lines),
then sections: a title line, one header line, one row per item. The JSON answers file is the
lossless copy; a CSV file is for reading and handing over. The same rows make the printed
report's parts (:func:`report_parts`): its result lines and its tables of the answers given.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from ..errors import MISSING, Problem
from .common import Words

BOM = "\ufeff"
FORMULA = ("=", "+", "-", "@", "\t", "\r")
META_LABELS = {"company": "calculator_page.meta_company", "date": "calculator_page.meta_date"}

Row = list[str]


def safe(text: str) -> str:
    """A text a spreadsheet shows as text, never runs as a formula (idempotent)."""
    return "'" + text if text.startswith(FORMULA) else text


def csv_text(rows: Iterable[Sequence[str]]) -> str:
    """The rows as a CSV file's text: a BOM first, CRLF line ends, every cell :func:`safe`."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerows([safe(cell) for cell in row] for row in rows)
    return BOM + buffer.getvalue()


def file_name(rubric_id: str, label: str = "") -> str:
    """``<rubric id>-<label>.csv``, the label (a product, a company) cut to 40 word characters."""
    tail = re.sub(r"[^\w-]+", "_", label).strip("_")[:40]
    return f"{rubric_id}{'-' + tail if tail else ''}.csv"


def title_rows(title: str, number: str | None, meta: Mapping[str, str], w: Words) -> list[Row]:
    """The first lines of every file: the rubric's title (with its document number, where it has
    one), the language, the note that the file was made on this device, and the notes given
    (company, date, …) under their labels."""
    head = w("csv.title_number", title=title, number=number) if number else title
    rows = [[head], [w("csv.language"), w("csv.language_name")], [w("csv.generated")]]
    for key, value in meta.items():
        label = META_LABELS.get(key)
        rows.append([w(label) if label else key, value])
    return rows


def finished(
    rubric_id: str, label: str, meta: Mapping[str, str], rows: list[Row]
) -> dict[str, Any]:
    """What a family's export returns: ``{"ok": true, "name", "text", "report"}`` (the report's
    parts, :func:`report_parts`; the api hands them out by ``report_json``, not with the file)."""
    return {
        "ok": True,
        "name": file_name(rubric_id, label),
        "text": csv_text(rows),
        "report": report_parts(rows, meta),
    }


TITLE_LINES = 3  # the title, the language, the note that the file was made on this device


def report_parts(rows: Sequence[Row], meta: Mapping[str, str]) -> dict[str, Any]:
    """The rows of a file as the parts of a printed report: ``company``; ``meta``, the other
    notes of the assessment (the date, …) as ``[label, value]``; ``lines``, the family's result
    lines of the title block (each a label then its values); ``sections``, each ``{"title",
    "head", "rows"}``: the answers chosen (a question's chosen options only, with its figures and
    points), then the conditions."""
    end = next((i for i, row in enumerate(rows) if not row), len(rows))
    block = [list(row) for row in rows[:end]]
    sections: list[dict[str, Any]] = []
    for i in range(end, len(rows)):
        if rows[i] or i + 1 >= len(rows):
            continue
        stop = next((j for j in range(i + 1, len(rows)) if not rows[j]), len(rows))
        title, head, body = rows[i + 1], rows[i + 2 : i + 3], rows[i + 3 : stop]
        sections.append(
            {
                "title": title[0] if title else "",
                "head": list(head[0]) if head else [],
                "rows": [list(row) for row in body],
            }
        )
    return {
        "company": meta.get("company", ""),
        "meta": [
            row
            for key, row in zip(meta, block[TITLE_LINES : TITLE_LINES + len(meta)], strict=True)
            if key != "company"
        ],
        "lines": block[TITLE_LINES + len(meta) :],
        "sections": sections,
    }


def section(title: str, head: Row, rows: Iterable[Row]) -> list[Row]:
    """A section of the file: a blank line, its title, its header, its rows."""
    return [[], [title], head, *rows]


def holds(value: bool, w: Words) -> str:
    return w("result.holds" if value else "result.fails")


def condition_rows(
    checks: Iterable[Mapping[str, Any]], names: Mapping[str, str], w: Words
) -> list[Row]:
    """Each level or tier of a result dict's ``checks``/``levels`` (``label``, ``holds``,
    ``conditions`` of ``id``, ``text``, ``holds``): a row for the whole level, then one row per
    condition, named by ``names[id]``."""
    out: list[Row] = []
    for check in checks:
        out.append([check["label"], w("csv.all_conditions"), "", holds(check["holds"], w)])
        for c in check["conditions"]:
            out.append([check["label"], names[c["id"]], c["text"], holds(c["holds"], w)])
    return out


def condition_head(level: str, w: Words) -> Row:
    return [level, w("csv.condition"), w("csv.condition_text"), w("csv.holds")]


def only_missing(problems: list[Problem]) -> bool:
    """Whether every problem only says that something is not answered yet: the file is then made
    from the answers given, without a result."""
    return all(p.code in MISSING for p in problems)


def incomplete_rows(errors: Mapping[str, Any], label: str, w: Words) -> list[Row]:
    """The result lines of answers not complete yet: no result, and what is still to answer (the
    labels of an errors dict's problems)."""
    missing = w("result.separator").join(e["label"] for e in errors["errors"])
    return [[label, w("csv.incomplete")], [w("calculator_page.missing_list"), missing]]
