"""Every calculator but the first, as a person uses it: the national checklist to a result by
clicking; each calculator with a full result checked by axe; each completed with the keyboard
alone with the focus visible and never covered. Requests leaving the machine are recorded and
fail the test (the ``outside`` fixture)."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from tests.e2e.conftest import Outside
from tests.e2e.test_axe import VIEWPORTS, assert_clean, at_width
from tests.e2e.test_keyboard import check_focus
from tests.e2e.test_tier_and_dx import open_calc

NAT = "smart-factory-national-2025"
BASE = ("eligibility", "compliance", "secure_controllable", "organization")


def answer_national(page: Page) -> None:
    for key in (*BASE, "registered_legal_person"):
        page.locator(f"#d-{key} label.zp-opt").first.click()  # yes
    for number, ai in ((1, True), (4, False), (21, True), (27, False), (31, False),
                       (9, False), (10, False), (11, False), (12, False), (13, False)):  # fmt: skip
        page.locator(f"#s{number} label.zp-opt").nth(2 if ai else 1).click()
    page.locator("#maturity label.zp-opt").nth(2).click()  # level 3
    page.locator("#position label.zp-opt").nth(2).click()  # national leading
    page.locator("#held label.zp-opt").nth(2).click()  # advanced, recognised


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_national_checklist_to_a_result(
    page: Page, site_url: str, outside: Outside, lang: str
) -> None:
    open_calc(page, site_url, NAT, lang)
    answer_national(page)
    expect(page.locator("[data-slot=result]")).to_have_attribute("data-result-state", "ok")
    # 2 of 10 built scenarios apply AI: exactly the 20 % 卓越级 needs
    expect(page.locator("[data-level-rank]")).to_have_text(
        "卓越级" if lang == "zh" else "Excellence level"
    )
    view = page.locator("[data-slot=view]")
    expect(view).to_contain_text("= 20%")
    expect(view.locator("tr.zp-holds")).to_have_count(3)
    # one more scenario without AI: 2 / 11 = 18.18 % and 卓越级 no longer holds
    page.locator("#s32 label.zp-opt").nth(1).click()
    expect(view).to_contain_text("18.18%")
    expect(view.locator("tr.zp-holds")).to_have_count(2)
    assert outside.urls == []


def full_result(page: Page, rid: str) -> None:
    if rid == NAT:
        answer_national(page)
    elif rid.startswith("smart-factory-tier"):
        page.locator("#maturity label.zp-opt").nth(1).click()
        for n in (7, 9, 10, 12, 13, 14, 15, 16):
            page.locator(f"#s{n} label.zp-opt").nth(1).click()
        score = page.locator("input[data-path=score]")
        if score.count():
            score.fill("65")
    else:
        for fs in page.locator("fieldset[data-item^='indicator:']").all():
            fs.locator("input[type=radio]").nth(3).check()  # level 4
            score = fs.locator("input[data-path$='.score']")
            score.fill("50")
    expect(page.locator("[data-slot=result]")).to_have_attribute(
        "data-result-state", "ok", timeout=20_000
    )


CALCS = [
    "jiangsu-dx-2025",
    "inner-mongolia-capability-2025",
    "smart-factory-tier-jiangsu-2025",
    "smart-factory-tier-inner-mongolia-2025",
    NAT,
]


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("rid", CALCS)
def test_full_result_has_no_serious_violation(
    page: Page, site_url: str, outside: Outside, rid: str, lang: str
) -> None:
    """Every calculator's full result, in both languages, at desktop and then phone width."""
    open_calc(page, site_url, rid, lang)
    full_result(page, rid)
    for summary in page.locator("#zp-calc details > summary").all()[:3]:
        summary.click()
    for viewport in VIEWPORTS.values():
        at_width(page, viewport)
        assert_clean(page)
    assert outside.urls == []


KEYBOARD = [
    ("jiangsu-dx-2025", "zh", "desktop"),
    ("smart-factory-tier-jiangsu-2025", "en", "phone"),
    (NAT, "zh", "phone"),
]


@pytest.mark.parametrize(("rid", "lang", "viewport"), KEYBOARD)
def test_completed_with_the_keyboard_alone(
    page: Page, site_url: str, outside: Outside, rid: str, lang: str, viewport: str
) -> None:
    """Tab to every choice group, Space picks its first choice (level 1, not reached, yes, …);
    for the general assessment one indicator is answered with a level and a typed score."""
    open_calc(page, site_url, rid, lang)
    page.set_viewport_size(VIEWPORTS[viewport])
    page.evaluate("window.scrollTo(0, 0)")
    problems: list[str] = []
    answered: set[str] = set()
    typed = False
    for step in range(900):
        page.keyboard.press("Tab")
        state = check_focus(page, problems, f"Tab {step}")
        if state is None:
            continue
        if state["sticky"]:
            break
        if not state["inForm"]:
            continue
        group = page.evaluate(
            "() => document.activeElement.closest('fieldset[data-item]')?.dataset.item || null"
        )
        if state["type"] == "text" and group == "indicator:1" and not typed:
            page.keyboard.type("10")
            typed = True
        if state["type"] != "radio" or group is None or group in answered:
            continue
        if group == "indicator:1":
            page.keyboard.press("ArrowDown")  # level 2: a score is typed in the next field
        else:
            page.keyboard.press("Space")
        answered.add(group)
    else:
        pytest.fail("the result bar was not reached")
    expect(page.locator("[data-slot=result]")).to_have_attribute(
        "data-result-state", "ok", timeout=20_000
    )
    assert typed or rid != "jiangsu-dx-2025"
    assert not problems, "\n".join(problems)
