"""The rubric page of the national smart-factory checklist (要素条件 2025 and the 2025 scenario
guide) carries every text of its YAML in the page's language, the four tiers side by side and in
full, the 21 KPIs and the 40 scenarios with their numbers, and a linked card for every decision."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

import pytest

from build_scripts.families import smart_factory_national as family
from build_scripts.load import load
from build_scripts.paths import SITE
from build_scripts.render import md_text, pages
from tests.build_scripts.test_site_a11y import Links, config, i18n_language, nav_pages, parse

CATALOG = load()
PAGES = pages(CATALOG, "zhiping-0.1.0-py3-none-any.whl?v=test")
RID = "smart-factory-national-2025"
RAW: dict[str, Any] = CATALOG.rubrics[RID]
MODEL = CATALOG.models[RID]
LANGS = ("zh", "en")
CJK = re.compile(r"[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]")
SPAN = re.compile(r'<span lang="zh">([^<]*)</span>')
# Texts the page does not show: the short title labels the rubric elsewhere (calculator titles).
NOT_ON_THE_PAGE = {".short_title"}


def page(lang: str) -> str:
    return PAGES[Path(f"rubrics/{RID}.{lang}.md")]


def texts(node: object, path: str = "") -> Iterator[tuple[str, dict[str, str]]]:
    """Every {zh, en} text of the YAML, with its path."""
    if isinstance(node, dict):
        if set(node) >= {"zh", "en"}:
            yield path, node
        for k, v in node.items():
            yield from texts(v, f"{path}.{k}")
    elif isinstance(node, list):
        for i, v in enumerate(node):
            yield from texts(v, f"{path}[{i}]")


def plain(markdown: str) -> str:
    """The page as a reader sees its words: Chinese spans, links and Markdown escapes dropped,
    table line breaks read as spaces."""
    out = SPAN.sub(r"\1", markdown)
    out = re.sub(r"(?<!\\)\[([^\]]*)\]\([^)\s]*\)", r"\1", out)
    out = re.sub(r"\\([\\*_`\[|])", r"\1", out).replace("&lt;", "<")
    return out.replace("<br>", " ")


def words(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def section(text: str, start: str, end: str | None = None) -> str:
    """The part of a page from one anchor up to the next one named (or the end)."""
    i = text.index(f"{{ #{start} }}")
    return text[i : text.index(f"{{ #{end} }}", i) if end else len(text)]


def table_row(text: str, first_cell: str) -> list[str]:
    """The cells of the table row that starts with ``first_cell``."""
    (line,) = [x for x in text.splitlines() if x.startswith(f"| {first_cell} |")]
    return [c.strip() for c in re.split(r"(?<!\\)\|", line)[1:-1]]


# --- every text ---------------------------------------------------------------------------------


@pytest.mark.parametrize("lang", LANGS)
def test_every_text_of_the_yaml_is_on_the_page_in_its_language(lang: str) -> None:
    shown = words(plain(page(lang)))
    found = [(p, t) for p, t in texts(RAW) if p not in NOT_ON_THE_PAGE]
    assert len(found) > 300
    missing = [p for p, t in found if words(t[lang]) not in shown]
    assert not missing, missing


@pytest.mark.parametrize("lang", LANGS)
def test_the_page_is_in_its_own_language(lang: str) -> None:
    other = "en" if lang == "zh" else "zh"
    shown = words(plain(page(lang)))
    # the other language's long texts (scenarios, tier paragraphs) are not on this page
    for s in RAW["scenarios"]:
        assert words(s["text"][other]) not in shown, s["number"]
    if lang == "en":
        outside = SPAN.sub("", page("en"))
        # render.zh_spans ends a run at a subscript digit: in N13's quote of 二氧化碳（CO₂）
        # the closing bracket stays outside the span (a limit of the shared helper)
        outside = outside.replace("CO₂）", "CO₂")
        assert not CJK.findall(outside), "".join(CJK.findall(outside))[:100]
        assert page("en").count('<span lang="zh">') >= 3
    else:
        assert "<span" not in page("zh")


@pytest.mark.parametrize("lang", LANGS)
def test_nothing_is_left_unfilled(lang: str) -> None:
    text = page(lang)
    for bad in ("None", "{{", "}}", "{%", "%}", "Undefined"):
        assert bad not in text, bad
    assert not re.search(r"\{[a-z_]+\}", text)  # a ui.yaml placeholder nobody filled


# --- the source box -----------------------------------------------------------------------------


@pytest.mark.parametrize("lang", LANGS)
def test_the_source_box_names_both_documents_with_their_numbers_and_dates(lang: str) -> None:
    raw_box = page(lang)[: page(lang).index("</div>")]
    box = plain(raw_box)
    src = RAW["source"]
    assert 'id="source"' in box and src["number"] in box
    signed = {"zh": "2025年6月19日", "en": "19 June 2025"}[lang]
    assert signed in box
    criteria, guide = src["documents"]
    assert criteria["annex"] in box and RAW["kpi_table_title"][lang] in box
    assert guide["number"] in box and {"zh": "2025年4月19日", "en": "19 April 2025"}[lang] in box
    assert box.index(criteria["title"][lang]) < box.index(guide["title"][lang])
    for c in src["copies"]:
        assert c[lang] in box
    assert "[N1](#decision-n1)" in raw_box  # the title reading


# --- the tiers ----------------------------------------------------------------------------------

# The three ways the criteria word the segments a tier covers (至少 / 原则上 / 须).
COVERAGE = {
    "zh": {"at_least": "至少覆盖", "in_principle": "原则上应覆盖", "must": "须覆盖"},
    "en": {"at_least": "at least ", "in_principle": "in principle ", "must": "must cover "},
}
SEPARATOR = {"zh": "、", "en": ", "}
MATURITY = {"zh": "{}级及以上", "en": "level {} or above"}
AI_SHARE = {"zh": "不低于{}%", "en": "at least {} %"}
NO_AI_SHARE = {"zh": "无要求", "en": "no minimum"}
SECTION = {"zh": "出处：", "en": "Section: "}
# tier → its prerequisite as the table words it
PREREQUISITE = {
    "zh": {
        "basic": "无",
        "advanced": "已自评为基础级",
        "excellence": "已获评先进级",
        "leading": "已获评卓越级",
    },
    "en": {
        "basic": "none",
        "advanced": "self-assessed as Basic level",
        "excellence": "recognized as Advanced level",
        "leading": "recognized as Excellence level",
    },
}


@pytest.mark.parametrize("lang", LANGS)
def test_the_overview_table_compares_the_four_tiers(lang: str) -> None:
    text = section(page(lang), "tiers", "recognition")
    positions = {p["id"]: p["name"][lang] for p in RAW["kpi_positions"]}
    names = {s["id"]: s["name"][lang] for s in RAW["segments"]}
    assert [t["coverage_wording"] for t in RAW["tiers"]] == [
        "at_least",
        "at_least",
        "in_principle",
        "must",
    ]
    for tier in RAW["tiers"]:
        row = table_row(text, f"[{tier['name'][lang]}](#tier-{tier['id']})")
        assert len(row) == 6
        segments = SEPARATOR[lang].join(names[s] for s in tier["required_segments"])
        assert row[1].split("<br>")[0] == COVERAGE[lang][tier["coverage_wording"]] + segments
        assert row[2] == MATURITY[lang].format(tier["min_maturity"])
        share = tier["min_ai_share_percent"]
        assert row[3] == (NO_AI_SHARE[lang] if share is None else AI_SHARE[lang].format(share))
        assert row[4] == positions[tier["kpi_position"]]
        prerequisite = re.sub(r"^\[(.*)\]\(#tier-[a-z]+-prerequisite\)$", r"\1", row[5])
        assert prerequisite == PREREQUISITE[lang][tier["id"]]
    # the one coverage the text qualifies ("原则上") carries our note and its decision
    excellence = table_row(text, f"[{RAW['tiers'][2]['name'][lang]}](#tier-excellence)")
    assert "(#decision-n4)" in excellence[1]


@pytest.mark.parametrize("lang", LANGS)
def test_who_recognizes_each_tier_follows_the_table(lang: str) -> None:
    text = section(page(lang), "recognition", "tier-basic")
    for tier in RAW["tiers"]:
        rec = tier["recognition"]
        entry = "\n".join(
            [
                f"[{tier['name'][lang]}](#tier-{tier['id']})",
                *[f":   {t[lang]}" for t in rec["texts"]],
                f":   *{SECTION[lang]}{rec['source'][lang]}*",
            ]
        )
        assert entry in text, tier["id"]


def test_the_ai_share_and_maturity_come_from_the_yaml() -> None:
    shares = [t["min_ai_share_percent"] for t in RAW["tiers"]]
    assert shares == [None, None, 20, 60]
    assert [t["min_maturity"] for t in RAW["tiers"]] == [2, 2, 3, 4]
    zh, en = page("zh"), page("en")
    assert zh.count("不低于20%") >= 2 and zh.count("不低于60%") >= 2  # table + KPI 4
    assert en.count("at least 20 %") >= 2 and en.count("at least 60 %") >= 2


@pytest.mark.parametrize("lang", LANGS)
def test_each_tier_in_full(lang: str) -> None:
    text = page(lang)
    tiers = RAW["tiers"]
    for k, tier in enumerate(tiers):
        tid = tier["id"]
        end = f"tier-{tiers[k + 1]['id']}" if k + 1 < len(tiers) else "segments"
        part = section(text, f"tier-{tid}", end)
        assert part.startswith(f"{{ #tier-{tid} }}")
        assert f"### {tier['heading'][lang]} {{ #tier-{tid} }}" in text
        described = [
            f"{sd['label'][lang]}\n:   {sd['text'][lang]}" for sd in tier["segment_descriptions"]
        ]
        order = [
            part.index(tier["text"][lang]),
            part.index(f"{{ #tier-{tid}-content }}"),
            part.index(tier["content_intro"][lang]),
            *[part.index(d) for d in described],
            part.index(f"{{ #tier-{tid}-outcomes }}"),
            *[part.index(o["text"][lang]) for o in tier["outcomes"]],
        ]
        assert order == sorted(order), tid
        assert len(tier["segment_descriptions"]) == 5
        for o in tier["outcomes"]:
            prefix = f"{o['number']}. " if o["number"] is not None else "\n"
            assert f"{prefix}{o['text'][lang]}" in part
        if tier["prerequisite"]:
            p = section(part, f"tier-{tid}-prerequisite")
            assert tier["prerequisite"]["text"][lang] in p
            assert tier["prerequisite"]["source"][lang] in p
        else:
            assert f"tier-{tid}-prerequisite" not in text
        if tier["application"]:
            a = section(part, f"tier-{tid}-application")
            for c in tier["application"]["conditions"]:
                assert f"{c['number']}. {c['text'][lang]}" in a
            assert a.count("    *") == sum(
                1 for c in tier["application"]["conditions"] if c["declaration"]
            )
        else:
            assert f"tier-{tid}-application" not in text


def test_declarations_are_named_under_the_conditions_that_ask_for_them() -> None:
    zh = page("zh")
    leading = section(zh, "tier-leading-application", "segments")
    assert "*由企业申报是或否：境内注册、独立法人*" in leading
    assert "*由企业申报是或否：本行业本领域领军企业*" in leading
    excellence = section(zh, "tier-excellence-application", "tier-leading")
    assert "本行业本领域领军企业" not in excellence


# --- segments, KPIs, scenarios ------------------------------------------------------------------


@pytest.mark.parametrize("lang", LANGS)
def test_the_segments_are_defined_by_their_notes_and_the_guide_mapped_onto_them(
    lang: str,
) -> None:
    text = section(page(lang), "segments", "kpis")
    note = {"zh": "注[{}]", "en": "Note [{}]"}[lang]
    for s in RAW["segments"]:
        n = s["note"]["number"]
        anchor = "segment-" + s["id"].replace("_", "-")
        assert f"**{note.format(n)}** {s['note']['text'][lang]}\n{{ #{anchor} }}" in text
    names = {s["id"]: s["name"][lang] for s in RAW["segments"]}
    for g in RAW["guide_segments"]:
        row = table_row(text, f"[{g['heading'][lang]}](#guide-{g['id'].replace('_', '-')})")
        assert row[1].startswith(f"[{names[g['segment']]}](#segment-")
        assert row[2] == note.format(g["mapping_note_number"])
        numbers = [s["number"] for s in RAW["scenarios"] if s["guide_segment"] == g["id"]]
        assert re.findall(r"\[(\d+)\]\(#scenario-\1\)", row[3]) == [str(n) for n in numbers]
    assert len(RAW["guide_segments"]) == 8


@pytest.mark.parametrize("lang", LANGS)
def test_the_21_kpis_in_their_5_groups(lang: str) -> None:
    text = section(page(lang), "kpis", "scenarios")
    groups = RAW["kpi_groups"]
    assert len(groups) == 5 and len(RAW["kpis"]) == 21
    for k, g in enumerate(groups):
        end = f"kpi-group-{groups[k + 1]['id']}" if k + 1 < len(groups) else None
        part = section(text, f"kpi-group-{g['id']}", end)
        title = {"zh": f"{g['label']}{g['name']['zh']}", "en": f"({g['number']}) {g['name']['en']}"}
        assert f"#### {title[lang]} {{ #kpi-group-{g['id']} }}" in text
        listed = [int(n) for n in re.findall(r"^\| (\d+) \|", part, re.M)]
        assert listed == [x["number"] for x in RAW["kpis"] if x["group"] == g["id"]]
        for x in RAW["kpis"]:
            if x["group"] == g["id"]:
                row = table_row(part, str(x["number"]))
                assert row[1].split("<br>")[0] == x["name"][lang]
                assert row[2] == x["unit"][lang]
    # KPI 4 is the share the two national tiers set a minimum for
    row = table_row(text, str(RAW["ai_share_kpi"]))
    share = {"zh": "不低于{}%", "en": "at least {} %"}[lang]
    assert share.format(20) in row[1] and share.format(60) in row[1]


@pytest.mark.parametrize("lang", LANGS)
def test_the_40_scenarios_one_block_each_under_their_guide_segment(lang: str) -> None:
    text = section(page(lang), "scenarios", "decisions")
    blocks = re.findall(r'<div class="zp-scenario" markdown>\n\n(.*?)\n\n</div>', text, re.S)
    assert len(blocks) == len(RAW["scenarios"]) == 40
    for block, s in zip(blocks, RAW["scenarios"], strict=True):
        n = s["number"]
        title = f"#### {n}. {md_text(s['name'][lang])} {{ #scenario-{n} }}"
        assert block == f"{title}\n\n{md_text(s['text'][lang])}"
    headings = {
        g["id"]: text.index(f"{{ #guide-{g['id'].replace('_', '-')} }}")
        for g in RAW["guide_segments"]
    }
    assert list(headings.values()) == sorted(headings.values())
    bounds = [*sorted(headings.values()), len(text)]
    for s in RAW["scenarios"]:
        start = headings[s["guide_segment"]]
        end = bounds[bounds.index(start) + 1]
        assert start < text.index(f"{{ #scenario-{s['number']} }}") < end, s["number"]


# --- decisions ----------------------------------------------------------------------------------


@pytest.mark.parametrize("lang", LANGS)
def test_every_decision_has_a_card_and_every_mention_links_to_it(lang: str) -> None:
    text = page(lang)
    cards = re.findall(r'<div class="zp-decision" id="(decision-n\d+)" markdown>', text)
    assert cards == [f"decision-{d['id'].lower()}" for d in RAW["decisions"]]
    for d in RAW["decisions"]:
        assert f'!!! abstract "{d["id"]} · ' in text
    # every id after 见决策 / "decision" is a link, never plain text
    assert not re.search(r"决策[、和]?N\d+", text)
    assert not re.search(r"decisions? N\d+", text)
    targets = set(re.findall(r"\]\(#(decision-n\d+)\)", text))
    assert targets == set(cards)  # every decision is referred to from the part it applies to
    assert "见决策[N4](#decision-n4)" in text or "decision [N4](#decision-n4)" in text


APPLIES_TO = {"zh": "    *涉及*：", "en": "    *Affects*: "}
REUSES = {"zh": "    *沿用的省级梯度解读*：", "en": "    *Provincial tier readings it applies*: "}


@pytest.mark.parametrize("lang", LANGS)
def test_a_decision_lists_what_it_applies_to_and_the_tier_readings_it_reuses(lang: str) -> None:
    text = page(lang)
    for d in RAW["decisions"]:
        card = text[text.index(f'id="decision-{d["id"].lower()}"') :]
        card = card[: card.index("</div>")]
        (applies,) = [x for x in card.splitlines() if x.startswith(APPLIES_TO[lang])]
        assert len(re.findall(r"\]\(#[a-z0-9-]+\)", applies)) == len(d["applies_to"]), d["id"]
        reuses = [x for x in card.splitlines() if x.startswith(REUSES[lang])]
        assert len(reuses) == (1 if d["reuses"] else 0), d["id"]
        for b in d["reuses"]:
            for rid, other in CATALOG.rubrics.items():
                has = rid != RID and any(x["id"] == b for x in other.get("decisions", []))
                assert (f"]({rid}.md#decision-{b.lower()})" in reuses[0]) == has, (d["id"], b)


def test_every_decision_target_has_an_anchor_on_the_page() -> None:
    anchors = family.target_anchors(MODEL)
    zh = page("zh")
    for d in RAW["decisions"]:
        for target in d["applies_to"]:
            assert f"{{ #{anchors[target]} }}" in zh or f'id="{anchors[target]}"' in zh, target


# --- home page, nav and the built site ----------------------------------------------------------


@pytest.mark.parametrize("lang", LANGS)
def test_the_home_page_lists_the_page(lang: str) -> None:
    home = PAGES[Path(f"index.{lang}.md")]
    assert f"(rubrics/{RID}.md)" in home
    assert f"### {RAW['title'][lang]}" in home


def test_the_nav_lists_the_page_first_among_the_smart_factory_tier_pages() -> None:
    nav = config()["nav"]
    (reading,) = [item["阅读指标"] for item in nav if isinstance(item, dict) and "阅读指标" in item]
    (tiers,) = [
        item["智能工厂梯度"]
        for item in reading
        if isinstance(item, dict) and "智能工厂梯度" in item
    ]
    assert tiers[0] == f"rubrics/{RID}.md"
    assert all(p.startswith("rubrics/smart-factory-tier-") for p in tiers[1:])
    assert nav_pages(nav).count(f"rubrics/{RID}.md") == 1
    # the section's English title; the page's own title comes from its front matter
    assert "智能工厂梯度" in i18n_language("en")["nav_translations"]
    assert f'title: "{RAW["title"]["en"]}"' in page("en")


@pytest.mark.parametrize("lang", LANGS)
def test_every_link_of_the_built_page_finds_its_target(lang: str) -> None:
    root = SITE / "en" if lang == "en" else SITE
    file = root / "rubrics" / RID / "index.html"
    assert file.exists(), f"run `make build` first: {file} is missing"
    links = parse(file)
    assert len(links.hrefs) > 150
    parsed: dict[Path, Links] = {file: links}
    broken = []
    for href in links.hrefs:
        url = urlsplit(href)
        if url.scheme or url.netloc:
            continue
        target = (file.parent / unquote(url.path)).resolve() if url.path else file
        if target.is_dir():
            target = target / "index.html"
        if not target.is_file():
            broken.append(href)
            continue
        if target not in parsed:
            parsed[target] = parse(target)
        if url.fragment and unquote(url.fragment) not in parsed[target].ids:
            broken.append(href)
    assert not broken, broken
    # the other pages it links to: the two provincial tier pages (the readings it reuses)
    assert {p.parent.name for p in parsed} >= {
        RID,
        "smart-factory-tier-jiangsu-2025",
        "smart-factory-tier-inner-mongolia-2025",
    }
