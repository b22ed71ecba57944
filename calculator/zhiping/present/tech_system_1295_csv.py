"""The nine tables of a product's technology system as one CSV file, in the official column layout:
the title block, the product and the basis, then table after table (its name, one header line with
the official columns in their order — a grouped column as "group：column" — and its rows, 环 by 环).
The rater's own ★ is what the file carries (the advisory ★ is not an official value); a 环's ★
stands on each of its rows, where the official form merges the cell. The enterprise list adds one
column of ours: domestic or foreign.

The title block and the writer are those every CSV export shares (:mod:`zhiping.present.csv_common`:
UTF-8 with a BOM, CRLF line ends, every cell that would run as a formula escaped). The JSON answers
file is the lossless copy; this one is for reading and handing over.
"""

from __future__ import annotations

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
from .csv_common import csv_text as write_csv
from .csv_common import file_name as csv_file_name
from .csv_common import finished, title_rows
from .tech_system_1295 import errors_dict, segment_name


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
        return v
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
                    line.append(segment_name(read, link.id, w))
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
    return csv_file_name(r.id, read.answers.product)


def csv_text(r: TechSystemRubric, read: ReadTech, w: Words) -> str:
    return write_csv(csv_rows(r, read, w))


def csv_rows(r: TechSystemRubric, read: ReadTech, w: Words) -> list[list[str]]:
    a = read.answers
    rows = title_rows(r.title.get(w.lang), None, read.meta, w)
    rows.append([w("tech.item_product"), a.product])
    rows.append([w("tech.item_basis"), a.basis or ""])
    rows.append([w("tech_csv.stars_note")])
    for t in r.tables:
        rows.append([])
        rows += _lines(r, read, t, w)
    return rows


def export_csv(r: TechSystemRubric, raw: dict[str, Any], w: Words) -> dict[str, Any]:
    """``{"ok": true, "name", "text"}``, or the problems that stop the answers being read."""
    read, problems = read_answers(r, raw)
    problems = [p for p in problems if not (p.code == "missing_answer" and p.item == "segments")]
    if problems:
        return errors_dict(r, read, problems, w)
    return finished(r.id, read.answers.product, read.meta, csv_rows(r, read, w))
