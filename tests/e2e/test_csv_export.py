"""The CSV export of one calculator per family, in Chinese and in English, as a person gets it: a
hand-worked answers file (tests/vectors) imported, the CSV button clicked, the downloaded file read
back. It starts with a BOM, names the rubric and the company, has the family's header row in the
page's language and one row per official item; below the title block it is the file the package
makes from the same answers. Requests leaving the machine fail the test."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Page, expect

from tests.e2e.conftest import Outside
from tests.e2e.test_tech_system import download
from tests.e2e.test_tier_and_dx import open_calc
from zhiping.api import export_csv

VECTORS = Path(__file__).resolve().parents[1] / "vectors"
COMPANY = "测试企业"
# rubric → (header row (zh, en), the official numbers of its items)
CASES: dict[str, tuple[tuple[list[str], list[str]], list[str]]] = {
    "sme-digital-level-2024": (
        (
            [
                "题号",
                "一级指标",
                "二级指标",
                "采集项",
                "题目",
                "所选答案",
                "具体数据",
                "得分",
                "满分",
            ],
            [
                *("Question", "Level-1 indicator", "Level-2 indicator", "Data item"),
                *("Question text", "Answer chosen", "Figures given", "Points", "Maximum"),
            ],
        ),
        [str(n) for n in range(1, 16)],
    ),
    "jiangsu-dx-2025": (
        (
            [
                *("序号", "一级指标", "二级指标", "所选答案", "该等级的描述"),
                *("自评分", "符合程度", "是否计入平均"),
            ],
            [
                *("No.", "Level-1 indicator", "Level-2 indicator", "Answer chosen"),
                *("Description of that level", "Self-score", "Degree of match", "In the mean"),
            ],
        ),
        [str(n) for n in range(1, 11)],
    ),
    "smart-factory-tier-jiangsu-2025": (
        (
            ["序号", "环节", "场景名称", "所达梯度", "该梯度的描述", "对应的环节（覆盖条件）"],
            [
                *("No.", "Segment", "Scenario", "Tier reached", "Description at that tier"),
                "Segment it covers (coverage condition)",
            ],
        ),
        [str(n) for n in range(1, 41)],
    ),
    "smart-factory-national-2025": (
        (
            ["序号", "环节", "场景名称", "建设情况", "对应的环节（覆盖条件）"],
            ["No.", "Segment", "Scenario", "Built", "Segment it covers (coverage condition)"],
        ),
        [str(n) for n in range(1, 41)],
    ),
}


def first_vector(rid: str) -> dict[str, Any]:
    data = json.loads((VECTORS / f"{rid}.json").read_text(encoding="utf-8"))
    answers: dict[str, Any] = next(v["answers"] for v in data["vectors"] if v["expect"]["ok"])
    return {**answers, "meta": {"company": COMPANY}}


def body(rows: list[list[str]]) -> list[list[str]]:
    """Everything below the title block (the sections)."""
    return rows[rows.index([]) :]


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("rid", list(CASES))
def test_the_csv_button_downloads_the_answers_and_result(
    page: Page, site_url: str, outside: Outside, tmp_path: Path, rid: str, lang: str
) -> None:
    answers = first_vector(rid)
    path = tmp_path / "answers.json"
    path.write_text(json.dumps(answers, ensure_ascii=False), encoding="utf-8")
    open_calc(page, site_url, rid, lang)
    page.locator("input[data-import-file]").set_input_files(str(path))
    result = page.locator("[data-slot=result]")
    expect(result).to_have_attribute("data-result-state", "ok", timeout=30_000)

    name, data = download(page, "export-csv")
    assert name == f"{rid}-{COMPANY}.csv"
    assert data.startswith(b"\xef\xbb\xbf") and b"\r\n" in data
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))
    (head_zh, head_en), numbers = CASES[rid]
    head = head_zh if lang == "zh" else head_en
    assert head in rows
    start = rows.index(head) + 1
    assert [r[0] for r in rows[start : start + len(numbers)]] == numbers
    assert next(r[1:] for r in rows if r and r[0] in ("企业名称", "Enterprise")) == [COMPANY]
    # the same sections as the package makes from the same answers (CLI, api)
    expected = json.loads(export_csv(None, json.dumps(answers, ensure_ascii=False), lang))
    assert body(rows) == body(list(csv.reader(io.StringIO(expected["text"][1:], newline=""))))
    assert outside.urls == []
