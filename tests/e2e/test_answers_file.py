"""Answers files that last, in the browser, in both languages: a format-1 file (today's file made
older by hand) is imported with a notice of its migration and gives the same result; the page
exports the current format (rubric edition, digest); clear, then import the export, and the result
is the same; an oversized or too-new file is refused and the saved work survives."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Page, expect

from tests.e2e.test_import import SAVED
from tests.e2e.test_tech_system import download
from zhiping.api import score_dict
from zhiping.jsonread import MAX_BYTES

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
V1 = FIXTURES / "answers-v1-sme.json"
V2 = FIXTURES / "answers-v2-sme.json"
RUBRIC = "sme-digital-level-2024"
MIGRATED = {"zh": "第 1 版文件格式", "en": "file format 1"}


def saved(page: Page) -> Any:
    """The current assessment's answers as this device keeps them (calculator/web/store.mjs)."""
    return page.evaluate(SAVED, RUBRIC)


def summary(lang: str) -> str:
    """The level Python gives the fixture (worked out by the package, not by the page)."""
    out = score_dict(None, V2.read_text(encoding="utf-8"), lang)
    assert out["ok"] and out["level"]["rank"] == 2
    text: str = out["level"]["label"]
    return text


def import_path(page: Page, path: Path) -> None:
    page.locator("input[data-import-file]").set_input_files(str(path))


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_a_format_1_file_is_migrated_exported_and_read_back_to_the_same_result(
    calc: Any, tmp_path: Path, lang: str
) -> None:
    page = calc(lang)
    import_path(page, V1)
    notice = page.locator("[data-slot=notice]")
    expect(notice.locator(".zp-file-notice")).to_contain_text([MIGRATED[lang]])
    expect(page.locator("[data-slot=summary]")).to_contain_text(summary(lang))
    expect(page.locator("[data-slot=summary]")).to_contain_text("40.00 / 100.00")
    expect(page.locator("input[data-meta=company]")).to_have_value("示例机械有限公司")

    name, data = download(page, "export")
    assert name == "sme-digital-level-2024-answers.json"
    doc = json.loads(data.decode("utf-8"))
    fixture = json.loads(V2.read_text(encoding="utf-8"))
    assert doc["format"] == "zhiping-answers" and doc["format_version"] == 2
    assert doc["edition"] == "2024.1"
    assert doc["digest"] == fixture["digest"]  # the same answers, notes included
    assert {k: v for k, v in doc.items() if k != "exported_at"} == {
        k: v for k, v in fixture.items() if k != "exported_at"
    }

    page.locator("[data-action=clear]").click()
    expect(page.locator("#zp-calc form input:checked")).to_have_count(0)
    exported = tmp_path / "exported.json"
    exported.write_bytes(data)
    import_path(page, exported)
    expect(notice).to_contain_text("exported.json")
    expect(notice.locator(".zp-file-notice")).to_have_count(0)  # the current format: nothing to say
    expect(page.locator("[data-slot=summary]")).to_contain_text(summary(lang))


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_an_oversized_or_too_new_file_is_refused_and_saved_work_survives(
    calc: Any, tmp_path: Path, lang: str
) -> None:
    page = calc(lang)
    page.locator("#q5 label.zp-opt").nth(4).click()
    expect(page.locator('output[data-points-for="5"]')).to_have_text("10.00 / 10.00")
    before = saved(page)
    assert before["questions"] == {"5": 5}

    text = V2.read_text(encoding="utf-8")
    big = tmp_path / "big.json"
    big.write_bytes(text.encode()[:-2] + b" " * (MAX_BYTES + 1 - len(text.encode())) + b"}\n")
    assert big.stat().st_size == MAX_BYTES + 1
    newer = tmp_path / "newer.json"
    newer.write_text(text.replace('"format_version": 2', '"format_version": 3'), encoding="utf-8")
    words = {
        big: {"zh": "超过 5 MB", "en": "larger than 5 MB"},
        newer: {"zh": "第 3 版文件格式", "en": "file format 3"},
    }
    notice = page.locator("[data-slot=notice]")
    for path, said in words.items():
        import_path(page, path)
        expect(notice).to_contain_text(said[lang])
        expect(page.locator('#q5 input[value="5"]')).to_be_checked()
        expect(page.locator("#q1 input:checked")).to_have_count(0)
        assert saved(page) == before, path.name
    page.reload()
    page.wait_for_selector("#zp-calc[data-state=ready]", timeout=90_000)
    expect(page.locator('#q5 input[value="5"]')).to_be_checked()
    expect(page.locator('output[data-points-for="5"]')).to_have_text("10.00 / 10.00")
