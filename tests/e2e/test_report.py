"""The printed report, in print media and as an A4 PDF, for one calculator of every family, in both
languages: a golden vector's answers (with an enterprise name and a date) imported through the
page's import; the summary (enterprise, date, document number, result) comes before the reasoning
and the answers; none of the site's navigation nor the form is shown; only the options chosen are
printed; the disclaimer is there; the SME report fits a few A4 pages."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
import yaml
from playwright.sync_api import Page, expect

ROOT = Path(__file__).resolve().parents[2]
COMPANY = "苏州示例精密机械有限公司"
DATE = "2026-03-15"

# one calculator per family
RUBRICS = [
    "sme-digital-level-2024",
    "jiangsu-dx-2025",
    "smart-factory-tier-jiangsu-2025",
    "smart-factory-national-2025",
    "tech-system-1295",
]


def rubric(rid: str) -> dict[str, Any]:
    data: dict[str, Any] = yaml.safe_load((ROOT / "rubrics" / f"{rid}.yaml").read_text("utf-8"))
    return data


def ui(key: str, lang: str) -> str:
    node: Any = yaml.safe_load((ROOT / "rubrics" / "ui.yaml").read_text("utf-8"))
    for part in key.split("."):
        node = node[part]
    text: str = node[lang]
    return text


def scored_vector(rid: str) -> dict[str, Any]:
    """The first golden vector of the rubric that has a result (its expectation is not errors)."""
    vectors = json.loads((ROOT / "tests" / "vectors" / f"{rid}.json").read_text("utf-8"))
    for v in vectors["vectors"]:
        expect_ = v.get("expect", {})
        if "answers" in v and expect_.get("ok", True) is not False and "errors" not in expect_:
            return dict(v)
    raise AssertionError(f"no scored vector for {rid}")


def open_with_answers(page: Page, site_url: str, tmp_path: Path, rid: str, lang: str) -> Any:
    prefix = "en/" if lang == "en" else ""
    page.goto(f"{site_url}{prefix}calculator/{rid}/")
    page.wait_for_selector("#zp-calc[data-state=ready]", timeout=90_000)
    v = scored_vector(rid)
    answers = {**v["answers"], "meta": {"company": COMPANY, "date": DATE}}
    path = tmp_path / f"{rid}.json"
    path.write_text(json.dumps(answers, ensure_ascii=False), encoding="utf-8")
    page.locator("input[data-import-file]").set_input_files(str(path))
    page.wait_for_function(
        "() => document.querySelector('[data-slot=report-company]').textContent.includes('苏州')"
    )
    page.wait_for_function(
        "() => { const r = document.getElementById('zp-calc');"
        " return r.dataset.reportCount && r.dataset.reportCount === r.dataset.resultCount; }"
    )
    return answers


def top(page: Page, selector: str) -> float:
    box = page.locator(selector).first.bounding_box()
    assert box is not None, f"{selector} is not shown"
    return float(box["y"])


def pdf_pages(data: bytes) -> int:
    """The number of pages of a PDF: its /Type /Page objects (not /Pages)."""
    return len(re.findall(rb"/Type\s*/Page(?![a-zA-Z])", data))


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("rid", RUBRICS)
def test_the_printed_report_leads_with_the_summary_and_hides_the_navigation(
    page: Page, site_url: str, outside: Any, tmp_path: Path, rid: str, lang: str
) -> None:
    open_with_answers(page, site_url, tmp_path, rid, lang)
    report = page.locator("[data-slot=report]")
    expect(report).to_be_hidden()  # on screen the report is not there
    page.emulate_media(media="print")
    expect(report).to_be_visible()
    data = rubric(rid)
    expect(report).to_contain_text(data["title"][lang])
    if data["source"].get("number"):
        expect(report).to_contain_text(data["source"]["number"])
    expect(page.locator("[data-slot=report-company]")).to_have_text(COMPANY)
    year = str(__import__("datetime").date.today().year)
    expect(page.locator("[data-slot=report-date]")).to_contain_text(year)
    expect(page.locator("[data-slot=report-lines] tr").first).to_be_visible()
    expect(report).to_contain_text(ui("report.disclaimer", lang))
    # the order: summary, then the result's reasoning, then the answers given
    summary = top(page, "[data-slot=report]")
    reasoning = top(page, "#result")
    answers = top(page, ".zp-report-answers")
    assert summary < reasoning < answers
    expect(page.locator("[data-slot=report-sections] table").first).to_be_visible()
    # none of the site's navigation, nor the form's controls
    for selector in (".md-header", ".md-sidebar--primary", ".md-footer", ".md-search", "form"):
        for node in page.locator(selector).all():
            expect(node).to_be_hidden()
    for control in ("input", "button"):
        visible = [n for n in page.locator(f"#zp-calc {control}").all() if n.is_visible()]
        assert visible == [], control
    page.emulate_media(media="screen")
    expect(report).to_be_hidden()


def option_labels(lang: str) -> tuple[list[str], list[str]]:
    """The SME vector's chosen option labels and the labels of every option not chosen (typed
    from the rubric's YAML, not from the page)."""
    v = scored_vector("sme-digital-level-2024")
    chosen: list[str] = []
    other: list[str] = []
    for q in rubric("sme-digital-level-2024")["questions"]:
        picked = v["answers"]["questions"].get(str(q["number"]))
        picked_set = set(picked if isinstance(picked, list) else [picked])
        for i, o in enumerate(q["options"], start=1):
            (chosen if i in picked_set else other).append(o["label"][lang])
    return chosen, other


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_sme_report_prints_only_the_options_chosen_on_a_few_a4_pages(
    page: Page, site_url: str, outside: Any, tmp_path: Path, lang: str
) -> None:
    open_with_answers(page, site_url, tmp_path, "sme-digital-level-2024", lang)
    page.emulate_media(media="print")
    sections = page.locator("[data-slot=report-sections]")
    questions = sections.locator("table").first.locator("tbody tr")
    expect(questions).to_have_count(15)
    answers = [questions.nth(i).locator("td").nth(5).inner_text() for i in range(15)]
    chosen, other = option_labels(lang)
    for label in chosen:
        assert any(label in a for a in answers), label
    # no option that was not chosen is printed anywhere on the page (only those whose label is
    # not part of a chosen one, nor of another text of the report)
    printed = page.locator("body").inner_text()
    absent = [o for o in other if not any(o in c for c in chosen) and len(o) > 8]
    assert len(absent) >= 20
    shown = [o for o in absent if o in printed]
    assert shown == []
    pdf = page.pdf(format="A4", print_background=True)
    assert 1 < pdf_pages(pdf) <= 6
