"""Importing hostile answers files in the browser: every file gets a clear message in the page's
language, a refused file changes nothing (form, saved answers, result), a partly bad file keeps
what Python read, and the engine keeps scoring afterwards."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Page, expect

RUBRIC = '{"rubric": "sme-digital-level-2024", '

# name: (file bytes, zh words, en words) — files Python must refuse whole
REFUSED: dict[str, tuple[bytes, str, str]] = {
    "invalid UTF-8": (b'{"meta": {"company": "\xff\xfe"}}', "不是 UTF-8", "not UTF-8"),
    "nested 100 000 deep": (b"[" * 100_000 + b"]" * 100_000, "嵌套层数超过", "nested more than"),
    "duplicate keys": (
        RUBRIC.encode() + b'"questions": {}, "questions": {}}',
        "不止一次",
        "more than once",
    ),
    "not JSON": (b'{"questions": {', "不是有效的 JSON", "not valid JSON"),
    "another rubric": (b'{"rubric": "tech-system-1295"}', "而不是", "not “sme-digital-level-2024”"),
}

# name: (file bytes, the item reported, zh words) — files read in part
PARTIAL: dict[str, tuple[bytes, str, str]] = {
    "a 5000-digit option": (
        RUBRIC.encode() + b'"questions": {"2": ' + b"9" * 5000 + b', "5": 3}}',
        "question:2",
        "第2题没有第",
    ),
    "a 5000-digit key": (
        RUBRIC.encode() + b'"questions": {"' + b"9" * 5000 + b'": 1, "5": 3}}',
        "question:" + "9" * 110 + "…",
        "没有编号为",
    ),
    "superscript and zero-padded keys": (
        (RUBRIC + '"questions": {"²": 1, "01": 1, "5": 3}}').encode(),
        "question:01",
        "没有编号为「01」的题目",
    ),
    "a lone surrogate": (
        RUBRIC.encode() + b'"\\ud800": 1, "questions": {"5": 3}}',
        "\\ud800",
        "\\ud800",
    ),
    "a huge exponent": (
        RUBRIC.encode()
        + b'"questions": {"5": 3}, "data": {"2": {"total_devices": "1e100000000"}}}',
        "field:2.total_devices",
        "1e100000000",
    ),
    "NaN": (
        RUBRIC.encode() + b'"questions": {"5": 3}, "data": {"2": {"total_devices": NaN}}}',
        "field:2.total_devices",
        "NaN",
    ),
    'a " in keys': (
        (RUBRIC + '"questions": {"5\\"]": 1, "5": 3}, "data": {"2": {"x\\"]": 1}}}').encode(),
        'question:5"]',
        '没有编号为「5"]」的题目',
    ),
    "a BOM": (b"\xef\xbb\xbf" + (RUBRIC + '"questions": {"5": 3}}').encode(), "", ""),
}


def import_file(page: Page, tmp_path: Path, name: str, data: bytes) -> None:
    path = tmp_path / f"{abs(hash(name))}.json"
    path.write_bytes(data)
    page.locator("input[data-import-file]").set_input_files(str(path))


def saved(page: Page) -> Any:
    """The current assessment's saved answers (calculator/web/store.mjs)."""
    return page.evaluate(SAVED, "sme-digital-level-2024")


SAVED = """(rubric) => {
  const id = localStorage.getItem(`zhiping:v2:current:${rubric}`);
  return id ? JSON.parse(localStorage.getItem(`zhiping:v2:a:${id}`)).answers : null;
}"""


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_a_refused_file_changes_nothing(calc: Any, tmp_path: Path, lang: str) -> None:
    page = calc(lang)
    page.locator("#q1 label.zp-opt").nth(2).click()
    page.locator("#q5 label.zp-opt").nth(4).click()
    expect(page.locator('output[data-points-for="5"]')).to_have_text("10.00 / 10.00")
    before = saved(page)
    assert before["questions"] == {"1": [3], "5": 5}
    for name, (data, zh, en) in REFUSED.items():
        import_file(page, tmp_path, name, data)
        notice = page.locator("[data-slot=notice]")
        expect(notice).to_contain_text(zh if lang == "zh" else en)
        expect(page.locator('#q1 input[value="3"]')).to_be_checked()
        expect(page.locator('#q5 input[value="5"]')).to_be_checked()
        assert saved(page) == before, name
    # the engine is alive: a click is still scored
    page.locator("#q5 label.zp-opt").nth(2).click()
    expect(page.locator('output[data-points-for="5"]')).to_have_text("5.00 / 10.00")


def test_a_partly_bad_file_keeps_what_was_read(calc: Any, tmp_path: Path) -> None:
    page = calc("zh")
    for name, (data, item, words) in PARTIAL.items():
        page.locator("#q1 label.zp-opt").nth(2).click()  # something the import replaces
        import_file(page, tmp_path, name, data)
        notice = page.locator("[data-slot=notice]")
        expect(notice).to_contain_text("替换了之前的答案")
        expect(page.locator('#q5 input[value="3"]')).to_be_checked()  # read from the file
        expect(page.locator("#q1 input:checked")).to_have_count(0)  # replaced
        if item:
            expect(notice.locator(".zp-error")).to_contain_text([words])
        else:
            expect(notice.locator(".zp-error")).to_have_count(0)
        expect(page.locator('output[data-points-for="5"]')).to_have_text("5.00 / 10.00")
        stored = saved(page)
        assert stored["questions"] == {"5": 3}, name
        assert "data" not in stored or stored["data"] == {}, name


def test_an_import_can_be_undone(calc: Any, tmp_path: Path) -> None:
    page = calc("en")
    page.locator("#q5 label.zp-opt").nth(4).click()
    import_file(page, tmp_path, "one", (RUBRIC + '"questions": {"5": 2}}').encode())
    expect(page.locator('#q5 input[value="2"]')).to_be_checked()
    page.locator("[data-slot=notice]").get_by_role("button", name="Undo").click()
    expect(page.locator('#q5 input[value="5"]')).to_be_checked()
    expect(page.locator('output[data-points-for="5"]')).to_have_text("10.00 / 10.00")
