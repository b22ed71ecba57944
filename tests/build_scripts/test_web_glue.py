"""The JavaScript knows no rubric: no ids, weights, thresholds or texts of any rubric appear in
it."""

from __future__ import annotations

import re

from build_scripts.load import load
from build_scripts.paths import WEB

SOURCES = {p.name: p.read_text(encoding="utf-8") for p in WEB.glob("*.mjs")}


def test_web_glue_exists() -> None:
    assert set(SOURCES) == {"app.mjs", "worker.mjs"}


def test_no_chinese_text_in_the_glue() -> None:
    for name, src in SOURCES.items():
        assert not re.search(r"[\u4e00-\u9fff]", src), name


def test_no_rubric_fact_in_the_glue() -> None:
    catalog = load()
    for rid, raw in catalog.rubrics.items():
        # Every family's rubric id; the SME rubric's ids and titles; the tier tables' scenario ids.
        # (Indicator ids of the general assessment, such as "data", are ordinary words.)
        words = {rid}
        words |= {d["id"] for d in raw.get("dimensions", [])}
        words |= {f["id"] for q in raw.get("questions", []) for f in q.get("fields", [])}
        words |= {r["id"] for r in raw.get("energy_table", {"rows": []})["rows"]}
        words |= {q["stem"]["en"] for q in raw.get("questions", [])}
        words |= {s["id"] for s in raw.get("scenarios", [])}
        for name, src in SOURCES.items():
            for word in words:
                assert word not in src, (name, word)
        thresholds = {str(lv["min_score"]) for lv in raw.get("levels", [])}
        for name, src in SOURCES.items():
            for t in thresholds:
                assert not re.search(rf"(?<![\w.]){t}(?![\w.])", src), (name, t)


def test_no_selector_is_built_from_data() -> None:
    """A key in an answers file (e.g. one holding a quote) must never become part of a CSS selector:
    nodes are found by comparing data attributes."""
    for name, src in SOURCES.items():
        calls = re.findall(r"querySelector(?:All)?\(([^)]*)\)", src)
        assert calls or name != "app.mjs"
        for args in calls:
            assert "${" not in args and "+" not in args, (name, args)
