"""The smart-factory tier pages (Jiangsu, Inner Mongolia) carry every fact of their rubric in both
languages: the source, the tiers, the segment mapping, every cell of the 40-scenario table ("/"
shown as not available), every note and decision, and the other province's wording where it
differs."""

from __future__ import annotations

import html
import re
from pathlib import Path
from typing import Any

import pytest

from build_scripts.families.smart_factory_tier import variants
from build_scripts.load import load
from build_scripts.render import pages

CATALOG = load()
PAGES = pages(CATALOG, "zhiping-0.1.0-py3-none-any.whl?v=test")
JS = "smart-factory-tier-jiangsu-2025"
IM = "smart-factory-tier-inner-mongolia-2025"
RIDS = [JS, IM]
LANGS = ("zh", "en")
CASES = [(rid, lang) for rid in RIDS for lang in LANGS]
UI = CATALOG.ui

# Typed in from reference/rubric-inventory.md §5.2 ("/" summary, the same in both tables): the
# scenarios with no description at 基础级 and at 先进级; none at 卓越级 or 领航级.
SLASH_BASIC = [1, 2, 4, 8, 11, 23, 28, 29, 34, 35, 36, 37, 38, 39, 40]
SLASH_ADVANCED = [28, 29, 34, 35, 36, 37, 38, 40]

# Counted from reference/rubric-inventory.md §5.3 (Jiangsu vs Inner Mongolia, character diff after
# normalising punctuation): rows 3, 5, 15, 16, 27, 32 (cells), row 24 (table segment 环保管控 /
# 环保管理) and row 37 (scenario name, 服 missing in Jiangsu) — 8. Two of them are OCR damage the
# files repair to the other province's wording (decision B17): row 3 (Jiangsu 在产品进行时 →
# 设计时) and row 16 (Inner Mongolia's doubled 数据数据分析). Row 27's repair (客户服 →
# 客户服务) leaves Inner Mongolia's extra 进行, and row 5's (双重 → 重用) leaves its extra 结构化.
# So 6 places remain, tier position counted from 0 (基础级 0, 先进级 1):
EXPECTED_DIFFERENCES = {
    "scenario:5:cell:1",  # 文档或数据的(结构化)管理
    "scenario:15:cell:1",  # 质量管理体系 / 质量管理系统（QMS）
    "scenario:27:cell:0",  # 对客户服务信息(进行)统计
    "scenario:32:cell:1",  # 包括但不限于 / 包括不限于
    "scenario:37:name",  # 研产供销深度集成 / 研产供销服深度集成
    "table_segment:environment",  # 环保管控 / 环保管理 (scenario 24's segment)
}


def page(rid: str, lang: str) -> str:
    return PAGES[Path(f"rubrics/{rid}.{lang}.md")]


def plain(markdown: str) -> str:
    """The page's text as a reader sees it: tags, link targets and Markdown escapes dropped,
    whitespace collapsed."""
    text = re.sub(r"<del>.*?</del>", "", markdown)  # the other text's missing words
    text = re.sub(r"<[^>]+>", "", text)
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", text)
    text = re.sub(r"\\(.)", r"\1", text)
    return " ".join(html.unescape(text).split())


def flat(text: str) -> str:
    return " ".join(text.split())


def raw(rid: str) -> dict[str, Any]:
    return CATALOG.rubrics[rid]


@pytest.mark.parametrize(("rid", "lang"), CASES)
def test_every_cell_name_and_note_of_the_scenario_table_is_on_the_page(rid: str, lang: str) -> None:
    text = plain(page(rid, lang))
    scenarios = raw(rid)["scenarios"]
    assert len(scenarios) == 40
    for s in scenarios:
        assert flat(s["name"][lang]) in text, s["number"]
        for cell in s["cells"]:
            if cell != "/":
                assert flat(cell[lang]) in text, (s["number"], cell[lang][:30])
                if "note" in cell:
                    assert flat(cell["note"][lang]) in text, s["number"]


@pytest.mark.parametrize(("rid", "lang"), CASES)
def test_each_scenario_is_a_block_with_its_number_name_segment_and_four_tiers(
    rid: str, lang: str
) -> None:
    text = page(rid, lang)
    blocks = text.split('<div class="zp-scenario" markdown>')[1:]
    assert len(blocks) == 40
    r = raw(rid)
    segments = {ts["id"]: ts for ts in r["table_segments"]}
    for s, block in zip(r["scenarios"], blocks, strict=True):
        heading = UI["tier_page"]["scenario_title"][lang].format(number=s["number"], name="")
        assert block.lstrip().startswith(f"##### {heading}"), block[:80]
        assert f"{{ #scenario-{s['number']} }}" in block
        assert plain(segments[s["table_segment"]]["name"][lang]) in plain(block)
        tier_lines = [line for line in block.splitlines() if line.startswith(":   ")]
        assert len(tier_lines) == 4
        # the four tiers in order, each a term of the definition list
        terms = [unspan(block).index(f"\n{t['name'][lang]}\n:   ") for t in r["tiers"]]
        assert terms == sorted(terms)
        for tier, cell in zip(r["tiers"], s["cells"], strict=True):
            if cell == "/":
                na = UI["tier_page"]["not_available"][lang]
                assert f'\n{tier["name"][lang]}\n:   <span class="zp-na">{na}</span>' in block


def unspan(markdown: str) -> str:
    """Markdown with the lang="zh" marks of English pages dropped."""
    return re.sub(r'<span lang="zh">([^<]*)</span>', r"\1", markdown)


@pytest.mark.parametrize("rid", RIDS)
def test_not_available_cells_are_the_slashes_of_the_table(rid: str) -> None:
    scenarios = raw(rid)["scenarios"]
    slash = [[s["number"] for s in scenarios if s["cells"][k] == "/"] for k in range(4)]
    assert slash == [SLASH_BASIC, SLASH_ADVANCED, [], []]
    nulls = sum(c == "/" for s in scenarios for c in s["cells"])
    assert nulls == 15 + 8
    for lang in LANGS:
        na = UI["tier_page"]["not_available"][lang]
        assert page(rid, lang).count(f'<span class="zp-na">{na}</span>') == nulls


@pytest.mark.parametrize(("rid", "lang"), CASES)
def test_source_box_shows_what_exists_and_never_none(rid: str, lang: str) -> None:
    text = page(rid, lang)
    box = text[
        text.index('!!! note "') : text.index(
            "\n\n", text.index(UI["site"]["translation_note"][lang])
        )
    ]
    src = raw(rid)["source"]
    for doc in src["documents"]:
        assert flat(doc["title"][lang]) in plain(box) and doc["annex"] in plain(box)
    assert flat(src["notice"][lang]) in plain(box)
    for copy in src["copies"]:
        assert flat(copy[lang]) in plain(box)
    if src["number"]:
        assert src["number"] in plain(box)
        assert UI["source_box"]["not_printed"][lang] not in box
    else:  # Inner Mongolia: no number, date or issuer printed (decision B22)
        assert f"{UI['source_box']['not_printed'][lang]}**" in box
        for key in ("number", "issuer", "date"):
            assert UI["source_box"][f"missing_{key}"][lang] in box
        assert "(#decision-b22)" in box
    assert "None" not in text


@pytest.mark.parametrize(("rid", "lang"), CASES)
def test_base_requirements_tiers_and_segment_descriptions(rid: str, lang: str) -> None:
    text = page(rid, lang)
    flat_text = plain(text)
    r = raw(rid)
    for b in r["base_requirements"]:
        assert f"{b['number']}. **{b['title'][lang]}**" in unspan(text)
        assert flat(b["text"][lang]) in flat_text
    for tier in r["tiers"]:
        assert f"{{ #tier-{tier['id']} }}" in text
        assert flat(tier["text"][lang]) in flat_text
        for sd in tier["segment_descriptions"]:
            assert f"{plain(sd['label'][lang])} : {plain(sd['text'][lang])}" in flat_text
        at_least = UI["rubric_page"]["at_least"][lang].format(n=tier["min_scenarios"])
        row = next(
            line for line in text.splitlines() if line.startswith(f"| [{tier['name'][lang]}]")
        )
        assert at_least in row
        assert UI["tier_page"]["maturity_at_least"][lang].format(n=tier["min_maturity"]) in row
        if not tier["maturity_stated"]:
            assert UI["tier_page"]["maturity_ours"][lang] in row and "#decision-b6" in row


def test_score_gates_of_the_tiers() -> None:
    rows = [line for line in page(JS, "zh").splitlines() if line.startswith("| [")]
    assert "高于 60 分 |" in rows[0]  # Jiangsu 基础级: advised 60 = required 60
    assert "高于 60 分；建议高于 90 分 |" in next(r for r in rows if "领航级" in r)
    im_rows = [line for line in page(IM, "zh").splitlines() if line.startswith("| [")]
    assert all(r.endswith("| 无分数条件 |") for r in im_rows[:4])


@pytest.mark.parametrize(("rid", "lang"), CASES)
def test_segment_mapping_table_maps_fifteen_segments_onto_five(rid: str, lang: str) -> None:
    text = page(rid, lang)
    section = text[text.index("{ #segments }") :]
    rows = [line for line in section.splitlines() if line.startswith("| [")][:15]
    r = raw(rid)
    big = {s["id"]: s["name"][lang] for s in r["segments"]}
    for ts, row in zip(r["table_segments"], rows, strict=True):
        assert row.startswith(f"| [{ts['name'][lang]}](#segment-")
        target = big[ts["segment"]] if ts["segment"] else UI["tier_page"]["no_segment"][lang]
        assert f"| {target} |" in unspan(row)
    assert "[34](#scenario-34)" in rows[-1] and "[40](#scenario-40)" in rows[-1]


@pytest.mark.parametrize(("rid", "lang"), CASES)
def test_every_decision_is_a_card_with_its_reason(rid: str, lang: str) -> None:
    text = page(rid, lang)
    flat_text = plain(text)
    cards = re.findall(r'<div class="zp-decision" id="(decision-[a-z]+\d+)" markdown>', text)
    assert cards == [f"decision-{d['id'].lower()}" for d in raw(rid)["decisions"]]
    for d in raw(rid)["decisions"]:
        assert f'"{d["id"]} · ' in text
        assert flat(d["reason"][lang]) in flat_text
    # every decision named in a text links to its card
    assert not re.search(r"决[定策][、和]?[A-Z]\d+", text)
    targets = set(re.findall(r"\]\(#(decision-[a-z]+\d+)\)", text))
    assert targets and targets <= set(cards)


def test_the_province_differences_are_the_ones_counted_from_the_seeds() -> None:
    js, im = CATALOG.models[JS], CATALOG.models[IM]
    found_js, found_im = variants(js, [im]), variants(im, [js])
    assert set(found_js) == set(found_im) == EXPECTED_DIFFERENCES
    assert len(found_js) == 6
    assert all(len(v) == 1 for v in found_js.values())
    # nothing differs with itself, and no peers means no differences
    assert variants(js, [js]) == {} and variants(js, []) == {}
    # each page says how many there are
    for rid in RIDS:
        for lang in LANGS:
            intro = UI["compare"]["intro"][lang].split("{count}")[0].split("}")[-1]
            assert f"{intro}6" in page(rid, lang)


@pytest.mark.parametrize("lang", LANGS)
def test_a_known_difference_shows_on_both_pages(lang: str) -> None:
    """Row 32, 先进级: Jiangsu 包括但不限于, Inner Mongolia 包括不限于; each page shows the other's
    wording under the cell, labelled and linked to the same scenario on the other page."""
    js, im = page(JS, lang), page(IM, lang)
    js_cell = raw(JS)["scenarios"][31]["cells"][1]["zh"]
    im_cell = raw(IM)["scenarios"][31]["cells"][1]["zh"]
    assert "包括但不限于" in js_cell and "包括不限于" in im_cell
    label_im = f"[{CATALOG.models[IM].short_title.get(lang)}]({IM}.md#scenario-32)"
    label_js = f"[{CATALOG.models[JS].short_title.get(lang)}]({JS}.md#scenario-32)"
    assert unspan(js).count(label_im) == 1 and unspan(im).count(label_js) == 1
    block_js = js.split("{ #scenario-32 }")[1].split("</div>")[0]
    block_im = im.split("{ #scenario-32 }")[1].split("</div>")[0]
    assert flat(im_cell) in plain(block_js)  # Inner Mongolia's wording on the Jiangsu page
    assert "包括<del>但</del>不限于" in block_js  # with what it lacks struck through
    assert flat(js_cell) in plain(block_im.replace("<mark>", "").replace("</mark>", ""))
    assert "包括<mark>但</mark>不限于" in block_im
    # the segment name differs too (环保管控 / 环保管理), shown in the mapping table and at row 24
    assert "环保管<mark>理</mark>" in js and "环保管<mark>控</mark>" in im


@pytest.mark.parametrize("rid", RIDS)
def test_the_english_page_gives_the_other_translation_only_where_it_differs(rid: str) -> None:
    en = page(rid, "en")
    translated = UI["compare"]["translated"]["en"]
    lines = [line for line in en.splitlines() if "Wording in [" in line]
    assert len(lines) == 6 + 1  # scenario 24 shows its segment's other name, as the table does
    # row 5: the Inner Mongolia translation says "structured management", Jiangsu's does not
    row5 = next(line for line in lines if "#scenario-5)" in line)
    assert translated in row5


@pytest.mark.parametrize(("rid", "lang"), CASES)
def test_no_none_or_template_syntax_on_the_page(rid: str, lang: str) -> None:
    text = page(rid, lang)
    assert "None" not in text
    assert "{{" not in text and "{%" not in text and "}}" not in text
    assert not re.search(r"\{[a-z_]+\}", text)
