"""mkdocs hook (listed in mkdocs.yml): the requirement library's section of the nav lists every
document of rubrics/library/, so that adding a document is adding one YAML file.

mkdocs.yml names the section (``要求文库``) with its index page only; the documents follow it in the
library's group order (national, Jiangsu, Inner Mongolia, associations), then by id.
"""

from __future__ import annotations

from typing import Any

import yaml
from mkdocs.plugins import event_priority

from build_scripts.families import requirement_document as library
from build_scripts.paths import RUBRICS
from zhiping.model.requirement_document import GROUPS

SECTION = "要求文库"  # the nav section's title in mkdocs.yml (translated there for English)
INDEX_PAGE = f"{library.LIBRARY}/index.md"


def document_pages(folder: Any = RUBRICS / library.LIBRARY) -> list[str]:
    """The library's document pages (library/<id>.md) in nav order."""
    docs = []
    for path in sorted(folder.glob("*.yaml")):
        if path.name == library.INDEX:
            continue
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        group = data.get("group")
        rank = GROUPS.index(group) if group in GROUPS else len(GROUPS)
        docs.append((rank, str(data.get("id", path.stem))))
    return [f"{library.LIBRARY}/{doc_id}.md" for _, doc_id in sorted(docs)]


def with_documents(nav: list[Any], pages: list[str] | None = None) -> list[Any]:
    """``nav`` with the library section holding its index page and then every document page."""
    pages = document_pages() if pages is None else pages
    out: list[Any] = []
    for item in nav:
        if isinstance(item, dict) and SECTION in item:
            listed = [p for p in item[SECTION] if p not in pages]
            item = {SECTION: [*listed, *pages]}
        out.append(item)
    return out


@event_priority(100)  # before mkdocs-static-i18n reads the nav
def on_config(config: Any) -> Any:
    config["nav"] = with_documents(config["nav"])
    return config
