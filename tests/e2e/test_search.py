"""Search finds Chinese words inside sentences and English full words, on either language's
pages."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

CASES = [
    ("zh", "设备联网率", "rubrics/sme-digital-level-2024/"),
    ("zh", "约束性场景", "rubrics/sme-digital-level-2024/"),
    ("zh", "数字孪生", "glossary/"),
    ("zh", "孪生工厂", "rubrics/sme-digital-level-2024/"),
    ("en", "networking", "en/rubrics/sme-digital-level-2024/"),
    ("en", "constrained", "en/rubrics/sme-digital-level-2024/"),
    ("en", "coal equivalent", "en/rubrics/sme-digital-level-2024/"),
]


@pytest.mark.parametrize(("lang", "term", "target"), CASES, ids=[c[1] for c in CASES])
def test_search_finds_the_page(
    page: Page, site_url: str, outside: object, lang: str, term: str, target: str
) -> None:
    page.goto(site_url + ("en/" if lang == "en" else ""))
    page.locator("label.md-search__icon, .md-search__input").first.click()
    box = page.locator("input.md-search__input")
    box.fill(term)
    box.press("End")  # CJK text is inserted without key events; a key press starts the search
    hits = page.locator(".md-search-result__item a")
    expect(hits.first).to_be_visible(timeout=20_000)
    hrefs = [h.get_attribute("href") or "" for h in hits.all()]
    assert any(target in h for h in hrefs), hrefs
    assert outside.urls == []  # type: ignore[attr-defined]
