"""Build pieces of the technology innovation system ("1295"): schema, checks, and what its page
template needs (each table's header rows as the official blank form prints them, anchors of the
tables, their columns and the decision targets, and the explanations a column borrows)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from zhiping.model.common import Text
from zhiping.model.tech_system_1295 import Column, Note, Table, TechSystemRubric
from zhiping.validate import Issue
from zhiping.validate.tech_system_1295 import check_tech_system_1295

from ..paths import RUBRICS

FAMILY = "tech_system_1295"
SCHEMA = RUBRICS / "schema" / f"{FAMILY}.schema.json"

# A decision's applies_to → the anchor of the part of the page it names (``table:<n>`` is the
# table's own section).
TARGET_ANCHORS = {
    "source": "source",
    "framework": "framework",
    "technology_classes": "technology-classes",
    "libraries": "libraries",
    "not_involved": "not-involved",
    "tables": "tables",
    "advisory": "advisory",
    "gap_overview": "gap-overview",
}

# The decision that says a table's column order is not the printed one (the OCR scrambled the
# header of table 1): the page shows it above that table's blank form.
ORDER_DECISIONS = {1: "T3"}


def check(model: TechSystemRubric, data: dict[str, Any], file: str) -> list[Issue]:
    return check_tech_system_1295(model, data, file)


def slug(identifier: str) -> str:
    return identifier.replace("_", "-")


def table_anchor(number: int) -> str:
    """A table's section: 1 → table-1."""
    return f"table-{number}"


def column_anchor(number: int, column_id: str) -> str:
    """A column's explanation under its table: (5, static_years) → table-5-static-years."""
    return f"{table_anchor(number)}-{slug(column_id)}"


def note_marker(number: int) -> str:
    """The circled number the official form prints on a column: 1 → ①."""
    if not 1 <= number <= 20:
        raise ValueError(f"no circled number for note {number}")
    return chr(0x2460 + number - 1)


@dataclass(frozen=True)
class HeaderCell:
    """One header cell of a blank form: a column, or a group printed over several columns."""

    header: Text
    note: int | None
    colspan: int
    rowspan: int
    scope: str  # "col" or "colgroup"
    target: str  # the anchor of the explanation of the column (a group's: its first column)


def header_rows(table: Table) -> list[list[HeaderCell]]:
    """The header of the official blank form: one row, or two when columns are grouped (a
    group's header spans its columns; an ungrouped column spans both rows)."""
    two = bool(table.groups)
    groups = {g.id: g for g in table.groups}
    top: list[HeaderCell] = []
    bottom: list[HeaderCell] = []
    seen: set[str] = set()
    cols = table.columns
    i = 0
    while i < len(cols):
        c = cols[i]
        if c.group is None:
            top.append(_cell(table, c, 2 if two else 1))
            i += 1
            continue
        if c.group in seen:
            raise ValueError(f"table {table.number}: the columns of group {c.group} are apart")
        seen.add(c.group)
        j = i
        while j < len(cols) and cols[j].group == c.group:
            j += 1
        g = groups[c.group]
        top.append(
            HeaderCell(g.header, g.note, j - i, 1, "colgroup", column_anchor(table.number, c.id))
        )
        bottom += [_cell(table, x, 1) for x in cols[i:j]]
        i = j
    return [top, bottom] if two else [top]


def _cell(table: Table, c: Column, rowspan: int) -> HeaderCell:
    return HeaderCell(c.header, c.note, 1, rowspan, "col", column_anchor(table.number, c.id))


@dataclass(frozen=True)
class ColumnNote:
    """An unnumbered explanation of a column, and the table it is printed under (another table's
    when the column borrows it, decision T5)."""

    note: Note
    table: int


def column_notes(m: TechSystemRubric) -> dict[tuple[int, str], list[ColumnNote]]:
    """(table, column) → its unnumbered explanations. A years column without one of its own
    takes the first one another table gives a column of the same id (table 9's static
    breakthrough period is defined under table 5)."""
    out: dict[tuple[int, str], list[ColumnNote]] = {}
    for t in m.tables:
        for n in t.notes:
            for about in n.about:
                out.setdefault((t.number, about), []).append(ColumnNote(n, t.number))
    for t in m.tables:
        for c in t.of_kind("years"):
            if (t.number, c.id) not in out:
                borrowed = [x for (_, cid), xs in out.items() if cid == c.id for x in xs]
                if borrowed:
                    out[(t.number, c.id)] = borrowed[:1]
    return out


def target_anchors(m: TechSystemRubric) -> dict[str, str]:
    """Every decision target of this rubric → its anchor; a target missing here fails the build
    (the template looks it up strictly)."""
    out = dict(TARGET_ANCHORS)
    out.update({f"table:{t.number}": table_anchor(t.number) for t in m.tables})
    return out


def page_context(m: TechSystemRubric, peers: Sequence[TechSystemRubric] = ()) -> dict[str, Any]:
    decisions = {d.id: d for d in m.decisions}
    missing = [d for d in ORDER_DECISIONS.values() if d not in decisions]
    if missing:
        raise ValueError(f"ORDER_DECISIONS names decisions the rubric lacks: {missing}")
    classes = {c.column: c for c in m.technology_classes.items}
    return {
        "header_rows": {t.number: header_rows(t) for t in m.tables},
        "column_notes": column_notes(m),
        "order_decisions": {n: decisions[d] for n, d in ORDER_DECISIONS.items()},
        "class_of_column": classes,
        "lists": {x.table: x for x in m.framework.lists},
        "lines": {x.id: x for x in m.framework.lines},
        "target_anchors": target_anchors(m),
        "table_anchor": table_anchor,
        "column_anchor": column_anchor,
        "note_marker": note_marker,
    }
