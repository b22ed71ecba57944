"""The nine tables of a product's technology system as one CSV file, in the official column layout:
a title line, then table after table (its name, one header line with the official columns in their
order — a grouped column as "group：column" — and its rows, 环 by 环). The rater's own ★ is what the
file carries (the advisory ★ is not an official value); a 环's ★ stands on each of its rows, where
the official form merges the cell. The enterprise list adds one column of ours: domestic or foreign.

UTF-8 with a BOM, so that spreadsheet software shows Chinese correctly; CRLF line ends. A text
that a spreadsheet would read as a formula (=, +, -, @ first) is prefixed with an apostrophe. The
JSON answers file is the lossless copy; this one is for reading and handing over.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Mapping
from fractions import Fraction
from typing import Any

from ..answers.tech_system_1295 import ReadTech, read_answers
from ..display import exact_str
from ..model.tech_system_1295 import (
    CHOICE,
    PER_SEGMENT,
    STARS,
    TICK,
    Column,
    Table,
    TechSystemRubric,
)
from ..scoring.tech_system_1295 import SEGMENT_COLUMN, Cell
from .common import Words
from .tech_system_1295 import errors_dict, segment_name

BOM = "\ufeff"
FORMULA = ("=", "+", "-", "@", "\t", "\r")


def safe(text: str) -> str:
    """A text a spreadsheet shows as text, never runs as a formula."""
    return "'" + text if text.startswith(FORMULA) else text


def header(t: Table, c: Column, w: Words) -> str:
    name = c.header.get(w.lang)
    group = next((g for g in t.groups if g.id == c.group), None)
    return w("tech_csv.grouped", group=group.header.get(w.lang), column=name) if group else name


def value(c: Column, v: Cell, w: Words) -> str:
    if v is None:
        return ""
    if c.kind == TICK:
        return "√" if v is True else ""
    if c.kind == CHOICE and isinstance(v, str):
        choice = c.choice(v)
        return choice.name.get(w.lang) if choice else v
    if isinstance(v, Fraction):
        return exact_str(v)
    if isinstance(v, str):
        return safe(v)
    return str(v)


def _lines(r: TechSystemRubric, read: ReadTech, t: Table, w: Words) -> list[list[str]]:
    a = read.answers
    ta = a.tables.get(t.number)
    enterprise = t.stars_column is None
    head = [header(t, c, w) for c in t.columns]
    if enterprise:
        head.append(w("tech_csv.origin"))
    out = [[w("tech.table", number=t.number, name=t.name.get(w.lang))], head]
    if ta is None:
        return out
    if ta.not_involved:
        return [*out, [r.not_involved_label.get(w.lang)]]
    rows: dict[str, list[tuple[Mapping[str, Cell], bool | None]]] = {}
    for row in ta.rows:
        rows.setdefault(row.segment, []).append((row.cells, row.domestic))
    for key, held in read.held.get(t.number, ()):
        rows.setdefault(key.segment, []).append((held, None))
    for link in a.segments:
        stars = ta.stars.get(link.id)
        mine = rows.get(link.id, [])
        if not mine and stars is None:
            continue
        for cells, domestic in mine or [({}, None)]:
            line = []
            for c in t.columns:
                if c.id == SEGMENT_COLUMN:
                    line.append(safe(segment_name(read, link.id, w)))
                elif c.kind == STARS and t.rating == PER_SEGMENT:
                    line.append("" if stars is None else str(stars))
                else:
                    line.append(value(c, cells.get(c.id), w))
            if enterprise:
                if domestic is None:
                    line.append("")
                else:
                    line.append(w("tech_csv.domestic" if domestic else "tech_csv.foreign"))
            out.append(line)
    return out


def file_name(r: TechSystemRubric, read: ReadTech) -> str:
    product = re.sub(r"[^\w-]+", "_", read.answers.product).strip("_")[:40]
    return f"{r.id}{'-' + product if product else ''}.csv"


def csv_text(r: TechSystemRubric, read: ReadTech, w: Words) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    a = read.answers
    writer.writerow([r.short_title.get(w.lang)])
    writer.writerow([w("tech.item_product"), safe(a.product)])
    writer.writerow([w("tech.item_basis"), safe(a.basis or "")])
    writer.writerow([w("tech_csv.stars_note")])
    for t in r.tables:
        writer.writerow([])
        writer.writerows(_lines(r, read, t, w))
    return BOM + buffer.getvalue()


def export_csv(r: TechSystemRubric, raw: dict[str, Any], w: Words) -> dict[str, Any]:
    """``{"ok": true, "name", "text"}``, or the problems that stop the answers being read."""
    read, problems = read_answers(r, raw)
    problems = [p for p in problems if not (p.code == "missing_answer" and p.item == "segments")]
    if problems:
        return errors_dict(r, read, problems, w)
    return {"ok": True, "name": file_name(r, read), "text": csv_text(r, read, w)}
