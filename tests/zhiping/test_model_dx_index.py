"""The dx_index model and its checks, on the transcribed Jiangsu general DX index and Inner Mongolia
capability system (published as pages; scored in a later step)."""

from __future__ import annotations

import copy
from fractions import Fraction
from pathlib import Path
from typing import Any

import pytest
import yaml

from zhiping.model.dx_index import DxIndexRubric
from zhiping.validate.dx_index import check_dx_index

RUBRICS = Path(__file__).resolve().parents[2] / "rubrics"
IDS = ["jiangsu-dx-2025", "inner-mongolia-capability-2025"]


def raw(rid: str) -> dict[str, Any]:
    data: dict[str, Any] = yaml.safe_load((RUBRICS / f"{rid}.yaml").read_text("utf-8"))
    return data


def issues(data: dict[str, Any]) -> list[tuple[str, str]]:
    model = DxIndexRubric.from_dict(data)
    return [(i.path, i.code) for i in check_dx_index(model, data, "f.yaml")]


@pytest.mark.parametrize("rid", IDS)
def test_the_transcriptions_read_and_pass_every_check(rid: str) -> None:
    m = DxIndexRubric.from_dict(raw(rid))
    assert [i.number for i in m.indicators] == list(range(1, 11))
    # typed in from 表1: 不涉及 only on indicators 1, 5 and 6; indicator 7 is not scored
    assert [i.number for i in m.indicators if i.not_applicable] == [1, 5, 6]
    assert [i.number for i in m.indicators if not i.scored] == [7]
    assert issues(raw(rid)) == []


def test_the_bands_follow_the_official_table() -> None:
    m = DxIndexRubric.from_dict(raw("jiangsu-dx-2025"))
    assert m.official_score
    level = {b.rank: b for b in m.bands}
    assert level[1].allows(Fraction(0)) and not level[1].allows(Fraction(1))
    assert not level[2].allows(Fraction(0)) and level[2].allows(Fraction(19))  # (0, 20)
    assert level[3].allows(Fraction(20)) and not level[3].allows(Fraction(40))  # [20, 40)
    assert [s.match for s in level[2].sub_bands] == ["basic", "largely", "fully"]
    assert not DxIndexRubric.from_dict(raw("inner-mongolia-capability-2025")).official_score


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (lambda d: d["bands"]["levels"][3].update(min=41), ("bands.levels[3]", "bands")),
        (
            lambda d: d["bands"]["levels"][2]["sub_bands"][1].update(min=28),
            ("bands.levels[2].sub_bands", "bands"),
        ),
        (
            lambda d: d["groups"][0]["indicators"][0]["levels"].pop(),
            ("groups[0].indicators[0].levels", "levels"),
        ),
        (lambda d: d["groups"][0]["indicators"][1].update(number=9), ("groups", "numbering")),
        (
            lambda d: d["groups"][0]["indicators"][1].update(
                id=d["groups"][0]["indicators"][0]["id"]
            ),
            ("groups[0].indicators[1].id", "duplicate_id"),
        ),
    ],
)
def test_a_broken_copy_is_caught(change: Any, expected: tuple[str, str]) -> None:
    data = copy.deepcopy(raw("jiangsu-dx-2025"))
    change(data)
    assert expected in issues(data)
