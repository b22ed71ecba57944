"""Repeat visits: the engine comes back from its snapshot, the calculator runtime from the service
worker's cache, and with the network gone the calculator still opens and scores. A damaged
snapshot or an emptied cache is ignored (the page boots the long way), and a new build's service
worker replaces the old cache. Nothing leaves the machine (the ``outside`` fixture)."""

from __future__ import annotations

import json
import shutil
import threading
from pathlib import Path
from typing import Any

from playwright.sync_api import BrowserContext, Page, Response, expect

from build_scripts.paths import SITE
from build_scripts.serve import make_server

RUBRIC = "sme-digital-level-2024"
VECTORS = Path(__file__).resolve().parents[1] / "vectors" / f"{RUBRIC}.json"
LONG = 180_000  # a cold boot, and a second engine started in the background, on 2 busy cores


def level_3_answers() -> dict[str, Any]:
    data = json.loads(VECTORS.read_text(encoding="utf-8"))
    answers: dict[str, Any] = next(
        v["answers"] for v in data["vectors"] if v["expect"].get("level") == 3
    )
    return answers


def seeded(context: BrowserContext) -> None:
    """Saved answers in the browser, as a person's earlier visit left them."""
    text = json.dumps(json.dumps(level_3_answers()))
    context.add_init_script(
        f"if (!localStorage.getItem('zhiping:{RUBRIC}:answers'))"
        f" localStorage.setItem('zhiping:{RUBRIC}:answers', {text})"
    )


def first_result(page: Page) -> str:
    page.wait_for_selector("#zp-calc[data-t-first-result]", state="attached", timeout=LONG)
    return page.locator("[data-level-rank]").inner_text()


def visit_and_keep(page: Page, url: str) -> str:
    """A first visit that lasts until the engine's snapshot and the runtime are kept."""
    page.goto(url)
    level = first_result(page)
    assert page.locator("#zp-calc").get_attribute("data-boot") == "start"
    page.wait_for_selector("#zp-calc[data-snapshot=saved]", state="attached", timeout=LONG)
    page.wait_for_selector("#zp-calc[data-offline=kept]", state="attached", timeout=LONG)
    return level


def runtime_responses(responses: list[Response]) -> dict[str, bool]:
    """File name → served by the service worker, for the runtime and the package."""
    return {
        r.url.split("?")[0].rsplit("/", 1)[-1]: r.from_service_worker
        for r in responses
        if "/assets/pyodide/" in r.url or ".whl" in r.url
    }


def test_a_second_visit_restores_the_engine_from_the_cache_and_works_offline(
    page: Page, context: BrowserContext, site_url: str, outside: Any
) -> None:
    seeded(context)
    url = f"{site_url}calculator/{RUBRIC}/"
    level = visit_and_keep(page, url)
    assert level == "三级（集成级）"

    responses: list[Response] = []
    context.on("response", lambda r: responses.append(r))
    page.reload()
    assert first_result(page) == level
    root = page.locator("#zp-calc")
    assert root.get_attribute("data-boot") == "snapshot"
    served = runtime_responses(responses)
    assert {"pyodide.asm.wasm", "python_stdlib.zip", "pyodide.asm.mjs"} <= set(served)
    assert all(served.values()), served  # every runtime file from the service worker's cache

    # The server is out of reach: the page, its runtime and its engine come from this browser.
    context.set_offline(True)
    page.reload()
    assert first_result(page) == level
    assert root.get_attribute("data-boot") == "snapshot"
    page.locator("#q13 label.zp-opt").first.click()  # a change is scored offline too
    expect(page.locator("[data-level-rank]")).not_to_have_text("")
    assert outside.urls == []


def test_a_damaged_snapshot_and_an_emptied_cache_never_block_the_page(
    page: Page, context: BrowserContext, site_url: str, outside: Any
) -> None:
    seeded(context)
    url = f"{site_url}calculator/{RUBRIC}/"
    level = visit_and_keep(page, url)
    damaged = page.evaluate(
        """async () => {
          const done = (r) =>
            new Promise((ok, no) => { r.onsuccess = () => ok(r.result); r.onerror = no; });
          const db = await done(indexedDB.open("zhiping-engine"));
          const store = () => db.transaction("snapshot", "readwrite").objectStore("snapshot");
          const record = await done(store().get("engine"));
          record.gzip = new Blob([new Uint8Array([31, 139, 8, 0, 1, 2, 3, 4])]);  // not a snapshot
          await done(store().put(record, "engine"));
          for (const name of await caches.keys()) await caches.delete(name);
          return record.key;
        }"""
    )
    assert RUBRIC not in damaged and ".whl?v=" in damaged  # keyed by runtime and package only
    page.reload()
    assert first_result(page) == level
    assert page.locator("#zp-calc").get_attribute("data-boot") == "start"
    # … and the snapshot is made again for the next visit
    page.wait_for_selector("#zp-calc[data-snapshot=saved]", state="attached", timeout=LONG)
    assert outside.urls == []


def test_a_new_build_replaces_the_old_cache(page: Page, tmp_path: Path, outside: Any) -> None:
    """A copy of the site, served on its own, whose sw.js is then replaced as a new build would."""
    site = tmp_path / "site"
    shutil.copytree(SITE, site, ignore=shutil.ignore_patterns("pyodide"))
    server = make_server(site, 0)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        url = f"http://127.0.0.1:{server.server_address[1]}/"
        page.goto(f"{url}library/")
        page.wait_for_function("() => navigator.serviceWorker.controller !== null", timeout=LONG)
        page.reload()  # now through the service worker, which keeps what it serves
        old = [n for n in page.evaluate("() => caches.keys()") if n.startswith("zhiping-site-")]
        assert len(old) == 1, old

        sw = site / "sw.js"
        sw.write_text(
            sw.read_text(encoding="utf-8").replace('"version":"', '"version":"next', 1),
            encoding="utf-8",
        )
        page.evaluate("() => navigator.serviceWorker.getRegistration().then((r) => r.update())")
        for _ in range(600):  # activated: the old cache is gone
            if not set(page.evaluate("() => caches.keys()")) & set(old):
                break
            page.wait_for_timeout(100)
        page.reload()
        names = [n for n in page.evaluate("() => caches.keys()") if n.startswith("zhiping-site-")]
        assert names == ["zhiping-site-next" + old[0].removeprefix("zhiping-site-")], names
        expect(page.locator("h1")).to_be_visible()  # the page itself, served all along
    finally:
        server.shutdown()
        server.server_close()
    assert outside.urls == []
