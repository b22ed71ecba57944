"""The general assessment and smart-factory tier calculators, used as a person would: choose
levels and tiers by clicking, type a score, take the score over from the general assessment, and
read the result and the way to the next tier."""

from __future__ import annotations

from typing import Any

import pytest
from playwright.sync_api import Page, expect

from tests.e2e.conftest import Outside

DX = "jiangsu-dx-2025"
TIER = "smart-factory-tier-jiangsu-2025"
IM_TIER = "smart-factory-tier-inner-mongolia-2025"
SCORED = (1, 2, 3, 4, 5, 6, 8, 9, 10)
# rows described at 基础级 in the 生产作业 segment of the table
BASIC_8 = (7, 9, 10, 12, 13, 14, 15, 16)


def open_calc(page: Page, site_url: str, rid: str, lang: str = "zh") -> Page:
    prefix = "en/" if lang == "en" else ""
    page.goto(f"{site_url}{prefix}calculator/{rid}/")
    page.wait_for_selector("#zp-calc[data-state=ready]", timeout=90_000)
    return page


def result(page: Page) -> Any:
    return page.locator("[data-slot=result]")


def answer_dx(page: Page, level: int, score: str, not_applicable: tuple[int, ...] = ()) -> None:
    for n in SCORED:
        fs = page.locator(f"#i{n}")
        if n in not_applicable:
            fs.locator(f"#i{n}-na").click()
            continue
        fs.locator(f"#i{n}-l{level}").click()
        fs.locator("input[data-path$='.score']").fill(score)


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_general_assessment_to_a_score(
    page: Page, site_url: str, outside: Outside, lang: str
) -> None:
    open_calc(page, site_url, DX, lang)
    answer_dx(page, 5, "65", not_applicable=(5,))
    expect(result(page)).to_have_attribute("data-result-state", "ok")
    expect(page.locator("[data-slot=summary] strong")).to_have_text("65.00")
    view = page.locator("[data-slot=view]")
    # 8 indicators counted (5 does not apply): (8 x 65) / 8
    expect(view).to_contain_text("÷ 8 = 520.00 ÷ 8 = 65.00")
    expect(view.locator("svg[role=img]")).to_have_count(1)
    expect(view.locator("table").first.locator("tbody tr")).to_have_count(9)
    assert outside.urls == []


def test_score_outside_the_band_is_an_error_linked_to_its_indicator(
    page: Page, site_url: str
) -> None:
    open_calc(page, site_url, DX)
    answer_dx(page, 4, "50")
    page.locator("#i3 input[data-path$='.score']").fill("65")
    expect(result(page)).to_have_attribute("data-result-state", "errors")
    link = page.locator("[data-slot=summary] a[href='#i3']")
    expect(link).to_contain_text("不在等级4的分段内")
    expect(page.locator("#i3")).to_have_attribute("aria-invalid", "true")


def test_not_applicable_switches_the_score_off(page: Page, site_url: str) -> None:
    open_calc(page, site_url, DX)
    score = page.locator("#i1 input[data-path$='.score']")
    page.locator("#i1-l3").click()
    expect(score).to_be_enabled()
    page.locator("#i1-na").click()
    expect(score).to_be_disabled()
    page.locator("#i1-l1").click()  # level 1 scores 0: nothing to type
    expect(score).to_be_disabled()


def test_tier_with_the_score_taken_over_from_the_general_assessment(
    page: Page, site_url: str, outside: Outside
) -> None:
    open_calc(page, site_url, DX)
    answer_dx(page, 5, "61")
    expect(result(page)).to_have_attribute("data-result-state", "ok")
    open_calc(page, site_url, TIER)
    page.locator("#maturity label.zp-opt").nth(1).click()  # level 2
    for n in BASIC_8:
        page.locator(f"#s{n} label.zp-opt").nth(1).click()  # 基础级 (its first described tier)
    # no score yet: every Jiangsu tier fails its score condition
    expect(page.locator("[data-level-rank]")).to_have_text("未达到基础级")
    take = page.locator("[data-take-from]")
    expect(take).to_be_visible()
    expect(take).to_contain_text("61.00")
    take.click()
    expect(page.locator("input[data-path=score]")).to_have_value("61")
    expect(page.locator("[data-level-rank]")).to_have_text("基础级")
    view = page.locator("[data-slot=view]")
    expect(view).to_contain_text("要达到先进级，最少还需要")
    expect(view.locator("tr.zp-holds")).to_have_count(1)
    assert outside.urls == []


def test_slash_cells_are_not_offered(page: Page, site_url: str) -> None:
    open_calc(page, site_url, TIER, "en")
    # row 1 prints "/" at 基础级; rows 34-38 and 40 at 基础级 and 先进级
    expect(page.locator("#s1 input[type=radio]")).to_have_count(4)  # none + 3 tiers
    expect(page.locator("#s1 .zp-unavailable")).to_have_count(1)
    expect(page.locator("#s34 input[type=radio]")).to_have_count(3)
    expect(page.locator("#s34 .zp-unavailable")).to_have_count(2)
    expect(page.locator("#s7 input[type=radio]")).to_have_count(5)


def test_inner_mongolia_tier_asks_no_score(page: Page, site_url: str) -> None:
    open_calc(page, site_url, IM_TIER, "en")
    expect(page.locator("input[data-path=score]")).to_have_count(0)
    page.locator("#maturity label.zp-opt").nth(1).click()
    for n in BASIC_8[:5]:
        page.locator(f"#s{n} label.zp-opt").nth(1).click()
    expect(page.locator("[data-level-rank]")).to_have_text("Basic level")


def test_without_maturity_the_tier_points_to_it(page: Page, site_url: str) -> None:
    open_calc(page, site_url, TIER, "en")
    page.locator("#s9 label.zp-opt").nth(1).click()
    expect(result(page)).to_have_attribute("data-result-state", "incomplete")
    link = page.locator("a.zp-next-missing")
    expect(link).to_have_attribute("href", "#maturity")
    expect(link).to_contain_text("Intelligent manufacturing capability maturity")
    expect(page.locator(".zp-progress")).to_have_count(0)  # no "n of m": only the maturity is due


def test_the_english_hand_over_names_the_score(page: Page, site_url: str) -> None:
    open_calc(page, site_url, DX, "en")
    answer_dx(page, 6, "85")
    expect(result(page)).to_have_attribute("data-result-state", "ok")
    open_calc(page, site_url, TIER, "en")
    take = page.locator("[data-take-from]")
    expect(take).to_have_text("Use the general assessment calculator's result (85.00)")
    take.click()
    expect(page.locator("[data-slot=notice]")).to_contain_text(
        "The general assessment score 85.00 has been filled in."
    )
