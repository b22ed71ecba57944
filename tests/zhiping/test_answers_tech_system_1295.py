"""Reading the "1295" answers file: the product, its 环, rows per list per 环 and the rater's ★;
every problem named at its item; what was read written back unchanged (the form fills itself from
it, and an exported file imports back losslessly)."""

from __future__ import annotations

import json
from fractions import Fraction
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.zhiping.family_models import model
from zhiping.answers.tech_system_1295 import (
    MAX_ROWS,
    MAX_SEGMENTS,
    RowKey,
    answers_dict,
    read_answers,
)

RID = "tech-system-1295"


def read(raw: dict[str, Any]) -> Any:
    return read_answers(model(RID), {"rubric": RID, **raw})


def problems(raw: dict[str, Any]) -> list[tuple[str, str]]:
    return [(p.code, p.item) for p in read(raw)[1]]


FULL: dict[str, Any] = {
    "rubric": RID,
    "product": "锂离子动力电池",
    "basis": "按产品组成环节划分",
    "segments": {"s1": {"name": "正极材料"}, "s2": {"name": "电芯制造"}},
    "tables": {
        "1": {
            "segments": {
                "s2": {
                    "stars": 3,
                    "rows": {
                        "r1": {"technology": "叠片", "level": 4, "gap": 2, "mature": True},
                        "r2": {"technology": "化成", "commonality": 3},
                    },
                },
                "s1": {"rows": {"r1": {"technology": "共沉淀", "no_autonomy": True}}},
            }
        },
        "3": {
            "segments": {
                "s1": {
                    "rows": {
                        "a": {"origin": "domestic", "name": "甲", "level": "domestic_leading"},
                        "b": {"name": "乙"},
                        "c": {"origin": "foreign", "name": "Foreign Co.", "cooperation": 4},
                    }
                }
            }
        },
        "7": {"not_involved": True},
        "9": {
            "segments": {
                "s1": {
                    "rows": {
                        "r1": {
                            "software": "MES",
                            "category": "production_control",
                            "overall": 2,
                            "static_years": "2.50",
                        }
                    }
                }
            }
        },
    },
    "meta": {"company": "某电池公司"},
}


def test_a_full_file_is_read_without_a_problem() -> None:
    got, out = read_answers(model(RID), FULL)
    assert out == []
    a = got.answers
    assert a.product == "锂离子动力电池" and a.basis == "按产品组成环节划分"
    assert [(s.id, s.name) for s in a.segments] == [("s1", "正极材料"), ("s2", "电芯制造")]
    t1 = a.tables[1]
    # rows follow the order of the 环 list, not of the table's keys
    assert [r.segment for r in t1.rows] == ["s1", "s2", "s2"]
    assert got.keys[1] == (RowKey("s1", "r1"), RowKey("s2", "r1"), RowKey("s2", "r2"))
    assert t1.rows[1].cells == {"technology": "叠片", "level": 4, "gap": 2, "mature": True}
    assert t1.stars == {"s2": 3}
    assert a.tables[7].not_involved and a.tables[7].rows == ()
    assert a.tables[9].rows[0].cells["static_years"] == Fraction(5, 2)
    # the enterprise without domestic/foreign is kept aside, not scored
    assert [r.domestic for r in a.tables[3].rows] == [True, False]
    assert [k for k, _ in got.held[3]] == [RowKey("s1", "b")]


def test_what_was_read_is_written_back_in_the_same_order() -> None:
    got, _ = read_answers(model(RID), FULL)
    back = answers_dict(model(RID), got)
    expected = json.loads(json.dumps(FULL))
    # canonical: the 环 list's order, years as an exact decimal
    expected["tables"]["1"]["segments"] = {
        "s1": FULL["tables"]["1"]["segments"]["s1"],
        "s2": FULL["tables"]["1"]["segments"]["s2"],
    }
    expected["tables"]["9"]["segments"]["s1"]["rows"]["r1"]["static_years"] = "2.5"
    assert back == expected
    assert list(back["tables"]["3"]["segments"]["s1"]["rows"]) == ["a", "b", "c"]
    again, out = read_answers(model(RID), back)
    assert out == [] and answers_dict(model(RID), again) == back


def test_blanks_and_unticked_boxes_are_absent() -> None:
    got, out = read(
        {
            "segments": {"s1": {"name": " "}},
            "tables": {
                "1": {
                    "segments": {
                        "s1": {
                            "stars": "",
                            "rows": {"r1": {"level": None, "technology": "  ", "mature": False}},
                        }
                    }
                },
            },
        }
    )
    assert out == []
    assert got.answers.tables[1].rows[0].cells == {}
    assert got.answers.tables[1].stars == {}
    assert got.answers.segments[0].name == ""


def block(table: str, content: Any) -> dict[str, Any]:
    return {"segments": {"s1": {}}, "tables": {table: {"segments": {"s1": content}}}}


def row(table: str, cells: Any) -> dict[str, Any]:
    return block(table, {"rows": {"r1": cells}})


ONE = {"segments": {"s1": {}}}
CASES: list[tuple[dict[str, Any], list[tuple[str, str]]]] = [
    ({"product": "x"}, [("missing_answer", "segments")]),
    ({"segments": []}, [("not_an_object", "segments"), ("missing_answer", "segments")]),
    ({"segments": {"1s": {}}}, [("bad_id", "segment:1s"), ("missing_answer", "segments")]),
    ({"segments": {"s1": {"name": 5}}}, [("bad_text", "segment:s1")]),
    ({"segments": {"s1": {"title": "x"}}}, [("unknown_key", "segment:s1")]),
    ({**ONE, "tables": {"10": {}}}, [("unknown_table", "table:10")]),
    ({**ONE, "tables": {"1": {"segments": {"s2": {}}}}}, [("unknown_segment", "table:1")]),
    ({**ONE, "tables": {"1": {"not_involved": "yes"}}}, [("not_yes_no", "table:1")]),
    ({**ONE, "tables": {"1": {"rows": {}}}}, [("unknown_key", "table:1")]),
    (block("1", {"stars": 0}), [("grade_out_of_range", "stars:1:s1")]),
    (block("3", {"stars": 3}), [("stars_not_here", "stars:3:s1")]),
    (block("9", {"stars": 3}), [("stars_not_here", "stars:9:s1")]),
    (block("5", {"rows": []}), [("not_an_object", "block:5:s1")]),
    (block("5", {"rows": {"r-1!": {}}}), [("bad_id", "row:5:s1:r-1!")]),
    (row("1", {"overall": 3}), [("unknown_column", "cell:1:s1:r1:overall")]),
    (row("1", {"segment": "s1"}), [("unknown_column", "cell:1:s1:r1:segment")]),
    (row("1", {"level": 2.5}), [("grade_out_of_range", "cell:1:s1:r1:level")]),
    (row("1", {"level": True}), [("grade_out_of_range", "cell:1:s1:r1:level")]),
    (row("1", {"mature": 1}), [("not_yes_no", "cell:1:s1:r1:mature")]),
    (row("9", {"category": "cad"}), [("bad_choice", "cell:9:s1:r1:category")]),
    (row("3", {"origin": "mars"}), [("bad_choice", "cell:3:s1:r1:origin")]),
    (row("1", {"origin": "domestic"}), [("unknown_column", "cell:1:s1:r1:origin")]),
    (row("5", {"static_years": "-1"}), [("bad_number", "cell:5:s1:r1:static_years")]),
    (row("5", {"equipment": "x" * 2001}), [("bad_text", "cell:5:s1:r1:equipment")]),
    (
        {**ONE, "tables": {"5": {"not_involved": True, "segments": {"s1": {"stars": 2}}}}},
        [("not_involved_alone", "table:5")],
    ),
    ({**ONE, "colour": "red"}, [("unknown_key", "colour")]),
]


@pytest.mark.parametrize(("raw", "expected"), CASES)
def test_every_problem_is_named_at_its_item(
    raw: dict[str, Any], expected: list[tuple[str, str]]
) -> None:
    assert problems(raw) == expected


def test_years_accept_what_a_person_types() -> None:
    got, out = read(
        {
            "segments": {"s1": {}},
            "tables": {
                "5": {
                    "segments": {
                        "s1": {
                            "rows": {
                                "a": {"static_years": "１２"},
                                "b": {"static_years": 0},
                                "c": {"static_years": "0.5"},
                            }
                        }
                    }
                }
            },
        }
    )
    assert out == []
    assert [r.cells["static_years"] for r in got.answers.tables[5].rows] == [12, 0, Fraction(1, 2)]


def test_not_involved_with_an_empty_block_is_fine() -> None:
    got, out = read(
        {"segments": {"s1": {}}, "tables": {"5": {"not_involved": True, "segments": {"s1": {}}}}}
    )
    assert out == [] and got.answers.tables[5].not_involved


def test_sizes_are_bounded() -> None:
    many = {f"s{i}": {"name": str(i)} for i in range(MAX_SEGMENTS + 5)}
    got, out = read({"segments": many})
    assert ("too_many", "segments") in [(p.code, p.item) for p in out]
    assert len(got.answers.segments) == MAX_SEGMENTS
    rows = {f"r{i}": {} for i in range(MAX_ROWS + 1)}
    got, out = read({"segments": {"s1": {}}, "tables": {"2": {"segments": {"s1": {"rows": rows}}}}})
    assert [(p.code, p.item) for p in out] == [("too_many", "table:2")]
    assert len(got.answers.tables[2].rows) == MAX_ROWS


ids = st.from_regex(r"[a-z][a-z0-9]{0,3}", fullmatch=True)
grade = st.integers(1, 5)


@settings(max_examples=150, deadline=None)
@given(
    st.dictionaries(ids, st.text(max_size=6), min_size=1, max_size=3),
    st.lists(st.tuples(grade, grade, st.booleans(), st.text(max_size=5)), max_size=4),
    st.one_of(st.none(), grade),
)
def test_reading_back_is_a_fixed_point(
    segments: dict[str, str], rows: list[tuple[int, int, bool, str]], stars: int | None
) -> None:
    first = next(iter(segments))
    block: dict[str, Any] = {
        "rows": {
            f"r{i}": {"level": lv, "gap": gap, "mature": tick, "technology": text}
            for i, (lv, gap, tick, text) in enumerate(rows)
        }
    }
    if stars is not None:
        block["stars"] = stars
    raw = {
        "rubric": RID,
        "segments": {k: {"name": v} for k, v in segments.items()},
        "tables": {"1": {"segments": {first: block}}},
    }
    got, out = read_answers(model(RID), raw)
    assert out == []
    back = answers_dict(model(RID), got)
    again, out2 = read_answers(model(RID), back)
    assert out2 == [] and answers_dict(model(RID), again) == back
    assert len(again.answers.tables[1].rows) == len(rows)
