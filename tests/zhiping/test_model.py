"""The model reads the rubric dict faithfully and mirrors it back."""

from __future__ import annotations

from fractions import Fraction

import pytest

from zhiping import catalog
from zhiping.model import ModelError, Range, SmeRubric, Text, exact

from .helpers import CONSTRAINED, MULTI, SCENARIOS, SINGLE, rubric


def test_round_trip_through_to_dict_and_from_dict() -> None:
    r = rubric()
    assert SmeRubric.from_dict(r.to_dict()) == r


def test_questions_have_the_official_types_and_option_counts() -> None:
    r = rubric()
    got = {q.number: (q.type, len(q.options)) for q in r.questions}
    want = {n: ("multi", c) for n, c in MULTI.items()} | {
        n: ("single", c) for n, c in SINGLE.items()
    }
    assert got == want


def test_scenarios_are_the_official_sixteen_with_ten_constrained() -> None:
    r = rubric()
    assert [s.id for s in r.scenarios] == SCENARIOS
    assert {s.id for s in r.scenarios if s.constrained} == CONSTRAINED
    assert all(len(s.levels) == 4 for s in r.scenarios)


@pytest.mark.parametrize(
    ("number", "points"),
    # effective maximum per question = w1 × w2 × w3 × 100 (A1 for 14/15)
    [
        (1, 8),
        (2, 6),
        (3, 6),
        (4, 10),
        (5, 10),
        (6, 5),
        (7, 5),
        (8, "7.5"),
        (9, "7.5"),
        (10, "7.5"),
        (11, "7.5"),
        (12, 7),
        (13, 7),
        (14, 3),
        (15, 3),
    ],
)
def test_question_weights_match_the_official_tree(number: int, points: int | str) -> None:
    r = rubric()
    assert r.weight_of(number) * 100 == Fraction(str(points))


def test_levels_have_the_official_thresholds() -> None:
    got = [(lv.min_score, lv.min_scenarios, lv.min_constrained) for lv in rubric().levels]
    assert got == [(20, 6, 3), (40, 6, 3), (60, 8, 5), (80, 10, 6)]


def test_energy_factors_are_exact_decimals() -> None:
    r = rubric()
    row = r.energy_row("electricity")
    assert row is not None and row.factor == Fraction("1.229")
    assert r.energy_row("blast_furnace_gas").factor == Fraction("1.286")  # type: ignore[union-attr]


def test_floats_are_refused_as_rubric_numbers() -> None:
    with pytest.raises(ModelError) as err:
        exact(0.1, "levels[0].min_score")
    assert err.value.path == "levels[0].min_score"


def test_from_dict_names_the_bad_path() -> None:
    raw = catalog.bundle()["rubrics"]["sme-digital-level-2024"]
    broken = {
        **raw,
        "questions": [{**raw["questions"][0], "stem": {"zh": "x"}}, *raw["questions"][1:]],
    }
    with pytest.raises(ModelError) as err:
        SmeRubric.from_dict(broken)
    assert err.value.path == ".questions[0].stem.en"


def test_range_bounds_follow_the_brackets() -> None:
    band = Range(Fraction(10), Fraction(20), min_inclusive=False, max_inclusive=True)  # (10%, 20%]
    assert not band.contains(Fraction(10))
    assert band.contains(Fraction(20))
    assert band.contains(Fraction("10.01"))


def test_text_picks_the_language() -> None:
    assert Text("中", "en").get("en") == "en"
    assert Text("中", "en").get("zh") == "中"
