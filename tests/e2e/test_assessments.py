"""Several assessments on this device (calculator/web/store.mjs and the panel of the calculator
chrome): kept apart across reloads, renamed, duplicated, deleted (with undo), kept across the
language switch, wiped by "clear this device", migrated from the single saved answers of earlier
versions, and a working calculator when the browser keeps nothing."""

from __future__ import annotations

import json
import re
from typing import Any

import pytest
from playwright.sync_api import BrowserContext, Page, expect

from tests.e2e.test_axe import assert_clean
from tests.e2e.test_calculator import LEVEL_2, LEVEL_2_SCENARIOS, click_answers

RUBRIC = "sme-digital-level-2024"
LONG = 90_000
WORDS = {
    "zh": {
        "a": "甲厂",
        "b": "乙厂",
        "copy": "甲厂（副本）",
        "level": "二级（规范级）",
        "off": "答案不会保留在本设备上",
        "none": "暂无结果",
    },
    "en": {
        "a": "Plant A",
        "b": "Plant B",
        "copy": "Plant A (copy)",
        "level": "Level 2 (Standardized)",
        "off": "answers are not kept on this device",
        "none": "No result yet",
    },
}


def open_calc(page: Page, site_url: str, lang: str) -> Page:
    prefix = "en/" if lang == "en" else ""
    page.goto(f"{site_url}{prefix}calculator/{RUBRIC}/")
    page.wait_for_selector("#zp-calc[data-state=ready]", timeout=LONG)
    return page


def name_input(page: Page) -> Any:
    return page.locator("input[data-assessment-name]")


def show_list(page: Page) -> None:
    panel = page.locator("[data-slot=assessment-panel]")
    if panel.get_attribute("open") is None:
        panel.locator("summary").click()


def rows(page: Page) -> Any:
    return page.locator("[data-slot=assessment-rows] tr")


def row(page: Page, name: str) -> Any:
    exact = re.compile(f"^{re.escape(name)}$")
    return rows(page).filter(has=page.locator("th span[data-assessment-name]", has_text=exact))


def act(page: Page, name: str, action: str) -> None:
    show_list(page)
    row(page, name).locator(f"[data-assessment-action={action}]").click()


def points(page: Page, q: int) -> Any:
    return page.locator(f'output[data-points-for="{q}"]')


def saved_keys(page: Page) -> list[str]:
    keys: list[str] = page.evaluate("() => Object.keys(localStorage)")
    return sorted(k for k in keys if k.startswith("zhiping:"))


def two_plants(page: Page, lang: str) -> None:
    """Plant A: question 1 answered; Plant B (a new assessment): question 5 answered."""
    w = WORDS[lang]
    name_input(page).fill(w["a"])
    page.locator("#q1 label.zp-opt").nth(2).click()
    expect(points(page, 1)).not_to_be_empty()
    show_list(page)
    page.locator("[data-action=assessment-new]").click()
    expect(name_input(page)).to_be_focused()
    expect(page.locator("#q1 input:checked")).to_have_count(0)
    name_input(page).fill(w["b"])
    page.locator("#q5 label.zp-opt").nth(4).click()
    expect(points(page, 5)).to_have_text("10.00 / 10.00")
    expect(rows(page)).to_have_count(2)


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_two_named_assessments_are_kept_apart_across_reloads(
    page: Page, site_url: str, outside: object, lang: str
) -> None:
    w = WORDS[lang]
    open_calc(page, site_url, lang)
    two_plants(page, lang)
    click_answers(page, LEVEL_2, LEVEL_2_SCENARIOS)
    expect(page.locator("[data-level-rank]")).to_have_text(w["level"])
    # the list shows what the page last displayed for each assessment
    expect(row(page, w["b"]).locator("[data-assessment-result]")).to_contain_text(w["level"])
    expect(row(page, w["a"]).locator("[data-assessment-result]")).not_to_contain_text(w["level"])
    page.reload()
    page.wait_for_selector("#zp-calc[data-state=ready]", timeout=LONG)
    expect(name_input(page)).to_have_value(w["b"])
    expect(page.locator("[data-level-rank]")).to_have_text(w["level"])
    show_list(page)
    expect(rows(page)).to_have_count(2)
    expect(row(page, w["b"])).to_have_class("zp-current")
    act(page, w["a"], "open")
    expect(name_input(page)).to_have_value(w["a"])
    expect(page.locator('#q1 input[value="3"]')).to_be_checked()
    expect(page.locator("#q5 input:checked")).to_have_count(0)
    expect(page.locator("[data-level-rank]")).to_have_count(0)
    page.reload()
    page.wait_for_selector("#zp-calc[data-state=ready]", timeout=LONG)
    expect(name_input(page)).to_have_value(w["a"])  # the one opened last is the current one
    expect(page.locator('#q1 input[value="3"]')).to_be_checked()


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_rename_duplicate_and_delete_with_undo(
    page: Page, site_url: str, outside: object, lang: str
) -> None:
    w = WORDS[lang]
    open_calc(page, site_url, lang)
    two_plants(page, lang)
    # rename in the dialog, by keyboard
    act(page, w["b"], "rename")
    dialog = page.locator("dialog[data-slot=confirm]")
    expect(dialog).to_be_visible()
    field = dialog.locator("input")
    expect(field).to_be_focused()
    expect(field).to_have_value(w["b"])
    field.fill("C-3")
    field.press("Enter")
    expect(dialog).to_be_hidden()
    expect(row(page, "C-3")).to_have_count(1)
    expect(row(page, w["b"])).to_have_count(0)
    expect(name_input(page)).to_have_value("C-3")  # it is the current one
    expect(page.locator("[data-slot=assessment-announce]")).to_contain_text("C-3")
    # Escape cancels a rename
    act(page, "C-3", "rename")
    dialog.locator("input").fill("nope")
    page.keyboard.press("Escape")
    expect(row(page, "C-3")).to_have_count(1)
    # duplicate: a copy with the same answers, not made current
    act(page, w["a"], "duplicate")
    expect(rows(page)).to_have_count(3)
    expect(name_input(page)).to_have_value("C-3")
    act(page, w["copy"], "open")
    expect(page.locator('#q1 input[value="3"]')).to_be_checked()
    expect(page.locator("#q5 input:checked")).to_have_count(0)
    # delete: cancelled, then confirmed, then undone
    act(page, w["a"], "delete")
    expect(dialog).to_contain_text(w["a"])
    dialog.locator("button[value=cancel]").click()
    expect(rows(page)).to_have_count(3)
    act(page, w["a"], "delete")
    dialog.locator("button[value=ok]").click()
    expect(rows(page)).to_have_count(2)
    expect(row(page, w["a"])).to_have_count(0)
    page.locator("[data-slot=notice] button.zp-undo").click()
    expect(row(page, w["a"])).to_have_count(1)
    # deleting the current one leaves a blank form, kept so across a reload
    act(page, w["copy"], "delete")
    dialog.locator("button[value=ok]").click()
    expect(rows(page)).to_have_count(2)
    expect(page.locator("#q1 input:checked")).to_have_count(0)
    expect(name_input(page)).to_have_value("")
    page.reload()
    page.wait_for_selector("#zp-calc[data-state=ready]", timeout=LONG)
    show_list(page)
    expect(rows(page)).to_have_count(2)
    expect(page.locator("#q1 input:checked")).to_have_count(0)
    assert len([k for k in saved_keys(page) if k.startswith("zhiping:v2:a:")]) == 2


@pytest.mark.parametrize(("first", "second"), [("zh", "en"), ("en", "zh")])
def test_switching_language_keeps_the_current_assessment(
    page: Page, site_url: str, outside: object, first: str, second: str
) -> None:
    open_calc(page, site_url, first)
    two_plants(page, first)
    b = WORDS[first]["b"]
    open_calc(page, site_url, second)
    expect(name_input(page)).to_have_value(b)
    expect(page.locator('#q5 input[value="5"]')).to_be_checked()
    expect(page.locator("#q1 input:checked")).to_have_count(0)
    show_list(page)
    expect(rows(page)).to_have_count(2)
    expect(row(page, b)).to_have_class("zp-current")
    # the summary is shown again in the page's language
    expect(row(page, b).locator("[data-assessment-result]")).not_to_have_text(WORDS[first]["none"])


MAKE_ENGINE_STORE = """async () => {
  await new Promise((ok, no) => {
    const open = indexedDB.open("zhiping-engine", 1);
    open.onupgradeneeded = () => open.result.createObjectStore("snapshot");
    open.onsuccess = () => { open.result.close(); ok(); };
    open.onerror = () => no(open.error);
  });
  await caches.open("zhiping-site-test");
  await caches.open("someone-else");
}"""

STORES = """async () => ({
  dbs: (await indexedDB.databases()).map((d) => d.name),
  caches: await caches.keys(),
})"""


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_clear_this_device_wipes_everything_after_confirming(
    page: Page, site_url: str, outside: object, lang: str
) -> None:
    open_calc(page, site_url, lang)
    two_plants(page, lang)
    # the engine snapshot (worker.mjs) is made once the engine is idle; the caches made here
    page.wait_for_selector("#zp-calc[data-snapshot]", state="attached", timeout=LONG)
    page.evaluate(MAKE_ENGINE_STORE)
    page.evaluate("() => localStorage.setItem('not-ours', '1')")
    before = page.evaluate(STORES)
    assert "zhiping-engine" in before["dbs"] and "zhiping-site-test" in before["caches"]
    assert saved_keys(page)
    page.locator("[data-action=clear-device]").click()
    dialog = page.locator("dialog[data-slot=confirm]")
    expect(dialog.locator("button[value=cancel]")).to_be_focused()  # the safe choice first
    page.keyboard.press("Escape")
    expect(rows(page)).to_have_count(2)
    page.locator("[data-action=clear-device]").click()
    dialog.locator("button[value=ok]").click()
    expect(page.locator("[data-assessments]")).to_have_attribute("data-cleared", "1")
    expect(rows(page)).to_have_count(0)
    expect(page.locator("[data-slot=assessment-none]")).to_be_visible()
    expect(page.locator("#q5 input:checked")).to_have_count(0)
    expect(name_input(page)).to_have_value("")
    assert saved_keys(page) == []
    assert page.evaluate("() => localStorage.getItem('not-ours')") == "1"
    after = page.evaluate(STORES)
    assert "zhiping-engine" not in after["dbs"]
    assert not [c for c in after["caches"] if c.startswith("zhiping-site-")]
    assert "someone-else" in after["caches"]
    page.reload()
    page.wait_for_selector("#zp-calc[data-state=ready]", timeout=LONG)
    show_list(page)
    expect(rows(page)).to_have_count(0)
    expect(page.locator("#q5 input:checked")).to_have_count(0)


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_with_storage_switched_off_the_page_says_so_and_still_scores(
    context: BrowserContext, page: Page, site_url: str, outside: object, lang: str
) -> None:
    context.add_init_script(
        "Storage.prototype.setItem = function () {"
        " throw new DOMException('no room', 'QuotaExceededError'); };"
    )
    open_calc(page, site_url, lang)
    expect(page.locator("[data-slot=storage-off]")).to_be_visible()
    expect(page.locator("[data-slot=storage-off]")).to_contain_text(WORDS[lang]["off"])
    # the assessments still work for this page's life
    two_plants(page, lang)
    act(page, WORDS[lang]["a"], "open")
    expect(page.locator('#q1 input[value="3"]')).to_be_checked()
    expect(page.locator("#q5 input:checked")).to_have_count(0)
    page.locator("[data-action=assessment-new]").click()
    click_answers(page, LEVEL_2, LEVEL_2_SCENARIOS)
    expect(page.locator("[data-level-rank]")).to_have_text(WORDS[lang]["level"])
    assert saved_keys(page) == []


OLD = {"rubric": RUBRIC, "questions": {"5": 3}, "meta": {"company": "某某机械"}}


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_single_saved_answers_of_earlier_versions_become_the_first_assessment(
    context: BrowserContext, page: Page, site_url: str, outside: object, lang: str
) -> None:
    text = json.dumps(json.dumps(OLD))
    context.add_init_script(
        "if (!sessionStorage.getItem('seeded')) {"
        f" localStorage.setItem('zhiping:{RUBRIC}:answers', {text});"
        " sessionStorage.setItem('seeded', '1'); }"
    )
    open_calc(page, site_url, lang)
    expect(page.locator('#q5 input[value="3"]')).to_be_checked()
    expect(name_input(page)).to_have_value("某某机械")
    show_list(page)
    expect(rows(page)).to_have_count(1)
    keys = saved_keys(page)
    assert f"zhiping:{RUBRIC}:answers" not in keys
    records = [k for k in keys if k.startswith("zhiping:v2:a:")]
    assert len(records) == 1
    record = json.loads(page.evaluate(f"() => localStorage.getItem('{records[0]}')"))
    assert record["rubric"] == RUBRIC and record["name"] == "某某机械"
    assert record["answers"]["questions"] == {"5": 3}
    page.reload()
    page.wait_for_selector("#zp-calc[data-state=ready]", timeout=LONG)
    show_list(page)
    expect(rows(page)).to_have_count(1)  # migrated once
    expect(page.locator('#q5 input[value="3"]')).to_be_checked()


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_open_panel_passes_axe(page: Page, site_url: str, outside: object, lang: str) -> None:
    open_calc(page, site_url, lang)
    two_plants(page, lang)
    expect(row(page, WORDS[lang]["a"]).locator("[data-assessment-result]")).not_to_be_empty()
    assert_clean(page)
    act(page, WORDS[lang]["a"], "delete")
    expect(page.locator("dialog[data-slot=confirm]")).to_be_visible()
    assert_clean(page)
    page.keyboard.press("Escape")
