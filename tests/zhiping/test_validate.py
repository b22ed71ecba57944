"""Each meaning check of the rubric validator catches its problem; the real rubric has none.

Broken copies are deep copies of the real rubric (and glossary) with one thing changed.
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from typing import Any

import pytest
import yaml

from build_scripts.paths import GLOSSARY
from zhiping import catalog
from zhiping.model.sme import SmeRubric
from zhiping.validate import check_glossary, check_texts
from zhiping.validate.sme import check_sme, check_sme_data

RID = "sme-digital-level-2024"
Change = Callable[[dict[str, Any]], None]


def raw() -> dict[str, Any]:
    return copy.deepcopy(catalog.bundle()["rubrics"][RID])


def codes_after(change: Change) -> set[tuple[str, str]]:
    data = raw()
    change(data)
    model = SmeRubric.from_dict(data)
    issues = check_sme(model, "x.yaml") + check_sme_data(data, model, "x.yaml")
    issues += check_texts(data, "x.yaml")
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
    "field_ref": (
        _set("questions/2/derive/denominator", "2.devices"),
        ("questions[2].derive", "unknown_ref"),
    ),
    "item_ref": (
        _set("dimensions/0/indicators/0/items/0/question", 99),
        ("dimensions[0].indicators[0].items[0].question", "unknown_ref"),
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
    "decision_target": (
        _set("decisions/0/applies_to", ["scoring", "question:0"]),
        ("decisions[0].applies_to[1]", "unknown_ref"),
    ),
    "decision_mentioned_zh": (
        _set("questions/13/note/zh", "见决策A8、Z9。"),
        ("questions[13].note.zh", "unknown_ref"),
    ),
    "decision_mentioned_en": (
        _set("questions/13/note/en", "See decisions A8 and Q3."),
        ("questions[13].note.en", "unknown_ref"),
    ),
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


# Every list of identified things: where the list is (a "/" path into the rubric dict), the key that
# identifies an element, and the path of that key in the validator's report for element ``i``.
# Each case copies element 0's id onto element ``i`` (the last one, or one in another parent for ids
# unique across the rubric).
ID_LISTS: dict[str, tuple[str, str, int, str]] = {
    "dimensions": ("dimensions", "id", 2, "dimensions[2].id"),
    "indicators": ("dimensions/0/indicators", "id", 3, "dimensions[0].indicators[3].id"),
    "items": (
        "dimensions/0/indicators/0/items",
        "id",
        2,
        "dimensions[0].indicators[0].items[2].id",
    ),
    "questions": ("questions", "number", 14, "questions[14].number"),
    "fields": ("questions/13/fields", "id", 3, "questions[13].fields[3].id"),
    "scenario_groups": ("scenario_groups", "id", 3, "scenario_groups[3].id"),
    "scenarios": ("scenario_groups/0/scenarios", "id", 3, "scenario_groups[0].scenarios[3].id"),
    "scenario_levels": ("scenario_levels", "rank", 3, "scenario_levels[3].rank"),
    "levels": ("levels", "rank", 3, "levels[3].rank"),
    "energy_rows": ("energy_table/rows", "id", 5, "energy_table.rows[5].id"),
    "decisions": ("decisions", "id", 4, "decisions[4].id"),
}


def _node(d: Any, path: str) -> Any:
    for k in path.split("/"):
        d = d[int(k) if k.isdigit() else k]
    return d


@pytest.mark.parametrize("name", sorted(ID_LISTS))
def test_a_repeated_id_is_reported_where_it_repeats(name: str) -> None:
    where, key, i, expected = ID_LISTS[name]

    def repeat(d: dict[str, Any]) -> None:
        items = _node(d, where)
        assert items[i][key] != items[0][key]
        items[i][key] = items[0][key]

    found = codes_after(repeat)
    assert (expected, "duplicate_id") in found
    # Only the repetition is blamed, not the first occurrence.
    assert (expected.replace(f"[{i}]", "[0]", 1), "duplicate_id") not in found


@pytest.mark.parametrize(
    ("name", "change", "expected"),
    [
        (
            "indicator in another dimension",
            _set("dimensions/2/indicators/0/id", "equipment_systems"),
            "dimensions[2].indicators[0].id",
        ),
        (
            "item in another indicator",
            _set("dimensions/1/indicators/1/items/1/id", "network"),
            "dimensions[1].indicators[1].items[1].id",
        ),
        (
            "scenario in another group",
            _set("scenario_groups/3/scenarios/0/id", "产品设计"),
            "scenario_groups[3].scenarios[0].id",
        ),
    ],
)
def test_ids_are_unique_across_the_rubric(name: str, change: Change, expected: str) -> None:
    assert (expected, "duplicate_id") in codes_after(change)


def test_field_ids_may_repeat_in_another_question() -> None:
    # Field references name their question ("14.revenue_last"): only the question's own list counts.
    found = codes_after(_set("questions/2/fields/0/id", "total_devices"))
    assert not {path for path, code in found if code == "duplicate_id"}


def test_a_repeated_explained_term_is_reported() -> None:
    def repeat(d: dict[str, Any]) -> None:
        d["terms"][4]["term"]["zh"] = d["terms"][1]["term"]["zh"]

    assert ("terms[4].term.zh", "duplicate_id") in codes_after(repeat)


def glossary_issues(change: Change) -> set[tuple[str, str]]:
    data = copy.deepcopy(yaml.safe_load(GLOSSARY.read_text(encoding="utf-8")))
    change(data)
    ids = {d["id"] for d in raw()["decisions"]}
    return {(i.path, i.code) for i in check_glossary(data, "glossary.yaml", ids)}


def test_the_real_glossary_passes() -> None:
    assert glossary_issues(lambda d: None) == set()


def test_a_repeated_glossary_term_is_reported() -> None:
    def repeat(d: dict[str, Any]) -> None:
        d["terms"][7]["zh"] = d["terms"][3]["zh"]

    assert glossary_issues(repeat) == {("terms[7].zh", "duplicate_id")}


def test_a_glossary_note_naming_a_missing_decision_is_reported() -> None:
    def change(d: dict[str, Any]) -> None:
        d["terms"][0]["note"] = "See decision B7."

    assert glossary_issues(change) == {("terms[0].note", "unknown_ref")}
