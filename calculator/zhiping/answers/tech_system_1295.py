"""Reads the technology system of one product ("1295") into :class:`ReadTech`, collecting every
problem; and writes what was read back in the same shape.

Shape::

    {"rubric": "tech-system-1295",
     "product": "锂离子动力电池", "basis": "按产品组成环节划分",
     "segments": {"s1": {"name": "正极材料"}, "s2": {"name": "电芯制造"}},   # the 环, in order
     "tables": {
       "1": {"segments": {"s1": {"stars": 2,                               # the rater's ★ of the 环
                                 "rows": {"r1": {"technology": "…", "level": 3, "gap": 2,
                                                 "no_autonomy": true}}}}},
       "3": {"segments": {"s1": {"rows": {"r1": {"origin": "domestic", "name": "…",
                                                 "level": "domestic_leading"}}}}},
       "7": {"not_involved": true},                                        # 不涉及
       "9": {"segments": {"s2": {"rows": {"r1": {"software": "MES", "overall": 3,
                                                 "static_years": "2.5"}}}}}},
     "meta": {"company": "…", "date": "…"}}

A row's keys are the column ids of its table (``rubrics/tech-system-1295.yaml``): text → a string,
grade and ★ → a whole number 1–5, tick → true, choice → the choice id, years → a number or a
decimal string. The enterprise list's rows say ``"origin": "domestic" | "foreign"``. A blank is
simply absent. Everything is optional, but a result needs at least one 环.

Ids of 环 and rows are short names (``s1``, ``r1``: a letter, then letters, digits, ``-`` or
``_``); a row's id is unique within its 环 block.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from fractions import Fraction
from typing import Any

from ..display import exact_str
from ..errors import Problem, problem
from ..jsonread import MAX_TEXT, BadNumber
from ..model.tech_system_1295 import (
    CHOICE,
    GRADE,
    NO_RATING,
    PER_SEGMENT,
    STARS,
    TEXT,
    TICK,
    YEARS,
    Column,
    Table,
    TechSystemRubric,
)
from ..scoring.tech_system_1295 import (
    SEGMENT_COLUMN,
    Cell,
    Link,
    Row,
    TableAnswers,
    TechAnswers,
)
from .common import blank, clean_text, is_int, read_meta, shown, to_number

TOP_LEVEL_KEYS = ("$schema", "rubric", "product", "basis", "segments", "tables", "meta")
TABLE_KEYS = ("not_involved", "segments")
BLOCK_KEYS = ("stars", "rows")
ID = re.compile(r"[A-Za-z][A-Za-z0-9_-]{0,39}")
ORIGIN = "origin"
ORIGINS = {"domestic": True, "foreign": False}
MAX_SEGMENTS = 60
MAX_ROWS = 300  # rows of one table (all its 环 together)
MAX_NAME = 200  # characters of a product or 环 name


@dataclass(frozen=True)
class RowKey:
    """Where a row of ``TableAnswers.rows`` came from: its 环 and its own id."""

    segment: str
    row: str


@dataclass(frozen=True)
class ReadTech:
    answers: TechAnswers
    keys: dict[int, tuple[RowKey, ...]] = field(default_factory=dict)  # table → row keys, by index
    # rows of the enterprise list whose origin is not given: kept, not counted (table → keys)
    held: dict[int, tuple[tuple[RowKey, dict[str, Cell]], ...]] = field(default_factory=dict)
    meta: dict[str, str] = field(default_factory=dict)
    order: dict[int, tuple[RowKey, ...]] = field(default_factory=dict)  # every row, as given

    def key(self, table: int, index: int) -> RowKey:
        return self.keys[table][index]


def row_item(table: int, key: RowKey) -> str:
    return f"row:{table}:{key.segment}:{key.row}"


def cell_item(table: int, key: RowKey, column: str) -> str:
    return f"cell:{table}:{key.segment}:{key.row}:{column}"


def stars_item(table: int, segment: str) -> str:
    return f"stars:{table}:{segment}"


def _text(value: Any, item: str, limit: int, out: list[Problem]) -> str | None:
    if not isinstance(value, str) or len(value) > limit:
        out.append(problem("bad_text", item, limit=limit))
        return None
    return clean_text(value.strip())


def _whole(value: Any, top: int, item: str, out: list[Problem]) -> int | None:
    if is_int(value) and 1 <= value <= top:
        return int(value)
    out.append(problem("grade_out_of_range", item, value=shown(value), top=top))
    return None


def _cell(c: Column, value: Any, top: int, item: str, out: list[Problem]) -> Cell:
    """The value of one field, or None (blank, or a problem reported in ``out``)."""
    if c.kind == TICK:
        if not isinstance(value, bool):
            out.append(problem("not_yes_no", item, value=shown(value)))
            return None
        return True if value else None
    if blank(value):
        return None
    if c.kind == TEXT:
        return _text(value, item, MAX_TEXT, out)
    if c.kind in (GRADE, STARS):
        return _whole(value, top, item, out)
    if c.kind == CHOICE:
        if isinstance(value, str) and c.choice(value) is not None:
            return value
        out.append(problem("bad_choice", item, value=shown(value)))
        return None
    assert c.kind == YEARS, c.kind
    years = None if isinstance(value, BadNumber) else to_number(value)
    if years is None:
        out.append(problem("bad_number", item, value=shown(value)))
    return years


def _row(
    t: Table, enterprise: bool, raw: Any, top: int, item: str, out: list[Problem]
) -> tuple[dict[str, Cell], bool | None]:
    """The cells of one row and (the enterprise list) its origin."""
    cells: dict[str, Cell] = {}
    origin: bool | None = None
    if not isinstance(raw, dict):
        out.append(problem("not_an_object", item))
        return cells, origin
    for key, value in raw.items():
        at = f"{item.replace('row:', 'cell:', 1)}:{key}"
        if enterprise and key == ORIGIN:
            if value in ORIGINS:
                origin = ORIGINS[value]
            elif not blank(value):
                out.append(problem("bad_choice", at, value=shown(value)))
            continue
        c = t.column(key)
        per_row_stars = c is not None and c.kind == STARS and t.rating != PER_SEGMENT
        if c is None or c.id == SEGMENT_COLUMN or (c.kind == STARS and not per_row_stars):
            out.append(problem("unknown_column", at, key=key))
            continue
        got = _cell(c, value, top, at, out)
        if got is not None:
            cells[key] = got
    return cells, origin


def _segments(raw: Any, out: list[Problem]) -> list[Link]:
    links: list[Link] = []
    if not isinstance(raw, dict):
        out.append(problem("not_an_object", "segments"))
        return links
    for key, value in raw.items():
        item = f"segment:{key}"
        if not ID.fullmatch(key):
            out.append(problem("bad_id", item, key=key))
        elif len(links) >= MAX_SEGMENTS:
            out.append(problem("too_many", "segments", limit=MAX_SEGMENTS))
            break
        elif not isinstance(value, dict):
            out.append(problem("not_an_object", item))
        else:
            for k in value:
                if k != "name":
                    out.append(problem("unknown_key", item, key=k))
            name = value.get("name")
            text = None if blank(name) else _text(name, item, MAX_NAME, out)
            links.append(Link(key, text or ""))
    return links


@dataclass
class _TableRead:
    rows: list[Row] = field(default_factory=list)
    keys: list[RowKey] = field(default_factory=list)
    held: list[tuple[RowKey, dict[str, Cell]]] = field(default_factory=list)
    order: list[RowKey] = field(default_factory=list)
    stars: dict[str, int] = field(default_factory=dict)
    not_involved: bool = False


def _block(
    r: TechSystemRubric,
    t: Table,
    link: str,
    raw: Any,
    into: _TableRead,
    out: list[Problem],
) -> None:
    """One 环's block of a table: the rater's ★ and the rows."""
    top = r.framework.grade_count
    enterprise = t.rating == NO_RATING
    where = f"{t.number}:{link}"
    if not isinstance(raw, dict):
        out.append(problem("not_an_object", f"block:{where}"))
        return
    for key in raw:
        if key not in BLOCK_KEYS:
            out.append(problem("unknown_key", f"block:{where}", key=key))
    stars = raw.get("stars")
    if not blank(stars):
        if t.rating != PER_SEGMENT:
            out.append(problem("stars_not_here", stars_item(t.number, link), table=t.number))
        elif (got := _whole(stars, top, stars_item(t.number, link), out)) is not None:
            into.stars[link] = got
    rows = raw.get("rows", {})
    if not isinstance(rows, dict):
        out.append(problem("not_an_object", f"block:{where}"))
        return
    for key, value in rows.items():
        rk = RowKey(link, key)
        item = row_item(t.number, rk)
        if not ID.fullmatch(key):
            out.append(problem("bad_id", item, key=key))
            continue
        if len(into.keys) + len(into.held) >= MAX_ROWS:
            out.append(problem("too_many", f"table:{t.number}", limit=MAX_ROWS))
            return
        cells, origin = _row(t, enterprise, value, top, item, out)
        into.order.append(rk)
        if enterprise and origin is None:
            into.held.append((rk, cells))
        else:
            into.rows.append(Row(link, cells, origin if enterprise else None))
            into.keys.append(rk)


def _table(
    r: TechSystemRubric, t: Table, raw: Any, links: list[str], out: list[Problem]
) -> _TableRead:
    got = _TableRead()
    item = f"table:{t.number}"
    if not isinstance(raw, dict):
        out.append(problem("not_an_object", item))
        return got
    for key in raw:
        if key not in TABLE_KEYS:
            out.append(problem("unknown_key", item, key=key))
    ni = raw.get("not_involved", False)
    if not isinstance(ni, bool):
        out.append(problem("not_yes_no", item, value=shown(ni)))
    blocks = raw.get("segments", {})
    if not isinstance(blocks, dict):
        out.append(problem("not_an_object", item))
        return got
    for link in blocks:
        if link not in links:
            out.append(problem("unknown_segment", item, key=link))
    for link in links:  # in the order of the 环 list
        if link in blocks:
            _block(r, t, link, blocks[link], got, out)
    if ni is True:
        if got.rows or got.stars or got.held:
            out.append(problem("not_involved_alone", item))
        return _TableRead(not_involved=True)
    return got


def read_answers(r: TechSystemRubric, raw: dict[str, Any]) -> tuple[ReadTech, list[Problem]]:
    """What can be read of ``raw`` and every problem that stops it being scored. At least one
    环 is needed for a result (``missing_answer`` on ``segments``)."""
    out: list[Problem] = []
    for key in raw:
        if key not in TOP_LEVEL_KEYS:
            out.append(problem("unknown_key", key, key=key))
    texts: dict[str, str | None] = {}
    for key in ("product", "basis"):
        value = raw.get(key)
        texts[key] = None if blank(value) else _text(value, key, MAX_TEXT, out)
    links = _segments(raw.get("segments", {}), out)
    if not links:
        out.append(problem("missing_answer", "segments"))
    ids = [s.id for s in links]
    tables_raw = raw.get("tables", {})
    if not isinstance(tables_raw, dict):
        out.append(problem("not_an_object", "tables"))
        tables_raw = {}
    by_number = {str(t.number): t for t in r.tables}
    for key in tables_raw:
        if key not in by_number:
            out.append(problem("unknown_table", f"table:{key}", key=key))
    tables: dict[int, TableAnswers] = {}
    keys: dict[int, tuple[RowKey, ...]] = {}
    held: dict[int, tuple[tuple[RowKey, dict[str, Cell]], ...]] = {}
    order: dict[int, tuple[RowKey, ...]] = {}
    for t in r.tables:
        if str(t.number) not in tables_raw:
            continue
        got = _table(r, t, tables_raw[str(t.number)], ids, out)
        tables[t.number] = TableAnswers(got.not_involved, tuple(got.rows), dict(got.stars))
        keys[t.number] = tuple(got.keys)
        order[t.number] = tuple(got.order)
        if got.held:
            held[t.number] = tuple(got.held)
    meta = read_meta(raw.get("meta", {}), out)
    answers = TechAnswers(
        product=texts["product"] or "",
        segments=tuple(links),
        tables=tables,
        basis=texts["basis"],
    )
    return ReadTech(answers, keys, held, meta, order), out


def _value(value: Cell) -> Any:
    if isinstance(value, Fraction):
        return exact_str(value)
    return value


def answers_dict(r: TechSystemRubric, read: ReadTech) -> dict[str, Any]:
    """What was read, in the documented format, every value canonical (what a form shows)."""
    a = read.answers
    tables: dict[str, Any] = {}
    for t in r.tables:
        ta = a.tables.get(t.number)
        if ta is None:
            continue
        if ta.not_involved:
            tables[str(t.number)] = {"not_involved": True}
            continue
        blocks: dict[str, dict[str, Any]] = {}
        written: dict[RowKey, dict[str, Any]] = {}
        for k, row in zip(read.keys.get(t.number, ()), ta.rows, strict=True):
            cells = {c: _value(v) for c, v in row.cells.items()}
            if row.domestic is not None:
                cells = {ORIGIN: "domestic" if row.domestic else "foreign", **cells}
            written[k] = cells
        for k, held in read.held.get(t.number, ()):
            written[k] = {c: _value(v) for c, v in held.items()}
        for link in a.segments:
            block: dict[str, Any] = {}
            if link.id in ta.stars:
                block["stars"] = ta.stars[link.id]
            rows = {
                k.row: written[k]
                for k in read.order.get(t.number, ())
                if k.segment == link.id and k in written
            }
            if rows:
                block["rows"] = rows
            if block:
                blocks[link.id] = block
        tables[str(t.number)] = {"segments": blocks} if blocks else {}
    out: dict[str, Any] = {"rubric": r.id}
    if a.product:
        out["product"] = a.product
    if a.basis:
        out["basis"] = a.basis
    out["segments"] = {s.id: {"name": s.name} for s in a.segments}
    out["tables"] = tables
    out["meta"] = dict(read.meta)
    return out
