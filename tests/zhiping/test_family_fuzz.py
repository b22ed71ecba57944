"""Hypothesis fuzzing of every family's answers reader through the api: whatever the document,
the answer is a JSON result with every message filled in, and what was read reads back the same."""

from __future__ import annotations

import json
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from zhiping import catalog
from zhiping.api import score_dict

RUBRICS = [r for r in catalog.rubric_ids() if r != "sme-digital-level-2024"]  # SME: test_jsonread
KEYS = [
    *("indicators", "amounts", "scenarios", "maturity", "score", "declarations", "position"),
    *("held", "meta", "level", "not_applicable", "1", "3", "7", "40", "41", "01", "eligibility"),
    *("total_since_2014", "national_leading", "ai", "built", "__proto__", "\u0000", "不涉及"),
    *("product", "segments", "tables", "rows", "stars", "not_involved", "s1", "r1", "gap"),
    *("origin", "overall", "static_years", "technology", "name", "2", "9"),
]
scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-3, 200),
    st.sampled_from(["", "60", "60.5", "1,200", "１２", "ai", "built", "abc", "1e999", "-1"]),
    st.text(max_size=8),
)
values = st.recursive(
    scalars,
    lambda inner: st.one_of(
        st.lists(inner, max_size=3), st.dictionaries(st.sampled_from(KEYS), inner, max_size=5)
    ),
    max_leaves=25,
)
documents = st.dictionaries(st.sampled_from(KEYS), values, max_size=6)


@settings(max_examples=300, deadline=None)
@given(st.sampled_from(RUBRICS), documents, st.sampled_from(["zh", "en"]))
def test_any_document_gets_a_clear_answer(rubric: str, doc: dict[str, Any], lang: str) -> None:
    out = score_dict(rubric, json.dumps(doc, ensure_ascii=False), lang)
    json.dumps(out, ensure_ascii=False).encode("utf-8")  # serialisable, strict UTF-8
    for e in [*out.get("errors", []), *out.get("warnings", [])]:
        assert e["message"] and "{" not in e["message"].replace("{…}", ""), e
    if out.get("refused"):
        return
    again = score_dict(rubric, json.dumps(out["answers"], ensure_ascii=False), lang)
    assert again["answers"] == out["answers"]
    # what was read never has an error of its own
    assert all(e.get("missing") for e in again.get("errors", [])), again.get("errors")
