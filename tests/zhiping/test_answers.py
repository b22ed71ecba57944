"""Bad input gets a clear, localized error for every code, naming the item, and every problem at
once."""

from __future__ import annotations

import json
from dataclasses import replace
from typing import Any

import pytest

from zhiping import catalog
from zhiping.api import export_csv, score_dict
from zhiping.errors import CODES
from zhiping.families import FAMILIES

from .helpers import doc, maximum, minimum, scenarios, text


def errors(raw: str | bytes, lang: str = "zh", rubric: str | None = None) -> list[dict[str, str]]:
    """Every problem reported: those that stop the score and the figures' warnings."""
    out = score_dict(rubric, raw, lang)
    problems = [e for e in out["warnings"] if e["code"] != "derived_mismatch"]
    assert out["ok"] is False or problems
    return [*out.get("errors", []), *problems]


def codes(raw: str, lang: str = "zh") -> set[tuple[str, str]]:
    return {(e["code"], e["item"]) for e in errors(raw, lang)}


CASES: dict[str, tuple[str | bytes, tuple[str, str], str]] = {
    # code: (answers text or bytes, (code, item), a word the zh message must contain)
    "too_large": (b" " * (5 * 1024 * 1024 + 1), ("too_large", "answers"), "5 MB"),
    "not_utf8": (b'{"meta": {"company": "\xff"}}', ("not_utf8", "answers"), "UTF-8"),
    "too_deep": ("[" * 100 + "]" * 100, ("too_deep", "answers"), "32"),
    "duplicate_key": (
        '{"questions": {}, "questions": {}}',
        ("duplicate_key", "answers"),
        "questions",
    ),
    "bad_text": (text(doc(meta={"company": 5})), ("bad_text", "meta:company"), "company"),
    "malformed_json": ('{"questions": ', ("malformed_json", "answers"), "JSON"),
    "not_an_object": ("[1, 2]", ("not_an_object", "answers"), "JSON"),
    "unknown_rubric": ('{"rubric": "nope"}', ("unknown_rubric", "rubric"), "nope"),
    "unknown_key": (text({**doc(), "extra": 1}), ("unknown_key", "extra"), "extra"),
    "unknown_question": (
        text(doc({**minimum(), "16": 1})),
        ("unknown_question", "question:16"),
        "16",
    ),
    "unknown_scenario": (
        text(doc(scen={**scenarios(), "数字孪生": 1})),
        ("unknown_scenario", "scenario:数字孪生"),
        "数字孪生",
    ),
    "missing_answer": (
        text(doc({k: v for k, v in minimum().items() if k != "7"})),
        ("missing_answer", "question:7"),
        "第7题",
    ),
    "missing_scenario": (
        text(doc(scen={k: v for k, v in scenarios().items() if k != "决策支持"})),
        ("missing_scenario", "scenario:决策支持"),
        "决策支持",
    ),
    "wrong_type": (text(doc({**minimum(), "2": [1, 2]})), ("wrong_type", "question:2"), "第2题"),
    "option_out_of_range": (
        text(doc({**minimum(), "12": 4})),
        ("option_out_of_range", "question:12"),
        "4",
    ),
    "duplicate_option": (
        text(doc({**minimum(), "1": [2, 2]})),
        ("duplicate_option", "question:1"),
        "第1题",
    ),
    "none_with_others": (
        text(doc({**minimum(), "4": [1, 2]})),
        ("none_with_others", "question:4"),
        "无",
    ),
    "empty_choice": (text(doc({**minimum(), "6": []})), ("empty_choice", "question:6"), "第6题"),
    "level_out_of_range": (
        text(doc(scen={**scenarios(), "产品设计": 5})),
        ("level_out_of_range", "scenario:产品设计"),
        "产品设计",
    ),
    "unknown_field": (
        text(doc(data={"2": {"devices": 3}})),
        ("unknown_field", "field:2.devices"),
        "devices",
    ),
    "bad_number": (
        text(doc(data={"2": {"total_devices": "many"}})),
        ("bad_number", "field:2.total_devices"),
        "many",
    ),
    "not_integer": (
        text(doc(data={"2": {"total_devices": "10.5"}})),
        ("not_integer", "field:2.total_devices"),
        "10.5",
    ),
    "zero_total": (
        text(doc(data={"2": {"total_devices": 0, "digital_devices": 0}})),
        ("zero_total", "field:2.total_devices"),
        "生产设备数量",
    ),
    "part_exceeds_total": (
        text(doc(data={"2": {"total_devices": 5, "digital_devices": 6}})),
        ("part_exceeds_total", "field:2.digital_devices"),
        "100%",
    ),
    "above_maximum": (
        text(doc(data={"13": {"pass_rate": "100.5"}})),
        ("above_maximum", "field:13.pass_rate"),
        "100.5",
    ),
    "unknown_energy": (
        text(doc(data={"12": {"energy_last": {"uranium": 1}}})),
        ("unknown_energy", "energy:12.energy_last.uranium"),
        "uranium",
    ),
}


def test_every_code_has_a_case_and_a_message_in_both_languages() -> None:
    ui = catalog.ui()["errors"]
    others = {"rubric_mismatch", "unknown_lang", "no_export"}  # tested below
    assert set(CODES) == set(CASES) | set(FAMILY_CASES) | others
    for code in CODES:
        assert ui[code]["zh"] and ui[code]["en"]


def fam(rubric: str, **answers: Any) -> str:
    return text({"rubric": rubric, **answers})


TIER, DX, NAT = "smart-factory-tier-jiangsu-2025", "jiangsu-dx-2025", "smart-factory-national-2025"
TECH, ONE = "tech-system-1295", {"s1": {"name": "正极材料"}}
FAMILY_CASES: dict[str, tuple[str | bytes, tuple[str, str], str]] = {
    # the codes of the other families, through the same api
    "unknown_scenario_number": (
        fam(TIER, maturity=2, scenarios={"41": 1}),
        ("unknown_scenario_number", "scenario:41"),
        "41",
    ),
    "tier_out_of_range": (
        fam(TIER, maturity=2, scenarios={"3": 5}),
        ("tier_out_of_range", "scenario:3"),
        "梯度",
    ),
    "tier_not_available": (
        fam(TIER, maturity=2, scenarios={"1": 1}),
        ("tier_not_available", "scenario:1"),
        "基础级",
    ),
    "maturity_out_of_range": (
        fam(TIER, maturity=6),
        ("maturity_out_of_range", "input:maturity"),
        "GB/T 39116",
    ),
    "score_out_of_range": (
        fam(TIER, maturity=2, score="101"),
        ("score_out_of_range", "input:score"),
        "101",
    ),
    "unknown_indicator": (
        fam(DX, indicators={"7": {"level": 1}}),
        ("unknown_indicator", "indicator:7"),
        "7",
    ),
    "dx_level_out_of_range": (
        fam(DX, indicators={"2": {"level": 7}}),
        ("dx_level_out_of_range", "indicator:2"),
        "1 至 6",
    ),
    "not_applicable_alone": (
        fam(DX, indicators={"1": {"not_applicable": True, "score": "3"}}),
        ("not_applicable_alone", "indicator:1"),
        "不涉及此环节",
    ),
    "not_applicable_not_offered": (
        fam(DX, indicators={"2": {"not_applicable": True}}),
        ("not_applicable_not_offered", "indicator:2"),
        "不涉及此环节",
    ),
    "missing_score": (
        fam(DX, indicators={"2": {"level": 3}}),
        ("missing_score", "indicator:2"),
        "自评分",
    ),
    "score_outside_band": (
        fam(DX, indicators={"2": {"level": 3, "score": "40"}}),
        ("score_outside_band", "indicator:2"),
        "20–40",
    ),
    "unknown_amount": (
        fam(DX, amounts={"gold": "1"}),
        ("unknown_amount", "amount:gold"),
        "gold",
    ),
    "unknown_declaration": (
        fam(NAT, declarations={"rich": True}),
        ("unknown_declaration", "declaration:rich"),
        "rich",
    ),
    "not_yes_no": (
        fam(NAT, declarations={"compliance": "yes"}),
        ("not_yes_no", "declaration:compliance"),
        "true",
    ),
    "not_built_or_ai": (
        fam(NAT, scenarios={"3": 1}),
        ("not_built_or_ai", "scenario:3"),
        "built",
    ),
    "bad_choice": (fam(NAT, position="top"), ("bad_choice", "input:position"), "top"),
    "bad_id": (fam(TECH, segments={"1": {}}), ("bad_id", "segment:1"), "字母开头"),
    "too_many": (
        fam(TECH, segments={f"s{i}": {} for i in range(61)}),
        ("too_many", "segments"),
        "60",
    ),
    "unknown_segment": (
        fam(TECH, segments=ONE, tables={"2": {"segments": {"s9": {}}}}),
        ("unknown_segment", "table:2"),
        "s9",
    ),
    "unknown_table": (
        fam(TECH, segments=ONE, tables={"0": {}}),
        ("unknown_table", "table:0"),
        "表 1",
    ),
    "unknown_column": (
        fam(TECH, segments=ONE, tables={"2": {"segments": {"s1": {"rows": {"r1": {"x": 1}}}}}}),
        ("unknown_column", "cell:2:s1:r1:x"),
        "「x」",
    ),
    "grade_out_of_range": (
        fam(TECH, segments=ONE, tables={"2": {"segments": {"s1": {"stars": 9}}}}),
        ("grade_out_of_range", "stars:2:s1"),
        "「9」",
    ),
    "stars_not_here": (
        fam(TECH, segments=ONE, tables={"3": {"segments": {"s1": {"stars": 2}}}}),
        ("stars_not_here", "stars:3:s1"),
        "表3",
    ),
    "not_involved_alone": (
        fam(
            TECH,
            segments=ONE,
            tables={"2": {"not_involved": True, "segments": {"s1": {"stars": 2}}}},
        ),
        ("not_involved_alone", "table:2"),
        "不涉及",
    ),
}


@pytest.mark.parametrize("code", sorted(CASES) + sorted(FAMILY_CASES))
def test_error_code(code: str) -> None:
    raw, pair, word = {**CASES, **FAMILY_CASES}[code]
    found = errors(raw)
    assert pair in {(e["code"], e["item"]) for e in found}
    message = next(e["message"] for e in found if (e["code"], e["item"]) == pair)
    assert word in message
    en = next(e["message"] for e in errors(raw, "en") if (e["code"], e["item"]) == pair)
    assert en != message and "{" not in en


def test_a_calculator_without_csv_export_says_so(monkeypatch: pytest.MonkeyPatch) -> None:
    # every family has one today: a family without one is made for the test
    sme = FAMILIES["sme_digital_level"]
    monkeypatch.setitem(FAMILIES, sme.name, replace(sme, export_csv=None))
    out = json.loads(export_csv(None, text(doc()), "en"))
    assert [e["code"] for e in out["errors"]] == ["no_export"]
    assert "no CSV export" in out["errors"][0]["message"]


def test_rubric_mismatch() -> None:
    found = errors(text({**doc(), "rubric": "other"}), rubric="sme-digital-level-2024")
    assert [e["code"] for e in found] == ["rubric_mismatch"]


def test_unknown_lang_is_reported_in_chinese() -> None:
    out = score_dict(None, text(doc()), "fr")
    assert [e["code"] for e in out["errors"]] == ["unknown_lang"]


def test_english_messages_name_the_item_in_english() -> None:
    (e,) = [e for e in errors(text(doc({**minimum(), "4": [1, 2]})), "en")]
    assert e["message"].startswith("Question 4")


def test_every_problem_is_listed_at_once() -> None:
    bad: dict[str, Any] = {**minimum(), "4": [1, 2], "12": 9}
    del bad["3"]
    found = codes(text(doc(bad, {**scenarios(), "产品设计": -1})))
    assert found == {
        ("none_with_others", "question:4"),
        ("option_out_of_range", "question:12"),
        ("missing_answer", "question:3"),
        ("level_out_of_range", "scenario:产品设计"),
    }


def test_blank_figures_are_allowed() -> None:
    out = score_dict(
        None, text(doc(maximum(), data={"2": {"total_devices": "", "digital_devices": None}}))
    )
    assert out["ok"] is True


def test_numbers_may_be_strings_with_thousands_separators() -> None:
    out = score_dict(
        None,
        text(
            doc(
                {**minimum(), "2": 5},
                data={"2": {"total_devices": "1,000", "digital_devices": 700}},
            )
        ),
    )
    assert out["ok"] is True
    d = out["derived"][0]
    assert (d["question"], d["option"], d["kind"], d["value"], d["mismatch"]) == (
        2,
        5,
        "rate",
        "70",
        False,
    )


def test_an_incomplete_form_still_gets_its_suggestions() -> None:
    raw = text({"questions": {}, "data": {"2": {"total_devices": 100, "digital_devices": 35}}})
    out = score_dict("sme-digital-level-2024", raw)
    assert out["ok"] is False
    assert [(d["question"], d["option"]) for d in out["derived"]] == [(2, 3)]  # 35 % → (20%, 40%]


def test_trend_suggests_flat_only_for_equal_ratios() -> None:  # Z3
    same = {"14": {"staff_last": 10, "revenue_last": 100, "staff_prev": 20, "revenue_prev": 200}}
    out = score_dict(None, text(doc({**minimum(), "14": 2}, data=same)))
    assert [
        (d["question"], d["option"], d["kind"], d["value"], d["mismatch"]) for d in out["derived"]
    ] == [(14, 2, "flat", "1", False)]
    up = {"14": {"staff_last": 10, "revenue_last": "100.01", "staff_prev": 20, "revenue_prev": 200}}
    out = score_dict(None, text(doc({**minimum(), "14": 2}, data=up)))
    assert (out["derived"][0]["option"], out["warnings"][0]["code"]) == (3, "derived_mismatch")


def test_device_rate_boundaries_follow_the_brackets() -> None:  # (10%, 20%]: 10 % is the first band
    for digital, option in [(10, 1), (11, 2), (20, 2), (21, 3), (60, 4), (61, 5), (100, 5)]:
        out = score_dict(
            None, text(doc(data={"2": {"total_devices": 100, "digital_devices": digital}}))
        )
        assert out["derived"][0]["option"] == option, digital


def test_q3_rate_uses_q2_total_and_q11_uses_q14_revenue() -> None:  # A9, Z2
    data = {
        "2": {"total_devices": 200},
        "3": {"networked_devices": 50},
        "11": {"investment": 30},
        "14": {"revenue_last": 1000},
    }
    out = score_dict(None, text(doc(data=data)))
    assert {d["question"]: d["option"] for d in out["derived"]} == {3: 3, 11: 1}  # 25 %, 3 %


def test_energy_quantities_feed_the_q12_trend() -> None:
    data = {
        "12": {
            "energy_last": {"electricity": "310", "blast_furnace_gas": "1.5"},
            "energy_prev": "382.919",
        },
        "14": {"revenue_last": 500, "revenue_prev": 500},
    }
    out = score_dict(None, text(doc(data=data)))
    assert out["energy"][0]["total"] == "382.919"
    assert {d["question"]: d["kind"] for d in out["derived"]} == {12: "flat"}


def test_a_pass_rate_above_100_warns_and_the_score_stays() -> None:
    out = score_dict(None, text(doc(maximum(), scenarios(), data={"13": {"pass_rate": 101}})))
    assert out["ok"] is True and out["score"]["exact"] == "100"
    assert [(w["code"], w["item"]) for w in out["warnings"]] == [
        ("above_maximum", "field:13.pass_rate")
    ]
    exactly = score_dict(None, text(doc(maximum(), scenarios(), data={"13": {"pass_rate": 100}})))
    assert exactly["warnings"] == []
