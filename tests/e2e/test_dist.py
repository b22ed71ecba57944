"""The intranet archive as an IT department uses it: unpacked into an empty folder, served by its
own serve.py (a separate Python process), a calculator scores with every request that leaves the
machine blocked, and the headers are the documented ones. A calculator opened from a file
explains itself instead of waiting."""

from __future__ import annotations

import re
import subprocess
import sys
import tarfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Page, Response, expect

from build_scripts import dist
from build_scripts.paths import SITE
from build_scripts.site_server import CSP_HEADER, IMMUTABLE, REVALIDATE

CALCULATORS = sorted(p.name for p in (SITE / "calculator").iterdir()) if SITE.is_dir() else []
RID = CALCULATORS[0] if CALCULATORS else ""


@pytest.fixture(scope="module")
def unpacked(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The tar.gz, made from site/ (fast brotli: the archive's layout, not its ratio, is tested),
    unpacked; returns its top folder."""
    work = tmp_path_factory.mktemp("dist")
    (archive,) = dist.make_dist(
        SITE, work / "out", brotli_quality=1, stage_dir=work / "stage", zip_too=False
    )
    target = work / "unpacked"
    with tarfile.open(archive) as tar:
        tar.extractall(target, filter="data")
    (top,) = target.iterdir()
    return top


@pytest.fixture(scope="module")
def dist_url(unpacked: Path) -> Iterator[str]:
    proc = subprocess.Popen(
        [sys.executable, "-I", "serve.py", "--port", "0"],
        cwd=unpacked,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert proc.stdout is not None
    line = proc.stdout.readline()  # "serving … at http://127.0.0.1:PORT/ …"
    match = re.search(r"http://127\.0\.0\.1:\d+/", line)
    assert match, line
    yield match.group(0)
    proc.terminate()
    proc.wait(timeout=10)


def test_the_unpacked_archive_serves_a_calculator_offline(
    page: Page, dist_url: str, outside: object
) -> None:
    responses: dict[str, Response] = {}
    page.on("response", lambda r: responses.setdefault(r.url.split("?")[0], r))
    page.goto(f"{dist_url}calculator/{RID}/")
    page.wait_for_selector("#zp-calc[data-state=ready]", timeout=90_000)
    page.locator("#zp-calc form fieldset:not(.zp-meta) label.zp-opt").first.click()
    expect(page.locator("[data-slot=result]")).not_to_have_attribute("data-result-state", "none")
    assert outside.urls == []  # type: ignore[attr-defined]

    html = responses[f"{dist_url}calculator/{RID}/"].all_headers()
    assert html["cache-control"] == REVALIDATE
    assert html["content-security-policy"] == CSP_HEADER
    assert html["content-encoding"] in ("gzip", "br")
    (wasm_url,) = [u for u in responses if u.endswith("/pyodide.asm.wasm")]
    assert wasm_url.startswith(f"{dist_url}assets/pyodide/")
    wasm = responses[wasm_url].all_headers()
    assert wasm["content-type"] == "application/wasm"
    assert wasm["content-encoding"] in ("gzip", "br")
    assert wasm["cache-control"] == IMMUTABLE
    worker = responses[f"{dist_url}assets/calculator/worker.mjs"].all_headers()
    assert worker["content-type"].startswith("text/javascript")
    assert worker["content-security-policy"] == CSP_HEADER  # the worker's own policy
    wheel = [u for u in responses if u.endswith(".whl")]
    assert wheel and responses[wheel[0]].all_headers()["cache-control"] == IMMUTABLE


def test_a_calculator_opened_from_a_file_explains_why_it_cannot_run(
    page: Page, unpacked: Path
) -> None:
    page.goto((unpacked / "site" / "calculator" / RID / "index.html").as_uri())
    root = page.locator("#zp-calc")
    expect(root).to_have_attribute("data-state", "error")
    message = root.get_attribute("data-msg-file")
    assert message and "file://" in message
    expect(root.locator("[data-slot=status]")).to_have_text(message)
