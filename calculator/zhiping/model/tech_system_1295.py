"""The manufacturing technology innovation system (制造业技术创新体系, "1295") as frozen dataclasses
read from rubrics/tech-system-1295.yaml: the framework (1 analysis framework, 2 lines, 9 lists, 5
grades), the nine tables with their columns, 1–5 grade scales, ★ definitions and notes, the
key-technology classes with their ★ bands, the three pools, and our advisory ★ rule, gap overview
and pool proposal rule (``official`` is False on all three).

Years are exact: a gap band's ends are ``Fraction``s.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from fractions import Fraction
from functools import cached_property
from typing import Any

from .common import (
    Decision,
    ModelError,
    Text,
    _at,
    _bool,
    _get,
    _int,
    _int_or_none,
    _ints,
    _many,
    _one_of,
    _str,
    _str_or_none,
    _strs,
    _text,
    _text_or_none,
    exact,
)

TEXT, GRADE, TICK, CHOICE, YEARS, STARS = "text", "grade", "tick", "choice", "years", "stars"
KINDS = (TEXT, GRADE, TICK, CHOICE, YEARS, STARS)
CRITERION_KINDS = (TICK, GRADE)  # what a pool criterion reads: a tick, or a grade among its grades
HIGHER_BETTER, HIGHER_WORSE, DESCRIPTIVE = "higher_better", "higher_worse", "descriptive"
DIRECTIONS = (HIGHER_BETTER, HIGHER_WORSE, DESCRIPTIVE)
PER_SEGMENT, PER_ROW, NO_RATING = "segment", "row", "none"  # where a table's ★ is given
RATINGS = (PER_SEGMENT, PER_ROW, NO_RATING)
LINES = ("supply", "support")
BINDINGS = ("decisions_md", "inventory", "new")
TOP_LEVEL = (
    "id",
    "family",
    "title",
    "short_title",
    "framework",
    "technology_classes",
    "libraries",
    "instructions",
    "not_involved",
    "tables",
    "advisory",
    "gap_overview",
    "decisions",
)


# ---- tables ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Level:
    """One level of a 1–5 grade scale."""

    level: int
    text: Text

    @classmethod
    def from_dict(cls, d: Any, path: str) -> Level:
        return cls(_int(d, "level", path), _text(d, "text", path))


@dataclass(frozen=True)
class Scale:
    """The 1–5 scale of a grade column and which way it points (decision T9)."""

    direction: str  # HIGHER_BETTER, HIGHER_WORSE or DESCRIPTIVE
    meaning: Text
    levels: tuple[Level, ...]

    @classmethod
    def from_dict(cls, d: Any, path: str) -> Scale:
        return cls(
            direction=_one_of(d, "direction", path, DIRECTIONS),
            meaning=_text(d, "meaning", path),
            levels=_many(d, "levels", path, Level.from_dict),
        )


@dataclass(frozen=True)
class StarDefinition:
    """The official meaning of a number of ★ (or of a ★ in a technology class's band)."""

    stars: int
    text: Text

    @classmethod
    def from_dict(cls, d: Any, path: str) -> StarDefinition:
        return cls(_int(d, "stars", path), _text(d, "text", path))


@dataclass(frozen=True)
class StarSpec:
    """What the note of a ★ column says: what to weigh, or a definition per ★."""

    guidance: Text | None
    definitions: tuple[StarDefinition, ...]

    @classmethod
    def from_dict(cls, d: Any, path: str) -> StarSpec:
        return cls(
            _text_or_none(d, "guidance", path),
            _many(d, "definitions", path, StarDefinition.from_dict),
        )


@dataclass(frozen=True)
class Choice:
    id: str
    name: Text

    @classmethod
    def from_dict(cls, d: Any, path: str) -> Choice:
        return cls(_str(d, "id", path), _text(d, "name", path))


@dataclass(frozen=True)
class Column:
    """One leaf column of a table; ``scale``, ``stars`` and ``choices`` belong to its kind."""

    id: str
    header: Text
    group: str | None
    kind: str  # one of KINDS
    note: int | None  # number of the note (①…) it refers to
    hint: Text | None
    scale: Scale | None  # grade columns
    stars: StarSpec | None  # stars columns
    choices: tuple[Choice, ...]  # choice columns

    @classmethod
    def from_dict(cls, d: Any, path: str) -> Column:
        return cls(
            id=_str(d, "id", path),
            header=_text(d, "header", path),
            group=_str_or_none(d, "group", path),
            kind=_one_of(d, "kind", path, KINDS),
            note=_int_or_none(d, "note", path),
            hint=_text(d, "hint", path) if "hint" in d else None,
            scale=Scale.from_dict(d["scale"], _at(path, "scale")) if "scale" in d else None,
            stars=StarSpec.from_dict(d["stars"], _at(path, "stars")) if "stars" in d else None,
            choices=_many(d, "choices", path, Choice.from_dict) if "choices" in d else (),
        )

    def choice(self, choice_id: str) -> Choice | None:
        return next((c for c in self.choices if c.id == choice_id), None)


@dataclass(frozen=True)
class ColumnGroup:
    """A header printed over several columns."""

    id: str
    header: Text
    note: int | None

    @classmethod
    def from_dict(cls, d: Any, path: str) -> ColumnGroup:
        return cls(_str(d, "id", path), _text(d, "header", path), _int_or_none(d, "note", path))


@dataclass(frozen=True)
class Note:
    """One note (注), verbatim; ``number`` None for an explanation printed without one, ``about``
    the columns such an explanation explains."""

    number: int | None
    about: tuple[str, ...]
    text: Text

    @classmethod
    def from_dict(cls, d: Any, path: str) -> Note:
        return cls(_int_or_none(d, "number", path), _strs(d, "about", path), _text(d, "text", path))


@dataclass(frozen=True)
class Table:
    """One of the nine tables (lists) of the annex."""

    number: int
    id: str
    name: Text
    line: str
    rating: str  # PER_SEGMENT, PER_ROW or NO_RATING (decision T8)
    row_label: str | None
    groups: tuple[ColumnGroup, ...]
    columns: tuple[Column, ...]
    notes: tuple[Note, ...]

    @classmethod
    def from_dict(cls, d: Any, path: str) -> Table:
        return cls(
            number=_int(d, "number", path),
            id=_str(d, "id", path),
            name=_text(d, "name", path),
            line=_one_of(d, "line", path, LINES),
            rating=_one_of(d, "rating", path, RATINGS),
            row_label=_str_or_none(d, "row_label", path),
            groups=_many(d, "groups", path, ColumnGroup.from_dict),
            columns=_many(d, "columns", path, Column.from_dict),
            notes=_many(d, "notes", path, Note.from_dict),
        )

    def column(self, column_id: str) -> Column | None:
        return next((c for c in self.columns if c.id == column_id), None)

    def note(self, number: int) -> Note | None:
        return next((n for n in self.notes if n.number == number), None)

    def of_kind(self, kind: str) -> tuple[Column, ...]:
        return tuple(c for c in self.columns if c.kind == kind)

    @property
    def stars_column(self) -> Column | None:
        """The ★ overall rating column; None for the enterprise list."""
        return next((c for c in self.columns if c.kind == STARS), None)


# ---- framework, classes, pools, instructions -----------------------------------------------------


@dataclass(frozen=True)
class Line:
    """One of the two main lines and the tables on it (decision T6)."""

    id: str
    name: Text
    text: Text
    tables: tuple[int, ...]

    @classmethod
    def from_dict(cls, d: Any, path: str) -> Line:
        return cls(
            _one_of(d, "id", path, LINES),
            _text(d, "name", path),
            _text(d, "text", path),
            _ints(d, "tables", path),
        )


@dataclass(frozen=True)
class ListEntry:
    """One of the nine lists as the body describes it."""

    table: int
    name: Text
    text: Text

    @classmethod
    def from_dict(cls, d: Any, path: str) -> ListEntry:
        return cls(_int(d, "table", path), _text(d, "name", path), _text(d, "text", path))


@dataclass(frozen=True)
class Framework:
    """The "1295" framework: the counts as the text states them, with what each counts."""

    text: Text
    analysis_frameworks: int  # the "1"
    analysis_name: Text
    line_count: int  # the "2"
    lines: tuple[Line, ...]
    list_count: int  # the "9"
    lists: tuple[ListEntry, ...]
    grade_count: int  # the "5"
    grades_text: Text
    evaluation: Text

    @classmethod
    def from_dict(cls, d: Any, path: str) -> Framework:
        af, lines, lists, grades = (
            _get(d, k, path) for k in ("analysis_framework", "lines", "lists", "grades")
        )
        return cls(
            text=_text(d, "text", path),
            analysis_frameworks=_int(af, "count", _at(path, "analysis_framework")),
            analysis_name=_text(af, "name", _at(path, "analysis_framework")),
            line_count=_int(lines, "count", _at(path, "lines")),
            lines=_many(lines, "items", _at(path, "lines"), Line.from_dict),
            list_count=_int(lists, "count", _at(path, "lists")),
            lists=_many(lists, "items", _at(path, "lists"), ListEntry.from_dict),
            grade_count=_int(grades, "count", _at(path, "grades")),
            grades_text=_text(grades, "text", _at(path, "grades")),
            evaluation=_text(grades, "evaluation", _at(path, "grades")),
        )


@dataclass(frozen=True)
class StarBand:
    """An inclusive band of ★, e.g. 2–3 for technology awaiting industrialization."""

    min: int
    max: int

    def contains(self, stars: int) -> bool:
        return self.min <= stars <= self.max

    def clamp(self, stars: int) -> int:
        return min(max(stars, self.min), self.max)

    @classmethod
    def from_dict(cls, d: Any, path: str) -> StarBand:
        return cls(_int(d, "min", path), _int(d, "max", path))


@dataclass(frozen=True)
class TechClass:
    """A class of key technologies, its tick column in table 1 and its ★ band (note ⑤)."""

    id: str
    rank: int  # 1 = least mature
    name: Text
    column: str
    stars: StarBand
    stages: tuple[StarDefinition, ...]

    @classmethod
    def from_dict(cls, d: Any, path: str) -> TechClass:
        return cls(
            id=_str(d, "id", path),
            rank=_int(d, "rank", path),
            name=_text(d, "name", path),
            column=_str(d, "column", path),
            stars=StarBand.from_dict(_get(d, "stars", path), _at(path, "stars")),
            stages=_many(d, "stages", path, StarDefinition.from_dict),
        )


@dataclass(frozen=True)
class TechnologyClasses:
    table: int
    text: Text
    items: tuple[TechClass, ...]

    @classmethod
    def from_dict(cls, d: Any, path: str) -> TechnologyClasses:
        return cls(
            _int(d, "table", path),
            _text(d, "text", path),
            _many(d, "items", path, TechClass.from_dict),
        )


@dataclass(frozen=True)
class Library:
    id: str
    name: Text

    @classmethod
    def from_dict(cls, d: Any, path: str) -> Library:
        return cls(_str(d, "id", path), _text(d, "name", path))


@dataclass(frozen=True)
class CitedText:
    citation: Text
    text: Text

    @classmethod
    def from_dict(cls, d: Any, path: str) -> CitedText:
        return cls(_text(d, "citation", path), _text(d, "text", path))


@dataclass(frozen=True)
class Instruction:
    number: int
    text: Text

    @classmethod
    def from_dict(cls, d: Any, path: str) -> Instruction:
        return cls(_int(d, "number", path), _text(d, "text", path))


# ---- ours: the pool proposal rule ----------------------------------------------------------------


@dataclass(frozen=True)
class PoolCriterion:
    """One criterion of the pool proposal rule (decision T20): in every table of ``tables``, the
    column ``column`` is ticked (kind TICK), or holds one of ``grades`` (kind GRADE)."""

    id: str
    tables: tuple[int, ...]
    column: str
    kind: str  # one of CRITERION_KINDS; the column's own kind
    grades: tuple[int, ...]  # empty for a tick
    text: Text  # why a row meeting it belongs to the pool

    @classmethod
    def from_dict(cls, d: Any, path: str) -> PoolCriterion:
        return cls(
            id=_str(d, "id", path),
            tables=_ints(d, "tables", path),
            column=_str(d, "column", path),
            kind=_one_of(d, "kind", path, CRITERION_KINDS),
            grades=_ints(d, "grades", path),
            text=_text(d, "text", path),
        )

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "tables": list(self.tables),
            "column": self.column,
            "kind": self.kind,
            "grades": list(self.grades),
            "text": self.text.to_dict(),
        }


@dataclass(frozen=True)
class PoolRule:
    """The criteria that propose a row for one pool; a row meeting any of them is proposed."""

    pool: str
    criteria: tuple[PoolCriterion, ...]

    @classmethod
    def from_dict(cls, d: Any, path: str) -> PoolRule:
        return cls(_str(d, "pool", path), _many(d, "criteria", path, PoolCriterion.from_dict))

    def to_dict(self) -> dict[str, Any]:
        return {"pool": self.pool, "criteria": [c.to_dict() for c in self.criteria]}


@dataclass(frozen=True)
class ProposalRule:
    """Ours, not official (``official`` is False): which rows are proposed for which pool, stated
    and defended by decision ``decision``; the rater decides."""

    official: bool
    decision: str
    label: Text
    text: Text
    rules: tuple[PoolRule, ...]

    @classmethod
    def from_dict(cls, d: Any, path: str) -> ProposalRule:
        return cls(
            official=_bool(d, "official", path),
            decision=_str(d, "decision", path),
            label=_text(d, "label", path),
            text=_text(d, "text", path),
            rules=_many(d, "rules", path, PoolRule.from_dict),
        )

    def to_dict(self) -> dict[str, Any]:
        return {
            "official": self.official,
            "decision": self.decision,
            "label": self.label.to_dict(),
            "text": self.text.to_dict(),
            "rules": [x.to_dict() for x in self.rules],
        }


# ---- ours: the advisory rule and the gap overview ------------------------------------------------


@dataclass(frozen=True)
class AdvisoryTable:
    """Which grade columns one table's advisory ★ averages, which it leaves out, and whether the
    technology classes' band applies (decisions T9–T11)."""

    table: int
    inputs: tuple[str, ...]
    excluded: tuple[str, ...]
    band: bool

    @classmethod
    def from_dict(cls, d: Any, path: str) -> AdvisoryTable:
        return cls(
            _int(d, "table", path),
            _strs(d, "inputs", path),
            _strs(d, "excluded", path),
            _bool(d, "band", path),
        )


@dataclass(frozen=True)
class LevelValue:
    choice: str
    value: int

    @classmethod
    def from_dict(cls, d: Any, path: str) -> LevelValue:
        return cls(_str(d, "choice", path), _int(d, "value", path))


@dataclass(frozen=True)
class EnterpriseReference:
    """The enterprise list's reference value (decision T12)."""

    table: int
    level_column: str
    level_values: tuple[LevelValue, ...]
    no_domestic_value: int
    cooperation_column: str

    @classmethod
    def from_dict(cls, d: Any, path: str) -> EnterpriseReference:
        return cls(
            table=_int(d, "table", path),
            level_column=_str(d, "level_column", path),
            level_values=_many(d, "level_values", path, LevelValue.from_dict),
            no_domestic_value=_int(d, "no_domestic_value", path),
            cooperation_column=_str(d, "cooperation_column", path),
        )

    def value_of(self, choice: str) -> int | None:
        return next((v.value for v in self.level_values if v.choice == choice), None)


@dataclass(frozen=True)
class AdvisoryRule:
    """Ours, not official (``official`` is False): the advisory ★ rule."""

    official: bool
    label: Text
    reference_label: Text
    flip_base: int  # a higher-is-worse grade g counts as flip_base − g
    tables: tuple[AdvisoryTable, ...]
    enterprise_reference: EnterpriseReference

    @classmethod
    def from_dict(cls, d: Any, path: str) -> AdvisoryRule:
        return cls(
            official=_bool(d, "official", path),
            label=_text(d, "label", path),
            reference_label=_text(d, "reference_label", path),
            flip_base=_int(d, "flip_base", path),
            tables=_many(d, "tables", path, AdvisoryTable.from_dict),
            enterprise_reference=EnterpriseReference.from_dict(
                _get(d, "enterprise_reference", path), _at(path, "enterprise_reference")
            ),
        )

    def for_table(self, number: int) -> AdvisoryTable | None:
        return next((t for t in self.tables if t.table == number), None)


@dataclass(frozen=True)
class YearBand:
    """The years a gap grade stands for (decision T14); ``max`` None: no upper end."""

    grade: int
    min: Fraction
    max: Fraction | None
    min_inclusive: bool
    max_inclusive: bool

    def contains(self, years: Fraction) -> bool:
        above = years >= self.min if self.min_inclusive else years > self.min
        if self.max is None:
            return above
        return above and (years <= self.max if self.max_inclusive else years < self.max)

    @classmethod
    def from_dict(cls, d: Any, path: str) -> YearBand:
        top = _get(d, "max", path)
        return cls(
            grade=_int(d, "grade", path),
            min=exact(_get(d, "min", path), _at(path, "min")),
            max=None if top is None else exact(top, _at(path, "max")),
            min_inclusive=_bool(d, "min_inclusive", path),
            max_inclusive=_bool(d, "max_inclusive", path),
        )


@dataclass(frozen=True)
class GapColumn:
    table: int
    gap: str
    years: str | None

    @classmethod
    def from_dict(cls, d: Any, path: str) -> GapColumn:
        return cls(_int(d, "table", path), _str(d, "gap", path), _str_or_none(d, "years", path))


@dataclass(frozen=True)
class GapOverview:
    """Ours, not official: the gap grades read as years (decisions T14, T15)."""

    official: bool
    label: Text
    columns: tuple[GapColumn, ...]
    bands: tuple[YearBand, ...]

    @classmethod
    def from_dict(cls, d: Any, path: str) -> GapOverview:
        return cls(
            official=_bool(d, "official", path),
            label=_text(d, "label", path),
            columns=_many(d, "columns", path, GapColumn.from_dict),
            bands=_many(d, "bands", path, YearBand.from_dict),
        )

    def band_of(self, grade: int) -> YearBand | None:
        return next((b for b in self.bands if b.grade == grade), None)

    def grade_for(self, years: Fraction) -> int | None:
        """The gap grade whose band holds ``years`` (None: no band does, e.g. negative)."""
        return next((b.grade for b in self.bands if b.contains(years)), None)


@dataclass(frozen=True)
class TechDecision(Decision):
    """A decision, with the inventory §10 D readings it applies and where it is binding from."""

    reuses: tuple[str, ...] = field(default=())
    binding: str = "new"

    @classmethod
    def from_dict(cls, d: Any, path: str) -> TechDecision:
        base = Decision.from_dict(d, path)
        return cls(
            id=base.id,
            title=base.title,
            text=base.text,
            reason=base.reason,
            applies_to=base.applies_to,
            reuses=_strs(d, "reuses", path),
            binding=_one_of(d, "binding", path, BINDINGS),
        )

    def to_dict(self) -> dict[str, Any]:
        return {**super().to_dict(), "reuses": list(self.reuses), "binding": self.binding}


@dataclass(frozen=True)
class TechSystemRubric:
    """The "1295" framework, its nine tables, and our advisory rule and gap overview."""

    id: str
    family: str
    title: Text
    short_title: Text
    framework: Framework
    technology_classes: TechnologyClasses
    libraries: tuple[Library, ...]
    library_texts: tuple[CitedText, ...]
    proposal: ProposalRule
    instructions: tuple[Instruction, ...]
    not_involved_instruction: int
    not_involved_label: Text
    tables: tuple[Table, ...]
    advisory: AdvisoryRule
    gap_overview: GapOverview
    decisions: tuple[TechDecision, ...]

    @classmethod
    def from_dict(cls, d: Any, path: str = "") -> TechSystemRubric:
        if not isinstance(d, dict):
            raise ModelError(path or "/", "expected a mapping")
        for key in TOP_LEVEL:  # named here so that a missing part's path has no leading dot
            if key not in d:
                raise ModelError(_at(path, key), "missing")
        libraries = _get(d, "libraries", path)
        not_involved = _get(d, "not_involved", path)
        return cls(
            id=_str(d, "id", path),
            family=_str(d, "family", path),
            title=_text(d, "title", path),
            short_title=_text(d, "short_title", path),
            framework=Framework.from_dict(_get(d, "framework", path), _at(path, "framework")),
            technology_classes=TechnologyClasses.from_dict(
                _get(d, "technology_classes", path), _at(path, "technology_classes")
            ),
            libraries=_many(libraries, "items", _at(path, "libraries"), Library.from_dict),
            library_texts=_many(libraries, "texts", _at(path, "libraries"), CitedText.from_dict),
            proposal=ProposalRule.from_dict(
                _get(libraries, "proposal", _at(path, "libraries")), _at(path, "libraries.proposal")
            ),
            instructions=_many(d, "instructions", path, Instruction.from_dict),
            not_involved_instruction=_int(not_involved, "instruction", _at(path, "not_involved")),
            not_involved_label=_text(not_involved, "label", _at(path, "not_involved")),
            tables=_many(d, "tables", path, Table.from_dict),
            advisory=AdvisoryRule.from_dict(_get(d, "advisory", path), _at(path, "advisory")),
            gap_overview=GapOverview.from_dict(
                _get(d, "gap_overview", path), _at(path, "gap_overview")
            ),
            decisions=_many(d, "decisions", path, TechDecision.from_dict),
        )

    @cached_property
    def _tables(self) -> dict[int, Table]:
        return {t.number: t for t in self.tables}

    def table(self, number: int) -> Table | None:
        return self._tables.get(number)

    def pool_rules(self) -> tuple[PoolRule, ...]:
        """The proposal rule's pools in the order of the pools (``libraries.items``); a rule
        naming no known pool comes last (the rubric checks refuse it)."""
        order = {x.id: i for i, x in enumerate(self.libraries)}
        return tuple(sorted(self.proposal.rules, key=lambda x: order.get(x.pool, len(order))))

    def classes_by_maturity(self) -> tuple[TechClass, ...]:
        """The key-technology classes, least mature first."""
        return tuple(sorted(self.technology_classes.items, key=lambda c: c.rank))
