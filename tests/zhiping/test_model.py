"""The model reads the rubric dict faithfully and mirrors it back."""

from __future__ import annotations

from fractions import Fraction

import pytest

from zhiping import catalog
from zhiping.model import ModelError, Range, Text, exact
from zhiping.model.sme import EnergyRow, Field, SmeRubric

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


def test_constrained_scenarios_carry_the_official_asterisk() -> None:
    # 《评测指标》 III (2), remark 1: “*”为约束性场景。 — not the ★ of the "1295" grades.
    r = rubric()
    assert r.scenario_constrained_mark == "*"
    assert r.scenario_constrained_note.zh == "“*”为约束性场景。"
    assert r.scenario_constrained_mark in r.scenario_constrained_note.en


def test_fields_know_which_wording_is_ours() -> None:
    # The official form has only blanks here: 具体数据为[ ]万元/年 (Q11),
    # 前年数据为[ ]吨标准煤 (Q12), 具体数值为[ ] (Q13, no unit either).
    ours = {(q.number, f.id): f.ours for q in rubric().questions for f in q.fields if f.ours}
    assert ours == {
        (11, "investment"): ("label",),
        (12, "energy_prev"): ("label",),
        (13, "pass_rate"): ("label", "unit"),
    }
    pass_rate = rubric().question(13).field("pass_rate")  # type: ignore[union-attr]
    assert pass_rate is not None and pass_rate.label_is_ours and pass_rate.unit_is_ours


def test_only_the_rows_printed_with_a_bare_factor_hide_their_unit() -> None:
    # Table 1 prints "1" with no unit for 生物质能（用于燃料） and 其他燃料, both measured
    # in 吨标准煤.
    bare = {row.id for row in rubric().energy if not row.factor_unit_printed}
    assert bare == {"biomass", "other_fuel"}
    assert all(rubric().energy_row(i).factor == 1 for i in bare)  # type: ignore[union-attr]


def test_new_fields_round_trip_on_their_own() -> None:
    field = Field(
        "pass_rate", Text("月均产品合格率", "pass rate"), Text("%", "%"), ours=("label", "unit")
    )
    assert Field.from_dict(field.to_dict(), "f") == field
    plain = Field("x", Text("上年成本", "cost"), Text("万元", "10,000 yuan"))
    assert "ours" not in plain.to_dict()
    row = EnergyRow(
        "biomass",
        Text("生物质能", "biomass"),
        Text("吨标准煤", "tce"),
        Fraction(1),
        Text("吨标准煤/吨标准煤", "tce/tce"),
        factor_unit_printed=False,
    )
    assert EnergyRow.from_dict(row.to_dict(), "r") == row
    assert row.to_dict()["factor_unit_printed"] is False


def test_a_bad_ours_value_names_its_path() -> None:
    with pytest.raises(ModelError) as err:
        Field.from_dict(
            {
                "id": "x",
                "label": {"zh": "甲", "en": "a"},
                "unit": {"zh": "台", "en": "units"},
                "ours": ["name"],
            },
            "questions[1].fields[0]",
        )
    assert err.value.path == "questions[1].fields[0].ours"


def test_a_missing_constrained_mark_names_its_path() -> None:
    raw = {
        k: v
        for k, v in catalog.bundle()["rubrics"]["sme-digital-level-2024"].items()
        if k != "scenario_constrained_mark"
    }
    with pytest.raises(ModelError) as err:
        SmeRubric.from_dict(raw)
    assert err.value.path == ".scenario_constrained_mark"
