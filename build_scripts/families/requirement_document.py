"""Build pieces of the requirement library's documents (rubrics/library/<id>.yaml): schema, checks,
and what the document page template needs (heading levels and labels, anchors, where each
decision target is). A document has no calculator; its "scored in …" links point at the rubrics
that score what it requires.

A document paged per section (``pages: per_section``, a long catalogue) has a page for the document
(source, notice, preamble, signature, decisions and a contents list) and one for each top-level
section (library/<id>/<section id>), which carries the source line with links back.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from zhiping.model.requirement_document import GROUPS, RequirementDocument, Section
from zhiping.validate import Issue
from zhiping.validate.requirement_document import (
    check_references,
    check_requirement_document,
)

from ..paths import RUBRICS

FAMILY = "requirement_document"
SCHEMA = RUBRICS / "schema" / f"{FAMILY}.schema.json"
INDEX_SCHEMA = RUBRICS / "schema" / "library_index.schema.json"
LIBRARY = "library"  # the folder under rubrics/ (and the pages' folder on the site)
INDEX = "index.yaml"  # rubrics/library/index.yaml: the group of each published rubric

# Anchors of the document page's fixed parts; a section id may not take them.
RESERVED = ("source", "purpose", "text", "decisions", "contents")
# The search weight of a section's page of a document paged per section (Material's page ``search:
# boost``): a long catalogue repeats common words (high, capacity, resolution) in many rows and
# headings, and would otherwise list its pages above the documents a reader looks for with them; the
# names it defines (its headings and name column) still list its pages first.
SECTION_PAGE_BOOST = 0.5
# A decision's applies_to that is not a section → the anchor of that part of the page.
TARGET_ANCHORS = {"title": "source", "source": "source", "purpose": "purpose", "preamble": "text"}


def check(model: RequirementDocument, data: dict[str, Any], file: str) -> list[Issue]:
    out = check_requirement_document(model, data, file)
    for _, s in model.walk():
        if s.id in RESERVED:
            out.append(Issue(file, "sections", "duplicate_id", f"section id {s.id!r} is reserved"))
    return out


def references(model: RequirementDocument, file: str, rubrics: dict[str, bool]) -> list[Issue]:
    """The rubrics the document names exist (``rubrics``: id → has a calculator)."""
    return check_references(model, file, rubrics)


def index_issues(index: Any, file: str, rubric_ids: Sequence[str]) -> list[Issue]:
    """rubrics/library/index.yaml lists every published rubric exactly once, and nothing else."""
    out: list[Issue] = []
    seen: dict[str, str] = {}
    for group in GROUPS:
        for i, rid in enumerate(index["rubrics"][group]):
            path = f"rubrics.{group}[{i}]"
            if rid in seen:
                out.append(Issue(file, path, "duplicate_id", f"{rid!r} is listed at {seen[rid]}"))
            elif rid not in rubric_ids:
                out.append(Issue(file, path, "unknown_ref", f"no rubric {rid!r}"))
            seen.setdefault(rid, path)
    for rid in rubric_ids:
        if rid not in seen:
            out.append(
                Issue(file, "rubrics", "missing", f"rubric {rid!r} is in no group of the library")
            )
    return out


def heading_level(depth: int) -> str:
    """The Markdown heading of a section at ``depth`` (1 = top level): ## … ######."""
    return "#" * min(depth + 1, 6)


def heading(section: Section, lang: str) -> str:
    """A section's number and heading as each language prints them: 一、背景 / I. Background,
    （一）指导思想 / (1) Guiding ideology, 1. 产品平台化设计."""
    label = section.label(lang)
    text = section.heading.get(lang)
    if not label:
        return text
    glue = "" if lang == "zh" and label[-1] in "、）" else " "
    return f"{label}{glue}{text}"


def target_anchor(target: str) -> str:
    return TARGET_ANCHORS.get(target, target)


def page_path(doc_id: str, lang: str) -> Path:
    return Path(f"{LIBRARY}/{doc_id}.{lang}.md")


def section_page_path(doc_id: str, section_id: str, lang: str) -> Path:
    """The page of a top-level section of a document paged per section."""
    return Path(f"{LIBRARY}/{doc_id}/{section_id}.{lang}.md")


def section_pages(m: RequirementDocument) -> list[Section]:
    """The top-level sections that are pages of their own (none unless ``pages: per_section``)."""
    return list(m.sections) if m.per_section else []


def target_href(m: RequirementDocument, target: str) -> str:
    """Where a decision's target is, from the document page: an anchor on it, or, in a document
    paged per section, the page of the section (or of its top-level section, at its anchor)."""
    if m.per_section:
        for top in m.sections:
            if any(s.id == target for _, s in top.walk()):
                page = f"{m.id}/{top.id}.md"
                return page if top.id == target else f"{page}#{target}"
    return f"#{target_anchor(target)}"


def page_context(
    m: RequirementDocument, peers: Sequence[RequirementDocument] = ()
) -> dict[str, Any]:
    return {
        "sections": list(m.walk()),
        "heading_level": heading_level,
        "heading": heading,
        "target_anchor": target_anchor,
        "target_href": lambda target: target_href(m, target),
        "section_names": {s.id: s.heading.to_dict() for _, s in m.walk()},
        "per_section": m.per_section,
        # (section, its number of entries) for the contents list of a document paged per section
        "contents": [(s.to_dict(), len(s.entries())) for s in section_pages(m)],
    }
