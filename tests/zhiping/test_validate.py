"""Each meaning check of the rubric validator catches its problem; the real rubric has none."""

from __future__ import annotations

import copy
from collections.abc import Callable
from typing import Any

import pytest

from zhiping import catalog
from zhiping.model import SmeRubric
from zhiping.validate import check_sme, check_texts

RID = "sme-digital-level-2024"
Change = Callable[[dict[str, Any]], None]


def raw() -> dict[str, Any]:
    return copy.deepcopy(catalog.bundle()["rubrics"][RID])


def codes_after(change: Change) -> set[tuple[str, str]]:
    data = raw()
    change(data)
    issues = check_sme(SmeRubric.from_dict(data), "x.yaml") + check_texts(data, "x.yaml")
    return {(i.path, i.code) for i in issues}


def test_the_real_rubric_passes() -> None:
    assert codes_after(lambda d: None) == set()


def _set(path: str, value: Any) -> Change:
    def change(d: dict[str, Any]) -> None:
        node: Any = d
        keys = [int(k) if k.isdigit() else k for k in path.split("/")]
        for k in keys[:-1]:
            node = node[k]
        node[keys[-1]] = value

    return change


def _pop(path: str) -> Change:
    def change(d: dict[str, Any]) -> None:
        node: Any = d
        keys = [int(k) if k.isdigit() else k for k in path.split("/")]
        for k in keys[:-1]:
            node = node[k]
        node.pop(keys[-1])

    return change


CASES: dict[str, tuple[Change, tuple[str, str]]] = {
    "weights_sum": (_set("dimensions/2/weight", 25), ("dimensions", "weights_sum")),
    "numbering": (_set("questions/4/number", 16), ("questions", "numbering")),
    "item_question": (
        _set("dimensions/0/indicators/0/items/0/question", 2),
        ("dimensions", "item_question"),
    ),
    "points_count": (
        _set("scoring/single_choice_points/3", [0, 100]),
        ("scoring.single_choice_points.3", "points_count"),
    ),
    "points_order": (
        _set("scoring/single_choice_points/3", [0, 60, 50]),
        ("scoring.single_choice_points.3", "points_order"),
    ),
    "type": (_set("questions/0/type", "ranking"), ("questions[0].type", "type")),
    "none_option": (
        _set("questions/1/options/0/none", True),
        ("questions[1].options", "none_option"),
    ),
    "option_count": (_pop("questions/4/options/4"), ("questions[4].options", "option_count")),
    "ranges": (
        _set("questions/1/options/2/range/min_inclusive", True),
        ("questions[1].options", "ranges"),
    ),
    "directions": (
        _set("questions/12/options/0/direction", "flat"),
        ("questions[12].options", "directions"),
    ),
    "duplicate_id": (
        _set("questions/13/fields/1/id", "staff_last"),
        ("questions[13].fields", "duplicate_id"),
    ),
    "field_ref": (
        _set("questions/2/derive/denominator", "2.devices"),
        ("questions[2].derive", "field_ref"),
    ),
    "derive": (
        _set(
            "questions/4/derive",
            {"kind": "rate", "numerator": "2.total_devices", "denominator": "2.total_devices"},
        ),
        ("questions[4].derive", "derive"),
    ),
    "level_texts": (
        _pop("scenario_groups/0/scenarios/1/levels/3"),
        ("scenario_groups[0].scenarios[1].levels", "level_texts"),
    ),
    "scenario_numbering": (_set("scenario_levels/1/rank", 5), ("scenario_levels", "numbering")),
    "thresholds": (_set("levels/3/min_constrained", 11), ("levels[3]", "thresholds")),
    "monotone": (_set("levels/1/min_scenarios", 5), ("levels[1]", "monotone")),
    "level_numbering": (_set("levels/0/rank", 0), ("levels", "numbering")),
    "factor": (_set("energy_table/rows/0/factor", "0"), ("energy_table.rows[0].factor", "factor")),
    "energy_duplicate": (
        _set("energy_table/rows/1/id", "anthracite"),
        ("energy_table.rows", "duplicate_id"),
    ),
    "decision_target": (
        _set("decisions/0/applies_to", ["question:0"]),
        ("decisions[0].applies_to", "decision_target"),
    ),
    "decision_duplicate": (_set("decisions/1/id", "A1"), ("decisions", "duplicate_id")),
    "untranslated_copy": (
        _set("questions/0/stem/en", "企业网络建设连接情况"),
        ("questions[0].stem", "untranslated"),
    ),
    "untranslated_mostly": (
        _set("questions/0/stem/en", "The 企业网络建设连接情况"),
        ("questions[0].stem", "untranslated"),
    ),
    "empty_text": (_set("questions/0/stem/en", " "), ("questions[0].stem", "empty_text")),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_check_catches(name: str) -> None:
    change, expected = CASES[name]
    assert expected in codes_after(change)


def test_every_issue_is_reported_at_once() -> None:
    def several(d: dict[str, Any]) -> None:
        for name in ("weights_sum", "monotone", "factor", "empty_text"):
            CASES[name][0](d)

    found = codes_after(several)
    assert {CASES[n][1] for n in ("weights_sum", "monotone", "factor", "empty_text")} <= found


def test_an_energy_helper_needs_an_energy_table() -> None:
    assert ("questions[11].fields", "energy_table") in codes_after(_set("energy_table/rows", []))
