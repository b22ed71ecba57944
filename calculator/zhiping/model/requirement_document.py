"""An official requirement document published for reading (the requirement library), as frozen
dataclasses read from rubrics/library/<id>.yaml: its source (issuer, number, date, or a decision
saying why one is missing), what it is for, and its body — a tree of numbered sections, each
holding blocks (paragraph, list, table, definition list, a figure the source lost).

Nothing here is scored: a block may name the rubric items that score what it requires
(``links``), and the pages render them as "scored in …" links.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from .common import (
    Decision,
    ModelError,
    Text,
    _at,
    _bool,
    _get,
    _int,
    _list,
    _many,
    _one_of,
    _str,
    _str_or_none,
    _text,
    _text_opt,
)

GROUPS = ("national", "jiangsu", "inner_mongolia", "association")
# How the document is paged (``pages``): absent, one page; ``per_section``, a page for the document
# (its source, notice, decisions and contents) and one for each top-level section.
PER_SECTION = "per_section"
PAGINGS = (PER_SECTION,)
SOURCE_FIELDS = ("issuer", "number", "date")  # each given, or null with a decision (``missing``)
PARAGRAPH, LIST, TABLE, DEFINITIONS, FIGURE = "paragraph", "list", "table", "definitions", "figure"
BLOCK_TYPES = (PARAGRAPH, LIST, TABLE, DEFINITIONS, FIGURE)
TOP_LEVEL = (
    "id",
    "family",
    "group",
    "title",
    "short_title",
    "purpose",
    "notice",
    "source",
    "sections",
    "decisions",
)

_CN_DIGITS = {c: i for i, c in enumerate("零一二三四五六七八九")}
_ROMAN = (
    (1000, "M"),
    (900, "CM"),
    (500, "D"),
    (400, "CD"),
    (100, "C"),
    (90, "XC"),
    (50, "L"),
    (40, "XL"),
    (10, "X"),
    (9, "IX"),
    (5, "V"),
    (4, "IV"),
    (1, "I"),
)
_CN_NUM = "[一二三四五六七八九十百零]+"
# The numberings of Chinese official documents, as printed → how the English page prints them.
NUMBERINGS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(f"^({_CN_NUM})、$"), "roman"),  # 一、 → I.
    (re.compile(f"^（({_CN_NUM})）$"), "paren"),  # （一） → (1)
    (re.compile(r"^(\d+)\.$"), "arabic"),  # 1. → 1.
    (re.compile(r"^（(\d+)）$"), "paren"),  # （1） → (1)
    (re.compile(f"^第({_CN_NUM})章$"), "chapter"),  # 第一章 → Chapter 1
    (re.compile(f"^第({_CN_NUM})条$"), "article"),  # 第一条 → Article 1
    (re.compile(r"^(?:\d+\.)+(\d+)$"), "decimal"),  # 1.1, 8.4.2 → the same (its last part counts)
)


def chinese_number(text: str) -> int:
    """一 → 1, 十二 → 12, 二十 → 20, 一百零五 → 105 (the numbers section labels use)."""
    total, current = 0, 0
    for ch in text:
        if ch in _CN_DIGITS:
            current = _CN_DIGITS[ch]
        elif ch in "十百":
            total += (current or 1) * (10 if ch == "十" else 100)
            current = 0
        else:
            raise ValueError(f"not a Chinese number: {text!r}")
    return total + current


def roman(n: int) -> str:
    out = ""
    for value, letters in _ROMAN:
        while n >= value:
            out += letters
            n -= value
    return out


def numbering_style(label: str) -> int:
    """Which of ``NUMBERINGS`` a label is printed in (siblings share one); ValueError if none."""
    for i, (pattern, _) in enumerate(NUMBERINGS):
        if pattern.match(label):
            return i
    raise ValueError(f"unknown numbering {label!r}")


def parse_number(label: str) -> tuple[int, str]:
    """A section label as printed (一、 （一） 1. （1） 第一章 第一条 1.1) → (its number, its
    English label); ValueError for a numbering this module does not know. A decimal label (1.1,
    8.4.2: a catalogue's subcategories) counts by its last part and reads the same in English."""
    for pattern, style in NUMBERINGS:
        m = pattern.match(label)
        if m:
            raw = m[1]
            n = int(raw) if raw.isdigit() else chinese_number(raw)
            english = {
                "roman": f"{roman(n)}.",
                "paren": f"({n})",
                "arabic": f"{n}.",
                "chapter": f"Chapter {n}",
                "article": f"Article {n}",
                "decimal": label,
            }[style]
            return n, english
    raise ValueError(f"unknown numbering {label!r}")


@dataclass(frozen=True)
class Link:
    """A rubric item that scores (or states as a condition) what the block requires: the rubric
    page, an anchor on it, and the item's name as the link shows it."""

    rubric: str
    anchor: str | None
    item: Text | None

    @classmethod
    def from_dict(cls, d: Any, path: str) -> Link:
        return cls(
            rubric=_str(d, "rubric", path),
            anchor=_str_or_none(d, "anchor", path)
            if isinstance(d, dict) and "anchor" in d
            else None,
            item=_text_opt(d, "item", path),
        )

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"rubric": self.rubric}
        if self.anchor is not None:
            out["anchor"] = self.anchor
        if self.item is not None:
            out["item"] = self.item.to_dict()
        return out


def _links(d: Any, path: str) -> tuple[Link, ...]:
    return _many(d, "links", path, Link.from_dict) if "links" in d else ()


def _put_links(out: dict[str, Any], links: tuple[Link, ...]) -> dict[str, Any]:
    if links:
        out["links"] = [x.to_dict() for x in links]
    return out


@dataclass(frozen=True)
class Item:
    """One entry of a list or a definition list: an optional run-in term ("数据要素：") and its
    text."""

    term: Text | None
    text: Text
    links: tuple[Link, ...]
    note: Text | None

    @classmethod
    def from_dict(cls, d: Any, path: str) -> Item:
        if not isinstance(d, dict):
            raise ModelError(path, "expected a mapping")
        return cls(
            term=_text_opt(d, "term", path),
            text=_text(d, "text", path),
            links=_links(d, path),
            note=_text_opt(d, "note", path),
        )

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {}
        if self.term is not None:
            out["term"] = self.term.to_dict()
        out["text"] = self.text.to_dict()
        _put_links(out, self.links)
        if self.note is not None:
            out["note"] = self.note.to_dict()
        return out


@dataclass(frozen=True)
class Block:
    """A paragraph, a list (numbered or not), a table (columns and rows of bilingual cells), a
    definition list, or a figure the source text has lost (its caption and what survives of it).

    Only the fields of its ``type`` are set: ``text`` (paragraph), ``items`` (list, definitions),
    ``columns`` + ``rows`` (table; ``name_column``, the column of names search indexes as such),
    ``caption`` + ``content`` (figure). ``note`` is ours (OCR
    damage, a gap in the source), shown as such."""

    type: str
    text: Text | None = None
    numbered: bool = False
    items: tuple[Item, ...] = ()
    caption: Text | None = None
    columns: tuple[Text, ...] = ()
    rows: tuple[tuple[Text, ...], ...] = ()
    content: tuple[Text, ...] = ()
    links: tuple[Link, ...] = ()
    note: Text | None = None
    name_column: int | None = None  # table: the column whose cells are names (search)

    @classmethod
    def from_dict(cls, d: Any, path: str) -> Block:
        kind = _one_of(d, "type", path, BLOCK_TYPES)
        common: dict[str, Any] = {"type": kind, "links": _links(d, path)}
        common["note"] = _text_opt(d, "note", path)
        if kind == PARAGRAPH:
            return cls(text=_text(d, "text", path), **common)
        if kind == LIST:
            return cls(
                numbered=_bool(d, "numbered", path),
                items=_many(d, "items", path, Item.from_dict),
                **common,
            )
        if kind == DEFINITIONS:
            items = _many(d, "items", path, Item.from_dict)
            for i, item in enumerate(items):
                if item.term is None:
                    raise ModelError(f"{_at(path, 'items')}[{i}].term", "missing")
            return cls(items=items, **common)
        if kind == TABLE:
            rows = []
            for i, row in enumerate(_list(d, "rows", path)):
                where = f"{_at(path, 'rows')}[{i}]"
                if not isinstance(row, list):
                    raise ModelError(where, "expected a list of cells")
                rows.append(tuple(Text.from_dict(c, f"{where}[{j}]") for j, c in enumerate(row)))
            return cls(
                caption=_text_opt(d, "caption", path),
                columns=_many(d, "columns", path, Text.from_dict),
                rows=tuple(rows),
                name_column=_int(d, "name_column", path) if "name_column" in d else None,
                **common,
            )
        content = _many(d, "content", path, Text.from_dict) if "content" in d else ()
        return cls(caption=_text(d, "caption", path), content=content, **common)

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"type": self.type}
        if self.type == PARAGRAPH and self.text is not None:
            out["text"] = self.text.to_dict()
        if self.type == LIST:
            out["numbered"] = self.numbered
        if self.type in (LIST, DEFINITIONS):
            out["items"] = [x.to_dict() for x in self.items]
        if self.caption is not None:
            out["caption"] = self.caption.to_dict()
        if self.type == TABLE:
            out["columns"] = [c.to_dict() for c in self.columns]
            out["rows"] = [[c.to_dict() for c in row] for row in self.rows]
            if self.name_column is not None:
                out["name_column"] = self.name_column
        if self.content:
            out["content"] = [c.to_dict() for c in self.content]
        _put_links(out, self.links)
        if self.note is not None:
            out["note"] = self.note.to_dict()
        return out


@dataclass(frozen=True)
class Section:
    """A numbered (or unnumbered) heading with its blocks and its subsections; ``note`` is ours
    (a part the source text lost: the heading survives, its content does not)."""

    id: str
    number: str | None  # the label as printed: 一、 （一） 1. （1） 第一章 第一条 1.1
    heading: Text
    blocks: tuple[Block, ...]
    sections: tuple[Section, ...]
    links: tuple[Link, ...]
    note: Text | None = None

    @classmethod
    def from_dict(cls, d: Any, path: str) -> Section:
        number = _str_or_none(d, "number", path) if isinstance(d, dict) and "number" in d else None
        if number is not None:
            try:
                parse_number(number)
            except ValueError as exc:
                raise ModelError(_at(path, "number"), str(exc)) from exc
        return cls(
            id=_str(d, "id", path),
            number=number,
            heading=_text(d, "heading", path),
            blocks=_many(d, "blocks", path, Block.from_dict) if "blocks" in d else (),
            sections=_many(d, "sections", path, Section.from_dict) if "sections" in d else (),
            links=_links(d, path),
            note=_text_opt(d, "note", path),
        )

    @property
    def ordinal(self) -> int | None:
        """The section's number (（三） → 3), None when unnumbered."""
        return None if self.number is None else parse_number(self.number)[0]

    def label(self, lang: str) -> str:
        """The number as each language prints it: （三） / (3); "" when unnumbered."""
        if self.number is None:
            return ""
        return self.number if lang == "zh" else parse_number(self.number)[1]

    def walk(self, depth: int = 1) -> Iterator[tuple[int, Section]]:
        """This section and every subsection, depth first, with their depth (1 = top level)."""
        yield depth, self
        for s in self.sections:
            yield from s.walk(depth + 1)

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"id": self.id}
        if self.number is not None:
            out["number"] = self.number
        out["heading"] = self.heading.to_dict()
        if self.blocks:
            out["blocks"] = [b.to_dict() for b in self.blocks]
        if self.sections:
            out["sections"] = [s.to_dict() for s in self.sections]
        _put_links(out, self.links)
        if self.note is not None:
            out["note"] = self.note.to_dict()
        return out

    def entries(self) -> list[str]:
        """The entries of this section and its subsections, in order: the distinct texts (zh) of
        the first column of their tables (a catalogue's entry numbers; a number printed again
        for a variant counts once)."""
        found: dict[str, None] = {}
        for _, s in self.walk():
            for b in s.blocks:
                if b.type == TABLE:
                    found.update((row[0].zh, None) for row in b.rows if row)
        return list(found)


@dataclass(frozen=True)
class SeedRef:
    """Where in the project's source texts the document was transcribed from (traceability; the
    pages cite the compilation, not these files)."""

    file: str
    first_line: int
    last_line: int

    @classmethod
    def from_dict(cls, d: Any, path: str) -> SeedRef:
        lines = _list(d, "lines", path)
        if (
            len(lines) != 2
            or not all(isinstance(x, int) and not isinstance(x, bool) for x in lines)
            or not 0 < lines[0] <= lines[1]
        ):
            raise ModelError(
                _at(path, "lines"), "expected [first, last] line numbers, first ≤ last"
            )
        return cls(file=_str(d, "file", path), first_line=lines[0], last_line=lines[1])

    def to_dict(self) -> dict[str, Any]:
        return {"file": self.file, "lines": [self.first_line, self.last_line]}


@dataclass(frozen=True)
class Source:
    """Issuer, document number and date as the source prints them; each may be null, and then
    ``missing`` names the decision that says why (never an invented value)."""

    issuer: Text | None
    number: str | None
    date: str | None  # ISO date of the signature
    missing: dict[str, str]  # field → decision id
    signed: bool  # the text ends with the issuer's signature and date
    compilation: Text
    seed: SeedRef

    @classmethod
    def from_dict(cls, d: Any, path: str) -> Source:
        issuer = _get(d, "issuer", path)
        missing = _get(d, "missing", path) if "missing" in d else {}
        if not isinstance(missing, dict) or not all(
            isinstance(k, str) and isinstance(v, str) and v for k, v in missing.items()
        ):
            raise ModelError(_at(path, "missing"), "expected field → decision id")
        return cls(
            issuer=None if issuer is None else Text.from_dict(issuer, _at(path, "issuer")),
            number=_str_or_none(d, "number", path),
            date=_str_or_none(d, "date", path),
            missing=dict(missing),
            signed=_bool(d, "signed", path),
            compilation=_text(d, "compilation", path),
            seed=SeedRef.from_dict(_get(d, "seed", path), _at(path, "seed")),
        )

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "issuer": None if self.issuer is None else self.issuer.to_dict(),
            "number": self.number,
            "date": self.date,
        }
        if self.missing:
            out["missing"] = dict(self.missing)
        out["signed"] = self.signed
        out["compilation"] = self.compilation.to_dict()
        out["seed"] = self.seed.to_dict()
        return out


@dataclass(frozen=True)
class Purpose:
    """What the document is for, and the rubrics whose calculators score what it requires."""

    text: Text
    scored_by: tuple[str, ...]

    @classmethod
    def from_dict(cls, d: Any, path: str) -> Purpose:
        scored = _list(d, "scored_by", path)
        if not all(isinstance(x, str) and x for x in scored):
            raise ModelError(_at(path, "scored_by"), "expected rubric ids")
        return cls(text=_text(d, "text", path), scored_by=tuple(scored))

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text.to_dict(), "scored_by": list(self.scored_by)}


@dataclass(frozen=True)
class RequirementDocument:
    """One document of the requirement library."""

    id: str
    family: str
    group: str
    title: Text
    short_title: Text
    purpose: Purpose
    notice: Text
    source: Source
    preamble: tuple[Block, ...]
    sections: tuple[Section, ...]
    decisions: tuple[Decision, ...]
    pages: str | None = None  # PER_SECTION: a page per top-level section; None: one page

    @property
    def per_section(self) -> bool:
        return self.pages == PER_SECTION

    @classmethod
    def from_dict(cls, d: Any, path: str = "") -> RequirementDocument:
        if not isinstance(d, dict):
            raise ModelError(path or "/", "expected a mapping")
        for key in TOP_LEVEL:  # named here so that a missing part's path has no leading dot
            if key not in d:
                raise ModelError(_at(path, key), "missing")
        return cls(
            id=_str(d, "id", path),
            family=_str(d, "family", path),
            group=_one_of(d, "group", path, GROUPS),
            title=_text(d, "title", path),
            short_title=_text(d, "short_title", path),
            purpose=Purpose.from_dict(_get(d, "purpose", path), _at(path, "purpose")),
            notice=_text(d, "notice", path),
            source=Source.from_dict(_get(d, "source", path), _at(path, "source")),
            preamble=_many(d, "preamble", path, Block.from_dict) if "preamble" in d else (),
            sections=_many(d, "sections", path, Section.from_dict),
            decisions=_many(d, "decisions", path, Decision.from_dict),
            pages=_one_of(d, "pages", path, PAGINGS) if "pages" in d else None,
        )

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "id": self.id,
            "family": self.family,
            "group": self.group,
            **({"pages": self.pages} if self.pages is not None else {}),
            "title": self.title.to_dict(),
            "short_title": self.short_title.to_dict(),
            "purpose": self.purpose.to_dict(),
            "notice": self.notice.to_dict(),
            "source": self.source.to_dict(),
        }
        if self.preamble:
            out["preamble"] = [b.to_dict() for b in self.preamble]
        out["sections"] = [s.to_dict() for s in self.sections]
        out["decisions"] = [x.to_dict() for x in self.decisions]
        return out

    def walk(self) -> Iterator[tuple[int, Section]]:
        """Every section, depth first, with its depth (1 = top level)."""
        for s in self.sections:
            yield from s.walk()

    def links(self) -> Iterator[tuple[str, Link]]:
        """Every link of the document with its path (the purpose's rubrics are not links)."""

        def of_blocks(blocks: tuple[Block, ...], path: str) -> Iterator[tuple[str, Link]]:
            for i, b in enumerate(blocks):
                yield from ((f"{path}[{i}].links[{k}]", x) for k, x in enumerate(b.links))
                for j, item in enumerate(b.items):
                    where = f"{path}[{i}].items[{j}].links"
                    yield from ((f"{where}[{k}]", x) for k, x in enumerate(item.links))

        def of_sections(sections: tuple[Section, ...], path: str) -> Iterator[tuple[str, Link]]:
            for i, s in enumerate(sections):
                here = f"{path}[{i}]"
                yield from ((f"{here}.links[{k}]", x) for k, x in enumerate(s.links))
                yield from of_blocks(s.blocks, f"{here}.blocks")
                yield from of_sections(s.sections, f"{here}.sections")

        yield from of_blocks(self.preamble, "preamble")
        yield from of_sections(self.sections, "sections")
