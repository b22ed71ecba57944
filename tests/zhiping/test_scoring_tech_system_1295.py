"""The advisory ★ of the "1295" lists, rule by rule (shared/DECISIONS.md, technology innovation
system, reading inventory §9.5; the rubric's decisions T8–T16), and the rows proposed for the three
pools (decision T20), on the transcribed rubric (rubrics/tech-system-1295.yaml). Every expectation
is worked out by hand from the rule; the inventory's worked example is the first test."""

from __future__ import annotations

from fractions import Fraction
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from zhiping.model.tech_system_1295 import HIGHER_WORSE, StarBand, TechSystemRubric
from zhiping.scoring.tech_system_1295 import (
    NO_GRADES,
    NO_NUMERIC_GRADES,
    OUTSIDE_BAND,
    YEARS_DIFFER,
    AnswersError,
    Link,
    Rating,
    Row,
    TableAnswers,
    TableResult,
    TechAnswers,
    TechResult,
    score_tech_system,
    stars_from_score,
)

from .test_model_tech_system_1295 import raw

M = TechSystemRubric.from_dict(raw())
HOUSING, DRIVE = "housing", "drive"  # two 环 of an imaginary product
LINKS = (Link(HOUSING, "壳体"), Link(DRIVE, "驱动"))


def score(tables: dict[int, TableAnswers], links: tuple[Link, ...] = LINKS) -> TechResult:
    return score_tech_system(M, TechAnswers("示例产品", links, tables))


def table(number: int, *rows: Row, stars: dict[str, int] | None = None) -> TableResult:
    return score({number: TableAnswers(rows=rows, stars=stars or {})}).table(number)


def rating(number: int, *rows: Row, stars: dict[str, int] | None = None) -> Rating:
    """The rating of the 环 ``housing``."""
    return next(x for x in table(number, *rows, stars=stars).ratings if x.segment == HOUSING)


def row(link: str = HOUSING, domestic: bool | None = None, **cells: Any) -> Row:
    return Row(link, cells, domestic)


# ---- the worked example and the arithmetic -------------------------------------------------------


def test_the_inventorys_worked_example() -> None:
    """表2: 国内外差距 4 (higher is worse → 2), 多样性 2, 稳定性 3 → 7/3 = 2.33 → ★2."""
    x = rating(2, row(gap_rating=4, diversity=2, stability=3))
    (r,) = x.rows
    assert [(g.column, g.entered, g.counted, g.flipped) for g in r.used] == [
        ("gap_rating", 4, 2, True),
        ("diversity", 2, 2, False),
        ("stability", 3, 3, False),
    ]
    assert r.score == x.score == Fraction(7, 3)
    assert (x.rounded, x.advisory, x.reason) == (2, 2, None)


@pytest.mark.parametrize(("gap", "stars"), [(1, 5), (2, 4), (3, 3), (4, 2), (5, 1)])
def test_a_higher_is_worse_grade_counts_as_six_minus_it(gap: int, stars: int) -> None:
    """表5 has one grade, 差距和赶超难度 (数字越大代表差距和赶超难度越大)."""
    assert rating(5, row(gap=gap)).advisory == stars


def test_the_link_score_is_the_mean_of_row_means_not_of_all_grades() -> None:
    """表8: row 1 rates 5, 5, 5 (mean 5), row 2 only 1 (mean 1): (5 + 1) / 2 = 3 → ★3. One mean over
    all four grades would be 16/4 = 4 → ★4."""
    x = rating(8, row(digital=5, green=5, platform=5), row(digital=1))
    assert [r.score for r in x.rows] == [5, 1]
    assert x.score == 3 and x.advisory == 3


@pytest.mark.parametrize(
    ("score", "stars"),
    [
        (Fraction(5, 2), 3),  # halves go up
        (Fraction(249, 100), 2),
        (Fraction(7, 2), 4),
        (Fraction(9, 2), 5),
        (Fraction(3), 3),
        (Fraction(1, 3), 1),  # clamped up to 1
        (Fraction(0), 1),
        (Fraction(11, 2), 5),  # clamped down to 5
    ],
)
def test_the_rounding_rule(score: Fraction, stars: int) -> None:
    assert stars_from_score(score) == stars


def test_two_and_a_half_gives_three_stars() -> None:
    """表4: 成熟度 3, 差距 4 (→ 2): (3 + 2) / 2 = 2.5 → ★3."""
    x = rating(4, row(maturity=3, gap=4))
    assert x.score == Fraction(5, 2) and x.advisory == 3


def test_just_below_two_and_a_half_gives_two_stars() -> None:
    """表2: 差距 5 (→ 1), 多样性 3, 稳定性 3: 7/3 → ★2; exact, never a float near 2.5."""
    assert rating(2, row(gap_rating=5, diversity=3, stability=3)).advisory == 2


# ---- blanks, exclusions and missing grades -------------------------------------------------------


def test_a_blank_grade_is_absent_not_zero() -> None:
    """表2: 差距 blank, 多样性 4, 稳定性 2 → (4 + 2) / 2 = 3 → ★3 (a 0 would count as 6 or as 0)."""
    x = rating(2, row(diversity=4, stability=2), row(gap_rating=None, diversity=None, stability=3))
    assert [r.score for r in x.rows] == [3, 3]
    assert x.advisory == 3


def test_a_row_without_a_counted_grade_is_left_out_of_its_links_mean() -> None:
    """表1: row 1 has only 基础共性程度 (excluded), row 2 水平 2 and 差距 4 (→ 2): the 环
    scores 2."""
    x = rating(1, row(technology="甲", commonality=5), row(level=2, gap=4))
    assert x.rows[0].score is None and x.rows[0].left_out == ("commonality",)
    assert x.score == 2 and x.advisory == 2


@pytest.mark.parametrize("commonality", [None, 1, 3, 5])
def test_commonality_never_changes_the_advisory(commonality: int | None) -> None:
    x = rating(1, row(level=3, gap=3, commonality=commonality))
    assert x.advisory == 3
    assert [g.column for g in x.rows[0].used] == ["level", "gap"]


def test_a_link_without_a_counted_grade_has_no_advisory_and_says_why() -> None:
    result = table(2, row(DRIVE, material="碳纤维", foreign="甲公司"))
    assert [(x.segment, x.advisory, x.reason) for x in result.ratings] == [
        (HOUSING, None, NO_GRADES),  # no row at all
        (DRIVE, None, NO_GRADES),  # only text
    ]


def test_the_static_breakthrough_period_never_counts() -> None:
    """表5: 差距 2 (→ 4) with 20 years → ★4; years alone leave the 环 without an advisory ★."""
    assert rating(5, row(gap=2, static_years=20)).advisory == 4
    x = rating(5, row(static_years=7))
    assert (x.advisory, x.reason) == (None, NO_GRADES)


# ---- table 1: the technology classes' band -------------------------------------------------------


def test_a_mature_technology_lifts_the_advisory_into_its_band() -> None:
    """水平 2, 差距 4 (→ 2): 2 → ★2, but 成熟的可大面积推广的技术 puts the 环 in ★4–5 → ★4."""
    x = rating(1, row(level=2, gap=4, mature=True))
    assert x.rounded == 2 and x.band is not None
    assert (x.band.stars, x.band.tech_class, x.band.rows) == (StarBand(4, 5), "mature", (0,))
    assert x.advisory == 4


def test_the_least_mature_class_ticked_in_the_link_sets_the_band() -> None:
    """Row 1 成熟 with 水平 5 and 差距 1 (→ ★5); row 2 无自主能力 → band ★1 → ★1."""
    x = rating(1, row(level=5, gap=1, mature=True), row(technology="乙", no_autonomy=True))
    assert x.rounded == 5 and x.band is not None
    assert (x.band.stars, x.band.tech_class, x.band.rows) == (StarBand(1, 1), "no_autonomy", (1,))
    assert x.advisory == 1


def test_a_row_ticking_two_classes_counts_with_the_less_mature() -> None:
    x = rating(1, row(level=5, gap=1, needs_industrialization=True, mature=True))
    assert x.band is not None and x.band.stars == StarBand(2, 3)
    assert x.advisory == 3


def test_no_tick_no_band_and_a_false_tick_is_no_tick() -> None:
    x = rating(1, row(level=2, gap=4, mature=False))
    assert x.band is None and x.advisory == 2


def test_the_band_of_one_link_does_not_touch_another() -> None:
    result = table(1, row(level=5, gap=1), row(DRIVE, level=5, gap=1, no_autonomy=True))
    assert [(x.segment, x.advisory) for x in result.ratings] == [(HOUSING, 5), (DRIVE, 1)]


@pytest.mark.parametrize(("user", "warned"), [(1, True), (2, False), (3, False), (4, True)])
def test_the_raters_stars_outside_the_band_warn_and_the_ends_are_inside(
    user: int, warned: bool
) -> None:
    result = score(
        {
            1: TableAnswers(
                rows=(row(level=3, gap=3, needs_industrialization=True),), stars={HOUSING: user}
            )
        }
    )
    x = result.table(1).ratings[0]
    assert (x.user, x.advisory, x.outside_band) == (user, 3, warned)
    expected = [(OUTSIDE_BAND, 1, HOUSING, None, user, StarBand(2, 3))] if warned else []
    assert [(w.code, w.table, w.segment, w.row, w.given, w.expected) for w in result.warnings] == (
        expected
    )


def test_the_band_warns_even_without_an_advisory() -> None:
    """Only a tick, no grade: no advisory ★, but the rater's ★5 against 无自主能力's ★1 warns."""
    result = score({1: TableAnswers(rows=(row(no_autonomy=True),), stars={HOUSING: 5})})
    x = result.table(1).ratings[0]
    assert (x.advisory, x.reason, x.outside_band) == (None, NO_GRADES, True)
    assert [w.code for w in result.warnings] == [OUTSIDE_BAND]


def test_the_raters_stars_are_kept_beside_the_advisory() -> None:
    """The rater's ★ always wins: it is reported as given, whatever the advisory says."""
    x = rating(2, row(gap_rating=1, diversity=5, stability=5), stars={HOUSING: 1})
    assert (x.user, x.advisory, x.outside_band) == (1, 5, False)


# ---- tables without a computed ★: 7 (no numeric grades) and 3 (no ★ at all) ----------------------


def test_the_standards_list_has_no_numeric_grades() -> None:
    x = rating(
        7, row(international_standards="ISO 1", domestic_standards="GB/T 1"), stars={HOUSING: 2}
    )
    assert (x.advisory, x.reason, x.user, x.rows[0].used) == (None, NO_NUMERIC_GRADES, 2, ())


def test_the_quality_list_computes_from_its_gap_grade() -> None:
    assert rating(6, row(technology="校准技术", gap=2)).advisory == 4
    overall = M.table(6).stars_column  # type: ignore[union-attr]
    assert overall is not None and overall.stars is not None and len(overall.stars.definitions) == 5


def test_the_enterprise_list_has_no_stars_only_a_reference_value() -> None:
    """Domestic 国内领先 (3) and 国际先进 (4) → best 4; cooperation 3 and 5 → 4; value
    (4 + 4) / 2 = 4. The foreign enterprise's 国际领先 and cooperation 1 do not count."""
    result = table(
        3,
        row(domestic=False, name="外甲", level="international_leading", cooperation=1),
        row(domestic=True, name="内甲", level="domestic_leading", cooperation=3),
        row(domestic=True, name="内乙", level="international_advanced", cooperation=5),
    )
    assert result.ratings == ()
    ref = next(x for x in result.reference if x.segment == HOUSING)
    assert ref.levels == ((1, 3), (2, 4)) and ref.level_part == 4
    assert ref.cooperation == ((1, 3), (2, 5)) and ref.cooperation_part == 4
    assert ref.value == 4 and not ref.only_foreign


def test_the_reference_value_is_exact_and_never_rounded_to_stars() -> None:
    """国内先进 (2) and cooperation 5: (2 + 5) / 2 = 7/2, kept as 3.5."""
    ref = table(3, row(domestic=True, level="domestic_advanced", cooperation=5)).reference[0]
    assert ref.value == Fraction(7, 2)


def test_only_foreign_enterprises_count_one() -> None:
    ref = table(3, row(domestic=False, level="international_leading", cooperation=5)).reference[0]
    assert (ref.only_foreign, ref.level_part, ref.cooperation_part, ref.value) == (True, 1, None, 1)


def test_the_reference_value_uses_the_parts_filled() -> None:
    refs = table(
        3, row(domestic=True, cooperation=2), row(DRIVE, domestic=True, name="丙")
    ).reference
    assert [(x.segment, x.level_part, x.value) for x in refs] == [
        (HOUSING, None, 2),
        (DRIVE, None, None),
    ]


def test_no_enterprise_listed_no_reference_value() -> None:
    refs = table(3).reference
    assert [(x.segment, x.only_foreign, x.value) for x in refs] == [
        (HOUSING, False, None),
        (DRIVE, False, None),
    ]


# ---- table 9: per software row -------------------------------------------------------------------


def test_the_key_software_list_is_rated_per_software_row() -> None:
    result = table(
        9,
        row(DRIVE, software="甲CAD", category="rd_design", gap=1, overall=4),
        row(DRIVE, software="乙MES", category="production_control", gap=4),
    )
    got = [(x.segment, x.row, x.advisory, x.user) for x in result.ratings]
    assert got == [(DRIVE, 0, 5, 4), (DRIVE, 1, 2, None)]


def test_the_key_software_list_takes_no_stars_per_link() -> None:
    with pytest.raises(AnswersError, match="per software row"):
        table(9, row(software="甲"), stars={HOUSING: 3})


# ---- 不涉及 --------------------------------------------------------------------------------------


def test_a_table_not_involved_gives_nothing() -> None:
    result = score(
        {5: TableAnswers(not_involved=True), 9: TableAnswers(rows=(row(gap=2, static_years=2),))}
    )
    assert result.table(5) == TableResult(5, True, (), ())
    assert [g.table for g in result.gaps] == [9]


def test_a_table_not_given_is_not_the_same_as_not_involved() -> None:
    t = score({}).table(4)
    assert not t.not_involved and [x.reason for x in t.ratings] == [NO_GRADES, NO_GRADES]


@pytest.mark.parametrize(
    "answers",
    [
        TableAnswers(not_involved=True, rows=(Row(HOUSING, {"gap": 3}),)),
        TableAnswers(not_involved=True, stars={HOUSING: 3}),
    ],
)
def test_not_involved_with_rows_or_stars_is_an_error(answers: TableAnswers) -> None:
    with pytest.raises(AnswersError, match="T16"):
        score({5: answers})


# ---- the gap overview in years -------------------------------------------------------------------


def test_a_gap_row_shows_its_years_and_the_grade_its_static_years_suggest() -> None:
    result = score({5: TableAnswers(rows=(row(equipment="五轴机床", gap=3, static_years=4),))})
    (g,) = result.gaps
    assert (g.table, g.segment, g.row, g.label, g.grade) == (5, HOUSING, 0, "五轴机床", 3)
    assert g.years_band is not None and (g.years_band.min, g.years_band.max) == (3, 5)
    assert (g.years, g.suggested, g.agrees) == (4, 3, True)
    assert result.warnings == ()


@pytest.mark.parametrize(
    ("years", "suggested"),
    [
        (0, 1),
        (Fraction(1, 2), 2),
        (3, 2),
        (Fraction(7, 2), 3),
        (5, 3),
        (10, 4),
        (Fraction(21, 2), 5),
    ],
)
def test_the_static_years_suggest_a_gap_grade_by_decision_t14(
    years: Fraction, suggested: int
) -> None:
    (g,) = score({9: TableAnswers(rows=(row(software="甲", static_years=years),))}).gaps
    assert (g.grade, g.suggested, g.agrees) == (None, suggested, None)


def test_years_that_suggest_another_grade_warn_and_never_fill_a_blank() -> None:
    result = score(
        {
            9: TableAnswers(
                rows=(
                    row(software="甲", gap=3, static_years=3),  # 3 years → grade 2, not 3
                    row(DRIVE, software="乙", static_years=12),  # no grade: suggested 5, not filled
                )
            )
        }
    )
    assert [(w.code, w.table, w.row, w.given, w.expected) for w in result.warnings] == [
        (YEARS_DIFFER, 9, 0, 3, StarBand(2, 2))
    ]
    drive = next(x for x in result.table(9).ratings if x.row == 1)
    assert (drive.advisory, drive.reason) == (None, NO_GRADES)
    assert [(g.grade, g.suggested) for g in result.gaps] == [(3, 2), (None, 5)]


def test_the_overview_lists_the_gap_grades_of_tables_1_4_5_6_9_only() -> None:
    result = score(
        {
            1: TableAnswers(rows=(row(technology="甲", gap=2),)),
            2: TableAnswers(rows=(row(gap_rating=4),)),  # not in years: not listed
            4: TableAnswers(rows=(row(tool="乙", gap=5),)),
            6: TableAnswers(rows=(row(technology="丙", gap=1),)),
        }
    )
    got = [
        (g.table, g.label, g.grade, g.years_band.max if g.years_band else "-") for g in result.gaps
    ]
    assert got == [(1, "甲", 2, 3), (4, "乙", 5, None), (6, "丙", 1, 0)]


# ---- answers that do not fit ---------------------------------------------------------------------

BAD: list[tuple[dict[int, TableAnswers], str]] = [
    ({1: TableAnswers(rows=(row(level=0),))}, "tables.1.rows[0].cells.level"),
    ({1: TableAnswers(rows=(row(level=6),))}, "tables.1.rows[0].cells.level"),
    ({1: TableAnswers(rows=(row(level=Fraction(5, 2)),))}, "tables.1.rows[0].cells.level"),
    ({1: TableAnswers(rows=(row(level=True),))}, "tables.1.rows[0].cells.level"),
    ({1: TableAnswers(rows=(row(level="3"),))}, "tables.1.rows[0].cells.level"),
    ({1: TableAnswers(rows=(row(mature="√"),))}, "tables.1.rows[0].cells.mature"),
    ({1: TableAnswers(rows=(row(overall=3),))}, "tables.1.rows[0].cells.overall"),
    ({1: TableAnswers(rows=(row(colour="red"),))}, "tables.1.rows[0].cells.colour"),
    ({1: TableAnswers(rows=(row(segment="壳体"),))}, "tables.1.rows[0].cells.segment"),
    ({1: TableAnswers(rows=(row("gearbox", level=3),))}, "tables.1.rows[0].segment"),
    ({1: TableAnswers(rows=(row(domestic=True, level=3),))}, "tables.1.rows[0].domestic"),
    ({1: TableAnswers(stars={HOUSING: 0})}, "tables.1.stars.housing"),
    ({1: TableAnswers(stars={"gearbox": 3})}, "tables.1.stars.gearbox"),
    ({3: TableAnswers(rows=(row(name="甲"),))}, "tables.3.rows[0].domestic"),
    (
        {3: TableAnswers(rows=(row(domestic=True, level="world_class"),))},
        "tables.3.rows[0].cells.level",
    ),
    ({3: TableAnswers(stars={HOUSING: 3})}, "tables.3.stars"),
    ({5: TableAnswers(rows=(row(static_years=-1),))}, "tables.5.rows[0].cells.static_years"),
    ({5: TableAnswers(rows=(row(static_years=2.5),))}, "tables.5.rows[0].cells.static_years"),
    ({9: TableAnswers(rows=(row(category="games"),))}, "tables.9.rows[0].cells.category"),
    ({9: TableAnswers(rows=(row(overall=6),))}, "tables.9.rows[0].cells.overall"),
    ({10: TableAnswers()}, "tables.10"),
]


@pytest.mark.parametrize(("tables", "path"), BAD, ids=[p for _, p in BAD])
def test_answers_that_do_not_fit_are_refused_with_their_path(
    tables: dict[int, TableAnswers], path: str
) -> None:
    with pytest.raises(AnswersError) as err:
        score(tables)
    assert [p for p, _ in err.value.problems] == [path]


def test_every_problem_is_listed_at_once() -> None:
    with pytest.raises(AnswersError) as err:
        score(
            {1: TableAnswers(rows=(row(level=9, gap=0),))},
            links=(Link(HOUSING, "甲"), Link(HOUSING, "乙")),
        )
    assert [p for p, _ in err.value.problems] == [
        "segments[1].id",
        "tables.1.rows[0].cells.level",
        "tables.1.rows[0].cells.gap",
    ]


def test_the_result_is_never_official() -> None:
    assert score({}).official is False


# ---- properties ----------------------------------------------------------------------------------

RATED = [t.number for t in M.tables if (rule := M.advisory.for_table(t.number)) and rule.inputs]
GRADES = st.one_of(st.none(), st.integers(1, 5))


@st.composite
def filled(draw: st.DrawFn) -> tuple[int, list[dict[str, Any]]]:
    """A rated table and up to four rows in 环 housing, with any grades (blanks included) and,
    for table 1, any ticks."""
    number = draw(st.sampled_from(RATED))
    t = M.table(number)
    assert t is not None
    grade_cols = [c.id for c in t.columns if c.kind == "grade"]
    tick_cols = [c.id for c in t.columns if c.kind == "tick"]
    rows = []
    for _ in range(draw(st.integers(1, 4))):
        cells: dict[str, Any] = {c: draw(GRADES) for c in grade_cols}
        cells |= {c: draw(st.booleans()) for c in tick_cols}
        rows.append(cells)
    return number, rows


def advisories(number: int, rows: list[dict[str, Any]]) -> list[int | None]:
    t = table(number, *(Row(HOUSING, cells) for cells in rows))
    return [x.advisory for x in t.ratings if x.segment == HOUSING]


@settings(max_examples=150, deadline=None)
@given(filled(), st.data())
def test_a_better_grade_never_lowers_the_advisory(
    case: tuple[int, list[dict[str, Any]]], data: st.DataObject
) -> None:
    number, rows = case
    t = M.table(number)
    rule = M.advisory.for_table(number)
    assert t is not None and rule is not None
    spots = [
        (i, c)
        for i, cells in enumerate(rows)
        for c in rule.inputs
        if cells[c] is not None
        and (cells[c] > 1 if t.column(c).scale.direction == HIGHER_WORSE else cells[c] < 5)  # type: ignore[union-attr]
    ]
    if not spots:
        return
    i, c = data.draw(st.sampled_from(spots))
    better = [dict(cells) for cells in rows]
    worse = t.column(c).scale.direction == HIGHER_WORSE  # type: ignore[union-attr]
    better[i][c] += -1 if worse else 1
    for before, after in zip(advisories(number, rows), advisories(number, better), strict=True):
        assert (before is None) == (after is None)  # a grade changed, none appeared or vanished
        assert before is None or after is None or after >= before


@settings(max_examples=100, deadline=None)
@given(filled(), st.integers(1, 5))
def test_the_descriptive_grade_never_moves_the_advisory(
    case: tuple[int, list[dict[str, Any]]], commonality: int
) -> None:
    number, rows = case
    if number != 1:
        return
    changed = [cells | {"commonality": commonality} for cells in rows]
    assert advisories(1, changed) == advisories(1, rows)


@settings(max_examples=150, deadline=None)
@given(filled())
def test_the_advisory_stays_in_one_to_five_and_in_the_band(
    case: tuple[int, list[dict[str, Any]]],
) -> None:
    number, rows = case
    for x in table(number, *(Row(HOUSING, cells) for cells in rows)).ratings:
        if x.advisory is None:
            assert x.reason == NO_GRADES and x.score is None
            continue
        assert 1 <= x.advisory <= 5
        if x.band is not None:
            assert x.band.stars.contains(x.advisory)
        else:
            assert x.advisory == x.rounded


LEVELS = [
    "domestic_advanced",
    "domestic_leading",
    "international_advanced",
    "international_leading",
]


@settings(max_examples=100, deadline=None)
@given(
    st.lists(
        st.tuples(st.booleans(), st.one_of(st.none(), st.sampled_from(LEVELS)), GRADES),
        min_size=1,
        max_size=4,
    ),
    st.data(),
)
def test_a_better_enterprise_never_lowers_the_reference_value(
    rows: list[tuple[bool, str | None, int | None]], data: st.DataObject
) -> None:
    def value(rs: list[tuple[bool, str | None, int | None]]) -> Fraction | None:
        made = [row(domestic=d, level=lv, cooperation=g) for d, lv, g in rs]
        return table(3, *made).reference[0].value

    i = data.draw(st.integers(0, len(rows) - 1))
    domestic, level, coop = rows[i]
    better = list(rows)
    if level is not None and level != LEVELS[-1]:
        better[i] = (domestic, LEVELS[LEVELS.index(level) + 1], coop)
    elif coop is not None and coop < 5:
        better[i] = (domestic, level, coop + 1)
    before, after = value(rows), value(better)
    assert before is None or (after is not None and after >= before)


# ---- pool proposals (decision T20: ours, not official; the rater decides) ------------------------
# The rule, typed in from decision T20 (not read from the rubric): pool → criterion → (tables,
# column, the grades that meet it; None: met when ticked).
POOL_RULE: dict[str, dict[str, tuple[set[int], str, set[int] | None]]] = {
    "shortcoming": {
        "no_autonomy": ({1}, "no_autonomy", None),
        "large_gap": ({1, 4, 5, 6, 9}, "gap", {4, 5}),
        "material_gap": ({2}, "gap_rating", {4, 5}),
    },
    "strength": {
        "no_gap": ({1, 4, 5, 6, 9}, "gap", {1}),
        "material_strength": ({2}, "gap_rating", {1}),
        "leading_level": ({1}, "level", {5}),
    },
    "promotion": {"mature": ({1}, "mature", None)},
}
# The column naming a row, per table (the row labels of the annex's tables).
LABEL = {1: "technology", 2: "material", 4: "tool", 5: "equipment", 6: "technology", 9: "software"}

Got = tuple[str, int, str, int, str | None, tuple[tuple[str, str, int | bool], ...]]


def meets(value: Any, grades: set[int] | None) -> bool:
    """By the rule typed in: a tick is met by True; a grade by a whole number among ``grades``."""
    if grades is None:
        return value is True
    return type(value) is int and value in grades  # True == 1, so never a tick for a grade


def proposals(tables: dict[int, TableAnswers], links: tuple[Link, ...] = LINKS) -> list[Got]:
    """(pool, table, 环, row, label, ((criterion, column, value), …)) of every proposal."""
    return [
        (
            p.pool,
            p.table,
            p.segment,
            p.row,
            p.label,
            tuple((x.criterion, x.column, x.value) for x in p.reasons),
        )
        for p in score(tables, links).proposals
    ]


def one_row(number: int, **cells: Any) -> list[Got]:
    """The proposals of one row in 环 housing of table ``number``, named 甲."""
    return proposals({number: TableAnswers(rows=(row(**{LABEL[number]: "甲"}, **cells),))})


@pytest.mark.parametrize(
    ("number", "cells", "pool", "reason"),
    [
        (1, {"no_autonomy": True}, "shortcoming", ("no_autonomy", "no_autonomy", True)),
        *[
            (n, {"gap": g}, "shortcoming", ("large_gap", "gap", g))
            for n in (1, 4, 5, 6, 9)
            for g in (4, 5)
        ],
        (2, {"gap_rating": 4}, "shortcoming", ("material_gap", "gap_rating", 4)),
        (2, {"gap_rating": 5}, "shortcoming", ("material_gap", "gap_rating", 5)),
        *[(n, {"gap": 1}, "strength", ("no_gap", "gap", 1)) for n in (1, 4, 5, 6, 9)],
        (2, {"gap_rating": 1}, "strength", ("material_strength", "gap_rating", 1)),
        (1, {"level": 5}, "strength", ("leading_level", "level", 5)),
        (1, {"mature": True}, "promotion", ("mature", "mature", True)),
    ],
)
def test_each_criterion_alone_proposes_its_row_for_its_pool(
    number: int, cells: dict[str, Any], pool: str, reason: tuple[str, str, int | bool]
) -> None:
    assert one_row(number, **cells) == [(pool, number, HOUSING, 0, "甲", (reason,))]


@pytest.mark.parametrize(
    ("number", "cells"),
    [
        *[(n, {"gap": g}) for n in (1, 4, 5, 6, 9) for g in (2, 3)],  # 1–3 or 3–5 years behind
        (2, {"gap_rating": 2}),
        (2, {"gap_rating": 3}),  # “能用”: neither end
        *[(1, {"level": lv}) for lv in (1, 2, 3, 4)],  # only 5 is 国际领先
        (1, {"needs_industrialization": True}),  # the middle class goes to no pool
        (1, {"no_autonomy": False, "mature": False}),  # a tick set to false is no tick
        (1, {"commonality": 5}),  # descriptive: neither strong nor weak
        (2, {"diversity": 1, "stability": 5}),  # columns the rule does not read
        (4, {"maturity": 5}),
    ],
)
def test_the_middle_grades_and_other_columns_propose_nothing(
    number: int, cells: dict[str, Any]
) -> None:
    assert one_row(number, **cells) == []


def test_lists_the_rule_does_not_name_propose_nothing() -> None:
    enterprise = row(domestic=True, name="甲", level="international_leading", cooperation=5)
    got = proposals(
        {
            3: TableAnswers(rows=(enterprise,)),
            7: TableAnswers(rows=(row(international_standards="ISO 1"),)),
            8: TableAnswers(rows=(row(digital=5, green=1, platform=5),)),
        }
    )
    assert got == []


def test_a_row_meeting_two_criteria_of_a_pool_is_proposed_once_with_both_reasons() -> None:
    """无自主能力 ticked and 差距 5: one shortcoming proposal, the reasons in the rule's order."""
    both = (("no_autonomy", "no_autonomy", True), ("large_gap", "gap", 5))
    assert one_row(1, no_autonomy=True, gap=5) == [("shortcoming", 1, HOUSING, 0, "甲", both)]
    strong = (("no_gap", "gap", 1), ("leading_level", "level", 5))
    assert one_row(1, level=5, gap=1) == [("strength", 1, HOUSING, 0, "甲", strong)]


def test_a_row_can_be_in_two_pools() -> None:
    """A mature technology still 5–10 years behind: shortcoming (差距 4) and promotion (成熟)."""
    mature = ("promotion", 1, HOUSING, 0, "甲", (("mature", "mature", True),))
    assert one_row(1, mature=True, gap=4) == [
        ("shortcoming", 1, HOUSING, 0, "甲", (("large_gap", "gap", 4),)),
        mature,
    ]
    # 水平 5, 差距 1 and 成熟: strength with two reasons, and promotion
    strong = (("no_gap", "gap", 1), ("leading_level", "level", 5))
    assert one_row(1, mature=True, level=5, gap=1) == [
        ("strength", 1, HOUSING, 0, "甲", strong),
        mature,
    ]


def test_proposals_go_by_pool_then_table_then_link_then_row() -> None:
    tables = {
        9: TableAnswers(rows=(row(software="S", gap=4),)),
        1: TableAnswers(
            rows=(
                row(DRIVE, technology="A", gap=5),
                row(HOUSING, technology="B", gap=4),
                row(HOUSING, technology="C", gap=1),
                row(DRIVE, technology="D", mature=True),
            )
        ),
        2: TableAnswers(rows=(row(DRIVE, material="M", gap_rating=5),)),
    }
    got = [(p[0], p[1], p[2], p[3], p[4]) for p in proposals(tables)]
    assert got == [
        ("shortcoming", 1, HOUSING, 1, "B"),  # table 1, 环 housing first (the answers' order) …
        ("shortcoming", 1, DRIVE, 0, "A"),
        ("shortcoming", 2, DRIVE, 0, "M"),  # … then table 2 and table 9
        ("shortcoming", 9, HOUSING, 0, "S"),
        ("strength", 1, HOUSING, 2, "C"),
        ("promotion", 1, DRIVE, 3, "D"),
    ]
    # the 环 order is the answers', not the alphabet's
    reordered = [(p[1], p[2], p[3]) for p in proposals(tables, (LINKS[1], LINKS[0]))][:2]
    assert reordered == [(1, DRIVE, 0), (1, HOUSING, 1)]


def test_a_table_not_involved_proposes_nothing() -> None:
    got = proposals(
        {
            1: TableAnswers(not_involved=True),
            2: TableAnswers(rows=(row(material="M", gap_rating=5),)),
            5: TableAnswers(not_involved=True),
        }
    )
    assert [(p[0], p[1]) for p in got] == [("shortcoming", 2)]
    every = {n: TableAnswers(not_involved=True) for n in range(1, 10)}
    assert proposals(every) == []


def test_blank_grades_and_ticks_propose_nothing() -> None:
    assert one_row(1, no_autonomy=None, level=None, gap=None, mature=None) == []
    assert one_row(2, gap_rating=None) == []
    assert proposals({}) == []  # no table given


def test_a_row_without_a_label_is_proposed_without_one() -> None:
    assert proposals({5: TableAnswers(rows=(row(gap=1),))}) == [
        ("strength", 5, HOUSING, 0, None, (("no_gap", "gap", 1),))
    ]


def test_the_proposals_are_advisory() -> None:
    assert M.proposal.official is False and score({}).official is False
    assert M.proposal.label.zh == "建议，非官方" and M.proposal.decision == "T20"


POOLED = sorted(
    {n for rules in POOL_RULE.values() for tables, _, _ in rules.values() for n in tables}
)
TICKS = st.one_of(st.none(), st.booleans())


@st.composite
def pool_answers(draw: st.DrawFn) -> dict[int, TableAnswers]:
    """Some of the tables the rule reads: each not involved, or up to four rows in either 环 with
    any grades and ticks, blanks included."""
    out: dict[int, TableAnswers] = {}
    for number in draw(st.lists(st.sampled_from(POOLED), unique=True)):
        if draw(st.integers(0, 3)) == 0:
            out[number] = TableAnswers(not_involved=True)
            continue
        t = M.table(number)
        assert t is not None
        rows = []
        for _ in range(draw(st.integers(0, 4))):
            cells: dict[str, Any] = {c.id: draw(GRADES) for c in t.columns if c.kind == "grade"}
            cells |= {c.id: draw(TICKS) for c in t.columns if c.kind == "tick"}
            rows.append(Row(draw(st.sampled_from([HOUSING, DRIVE])), cells))
        out[number] = TableAnswers(rows=tuple(rows))
    return out


@settings(max_examples=200, deadline=None)
@given(pool_answers())
def test_every_proposal_holds_for_its_row_and_nothing_met_is_missed(
    tables: dict[int, TableAnswers],
) -> None:
    result = score(tables)
    found: dict[tuple[str, int, int], set[str]] = {}
    for p in result.proposals:
        answers = tables[p.table]
        assert not answers.not_involved and p.reasons
        assert answers.rows[p.row].segment == p.segment
        assert (p.pool, p.table, p.row) not in found  # each pool once per row
        found[(p.pool, p.table, p.row)] = {x.criterion for x in p.reasons}
        cells = answers.rows[p.row].cells
        for x in p.reasons:  # the reason holds for the row, by the rule typed in above
            tables_of, column, grades = POOL_RULE[p.pool][x.criterion]
            assert p.table in tables_of and x.column == column
            assert type(x.value) is type(cells[column]) and x.value == cells[column]
            assert meets(x.value, grades)
    for number, answers in tables.items():
        if answers.not_involved:
            continue
        for i, r in enumerate(answers.rows):
            for pool, rules in POOL_RULE.items():
                met = {
                    name
                    for name, (tables_of, column, grades) in rules.items()
                    if number in tables_of and meets(r.cells.get(column), grades)
                }
                assert found.get((pool, number, i), set()) == met
