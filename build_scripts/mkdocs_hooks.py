"""mkdocs hooks (listed in mkdocs.yml).

Material fetches ``<alternate>/sitemap.xml`` for every ``<link rel="alternate">`` in a page head, to
switch language in place; mkdocs-static-i18n points those links at the page in the other language,
where no sitemap exists, so every page load logged two 404s. The links are dropped from the head;
the language menu (its own markup) still switches language.

Search (see build_scripts/search.py): the YAML's Chinese words go into jieba before pages are
indexed, calculator chrome is marked ``data-search-exclude``, English pages load their own index,
and after the build (i18n's included) the index is split per language and the worker's query
segmentation is fixed.

Every page carries the site's Content-Security-Policy (``build_scripts/site_server.py``, which also
sends it as a header) as a meta tag right after ``<meta charset>``, before any script.

The service worker (site/sw.js) is written last, with a version digesting every file of the site.
"""

from __future__ import annotations

import re
from html import escape
from pathlib import Path
from typing import Any

import jieba  # type: ignore[import-untyped]
from mkdocs.plugins import event_priority

from build_scripts import offline_cache, search
from build_scripts.site_server import CSP

ALTERNATE = re.compile(r'<link rel="alternate" href="[^"]*" hreflang="[^"]*">\s*')


CHARSET = '<meta charset="utf-8">'
CSP_META = f'<meta http-equiv="Content-Security-Policy" content="{escape(CSP, quote=False)}">'


def add_csp(output: str) -> str:
    """The page with the site's Content-Security-Policy as a meta tag right after its charset."""
    if CHARSET not in output:
        raise ValueError(f"no {CHARSET} in the page: cannot place the Content-Security-Policy")
    return output.replace(CHARSET, f"{CHARSET}\n    {CSP_META}", 1)


KEYWORDS: dict[str, tuple[str, dict[str, list[str]]]] = {}


def _cut(text: str) -> list[str]:
    return list(jieba.cut(text))


def _cut_all(word: str) -> list[str]:
    return list(jieba.cut(word, cut_all=True))


@event_priority(100)  # before the search plugin's on_config, which is where jieba is first used
def on_config(config: Any) -> Any:
    glossary, rubrics = search.read_sources()
    path = search.write_userdict(search.dictionary_words(glossary, rubrics.values()))
    jieba.load_userdict(str(path))
    library = search.read_library()
    words = search.library_words(library)
    jieba.load_userdict(str(search.write_userdict(words, search.LIBRARY_USERDICT)))
    KEYWORDS.clear()
    KEYWORDS.update(search.page_keywords(glossary, rubrics))
    KEYWORDS.update(search.library_keywords(library))
    return config


def on_page_content(html: str, page: Any, config: Any, files: Any) -> str:
    return search.mark_chrome(html)


def on_post_page(output: str, page: Any, config: Any) -> str:
    output = add_csp(ALTERNATE.sub("", output))
    if page.url.startswith(search.EN):
        output = search.rebase_english_page(output)
    if page.meta.get("zhiping_wheel"):  # a calculator page
        output = search.lazy_search_page(output)
    return output


def on_post_template(output_content: str, template_name: str, config: Any) -> str:
    """Pages built from a theme template alone (404.html) get the policy too."""
    return add_csp(output_content) if template_name.endswith(".html") else output_content


@event_priority(-200)  # after mkdocs-static-i18n (-100), which writes the index of both languages
def on_post_build(config: Any) -> None:
    site = Path(config["site_dir"])
    search.patch_site_worker(site)
    search.process_site_index(site, _cut, _cut_all, KEYWORDS)
    offline_cache.write_service_worker(site)  # last: its version digests every file
