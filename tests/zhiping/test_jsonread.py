"""The bounded JSON reader, and a fuzz of the whole api over arbitrary bytes and arbitrary JSON: any
file gets a JSON answer that is valid UTF-8, never an exception."""

from __future__ import annotations

import json
import re
from decimal import Decimal
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.official import SCENARIOS
from zhiping.api import score_dict, score_json
from zhiping.errors import printable
from zhiping.jsonread import MAX_BYTES, MAX_DEPTH, BadNumber, bounded_number, read_json

from .helpers import doc, maximum, scenarios, text


@pytest.mark.parametrize(
    ("raw", "value"),
    [("0", Decimal(0)), ("12.5", Decimal("12.5")), ("1e30", Decimal("1e30")), ("-3", Decimal(-3))],
)
def test_plain_numbers_are_exact_decimals(raw: str, value: Decimal) -> None:
    assert bounded_number(raw) == value


@pytest.mark.parametrize(
    "raw",
    ["1e100000000", "1e31", "1e-61", "9" * 31, "NaN", "Infinity", "١", "²", "0x10", "1_000", ""],
)
def test_unbounded_or_foreign_numbers_are_bad_numbers(raw: str) -> None:
    assert isinstance(bounded_number(raw), BadNumber)


def test_a_bom_is_dropped_from_bytes_and_text() -> None:
    assert read_json(b"\xef\xbb\xbf{}") == ({}, None)
    assert read_json("\ufeff{}") == ({}, None)


def test_bytes_are_decoded_strictly_and_the_offset_is_named() -> None:
    value, trouble = read_json(b'{"a": "\xe4\xb8"}')
    assert value is None and trouble is not None
    assert (trouble.code, trouble.param("offset")) == ("not_utf8", "7")


def test_size_is_checked_before_anything_else() -> None:
    _, trouble = read_json(b" " * (MAX_BYTES + 1))
    assert trouble is not None and trouble.code == "too_large"
    assert read_json(b" " * (MAX_BYTES - 2) + b"{}") == ({}, None)


def test_depth_is_measured_outside_strings() -> None:
    deep = "[" * (MAX_DEPTH + 1) + "]" * (MAX_DEPTH + 1)
    assert read_json(deep)[1] is not None
    assert read_json("[" * MAX_DEPTH + "]" * MAX_DEPTH)[1] is None
    brackets_in_a_string = json.dumps({"note": "[" * 1000})
    assert read_json(brackets_in_a_string)[1] is None


def test_duplicate_keys_are_refused_at_any_depth() -> None:
    _, trouble = read_json('{"data": {"2": {"x": 1, "x": 2}}}')
    assert trouble is not None and (trouble.code, trouble.param("key")) == ("duplicate_key", "x")


def test_non_finite_and_huge_numbers_become_bad_numbers_not_values() -> None:
    value, trouble = read_json('{"a": NaN, "b": -Infinity, "c": 1e999999, "d": ' + "7" * 5000 + "}")
    assert trouble is None
    assert all(isinstance(v, BadNumber) for v in value.values())


def test_printable_escapes_what_cannot_be_shown() -> None:
    assert printable("a\ud800b\x00c\u202e") == "a\\ud800b\\u0000c\\u202e"
    assert printable("数字孪生 ²") == "数字孪生 ²"
    assert len(printable("x" * 500)) == 80


def test_figures_accept_full_width_digits_and_grouping() -> None:
    out = score_dict(
        None, text(doc(maximum(), scenarios(), data={"2": {"total_devices": "１，２００"}}))
    )
    assert out["ok"] is True and out["warnings"] == []
    assert out["answers"]["data"] == {"2": {"total_devices": "1200"}}


def test_what_was_read_is_given_back_in_the_documented_format() -> None:
    raw = doc(
        {"1": [3, 2], "2": 4},
        {"产品设计": 2, "不存在": 1},
        data={"2": {"total_devices": "120台", "digital_devices": 30}},
        meta={"company": "某某机械有限公司", "date": "2026-11-23"},
    )
    out = score_dict(None, text(raw))
    assert out["ok"] is False and out["refused"] is False
    assert out["answers"] == {
        "rubric": "sme-digital-level-2024",
        "questions": {"1": [2, 3], "2": 4},
        "scenarios": {"产品设计": 2},
        "data": {"2": {"digital_devices": "30"}},
        "meta": {"company": "某某机械有限公司", "date": "2026-11-23"},
    }
    assert [w["item"] for w in out["warnings"]] == ["field:2.total_devices"]


def test_partial_points_come_before_the_result() -> None:
    out = score_dict(None, text(doc({"5": 5, "1": [1]}, {})))
    assert out["ok"] is False
    points = {q["number"]: q["points"] for q in out["partial"]["questions"]}
    assert points == {1: "0.00", 5: "10.00"}  # Q5's last option is worth 10 of the total
    assert out["partial"]["score"] is None
    done = score_dict(None, text(doc(maximum(), {})))
    assert done["partial"]["score"]["display"] == "100.00"


# ---- fuzz ----

KEYS = st.sampled_from(
    [
        *["rubric", "questions", "scenarios", "data", "meta", "$schema", "1", "2", "4", "12", "14"],
        *["total_devices", "energy_last", "electricity", "company", "01", "²", "\ud800", '"'],
        *SCENARIOS[:4],
    ]
)
SCALARS = (
    st.none()
    | st.booleans()
    | st.integers(min_value=-(10**40), max_value=10**40)
    | st.floats(allow_nan=True, allow_infinity=True)
    | st.text(max_size=12)
    | st.sampled_from(["sme-digital-level-2024", "1e100000000", "1,200", "１２", "-1", "NaN"])
)
DOCS: st.SearchStrategy[Any] = st.recursive(
    SCALARS,
    lambda inner: (
        st.lists(inner, max_size=5) | st.dictionaries(KEYS | st.text(max_size=6), inner, max_size=6)
    ),
    max_leaves=30,
)


PLACEHOLDER = re.compile(r"\{(item|key|value|count|top|limit|offset|line|column|given|expected)\}")


def _answer_is_sound(out_text: str) -> dict[str, Any]:
    out_text.encode("utf-8")  # strict: no lone surrogate ever reaches the output
    out: dict[str, Any] = json.loads(out_text)
    assert isinstance(out["ok"], bool)
    for e in out.get("errors", []) + out.get("warnings", []):
        assert e["message"] and not PLACEHOLDER.search(e["message"]), e
    return out


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=300))
def test_fuzz_any_bytes_get_a_json_answer(data: bytes) -> None:
    _answer_is_sound(score_json(None, data, "en"))


@settings(max_examples=600, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(DOCS, st.sampled_from(["zh", "en"]))
def test_fuzz_any_json_gets_a_json_answer(document: Any, lang: str) -> None:
    raw = json.dumps(document, ensure_ascii=True)  # ascii: lone surrogates travel as escapes
    out = _answer_is_sound(score_json("sme-digital-level-2024", raw, lang))
    if not out.get("refused"):
        again = _answer_is_sound(score_json(None, json.dumps(out["answers"]), lang))
        assert again["answers"] == out["answers"]  # what was read reads back the same


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.dictionaries(KEYS, DOCS, max_size=6))
def test_fuzz_answers_shaped_documents(document: dict[str, Any]) -> None:
    document = {**doc(maximum(), scenarios()), **document}
    out = _answer_is_sound(score_json(None, json.dumps(document), "zh"))
    if not out.get("refused"):
        again = _answer_is_sound(score_json(None, json.dumps(out["answers"]), "zh"))
        assert again["answers"] == out["answers"]
