"""Playwright in Debian's Chromium against the built site served on 127.0.0.1.

Every test's page blocks requests that leave the machine and records them: the site must need
nothing
from outside itself.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from typing import Any
from urllib.parse import urlparse

import pytest
from playwright.sync_api import BrowserContext, Page, Route

from build_scripts.paths import CHROMIUM, CHROMIUM_ARGS, SITE
from build_scripts.serve import make_server


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if "/e2e/" in str(item.fspath):
            item.add_marker(pytest.mark.e2e)


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args: dict[str, Any]) -> dict[str, Any]:
    assert CHROMIUM.exists(), "Debian's chromium is needed: `make test` installs it with apt-get"
    return {
        **browser_type_launch_args,
        "executable_path": str(CHROMIUM),
        "args": list(CHROMIUM_ARGS),
    }


@pytest.fixture(scope="session")
def site_url() -> Iterator[str]:
    assert (SITE / "index.html").exists(), "run `make build` first: site/ is missing"
    server = make_server(SITE, 0)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()
    server.server_close()


class Outside:
    """Requests that tried to leave 127.0.0.1 (aborted)."""

    def __init__(self) -> None:
        self.urls: list[str] = []

    def route(self, route: Route) -> None:
        host = urlparse(route.request.url).hostname or ""
        if route.request.url.startswith(("data:", "blob:")) or host in ("127.0.0.1", "localhost"):
            route.continue_()
        else:
            self.urls.append(route.request.url)
            route.abort()


@pytest.fixture
def outside(context: BrowserContext) -> Outside:
    rec = Outside()
    context.route("**/*", rec.route)
    return rec


@pytest.fixture
def calc(page: Page, site_url: str, outside: Outside) -> Any:
    """Opens a calculator page and waits until the engine is ready."""

    def open_(lang: str = "zh") -> Page:
        prefix = "en/" if lang == "en" else ""
        page.goto(f"{site_url}{prefix}calculator/sme-digital-level-2024/")
        page.wait_for_selector("#zp-calc[data-state=ready]", timeout=90_000)
        return page

    yield open_
    assert outside.urls == []
