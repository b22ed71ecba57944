"""The general assessment pages (Jiangsu 通用评估指标体系, Inner Mongolia
智能制造能力评估体系) carry every fact of their rubric in both languages: the indicators with their
six levels (alternatives joined by 或 shown as alternatives), 不涉及 where allowed, indicator 7's
amounts, the bands with their 基本/比较/非常符合 parts, the score rules, Inner Mongolia's missing
score, every decision, and the other system's wording where a level text differs."""

from __future__ import annotations

import html
import re
from pathlib import Path
from typing import Any

import pytest

from build_scripts.families.dx_index import variants
from build_scripts.load import load
from build_scripts.render import pages

CATALOG = load()
PAGES = pages(CATALOG, "zhiping-0.1.0-py3-none-any.whl?v=test")
JS = "jiangsu-dx-2025"
IM = "inner-mongolia-capability-2025"
RIDS = [JS, IM]
LANGS = ("zh", "en")
CASES = [(rid, lang) for rid in RIDS for lang in LANGS]
UI = CATALOG.ui

# Counted from reference/rubric-inventory.md §8.3: the Inner Mongolia text differs from Jiangsu's in
# three wordings (commas aside): indicator 1's 不涉及 option adds （企业不涉及研发设计选此项）;
# indicator 5, level 5 产品服务云平台 / 产品服务平台; indicator 10, level 4 专业队伍 / 专业人才队伍.
EXPECTED_DIFFERENCES = {
    "indicator:1:level:0",  # rank 0: the 不涉及 option
    "indicator:5:level:5",
    "indicator:10:level:4",
}
NOT_APPLICABLE = [1, 5, 6]  # §8.1: 不涉及 allowed on indicators 1, 5 and 6


def page(rid: str, lang: str) -> str:
    return PAGES[Path(f"rubrics/{rid}.{lang}.md")]


def plain(markdown: str) -> str:
    text = re.sub(r"<del>.*?</del>", "", markdown)
    text = re.sub(r"<[^>]+>", "", text)
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", text)
    text = re.sub(r"\\(.)", r"\1", text)
    return " ".join(html.unescape(text).split())


def flat(text: str) -> str:
    return " ".join(text.split())


def indicators(rid: str) -> list[dict[str, Any]]:
    return [i for g in CATALOG.rubrics[rid]["groups"] for i in g["indicators"]]


def section(text: str, anchor: str) -> str:
    """The Markdown from the heading with ``anchor`` to the next heading of that level or above."""
    start = text.rindex("\n", 0, text.index(f"{{ #{anchor} }}")) + 1
    hashes = text[start:].split(" ")[0]
    rest = text[start:]
    end = re.search(rf"\n#{{1,{len(hashes)}}} ", rest)
    return rest[: end.start()] if end else rest


@pytest.mark.parametrize(("rid", "lang"), CASES)
def test_every_indicator_shows_its_levels_in_a_table(rid: str, lang: str) -> None:
    text = page(rid, lang)
    inds = indicators(rid)
    assert [i["number"] for i in inds] == list(range(1, 11))
    for ind in inds:
        block = section(text, f"indicator-{ind['number']}")
        assert flat(ind["name"][lang]) in plain(block.splitlines()[0])
        assert flat(ind["description"][lang]) in plain(block)
        rows = [line for line in block.splitlines() if re.match(r"\| \d \|", line)]
        assert [int(r.split("|")[1]) for r in rows] == [lv["rank"] for lv in ind.get("levels", [])]
        for level, row in zip(ind.get("levels", []), rows, strict=True):
            parts = level.get("alternatives") or [level["text"]]
            for part in parts:
                assert flat(part[lang]) in plain(row), (ind["number"], level["rank"])
            # alternatives joined by 或 are one line each, every line after the first marked 或/or
            marker = f'<strong class="zp-or">{UI["dx_page"]["or"][lang]}</strong>'
            assert row.count('<span class="zp-alt">') == (len(parts) if len(parts) > 1 else 0)
            assert row.count(marker) == len(parts) - 1


@pytest.mark.parametrize(("rid", "lang"), CASES)
def test_not_applicable_where_the_indicator_allows_it(rid: str, lang: str) -> None:
    text = page(rid, lang)
    label = UI["dx_page"]["not_applicable"][lang]
    rows = [line for line in text.splitlines() if line.startswith(f"| {label} |")]
    allowed = [i for i in indicators(rid) if "not_applicable" in i]
    assert [i["number"] for i in allowed] == NOT_APPLICABLE
    assert len(rows) == len(NOT_APPLICABLE)
    for ind, row in zip(allowed, rows, strict=True):
        assert flat(ind["not_applicable"][lang]) in plain(row)
        assert row in section(text, f"indicator-{ind['number']}")


@pytest.mark.parametrize(("rid", "lang"), CASES)
def test_indicator_seven_records_amounts_and_is_not_scored(rid: str, lang: str) -> None:
    text = page(rid, lang)
    (seven,) = [i for i in indicators(rid) if not i["scored"]]
    assert seven["number"] == 7 and "levels" not in seven
    block = section(text, "indicator-7")
    assert UI["dx_page"]["not_scored"][lang] in block
    assert not re.search(r"\| \d \|", block)  # no level table
    for amount in seven["amounts"]:
        assert f"{plain(amount['label'][lang])} ____ {plain(amount['unit'][lang])}" in plain(block)
    assert flat(seven["form_text"][lang]) in plain(block)
    # why it is not scored: the decisions on indicator 7 (Jiangsu D2, Inner Mongolia D4, …)
    readings = [
        d["id"] for d in CATALOG.rubrics[rid]["decisions"] if "indicator:7" in d["applies_to"]
    ]
    assert readings and all(f"(#decision-{d.lower()})" in block for d in readings)


@pytest.mark.parametrize(("rid", "lang"), CASES)
def test_bands_table_has_the_three_parts_of_each_level(rid: str, lang: str) -> None:
    text = page(rid, lang)
    bands = CATALOG.rubrics[rid]["bands"]
    block = section(text, "bands")
    columns = " | ".join(c[lang] for c in bands["columns"])
    assert f"| {columns} |" in block
    rows = [line for line in block.splitlines() if line.startswith("| ") and "---" not in line][1:]
    expected = []
    for b in bands["levels"]:
        if "sub_bands" in b:
            for k, sb in enumerate(b["sub_bands"]):
                rank = str(b["rank"]) if k == 0 else ""
                expected.append(f"| {rank} | {sb['label'][lang]} | {sb['printed']} |")
        else:
            expected.append(f"| {b['rank']} | {b['printed_match']} | {b['printed_score']} |")
    assert [r.replace("|  |", "| |") for r in rows] == [e.replace("|  |", "| |") for e in expected]
    assert len(rows) == 1 + 5 * 3
    assert "| 2 | 基本符合 | (0-7) |" in page(rid, "zh") and "| | 非常符合 | [94-100) |" in page(
        rid, "zh"
    ).replace("|  |", "| |")


@pytest.mark.parametrize("lang", LANGS)
def test_score_rules_and_gates_of_jiangsu(lang: str) -> None:
    text = page(JS, lang)
    scoring = CATALOG.rubrics[JS]["scoring"]
    block = section(text, "scoring")
    for note in scoring["notes"]:
        assert flat(note[lang]) in plain(block)
    for gate in scoring["gates"]:
        assert flat(gate["text"][lang]) in plain(block)
        assert UI["dx_page"]["gate_above"][lang].format(value=gate["value"]) in block
    assert plain(f"**{UI['dx_page']['required'][lang]}**") in plain(block)
    assert flat(scoring["platform_note"]["text"][lang]) in plain(block)
    assert UI["dx_page"]["no_official_score_title"][lang] not in text


@pytest.mark.parametrize("lang", LANGS)
def test_inner_mongolia_says_it_publishes_no_score(lang: str) -> None:
    text = page(IM, lang)
    scoring = CATALOG.rubrics[IM]["scoring"]
    assert scoring["official"] is False and scoring["gates"] == []
    label = scoring["reference_label"][lang]
    statement = UI["dx_page"]["no_official_score"][lang].format(label=label)
    warning = f'!!! warning "{UI["dx_page"]["no_official_score_title"][lang]}"'
    assert plain(statement) in plain(text) and warning in text
    assert text.index(warning) < text.index("{ #structure }")  # before anything else
    # the evidence note of the method, and the borrowed bands' note
    assert flat(CATALOG.rubrics[IM]["method"]["note"][lang]) in plain(text)
    assert flat(CATALOG.rubrics[IM]["bands"]["note"][lang]) in plain(section(text, "bands"))
    assert "{ #gates }" not in text


@pytest.mark.parametrize(("rid", "lang"), CASES)
def test_source_box_never_shows_none(rid: str, lang: str) -> None:
    text = page(rid, lang)
    box = text[text.index('!!! note "') : text.index(UI["site"]["translation_note"][lang])]
    src = CATALOG.rubrics[rid]["source"]
    assert flat(src["notice"][lang]) in plain(box) and flat(src["annex"][lang]) in plain(box)
    assert flat(src["issuer"][lang]) in plain(box)
    if src["number"] is None:  # Inner Mongolia: the page says the text prints none (decision D1)
        assert f"{UI['source_box']['not_printed'][lang]}**" in box
        assert UI["source_box"]["missing_number"][lang] in box
    else:
        assert src["number"] in plain(box)
    assert "(#decision-d1)" in box  # the reading of the source (number borrowed / issuer inferred)
    assert "None" not in text


@pytest.mark.parametrize(("rid", "lang"), CASES)
def test_every_decision_is_a_card_with_its_reason(rid: str, lang: str) -> None:
    text = page(rid, lang)
    cards = re.findall(r'<div class="zp-decision" id="(decision-[a-z]+\d+)" markdown>', text)
    decisions = CATALOG.rubrics[rid]["decisions"]
    assert cards == [f"decision-{d['id'].lower()}" for d in decisions]
    for d in decisions:
        assert f'"{d["id"]} · ' in text
        assert flat(d["reason"][lang]) in plain(text)
    assert not re.search(r"决[定策][、和]?[A-Z]\d+", text)


def test_the_differences_are_the_three_counted_from_the_seeds() -> None:
    js, im = CATALOG.models[JS], CATALOG.models[IM]
    assert set(variants(js, [im])) == set(variants(im, [js])) == EXPECTED_DIFFERENCES
    assert variants(js, [js]) == {}
    for rid in RIDS:
        for lang in LANGS:
            intro = UI["compare"]["intro"][lang].split("{count}")[0].split("}")[-1]
            assert f"{intro}3" in page(rid, lang)


@pytest.mark.parametrize("lang", LANGS)
def test_a_known_difference_shows_on_both_pages(lang: str) -> None:
    """Indicator 5, level 5: Jiangsu 产品服务云平台, Inner Mongolia 产品服务平台."""
    js_row = next(
        line
        for line in section(page(JS, lang), "indicator-5").splitlines()
        if line.startswith("| 5 |")
    )
    im_row = next(
        line
        for line in section(page(IM, lang), "indicator-5").splitlines()
        if line.startswith("| 5 |")
    )
    im_label = f"[{CATALOG.models[IM].short_title.get(lang)}]({IM}.md#indicator-5)"
    js_label = f"[{CATALOG.models[JS].short_title.get(lang)}]({JS}.md#indicator-5)"
    assert im_label in js_row and "产品服务<del>云</del>平台" in js_row
    assert js_label in im_row and "产品服务<mark>云</mark>平台" in im_row
    # and indicator 10, level 4: 专业(人才)队伍
    assert "专业<mark>人才</mark>队伍" in page(JS, lang)
    assert "专业<del>人才</del>队伍" in page(IM, lang)


@pytest.mark.parametrize(("rid", "lang"), CASES)
def test_no_none_or_template_syntax_on_the_page(rid: str, lang: str) -> None:
    text = page(rid, lang)
    assert "None" not in text
    assert "{{" not in text and "{%" not in text and "}}" not in text
    assert not re.search(r"\{[a-z_]+\}", text)
