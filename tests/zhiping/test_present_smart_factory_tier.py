"""The smart-factory tier result as the api returns it: the tier, every condition of every tier
worded in both languages, the fewest upgrades named with the description to meet, advice."""

from __future__ import annotations

from typing import Any

import pytest

from tests.zhiping.family_models import model, words
from zhiping.present.smart_factory_tier import score_answers

JS = "smart-factory-tier-jiangsu-2025"
IM = "smart-factory-tier-inner-mongolia-2025"
# 8 rows described at 基础级 in the 生产作业 segment rows of the table (rows 7, 9, 10, 12-16)
BASIC_8 = (7, 9, 10, 12, 13, 14, 15, 16)


def run(scen: dict[int, int], maturity: int = 2, score: str | None = "60.5", **kw: Any) -> Any:
    raw: dict[str, Any] = {"scenarios": {str(k): v for k, v in scen.items()}, "maturity": maturity}
    if score is not None:
        raw["score"] = score
    return score_answers(model(kw.get("rid", JS)), raw, words(kw.get("lang", "zh")))


def test_basic_tier_at_its_exact_minimum() -> None:
    out = run(dict.fromkeys(BASIC_8, 1))
    assert out["ok"] and out["tier"] == {"rank": 1, "label": "基础级"}
    basic = out["checks"][0]
    assert basic["holds"] and [c["holds"] for c in basic["conditions"]] == [True] * 4
    assert basic["conditions"][0]["text"] == "本梯度及以上的场景 8 个（至少 8 个）"


def test_score_at_60_fails_every_jiangsu_tier_and_says_why() -> None:
    out = run(dict.fromkeys(BASIC_8, 1), score="60")
    assert out["tier"]["rank"] == 0
    cond = out["checks"][0]["conditions"][3]
    assert cond == {"id": "score", "holds": False, "text": "通用评估得分 60.00（须高于 60 分）"}
    assert out["next"]["score_needed"] == 60 and out["next"]["upgrades"] == []


def test_a_missing_score_is_named_as_missing() -> None:
    out = run(dict.fromkeys(BASIC_8, 1), score=None, lang="en")
    assert out["checks"][0]["conditions"][3]["text"] == (
        "General assessment score not given (must be above 60)"
    )


def test_upgrades_name_the_description_to_meet() -> None:
    out = run(dict.fromkeys(BASIC_8[:7], 1), lang="en")  # one scenario short of 基础级
    assert out["tier"]["rank"] == 0
    (group,) = out["next"]["groups"]
    (line,) = group["items"]
    m = model(JS)
    s = next(s for s in m.scenarios if s.number == int(line["item"].split(":")[1]))
    assert line["text"].startswith(f"Scenario {s.number} “{s.name.en}”: from No tier reached to ")
    assert s.cells[0] is not None and s.cells[0].en in line["text"]


def test_an_upgrade_never_targets_a_slash_cell() -> None:
    # nothing built: 8 upgrades to 基础级, none of them a row printed "/" at 基础级
    out = run({}, lang="en")
    m = model(JS)
    for u in out["next"]["upgrades"]:
        s = next(x for x in m.scenarios if x.id == u["scenario"])
        assert s.cells[u["to"] - 1] is not None


def test_inner_mongolia_has_no_score_condition_and_no_advice() -> None:
    out = run(dict.fromkeys(BASIC_8[:5], 1), score=None, rid=IM)
    assert out["tier"]["rank"] == 1
    assert [c["id"] for c in out["checks"][0]["conditions"]] == [
        "scenarios",
        "segments",
        "maturity",
    ]
    assert not any(b["type"] == "heading" and "建议" in b["text"] for b in out["view"])


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_jiangsu_advice_is_shown_as_advice(lang: str) -> None:
    out = run(dict.fromkeys(BASIC_8, 1), score="75", lang=lang)
    advice = next(
        b
        for i, b in enumerate(out["view"])
        if b["type"] == "list"
        and i > 0
        and out["view"][i - 1]["type"] == "heading"
        and out["view"][i - 1]["text"] == words(lang)("tier.advice_title")
    )
    assert len(advice["items"]) == 3  # 70, 80 and 90 (60 is also the hard gate)
    assert "70" in advice["items"][0]["text"]


def test_segment_condition_names_the_missing_segments() -> None:
    # 8 at 基础级 outside 生产作业: rows 3, 5, 6 (研发设计), 25, 26, 27, 30 (运营管理), 31
    out = run(dict.fromkeys((3, 5, 6, 25, 26, 27, 30, 31), 1))
    cond = out["checks"][0]["conditions"][1]
    assert cond["holds"] is False and cond["text"].startswith("未覆盖：生产作业")
