"""The built search indexes: one per language, Chinese terms indexed as words, no calculator chrome,
and every glossary term, question title and scenario name ranking its own page first.

Ranking is checked with build_scripts/search_model.py, a Python model of the search worker; the
browser test (tests/e2e/test_search.py) checks on a sample that the model ranks like the browser.
"""

from __future__ import annotations

import json
import re
from functools import cache
from pathlib import Path
from typing import Any

import pytest
import yaml

from build_scripts import search
from build_scripts.paths import SITE, UI
from build_scripts.search_model import SearchModel, load

GLOSSARY_PAGE = "glossary/"
GLOSSARY_DATA, RUBRICS = search.read_sources()
RID = "sme-digital-level-2024"
RUBRIC_PAGE = f"rubrics/{RID}/"
CALCULATOR_PAGE = f"calculator/{RID}/"
RUBRIC = RUBRICS[RID]
LANGS = ("zh", "en")


@cache
def model(lang: str) -> SearchModel:
    return load(lang)


@cache
def index(lang: str) -> dict[str, Any]:
    path = SITE / ("en/" if lang == "en" else "") / "search" / "search_index.json"
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return data


LIBRARY = search.read_library()
# As the build sets them (build_scripts/mkdocs_hooks.py): the rubric pages', the glossary's and the
# requirement library's pages' defined terms.
KEYWORDS = {**search.page_keywords(GLOSSARY_DATA, RUBRICS), **search.library_keywords(LIBRARY)}


def namers(term: str, lang: str) -> set[str]:
    """The rubric pages that name ``term`` (or a name containing it) among their parts: several
    rubrics may name the same thing (质量管理 is an SME scenario and a tier-table segment). A
    glossary entry listing several names ("基础级 / 先进级 / 卓越级 / 领航级") is named by a page
    that names each of them."""
    parts = [p.lower() for p in re.split(r"\s*/\s*|\s+", term) if p]

    def title(page: str) -> list[str]:
        rid = page.removeprefix("rubrics/").rstrip("/")
        return [RUBRICS[rid]["title"][lang]] if rid in RUBRICS else []

    return {
        page
        for page, (field, words) in KEYWORDS.items()
        if field == search.NAMES
        and (
            any(term.lower() in w.lower() for w in words[lang])
            or (
                len(parts) > 1
                and all(any(p in w.lower() for w in [*words[lang], *title(page)]) for p in parts)
            )
        )
    }


def is_word(text: str) -> bool:
    return re.fullmatch(r"[A-Za-z][A-Za-z-]*", text) is not None


# --- every term ranks its own page first (the model) ----------------------------------------------

GLOSSARY_CASES = [(lang, t[lang]) for t in GLOSSARY_DATA["terms"] for lang in LANGS]
TITLE_CASES = [(lang, q["stem"][lang]) for q in RUBRIC["questions"] for lang in LANGS]
SCENARIO_CASES = [
    (lang, s["name"][lang])
    for g in RUBRIC["scenario_groups"]
    for s in g["scenarios"]
    for lang in LANGS
]


@pytest.mark.parametrize(("lang", "term"), GLOSSARY_CASES, ids=[t for _, t in GLOSSARY_CASES])
def test_a_glossary_term_lists_the_glossary_or_the_rubric_first(lang: str, term: str) -> None:
    pages = model(lang).pages(term)
    assert pages, f"{term!r} finds nothing"
    assert pages[0] in {GLOSSARY_PAGE, RUBRIC_PAGE} | namers(term, lang), pages


@pytest.mark.parametrize(
    ("lang", "term"), TITLE_CASES + SCENARIO_CASES, ids=[t for _, t in TITLE_CASES + SCENARIO_CASES]
)
def test_a_question_title_or_scenario_lists_the_rubric_first(lang: str, term: str) -> None:
    """The rubric page comes first; or second, right after the glossary, when glossary terms share
    the name's words (质量管理 → 质量管理体系 / 质量管理系统（QMS）; "Production control" →
    "production management", "closed-loop control"). Known limit of one keyword field per page."""
    assert RUBRIC_PAGE in namers(term, lang)
    pages = model(lang).pages(term)
    first = pages[1] if pages[0] == GLOSSARY_PAGE else pages[0]
    assert first in namers(term, lang), pages


# The national checklist page names its tiers, segments, KPIs and the guide's scenarios (its
# ``name`` texts, collected like every rubric's by search.page_keywords).
NATIONAL = "smart-factory-national-2025"
NATIONAL_PAGE = f"rubrics/{NATIONAL}/"
NATIONAL_NAMES = [
    (lang, kind, item["name"][lang])
    for kind in ("scenarios", "kpis", "tiers", "segments", "guide_segments")
    for item in RUBRICS[NATIONAL][kind]
    for lang in LANGS
]


@pytest.mark.parametrize(
    ("lang", "kind", "name"), NATIONAL_NAMES, ids=[f"{k}:{n}" for _, k, n in NATIONAL_NAMES]
)
def test_the_national_page_names_its_parts_and_is_found_by_them(
    lang: str, kind: str, name: str
) -> None:
    assert NATIONAL_PAGE in namers(name, lang)
    assert NATIONAL_PAGE in model(lang).pages(name)


@pytest.mark.parametrize(
    ("lang", "term"),
    [
        ("zh", "车间智能排产"),  # scenario 9 of the 2025 guide
        ("en", "Intelligent workshop scheduling"),
        ("zh", "关键设备数控化率"),  # KPI 1 of the annexed table
        ("en", "CNC rate of key equipment"),
        ("zh", "单位产值二氧化碳（CO₂）排放量降低"),  # KPI 18
        ("en", "Number of AI models applied in the factory"),  # KPI 5
    ],
)
def test_a_national_scenario_or_kpi_name_lists_the_national_page_first(
    lang: str, term: str
) -> None:
    """The national page comes first, or second after the library's reading copy of the guide or
    the KPI table, where the name is a heading (headings weigh most in Material's index)."""
    data = RUBRICS[NATIONAL]
    assert term in [x["name"][lang] for x in data["scenarios"] + data["kpis"]]
    pages = model(lang).pages(term)
    assert pages[0] == NATIONAL_PAGE or (pages[0] in REPRINTS and pages[1] == NATIONAL_PAGE), pages


# The library's documents that reprint the national checklist's scenarios and KPIs word for word.
REPRINTS = {
    "library/smart-manufacturing-scenarios-2025/",
    "library/smart-factory-kpi-reference-2025/",
}


def test_every_national_scenario_and_kpi_name_lists_the_national_page_first_in_chinese() -> None:
    data = RUBRICS[NATIONAL]
    m = model("zh")
    wrong = [
        (x["name"]["zh"], m.pages(x["name"]["zh"])[:2])
        for x in data["scenarios"] + data["kpis"]
        if m.pages(x["name"]["zh"])[0] != NATIONAL_PAGE
    ]
    assert not wrong


# The "1295" technology innovation system page: found by the words of the nine tables' notes,
# ★ definitions and grade texts (shown on the page only), and by the names it defines.
TECH = "tech-system-1295"
TECH_PAGE = f"rubrics/{TECH}/"
TECH_CASES = [
    ("zh", "卡脖子"),  # table 1, 1 ★ and 2 ★ (also a glossary term)
    ("en", "chokepoint"),  # the same, quoted in the text (“chokepoint”)
    ("zh", "话语权"),  # table 7, ★ definitions
    ("zh", "标准必要专利"),  # table 7, 1 ★
    ("en", "international standardization"),  # table 7, 5 ★
    ("zh", "受制于人"),  # table 1, technology development level 1 and 2
    ("zh", "碳达峰"),  # table 8, green development level 5
    ("en", "hostile countries"),  # table 2, gap rating 5 and stability 1–2
    ("zh", "科技攻关"),  # table 1, note ⑤
    ("en", "research breakthrough stage"),  # table 1, note ⑤
]


@pytest.mark.parametrize(("lang", "term"), TECH_CASES, ids=[t for _, t in TECH_CASES])
def test_a_phrase_of_the_1295_tables_lists_the_1295_page_first(lang: str, term: str) -> None:
    """First, or right after the glossary when the phrase is a glossary term (卡脖子)."""
    tables = json.dumps(RUBRICS[TECH]["tables"], ensure_ascii=False).lower()
    assert term.lower() in tables
    pages = model(lang).pages(term)
    first = pages[1] if pages[0] == GLOSSARY_PAGE else pages[0]
    assert first == TECH_PAGE, pages


TECH_NAMES = [
    (lang, name) for lang in LANGS for name in dict.fromkeys(search._names(RUBRICS[TECH], lang))
]


@pytest.mark.parametrize(("lang", "name"), TECH_NAMES, ids=[n for _, n in TECH_NAMES])
def test_the_1295_page_is_found_by_the_names_it_defines(lang: str, name: str) -> None:
    """Lists, tables, key-technology classes, pools, choices. A name other pages also give
    (企业, 质量) may list them first."""
    assert TECH_PAGE in namers(name, lang)
    pages = model(lang).pages(name)
    assert TECH_PAGE in pages
    if len(name) > 2 and name not in HEADINGS_ELSEWHERE:
        first = pages[1] if pages[0] == GLOSSARY_PAGE else pages[0]
        assert first == TECH_PAGE, pages


# Names that are also a heading of another page, which Material's search weighs above body text:
# table 9's software category "Business management" is a scenario category of the requirement
# library's DX typical scenarios (经营管理); table 3 "Enterprises" is a word of the DX
# implementation guide's headings on enterprise types ("Industry-leading enterprises …").
HEADINGS_ELSEWHERE = {"Business management", "Enterprises"}


def test_a_word_opened_by_a_quote_is_also_indexed_bare() -> None:
    entry = {"title": "x", "text": "in a “chokepoint” field (software) and “usable"}
    parts = search.parts_field(entry, lambda s: [s]).split("\u200b")
    assert "chokepoint”" in parts and "software)" in parts and "usable" in parts
    assert "field" not in parts  # words already bare are not repeated
    m = model("en")
    assert "“chokepoint”" in {t for d in m.docs for t in m.tokens(d["text"])}
    assert TECH_PAGE in m.pages("chokepoint")


@pytest.mark.parametrize(
    "term", ["数字孪生", "设备联网", "专精特新", "数字化转型", "供应链可视化", "综合能源消费量"]
)
def test_a_glossary_only_word_is_one_word_and_lists_the_glossary_first(term: str) -> None:
    m = model("zh")
    assert m.query_terms(term) == [
        (term, True)
    ]  # searched as one word, not its first two characters
    assert m.pages(term)[0] in namers(term, "zh") | {GLOSSARY_PAGE}


# --- the smart-factory tier and general assessment pages -----------------------------------------

TIER_PAGES = {
    f"rubrics/{rid}/" for rid, r in RUBRICS.items() if r["family"] == "smart_factory_tier"
}
DX_PAGES = {f"rubrics/{rid}/" for rid, r in RUBRICS.items() if r["family"] == "dx_index"}
NEW_CASES = [
    # a scenario name of the tier table, in both languages
    ("zh", "数字孪生工厂运营优化", TIER_PAGES),
    ("en", "Digital twin factory operations optimization", TIER_PAGES),
    # a segment name (table segment) and a big segment's name
    ("zh", "能碳管理", TIER_PAGES),
    ("en", "Energy and carbon management", TIER_PAGES),
    ("zh", "信息基础设施", TIER_PAGES),
    # a phrase inside a level description of the general assessment (indicator 2, level 5)
    ("zh", "产能共享", DX_PAGES),
    ("en", "capacity sharing", DX_PAGES),
    # an indicator name
    ("zh", "产业链供应链协同数字化水平", DX_PAGES),
    ("en", "Digital level of industrial-chain and supply-chain collaboration", DX_PAGES),
    # phrases of our English translation of the tier table and tier texts
    ("en", "flow-path simulation", TIER_PAGES),
    ("en", "heterogeneous model fusion", TIER_PAGES),
]


def showing(term: str, lang: str) -> set[str]:
    """The rubric pages and calculators of the rubrics whose texts hold ``term`` (a calculator's
    form shows its rubric's names and level texts)."""
    out = set()
    for rid, data in RUBRICS.items():
        texts = json.dumps(data, ensure_ascii=False).lower()
        if term.lower() in texts:
            out |= {f"rubrics/{rid}/", f"calculator/{rid}/"}
    for did, doc in LIBRARY.items():  # a library document's page shows its texts too
        if term.lower() in json.dumps(doc, ensure_ascii=False).lower():
            out.add(f"library/{did}/")
    return out


@pytest.mark.parametrize(("lang", "term", "first"), NEW_CASES, ids=[c[1] for c in NEW_CASES])
def test_the_tier_and_assessment_pages_are_found(lang: str, term: str, first: set[str]) -> None:
    assert len(first) == 2
    pages = model(lang).pages(term)
    # A requirement-library page whose heading holds one word of the query may come first (a
    # section title weighs 1000 × its text in Material's index): "flow-path simulation" lists
    # "3. Virtual simulation of product processes" first. Among the other pages, one showing the
    # term comes first.
    shown = showing(term, lang)
    # The glossary, whose definitions use many of these words, may come first too.
    ranked = [
        p for p in pages if p != GLOSSARY_PAGE and (not p.startswith("library/") or p in shown)
    ]
    assert ranked[0] in shown, pages
    assert first <= set(ranked[:7]), pages  # both provinces' pages are among the first


def test_every_tier_scenario_and_indicator_name_lists_a_page_naming_it_first() -> None:
    for rid, data in RUBRICS.items():
        names = [s["name"] for s in data.get("scenarios", [])]
        names += [i["name"] for g in data.get("groups", []) for i in g["indicators"]]
        names += [s["name"] for s in data.get("table_segments", [])]
        for name in names:
            for lang in LANGS:
                pages = model(lang).pages(name[lang])
                first = pages[1] if pages[0] == GLOSSARY_PAGE else pages[0]
                assert f"rubrics/{rid}/" in namers(name[lang], lang), (rid, name[lang])
                assert first in namers(name[lang], lang), (name[lang], pages)


def test_a_phrase_lists_the_page_naming_it_before_pages_naming_its_words() -> None:
    """ "Production safety" is an SME scenario; the tier pages name "Production operations" and
    "Safety management and control". Without the phrases field they came first."""
    m = model("en")
    assert m.query_terms("Production safety")[-1] == ("_production_safety", True)
    assert m.pages("Production safety")[0] == RUBRIC_PAGE
    assert all(p in TIER_PAGES for p in m.pages("Safety management and control")[:2])
    # as the phrase is typed, the page whose name starts with it already comes first
    assert m.pages("Production saf")[0] == RUBRIC_PAGE


def test_phrases_and_defined_terms() -> None:
    assert search.phrase("Production safety") == "_production_safety"
    assert search.phrase("Human-machine collaborative manufacturing") == (
        "_human_machine_collaborative_manufacturing"
    )
    assert search.phrase("networking") is None and search.phrase("数字 孪生") is None
    words, phrases = search.defined_terms(
        ["Production safety", "Production operations", "networking"], lambda s: [s]
    )
    assert words == "production safety operations networking"  # every word once
    assert phrases == "_production_safety _production_operations"
    zh_words, zh_phrases = search.defined_terms(
        ["数字孪生工厂", "数字孪生"], lambda s: [s[:4], s[4:]]
    )
    assert zh_words == "数字孪生 工厂" and zh_phrases == ""


def test_the_parts_of_a_word_stay_findable() -> None:
    # 数字孪生 and 孪生工厂 are single words in the index; 孪生 is still found, through the parts.
    m = model("zh")
    assert "孪生" not in {t for d in m.docs for t in m.tokens(d["text"])}
    assert m.pages("孪生")[0] in {GLOSSARY_PAGE} | namers("孪生", "zh")


# --- languages ------------------------------------------------------------------------------------


def test_each_language_has_its_own_index() -> None:
    zh = [d["location"] for d in index("zh")["docs"]]
    en = [d["location"] for d in index("en")["docs"]]
    assert zh and en
    assert not [x for x in zh + en if x.startswith(search.EN)]
    # Every location is a page of its own language: zh under the site root, en under en/.
    for lang, locations, root in (("zh", zh, SITE), ("en", en, SITE / "en")):
        for loc in {x.split("#")[0] for x in locations}:
            assert (root / loc / "index.html").is_file(), (lang, loc)
    # The calculator's introduction, in each language, is in that language's index only.
    intro = ui()["calculator_page"]["intro"]
    text = {
        lang: " ".join(d["text"] for d in index(lang)["docs"]).replace("\u200b", "")
        for lang in LANGS
    }
    first = {lang: intro[lang].split("。")[0].split(";")[0] for lang in LANGS}
    assert first["zh"] in text["zh"] and first["zh"] not in text["en"]
    assert first["en"] in text["en"] and first["en"] not in text["zh"]


def test_english_pages_load_the_english_index_and_chinese_pages_the_root_one() -> None:
    for path in SITE.rglob("index.html"):
        html = path.read_text(encoding="utf-8")
        base = re.search(r'<script id="__config"[^>]*>\{[^<]*?"base": "([^"]*)"', html)
        assert base is not None, path
        folder = path.parent.relative_to(SITE)
        resolved = Path(*folder.parts, *Path(base[1]).parts).as_posix()
        # Normalise "a/b/../../en" → "en"
        parts: list[str] = []
        for p in resolved.split("/"):
            if p == "..":
                parts.pop()
            elif p not in ("", "."):
                parts.append(p)
        english = folder.parts[:1] == ("en",)
        assert parts == (["en"] if english else []), path


def test_the_worker_is_patched() -> None:
    (worker,) = (SITE / "assets" / "javascripts" / "workers").glob("search.*.min.js")
    js = worker.read_text(encoding="utf-8")
    for old, new in search.WORKER_PATCHES:
        assert new in js and old not in js


# --- calculator chrome ----------------------------------------------------------------------------


def ui() -> dict[str, Any]:
    data: dict[str, Any] = yaml.safe_load(UI.read_text(encoding="utf-8"))
    return data


# Buttons, the noscript notice, the status line, the result panel the script fills.
CHROME_KEYS = ("export", "import", "clear", "print", "noscript", "stage_idle", "result", "next")


@pytest.mark.parametrize("lang", LANGS)
def test_calculator_chrome_is_not_indexed(lang: str) -> None:
    page = ui()["calculator_page"]
    # Labels that are also words of the rubric's own texts ("Clear performance and pay management")
    # cannot tell chrome from content; the others must be absent.
    content = json.dumps(RUBRIC, ensure_ascii=False)
    labels = [page[k][lang] for k in CHROME_KEYS if page[k][lang] not in content]
    assert len(labels) >= 6
    calc = [d for d in index(lang)["docs"] if d["location"].startswith(CALCULATOR_PAGE)]
    assert calc, "the calculator page is indexed (its questions are content)"
    text = " ".join(d["title"] + " " + d["text"] for d in calc).replace("\u200b", "")
    for label in labels:
        assert not re.search(rf"(?<!\w){re.escape(label)}(?!\w)", text), label
    # The questionnaire itself is content.
    assert RUBRIC["questions"][0]["stem"][lang] in text


def test_a_button_label_does_not_find_the_calculator() -> None:
    assert CALCULATOR_PAGE not in model("zh").pages("导出")
    assert CALCULATOR_PAGE not in model("en").pages("export")


# --- the parts of search.py -----------------------------------------------------------------------


def test_dictionary_words_come_from_the_yaml() -> None:
    words = search.dictionary_words(GLOSSARY_DATA, RUBRICS.values())
    for t in GLOSSARY_DATA["terms"]:
        for run in re.findall(r"[\u4e00-\u9fff]{2,}", t["zh"]):
            assert run in words
    for g in RUBRIC["scenario_groups"]:
        assert g["name"]["zh"] in words
        assert {s["name"]["zh"] for s in g["scenarios"]} <= set(words)
    assert "工业网络" in words and "初始级" in words  # from 5G工业网络 and 一级（初始级）
    assert search.USERDICT.read_text(encoding="utf-8").split("\n")[:-1] == words


def test_chrome_marking() -> None:
    html = (
        '<p>正文</p><button type="button" class="md-button" data-action="x">导出</button>'
        '<p class="zp-status" role="status">加载</p><noscript><p>要 JavaScript</p></noscript>'
        '<section data-slot="result"><h2>结果</h2></section><a class="md-button-x">链接</a>'
    )
    out = search.mark_chrome(html)
    assert out.count("data-search-exclude") == 4
    assert "<p>正文</p>" in out and '<a class="md-button-x">' in out
    assert search.mark_chrome(out) == out


def test_english_rebase() -> None:
    html = '<script id="__config" type="application/json">{"annotate": null, "base": "../.."}'
    assert '"base": "../../en/"' in search.rebase_english_page(html)
    with pytest.raises(RuntimeError):
        search.rebase_english_page("<html></html>")


def test_only_calculator_pages_start_the_search_worker_lazily() -> None:
    def worker(path: str) -> str:
        found = re.search(r'"search": "([^"]*)"', (SITE / path / "index.html").read_text("utf-8"))
        assert found
        return found[1]

    assert worker("calculator/sme-digital-level-2024").endswith(".min.js?lazy")
    assert worker("en/calculator/tech-system-1295").endswith(".min.js?lazy")
    assert worker("rubrics/sme-digital-level-2024").endswith(".min.js")
    assert worker("").endswith(".min.js")
    with pytest.raises(RuntimeError):
        search.lazy_search_page("<html></html>")


def test_worker_patch_needs_the_code_it_knows() -> None:
    (worker,) = (SITE / "assets" / "javascripts" / "workers").glob("search.*.min.js")
    patched = worker.read_text(encoding="utf-8")
    assert search.patch_worker(patched) == patched
    original = patched
    for old, new in search.WORKER_PATCHES:
        original = original.replace(new, old)
    assert search.patch_worker(original) == patched
    with pytest.raises(RuntimeError, match="WORKER_PATCHES"):
        search.patch_worker(original.replace("o<t.length;o++", "o<t.length;++o"))


def test_split_index_separates_languages_and_adds_fields() -> None:
    data = {
        "config": {"separator": "x"},
        "docs": [
            {"location": "glossary/", "title": "术语", "text": "数字孪生"},
            {"location": "glossary/#a", "title": "甲", "text": "数字孪生"},
            {"location": "en/glossary/", "title": "Glossary", "text": "digital twin"},
        ],
    }
    keywords = {"glossary/": ("keywords", {"zh": ["数字孪生"], "en": ["digital twin"]})}
    zh, en = search.split_index(data, lambda s: [s], lambda s: [s[:2], s[2:], s], keywords)
    assert [d["location"] for d in zh["docs"]] == ["glossary/", "glossary/#a"]
    assert [d["location"] for d in en["docs"]] == ["glossary/"]
    assert zh["docs"][0]["keywords"] == "数字孪生" and "keywords" not in zh["docs"][1]
    assert en["docs"][0]["keywords"] == "digital twin"
    assert en["docs"][0]["phrases"] == "_digital_twin" and "phrases" not in zh["docs"][0]
    assert zh["docs"][1]["parts"] == "孪生\u200b数字"


# --- the requirement library (rubrics/library/) ---------------------------------------------------

DX_PAGE = "library/dx-typical-scenarios-2025/"
PLAN_PAGE = "library/smart-factory-cultivation-plan/"
# (language, a term from inside a sentence or a heading of the document, the page it must find):
# the list of 40 is completed by the sessions that add the other documents.
LIBRARY_CASES = [
    ("zh", "质量智能检测", DX_PAGE),  # a scenario heading
    ("zh", "生产流程优化", DX_PAGE),  # the sixth production example the summary does not name
    ("zh", "数字样机", DX_PAGE),
    ("zh", "一图四清单", DX_PAGE),
    ("zh", "场景图谱", DX_PAGE),
    ("zh", "后市场服务", DX_PAGE),
    ("zh", "上链用链", DX_PAGE),
    ("zh", "供应链断链", DX_PAGE),
    ("zh", "标识解析", DX_PAGE),
    ("zh", "高级计划排产系统", DX_PAGE),
    ("en", "aftermarket", DX_PAGE),
    ("en", "scenario map", DX_PAGE),
    ("en", "capacity sharing", DX_PAGE),
    ("zh", "新质生产力", PLAN_PAGE),
    ("zh", "母工厂", PLAN_PAGE),
    ("zh", "揭榜挂帅", PLAN_PAGE),
    ("zh", "串珠成链", PLAN_PAGE),
    ("zh", "央地协同", PLAN_PAGE),
    ("zh", "普及推广基础级智能工厂", PLAN_PAGE),  # a tier heading
    ("en", "mother factories", PLAN_PAGE),
    ("en", "BRICS", PLAN_PAGE),
    ("en", "strung like beads", PLAN_PAGE),
]


@pytest.mark.parametrize(("lang", "term", "page"), LIBRARY_CASES, ids=[c[1] for c in LIBRARY_CASES])
def test_a_library_term_finds_its_document(lang: str, term: str, page: str) -> None:
    """The document is among the first three pages listed (the glossary, which defines many of
    these terms, may come first)."""
    doc = LIBRARY[page.split("/")[1]]
    assert term.lower() in json.dumps(doc, ensure_ascii=False).lower()  # taken from the document
    pages = model(lang).pages(term)
    assert page in pages[:3], pages


def test_a_library_heading_is_one_word_of_the_index() -> None:
    m = model("zh")
    assert m.query_terms("质量智能检测") == [("质量智能检测", True)]
    assert m.pages("质量智能检测")[0] == DX_PAGE
    assert set(search.library_words(LIBRARY)) >= {"质量智能检测", "普及推广基础级智能工厂"}
