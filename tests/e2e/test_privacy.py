"""Privacy, proven in the browser: with every request that leaves the machine blocked, every
calculator is filled in, scored, exported, imported back and printed, and no request leaves, and
no answer text appears in any request the page, its workers or the calculators make (URL or body).
The site's Content-Security-Policy is in force on every kind of page and nothing breaks it: no
policy violation on reading pages, search, or calculators, in both languages."""

from __future__ import annotations

import json
import secrets
from pathlib import Path
from typing import Any
from urllib.parse import quote, quote_plus

import pytest
from playwright.sync_api import BrowserContext, Page, Request, expect

from build_scripts.paths import SITE

CALCULATORS = sorted(p.name for p in (SITE / "calculator").iterdir()) if SITE.is_dir() else []
READING = (
    sorted(
        p.parent.relative_to(SITE).as_posix() + "/"
        for p in SITE.rglob("index.html")
        if "calculator" not in p.parent.relative_to(SITE).parts
    )
    if SITE.is_dir()
    else []
)

# Stubs print (a dialog would block the test) and records policy violations of the page.
WATCH = """
window.zpPrinted = 0;
window.print = () => { window.zpPrinted += 1; };
window.zpViolations = [];
document.addEventListener("securitypolicyviolation", (e) => {
  window.zpViolations.push(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}`);
});
"""


class Watch:
    """Every request the context makes (its workers' included), and every console message that
    reports a policy violation (the page's and its workers')."""

    def __init__(self, context: BrowserContext, page: Page) -> None:
        self.requests: list[tuple[str, bytes]] = []
        self.found: list[str] = []
        context.on("request", self.on_request)
        page.add_init_script(WATCH)
        page.on("console", self.on_console)
        page.on("worker", lambda w: w.on("console", self.on_console))

    def on_request(self, request: Request) -> None:
        self.requests.append((request.url, request.post_data_buffer or b""))

    def on_console(self, message: Any) -> None:
        if "Content Security Policy" in message.text or "Content-Security-Policy" in message.text:
            self.found.append(message.text)

    def collect(self, page: Page) -> None:
        """The violations the current document recorded (call before leaving it)."""
        self.found += page.evaluate("window.zpViolations || []")

    def violations(self, page: Page) -> list[str]:
        self.collect(page)
        return self.found

    def leaks(self, secret: str, token: str) -> list[str]:
        """Requests carrying the answer text, as typed or encoded, or its random token."""
        forms = {secret, quote(secret), quote_plus(secret), json.dumps(secret), token}
        forms |= {secret.encode("utf-8").hex(), token.encode().hex()}
        out = []
        for url, body in self.requests:
            text = url + "\n" + body.decode("utf-8", "replace")
            out += [f"{url} carries {f!r}" for f in forms if f in text]
        return out


def open_calculator(page: Page, site_url: str, prefix: str, rid: str) -> None:
    page.goto(f"{site_url}{prefix}calculator/{rid}/")
    page.wait_for_selector(f'#zp-calc[data-rubric="{rid}"][data-state=ready]', timeout=90_000)


def result_count(page: Page) -> int:
    return int(page.locator("#zp-calc").get_attribute("data-result-count") or 0)


def wait_for_new_result(page: Page, before: int) -> None:
    # a function, not a string: Playwright evaluates a string predicate with eval, which the
    # policy forbids
    page.wait_for_function(
        "(n) => Number(document.getElementById('zp-calc').dataset.resultCount || 0) > n",
        arg=before,
    )


def walk(page: Page, rid: str, secret: str, tmp: Path) -> list[str]:
    """Fills, scores, exports, imports back and prints one calculator; returns what went wrong."""
    problems: list[str] = []
    root = page.locator("#zp-calc")
    before = result_count(page)
    root.locator("input[data-meta=company]").fill(secret)
    questions = root.locator("form fieldset:not(.zp-meta):has(label.zp-opt)")
    for i in range(min(3, questions.count())):
        questions.nth(i).locator("label.zp-opt").first.click()
    wait_for_new_result(page, before)
    expect(root.locator("[data-slot=result]")).not_to_have_attribute("data-result-state", "none")

    take = root.locator("[data-take-from]:visible")  # a figure from another calculator's result
    if take.count():
        take.first.click()

    exported: Path | None = None
    buttons = root.locator("[data-action*=export], [data-action*=csv]")  # JSON, CSV, …
    for i in range(buttons.count()):
        button = buttons.nth(i)
        with page.expect_download() as download:
            button.click()
        action = button.get_attribute("data-action")
        path = tmp / f"{rid}-{action}-{download.value.suggested_filename}"
        download.value.save_as(path)
        if action == "export":
            exported = path
            if secret not in path.read_text(encoding="utf-8"):
                problems.append(f"{rid}: the exported answers lack the company name")
    if exported is None:
        return [*problems, f"{rid}: no answers export"]

    root.locator("[data-action=clear]").click()
    expect(root.locator("input[data-meta=company]")).to_have_value("")
    before = result_count(page)
    root.locator("input[data-import-file]").set_input_files(exported)
    expect(root.locator("input[data-meta=company]")).to_have_value(secret)
    wait_for_new_result(page, before)

    printed = page.evaluate("window.zpPrinted")
    root.locator("[data-action=print]").click()
    if page.evaluate("window.zpPrinted") != printed + 1:
        problems.append(f"{rid}: print did not reach window.print")
    return problems


def test_every_calculator_keeps_its_answers_in_the_browser(
    page: Page, context: BrowserContext, site_url: str, outside: Any, tmp_path: Path
) -> None:
    """Each calculator once, the languages taking turns (a page load boots Pyodide: a few
    seconds each)."""
    assert CALCULATORS, "run `make build` first"
    watch = Watch(context, page)
    token = secrets.token_hex(6)
    secret = f"隐私测试企业 Privacy-Canary {token}"
    problems: list[str] = []
    for i, rid in enumerate(CALCULATORS):
        prefix = "en/" if i % 2 else ""
        open_calculator(page, site_url, prefix, rid)
        problems += walk(page, rid, secret, tmp_path)
        watch.collect(page)
    assert problems == []
    assert outside.urls == []
    assert watch.leaks(secret, token) == []
    # the workers' requests are seen too: the runtime is fetched by the calculator's worker
    assert any(url.endswith("pyodide.asm.wasm") for url, _ in watch.requests)
    assert watch.violations(page) == []
    # and a request that did carry the name would be caught
    page.evaluate("(s) => fetch('./?q=' + encodeURIComponent(s)).then((r) => r.status)", secret)
    assert watch.leaks(secret, token)


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_reading_pages_and_search_keep_to_the_policy(
    page: Page, context: BrowserContext, site_url: str, outside: Any, lang: str
) -> None:
    watch = Watch(context, page)
    pages = [p for p in READING if p.startswith("en/") == (lang == "en")]
    assert len(pages) >= 10, "run `make build` first"
    for path in pages:
        page.goto(site_url + path, wait_until="domcontentloaded")
        expect(page.locator("h1").first).to_be_visible()
        watch.collect(page)
    page.goto(site_url + ("en/" if lang == "en" else ""))
    page.locator("label.md-search__icon, .md-search__input").first.click()
    box = page.locator("input.md-search__input")
    box.fill("maturity" if lang == "en" else "评估")
    box.press("End")
    results = page.locator(".md-search-result__item a")
    expect(results.first).to_be_visible()
    results.first.click()  # instant navigation to a result
    page.wait_for_load_state()
    watch.collect(page)
    page.goto(site_url + "no-such-page/")  # the site's 404 page
    expect(page.locator("h1").first).to_be_visible()
    assert outside.urls == []
    assert watch.violations(page) == []
