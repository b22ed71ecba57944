"""The general assessment result as the api returns it: the mean with its arithmetic, 不涉及 left
out, the > 60 gate at its edge, the profile chart and table, and the Inner Mongolia reference."""

from __future__ import annotations

from typing import Any

import pytest

from tests.zhiping.family_models import model, words
from zhiping.present.dx_index import score_answers

JS = "jiangsu-dx-2025"
IM = "inner-mongolia-capability-2025"
SCORED = (1, 2, 3, 4, 5, 6, 8, 9, 10)


def run(indicators: dict[int, Any], lang: str = "zh", rid: str = JS, **extra: Any) -> Any:
    raw = {"indicators": {str(k): v for k, v in indicators.items()}, **extra}
    return score_answers(model(rid), raw, words(lang))


def same(level: int, score: str) -> dict[int, Any]:
    return {n: {"level": level, "score": score} for n in SCORED}


def test_the_mean_over_counted_indicators_with_its_arithmetic() -> None:
    # 10 + 30 + 45 + 65 + 85 + 0 + 20 + 60 = 315 over 8 indicators (5 does not apply) = 39.375
    out = run(
        {
            1: {"level": 2, "score": "10"},
            2: {"level": 3, "score": "30"},
            3: {"level": 4, "score": "45"},
            4: {"level": 5, "score": "65"},
            5: {"not_applicable": True},
            6: {"level": 6, "score": "85"},
            8: {"level": 1},
            9: {"level": 3, "score": "20"},
            10: {"level": 5, "score": "60"},
        }
    )
    assert out["ok"] is True
    assert out["score"]["exact"] == "39.375" and out["score"]["display"] == "39.37"
    texts = [b.get("text", "") for b in out["view"]]
    assert (
        "（10.00 + 30.00 + 45.00 + 65.00 + 85.00 + 0.00 + 20.00 + 60.00）÷ 8 = 315.00 ÷ 8 = 39.37"
        in texts
    )
    assert any("营销服务数字化水平" in t and "不计入平均" in t for t in texts)
    parts = {i["number"]: i["part"] for i in out["indicators"]}
    # Table 3: 10 in [7-14) 比较符合; 30 in [27-34) 比较; 45 in [40-47) 基本; 65 in [60-67) 基本;
    # 85 in [80-87) 基本; 20 in [20-27) 基本; 60 in [60-67) 基本
    assert parts == {1: "比较符合", 2: "比较符合", 3: "基本符合", 4: "基本符合", 5: "",
                     6: "基本符合", 8: "", 9: "基本符合", 10: "基本符合"}  # fmt: skip


@pytest.mark.parametrize(("score", "holds"), [("60", False), ("60.5", True), ("61", True)])
def test_the_gate_is_strictly_above_60(score: str, holds: bool) -> None:
    out = run(same(5, score))
    gate = next(g for g in out["gates"] if g["kind"] == "required")
    assert (gate["value"], gate["holds"]) == (60, holds)
    assert out["handover"] == {"value": score, "display": out["score"]["display"]}


def test_advice_thresholds_70_80_90_are_advice() -> None:
    out = run(same(6, "85"), "en")
    advice = {g["value"]: g["holds"] for g in out["gates"] if g["kind"] == "advisory"}
    assert advice == {60: True, 70: True, 80: True, 90: False}


def test_not_applicable_is_not_level_1() -> None:
    # 不涉及 leaves the indicator out; level 1 counts a 0 in the mean
    base = same(3, "30")
    na = run({**base, 1: {"not_applicable": True}})
    one = run({**base, 1: {"level": 1}})
    assert na["score"]["exact"] == "30"
    assert one["score"]["exact"] == "80/3"  # 8 x 30 / 9


def test_profile_chart_and_table_hold_the_same_figures() -> None:
    out = run(same(4, "50"), "en")
    chart = next(b for b in out["view"] if b["type"] == "bars")
    table = next(b for b in out["view"] if b["type"] == "table")
    assert [b["value"] for b in chart["bars"]] == [4] * 9
    assert [r["cells"][1]["text"] for r in table["rows"]] == ["Level 4"] * 9
    assert chart["bars"][0]["label"] == table["rows"][0]["cells"][0]["text"]


def test_incomplete_answers_report_progress() -> None:
    out = run({1: {"level": 3, "score": "30"}, 2: {"level": 3}})
    assert out["ok"] is False and out["progress"] == {"done": 1, "total": 9}
    missing = [e for e in out["errors"] if e.get("missing")]
    assert len(missing) == 8 and missing[0]["code"] == "missing_score"


def test_amounts_are_recorded_not_scored() -> None:
    with_amounts = run(same(4, "50"), amounts={"total_since_2014": "1200", "invested_2024": "300"})
    without = run(same(4, "50"))
    assert with_amounts["score"] == without["score"]
    assert [a["value"] for a in with_amounts["amounts"]] == ["1200", "300"]


def test_inner_mongolia_gives_a_profile_and_labels_any_number_as_a_reference() -> None:
    profile = run({n: {"level": 3} for n in SCORED}, "en", IM)
    assert profile["ok"] is True and profile["score"] is None and "handover" not in profile
    valued = run(same(3, "30"), "en", IM)
    assert valued["score"]["official"] is False
    assert (
        "Jiangsu method" in valued["score"]["label"]
        and "not an official" in valued["score"]["label"]
    )
    assert "handover" not in valued  # an unofficial number never feeds a tier gate
