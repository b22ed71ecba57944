"""``make bench``: build time, bytes per page and calculator timings next to a bare Pyodide boot.

Every browser figure is a cold load in a new browser context (empty cache), median of 5 runs, in
Debian's Chromium, then a repeat visit in the same context once the engine's snapshot and the
service worker's copy of the runtime are kept. The bare boot (a page whose worker only runs
``loadPyodide``) is measured in the same run, so our overhead reads as a ratio. Bytes are counted
by the server (every request, the worker's included). Writes the table to stdout and build/bench.md.

The compressed first visit is measured on the intranet archive's copy of the site (its .gz and .br
files, served by its own server): ``python -m build_scripts.bench --bytes`` measures only that.
"""

from __future__ import annotations

import argparse
import functools
import json
import os
import shutil
import statistics
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from playwright.sync_api import Browser, Page, sync_playwright

from . import dist
from .bundle import pyodide_version
from .paths import BUILD, CHROMIUM, CHROMIUM_ARGS, PYODIDE, PYODIDE_RUNTIME, ROOT, SITE
from .serve import Handler, make_server

RUNS = 5
RUBRIC = "sme-digital-level-2024"

# The page's script is a file: the server sends the site's Content-Security-Policy, which allows
# no inline script.
BARE_HTML = """<!doctype html><meta charset="utf-8"><title>bare</title><body>
<script type="module" src="bare.mjs"></script>"""
BARE_PAGE_SCRIPT = """const w = new Worker(new URL("bare-worker.mjs", location.href),
  {type: "module"});
w.onmessage = () => { document.body.dataset.ready = performance.now().toFixed(1); };"""
BARE_WORKER = """import { loadPyodide } from "./pyodide/pyodide.mjs";
await loadPyodide({ indexURL: new URL("./pyodide/", import.meta.url).href });
postMessage("ready");"""


class Counting(Handler):
    sent = 0
    lock = threading.Lock()

    def copyfile(self, source: Any, outputfile: Any) -> None:  # every response body passes here
        data = source.read()
        with Counting.lock:
            Counting.sent += len(data)
        outputfile.write(data)


def serve(directory: Path) -> tuple[str, Callable[[], None]]:
    server = make_server(directory, 0)
    server.RequestHandlerClass = functools.partial(Counting, directory=str(directory))
    threading.Thread(target=server.serve_forever, daemon=True).start()

    def stop() -> None:
        server.shutdown()
        server.server_close()

    return f"http://127.0.0.1:{server.server_address[1]}/", stop


def compressed_site() -> Path:
    """site/ as the intranet archive holds it (with its .gz and .br copies), staged by
    build_scripts.dist into build/dist unless a staged copy of this very site/ is there."""
    top = dist.STAGE / f"zhiping-site-{dist.version()}"
    staged = top / "site"
    for path in SITE.rglob("*"):
        copy = staged / path.relative_to(SITE)
        if path.is_file() and not (
            copy.is_file()
            and copy.stat().st_size == path.stat().st_size
            and copy.stat().st_mtime_ns == path.stat().st_mtime_ns
        ):
            print("compressing a copy of site/ as `make dist` does (a minute) …", flush=True)
            dist.stage(SITE, top, brotli_quality=11)
            break
    return staged


def first_visit_bytes(
    browser: Browser, directory: Path, encodings: tuple[tuple[str, str], ...]
) -> tuple[int, str]:
    """Bytes of every response body (the worker's included) for a first visit to the calculator,
    in a new browser context, served with ``encodings`` (pre-compressed copies) allowed; and the
    Accept-Encoding the browser sent."""

    class Meter(Counting):
        accept = ""

        def send_head(self) -> Any:
            Meter.accept = self.headers.get("Accept-Encoding", "")
            return super().send_head()

    Meter.encodings = encodings
    server = make_server(directory, 0)
    server.RequestHandlerClass = functools.partial(Meter, directory=str(directory))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    context = browser.new_context()
    try:
        Counting.sent = 0
        page = context.new_page()
        page.goto(f"http://127.0.0.1:{server.server_address[1]}/calculator/{RUBRIC}/")
        page.wait_for_selector("#zp-calc[data-state=ready]", state="attached", timeout=120_000)
        page.wait_for_load_state("networkidle")
        return Counting.sent, Meter.accept
    finally:
        context.close()
        server.shutdown()
        server.server_close()


def compressed_rows(browser: Browser) -> list[tuple[str, str, str, str]]:
    """Table rows: a calculator's first visit with the archive's gzip copies, and with brotli."""
    staged = compressed_site()
    rows = []
    for label, encodings in (
        ("gzip", (("gzip", ".gz"),)),
        ("br (or gzip)", (("br", ".br"), ("gzip", ".gz"))),
    ):
        sent, accept = first_visit_bytes(browser, staged, encodings)
        note = f"intranet archive, browser sent Accept-Encoding: {accept}"
        rows.append((f"bytes: calculator page, {label}", f"{sent / 1e6:,.2f} MB", "", note))
    return rows


def bytes_only() -> int:
    """``--bytes``: the compressed first-visit rows only (site/ must be built)."""
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=list(CHROMIUM_ARGS))
        plain, _ = first_visit_bytes(browser, SITE, ())
        rows = [("bytes: calculator page, uncompressed", f"{plain / 1e6:,.2f} MB", "", "site/")]
        rows += compressed_rows(browser)
        browser.close()
    print("\n".join(f"| {a} | {b} | {c} | {d} |" for a, b, c, d in rows))
    return 0


def timed_build() -> float:
    for path in (SITE, BUILD / "docs", BUILD / "wheel"):
        shutil.rmtree(path, ignore_errors=True)
    started = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "build_scripts.build"],
        cwd=ROOT,
        check=True,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    return time.perf_counter() - started


def search_index_bytes() -> dict[str, int]:
    """The built search index of each language (zh at the root, en under en/), in bytes."""
    return {
        lang: (SITE / prefix / "search" / "search_index.json").stat().st_size
        for lang, prefix in (("zh", ""), ("en", "en"))
    }


def bare_dir() -> Path:
    folder = ROOT / ".bench"
    shutil.rmtree(folder, ignore_errors=True)
    (folder / "pyodide").mkdir(parents=True)
    for name in PYODIDE_RUNTIME:
        shutil.copyfile(PYODIDE / name, folder / "pyodide" / name)
    (folder / "bare.html").write_text(BARE_HTML, encoding="utf-8")
    (folder / "bare.mjs").write_text(BARE_PAGE_SCRIPT, encoding="utf-8")
    (folder / "bare-worker.mjs").write_text(BARE_WORKER, encoding="utf-8")
    return folder


def example_answers() -> str:
    data = json.loads((ROOT / "tests" / "vectors" / f"{RUBRIC}.json").read_text(encoding="utf-8"))
    return json.dumps(next(v["answers"] for v in data["vectors"] if v["expect"].get("level") == 3))


# Click → result shown, timed in the page (the driver's own round trips are not the page's): from
# the option's change event to the frame after the result's count changes (the result painted).
CLICK_CLOCK = """() => {
  const root = document.getElementById("zp-calc");
  window.zpClicks = [];
  let changed = 0;
  root.addEventListener("change", () => (changed = performance.now()), true);
  new MutationObserver(() => {
    const start = changed;
    requestAnimationFrame(() => setTimeout(() => window.zpClicks.push(performance.now() - start)));
  }).observe(root, { attributes: true, attributeFilter: ["data-result-count"] });
}"""


def median(values: list[float]) -> float:
    return statistics.median(values)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--bytes", action="store_true", help="compressed first visit only")
    if parser.parse_args().bytes:
        return bytes_only()
    build_s = timed_build()
    index_bytes = search_index_bytes()
    results: dict[str, list[float]] = {
        k: []
        for k in (
            "bare",
            "interactive",
            "ready",
            "first",
            "warm_api",
            "warm_page",
            "repeat_ready",
            "repeat_first",
            "rubric_bytes",
            "calc_bytes",
        )
    }
    site_url, stop_site = serve(SITE)
    bare_url, stop_bare = serve(bare_dir())
    answers = example_answers()
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=list(CHROMIUM_ARGS))

        def fresh() -> Page:
            context = browser.new_context()
            context.add_init_script(
                f"localStorage.setItem('zhiping:{RUBRIC}:answers', {json.dumps(answers)})"
            )
            return context.new_page()

        for _ in range(RUNS):
            page = fresh()
            page.goto(bare_url + "bare.html")
            page.wait_for_selector("body[data-ready]", state="attached", timeout=120_000)
            results["bare"].append(float(page.locator("body").get_attribute("data-ready") or 0))
            page.context.close()

            Counting.sent = 0
            page = fresh()
            page.goto(f"{site_url}rubrics/{RUBRIC}/", wait_until="networkidle")
            results["rubric_bytes"].append(Counting.sent)
            page.context.close()

            Counting.sent = 0
            page = fresh()
            page.goto(f"{site_url}calculator/{RUBRIC}/")
            root = page.locator("#zp-calc")
            page.wait_for_selector(
                "#zp-calc[data-t-first-result]", state="attached", timeout=120_000
            )
            # to the first result: after it the service worker keeps the runtime for the next
            # visit, which this plain server (no cache headers) would count a second time
            results["calc_bytes"].append(Counting.sent)
            page.wait_for_load_state("networkidle")
            for key, attr in (
                ("interactive", "data-t-interactive"),
                ("ready", "data-t-ready"),
                ("first", "data-t-first-result"),
            ):
                results[key].append(float(root.get_attribute(attr) or 0))
            api_ms = []
            page.evaluate(CLICK_CLOCK)
            for i in range(RUNS):
                count = int(root.get_attribute("data-result-count") or 0)
                page.locator("#q13 label.zp-opt").nth((i + 1) % 3).click()  # always a change
                page.wait_for_function(  # a function: the site's CSP forbids eval'd strings
                    "(n) => window.zpClicks.length > n", arg=i
                )
                assert int(root.get_attribute("data-result-count") or 0) > count
                api_ms.append(float(root.get_attribute("data-last-ms") or 0))
            results["warm_api"].append(median(api_ms))
            results["warm_page"].append(median(page.evaluate("window.zpClicks")))
            # A repeat visit, once the engine's snapshot and the runtime are kept (made a few
            # seconds after the last result, in the background).
            for state in ("data-snapshot=saved", "data-offline=kept"):
                page.wait_for_selector(f"#zp-calc[{state}]", state="attached", timeout=180_000)
            page.reload()
            page.wait_for_selector(
                "#zp-calc[data-t-first-result]", state="attached", timeout=120_000
            )
            if root.get_attribute("data-boot") != "snapshot":
                why = root.get_attribute("data-boot-note")
                raise RuntimeError(f"the repeat visit did not start from the snapshot: {why}")
            results["repeat_ready"].append(float(root.get_attribute("data-t-ready") or 0))
            results["repeat_first"].append(float(root.get_attribute("data-t-first-result") or 0))
            page.context.close()
        compressed = compressed_rows(browser)
        browser.close()
    stop_site()
    stop_bare()
    shutil.rmtree(ROOT / ".bench", ignore_errors=True)

    m = {k: median(v) for k, v in results.items()}
    bare = m["bare"]

    def ms(key: str) -> str:
        return f"{m[key]:,.0f} ms"

    def spread(key: str, unit: str = "ms") -> str:
        return f"{min(results[key]):,.0f}–{max(results[key]):,.0f} {unit}"

    def ratio(key: str) -> str:
        return f"{m[key] / bare:.2f}× bare"

    rows = [
        ("build (clean, `make build`)", f"{build_s:.1f} s", "", ""),
        (
            "search index (zh / en)",
            f"{index_bytes['zh'] / 1e3:,.0f} kB / {index_bytes['en'] / 1e3:,.0f} kB",
            "",
            "search/search_index.json, en/search/search_index.json",
        ),
        ("bytes: rubric page", f"{m['rubric_bytes'] / 1e3:,.0f} kB", "", "no Pyodide requested"),
        (
            "bytes: calculator page, to its first result",
            f"{m['calc_bytes'] / 1e6:,.2f} MB",
            "",
            "Pyodide runtime included",
        ),
        *compressed,
        ("bare Pyodide boot (worker + `loadPyodide`)", ms("bare"), spread("bare"), "1.00×"),
        (
            "calculator: form interactive",
            ms("interactive"),
            spread("interactive"),
            ratio("interactive"),
        ),
        ("calculator: Pyodide + package ready", ms("ready"), spread("ready"), ratio("ready")),
        ("calculator: first result", ms("first"), spread("first"), ratio("first")),
        (
            "repeat visit: engine ready (from its snapshot)",
            ms("repeat_ready"),
            spread("repeat_ready"),
            ratio("repeat_ready"),
        ),
        (
            "repeat visit: first result",
            ms("repeat_first"),
            spread("repeat_first"),
            ratio("repeat_first"),
        ),
        ("warm recompute: api call in the worker", f"{m['warm_api']:.2f} ms", "", ""),
        (
            "warm recompute: click → result shown",
            ms("warm_page"),
            "",
            "in the page: change event → the frame after the result (no debounce on clicks)",
        ),
        *batch_rows(),
    ]
    lines = [
        f"Cold loads (new browser context each), median of {RUNS}; Chromium {browser_version()}, "
        f"Pyodide {pyodide_version()}, {os.cpu_count()} cores.",
        "",
        "| measure | median | min–max | note |",
        "|---|---|---|---|",
    ]
    lines += [f"| {a} | {b} | {c} | {d} |" for a, b, c, d in rows]
    overhead = 100 * (m["first"] / bare - 1)
    lines += ["", f"Our overhead on a bare Pyodide boot (first result): {overhead:+.1f} %"]
    text = "\n".join(lines)
    print(text)
    (BUILD / "bench.md").write_text(text + "\n", encoding="utf-8")
    return 0


def browser_version() -> str:
    out = subprocess.run(
        [str(CHROMIUM), "--version"], capture_output=True, text=True, check=False
    ).stdout.split()
    return out[out.index("Chromium") + 1] if "Chromium" in out[:-1] else "?"


BATCH_FILES = 10_000


def batch_rows(count: int = BATCH_FILES) -> list[tuple[str, str, str, str]]:
    """Table rows: ``python -m zhiping score FOLDER --summary out.csv`` over ``count`` answers
    files generated from every golden vector (every calculator; the deliberately broken ones
    too, as a real collection has them), each with its own enterprise name and date, on every
    core and on one (``--jobs 1``). The files per second include the command's start-up."""
    import resource
    import tempfile

    from .bundle import write_package_data
    from .load import load
    from .paths import CALCULATOR

    write_package_data(load())
    texts: list[tuple[str, dict[str, Any] | None]] = []
    for path in sorted((ROOT / "tests" / "vectors").glob("*.json")):
        for v in json.loads(path.read_text(encoding="utf-8"))["vectors"]:
            texts.append((v["answers_text"], None) if "answers_text" in v else ("", v["answers"]))
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(CALCULATOR), str(ROOT)])}
    rows = []
    with tempfile.TemporaryDirectory(prefix="zhiping-batch-") as tmp:
        folder = Path(tmp) / "answers"
        folder.mkdir()
        for i in range(count):
            text, answers = texts[i % len(texts)]
            if answers is not None:
                date = f"2026-{i % 12 + 1:02d}-{i % 28 + 1:02d}"
                meta = {"company": f"企业 {i:05d}", "date": date}
                text = json.dumps({**answers, "meta": meta}, ensure_ascii=False)
            (folder / f"{i:05d}.json").write_text(text, encoding="utf-8")
        summary = Path(tmp) / "summary.csv"
        for jobs in (os.cpu_count() or 1, 1):
            command = [sys.executable, "-m", "zhiping", "score", str(folder), "--jobs", str(jobs)]
            cpu = resource.getrusage(resource.RUSAGE_CHILDREN)
            started = time.perf_counter()
            subprocess.run(
                [*command, "--summary", str(summary)],
                env=env,
                check=False,  # 1: the broken vectors are listed as problems, as they should be
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
            )
            took = time.perf_counter() - started
            after = resource.getrusage(resource.RUSAGE_CHILDREN)
            cpu_s = after.ru_utime + after.ru_stime - cpu.ru_utime - cpu.ru_stime
            lines = summary.read_bytes().count(b"\r\n") - 1
            assert lines >= count, f"the summary has {lines} rows for {count} files"
            rows.append(
                (
                    f"batch scoring: {count:,} answers files, --jobs {jobs}",
                    f"{count / took:,.0f} files/s",
                    "",
                    f"{took:.1f} s wall, {cpu_s:.1f} s CPU (all processes) for "
                    f"`score FOLDER --summary`, from {len(texts)} vectors of every family",
                )
            )
    return rows


def batch_only() -> int:
    """``--batch``: the batch scoring rows only."""
    print("\n".join(f"| {a} | {b} | {c} | {d} |" for a, b, c, d in batch_rows()))
    return 0


if __name__ == "__main__":
    sys.exit(batch_only() if "--batch" in sys.argv[1:] else main())
