"""The "1295" technology innovation system model and its checks, on the transcribed rubric
(rubrics/tech-system-1295.yaml)."""

from __future__ import annotations

import json
from fractions import Fraction
from functools import cache
from pathlib import Path
from typing import Any

import pytest
import yaml

from zhiping.model.common import ModelError
from zhiping.model.tech_system_1295 import (
    GRADE,
    HIGHER_WORSE,
    PER_ROW,
    TICK,
    ProposalRule,
    StarBand,
    TechDecision,
    TechSystemRubric,
)
from zhiping.validate.tech_system_1295 import check_tech_system_1295

RUBRICS = Path(__file__).resolve().parents[2] / "rubrics"
FILE = RUBRICS / "tech-system-1295.yaml"


@cache
def _loaded() -> dict[str, Any]:
    data: dict[str, Any] = yaml.safe_load(FILE.read_text("utf-8"))
    return data


def raw() -> dict[str, Any]:
    """A fresh copy of the rubric's data. The YAML shares some scales and notes by anchors; the copy
    goes through JSON, which unshares them (deepcopy would keep them shared), so a change stays
    where it is made."""
    copied: dict[str, Any] = json.loads(json.dumps(_loaded()))
    return copied


def issues(data: dict[str, Any]) -> list[tuple[str, str]]:
    model = TechSystemRubric.from_dict(data)
    return [(i.path, i.code) for i in check_tech_system_1295(model, data, "f.yaml")]


def cols(data: dict[str, Any], table: int) -> list[dict[str, Any]]:
    found: list[dict[str, Any]] = data["tables"][table - 1]["columns"]
    return found


def col(data: dict[str, Any], table: int, column: str) -> dict[str, Any]:
    return next(c for c in cols(data, table) if c["id"] == column)


def at(data: dict[str, Any], table: int, column: str) -> int:
    return next(i for i, c in enumerate(cols(data, table)) if c["id"] == column)


def test_the_transcription_reads_and_passes_every_check() -> None:
    m = TechSystemRubric.from_dict(raw())
    assert m.id == "tech-system-1295" and m.family == "tech_system_1295"
    assert [t.number for t in m.tables] == list(range(1, 10))
    assert (m.framework.line_count, m.framework.list_count, m.framework.grade_count) == (2, 9, 5)
    assert m.advisory.official is False and m.gap_overview.official is False
    assert issues(raw()) == []


def test_lookups() -> None:
    m = TechSystemRubric.from_dict(raw())
    t1, t3, t9 = m.table(1), m.table(3), m.table(9)
    assert t1 is not None and t3 is not None and t9 is not None and m.table(10) is None
    assert t3.stars_column is None and t9.rating == PER_ROW
    assert t9.stars_column is not None and t9.stars_column.id == "overall"
    gap = t1.column("gap")
    assert gap is not None and gap.scale is not None and gap.scale.direction == HIGHER_WORSE
    assert [c.id for c in m.classes_by_maturity()] == [
        "no_autonomy",
        "needs_industrialization",
        "mature",
    ]
    assert [c.stars for c in m.classes_by_maturity()] == [
        StarBand(1, 1),
        StarBand(2, 3),
        StarBand(4, 5),
    ]
    assert m.advisory.enterprise_reference.value_of("domestic_leading") == 3
    assert m.advisory.enterprise_reference.value_of("moon") is None
    rule = m.advisory.for_table(1)
    assert rule is not None and rule.band and m.advisory.for_table(3) is None


def test_gap_years_are_exact_and_read_by_decision_t14() -> None:
    m = TechSystemRubric.from_dict(raw())
    ov = m.gap_overview
    assert [ov.grade_for(Fraction(y)) for y in (0, 1, 3, 4, 5, 10, 11)] == [1, 2, 2, 3, 3, 4, 5]
    assert ov.grade_for(Fraction(1, 10)) == 2 and ov.grade_for(Fraction(-1)) is None
    band = ov.band_of(5)
    assert band is not None and band.max is None and band.contains(Fraction(1000))
    data = raw()
    data["gap_overview"]["bands"][1]["max"] = "2.5"
    data["gap_overview"]["bands"][2]["min"] = "2.5"
    again = TechSystemRubric.from_dict(data).gap_overview
    assert again.bands[1].max == Fraction(5, 2) and again.grade_for(Fraction(11, 4)) == 3


def test_decisions_round_trip_and_name_what_they_reuse() -> None:
    data = raw()
    m = TechSystemRubric.from_dict(data)
    t11 = next(d for d in m.decisions if d.id == "T11")
    assert (t11.reuses, t11.binding) == (("D2",), "decisions_md")
    for d, source in zip(m.decisions, data["decisions"], strict=True):
        assert d.to_dict() == source
        assert TechDecision.from_dict(d.to_dict(), "x") == d


def test_the_pool_proposal_rule_is_ours_and_round_trips() -> None:
    data = raw()
    m = TechSystemRubric.from_dict(data)
    p = m.proposal
    assert (p.official, p.decision, p.label.en) == (False, "T20", "advisory, not official")
    got = [
        (r.pool, [(c.id, c.kind, c.column, c.tables, c.grades) for c in r.criteria])
        for r in p.rules
    ]
    assert got == [
        (
            "shortcoming",
            [
                ("no_autonomy", TICK, "no_autonomy", (1,), ()),
                ("large_gap", GRADE, "gap", (1, 4, 5, 6, 9), (4, 5)),
                ("material_gap", GRADE, "gap_rating", (2,), (4, 5)),
            ],
        ),
        (
            "strength",
            [
                ("no_gap", GRADE, "gap", (1, 4, 5, 6, 9), (1,)),
                ("material_strength", GRADE, "gap_rating", (2,), (1,)),
                ("leading_level", GRADE, "level", (1,), (5,)),
            ],
        ),
        ("promotion", [("mature", TICK, "mature", (1,), ())]),
    ]
    assert p.to_dict() == data["libraries"]["proposal"]
    assert ProposalRule.from_dict(p.to_dict(), "x") == p


def test_pool_rules_follow_the_order_of_the_pools() -> None:
    data = raw()
    data["libraries"]["proposal"]["rules"].reverse()
    m = TechSystemRubric.from_dict(data)
    assert [r.pool for r in m.proposal.rules] == ["promotion", "strength", "shortcoming"]
    assert [r.pool for r in m.pool_rules()] == [x.id for x in m.libraries]
    assert [x.id for x in m.libraries] == ["shortcoming", "strength", "promotion"]


def _rule(d: dict[str, Any], pool: int, criterion: int) -> dict[str, Any]:
    """Criterion ``criterion`` of the ``pool``-th rule of the proposal."""
    found: dict[str, Any] = d["libraries"]["proposal"]["rules"][pool]["criteria"][criterion]
    return found


P = "libraries.proposal"


@pytest.mark.parametrize(
    ("change", "path"),
    [
        (lambda d: d.pop("tables"), "tables"),
        (lambda d: d["libraries"].pop("proposal"), P),
        (lambda d: d["libraries"]["proposal"].update(official="no"), f"{P}.official"),
        (lambda d: d["libraries"]["proposal"].update(rules={}), f"{P}.rules"),
        (lambda d: _rule(d, 0, 0).update(kind="choice"), f"{P}.rules[0].criteria[0].kind"),
        (lambda d: _rule(d, 0, 1).update(grades="4"), f"{P}.rules[0].criteria[1].grades"),
        (lambda d: _rule(d, 0, 1).update(tables=["1"]), f"{P}.rules[0].criteria[1].tables[0]"),
        (lambda d: _rule(d, 2, 0).pop("text"), f"{P}.rules[2].criteria[0].text"),
        (lambda d: d["tables"][0].update(number="1"), "tables[0].number"),
        (lambda d: d["tables"][0].update(rating="sometimes"), "tables[0].rating"),
        (lambda d: d["tables"][1].update(line="middle"), "tables[1].line"),
        (lambda d: d["tables"][0]["columns"][4].update(kind="slider"), "tables[0].columns[4].kind"),
        (
            lambda d: d["tables"][0]["columns"][4]["scale"].update(direction="up"),
            "tables[0].columns[4].scale.direction",
        ),
        (
            lambda d: d["tables"][0]["columns"][4]["scale"]["levels"][2].pop("text"),
            "tables[0].columns[4].scale.levels[2].text",
        ),
        (lambda d: d["tables"][0]["columns"][1].update(note="①"), "tables[0].columns[1].note"),
        (
            lambda d: d["tables"][0]["notes"][4].update(about="indicators"),
            "tables[0].notes[4].about",
        ),
        (
            lambda d: d["technology_classes"]["items"][1]["stars"].update(max="3"),
            "technology_classes.items[1].stars.max",
        ),
        (lambda d: d["advisory"].update(official="no"), "advisory.official"),
        (lambda d: d["advisory"]["tables"][0].update(inputs="level"), "advisory.tables[0].inputs"),
        (
            lambda d: d["gap_overview"]["bands"][1].update(max=3.0),
            "gap_overview.bands[1].max",
        ),
        (lambda d: d["framework"]["lines"].pop("items"), "framework.lines.items"),
        (lambda d: d["decisions"][0].update(binding="maybe"), "decisions[0].binding"),
        (lambda d: d["decisions"][0].update(reuses="D1"), "decisions[0].reuses"),
    ],
)
def test_a_malformed_copy_names_the_bad_path(change: Any, path: str) -> None:
    data = raw()
    change(data)
    with pytest.raises(ModelError) as err:
        TechSystemRubric.from_dict(data)
    assert err.value.path.startswith(path)


def _swap_gap_column(d: dict[str, Any]) -> None:
    d["gap_overview"]["columns"][0]["gap"] = "level"


BROKEN: list[tuple[Any, tuple[str, str]]] = [
    # the nine tables, numbered and counted
    (lambda d: d["tables"].pop(8), ("tables", "count")),
    (lambda d: d["tables"][3].update(number=7), ("tables", "numbering")),
    (lambda d: d["tables"][1].update(id="key_technology"), ("tables[1].id", "duplicate_id")),
    (lambda d: d["framework"]["lists"]["items"].pop(), ("framework.lists.items", "count")),
    (
        lambda d: d["framework"]["lines"]["items"][0]["tables"].append(4),
        (
            "framework.lines.items[0].tables[3]",
            "line",
        ),
    ),
    (lambda d: d["framework"]["lines"]["items"][1]["tables"].remove(9), ("tables[8].line", "line")),
    (
        lambda d: d["framework"]["lines"]["items"][1]["tables"].append(12),
        (
            "framework.lines.items[1].tables[6]",
            "unknown_ref",
        ),
    ),
    # columns: ids, the 环 first, kinds and their parts
    (lambda d: cols(d, 2)[3].update(id="domestic"), ("tables[1].columns[4].id", "duplicate_id")),
    (lambda d: cols(d, 4).reverse(), ("tables[3].columns[0]", "segment_column")),
    (
        lambda d: col(d, 1, "technology").update(kind="grade"),
        ("tables[0].columns[2].scale", "kind"),
    ),
    (
        lambda d: col(d, 1, "commonality").update(kind="text"),
        ("tables[0].columns[4].scale", "kind"),
    ),
    (lambda d: col(d, 9, "category").update(kind="text"), ("tables[8].columns[2].choices", "kind")),
    (
        lambda d: col(d, 1, "level")["scale"]["levels"].pop(),
        ("tables[0].columns[5].scale.levels", "levels"),
    ),
    (
        lambda d: col(d, 1, "level")["scale"]["levels"][4].update(level=6),
        ("tables[0].columns[5].scale.levels", "levels"),
    ),
    (
        lambda d: col(d, 6, "overall")["stars"]["definitions"].pop(),
        ("tables[5].columns[1].stars.definitions", "levels"),
    ),
    (
        lambda d: col(d, 2, "overall")["stars"].update(guidance=None),
        ("tables[1].columns[1].stars", "empty"),
    ),
    (
        lambda d: col(d, 3, "level")["choices"][1].update(id="international_leading"),
        ("tables[2].columns[6].choices[1].id", "duplicate_id"),
    ),
    # where the ★ is given
    (lambda d: d["tables"][2].update(rating="segment"), ("tables[2].rating", "rating")),
    (lambda d: d["tables"][1].update(rating="none"), ("tables[1].rating", "rating")),
    (lambda d: d["tables"][0].update(row_label="gap"), ("tables[0].row_label", "unknown_ref")),
    # groups and notes
    (
        lambda d: col(d, 1, "level").update(group="nowhere"),
        ("tables[0].columns[5].group", "unknown_ref"),
    ),
    (lambda d: col(d, 1, "indicators").update(group=None), ("tables[0].groups[0]", "order")),
    (
        lambda d: d["tables"][2]["groups"].append(
            {"id": "x", "header": {"zh": "甲", "en": "x"}, "note": None}
        ),
        ("tables[2].groups[0]", "empty"),
    ),
    (lambda d: col(d, 1, "level").update(note=7), ("tables[0].columns[5].note", "unknown_ref")),
    (lambda d: col(d, 1, "commonality").update(note=None), ("tables[0].notes[2]", "unreferenced")),
    (lambda d: d["tables"][0]["notes"][1].update(number=6), ("tables[0].notes", "numbering")),
    (
        lambda d: d["tables"][0]["notes"][4].update(about=["moon"]),
        ("tables[0].notes[4].about[0]", "unknown_ref"),
    ),
    (
        lambda d: d["tables"][0]["notes"][0].update(about=["overall"]),
        ("tables[0].notes[0].about", "about"),
    ),
    (
        lambda d: col(d, 1, "level")["scale"]["levels"][0]["text"].update(zh="自有技术能力强"),
        ("tables[0].columns[5].scale.levels[0]", "not_in_note"),
    ),
    (
        lambda d: col(d, 1, "level").update(note=3),
        ("tables[0].columns[5].scale.levels[0]", "not_in_note"),
    ),
    (
        lambda d: col(d, 7, "overall")["stars"]["definitions"][2]["text"].update(zh="标准较好"),
        ("tables[6].columns[1].stars.definitions[2]", "not_in_note"),
    ),
    # the technology classes' bands
    (
        lambda d: d["technology_classes"]["items"][1]["stars"].update(max=6),
        ("technology_classes.items[1].stars", "band"),
    ),
    (
        lambda d: d["technology_classes"]["items"][1]["stars"].update(min=3, max=2),
        ("technology_classes.items[1].stars", "band"),
    ),
    (
        lambda d: d["technology_classes"]["items"][2]["stars"].update(min=3),
        ("technology_classes.items[2].stars", "band"),
    ),
    (
        lambda d: d["technology_classes"]["items"][1].update(column="gap"),
        ("technology_classes.items[1].column", "unknown_ref"),
    ),
    (
        lambda d: d["technology_classes"]["items"][0].update(rank=2),
        ("technology_classes.items", "numbering"),
    ),
    (
        lambda d: d["technology_classes"]["items"][2]["stages"].pop(),
        ("technology_classes.items[2].stages", "band"),
    ),
    (
        lambda d: d["technology_classes"]["items"][0]["stages"][0]["text"].update(zh="完全自主"),
        ("technology_classes.items[0].stages[0]", "not_in_note"),
    ),
    # the advisory rule names only grade columns that exist, and all of them
    (
        lambda d: d["advisory"]["tables"][0]["inputs"].append("moon"),
        (
            "advisory.tables[0].inputs[2]",
            "unknown_ref",
        ),
    ),
    (
        lambda d: d["advisory"]["tables"][0]["inputs"].append("technology"),
        (
            "advisory.tables[0].inputs[2]",
            "unknown_ref",
        ),
    ),
    (
        lambda d: d["advisory"]["tables"][0].update(excluded=[]),
        ("advisory.tables[0]", "unaccounted"),
    ),
    (
        lambda d: d["advisory"]["tables"][0].update(
            inputs=["level", "gap", "commonality"], excluded=[]
        ),
        (
            "advisory.tables[0].inputs[2]",
            "direction",
        ),
    ),
    (lambda d: d["advisory"]["tables"][1].update(band=True), ("advisory.tables[1].band", "band")),
    (lambda d: d["advisory"]["tables"].pop(5), ("advisory.tables", "missing")),
    (lambda d: d["advisory"]["tables"][1].update(table=3), ("advisory.tables[1].table", "rating")),
    (
        lambda d: d["advisory"]["tables"][2].update(table=1),
        ("advisory.tables[2].table", "duplicate_id"),
    ),
    (lambda d: d["advisory"].update(flip_base=5), ("advisory.flip_base", "flip_base")),
    (
        lambda d: d["advisory"]["enterprise_reference"]["level_values"].pop(),
        ("advisory.enterprise_reference.level_values", "unaccounted"),
    ),
    (
        lambda d: d["advisory"]["enterprise_reference"]["level_values"][0].update(value=9),
        ("advisory.enterprise_reference.level_values", "levels"),
    ),
    (
        lambda d: d["advisory"]["enterprise_reference"].update(cooperation_column="patents"),
        ("advisory.enterprise_reference.cooperation_column", "unknown_ref"),
    ),
    (
        lambda d: d["advisory"]["enterprise_reference"].update(table=2),
        ("advisory.enterprise_reference.table", "rating"),
    ),
    # the gap overview
    (_swap_gap_column, ("gap_overview.columns[0].gap", "unknown_ref")),
    (
        lambda d: d["gap_overview"]["columns"][2].update(years=None),
        ("gap_overview.columns", "unaccounted"),
    ),
    (
        lambda d: d["gap_overview"]["bands"][2].update(min=4),
        ("gap_overview.bands[2]", "band"),
    ),
    (
        lambda d: d["gap_overview"]["bands"][2].update(min_inclusive=True),
        ("gap_overview.bands[2]", "band"),
    ),
    (lambda d: d["gap_overview"]["bands"][4].update(max=20), ("gap_overview.bands[4].max", "band")),
    (lambda d: d["gap_overview"]["bands"][0].update(min=1), ("gap_overview.bands[0]", "band")),
    # the pool proposal rule (decision T20): tables, columns, kinds, grades, pools, its decision
    (
        lambda d: _rule(d, 1, 2).update(column="moon"),
        (f"{P}.rules[1].criteria[2].column", "unknown_ref"),
    ),
    (
        lambda d: _rule(d, 0, 0).update(kind="grade", grades=[5]),  # a tick column read as a grade
        (f"{P}.rules[0].criteria[0].kind", "kind"),
    ),
    (
        lambda d: _rule(d, 1, 0).update(kind="tick", grades=[]),  # a grade column read as a tick
        (f"{P}.rules[1].criteria[0].kind", "kind"),
    ),
    (
        lambda d: _rule(d, 0, 1)["grades"].append(6),
        (f"{P}.rules[0].criteria[1].grades[2]", "levels"),
    ),
    (
        lambda d: _rule(d, 1, 0).update(grades=[0]),
        (f"{P}.rules[1].criteria[0].grades[0]", "levels"),
    ),
    (
        lambda d: _rule(d, 0, 1).update(grades=[4, 4]),
        (f"{P}.rules[0].criteria[1].grades[1]", "duplicate_id"),
    ),
    (lambda d: _rule(d, 0, 1).update(grades=[]), (f"{P}.rules[0].criteria[1].grades", "empty")),
    (lambda d: _rule(d, 2, 0).update(grades=[1]), (f"{P}.rules[2].criteria[0].grades", "kind")),
    (
        lambda d: _rule(d, 0, 1)["tables"].append(10),
        (f"{P}.rules[0].criteria[1].tables[5]", "unknown_ref"),
    ),
    (
        lambda d: _rule(d, 0, 1)["tables"].append(4),
        (f"{P}.rules[0].criteria[1].tables[5]", "duplicate_id"),
    ),
    (
        lambda d: _rule(d, 0, 1)["tables"].append(3),
        (f"{P}.rules[0].criteria[1].column", "unknown_ref"),
    ),
    (
        lambda d: _rule(d, 1, 2).update(column="commonality"),
        (f"{P}.rules[1].criteria[2].column", "direction"),
    ),
    (
        lambda d: d["libraries"]["proposal"]["rules"][0].update(pool="moon"),
        (f"{P}.rules[0].pool", "unknown_ref"),
    ),
    (
        lambda d: d["libraries"]["proposal"]["rules"][1].update(pool="shortcoming"),
        (f"{P}.rules[1].pool", "duplicate_id"),
    ),
    (
        lambda d: _rule(d, 1, 0).update(id="large_gap"),
        (f"{P}.rules[1].criteria[0].id", "duplicate_id"),
    ),
    (lambda d: d["libraries"]["proposal"].update(decision="T99"), (f"{P}.decision", "unknown_ref")),
    # decisions and their mentions
    (lambda d: d["decisions"][1].update(id="T1"), ("decisions[1].id", "duplicate_id")),
    (
        lambda d: d["summary"].update(zh="见决策T99"),
        ("summary.zh", "unknown_ref"),
    ),
    (
        lambda d: d["not_involved"].update(instruction=9),
        ("not_involved.instruction", "unknown_ref"),
    ),
]


@pytest.mark.parametrize(("change", "expected"), BROKEN, ids=[f"{p}:{c}" for _, (p, c) in BROKEN])
def test_a_broken_copy_is_caught(change: Any, expected: tuple[str, str]) -> None:
    data = raw()
    change(data)
    assert expected in issues(data)


def test_marking_the_rule_official_is_caught_by_the_checks_too() -> None:
    data = raw()
    data["advisory"]["official"] = True
    data["gap_overview"]["official"] = True
    data["libraries"]["proposal"]["official"] = True
    found = issues(data)
    assert ("advisory.official", "official") in found
    assert ("gap_overview.official", "official") in found
    assert ("libraries.proposal.official", "official") in found


def test_a_broken_pool_rule_is_reported_whole() -> None:
    """Every problem at once: an unknown column, a tick column read as a grade and a grade 6."""
    data = raw()
    _rule(data, 1, 2).update(column="moon")
    _rule(data, 0, 0).update(kind="grade", grades=[5])
    _rule(data, 0, 1)["grades"].append(6)
    model = TechSystemRubric.from_dict(data)
    found = [
        (i.path, i.code, i.message)
        for i in check_tech_system_1295(model, data, "f.yaml")
        if i.path.startswith(P)
    ]
    assert found == [
        (
            f"{P}.rules[0].criteria[0].kind",
            "kind",
            "'no_autonomy' of table 1 is a tick column, not a grade column",
        ),
        (f"{P}.rules[0].criteria[1].grades[2]", "levels", "grades lie in 1..5: 6"),
        (f"{P}.rules[1].criteria[2].column", "unknown_ref", "no column of table 1 'moon'"),
    ]
