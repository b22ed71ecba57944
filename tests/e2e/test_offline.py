"""The site asks nothing from outside itself, and only calculator pages load the Python runtime."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, Request, expect

from build_scripts.paths import SITE


def built(folder: str) -> list[str]:
    """The pages built under site/<folder>/ (empty before `make build`)."""
    root = SITE / folder
    return sorted(p.name for p in root.iterdir() if p.is_dir()) if root.is_dir() else []


RUBRIC_IDS = built("rubrics")
CALCULATOR_IDS = built("calculator")
PAGES = [
    "",
    *(f"rubrics/{rid}/" for rid in RUBRIC_IDS),
    "glossary/",
    "answers-format/",
    "offline/",
    "performance/",
]


def test_every_rubric_and_calculator_is_checked() -> None:
    assert len(RUBRIC_IDS) >= 6 and len(CALCULATOR_IDS) >= 6, "run `make build` first"


@pytest.mark.parametrize("path", PAGES + [f"en/{p}" for p in PAGES])
def test_reading_pages_stay_local_and_never_load_pyodide(
    page: Page, site_url: str, outside: object, path: str
) -> None:
    requested: list[str] = []
    page.on("request", lambda r: requested.append(r.url))
    page.goto(site_url + path, wait_until="networkidle")
    expect(page.locator("h1").first).to_be_visible()
    assert outside.urls == []  # type: ignore[attr-defined]
    assert not [u for u in requested if "/pyodide/" in u or u.endswith(".whl") or "worker.mjs" in u]


@pytest.mark.parametrize("rid", CALCULATOR_IDS)
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_calculator_loads_only_from_the_site(
    page: Page, site_url: str, outside: object, lang: str, rid: str
) -> None:
    failed: list[Request] = []
    page.on("requestfailed", lambda r: failed.append(r))
    page.goto(f"{site_url}{'en/' if lang == 'en' else ''}calculator/{rid}/")
    page.wait_for_selector("#zp-calc[data-state=ready]", timeout=90_000)
    add = page.locator("#zp-calc form [data-repeat-add]")
    if add.count():  # a form that grows block by block starts empty: add the first block
        add.first.click()
    else:
        page.locator("#zp-calc form fieldset:not(.zp-meta) label.zp-opt").first.click()
    expect(page.locator("[data-slot=result]")).not_to_have_attribute("data-result-state", "none")
    assert outside.urls == []  # type: ignore[attr-defined]
    assert [r.url for r in failed] == []


def test_instant_navigation_from_home_to_calculator(
    page: Page, site_url: str, outside: object
) -> None:
    page.goto(site_url)
    page.locator('a[href$="calculator/sme-digital-level-2024/"]').first.click()
    page.wait_for_selector("#zp-calc[data-state=ready]", timeout=90_000)
    page.locator("#q1 label.zp-opt").nth(1).click()
    expect(page.locator("[data-slot=result]")).to_have_attribute("data-result-state", "incomplete")
    assert outside.urls == []  # type: ignore[attr-defined]
