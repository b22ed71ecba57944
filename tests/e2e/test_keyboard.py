"""The SME calculator completed with the keyboard alone (Tab, Shift+Tab, arrow keys, Space).

At every control that takes focus, from the top of the page to the result, the focus must show
(an outline or a box shadow) and the control must not lie under the sticky result bar or the
header: what is at the centre of the control is the control itself or its label.
"""

from __future__ import annotations

import contextlib
from typing import Any

import pytest
from playwright.sync_api import Page, expect
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError

VIEWPORTS = {"desktop": {"width": 1280, "height": 800}, "phone": {"width": 390, "height": 844}}
MAX_STEPS = 800  # Tab presses from the top of the page to the end of the form (about 300 needed)

# What the focused element is, whether its focus shows, and whether it is covered.
FOCUS_STATE = """() => {
  const el = document.activeElement;
  if (!el || el === document.body) return null;
  const cs = getComputedStyle(el);
  const outline = cs.outlineStyle !== "none" && parseFloat(cs.outlineWidth) > 0;
  const shadow = cs.boxShadow !== "none" && cs.boxShadow !== "";
  const r = el.getClientRects()[0] || el.getBoundingClientRect(); // a wrapped link: its first line
  const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
  const labels = el.labels ? [...el.labels] : [];
  const uncovered = !!hit
    && (hit === el || el.contains(hit) || labels.some((l) => l.contains(hit)));
  const describe = (n) => !n ? "none" : n.tagName.toLowerCase()
    + (n.id ? "#" + n.id : "")
    + (n.classList.length ? "." + [...n.classList].join(".") : "")
    + (n.name ? `[name=${n.name}]` : "")
    + (n.value && n.type !== "text" ? `[value=${n.value}]` : "");
  const question = el.closest("[data-question]");
  const scenario = el.closest("[data-scenario]");
  const cx = Math.round(r.left + r.width / 2), cy = Math.round(r.top + r.height / 2);
  const where = hit ? "" : ` (its centre ${cx},${cy}`
    + ` outside the ${innerWidth}×${innerHeight} window, scrolled to ${scrollX},${scrollY})`;
  return {
    what: describe(el), hit: describe(hit) + where, visible: outline || shadow, uncovered,
    type: el.type || "", inForm: !!el.closest("#zp-calc form"),
    question: question ? question.dataset.question : null,
    scenario: scenario ? scenario.dataset.scenario : null,
    groupDone: !!(question || scenario)?.querySelector("input:checked"),
    sticky: el.matches(".zp-sticky"),
  };
}"""


# The focused control in the window, or nothing focused: a smooth scroll to it (the skip link, from
# the bottom of a long page) may start frames after the focus moved on a busy machine.
IN_VIEW = """() => {
  const el = document.activeElement;
  if (!el || el === document.body) return true;
  const r = el.getBoundingClientRect();
  return r.bottom > 0 && r.top < innerHeight && r.right > 0 && r.left < innerWidth;
}"""

STILL = """() => {
  const y = window.scrollY, x = window.scrollX;
  const same = window.__zpLastScroll === `${x},${y}`;
  window.__zpLastScroll = `${x},${y}`;
  return same && document.getAnimations().every((a) => a.playState !== "running");
}"""


def focus_state(page: Page) -> dict[str, Any] | None:
    # Material opens the search overlay when its field takes focus: judge the page once it is still
    # a function, not an expression: Playwright evals an expression, which the site's CSP forbids
    # still: no animation running, and the page's scroll (focus scrolls into view, smoothly on a
    # busy machine) the same in two frames running
    with contextlib.suppress(PlaywrightTimeoutError):  # never in view: judged (and reported) below
        page.wait_for_function(IN_VIEW, polling="raf", timeout=5_000)
    page.wait_for_function(STILL, polling="raf")
    state: dict[str, Any] | None = page.evaluate(FOCUS_STATE)
    return state


def check_focus(page: Page, problems: list[str], step: str) -> dict[str, Any] | None:
    state = focus_state(page)
    if state is None:
        return None
    if not state["visible"]:
        problems.append(f"{step}: focus not visible on {state['what']}")
    if not state["uncovered"]:
        problems.append(f"{step}: {state['what']} is covered by {state['hit']}")
    return state


@pytest.mark.parametrize("viewport", VIEWPORTS)
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_calculator_is_completed_with_the_keyboard_alone(
    calc: Any, lang: str, viewport: str
) -> None:
    page: Page = calc(lang)
    page.set_viewport_size(VIEWPORTS[viewport])
    page.evaluate("window.scrollTo(0, 0)")
    problems: list[str] = []
    answered: set[str] = set()
    groups = page.locator("fieldset[data-question], fieldset[data-scenario]").count()
    for step in range(MAX_STEPS):
        page.keyboard.press("Tab")
        state = check_focus(page, problems, f"Tab {step}")
        if state is None:
            continue
        if state["sticky"]:
            break  # the form is done: the next stop is the result bar
        group = state["question"] or state["scenario"]
        if not state["inForm"] or group is None or group in answered:
            continue
        if state["type"] not in ("radio", "checkbox"):
            continue  # a link or a figure inside the question: the options come next
        if state["scenario"] is not None:
            # Tab enters a radio group at its first radio ("below level 1"); level 2 is two down
            for _ in range(2):
                page.keyboard.press("ArrowDown")
                check_focus(page, problems, f"ArrowDown in {group}")
        elif not state["groupDone"]:
            page.keyboard.press("Space")  # the first option of the question
        answered.add(group)
    else:
        pytest.fail(f"the result bar was not reached in {MAX_STEPS} Tab presses")
    assert len(answered) == groups, f"answered {len(answered)} of {groups}"
    result = page.locator("#zp-calc [data-slot=result]")
    expect(result).to_have_attribute("data-result-state", "ok", timeout=20_000)
    expect(page.locator("#zp-calc [data-level-rank]")).not_to_have_text("")

    # Back up through the form: controls scrolled into view from below stay clear of the header.
    for step in range(60):
        page.keyboard.press("Shift+Tab")
        check_focus(page, problems, f"Shift+Tab {step}")
    assert not problems, "\n".join(problems)
