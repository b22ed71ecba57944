"""Presentation pieces every family shares: interface words in one language, problems worded with
the item they concern, and the dict for answers that could not be scored."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from ..errors import FILE_CODES, MISSING, Problem


class Words:
    """Interface strings of one language (rubrics/ui.yaml), with {placeholders} filled."""

    def __init__(self, ui: dict[str, Any], lang: str) -> None:
        self.ui = ui
        self.lang = lang

    def __call__(self, key: str, /, **params: object) -> str:
        node: Any = self.ui
        for part in key.split("."):
            node = node[part]
        template: str = node[self.lang]
        return template.format_map({k: str(v) for k, v in params.items()})


def generic_label(item: str, w: Words) -> str | None:
    """The name of an item every answers file has (the file, a top-level key, a figures entry or a
    note), or None for an item of the family's own rubric."""
    kind, _, rest = item.partition(":")
    if item == "answers":
        return w("items.answers")
    if not rest:  # a top-level key of the answers file
        return w("items.key", key=item)
    if kind in ("data", "meta"):
        return w(f"items.{kind}", key=rest)
    return None


Labeller = Callable[[str, "Words"], str]


def plain_label(item: str, w: Words) -> str:
    return generic_label(item, w) or item


def problem_dict(p: Problem, w: Words, label_of: Labeller = plain_label) -> dict[str, Any]:
    label = label_of(p.item, w)
    where = "files.errors" if p.code in FILE_CODES else "errors"
    message = w(f"{where}.{p.code}", item=label, **dict(p.params))
    out: dict[str, Any] = {"code": p.code, "item": p.item, "label": label, "message": message}
    if p.code in MISSING:
        out["missing"] = True
    return out


def errors_dict(
    rubric_id: str,
    problems: list[Problem],
    w: Words,
    label_of: Labeller | None = None,
) -> dict[str, Any]:
    """The answers could not be scored. Without a labeller (no rubric was found) nothing of the
    file could be read: ``refused`` tells a page to leave everything as it was."""
    refused = label_of is None
    return {
        "ok": False,
        "refused": refused,
        "rubric": rubric_id,
        "lang": w.lang,
        "title": w("errors.refused_title" if refused else "errors.title"),
        "errors": [problem_dict(p, w, label_of or plain_label) for p in problems],
        "warnings": [],
    }


# ---- result views: plain blocks the page's script turns into HTML (no markup travels) ----


def cell(
    text: str, *, holds: bool | None = None, item: str | None = None, head: bool = False
) -> dict[str, Any]:
    """A table cell: ``holds`` puts a ✓/✗ before the text, ``item`` links it to the form."""
    out: dict[str, Any] = {"text": text}
    if holds is not None:
        out["holds"] = holds
    if item is not None:
        out["item"] = item
    if head:
        out["head"] = True
    return out


def table(
    caption: str,
    head: list[str],
    rows: list[list[dict[str, Any]]],
    *,
    marks: list[bool] | None = None,
) -> dict[str, Any]:
    """A table block; ``marks`` highlights rows (e.g. the tiers that hold)."""
    return {
        "type": "table",
        "caption": caption,
        "head": head,
        "rows": [
            {"cells": r, "mark": bool(marks[i]) if marks else False} for i, r in enumerate(rows)
        ],
    }


def heading(text: str) -> dict[str, Any]:
    return {"type": "heading", "text": text}


def paragraph(text: str, kind: str = "") -> dict[str, Any]:
    return {"type": "paragraph", "text": text, "kind": kind}


def items(entries: list[dict[str, str]]) -> dict[str, Any]:
    """A list; each entry ``{"text", "item"?, "holds"?}`` (an item links to its place in the form,
    ``holds`` puts a ✓/✗ before the text)."""
    return {"type": "list", "items": entries}


def bars(caption: str, maximum: int, entries: list[dict[str, Any]]) -> dict[str, Any]:
    """A horizontal bar chart: each entry ``{"label", "value" (0..maximum, may be None), "text"}``.
    Always given together with a table of the same figures (the chart is an image to assistive
    technology, the table is the data)."""
    return {"type": "bars", "caption": caption, "max": maximum, "bars": entries}


# ---- key sub-scores: (label, value) pairs of a result dict, for a one-row summary of a file ----

Pairs = list[tuple[str, str]]


def headline_pairs(result: dict[str, Any], w: Words) -> Pairs:
    """The result's headline figures (``headline``: label, value), the summary of every family
    that has a headline."""
    return [(h["label"], str(h["value"])) for h in result.get("headline") or []]


def check_pairs(result: dict[str, Any], w: Words) -> Pairs:
    """The headline, then whether each tier's conditions all hold (``checks``: label, holds)."""
    return headline_pairs(result, w) + [
        (c["label"], w("result.holds" if c["holds"] else "result.fails"))
        for c in result.get("checks", [])
    ]
