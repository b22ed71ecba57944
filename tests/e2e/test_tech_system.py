"""The "1295" calculator as a person uses it: a product divided into two links (环), three lists
filled row by row, the rater's ★ beside the advisory one, a ★ outside the technology classes' band
warned about, the answers exported and imported again, the tables exported as CSV; completed with
the keyboard alone and checked by axe with a full result. Requests leaving the machine fail the
test (the ``outside`` fixture)."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

import pytest
import yaml
from playwright.sync_api import Locator, Page, expect

from build_scripts.paths import RUBRICS
from tests.e2e.conftest import Outside
from tests.e2e.test_axe import VIEWPORTS, assert_clean, at_width
from tests.e2e.test_import import SAVED
from tests.e2e.test_keyboard import check_focus
from tests.e2e.test_tier_and_dx import open_calc
from zhiping import envelope

RID = "tech-system-1295"
TABLES = {
    t["number"]: t for t in yaml.safe_load((RUBRICS / f"{RID}.yaml").read_text("utf-8"))["tables"]
}

# What the form holds: every field's id and value (text) or checked state (choices).
FORM_STATE = """() => [...document.querySelectorAll("#zp-calc form input[data-path]")].map((i) => [
  i.id || i.name + "=" + (i.dataset.json ?? ""),
  i.type === "radio" || i.type === "checkbox" ? i.checked : i.value])"""


def result(page: Page) -> Locator:
    return page.locator("[data-slot=result]")


def add(page: Page, where: str) -> None:
    """Clicks the "add" button of a repeat: "segments" or a table block's rows, e.g. "#t1-s1"."""
    if where == "segments":
        page.locator("button[data-repeat-add=segments]").click()
    else:
        page.locator(f"{where} button[data-repeat-add]").click()


def pick(page: Page, group: str, nth: int) -> None:
    """Clicks the nth choice of a radio group (0 is the blank choice of grades and ★)."""
    page.locator(f"{group} label.zp-opt").nth(nth).click()


def choose(page: Page, group: str, choice: str) -> None:
    """Clicks the choice ``choice`` (its id) of a choice column's radio group."""
    page.locator(f"{group} label.zp-opt").filter(
        has=page.locator(f"input[data-json='{json.dumps(choice)}']")
    ).click()


def build_battery(page: Page) -> None:
    """A lithium-ion battery in two links; the key technology list (one row, ticked 无自主能力),
    the enterprise list (one domestic enterprise) and the key software list (one MES) filled; the
    standards list not involved."""
    page.fill("#product", "锂离子动力电池")
    page.fill("#basis", "按产品组成环节划分")
    add(page, "segments")
    expect(page.locator("#seg-s1-name")).to_be_focused()
    page.fill("#seg-s1-name", "正极材料")
    add(page, "segments")
    page.fill("#seg-s2-name", "电芯制造")
    expect(page.locator("#t1-s2 h4")).to_contain_text("电芯制造")
    # table 1, 环 s1: one key technology
    add(page, "#t1-s1")
    expect(page.locator("#t1-s1-r1-technology")).to_be_focused()
    page.fill("#t1-s1-r1-technology", "高镍前驱体共沉淀")
    pick(page, "#t1-s1-r1-commonality", 2)
    pick(page, "#t1-s1-r1-level", 3)
    pick(page, "#t1-s1-r1-gap", 2)
    page.locator("#t1-s1-r1-no_autonomy").check()
    # table 3, 环 s1: one enterprise
    add(page, "#t3-s1")
    pick(page, "#t3-s1-r1-origin", 1)  # domestic
    page.fill("#t3-s1-r1-name", "某材料公司")
    choose(page, "#t3-s1-r1-level", "domestic_leading")
    pick(page, "#t3-s1-r1-cooperation", 3)
    # table 9, 环 s2: one key software, rated per row
    add(page, "#t9-s2")
    page.fill("#t9-s2-r1-software", "MES")
    choose(page, "#t9-s2-r1-category", "production_control")
    pick(page, "#t9-s2-r1-overall", 3)
    pick(page, "#t9-s2-r1-gap", 2)
    page.fill("#t9-s2-r1-static_years", "2.5")
    page.locator("#t7-na").check()


EXPECTED = {
    "product": "锂离子动力电池",
    "basis": "按产品组成环节划分",
    "segments": {"s1": {"name": "正极材料"}, "s2": {"name": "电芯制造"}},
    "tables": {
        "1": {
            "segments": {
                "s1": {
                    "stars": 4,
                    "rows": {
                        "r1": {
                            "technology": "高镍前驱体共沉淀",
                            "commonality": 2,
                            "level": 3,
                            "gap": 2,
                            "no_autonomy": True,
                        }
                    },
                }
            }
        },
        "3": {
            "segments": {
                "s1": {
                    "rows": {
                        "r1": {
                            "origin": "domestic",
                            "name": "某材料公司",
                            "level": "domestic_leading",
                            "cooperation": 3,
                        }
                    }
                }
            }
        },
        "7": {"not_involved": True},
        "9": {
            "segments": {
                "s2": {
                    "rows": {
                        "r1": {
                            "software": "MES",
                            "category": "production_control",
                            "overall": 3,
                            "gap": 2,
                            "static_years": "2.5",
                        }
                    }
                }
            }
        },
    },
}


def download(page: Page, action: str) -> tuple[str, bytes]:
    with page.expect_download() as info:
        page.locator(f"[data-action={action}]").click()
    d = info.value
    return d.suggested_filename, Path(d.path()).read_bytes()


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_a_product_in_two_links_to_a_result_and_back(
    page: Page, site_url: str, outside: Outside, lang: str
) -> None:
    open_calc(page, site_url, RID, lang)
    expect(page.locator("[data-repeat-empty=segments]").first).to_be_visible()
    build_battery(page)
    expect(result(page)).to_have_attribute("data-result-state", "ok", timeout=20_000)

    # the advisory ★ appears beside the rater's picker; 无自主能力 puts the band at ★1
    note = page.locator("output[data-note-for='stars:1:s1']")
    expect(note).not_to_be_empty()
    expect(note).to_contain_text("★")
    expect(page.locator("output[data-note-for='cell:9:s2:r1:overall']")).not_to_be_empty()
    warnings = page.locator("[data-slot=warnings] li[data-code=outside_band]")
    expect(warnings).to_have_count(0)
    pick(page, "#t1-s1-stars", 4)  # ★4, outside the band
    expect(warnings).to_have_count(1)
    expect(warnings.locator("a[href='#t1-s1-stars']")).to_have_count(1)
    expect(page.locator("#t1-s1-stars")).to_have_class("zp-stars zp-warn")
    pick(page, "#t1-s1-stars", 1)  # ★1: inside, the warning goes
    expect(warnings).to_have_count(0)
    pick(page, "#t1-s1-stars", 4)
    expect(warnings).to_have_count(1)
    # the heat table carries tones (and its text the value)
    expect(page.locator("[data-slot=view] td[data-tone]").first).not_to_be_empty()

    # JSON out, everything cleared, JSON in: the same form
    name, data = download(page, "export")
    assert name == f"{RID}-answers.json"
    exported = json.loads(data)
    assert exported["format_version"] == envelope.FORMAT_VERSION
    assert exported["digest"] == envelope.digest(exported)
    answers = envelope.answers_part(exported)
    assert {k: v for k, v in answers.items() if k not in ("rubric", "meta")} == EXPECTED
    before = page.evaluate(FORM_STATE)
    page.locator("[data-action=clear]").click()
    expect(page.locator("#seg-s1")).to_have_count(0)
    expect(page.locator("#t1-s1")).to_have_count(0)
    page.locator("input[data-import-file]").set_input_files(
        files=[{"name": "battery.json", "mimeType": "application/json", "buffer": data}]
    )
    expect(page.locator("#t9-s2-r1-static_years")).to_have_value("2.5")
    assert page.evaluate(FORM_STATE) == before
    expect(page.locator("#t1-s2 h4")).to_contain_text("电芯制造")
    expect(result(page)).to_have_attribute("data-result-state", "ok")

    # the tables as CSV: a BOM, then the official headers of every table
    name, data = download(page, "export-csv")
    assert name.endswith(".csv")
    assert data.startswith(b"\xef\xbb\xbf")
    lines = list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
    for number, table in TABLES.items():
        headers = [c["header"][lang] for c in table["columns"]]
        assert any(
            len(line) >= len(headers)
            and all(h in cell for h, cell in zip(headers, line, strict=False))
            for line in lines
        ), (number, headers)
    assert any("高镍前驱体共沉淀" in line for line in lines)
    assert outside.urls == []


def test_removing_a_link_removes_its_blocks_and_can_be_undone(
    page: Page, site_url: str, outside: Outside
) -> None:
    open_calc(page, site_url, RID, "en")
    build_battery(page)
    page.locator("#seg-s1 button[data-repeat-remove]").click()
    expect(page.locator("[id^='t'][id$='-s1']")).to_have_count(0)  # its block in every table
    expect(page.locator("#seg-s2-name")).to_be_focused()
    add(page, "segments")
    expect(page.locator("#seg-s3-name")).to_be_focused()  # s1 is not reused
    page.locator("[data-slot=notice] button.zp-undo").click()
    expect(page.locator("#t1-s1-r1-technology")).to_have_value("高镍前驱体共沉淀")
    expect(page.locator("#seg-s3")).to_have_count(0)
    assert outside.urls == []


def test_not_involved_switches_the_whole_table_off(page: Page, site_url: str) -> None:
    open_calc(page, site_url, RID)
    page.fill("#product", "电池")
    add(page, "segments")
    add(page, "#t2-s1")
    page.fill("#t2-s1-r1-material", "前驱体")
    page.locator("#t2-na").check()
    expect(page.locator("#t2-s1-r1-material")).to_be_disabled()
    expect(page.locator("#t2-s1 button[data-repeat-add]")).to_be_disabled()
    saved: dict[str, Any] = page.evaluate(SAVED, RID) or {}
    assert saved["tables"]["2"] == {"not_involved": True}
    page.locator("#t2-na").uncheck()
    expect(page.locator("#t2-s1-r1-material")).to_be_enabled()


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_full_result_has_no_serious_violation(
    page: Page, site_url: str, outside: Outside, lang: str
) -> None:
    """The full result with a warning shown, in both languages, at desktop and then phone width."""
    open_calc(page, site_url, RID, lang)
    build_battery(page)
    pick(page, "#t1-s1-stars", 4)
    expect(page.locator("[data-slot=warnings] li")).not_to_have_count(0)
    for summary in page.locator("#zp-calc details > summary").all():
        summary.click()
    for viewport in VIEWPORTS.values():
        at_width(page, viewport)
        assert_clean(page)
    assert outside.urls == []


@pytest.mark.parametrize(("lang", "viewport"), [("zh", "desktop"), ("en", "phone")])
def test_completed_with_the_keyboard_alone(
    page: Page, site_url: str, outside: Outside, lang: str, viewport: str
) -> None:
    """Type the product, add a link with Enter and name it, add a key technology row and name it,
    pick level 2 of each grade and ★2 of each ★ picker with the arrow keys; the focus shows and is
    never covered on the way to the result bar."""
    open_calc(page, site_url, RID, lang)
    page.set_viewport_size(VIEWPORTS[viewport])
    page.evaluate("window.scrollTo(0, 0)")
    problems: list[str] = []
    done: set[str] = set()
    for step in range(600):
        page.keyboard.press("Tab")
        state = check_focus(page, problems, f"Tab {step}")
        if state is None:
            continue
        if state["sticky"]:
            break
        if not state["inForm"]:
            continue
        where = page.evaluate(
            """() => { const a = document.activeElement; return a.id || a.dataset.repeatAdd
                || a.closest('[data-item]')?.dataset.item || ''; }"""
        )
        if where in done:
            continue
        if where == "product":
            page.keyboard.type("Battery")
        elif where == "segments":  # the add button of the link list
            page.keyboard.press("Enter")
            page.keyboard.type("Cathode")
        elif where == "tables.1.segments.s1.rows":  # table 1's add button in the link's block
            page.keyboard.press("Enter")  # the focus moves into the new row
            check_focus(page, problems, "new row")
            page.keyboard.type("High-nickel precursor")
            done.add("t1-s1-r1-technology")
        elif state["type"] == "radio" and where.startswith(("stars:", "cell:")):
            for _ in range(2):
                page.keyboard.press("ArrowDown")
                check_focus(page, problems, f"ArrowDown in {where}")
        else:
            continue
        done.add(where)
    else:
        pytest.fail("the result bar was not reached")
    expect(result(page)).to_have_attribute("data-result-state", "ok", timeout=20_000)
    assert {"product", "segments", "tables.1.segments.s1.rows", "stars:1:s1"} <= done, done
    expect(page.locator("#t1-s1-r1-technology")).to_have_value("High-nickel precursor")
    expect(page.locator("#t1-s1-stars input:checked")).to_have_attribute("data-json", "2")
    expect(page.locator("output[data-note-for='stars:1:s1']")).not_to_be_empty()
    assert not problems, "\n".join(problems)
    assert outside.urls == []
