"""mkdocs hook (listed in mkdocs.yml): the requirement library's section of the nav lists every
document of rubrics/library/, so that adding a document is adding one YAML file.

mkdocs.yml names the section (``要求文库``) with its index page only; the documents follow it in the
library's group order (national, Jiangsu, Inner Mongolia, associations), then by id. A document
paged per section (``pages: per_section``) is a nav section of its own, titled with its short title
(translated for the English nav), holding the document page and then the page of each section.
"""

from __future__ import annotations

from typing import Any

import yaml
from mkdocs.plugins import event_priority

from build_scripts.families import requirement_document as library
from build_scripts.paths import RUBRICS
from zhiping.model.requirement_document import GROUPS, PER_SECTION

SECTION = "要求文库"  # the nav section's title in mkdocs.yml (translated there for English)
# libyaml's loader where PyYAML has it: a long catalogue takes the pure-Python loader a noticeable
# part of a second, and the nav reads every document once per language.
LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
INDEX_PAGE = f"{library.LIBRARY}/index.md"


def _documents(folder: Any) -> list[dict[str, Any]]:
    """The library's documents as read, in nav order."""
    docs = []
    for path in sorted(folder.glob("*.yaml")):
        if path.name == library.INDEX:
            continue
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=LOADER) or {}
        data.setdefault("id", path.stem)
        group = data.get("group")
        rank = GROUPS.index(group) if group in GROUPS else len(GROUPS)
        docs.append((rank, str(data["id"]), data))
    return [d for _, _, d in sorted(docs, key=lambda x: x[:2])]


def _entry(data: dict[str, Any]) -> Any:
    """A document's nav entry: its page, or, paged per section, a section of its pages."""
    page = f"{library.LIBRARY}/{data['id']}.md"
    if data.get("pages") != PER_SECTION:
        return page
    parts = [f"{library.LIBRARY}/{data['id']}/{s['id']}.md" for s in data.get("sections", [])]
    return {data["short_title"]["zh"]: [page, *parts]}


def document_pages(folder: Any = RUBRICS / library.LIBRARY) -> list[Any]:
    """The library's document pages (library/<id>.md) in nav order; a document paged per section
    is ``{short title: [library/<id>.md, library/<id>/<section id>.md, …]}``."""
    return [_entry(d) for d in _documents(folder)]


def nav_titles(folder: Any = RUBRICS / library.LIBRARY) -> dict[str, str]:
    """The English of the nav sections the documents paged per section add (zh → en)."""
    return _titles(_documents(folder))


def _titles(docs: list[dict[str, Any]]) -> dict[str, str]:
    return {
        d["short_title"]["zh"]: d["short_title"]["en"]
        for d in docs
        if d.get("pages") == PER_SECTION
    }


def with_documents(nav: list[Any], pages: list[Any] | None = None) -> list[Any]:
    """``nav`` with the library section holding its index page and then every document page."""
    pages = document_pages() if pages is None else pages
    out: list[Any] = []
    for item in nav:
        if isinstance(item, dict) and SECTION in item:
            listed = [p for p in item[SECTION] if p not in pages]
            item = {SECTION: [*listed, *pages]}
        out.append(item)
    return out


def with_nav_titles(config: Any, titles: dict[str, str]) -> None:
    """Add ``titles`` to the English nav translations of mkdocs-static-i18n."""
    plugin = config["plugins"].get("i18n") if titles else None
    if plugin is None:
        return
    for language in plugin.config.languages:
        if language.locale == "en":
            language.nav_translations = {**(language.nav_translations or {}), **titles}


@event_priority(100)  # before mkdocs-static-i18n reads the nav
def on_config(config: Any) -> Any:
    docs = _documents(RUBRICS / library.LIBRARY)
    config["nav"] = with_documents(config["nav"], [_entry(d) for d in docs])
    with_nav_titles(config, _titles(docs))
    return config
