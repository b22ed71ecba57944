"""Semantic checks of a requirement-library document: section ids unique in the document (they are
the page's anchors), sibling sections numbered 1..n in one numbering style (or continuing the
numbers of the previous group at the same depth, as guides numbering their scenarios 1..40 across
headings do), tables whose rows have as many cells as there are columns (and whose name column is
one of them), a decision for every source field left null (and only for those), decisions that
exist wherever they are named, decisions that apply to parts that exist, and, in a document paged
per section, top-level section ids that can be page names. References to other rubrics are checked
by the build, which knows them all (:func:`check_references`)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from ..model.requirement_document import (
    SOURCE_FIELDS,
    TABLE,
    Block,
    RequirementDocument,
    Section,
    numbering_style,
)
from .common import Issue, check_mentions, duplicates

# What a decision may apply to besides a section id.
DOCUMENT_TARGETS = ("title", "source", "purpose", "preamble")
# Page names a top-level section of a document paged per section may not take (library/<id>/index
# is the document's own page).
PAGE_NAMES_TAKEN = ("index",)


def _section_paths(
    sections: Sequence[Section], path: str = "sections"
) -> Iterable[tuple[str, Section]]:
    for i, s in enumerate(sections):
        here = f"{path}[{i}]"
        yield here, s
        yield from _section_paths(s.sections, f"{here}.sections")


def _numbering(
    file: str, path: str, sections: Sequence[Section], depth: int, last: dict[tuple[int, int], int]
) -> list[Issue]:
    """Sibling sections share one numbering style and run 1..n, or continue the numbers of the
    previous group of that style at the same depth (1.–3. under 一、, 4.–5. under 二、, …).
    ``last``: the last number of each (depth, style) so far, updated here."""
    numbered = [s for s in sections if s.number is not None]
    if not numbered:
        return []
    out = []
    styles = {numbering_style(s.number) for s in numbered if s.number is not None}
    if len(styles) > 1:
        labels = [s.number for s in numbered]
        out.append(Issue(file, path, "numbering", f"sibling sections mix numberings: {labels}"))
    got = [s.ordinal for s in numbered]
    key = (depth, min(styles))
    starts = {1, last.get(key, 0) + 1}
    if not any(got == list(range(k, k + len(got))) for k in starts):
        want = " or ".join(f"{k}..{k + len(got) - 1}" for k in sorted(starts))
        out.append(Issue(file, path, "numbering", f"numbers must run {want}, got {got}"))
    last[key] = got[-1] or 0
    return out


def _blocks(file: str, path: str, blocks: Sequence[Block]) -> list[Issue]:
    out = []
    for i, b in enumerate(blocks):
        if b.type == TABLE:
            if b.name_column is not None and b.name_column >= len(b.columns):
                out.append(
                    Issue(
                        file,
                        f"{path}[{i}].name_column",
                        "table_shape",
                        f"no column {b.name_column} among {len(b.columns)} columns",
                    )
                )
            for j, row in enumerate(b.rows):
                if len(row) != len(b.columns):
                    out.append(
                        Issue(
                            file,
                            f"{path}[{i}].rows[{j}]",
                            "table_shape",
                            f"{len(row)} cells for {len(b.columns)} columns",
                        )
                    )
    return out


def check_requirement_document(
    doc: RequirementDocument, data: dict[str, Any], file: str
) -> list[Issue]:
    out: list[Issue] = []
    paths = list(_section_paths(doc.sections))
    out += duplicates(file, "section", [(f"{p}.id", s.id) for p, s in paths])
    out += duplicates(
        file, "decision", [(f"decisions[{i}].id", d.id) for i, d in enumerate(doc.decisions)]
    )
    last: dict[tuple[int, int], int] = {}
    out += _numbering(file, "sections", doc.sections, 1, last)
    out += _blocks(file, "preamble", doc.preamble)
    for p, s in paths:
        out += _numbering(file, f"{p}.sections", s.sections, p.count("sections[") + 1, last)
        out += _blocks(file, f"{p}.blocks", s.blocks)

    decision_ids = {d.id for d in doc.decisions}
    src = doc.source
    for key in SOURCE_FIELDS:
        value = getattr(src, key)
        if value is None and key not in src.missing:
            out.append(
                Issue(
                    file,
                    f"source.{key}",
                    "missing_decision",
                    f"{key} is null: name the decision that says why under source.missing",
                )
            )
    for key, decision in src.missing.items():
        where = f"source.missing.{key}"
        if key not in SOURCE_FIELDS:
            out.append(Issue(file, where, "unknown_ref", f"no source field {key!r}"))
        elif getattr(src, key) is not None:
            out.append(Issue(file, where, "missing_decision", f"{key} is given, not missing"))
        if decision not in decision_ids:
            out.append(Issue(file, where, "unknown_ref", f"no decision {decision!r}"))

    targets = {s.id for _, s in paths} | set(DOCUMENT_TARGETS)
    for i, d in enumerate(doc.decisions):
        for j, a in enumerate(d.applies_to):
            if a not in targets:
                out.append(
                    Issue(file, f"decisions[{i}].applies_to[{j}]", "unknown_ref", f"no part {a!r}")
                )
    out += check_mentions(data, file, decision_ids)
    if doc.per_section:
        for i, s in enumerate(doc.sections):
            if s.id in PAGE_NAMES_TAKEN:
                out.append(
                    Issue(
                        file,
                        f"sections[{i}].id",
                        "duplicate_id",
                        f"section id {s.id!r} is the document's own page (pages: per_section)",
                    )
                )
    return out


def check_references(doc: RequirementDocument, file: str, rubrics: dict[str, bool]) -> list[Issue]:
    """Every rubric the document names (``purpose.scored_by``, ``links``) exists; a rubric named as
    scoring the document has a calculator. ``rubrics``: rubric id → has a calculator."""
    out = []
    for i, rid in enumerate(doc.purpose.scored_by):
        where = f"purpose.scored_by[{i}]"
        if rid not in rubrics:
            out.append(Issue(file, where, "unknown_ref", f"no rubric {rid!r}"))
        elif not rubrics[rid]:
            out.append(Issue(file, where, "unknown_ref", f"rubric {rid!r} has no calculator"))
    for path, link in doc.links():
        if link.rubric not in rubrics:
            out.append(Issue(file, f"{path}.rubric", "unknown_ref", f"no rubric {link.rubric!r}"))
    return out
