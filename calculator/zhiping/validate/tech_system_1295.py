"""Semantic checks of the "1295" technology innovation system: the framework's counts match the
data (2 lines, 9 tables numbered 1..9, 5 grades), ids are unique, every column has what its kind
needs (a 5-level scale, ★ definitions, choices), note references resolve and every level or ★ text
stands in its note, the technology classes' ★ bands lie inside 1..5 in order, and our advisory rule,
gap overview and pool proposal rule are marked unofficial and name only tables, columns, grades,
pools and decisions that exist, columns of the right kind."""

from __future__ import annotations

from collections.abc import Sequence
from itertools import pairwise
from typing import Any

from ..model.tech_system_1295 import (
    CHOICE,
    DESCRIPTIVE,
    GRADE,
    HIGHER_WORSE,
    NO_RATING,
    STARS,
    TEXT,
    TICK,
    YEARS,
    Column,
    PoolCriterion,
    Table,
    TechSystemRubric,
)
from .common import Issue, check_mentions, duplicates

SEGMENT_COLUMN = "segment"  # every table starts with its 环 (instruction 1)


def _numbering(file: str, path: str, what: str, got: Sequence[int]) -> list[Issue]:
    """``numbering`` when ``got`` is not 1, 2, … n."""
    if list(got) == list(range(1, len(got) + 1)):
        return []
    return [Issue(file, path, "numbering", f"{what} must run 1..{len(got)} in order, got {got}")]


def _unknown(file: str, path: str, what: str, value: object) -> Issue:
    return Issue(file, path, "unknown_ref", f"no {what} {value!r}")


def _ids(file: str, what: str, path: str, ids: Sequence[str]) -> list[Issue]:
    return duplicates(file, what, [(f"{path}[{i}].id", x) for i, x in enumerate(ids)])


def _in_note(table: Table, column: Column, zh: str) -> bool:
    note = table.note(column.note) if column.note is not None else None
    return note is not None and zh in note.text.zh


def _check_kind(file: str, at: str, c: Column, grades: int) -> list[Issue]:
    """A column has the parts its kind needs, and no other."""
    out: list[Issue] = []
    parts = {GRADE: c.scale is not None, STARS: c.stars is not None, CHOICE: bool(c.choices)}
    for kind, present in parts.items():
        if present != (c.kind == kind):
            part = {GRADE: "scale", STARS: "stars", CHOICE: "choices"}[kind]
            need = "needs" if c.kind == kind else "must not have"
            out.append(Issue(file, f"{at}.{part}", "kind", f"a {c.kind} column {need} {part}"))
    if c.scale is not None:
        levels = [lv.level for lv in c.scale.levels]
        if levels != list(range(1, grades + 1)):
            out.append(
                Issue(file, f"{at}.scale.levels", "levels", f"levels must be 1..{grades}: {levels}")
            )
    if c.stars is not None:
        stars = [d.stars for d in c.stars.definitions]
        if stars and stars != list(range(1, grades + 1)):
            out.append(
                Issue(file, f"{at}.stars.definitions", "levels", f"★ must be 1..{grades}: {stars}")
            )
        if not stars and c.stars.guidance is None:
            out.append(Issue(file, f"{at}.stars", "empty", "neither guidance nor definitions"))
    out += _ids(file, "choice", f"{at}.choices", [x.id for x in c.choices])
    return out


def _check_table(file: str, at: str, t: Table, grades: int) -> list[Issue]:
    out = _ids(file, "column", f"{at}.columns", [c.id for c in t.columns])
    out += _ids(file, "group", f"{at}.groups", [g.id for g in t.groups])
    first = t.columns[0] if t.columns else None
    if first is None or first.id != SEGMENT_COLUMN or first.kind != TEXT:
        out.append(Issue(file, f"{at}.columns[0]", "segment_column", "must be the 环 text column"))
    if (t.stars_column is None) != (t.rating == NO_RATING) or len(t.of_kind(STARS)) > 1:
        out.append(
            Issue(
                file, f"{at}.rating", "rating", f"rating {t.rating!r} needs one ★ column, or none"
            )
        )
    if t.row_label is not None:
        label = t.column(t.row_label)
        if label is None or label.kind != TEXT:
            out.append(_unknown(file, f"{at}.row_label", "text column", t.row_label))

    groups = {g.id for g in t.groups}
    numbered = [n.number for n in t.notes if n.number is not None]
    out += _numbering(file, f"{at}.notes", "note numbers", numbered)
    referenced: set[int] = set()
    for j, g in enumerate(t.groups):
        members = [i for i, c in enumerate(t.columns) if c.group == g.id]
        if not members:
            out.append(Issue(file, f"{at}.groups[{j}]", "empty", f"no column under {g.id!r}"))
        elif members != list(range(members[0], members[-1] + 1)):
            out.append(Issue(file, f"{at}.groups[{j}]", "order", "its columns must be adjacent"))
        if g.note is not None:
            referenced.add(g.note)
            if g.note not in numbered:
                out.append(_unknown(file, f"{at}.groups[{j}].note", "note", g.note))
    for i, c in enumerate(t.columns):
        cat = f"{at}.columns[{i}]"
        out += _check_kind(file, cat, c, grades)
        if c.group is not None and c.group not in groups:
            out.append(_unknown(file, f"{cat}.group", "group", c.group))
        if c.note is not None:
            referenced.add(c.note)
            if c.note not in numbered:
                out.append(_unknown(file, f"{cat}.note", "note", c.note))
                continue
        texts: list[tuple[str, str]] = []
        if c.scale is not None:
            texts += [
                (f"{cat}.scale.levels[{k}]", lv.text.zh) for k, lv in enumerate(c.scale.levels)
            ]
        if c.stars is not None:
            texts += [
                (f"{cat}.stars.definitions[{k}]", d.text.zh)
                for k, d in enumerate(c.stars.definitions)
            ]
            if c.stars.guidance is not None:
                texts.append((f"{cat}.stars.guidance", c.stars.guidance.zh))
        for path, zh in texts:
            if not _in_note(t, c, zh):
                out.append(Issue(file, path, "not_in_note", "the text is not in the column's note"))
    for j, n in enumerate(t.notes):
        if n.number is not None and n.number not in referenced:
            out.append(
                Issue(file, f"{at}.notes[{j}]", "unreferenced", f"no column names {n.number}")
            )
        if n.number is not None and n.about:
            out.append(Issue(file, f"{at}.notes[{j}].about", "about", "a numbered note is named"))
        for k, col in enumerate(n.about):
            if t.column(col) is None:
                out.append(_unknown(file, f"{at}.notes[{j}].about[{k}]", "column", col))
    return out


def _check_framework(r: TechSystemRubric, file: str) -> list[Issue]:
    f = r.framework
    out: list[Issue] = []
    numbers = [t.number for t in r.tables]
    out += _numbering(file, "tables", "table numbers", numbers)
    if f.list_count != len(r.tables):
        out.append(Issue(file, "tables", "count", f"the framework has {f.list_count} lists"))
    out += _numbering(file, "framework.lists.items", "list tables", [x.table for x in f.lists])
    if len(f.lists) != f.list_count:
        out.append(Issue(file, "framework.lists.items", "count", f"must be {f.list_count}"))
    if len(f.lines) != f.line_count:
        out.append(Issue(file, "framework.lines.items", "count", f"must be {f.line_count}"))
    out += _ids(file, "line", "framework.lines.items", [x.id for x in f.lines])
    on_line: dict[int, str] = {}
    for i, line in enumerate(f.lines):
        for j, n in enumerate(line.tables):
            path = f"framework.lines.items[{i}].tables[{j}]"
            table = r.table(n)
            if table is None:
                out.append(_unknown(file, path, "table", n))
            elif n in on_line:
                out.append(Issue(file, path, "duplicate_id", f"table {n} is on {on_line[n]!r}"))
            else:
                on_line[n] = line.id
                if table.line != line.id:
                    out.append(Issue(file, path, "line", f"table {n} says {table.line!r}"))
    for i, t in enumerate(r.tables):
        if t.number not in on_line:
            out.append(Issue(file, f"tables[{i}].line", "line", "on no line's list of tables"))
    out += _numbering(
        file, "instructions", "instruction numbers", [x.number for x in r.instructions]
    )
    if not any(x.number == r.not_involved_instruction for x in r.instructions):
        out.append(
            _unknown(file, "not_involved.instruction", "instruction", r.not_involved_instruction)
        )
    out += _ids(file, "pool", "libraries.items", [x.id for x in r.libraries])
    return out


def _check_classes(r: TechSystemRubric, file: str) -> list[Issue]:
    tc = r.technology_classes
    out = _ids(file, "class", "technology_classes.items", [c.id for c in tc.items])
    out += _numbering(file, "technology_classes.items", "ranks", [c.rank for c in tc.items])
    table = r.table(tc.table)
    if table is None:
        return [*out, _unknown(file, "technology_classes.table", "table", tc.table)]
    grades = r.framework.grade_count
    for i, c in enumerate(tc.items):
        at = f"technology_classes.items[{i}]"
        column = table.column(c.column)
        if column is None or column.kind != TICK:
            out.append(_unknown(file, f"{at}.column", "tick column", c.column))
        if not 1 <= c.stars.min <= c.stars.max <= grades:
            out.append(Issue(file, f"{at}.stars", "band", f"must lie in 1..{grades}, min ≤ max"))
        stages = [s.stars for s in c.stages]
        if stages != list(range(c.stars.min, c.stars.max + 1)):
            out.append(
                Issue(file, f"{at}.stages", "band", f"one stage per ★ of the band: {stages}")
            )
        for k, s in enumerate(c.stages):
            if column is not None and not _in_note(table, column, s.text.zh):
                out.append(Issue(file, f"{at}.stages[{k}]", "not_in_note", "not in the note"))
    for (i, a), (_, b) in pairwise(enumerate(tc.items)):
        if not a.stars.max < b.stars.min:
            out.append(
                Issue(file, f"technology_classes.items[{i + 1}].stars", "band", "bands must rise")
            )
    classed = {c.column for c in tc.items}
    for tick in table.of_kind(TICK):
        if tick.id not in classed:
            out.append(
                Issue(
                    file,
                    "technology_classes.items",
                    "unaccounted",
                    f"tick {tick.id!r} has no class",
                )
            )
    return out


def _check_advisory(r: TechSystemRubric, file: str) -> list[Issue]:
    a = r.advisory
    out: list[Issue] = []
    if a.official:
        out.append(Issue(file, "advisory.official", "official", "the advisory rule is ours"))
    if a.flip_base != r.framework.grade_count + 1:
        out.append(Issue(file, "advisory.flip_base", "flip_base", "must be the grade count + 1"))
    out += duplicates(
        file, "table", [(f"advisory.tables[{i}].table", x.table) for i, x in enumerate(a.tables)]
    )
    for i, entry in enumerate(a.tables):
        at = f"advisory.tables[{i}]"
        t = r.table(entry.table)
        if t is None:
            out.append(_unknown(file, f"{at}.table", "table", entry.table))
            continue
        if t.rating == NO_RATING:
            out.append(Issue(file, f"{at}.table", "rating", f"table {t.number} has no ★"))
        for key, ids in (("inputs", entry.inputs), ("excluded", entry.excluded)):
            for j, col in enumerate(ids):
                c = t.column(col)
                if c is None or c.kind != GRADE:
                    out.append(_unknown(file, f"{at}.{key}[{j}]", "grade column", col))
                elif key == "inputs" and c.scale is not None and c.scale.direction == DESCRIPTIVE:
                    out.append(
                        Issue(file, f"{at}.inputs[{j}]", "direction", f"{col!r} is descriptive")
                    )
        for col in set(entry.inputs) & set(entry.excluded):
            out.append(Issue(file, at, "duplicate_id", f"{col!r} is both input and excluded"))
        for c in t.of_kind(GRADE):
            if c.id not in entry.inputs and c.id not in entry.excluded:
                out.append(Issue(file, at, "unaccounted", f"grade column {c.id!r} is in neither"))
        if entry.band and entry.table != r.technology_classes.table:
            out.append(Issue(file, f"{at}.band", "band", "only the classes' table has a band"))
    covered = {x.table for x in a.tables}
    for t in r.tables:
        if t.rating != NO_RATING and t.number not in covered:
            out.append(Issue(file, "advisory.tables", "missing", f"no entry for table {t.number}"))

    ref = a.enterprise_reference
    at = "advisory.enterprise_reference"
    t = r.table(ref.table)
    if t is None:
        return [*out, _unknown(file, f"{at}.table", "table", ref.table)]
    if t.rating != NO_RATING:
        out.append(Issue(file, f"{at}.table", "rating", "a table with a ★ needs no reference"))
    level = t.column(ref.level_column)
    if level is None or level.kind != CHOICE:
        out.append(_unknown(file, f"{at}.level_column", "choice column", ref.level_column))
    else:
        given = [v.choice for v in ref.level_values]
        out += duplicates(
            file, "level", [(f"{at}.level_values[{i}].choice", x) for i, x in enumerate(given)]
        )
        for i, v in enumerate(ref.level_values):
            if level.choice(v.choice) is None:
                out.append(_unknown(file, f"{at}.level_values[{i}].choice", "choice", v.choice))
        for option in level.choices:
            if option.id not in given:
                out.append(
                    Issue(file, f"{at}.level_values", "unaccounted", f"{option.id!r} has no value")
                )
    grades = r.framework.grade_count
    values = [v.value for v in ref.level_values] + [ref.no_domestic_value]
    if any(not 1 <= v <= grades for v in values):
        out.append(Issue(file, f"{at}.level_values", "levels", f"values must lie in 1..{grades}"))
    coop = t.column(ref.cooperation_column)
    if coop is None or coop.scale is None or coop.scale.direction == DESCRIPTIVE:
        path = f"{at}.cooperation_column"
        out.append(_unknown(file, path, "directed grade column", ref.cooperation_column))
    return out


def _check_gaps(r: TechSystemRubric, file: str) -> list[Issue]:
    g = r.gap_overview
    out: list[Issue] = []
    if g.official:
        out.append(Issue(file, "gap_overview.official", "official", "the overview is ours"))
    listed: set[tuple[int, str]] = set()
    for i, entry in enumerate(g.columns):
        at = f"gap_overview.columns[{i}]"
        t = r.table(entry.table)
        if t is None:
            out.append(_unknown(file, f"{at}.table", "table", entry.table))
            continue
        gap = t.column(entry.gap)
        if gap is None or gap.scale is None or gap.scale.direction != HIGHER_WORSE:
            out.append(_unknown(file, f"{at}.gap", "higher-is-worse grade column", entry.gap))
        if entry.years is not None:
            years = t.column(entry.years)
            if years is None or years.kind != YEARS:
                out.append(_unknown(file, f"{at}.years", "years column", entry.years))
            listed.add((t.number, entry.years))
    for t in r.tables:
        for c in t.of_kind(YEARS):
            if (t.number, c.id) not in listed:
                out.append(
                    Issue(file, "gap_overview.columns", "unaccounted", f"table {t.number} {c.id!r}")
                )
    bands = g.bands
    out += _numbering(file, "gap_overview.bands", "grades", [b.grade for b in bands])
    if len(bands) != r.framework.grade_count:
        out.append(Issue(file, "gap_overview.bands", "count", "one band per grade"))
    if bands and (bands[0].min != 0 or not bands[0].min_inclusive):
        out.append(Issue(file, "gap_overview.bands[0]", "band", "must start at 0 years, included"))
    for i, b in enumerate(bands):
        at = f"gap_overview.bands[{i}]"
        last = i == len(bands) - 1
        if (b.max is None) != last:
            out.append(Issue(file, f"{at}.max", "band", "only the last band is open-ended"))
        elif b.max is not None and (b.max < b.min or (b.max == b.min and not b.max_inclusive)):
            out.append(Issue(file, at, "band", "empty band"))
    for (i, a), (_, b) in pairwise(enumerate(bands)):
        if a.max is not None and (a.max != b.min or a.max_inclusive == b.min_inclusive):
            out.append(
                Issue(file, f"gap_overview.bands[{i + 1}]", "band", "must continue the band before")
            )
    return out


def _check_criterion(
    r: TechSystemRubric, file: str, at: str, c: PoolCriterion, grades: int
) -> list[Issue]:
    """The tables and the column a criterion names exist, the column has the criterion's kind (and
    a direction, for a grade), its grades lie in 1..``grades``."""
    out = duplicates(file, "table", [(f"{at}.tables[{k}]", n) for k, n in enumerate(c.tables)])
    for k, n in enumerate(c.tables):
        t = r.table(n)
        if t is None:
            out.append(_unknown(file, f"{at}.tables[{k}]", "table", n))
            continue
        column = t.column(c.column)
        if column is None:
            out.append(_unknown(file, f"{at}.column", f"column of table {n}", c.column))
        elif column.kind != c.kind:
            message = f"{c.column!r} of table {n} is a {column.kind} column, not a {c.kind} column"
            out.append(Issue(file, f"{at}.kind", "kind", message))
        elif column.scale is not None and column.scale.direction == DESCRIPTIVE:
            message = f"{c.column!r} of table {n} is descriptive: no grade is better or worse"
            out.append(Issue(file, f"{at}.column", "direction", message))
    if c.kind == GRADE and not c.grades:
        out.append(Issue(file, f"{at}.grades", "empty", "a grade criterion names its grades"))
    if c.kind == TICK and c.grades:
        out.append(Issue(file, f"{at}.grades", "kind", "a tick criterion has no grades"))
    for k, g in enumerate(c.grades):
        if not 1 <= g <= grades:
            message = f"grades lie in 1..{grades}: {g}"
            out.append(Issue(file, f"{at}.grades[{k}]", "levels", message))
    out += duplicates(file, "grade", [(f"{at}.grades[{k}]", g) for k, g in enumerate(c.grades)])
    return out


def _check_proposal(r: TechSystemRubric, file: str) -> list[Issue]:
    """Our pool proposal rule (decision T20): unofficial, its decision exists, each pool known and
    given once, criterion ids unique across the rule, every criterion sound."""
    p = r.proposal
    at = "libraries.proposal"
    out: list[Issue] = []
    if p.official:
        out.append(Issue(file, f"{at}.official", "official", "the proposal rule is ours"))
    if all(d.id != p.decision for d in r.decisions):
        out.append(_unknown(file, f"{at}.decision", "decision", p.decision))
    pools = {x.id for x in r.libraries}
    given = [(f"{at}.rules[{i}].pool", x.pool) for i, x in enumerate(p.rules)]
    out += duplicates(file, "pool", given)
    out += duplicates(
        file,
        "criterion",
        [
            (f"{at}.rules[{i}].criteria[{j}].id", c.id)
            for i, rule in enumerate(p.rules)
            for j, c in enumerate(rule.criteria)
        ],
    )
    grades = r.framework.grade_count
    for i, rule in enumerate(p.rules):
        if rule.pool not in pools:
            out.append(_unknown(file, f"{at}.rules[{i}].pool", "pool", rule.pool))
        for j, c in enumerate(rule.criteria):
            out += _check_criterion(r, file, f"{at}.rules[{i}].criteria[{j}]", c, grades)
    return out


def check_tech_system_1295(r: TechSystemRubric, data: dict[str, Any], file: str) -> list[Issue]:
    """Every problem of the rubric at once (empty list: the rubric is sound)."""
    out = _ids(file, "table", "tables", [t.id for t in r.tables])
    out += _ids(file, "decision", "decisions", [d.id for d in r.decisions])
    out += _check_framework(r, file)
    grades = r.framework.grade_count
    for i, t in enumerate(r.tables):
        out += _check_table(file, f"tables[{i}]", t, grades)
    out += _check_classes(r, file)
    out += _check_advisory(r, file)
    out += _check_gaps(r, file)
    out += _check_proposal(r, file)
    out += check_mentions(data, file, {d.id for d in r.decisions})
    return out
