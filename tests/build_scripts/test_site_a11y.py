"""Navigation, anchors and language marks of the built site (reads mkdocs.yml and site/, which
`make build` writes before the tests run), and the markup fixes of build_scripts/a11y_hooks.py."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

import pytest
import yaml

from build_scripts import a11y_hooks, library_nav
from build_scripts.paths import BUILD_DOCS, ROOT, RUBRICS, SITE

RID = "sme-digital-level-2024"


class ConfigLoader(yaml.SafeLoader):
    """mkdocs.yml as data: python tags (the toc slugify function) are kept as their tag name."""


ConfigLoader.add_multi_constructor(
    "tag:yaml.org,2002:python/", lambda loader, suffix, node: f"python/{suffix}"
)


def config() -> dict[str, Any]:
    data: dict[str, Any] = yaml.load(
        (ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=ConfigLoader
    )
    return data


def i18n_language(lang: str) -> dict[str, Any]:
    plugins = [p["i18n"] for p in config()["plugins"] if isinstance(p, dict) and "i18n" in p]
    (language,) = [la for la in plugins[0]["languages"] if la["locale"] == lang]
    return dict(language)


def nav_pages(items: list[Any]) -> list[str]:
    out: list[str] = []
    for item in items:
        if isinstance(item, str):
            out.append(item)
        else:
            for value in item.values():
                out += [value] if isinstance(value, str) else nav_pages(value)
    return out


def section_titles(items: list[Any]) -> set[str]:
    out: set[str] = set()
    for item in items:
        if isinstance(item, dict):
            for key, value in item.items():
                if isinstance(value, list):
                    out |= {key} | section_titles(value)
    return out


def built(path: str) -> str:
    file = SITE / path / "index.html"
    assert file.exists(), f"run `make build` first: {file} is missing"
    return file.read_text(encoding="utf-8")


def library_documents() -> list[Any]:
    """Worked out from the files: every document page, national ones first, then Jiangsu, Inner
    Mongolia and associations, by id within a group; a document paged per section is a section of
    the nav (its short title) holding its own page and then one page per top-level section."""
    order = ["national", "jiangsu", "inner_mongolia", "association"]
    docs = []
    for path in (RUBRICS / "library").glob("*.yaml"):
        if path.name != "index.yaml":
            data = yaml.safe_load(path.read_text(encoding="utf-8"))
            docs.append((order.index(data["group"]), data["id"], data))
    assert len(docs) >= 2
    out: list[Any] = []
    for _, doc_id, data in sorted(docs, key=lambda d: d[:2]):
        page = f"library/{doc_id}.md"
        if data.get("pages") == "per_section":
            parts = [f"library/{doc_id}/{s['id']}.md" for s in data["sections"]]
            out.append({data["short_title"]["zh"]: [page, *parts]})
        else:
            out.append(page)
    return out


def test_nav_groups_reading_self_assessment_and_deployment() -> None:
    nav = library_nav.with_documents(config()["nav"])  # as build_scripts/library_nav.py fills it
    sections = {k: nav_pages(v) for item in nav if isinstance(item, dict) for k, v in item.items()}
    assert nav[0] == "index.md"
    rubrics = [
        RID,
        "smart-factory-national-2025",
        "smart-factory-tier-jiangsu-2025",
        "smart-factory-tier-inner-mongolia-2025",
        "jiangsu-dx-2025",
        "inner-mongolia-capability-2025",
    ]
    # the calculators in the home page's order: the general assessment feeds the tiers
    calculators = [RID, *rubrics[4:], *rubrics[2:4], rubrics[1]]
    assert list(sections.values()) == [
        [*(f"rubrics/{r}.md" for r in [*rubrics, "tech-system-1295"]), "glossary.md"],
        # the requirement library: its index, then every document of rubrics/library/
        ["library/index.md", *nav_pages(library_documents())],
        [
            *(f"calculator/{r}.md" for r in [*calculators, "tech-system-1295"]),
            "answers-format.md",
        ],
        ["offline.md", "performance.md"],
    ]
    # every section title, nested ones too (the editions of a family are grouped), is translated
    # the nav sections of documents paged per section are translated by library_nav.py
    titles = set(i18n_language("en")["nav_translations"]) | set(library_nav.nav_titles())
    assert titles == section_titles(nav)


def test_nav_lists_every_page_once() -> None:
    listed = nav_pages(library_nav.with_documents(config()["nav"]))
    pages = sorted(
        str(p.relative_to(BUILD_DOCS)).replace(".zh.md", ".md") for p in BUILD_DOCS.rglob("*.zh.md")
    )
    assert pages, "run `make build` first: build/docs is empty"
    assert sorted(listed) == pages


def test_english_nav_shows_translated_section_titles() -> None:
    en, zh = built("en"), built("")
    for zh_title, en_title in i18n_language("en")["nav_translations"].items():
        assert zh_title in zh and en_title not in zh
        assert en_title in en


def test_chinese_headings_get_readable_anchors() -> None:
    (toc,) = [
        e["toc"] for e in config()["markdown_extensions"] if isinstance(e, dict) and "toc" in e
    ]
    assert toc["slugify"] == "python/object/apply:pymdownx.slugs.slugify"
    page = built(f"rubrics/{RID}")
    ids = re.findall(r'<h[1-6] id="([^"]+)"', page)
    assert ids and not [i for i in ids if re.fullmatch(r"_\d+", i)], ids
    assert "2-数字化经营维度" in ids  # the heading's own words
    assert {"q1", "q15", "decisions"} <= set(ids)  # explicit { #id } anchors are kept


class Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.ids: set[str] = set()
        self.hrefs: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if a.get("id"):
            self.ids.add(str(a["id"]))
        if tag == "a" and a.get("href"):
            self.hrefs.append(str(a["href"]))


def parse(file: Path) -> Links:
    links = Links()
    links.feed(file.read_text(encoding="utf-8"))
    return links


def test_every_internal_link_with_an_anchor_finds_its_target() -> None:
    files = sorted(SITE.rglob("index.html"))
    assert len(files) > 10, "run `make build` first"
    parsed = {f: parse(f) for f in files}
    broken = []
    for file, links in parsed.items():
        for href in links.hrefs:
            url = urlsplit(href)
            if url.scheme or url.netloc or not url.fragment:
                continue
            target = (file.parent / unquote(url.path)).resolve() if url.path else file
            if target.is_dir():
                target = target / "index.html"
            if target not in parsed or unquote(url.fragment) not in parsed[target].ids:
                broken.append(f"{file.relative_to(SITE)}: {href}")
    assert not broken, broken
    # the explicit anchors the templates link to are among those checked
    rubric = parsed[SITE / "rubrics" / RID / "index.html"]
    assert "#q1" in rubric.hrefs


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_home_page_opens_with_the_calculator(lang: str) -> None:
    home = built("en" if lang == "en" else "")
    article = home[home.index("<article") :]
    button = re.search(r'<a class="md-button md-button--primary" href="([^"]+)"', article)
    assert button, "no primary button on the home page"
    assert button.group(1) == f"calculator/{RID}/"
    assert button.start() < article.index("<h2"), "the calculator must come before any section"


def test_chinese_on_english_pages_is_marked() -> None:
    cjk = re.compile(r"[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]+")
    for path in ("en", "en/offline", "en/performance"):
        page = built(path)
        article = page[page.index("<article") : page.index("</article>")]
        unmarked = re.sub(r'<span lang="zh">[^<]*</span>', "", article)
        text = re.sub(r"<[^>]*>", "", unmarked)  # attribute values are not read as text
        assert not cjk.findall(text), (path, cjk.findall(text))
    assert '<span lang="zh">' in built("en")


class LangText(HTMLParser):
    """The text of an article outside any element marked lang="zh"."""

    VOID = frozenset(("br", "img", "input", "hr", "meta", "link", "wbr", "source", "col"))

    def __init__(self) -> None:
        super().__init__()
        self.stack: list[bool] = [False]  # inside a lang="zh" element
        self.outside: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in self.VOID:
            self.stack.append(self.stack[-1] or dict(attrs).get("lang") == "zh")

    def handle_endtag(self, tag: str) -> None:
        if tag not in self.VOID and len(self.stack) > 1:
            self.stack.pop()

    def handle_data(self, data: str) -> None:
        if not self.stack[-1]:
            self.outside.append(data)


@pytest.mark.parametrize(
    "rid",
    [
        RID,
        "smart-factory-tier-jiangsu-2025",
        "smart-factory-tier-inner-mongolia-2025",
        "jiangsu-dx-2025",
        "inner-mongolia-capability-2025",
    ],
)
def test_chinese_on_english_rubric_pages_is_marked(rid: str) -> None:
    """Every Chinese character of an English rubric page's article (official numbers, the other
    province's wording, quoted slips) is inside an element marked lang="zh"."""
    page = built(f"en/rubrics/{rid}")
    parser = LangText()
    parser.feed(page[page.index("<article") : page.index("</article>")])
    cjk = re.findall(r"[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]+", "".join(parser.outside))
    assert not cjk, cjk[:10]


@pytest.mark.parametrize(
    "rid",
    [
        "smart-factory-tier-jiangsu-2025",
        "smart-factory-tier-inner-mongolia-2025",
        "jiangsu-dx-2025",
        "inner-mongolia-capability-2025",
    ],
)
def test_new_rubric_pages_have_unique_readable_anchors_and_link_each_other(rid: str) -> None:
    for path in (f"rubrics/{rid}", f"en/rubrics/{rid}"):
        page = built(path)
        ids = re.findall(r' id="([^"]+)"', page)
        assert len(ids) == len(set(ids)), [i for i in ids if ids.count(i) > 1][:5]
        assert not [
            i for i in re.findall(r'<h[1-6] id="([^"]+)"', page) if re.fullmatch(r"_\d+", i)
        ]
        # the other province's page, at the same scenario or indicator
        assert re.search(r'href="\.\./[a-z-]+-2025/#(scenario|indicator|segment)-[a-z0-9-]+"', page)


def test_search_dialog_is_named_after_its_field() -> None:
    html = (
        '<div class="md-search" data-md-component="search" role="dialog">'
        '<input type="text" class="md-search__input" name="query" aria-label="Search" x>'
    )
    assert 'role="dialog" aria-label="Search">' in a11y_hooks.name_search_dialog(html)
    assert 'role="dialog" aria-label="Search"' in built("en")
    assert 'role="dialog" aria-label="搜索"' in built("")


def test_language_names_are_marked_with_their_language() -> None:
    out = a11y_hooks.mark_language_links(
        '<a href="/" hreflang="zh" class="md-select__link">中文</a>'
    )
    assert out == '<a href="/" hreflang="zh" class="md-select__link" lang="zh">中文</a>'
    assert 'hreflang="zh" class="md-select__link" lang="zh"' in built("en")


def test_site_name_chinese_is_marked_in_text_only() -> None:
    html = '<a title="zhiping · 智评"></a><span>\n zhiping · 智评\n</span>'
    out = a11y_hooks.mark_site_name(html, "zhiping · 智评")
    assert (
        out
        == '<a title="zhiping · 智评"></a><span>\n zhiping · <span lang="zh">智评</span>\n</span>'
    )
    assert 'zhiping · <span lang="zh">智评</span>' in built("en")
    assert a11y_hooks.mark_site_name(html, "zhiping") == html


def test_the_library_section_lists_its_index_then_every_document() -> None:
    """mkdocs.yml names the section with its index page; the hook adds each document (a new
    rubrics/library/*.yaml appears without editing mkdocs.yml), in group order, once."""
    nav = [{"要求文库": ["library/index.md", "library/b.md"]}, "other.md"]
    out = library_nav.with_documents(nav, ["library/a.md", "library/b.md"])
    assert out == [{"要求文库": ["library/index.md", "library/a.md", "library/b.md"]}, "other.md"]
    assert library_nav.document_pages() == library_documents()
    assert "要求文库" in i18n_language("en")["nav_translations"]
    assert "Requirement library" in built("en") and "要求文库" in built("")


@pytest.mark.parametrize(
    "path", ["library/dx-typical-scenarios-2025", "library/smart-factory-cultivation-plan"]
)
def test_chinese_on_english_library_pages_is_marked(path: str) -> None:
    page = built(f"en/{path}")
    parser = LangText()
    parser.feed(page[page.index("<article") : page.index("</article>")])
    cjk = re.findall(r"[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]+", "".join(parser.outside))
    assert not cjk, cjk[:10]
