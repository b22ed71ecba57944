"""mkdocs hook (listed in mkdocs.yml): accessibility fixes to markup the theme writes.

- Material's search ``role="dialog"`` has no accessible name: it takes the name of the search
  field inside it (Material's own localized "搜索" / "Search").
- Language names in the language menu are marked with their language (``中文`` is read as Chinese
  on English pages, ``English`` as English on Chinese pages).
- Chinese words in the site name (``zhiping · 智评``) shown on English pages are marked
  ``lang="zh"``.
"""

from __future__ import annotations

import html
import re
from typing import Any

SEARCH_DIALOG = '<div class="md-search" data-md-component="search" role="dialog">'
SEARCH_LABEL = re.compile(
    r'<input type="text" class="md-search__input" name="query" aria-label="([^"]*)"'
)
LANGUAGE_LINK = re.compile(r'(<a href="[^"]*" hreflang="([a-zA-Z-]+)" class="md-select__link")>')
PAGE_LANG = re.compile(r'<html lang="([a-zA-Z-]+)"')
CJK_RUN = re.compile(r"[\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uff00-\uffef]+")


def name_search_dialog(output: str) -> str:
    label = SEARCH_LABEL.search(output)
    if not label:
        return output
    return output.replace(SEARCH_DIALOG, SEARCH_DIALOG[:-1] + f' aria-label="{label.group(1)}">', 1)


def mark_language_links(output: str) -> str:
    return LANGUAGE_LINK.sub(r'\1 lang="\2">', output)


def mark_chinese(text: str) -> str:
    """Wrap every run of Chinese characters in ``text`` (HTML) in ``<span lang="zh">``."""
    return CJK_RUN.sub(lambda m: f'<span lang="zh">{m.group(0)}</span>', text)


def mark_site_name(output: str, site_name: str) -> str:
    """Chinese in the site name, where it is text between tags (attribute values are left as they
    are)."""
    escaped = html.escape(site_name, quote=False)
    if not CJK_RUN.search(escaped):
        return output
    shown = re.compile(r"(>\s*)" + re.escape(escaped) + r"(\s*<)")
    return shown.sub(lambda m: m.group(1) + mark_chinese(escaped) + m.group(2), output)


def on_post_page(output: str, page: Any, config: Any) -> str:
    output = name_search_dialog(output)
    output = mark_language_links(output)
    lang = PAGE_LANG.search(output)
    if lang and not lang.group(1).startswith("zh"):
        output = mark_site_name(output, str(config["site_name"]))
    return output
