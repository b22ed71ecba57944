"""Search in the browser: Chinese words inside sentences and English full words are found, a term
lists its own page first, each language lists only its own pages, and calculator buttons are not
content.

Every term is ranked in tests/build_scripts/test_search_index.py with a Python model of the search
worker;
here a sample of them is typed into the real search box, and the pages the browser lists must be the
model's, in the model's order (so the model stays faithful).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from urllib.parse import urlparse

import pytest
from playwright.sync_api import Browser, Page, expect

from build_scripts import search
from build_scripts.paths import SITE
from build_scripts.search_model import SearchModel, load
from tests.build_scripts.test_search_index import showing
from tests.e2e.conftest import Outside

GLOSSARY_DATA, RUBRICS = search.read_sources()
RID = "sme-digital-level-2024"
RUBRIC = RUBRICS[RID]
GLOSSARY_PAGE = "glossary/"
RUBRIC_PAGE = f"rubrics/{RID}/"
CALCULATOR_PAGE = f"calculator/{RID}/"
EITHER = (GLOSSARY_PAGE, RUBRIC_PAGE)
LIBRARY = search.read_library()
KEYWORDS = {**search.page_keywords(GLOSSARY_DATA, RUBRICS), **search.library_keywords(LIBRARY)}
TIERS = tuple(p for p in (f"rubrics/{rid}/" for rid in RUBRICS) if "smart-factory-tier" in p)
DX = ("rubrics/jiangsu-dx-2025/", "rubrics/inner-mongolia-capability-2025/")
TECH = "rubrics/tech-system-1295/"
TECH_TEXT = str(RUBRICS["tech-system-1295"])


def term_pages(term: dict[str, str], lang: str) -> tuple[str, ...]:
    """Where a glossary term may be listed first: the glossary, the SME rubric, and the "1295" page
    when that rubric uses the term (its pools, its lists)."""
    used = any(
        part in TECH_TEXT for part in term[lang].split(" / ")
    )  # "A / B / C": names of one kind
    return EITHER + ((TECH,) if used else ())


def shown_on(pages: tuple[str, ...]) -> tuple[str, ...]:
    """Rubric pages and their calculators, whose forms show the same level texts."""
    return pages + tuple(p.replace("rubrics/", "calculator/", 1) for p in pages)


def namers(term: str, lang: str) -> tuple[str, ...]:
    """The rubric pages naming ``term`` (or a name containing it): as in
    tests/build_scripts/test_search_index.py, any of them may come first (质量管理 is an SME
    scenario and a tier-table segment, 数字化投入规模 a glossary term and a general-assessment
    indicator)."""
    return tuple(
        page
        for page, (field, words) in KEYWORDS.items()
        if field == search.NAMES and any(term.lower() in w.lower() for w in words[lang])
    )


def is_word(text: str) -> bool:
    return re.fullmatch(r"[A-Za-z][A-Za-z-]*", text) is not None


TERMS = GLOSSARY_DATA["terms"]
SCENARIOS = [s for g in RUBRIC["scenario_groups"] for s in g["scenarios"]]
EN_WORDS = [t["en"] for t in TERMS if is_word(t["en"])]

# (language, what is typed, pages allowed first): a spread sample of the YAML's terms.
CASES: list[tuple[str, str, tuple[str, ...]]] = [
    *(("zh", t["zh"], term_pages(t, "zh")) for t in TERMS[::18]),
    *(("en", w, EITHER) for w in EN_WORDS[::6]),
    *(("zh", q["stem"]["zh"], (RUBRIC_PAGE,)) for q in RUBRIC["questions"][::7]),
    *(("zh", s["name"]["zh"], (RUBRIC_PAGE,)) for s in SCENARIOS[::8]),
    # Measured before: 设备联网 listed 设备管理 first, 数字孪生 and 专精特新 matched 数字 and 专精.
    ("zh", "设备联网", EITHER),
    ("zh", "数字孪生", (GLOSSARY_PAGE,)),
    ("zh", "专精特新", (GLOSSARY_PAGE,)),
    ("zh", "孪生", EITHER),
    ("en", "networking", EITHER),
    ("en", "coal equivalent", EITHER),
    # The smart-factory tier and general assessment pages: a scenario name, a segment name, a phrase
    # inside a level description, in both languages, and a phrase of the English translation.
    ("zh", "数字孪生工厂运营优化", TIERS),
    ("en", "Digital twin factory operations optimization", TIERS),
    ("zh", "能碳管理", TIERS),
    ("en", "Energy and carbon management", TIERS),
    # the DX implementation guide's section on O&M services names 产能共享 in a short section:
    # it may come first (test_search_index.py ranks the rest)
    ("zh", "产能共享", (*shown_on(DX), "library/dx-implementation-guide-2024/")),
    # the library's DX reference holds "capacity sharing" too (scenario II (3) 2)
    ("en", "capacity sharing", (*shown_on(DX), "library/dx-typical-scenarios-2025/")),
    # a library heading holding one of the words ("3. Virtual simulation of product processes")
    # comes first by Material's title weight (test_search_index.py: the other pages' order holds)
    ("en", "flow-path simulation", (*shown_on(TIERS), "library/dx-typical-scenarios-2025/")),
    # Measured before the phrases field: "Production safety" (an SME scenario) listed the tier
    # pages first, which name "Production operations" and "Safety management and control".
    ("en", "Production safety", (RUBRIC_PAGE,)),
    # The "1295" page: words of its tables' ★ definitions and grade texts, in both languages (卡脖子
    # is also a glossary term; “chokepoint” is quoted in the text).
    ("zh", "卡脖子", (GLOSSARY_PAGE, TECH)),
    ("en", "chokepoint", (GLOSSARY_PAGE, TECH)),
    ("zh", "话语权", (TECH,)),
    ("en", "international standardization", (TECH,)),
    ("en", "hostile countries", (TECH,)),
]
MODELS: dict[str, SearchModel] = {}


def model(lang: str) -> SearchModel:
    if lang not in MODELS:
        MODELS[lang] = load(lang)
    return MODELS[lang]


class SearchBox:
    """The search box of the home page in each language, opened once per module: Material builds
    its index in its worker once per page, not once per query. Before each query a query matching
    nothing is typed and its empty list awaited, so the list read is the query's own."""

    NOTHING = "qxzjvq"

    def __init__(self, browser: Browser, site_url: str) -> None:
        self.site_url = site_url
        self.outside = Outside()
        self.context = browser.new_context()
        self.context.route("**/*", self.outside.route)
        self.pages: dict[str, Page] = {}

    def page(self, lang: str) -> Page:
        if lang not in self.pages:
            page = self.context.new_page()
            page.goto(self.site_url + ("en/" if lang == "en" else ""))
            page.locator("label.md-search__icon, .md-search__input").first.click()
            self.pages[lang] = page
        return self.pages[lang]

    def type(self, page: Page, term: str) -> None:
        box = page.locator("input.md-search__input")
        box.fill(term)
        box.press("End")  # CJK text is inserted without key events; a key press starts the search

    def listed(self, lang: str, term: str) -> list[str]:
        """Type ``term``; the pages listed, in order, relative to the site root (en pages keep
        their en/ prefix)."""
        page = self.page(lang)
        listed = page.locator(".md-search-result__list > .md-search-result__item")
        self.type(page, self.NOTHING)
        expect(listed).to_have_count(0, timeout=20_000)
        self.type(page, term)
        hits = page.locator(".md-search-result__item > a")
        expect(hits.first).to_be_visible(timeout=20_000)
        # Material lists ten pages, then more as the list scrolls; its meta line says how many
        # match.
        meta = page.locator(".md-search-result__meta")
        expect(meta).to_contain_text(re.compile(r"\d"))
        found = re.search(r"\d+", meta.inner_text())
        total = int(found[0]) if found else 1
        while (shown := listed.count()) < total:
            # Material renders ten results, then more as the list scrolls; it may stop before the
            # count its meta line gives (a query that matches punctuation): read what it shows
            listed.last.scroll_into_view_if_needed()
            try:
                expect(listed).not_to_have_count(shown, timeout=3_000)
            except AssertionError:
                break
        assert listed.count() >= min(total, 10)
        root = urlparse(self.site_url).path
        pages: dict[str, None] = {}
        for h in hits.all():
            path = urlparse(h.get_attribute("href") or "").path
            pages[path[len(root) :] if path.startswith(root) else path] = None
        return list(pages)


@pytest.fixture(scope="module")
def box(browser: Browser, site_url: str) -> Iterator[SearchBox]:
    opened = SearchBox(browser, site_url)
    yield opened
    opened.context.close()


def page_scores(m: SearchModel, term: str, prefix: str) -> dict[str, float]:
    """Each page the model lists for ``term``, in order, with its best section's score (rounded:
    lunr sums floats in its own order)."""
    out: dict[str, float] = {}
    for hit in m.search(term):
        out.setdefault(prefix + hit.location.split("#")[0], round(hit.score, 6))
    return out


@pytest.mark.parametrize(("lang", "term", "first"), CASES, ids=[c[1][:24] for c in CASES])
def test_a_term_lists_its_page_first(
    box: SearchBox, lang: str, term: str, first: tuple[str, ...]
) -> None:
    pages = box.listed(lang, term)
    prefix = search.EN if lang == "en" else ""
    allowed = [prefix + p for p in first + namers(term, lang)]
    # As in tests/build_scripts/test_search_index.py: the glossary (whose definitions use many of
    # these words) and a library page whose heading holds one word of the query may come first;
    # among the other pages, an expected one does.
    shown = {prefix + p for p in showing(term, lang) if p.startswith("library/")}
    ranked = [
        p
        for p in pages
        if p in allowed
        or not (p == prefix + GLOSSARY_PAGE or p.startswith(prefix + "library/"))
        or p in shown
    ]
    assert ranked[0] in allowed or ranked[0] in shown, pages
    # Each language lists its own pages only.
    if lang == "en":
        assert all(p.startswith(search.EN) for p in pages), pages
    else:
        assert not [p for p in pages if p.startswith(search.EN)], pages
    # The browser ranks as the model does: the same leading pages, the same pages overall (pages
    # far down with near-equal scores may swap: lunr sums floats in its own order).
    scores = page_scores(model(lang), term, prefix)
    expected = list(scores)
    # pages with the same score (two library pages naming a word once) may come in either order:
    # the leading pages' scores are compared, not their names
    assert [scores.get(p) for p in pages[:3]] == [scores[p] for p in expected[:3]], (
        pages[:3],
        expected[:3],
    )
    assert set(pages) <= set(expected)
    assert box.outside.urls == []


@pytest.mark.parametrize(("lang", "label"), [("zh", "导出"), ("en", "Export")])
def test_a_button_label_does_not_find_the_calculator(box: SearchBox, lang: str, label: str) -> None:
    pages = box.listed(lang, label)
    prefix = search.EN if lang == "en" else ""
    assert prefix + CALCULATOR_PAGE not in pages, pages


# The requirement library: terms from inside its documents' sentences, typed into the search box —
# every case the build tests rank with the search model (tests/build_scripts/test_search_index.py
# and the test file of each document), so the browser and the model agree on all of them.
def library_cases() -> list[tuple[str, str, str]]:
    from tests.build_scripts import (
        test_library_cat,
        test_library_guides,
        test_library_plans,
        test_library_renewal,
        test_library_scenarios,
        test_search_index,
    )

    cat = test_library_cat.PAGE
    return [
        *test_search_index.LIBRARY_CASES,
        *test_library_guides.CASES,
        *test_library_plans.SEARCH_CASES,
        *test_library_scenarios.SEARCH_CASES,
        *(
            (lang, term, test_library_renewal.PAGE)
            for lang, term in test_library_renewal.SEARCH_CASES
        ),
        *((lang, term, f"{cat}{cid}/") for lang, term, cid in test_library_cat.SEARCH_CASES),
    ]


LIBRARY_CASES = library_cases() if SITE.is_dir() else []


def test_the_library_has_at_least_40_search_cases_in_both_languages() -> None:
    assert len(LIBRARY_CASES) >= 40
    assert {lang for lang, _, _ in LIBRARY_CASES} == {"zh", "en"}
    assert any(any(c.isdigit() for c in term) for _, term, _ in LIBRARY_CASES)  # numbers too


@pytest.mark.parametrize(
    ("lang", "term", "doc"), LIBRARY_CASES, ids=[f"{c[0]}:{c[1]}" for c in LIBRARY_CASES]
)
def test_a_library_term_finds_its_document(box: SearchBox, lang: str, term: str, doc: str) -> None:
    pages = box.listed(lang, term)
    prefix = search.EN if lang == "en" else ""
    assert prefix + doc in pages[:3], pages
    scores = page_scores(model(lang), term, prefix)
    expected = list(scores)
    assert [scores.get(p) for p in pages[:3]] == [scores[p] for p in expected[:3]], (
        pages[:3],
        expected[:3],
    )
    assert box.outside.urls == []


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_search_from_a_calculator_page_builds_its_index_when_first_used(
    page: Page, site_url: str, outside: object, lang: str
) -> None:
    """Calculator pages start Material's search worker lazily (build_scripts/search.py): the
    index is built on the first query, and the query is answered."""
    term = "数字孪生" if lang == "zh" else "digital twin"
    page.goto(site_url + ("en/" if lang == "en" else "") + "calculator/sme-digital-level-2024/")
    page.locator("label.md-search__icon, .md-search__input").first.click()
    box = page.locator("input.md-search__input")
    box.fill(term)
    box.press("End")
    expect(page.locator(".md-search-result__item > a").first).to_be_visible(timeout=30_000)
    assert outside.urls == []  # type: ignore[attr-defined]
