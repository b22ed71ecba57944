"""Technology innovation system ("1295"): the rater's nine lists → the advisory ★ of every table per
环 (per software row in table 9) with the grades each came from, the enterprise list's reference
value, the technology classes' ★ band, the gap overview in years and the rows proposed for the three
pools. Nothing here is official: the framework gives no formula for the ★ and no rule for the pools,
and the rater's own ★ and choice of pool always prevail (decisions T7, T20).

Rules (shared/DECISIONS.md, technology innovation system, reading inventory §9.5; the rubric's
decisions T8–T16):
- grades are whole numbers 1–5; a blank grade is absent, never 0 (T10);
- each grade is turned so that higher is better: a higher-is-worse grade g counts as 6 − g; the
  columns the rule excludes (基础共性程度) and the static breakthrough period never count (T9);
- a row's score is the mean of its counted grades; a 环's score is the mean of its row scores, rows
  without a counted grade left out; no counted grade at all → no advisory ★ and a reason (T10);
- advisory ★ = clamp(⌊score + ½⌋, 1, 5), exact (``stars_from_score``);
- table 1: the band of the least mature class ticked in any row of the 环 (a row ticking two
  classes counts with the less mature) clamps the advisory ★; the rater's ★ outside the band (ends
  inside) is a warning, also where no advisory ★ exists (T11);
- table 7 has no numeric grades: no advisory ★ (T13); table 3 has no ★, only a reference value
  (T12);
- a table marked 不涉及 has no rows and no ★ and gives nothing (T16);
- the static breakthrough period suggests a gap grade, is shown beside the grade entered and
  never fills a blank one (T14, T15).

- pool proposals (``propose``, decision T20): a row is proposed for a pool when it meets one of the
  pool's criteria in the rubric (``libraries.proposal``: a tick, or a grade among the listed ones,
  in one column of the tables named); each pool once per row, with every criterion met as a reason
  (the column and the value entered); a blank meets nothing and a table marked 不涉及 gives nothing.
  Order: the pools' order, then table, 环 (the answers' order), row.

Monotonicity. Turning makes every counted grade rise when the grade gets better; means, ⌊x + ½⌋,
clamping and the band (which depends on ticks only) are monotone, so a better grade never lowers
the advisory ★ or the reference value.

Errors: ``AnswersError`` (a ``ValueError``) listing every problem of the answers at once.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from fractions import Fraction
from math import floor

from ..model.tech_system_1295 import (
    CHOICE,
    GRADE,
    HIGHER_WORSE,
    NO_RATING,
    PER_ROW,
    TEXT,
    TICK,
    YEARS,
    AdvisoryTable,
    Column,
    PoolCriterion,
    StarBand,
    Table,
    TechSystemRubric,
    YearBand,
)

Cell = str | int | bool | Fraction | None  # text or choice id / grade or ★ / tick / years / blank

NO_GRADES = "no_grades"  # the 环 (or row) has no grade the rule counts
NO_NUMERIC_GRADES = "no_numeric_grades"  # the table has none (table 7)
OUTSIDE_BAND = "outside_band"  # the rater's ★ lies outside the technology classes' band
YEARS_DIFFER = "years_differ"  # the static breakthrough period suggests another gap grade
SEGMENT_COLUMN = "segment"


# ---- answers ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Link:
    """One 环 of the product; the same division serves every table (instruction 1)."""

    id: str
    name: str


@dataclass(frozen=True)
class Row:
    """One row of a table: its 环 and its cells (column id → value; absent or None = blank).

    Values by column kind: text → str, grade → int 1–5, tick → bool, choice → the choice id,
    years → int or Fraction ≥ 0, stars → int 1–5 (only where the table's ★ is per row).
    ``domestic`` says whether an enterprise of table 3 is domestic (True) or foreign (False); it is
    required there and must stay None elsewhere.
    """

    segment: str
    cells: Mapping[str, Cell] = field(default_factory=dict)
    domestic: bool | None = None


@dataclass(frozen=True)
class TableAnswers:
    """One table: 不涉及, or its rows and the rater's ★ per 环 (tables whose ★ is per 环)."""

    not_involved: bool = False
    rows: tuple[Row, ...] = ()
    stars: Mapping[str, int] = field(default_factory=dict)  # 环 id → the rater's ★


@dataclass(frozen=True)
class TechAnswers:
    """The product, its 环 and the tables filled in (a table not given has no rows)."""

    product: str
    segments: tuple[Link, ...]
    tables: Mapping[int, TableAnswers] = field(default_factory=dict)
    basis: str | None = None  # the basis of the division into 环 (instruction 1)


class AnswersError(ValueError):
    """The answers do not fit the rubric; ``problems`` lists every one (path, message)."""

    def __init__(self, problems: Sequence[tuple[str, str]]) -> None:
        super().__init__("; ".join(f"{p}: {m}" for p, m in problems))
        self.problems = tuple(problems)


# ---- results ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class GradeUsed:
    """A grade that entered a row's mean: as entered, and as counted (turned where higher is
    worse)."""

    column: str
    entered: int
    counted: int
    flipped: bool


@dataclass(frozen=True)
class RowScore:
    row: int  # index in the table's rows
    used: tuple[GradeUsed, ...]
    left_out: tuple[str, ...]  # grade columns filled in that the rule excludes
    score: Fraction | None  # mean of the counted grades; None: the row is left out


@dataclass(frozen=True)
class Band:
    """The ★ band of the least mature technology class ticked, and the rows that ticked it."""

    stars: StarBand
    tech_class: str
    rows: tuple[int, ...]


@dataclass(frozen=True)
class Rating:
    """The advisory ★ of one table for one 环 (or one software row), with everything it came
    from, and the rater's own ★."""

    table: int
    segment: str
    row: int | None  # the row whose ★ this is (per-row tables); None: the 环's
    rows: tuple[RowScore, ...]
    score: Fraction | None  # mean of the row scores
    rounded: int | None  # stars_from_score(score), before the band
    band: Band | None
    advisory: int | None  # None: see reason
    reason: str | None  # NO_GRADES or NO_NUMERIC_GRADES when there is no advisory ★
    user: int | None
    outside_band: bool


@dataclass(frozen=True)
class EnterpriseValue:
    """The enterprise list's reference value for one 环 (never a ★; decision T12)."""

    segment: str
    levels: tuple[tuple[int, int], ...]  # (row, value) of the domestic rows' levels given
    only_foreign: bool  # rows are listed and none is domestic
    level_part: int | None  # best domestic level's value, or the value for foreign-only
    cooperation: tuple[tuple[int, int], ...]  # (row, counted grade) of the domestic rows
    cooperation_part: Fraction | None
    value: Fraction | None  # mean of the parts present


@dataclass(frozen=True)
class TableResult:
    number: int
    not_involved: bool
    ratings: tuple[Rating, ...]  # empty for the enterprise list and for 不涉及
    reference: tuple[EnterpriseValue, ...]  # the enterprise list only


@dataclass(frozen=True)
class GapEntry:
    """One row's gap grade read as years, beside its static breakthrough period (T14, T15)."""

    table: int
    segment: str
    row: int
    label: str | None  # the row's name (technology, equipment, software, …)
    grade: int | None
    years_band: YearBand | None  # the years the grade stands for
    years: Fraction | None  # static breakthrough period entered
    suggested: int | None  # the gap grade the years suggest; never fills a blank grade
    agrees: bool | None  # None when the grade or the years are missing


@dataclass(frozen=True)
class RaterWarning:
    """Something the rater should look at: a ★ outside the band, or years suggesting another gap
    grade (``expected`` is then one grade, min = max)."""

    code: str  # OUTSIDE_BAND or YEARS_DIFFER
    table: int
    segment: str
    row: int | None
    given: int
    expected: StarBand


@dataclass(frozen=True)
class Reason:
    """A criterion of the pool rule that a row meets: the criterion's id, the column it reads and
    the value entered there (True for a tick, the grade for a grade)."""

    criterion: str
    column: str
    value: int | bool


@dataclass(frozen=True)
class Proposal:
    """A row proposed for a pool, with every criterion of that pool the row meets (decision T20).
    Advisory, not official: the rater decides what enters a pool."""

    pool: str
    table: int
    segment: str
    row: int  # index in the table's rows
    label: str | None  # the row's name (technology, material, tool, …)
    reasons: tuple[Reason, ...]


@dataclass(frozen=True)
class TechResult:
    official: bool  # always False: every value here is advisory
    tables: tuple[TableResult, ...]
    gaps: tuple[GapEntry, ...]
    warnings: tuple[RaterWarning, ...]
    proposals: tuple[Proposal, ...]

    def table(self, number: int) -> TableResult:
        return next(t for t in self.tables if t.number == number)


# ---- the rounding rule -------------------------------------------------------------------------


def stars_from_score(score: Fraction, top: int = 5) -> int:
    """The advisory ★ of an exact score: ★ = clamp(⌊score + ½⌋, 1, top).

    Halves go up (2.5 → ★3, 2.49… → ★2); ``top`` is the number of grades (5).
    """
    return min(max(floor(score + Fraction(1, 2)), 1), top)


def _years(value: Cell) -> Fraction | None:
    """A number of years as an exact fraction (None: not a number; floats are not exact)."""
    if isinstance(value, bool) or not isinstance(value, int | Fraction):
        return None
    return Fraction(value)


def _mean(values: Sequence[Fraction | int]) -> Fraction:
    return Fraction(sum(values, Fraction(0))) / len(values)


# ---- checking the answers ------------------------------------------------------------------------


def _whole(value: Cell, top: int) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and 1 <= value <= top


def _cell_problem(c: Column, value: Cell, t: Table, top: int) -> str | None:
    """Why ``value`` cannot stand in column ``c`` (None: it can)."""
    if c.kind == TEXT:
        return None if isinstance(value, str) else "expected text"
    if c.kind == GRADE:
        return None if _whole(value, top) else f"a grade is a whole number 1–{top}"
    if c.kind == TICK:
        return None if isinstance(value, bool) else "expected true (√) or false"
    if c.kind == CHOICE:
        ok = isinstance(value, str) and c.choice(value) is not None
        return None if ok else f"expected one of {', '.join(x.id for x in c.choices)}"
    if c.kind == YEARS:
        years = _years(value)
        return None if years is not None and years >= 0 else "expected a number of years ≥ 0"
    # the ★ column: a cell only where the table's ★ is given per row (table 9, decision T8)
    if t.rating != PER_ROW:
        return f"the ★ of table {t.number} is given per 环, not per row"
    return None if _whole(value, top) else f"★ is a whole number 1–{top}"


def _check_table(
    r: TechSystemRubric, t: Table, a: TableAnswers, links: set[str], at: str
) -> list[tuple[str, str]]:
    top = r.framework.grade_count
    out: list[tuple[str, str]] = []
    if a.not_involved and (a.rows or a.stars):
        out.append((at, "不涉及 cannot go with rows or a ★ (decision T16)"))
    enterprise = t.number == r.advisory.enterprise_reference.table
    for i, row in enumerate(a.rows):
        rat = f"{at}.rows[{i}]"
        if row.segment not in links:
            out.append((f"{rat}.segment", f"no 环 {row.segment!r}"))
        if enterprise and row.domestic is None:
            out.append((f"{rat}.domestic", "say whether the enterprise is domestic or foreign"))
        if not enterprise and row.domestic is not None:
            out.append(
                (f"{rat}.domestic", "only the enterprise list's rows are domestic or foreign")
            )
        for key, value in row.cells.items():
            c = t.column(key)
            if c is None or c.id == SEGMENT_COLUMN:
                out.append((f"{rat}.cells.{key}", f"table {t.number} has no such column"))
            elif value is not None and (problem := _cell_problem(c, value, t, top)):
                out.append((f"{rat}.cells.{key}", problem))
    if a.stars and (t.rating == NO_RATING or t.rating == PER_ROW):
        where = "per software row" if t.rating == PER_ROW else "nowhere: it has no ★"
        out.append((f"{at}.stars", f"the ★ of table {t.number} is given {where}"))
    elif a.stars:
        for link, stars in a.stars.items():
            if link not in links:
                out.append((f"{at}.stars.{link}", f"no 环 {link!r}"))
            elif not _whole(stars, top):
                out.append((f"{at}.stars.{link}", f"★ is a whole number 1–{top}"))
    return out


def check_answers(r: TechSystemRubric, a: TechAnswers) -> None:
    """Raise ``AnswersError`` listing every problem: unknown 环, tables or columns, values that do
    not fit their column, a ★ where the table takes none, 不涉及 with content."""
    problems: list[tuple[str, str]] = []
    links = [s.id for s in a.segments]
    for i, link in enumerate(links):
        if not link or link in links[:i]:
            problems.append((f"segments[{i}].id", "环 ids must be non-empty and unique"))
    for number, table_answers in a.tables.items():
        t = r.table(number)
        if t is None:
            problems.append((f"tables.{number}", "no such table"))
        else:
            problems += _check_table(r, t, table_answers, set(links), f"tables.{number}")
    if problems:
        raise AnswersError(problems)


# ---- scoring ---------------------------------------------------------------------------------


def row_score(r: TechSystemRubric, t: Table, rule: AdvisoryTable, index: int, row: Row) -> RowScore:
    """The mean of the row's grades the rule counts, turned so that higher is better."""
    used: list[GradeUsed] = []
    for c in t.columns:
        value = row.cells.get(c.id)
        if c.id not in rule.inputs or c.scale is None or not isinstance(value, int):
            continue
        flipped = c.scale.direction == HIGHER_WORSE
        counted = r.advisory.flip_base - value if flipped else value
        used.append(GradeUsed(c.id, value, counted, flipped))
    left_out = tuple(c for c in rule.excluded if row.cells.get(c) is not None)
    score = _mean([g.counted for g in used]) if used else None
    return RowScore(index, tuple(used), left_out, score)


def _band(r: TechSystemRubric, rows: Sequence[tuple[int, Row]]) -> Band | None:
    """The band of the least mature class ticked in ``rows`` (None: nothing ticked)."""
    least = None
    ticked_by: list[int] = []
    for index, row in rows:
        mine = next((c for c in r.classes_by_maturity() if row.cells.get(c.column) is True), None)
        if mine is None:
            continue
        if least is None or mine.rank < least.rank:
            least, ticked_by = mine, [index]
        elif mine.rank == least.rank:
            ticked_by.append(index)
    return None if least is None else Band(least.stars, least.id, tuple(ticked_by))


def _rating(
    r: TechSystemRubric,
    t: Table,
    rule: AdvisoryTable,
    segment: str,
    rows: Sequence[tuple[int, Row]],
    own_row: int | None,
    user: int | None,
) -> Rating:
    scores = tuple(row_score(r, t, rule, i, row) for i, row in rows)
    usable = [s.score for s in scores if s.score is not None]
    score = _mean(usable) if usable else None
    rounded = None if score is None else stars_from_score(score, r.framework.grade_count)
    band = _band(r, rows) if rule.band else None
    advisory = band.stars.clamp(rounded) if band and rounded is not None else rounded
    reason = None
    if advisory is None:
        reason = NO_NUMERIC_GRADES if not rule.inputs else NO_GRADES
    outside = user is not None and band is not None and not band.stars.contains(user)
    return Rating(
        t.number, segment, own_row, scores, score, rounded, band, advisory, reason, user, outside
    )


def _ratings(r: TechSystemRubric, t: Table, a: TableAnswers, links: Sequence[str]) -> list[Rating]:
    rule = r.advisory.for_table(t.number)
    if rule is None:  # the rubric checks give every table with a ★ its entry
        raise ValueError(f"the advisory rule has no entry for table {t.number}")
    if t.rating == PER_ROW:
        stars = t.stars_column
        out = []
        for i, row in enumerate(a.rows):
            user = row.cells.get(stars.id) if stars else None
            mine = user if isinstance(user, int) and not isinstance(user, bool) else None
            out.append(_rating(r, t, rule, row.segment, [(i, row)], i, mine))
        return out
    return [
        _rating(
            r,
            t,
            rule,
            link,
            [(i, row) for i, row in enumerate(a.rows) if row.segment == link],
            None,
            a.stars.get(link),
        )
        for link in links
    ]


def _enterprise(
    r: TechSystemRubric, t: Table, a: TableAnswers, links: Sequence[str]
) -> list[EnterpriseValue]:
    ref = r.advisory.enterprise_reference
    coop = t.column(ref.cooperation_column)
    flip = coop is not None and coop.scale is not None and coop.scale.direction == HIGHER_WORSE
    out = []
    for link in links:
        rows = [(i, row) for i, row in enumerate(a.rows) if row.segment == link]
        domestic = [(i, row) for i, row in rows if row.domestic]
        levels = []
        for i, row in domestic:
            choice = row.cells.get(ref.level_column)
            value = ref.value_of(choice) if isinstance(choice, str) else None
            if value is not None:
                levels.append((i, value))
        only_foreign = bool(rows) and not domestic
        level_part: int | None = None
        if levels:
            level_part = max(v for _, v in levels)
        elif only_foreign:
            level_part = ref.no_domestic_value
        grades = []
        for i, row in domestic:
            g = row.cells.get(ref.cooperation_column)
            if isinstance(g, int) and not isinstance(g, bool):
                grades.append((i, r.advisory.flip_base - g if flip else g))
        coop_part = _mean([g for _, g in grades]) if grades else None
        parts = [p for p in (level_part, coop_part) if p is not None]
        out.append(
            EnterpriseValue(
                link,
                tuple(levels),
                only_foreign,
                level_part,
                tuple(grades),
                coop_part,
                _mean(parts) if parts else None,
            )
        )
    return out


def gap_overview(r: TechSystemRubric, a: TechAnswers) -> tuple[GapEntry, ...]:
    """Every row with a gap grade or a static breakthrough period, table by table (T14, T15)."""
    ov = r.gap_overview
    out: list[GapEntry] = []
    for gc in ov.columns:
        t, answers = r.table(gc.table), a.tables.get(gc.table)
        if t is None or answers is None or answers.not_involved:
            continue
        for i, row in enumerate(answers.rows):
            grade = row.cells.get(gc.gap)
            years = row.cells.get(gc.years) if gc.years else None
            g = grade if isinstance(grade, int) and not isinstance(grade, bool) else None
            y = _years(years)
            if g is None and y is None:
                continue
            label = row.cells.get(t.row_label) if t.row_label else None
            suggested = None if y is None else ov.grade_for(y)
            out.append(
                GapEntry(
                    table=t.number,
                    segment=row.segment,
                    row=i,
                    label=label if isinstance(label, str) else None,
                    grade=g,
                    years_band=None if g is None else ov.band_of(g),
                    years=y,
                    suggested=suggested,
                    agrees=None if g is None or suggested is None else g == suggested,
                )
            )
    return tuple(out)


def _met(c: PoolCriterion, value: Cell) -> int | bool | None:
    """``value`` when it meets the criterion (ticked; a grade among its grades), else None."""
    if c.kind == TICK:
        return True if value is True else None
    if isinstance(value, bool) or not isinstance(value, int):
        return None
    return value if value in c.grades else None


def propose(r: TechSystemRubric, a: TechAnswers) -> tuple[Proposal, ...]:
    """The rows proposed for each pool with the criteria they meet (decision T20; advisory, not
    official). Pure: reads the answers as given (``score_tech_system`` checks them first).

    Result: pool by pool in the order of the pools, then table, 环 in the answers' order, row. A
    table marked 不涉及, a table not given and a blank cell propose nothing."""
    order = {s.id: i for i, s in enumerate(a.segments)}
    out: list[Proposal] = []
    for rule in r.pool_rules():
        for number in sorted({n for c in rule.criteria for n in c.tables}):
            t, answers = r.table(number), a.tables.get(number)
            if t is None or answers is None or answers.not_involved:
                continue
            rows = enumerate(answers.rows)
            for i, row in sorted(rows, key=lambda x: (order.get(x[1].segment, -1), x[0])):
                reasons = []
                for c in rule.criteria:
                    value = _met(c, row.cells.get(c.column)) if number in c.tables else None
                    if value is not None:
                        reasons.append(Reason(c.id, c.column, value))
                if not reasons:
                    continue
                label = row.cells.get(t.row_label) if t.row_label else None
                out.append(
                    Proposal(
                        rule.pool,
                        number,
                        row.segment,
                        i,
                        label if isinstance(label, str) else None,
                        tuple(reasons),
                    )
                )
    return tuple(out)


def score_tech_system(r: TechSystemRubric, a: TechAnswers) -> TechResult:
    """The advisory result of the answers: per table its ratings (or reference values), the gap
    overview, the warnings and the pool proposals. Raises ``AnswersError`` when the answers do not
    fit the rubric."""
    check_answers(r, a)
    links = [s.id for s in a.segments]
    tables: list[TableResult] = []
    warnings: list[RaterWarning] = []
    for t in r.tables:
        answers = a.tables.get(t.number, TableAnswers())
        if answers.not_involved:
            tables.append(TableResult(t.number, True, (), ()))
        elif t.rating == NO_RATING:
            tables.append(
                TableResult(t.number, False, (), tuple(_enterprise(r, t, answers, links)))
            )
        else:
            ratings = _ratings(r, t, answers, links)
            tables.append(TableResult(t.number, False, tuple(ratings), ()))
            for x in ratings:
                if x.outside_band and x.band is not None and x.user is not None:
                    warnings.append(
                        RaterWarning(OUTSIDE_BAND, t.number, x.segment, x.row, x.user, x.band.stars)
                    )
    gaps = gap_overview(r, a)
    for e in gaps:
        if e.agrees is False and e.grade is not None and e.suggested is not None:
            expected = StarBand(e.suggested, e.suggested)
            warnings.append(
                RaterWarning(YEARS_DIFFER, e.table, e.segment, e.row, e.grade, expected)
            )
    return TechResult(False, tuple(tables), gaps, tuple(warnings), propose(r, a))
