"""The JavaScript knows no rubric: no ids, weights, thresholds or texts of any rubric appear in
it."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from build_scripts.load import load
from build_scripts.paths import WEB

SOURCES = {p.name: p.read_text(encoding="utf-8") for p in WEB.glob("*.mjs")}


def test_web_glue_exists() -> None:
    assert set(SOURCES) == {"app.mjs", "store.mjs", "worker.mjs"}


def test_no_chinese_text_in_the_glue() -> None:
    for name, src in SOURCES.items():
        assert not re.search(r"[\u4e00-\u9fff]", src), name


def facts(node: Any, key: str = "") -> Iterator[tuple[str, Any]]:
    """Every (key, value) pair of a rubric's YAML, at any depth."""
    if isinstance(node, dict):
        for k, v in node.items():
            yield from facts(v, k)
    elif isinstance(node, list):
        for v in node:
            yield from facts(v, key)
    else:
        yield key, node


def test_no_rubric_fact_in_the_glue() -> None:
    """No id, name or threshold of any rubric of any family: the glue works from the page's data
    attributes and the Python result only."""
    catalog = load()
    for rid, raw in catalog.rubrics.items():
        pairs = list(facts(raw))
        # compound ids (a one-word id like "data" or "quality" is also an ordinary word)
        words = {rid} | {
            v for k, v in pairs if k == "id" and isinstance(v, str) and re.search(r"[_-]", v)
        }
        words |= {v for k, v in pairs if k == "en" and isinstance(v, str) and " " in v}
        thresholds = {
            str(v)
            for k, v in pairs
            if "score" in k and isinstance(v, int) and not isinstance(v, bool)
        }
        for name, src in SOURCES.items():
            for word in words:
                assert not re.search(rf"(?<![\w-]){re.escape(word)}(?![\w-])", src), (name, word)
            for t in thresholds - {"0", "1"}:
                assert not re.search(rf"(?<![\w.]){t}(?![\w.])", src), (name, t)


def test_no_selector_is_built_from_data() -> None:
    """A key in an answers file (e.g. one holding a quote) must never become part of a CSS selector:
    nodes are found by comparing data attributes."""
    for name, src in SOURCES.items():
        calls = re.findall(r"querySelector(?:All)?\(([^)]*)\)", src)
        assert calls or name != "app.mjs"
        for args in calls:
            assert "${" not in args and "+" not in args, (name, args)


# The words a form may use to tell the script what to do (generic: no family of its own).
VOCABULARY = (
    "data-path",
    "data-json",
    "data-off-when",
    "data-repeat",
    "data-repeat-key",
    "data-repeat-prefix",
    "data-repeat-mirror",
    "data-repeat-add",
    "data-repeat-remove",
    "data-repeat-item",
    "data-repeat-index",
    "data-repeat-empty",
    "data-text-from",
    "data-text-empty",
    "data-note-for",
)


def test_the_form_vocabulary_is_documented_in_the_glue() -> None:
    comments = "\n".join(
        line for line in SOURCES["app.mjs"].splitlines() if line.lstrip().startswith("//")
    )
    for word in VOCABULARY:
        assert re.search(rf"{re.escape(word)}(?![\w-])", comments), word


def test_the_worker_calls_only_the_api_functions_it_names() -> None:
    from zhiping import api

    found = re.search(r"const FUNCTIONS = new Set\(\[([^\]]*)\]\)", SOURCES["worker.mjs"])
    assert found
    names = set(re.findall(r'"(\w+)"', found.group(1)))
    assert names == {"score_json", "export_csv", "export_json", "report_json"}
    assert all(callable(getattr(api, name)) for name in names)
    assert "api[fn]" in SOURCES["worker.mjs"] and "FUNCTIONS.has(fn)" in SOURCES["worker.mjs"]
