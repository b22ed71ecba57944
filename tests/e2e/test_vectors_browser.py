"""Golden vectors replayed in Chromium through the site's own worker: identical to CPython."""

from __future__ import annotations

import json

from playwright.sync_api import Page

from tests.conftest import vectors
from tests.vectors.observe import answers_text, mismatches
from zhiping.api import score_json

REPLAY = """async (requests) => {
  const root = document.getElementById("zp-calc");
  const site = document.baseURI.replace(/calculator\\/.*$/, "");
  const worker = new Worker(new URL("assets/calculator/worker.mjs", site), { type: "module" });
  const results = [];
  let pending = null;
  worker.onmessage = (e) => {
    if (e.data.type === "stage" && e.data.stage === "ready") pending?.resolve();
    if (e.data.type === "result") pending?.resolve(e.data.text ?? `error: ${e.data.error}`);
    if (e.data.type === "error") pending?.reject(new Error(`worker: ${e.data.message}`));
  };
  worker.onerror = (e) => pending?.reject(new Error(`worker: ${e.message}`));
  // A worker that never answers fails the test instead of holding the run until CI's limit.
  const next = () =>
    new Promise((resolve, reject) => {
      pending = { resolve, reject };
      setTimeout(() => reject(new Error("worker did not answer in 90 s")), 90_000);
    });
  let wait = next();
  const wheel = new URL("assets/calculator/" + root.dataset.wheel, site).href;
  const runtime = new URL("assets/calculator/" + root.dataset.runtime, site).href;
  worker.postMessage({ type: "boot", wheel, runtime });
  await wait;
  for (const [i, r] of requests.entries()) {
    wait = next();
    worker.postMessage({ type: "score", id: i, rubric: r.rubric, answers: r.text, lang: r.lang });
    results.push(await wait);
  }
  worker.terminate();
  return results;
}"""


def test_browser_results_are_identical_to_cpython(
    page: Page, site_url: str, outside: object
) -> None:
    page.goto(f"{site_url}calculator/sme-digital-level-2024/")
    requests = [
        {"rubric": v["rubric"], "lang": v["lang"], "text": answers_text(v)} for v in vectors()
    ]
    results = page.evaluate(REPLAY, requests)
    assert len(results) == len(requests)
    for vector, text in zip(vectors(), results, strict=True):
        assert text == score_json(vector["rubric"], answers_text(vector), vector["lang"]), vector[
            "name"
        ]
        assert mismatches(json.loads(text), vector["expect"]) == [], vector["name"]
    assert outside.urls == []  # type: ignore[attr-defined]
