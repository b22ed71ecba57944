"""axe-core on every built page, both languages, at desktop and phone widths: no serious or
critical violation of WCAG 2.x A/AA or axe's best practices.

The calculator is also checked with every question answered (so the result tables are shown, with
every ``details`` opened) and the search dialog with results listed. axe-core comes from npm
(``calculator/web/package.json``, a dev dependency) and is injected from disk: it is never part of
the site.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Page, expect

from build_scripts.paths import SITE, WEB

AXE = WEB / "node_modules" / "axe-core" / "axe.min.js"
TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]
BLOCKING = {"serious", "critical"}
VIEWPORTS = {"desktop": {"width": 1280, "height": 800}, "phone": {"width": 390, "height": 844}}
CALCULATOR = "calculator/sme-digital-level-2024/"


def built_pages() -> list[str]:
    """Every page of the built site as a URL path ('' is the home page)."""
    found = (p.parent.relative_to(SITE).as_posix() for p in SITE.rglob("index.html"))
    return sorted("/" if rel == "." else f"/{rel}/" for rel in found)


PAGES = built_pages()


def axe_violations(page: Page) -> list[dict[str, Any]]:
    """Run axe on the page as it is now; return its serious and critical violations."""
    assert AXE.exists(), "axe-core is missing: `make setup` installs calculator/web/package.json"
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        # evaluated, not added as a <script>: the site's CSP allows no inline script
        page.evaluate(AXE.read_text(encoding="utf-8"))
    found: list[dict[str, Any]] = page.evaluate(
        """async (tags) => {
            const r = await axe.run(document, {
                runOnly: {type: "tag", values: tags}, resultTypes: ["violations"]});
            return r.violations.map((v) => ({
                id: v.id, impact: v.impact, help: v.help,
                nodes: v.nodes.map((n) => ({target: n.target.join(" "), impact: n.impact,
                                            html: n.html.slice(0, 160), why: n.failureSummary,
                                            related: [...n.any, ...n.all, ...n.none].flatMap(
                                              (c) => (c.relatedNodes || []).map(
                                                (r) => r.html.slice(0, 120)))})),
            }));
        }""",
        TAGS,
    )
    return [
        {**v, "nodes": [n for n in v["nodes"] if n["impact"] in BLOCKING]}
        for v in found
        if any(n["impact"] in BLOCKING for n in v["nodes"])
    ]


def report(violations: list[dict[str, Any]]) -> str:
    lines = []
    for v in violations:
        lines.append(f"{v['id']} ({v['impact']}): {v['help']} — {len(v['nodes'])} node(s)")
        for n in v["nodes"]:
            why = " / ".join(n["why"].splitlines()[1:3]).strip()
            lines.append(f"    {n['target']}  {n['html']!r}  {why}")
            lines.extend(f"      related: {r!r}" for r in n.get("related", []))
    return "\n".join(lines)


def assert_clean(page: Page) -> None:
    """No serious or critical violation, measured once every transition has ended (a button's
    hover colour halfway through its fade is not what a person reads)."""
    page.wait_for_function(
        "() => document.getAnimations().every((a) => a.playState !== 'running')", timeout=10_000
    )
    violations = axe_violations(page)
    assert not violations, f"{page.url}\n{report(violations)}"


def at_width(page: Page, viewport: dict[str, int]) -> None:
    """The page resized and scrolled to its top, once the theme's transitions (the navigation
    drawer's, among others) have finished: axe measures colours as they are shown, not halfway
    through a fade, and no control sits under the fixed header where a scroll left it."""
    page.set_viewport_size(viewport)
    page.evaluate("() => window.scrollTo(0, 0)")
    page.evaluate("() => new Promise((done) => requestAnimationFrame(() => setTimeout(done, 50)))")
    page.wait_for_function(
        "() => document.getAnimations().every((a) => a.playState !== 'running')", timeout=10_000
    )


def open_page(page: Page, url: str) -> None:
    page.goto(url)
    if "/calculator/" in url:  # the status line settles once the engine is ready
        page.wait_for_selector("#zp-calc[data-state=ready]", timeout=90_000)
    # then the layout: fonts loaded and two frames drawn (the calculator fills its assessments
    # panel as it starts; axe measuring in between sees controls overlapping)
    page.evaluate(
        "() => document.fonts.ready.then(() => new Promise((done) =>"
        " requestAnimationFrame(() => requestAnimationFrame(done))))"
    )


def test_every_page_of_both_languages_is_checked() -> None:
    assert "/" in PAGES, "run `make build` first: site/ is missing"
    assert any(p.startswith("/en/") for p in PAGES)
    assert len([p for p in PAGES if p.startswith("/en/")]) * 2 == len(PAGES), PAGES


@pytest.mark.parametrize("viewport", VIEWPORTS)
@pytest.mark.parametrize("path", PAGES)
def test_page_has_no_serious_violation(
    page: Page, site_url: str, outside: object, path: str, viewport: str
) -> None:
    page.set_viewport_size(VIEWPORTS[viewport])
    open_page(page, site_url + path.lstrip("/"))
    assert_clean(page)


def answer_everything(page: Page) -> None:
    """The first option of every question and level 2 of every scenario, by clicking."""
    for fs in page.locator("fieldset[data-question]").all():
        fs.locator("label.zp-opt").first.click()
    for fs in page.locator("fieldset[data-scenario]").all():
        fs.locator("label.zp-opt").nth(2).click()


@pytest.mark.parametrize("viewport", VIEWPORTS)
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_calculator_with_a_full_result_has_no_serious_violation(
    page: Page, site_url: str, outside: object, lang: str, viewport: str
) -> None:
    page.set_viewport_size(VIEWPORTS[viewport])
    open_page(page, site_url + ("en/" if lang == "en" else "") + CALCULATOR)
    answer_everything(page)
    expect(page.locator("#zp-calc [data-slot=result]")).to_have_attribute(
        "data-result-state", "ok", timeout=20_000
    )
    for summary in page.locator("#zp-calc details > summary").all():
        summary.click()  # opens the figures and the energy helper: their tables are checked too
    expect(page.locator("#zp-calc details:not([open])")).to_have_count(0)
    assert_clean(page)


@pytest.mark.parametrize("viewport", VIEWPORTS)
@pytest.mark.parametrize(("lang", "term"), [("zh", "评估"), ("en", "assessment")])
def test_search_dialog_with_results_has_no_serious_violation(
    page: Page, site_url: str, outside: object, lang: str, term: str, viewport: str
) -> None:
    page.set_viewport_size(VIEWPORTS[viewport])
    page.goto(site_url + ("en/" if lang == "en" else ""))
    page.keyboard.press("/")  # Material's shortcut: opens the search on every width
    box = page.locator("input.md-search__input")
    expect(box).to_be_focused()
    box.fill(term)
    box.press("End")  # CJK text is inserted without key events; a key press starts the search
    expect(page.locator(".md-search-result__item").first).to_be_visible(timeout=20_000)
    assert_clean(page)


def test_axe_is_not_part_of_the_site() -> None:
    assert not list(SITE.rglob("axe*.js")), "axe-core is a test tool, not a site asset"
    assert Path(AXE).exists()
