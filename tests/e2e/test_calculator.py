"""The calculator, used as a person would: click answers, read the level and what the next level
needs."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from playwright.sync_api import Page, expect

from tests.zhiping.helpers import SCENARIOS, minimum

# Exactly 40 points (Q1 4 options = 8, Q2 = 6, Q3 = 6, Q4 all = 10, Q5 = 10) and six scenarios at
# level 2
# of which three constrained → level 2; level 3 needs 20 more points and 8 scenarios at level 3.
LEVEL_2 = {**minimum(), "1": [2, 3, 4, 5], "2": 5, "3": 5, "4": list(range(2, 16)), "5": 5}
LEVEL_2_SCENARIOS = {
    s: (2 if s in {"产品设计", "营销管理", "生产管控", "工艺设计", "售后服务", "计划排程"} else 0)
    for s in SCENARIOS
}


def click_answers(page: Page, questions: dict[str, Any], scenarios: dict[str, int]) -> None:
    for number, choice in questions.items():
        for option in choice if isinstance(choice, list) else [choice]:
            page.locator(f"#q{number} label.zp-opt").nth(option - 1).click()
    for name, level in scenarios.items():
        fs = page.locator(f'fieldset[data-scenario="{name}"]')
        fs.locator("label.zp-opt").nth(level).click()


def result(page: Page) -> Any:
    return page.locator("[data-slot=result]")


def test_form_is_in_the_page_before_the_engine_loads(page: Page, site_url: str) -> None:
    page.route("**/pyodide/**", lambda route: None)  # hold the runtime back: it never arrives
    page.goto(f"{site_url}calculator/sme-digital-level-2024/")
    expect(page.locator("#zp-calc")).to_have_attribute("data-interactive", "1")
    expect(page.locator("#zp-calc")).to_have_attribute("data-state", "loading")
    expect(page.locator("[data-slot=status]")).to_contain_text("计算引擎")
    page.locator("#q1 label.zp-opt").nth(1).click()
    expect(page.locator('#q1 input[value="2"]')).to_be_checked()


def test_level_and_gap_in_chinese(calc: Any) -> None:
    page = calc("zh")
    click_answers(page, LEVEL_2, LEVEL_2_SCENARIOS)
    expect(result(page)).to_have_attribute("data-result-state", "ok")
    expect(page.locator("[data-level-rank]")).to_have_text("二级（规范级）")
    expect(page.locator(".zp-score strong")).to_have_text("40.00")
    nxt = page.locator("[data-slot=next]")
    expect(nxt).to_contain_text("要达到三级（集成级），还需要")
    expect(nxt).to_contain_text("得分再提高 20.00 分")
    expect(nxt).to_contain_text("将以下 8 个场景提升到三级")
    expect(nxt).to_contain_text("质量管理（目前未达到一级）")
    expect(page.locator('output[data-points-for="4"]')).to_have_text("10.00 / 10.00")
    conditions = page.locator("[data-slot=levels] tr")
    expect(conditions).to_have_count(4)
    expect(conditions.nth(2)).to_contain_text("✗")


def test_level_and_gap_in_english(calc: Any) -> None:
    page = calc("en")
    click_answers(page, LEVEL_2, LEVEL_2_SCENARIOS)
    expect(result(page)).to_have_attribute("data-result-state", "ok")
    expect(page.locator("[data-level-rank]")).to_have_text("Level 2 (Standardized)")
    nxt = page.locator("[data-slot=next]")
    expect(nxt).to_contain_text("To reach Level 3 (Integrated), you still need")
    expect(nxt).to_contain_text("20.00 more points")
    expect(nxt).to_contain_text("Quality management (now Below level 1)")


def test_none_excludes_the_other_options(calc: Any) -> None:
    page = calc("zh")
    page.locator("#q6 label.zp-opt").nth(1).click()
    page.locator("#q6 label.zp-opt").nth(2).click()
    page.locator("#q6 label.zp-opt").nth(0).click()  # 无
    expect(page.locator("#q6 input:checked")).to_have_count(1)
    expect(page.locator('#q6 input[value="1"]')).to_be_checked()
    page.locator("#q6 label.zp-opt").nth(3).click()
    expect(page.locator('#q6 input[value="1"]')).not_to_be_checked()


def test_device_counts_suggest_and_never_change_a_choice(calc: Any) -> None:
    page = calc("zh")
    page.locator("#q2 details.zp-figures > summary").click()
    page.locator('input[data-field="2.total_devices"]').fill("200")
    page.locator('input[data-field="2.digital_devices"]').fill("70")  # 35 % → (20%, 40%]
    suggestion = page.locator('[data-suggest-for="2"]')
    expect(suggestion).to_contain_text("应选「(20%, 40%]」")
    expect(page.locator("#q2 input:checked")).to_have_count(0)  # a suggestion, not a choice
    suggestion.get_by_role("button", name="改选「(20%, 40%]」").click()
    expect(page.locator('#q2 input[value="3"]')).to_be_checked()
    expect(suggestion).to_be_hidden()
    click_answers(page, {k: v for k, v in LEVEL_2.items() if k != "2"}, LEVEL_2_SCENARIOS)
    page.locator("#q2 label.zp-opt").nth(4).click()  # choose (60%, 100%] against the figures
    expect(page.locator("[data-slot=warnings]")).to_contain_text("应选「(20%, 40%]」")
    expect(page.locator("#q2")).to_have_class(re.compile("zp-warn"))
    page.locator('input[data-field="2.total_devices"]').fill("300")  # 23 %: still (20%, 40%]
    expect(page.locator("[data-level-rank]")).to_have_text("二级（规范级）")
    expect(page.locator('#q2 input[value="5"]')).to_be_checked()  # typing never changes it


def test_energy_helper_converts_the_official_example(calc: Any) -> None:
    page = calc("zh")
    page.locator("#q12 details.zp-figures > summary").click()
    helper = page.locator('[data-item="field:12.energy_last"] details.zp-energy')
    helper.locator("summary").click()
    page.locator('input[data-energy="12.energy_last.electricity"]').fill("310")
    page.locator('input[data-energy="12.energy_last.blast_furnace_gas"]').fill("1.5")
    expect(page.locator('output[data-energy-total="12.energy_last"]')).to_have_text(
        "折合 382.919 吨标准煤"
    )


def test_an_invalid_figure_warns_and_the_score_stays(calc: Any) -> None:
    for lang, text in (("zh", "比例不能超过 100%"), ("en", "a rate cannot exceed 100%")):
        page = calc(lang)
        if lang == "zh":  # the answers are kept for the English page too (same browser storage)
            click_answers(page, LEVEL_2, LEVEL_2_SCENARIOS)
        expect(result(page)).to_have_attribute("data-result-state", "ok")
        page.locator("#q2 details.zp-figures > summary").click()
        page.locator('input[data-field="2.total_devices"]').fill("10")
        page.locator('input[data-field="2.digital_devices"]').fill("20")
        expect(page.locator("[data-slot=warnings]")).to_contain_text(text)
        expect(page.locator('[data-item="field:2.digital_devices"]')).to_have_class(
            re.compile("zp-warn")
        )
        expect(result(page)).to_have_attribute("data-result-state", "ok")  # still scored
        expect(page.locator(".zp-score strong")).to_have_text("40.00")
        page.locator('input[data-field="2.total_devices"]').fill("120台")
        expect(page.locator("[data-slot=warnings]")).to_contain_text("120台")
        expect(page.locator('input[data-field="2.total_devices"]')).to_have_value("120台")


def test_the_result_on_screen_is_always_the_result_of_the_answers_on_screen(calc: Any) -> None:
    page = calc("zh")
    click_answers(page, LEVEL_2, LEVEL_2_SCENARIOS)
    expect(page.locator("[data-slot=details]")).to_be_visible()
    page.locator("#q5 label.zp-opt").nth(4).click()  # radios cannot be unticked: untick a multi
    page.locator("#q1 label.zp-opt").nth(1).click()
    page.locator("#q1 label.zp-opt").nth(2).click()
    page.locator("#q1 label.zp-opt").nth(3).click()
    page.locator("#q1 label.zp-opt").nth(4).click()  # Q1 now has nothing ticked
    expect(result(page)).to_have_attribute("data-result-state", "incomplete")
    expect(page.locator("[data-slot=details]")).to_be_hidden()
    expect(page.locator("[data-level-rank]")).to_have_count(0)
    expect(page.locator('output[data-points-for="1"]')).to_have_text("")
    expect(page.locator('output[data-points-for="5"]')).to_have_text("10.00 / 10.00")
    next_missing = page.locator(".zp-next-missing")
    expect(next_missing).to_have_text("下一个未答项：第1题")
    expect(page.locator("[data-slot=announce]")).to_have_text(
        "已完成 30 / 31 项，全部作答后即显示等级。"
    )
    page.locator("[data-action=clear]").click()
    expect(page.locator("#zp-calc form input:checked")).to_have_count(0)
    expect(page.locator('output[data-points-for="5"]')).to_have_text("")
    page.locator("[data-slot=notice]").get_by_role("button", name="撤销").click()
    expect(page.locator('#q5 input[value="5"]')).to_be_checked()


def test_points_show_as_questions_are_answered(calc: Any) -> None:
    page = calc("en")
    page.locator("#q5 label.zp-opt").nth(4).click()
    expect(page.locator('output[data-points-for="5"]')).to_have_text("10.00 / 10.00")
    click_answers(page, LEVEL_2, {})
    expect(page.locator(".zp-part-score")).to_contain_text("Part 1 score 40.00 / 100.00")
    expect(result(page)).to_have_attribute("data-result-state", "incomplete")
    click_answers(page, {}, LEVEL_2_SCENARIOS)
    expect(page.locator("[data-slot=announce]")).to_have_text(
        "Result: Level 2 (Standardized) · score 40.00"
    )


def test_a_malformed_answers_file_is_refused_and_nothing_is_lost(calc: Any, tmp_path: Path) -> None:
    page = calc("en")
    page.locator("#q1 label.zp-opt").nth(2).click()
    bad = tmp_path / "answers.json"
    bad.write_text('{"questions": {', encoding="utf-8")
    page.locator("input[data-import-file]").set_input_files(str(bad))
    expect(page.locator(".zp-error").first).to_contain_text("not valid JSON")
    expect(page.locator('#q1 input[value="3"]')).to_be_checked()


def test_answers_survive_a_reload_and_round_trip_through_export(calc: Any, tmp_path: Path) -> None:
    page = calc("zh")
    click_answers(page, LEVEL_2, LEVEL_2_SCENARIOS)
    page.locator('input[data-meta="company"]').fill("某某机械")
    page.locator('input[data-meta="date"]').fill("2026-11-20")
    expect(result(page)).to_have_attribute("data-result-state", "ok")
    page.reload()
    page.wait_for_selector("#zp-calc[data-state=ready]", timeout=90_000)
    expect(page.locator('#q5 input[value="5"]')).to_be_checked()
    expect(page.locator('input[data-meta="company"]')).to_have_value("某某机械")
    expect(page.locator("[data-level-rank]")).to_have_text("二级（规范级）")
    with page.expect_download() as info:
        page.locator("[data-action=export]").click()
    saved = tmp_path / "export.json"
    info.value.save_as(saved)
    exported = json.loads(saved.read_text(encoding="utf-8"))
    assert exported["meta"] == {"company": "某某机械", "date": "2026-11-20"}
    assert exported["questions"]["4"] == list(range(2, 16))
    assert exported["scenarios"]["产品设计"] == 2
    page.locator("[data-action=clear]").click()
    expect(page.locator("#q5 input:checked")).to_have_count(0)
    page.locator("input[data-import-file]").set_input_files(str(saved))
    expect(page.locator("[data-level-rank]")).to_have_text("二级（规范级）")
    expect(page.locator("[data-slot=notice]")).to_contain_text("替换了之前的答案")


def test_works_when_storage_is_switched_off(page: Page, site_url: str, outside: object) -> None:
    denied = "{get() { throw new DOMException('denied'); }}"
    page.add_init_script(f"Object.defineProperty(window, 'localStorage', {denied})")
    page.goto(f"{site_url}calculator/sme-digital-level-2024/")
    page.wait_for_selector("#zp-calc[data-state=ready]", timeout=90_000)
    click_answers(page, LEVEL_2, LEVEL_2_SCENARIOS)
    expect(page.locator("[data-level-rank]")).to_have_text("二级（规范级）")


def test_an_imported_file_with_unknown_items_says_so(calc: Any, tmp_path: Path) -> None:
    page = calc("zh")
    path = tmp_path / "answers.json"
    answers = {
        "rubric": "sme-digital-level-2024",
        "questions": {"5": 3, "16": 1},
        "scenarios": {"数字孪生": 2},
    }
    path.write_text(json.dumps(answers, ensure_ascii=False), encoding="utf-8")
    page.locator("input[data-import-file]").set_input_files(str(path))
    notice = page.locator("[data-slot=notice]")
    expect(notice).to_contain_text("没有编号为「16」的题目")
    expect(notice).to_contain_text("没有名为「数字孪生」的业务场景")
    expect(page.locator('#q5 input[value="3"]')).to_be_checked()  # what could be read is kept
