"""The 2024 catalogue of first-of-its-kind (first unit/set) major technical equipment
(rubrics/library/first-set-equipment-catalogue-2024.yaml) and the library's paging per section
(``pages: per_section``) it uses: the catalogue matches the official text (counts typed in from
it, every Chinese text in the seed), each of its 15 categories is a page of its own in both
languages with the source line and links back, the document page lists them all, every entry
number is on exactly one page, the nav lists the categories, and search finds an entry by its name
or an indicator value."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
import yaml

from build_scripts import library_nav, render
from build_scripts.paths import BUILD_DOCS, SITE
from tests.build_scripts.rubric_texts import texts
from tests.build_scripts.test_library import (
    LIBRARY,
    OURS,
    copy_rubrics,
    edit,
    issues_of,
    norm,
    sections,
)
from tests.build_scripts.test_search_index import LIBRARY as SEARCHED
from tests.build_scripts.test_search_index import model
from zhiping.model.requirement_document import RequirementDocument, parse_number

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "tests" / "fixtures" / "seed-003-catalogue.txt"
CAT = "first-set-equipment-catalogue-2024"
DASH = "—"  # our placeholder for an empty cell (decision L3)

# Typed in from the official text (seed 003 L68-670): the 15 categories, how many subcategories
# each has, and how many numbered items (x.y.z) and sub-items (x.y.z.w) each lists.
CATEGORIES = [
    "高端工业母机",
    "电子专用装备",
    "电力装备",
    "大型矿山和冶金装备",
    "大型石油和化工装备",
    "先进节能环保装备",
    "先进轨道交通装备",
    "船舶与海洋工程装备",
    "航空航天装备",
    "新型农业机械装备",
    "大型工程机械",
    "新型轻工和纺织机械",
    "高端医疗装备",
    "精密仪器仪表",
    "重大技术装备关键配套及基础件",
]
SUBCATEGORIES = [9, 4, 9, 6, 8, 4, 5, 4, 7, 4, 6, 6, 6, 3, 4]  # 85
ITEMS = [42, 21, 28, 15, 28, 11, 11, 38, 30, 11, 9, 10, 15, 11, 6]  # 286
SUB_ITEMS = [3, 0, 38, 0, 3, 9, 7, 29, 0, 0, 0, 0, 0, 0, 0]  # 89, under 24 items
# Subcategories whose heading the OCR kept and whose entries it lost (decision L4).
OCR_GAPS = ["1.5", "3.5", "3.6", "7.3", "8.3", "9.6", "13.4", "14.2", "15.2", "15.3"]
# Numbers printed more than once: several sets of indicators (decision L2) and the second name
# without a number of its own under 4.4.2 (decision L7). Number → rows.
REPEATED = {
    "1.1.1": 2,
    "1.1.3": 2,
    "1.1.4": 2,
    "1.1.7": 3,
    "2.1.13": 4,
    "4.4.2": 2,
    "7.1.2": 2,
    "8.4.2.1": 6,
    "8.4.2.2": 4,
    "8.4.3.1": 3,
    "10.4.1": 2,
}
ROWS = 375 + sum(n - 1 for n in REPEATED.values())  # 396


def data() -> dict[str, Any]:
    loaded: dict[str, Any] = yaml.safe_load((LIBRARY / f"{CAT}.yaml").read_text("utf-8"))
    return loaded


def tables(section: dict[str, Any]) -> list[dict[str, Any]]:
    return [b for s in sections({"sections": [section]}) for b in s.get("blocks", [])]


def rows(section: dict[str, Any]) -> list[list[dict[str, str]]]:
    return [row for t in tables(section) for row in t["rows"]]


# --- the data -------------------------------------------------------------------------------------


def test_15_categories_85_subcategories_286_items_89_sub_items() -> None:
    d = data()
    assert [s["heading"]["zh"] for s in d["sections"]] == CATEGORIES
    assert [s["number"] for s in d["sections"]] == [f"{i}." for i in range(1, 16)]
    assert [len(s["sections"]) for s in d["sections"]] == SUBCATEGORIES
    assert sum(SUBCATEGORIES) == 85
    for i, cat in enumerate(d["sections"], start=1):
        assert [s["number"] for s in cat["sections"]] == [
            f"{i}.{j}" for j in range(1, len(cat["sections"]) + 1)
        ]
        numbers = {row[0]["zh"] for row in rows(cat)}
        items = {n for n in numbers if n.count(".") == 2}
        subs = {n for n in numbers if n.count(".") == 3}
        assert (len(items), len(subs)) == (ITEMS[i - 1], SUB_ITEMS[i - 1]), cat["id"]
        assert all(n.startswith(f"{i}.") for n in numbers)
        assert {n.rsplit(".", 1)[0] for n in subs} <= items  # a sub-item's entry is listed
    assert (sum(ITEMS), sum(SUB_ITEMS)) == (286, 89)
    parents = {row[0]["zh"].rsplit(".", 1)[0] for c in d["sections"] for row in rows(c)}
    assert len(parents & {row[0]["zh"] for c in d["sections"] for row in rows(c)}) == 24


def test_every_row_has_three_cells_and_repeats_only_the_numbers_with_several_rows() -> None:
    d = data()
    all_rows = [row for c in d["sections"] for row in rows(c)]
    assert len(all_rows) == ROWS == 396
    assert all(len(row) == 3 for row in all_rows)
    counts = Counter(row[0]["zh"] for row in all_rows)
    assert {n: k for n, k in counts.items() if k > 1} == REPEATED
    for (
        number
    ) in REPEATED:  # the rows of a number are adjacent; a set of indicators repeats the name
        at = [i for i, row in enumerate(all_rows) if row[0]["zh"] == number]
        assert at == list(range(at[0], at[0] + len(at))), number
        names = {all_rows[i][1]["zh"] for i in at}
        assert len(names) == (2 if number == "4.4.2" else 1), number
    for c in d["sections"]:
        for t in tables(c):
            assert [x["zh"] for x in t["columns"]] == ["编号", "装备名称", "核心技术指标"]
            assert t["name_column"] == 1


def test_the_ten_ocr_gaps_are_marked_missing_not_empty() -> None:
    subs = {s["number"]: s for c in data()["sections"] for s in c["sections"]}
    gaps = sorted((n for n, s in subs.items() if not s.get("blocks")), key=parse_sort)
    assert gaps == OCR_GAPS
    for n in OCR_GAPS:
        note = subs[n]["note"]
        assert "OCR" in note["zh"] and "缺失" in note["zh"] and "L4" in note["zh"]
        assert "missing in the source text we work from" in note["en"]
        assert "OCR gap" in note["en"] and "empty" not in note["en"]


def parse_sort(number: str) -> list[int]:
    return [int(p) for p in number.split(".")]


def test_an_empty_cell_is_our_dash_and_its_table_says_what_it_means() -> None:
    for c in data()["sections"]:
        for t in tables(c):
            dashes = [row for row in t["rows"] if DASH in (row[1]["zh"], row[2]["zh"])]
            for row in dashes:
                assert row[2] == {"zh": DASH, "en": DASH}, row[0]
            if dashes:
                assert "“—”" in t["note"]["zh"] and "“—”" in t["note"]["en"], c["id"]
    d = data()
    assert d["source"] == {
        "issuer": {
            "zh": "工业和信息化部",
            "en": "Ministry of Industry and Information Technology (MIIT)",
        },
        "number": "工信部重装函〔2024〕254号",
        "date": "2024-09-02",
        "signed": True,
        "compilation": d["source"]["compilation"],
        "seed": {"file": "003_f1f782ff31cba64c.txt", "lines": [51, 670]},
    }
    assert d["pages"] == "per_section"


def test_the_model_round_trips() -> None:
    d = data()
    m = RequirementDocument.from_dict(d)
    assert m.to_dict() == d
    assert RequirementDocument.from_dict(m.to_dict()) == m
    assert m.per_section
    assert [len(s.entries()) for s in m.sections] == [
        i + s for i, s in zip(ITEMS, SUB_ITEMS, strict=True)
    ]
    assert parse_number("8.4.12") == (12, "8.4.12")
    assert parse_number("1.1") == (1, "1.1")


# --- transcription --------------------------------------------------------------------------------

SUPER = str.maketrans("0123456789-", "⁰¹²³⁴⁵⁶⁷⁸⁹⁻")
SUB = str.maketrans("0123456789", "₀₁₂₃₄₅₆₇₈₉")
# The multiplication dots the OCR read as spaces (decision L6).
DOTS = {
    "kg m^2": "kg·m²",
    "kW h/": "kW·h/",
    "kN m^2": "kN·m²",
    "t m": "t·m",
    "N m": "N·m",
    "Pa m^3": "Pa·m³",
    "cm^2 min bar": "cm²·min·bar",
}


def plain(seed: str) -> str:
    """The seed with its LaTeX-like markup as plain text and the repairs of decisions L1 and L6:
    what the catalogue's Chinese is compared with."""
    s = seed.replace("\\%", "%")
    s = re.sub(r"\\text\{([^}]*)\}", r"\1", s)
    for latex, char in (
        ("\\geq", "≥"),
        ("\\leq", "≤"),
        ("\\pm", "±"),
        ("\\times", "×"),
        ("\\mu", "μ"),
        ("\\sim", "~"),
        ("\\cdot", "·"),
        ("\\AA", "Å"),
        ("\\Delta", "Δ"),
        ("\\Omega", "Ω"),
    ):
        s = s.replace(latex, char)
    s = re.sub(r"\s*\$?\s*\^\{?\\circ\}?\s*\$?\s*", "°", s)
    s = s.replace("$", "")
    for spaced, dotted in DOTS.items():
        s = re.sub(r"\s+".join(map(re.escape, spaced.split())), dotted, s)
    s = re.sub(r"\^\{1/2\}", "¹ᐟ²", s)
    s = re.sub(r"\^\{?(-?\d+)\}?", lambda m: m[1].translate(SUPER), s)
    s = re.sub(r"_\{Cr\}", "Cr", s)
    s = re.sub(r"_\{?p\}?", "p", s)
    s = re.sub(r"_\{?(\d)\}?", lambda m: m[1].translate(SUB), s)
    s = s.replace("''", "″").replace('5"', "5″").replace('3"', "3″").replace("1'", "1′")
    return s.replace('10"', "10″")


def test_every_official_text_is_in_the_seed() -> None:
    """Verbatim up to whitespace, bracket width and the markup of decisions L1 and L6: every zh
    text but ours (and our “—”)."""
    seed = norm(plain(SEED.read_text(encoding="utf-8")))
    official = [
        (p, t) for p, t in texts(data()) if not OURS.search(p) and t["zh"] not in (DASH, "")
    ]
    assert len(official) > 800
    missing = [(p, t["zh"][:50]) for p, t in official if norm(t["zh"]) not in seed]
    assert not missing


def test_the_seed_excerpt_holds_the_notice_and_the_truncated_5_7_2() -> None:
    seed = norm(plain(SEED.read_text(encoding="utf-8")))
    assert norm("工信部重装函〔2024〕254号") in seed
    assert norm("工业和信息化部 2024年9月2日") in seed
    assert norm("加注：最大排气压力≥45MPa，") in seed  # where 5.7.2 breaks off (decision L8)
    assert norm("5.7.2 氢气压缩机") in seed and norm("5.8 大型石油和化工装备核心") in seed


def test_indicator_values_read_the_same_in_both_languages() -> None:
    """Figures, units and model numbers are kept: every ≥/≤ value of a cell is in its English (but
    a count of 万, ten thousand, which the English writes in full, and a value whose superscript
    the OCR lost, which the English writes as a power, decision L5)."""
    value = re.compile(r"([≥≤][±\d.×⁰¹²³⁴⁵⁶⁷⁸⁹⁻]+[A-Za-zμ°℃%²³·Ω″′]*(?:/[A-Za-z]+)?)(万?)")
    checked = 0
    for c in data()["sections"]:
        for row in rows(c):
            zh, en = row[2]["zh"], row[2]["en"]
            if "(printed" in en:
                continue
            for v, wan in value.findall(zh):
                if not wan:
                    assert v in en, (row[0]["zh"], v, en)
                    checked += 1
    assert checked > 900


# --- validation -------------------------------------------------------------------------------


def test_a_section_page_may_not_take_the_document_pages_name(tmp_path: Path) -> None:
    folder = copy_rubrics(tmp_path)

    def change(d: dict[str, Any]) -> None:
        d["sections"][0]["id"] = "index"
        d["sections"][1]["sections"][0]["blocks"][0]["name_column"] = 3

    edit(folder, CAT, change)
    found = {(p, c) for f, p, c in issues_of(folder) if f == f"{CAT}.yaml"}
    assert ("sections[0].id", "duplicate_id") in found
    assert ("sections[1].sections[0].blocks[0].name_column", "table_shape") in found


# --- pages ----------------------------------------------------------------------------------------


def md(path: str) -> str:
    file = BUILD_DOCS / path
    assert file.exists(), f"run `make build` first: {file} is missing"
    return file.read_text(encoding="utf-8")


def html(path: str) -> str:
    file = SITE / path / "index.html"
    assert file.exists(), f"run `make build` first: {file} is missing"
    return file.read_text(encoding="utf-8")


CATEGORY_IDS = [s["id"] for s in data()["sections"]]
LANGS = ("zh", "en")


@pytest.mark.parametrize("lang", LANGS)
def test_the_document_page_keeps_the_notice_and_links_every_category(lang: str) -> None:
    page = md(f"library/{CAT}.{lang}.md")
    top = page[: page.index('<div id="text"')]
    assert ("工信部重装函〔2024〕254号") in top
    assert ("2024年9月2日" if lang == "zh" else "2 September 2024") in top
    assert ("工业和信息化部" if lang == "zh" else "Ministry of Industry") in top
    assert f"(index.md#{CAT})" in top
    assert ("印发给你们" if lang == "zh" else "hereby issued to you") in page
    contents = page[page.index("{ #contents }") : page.index("{ #decisions }")]
    links = re.findall(rf"\]\({CAT}/([a-z0-9-]+)\.md\) · (\d+)", contents)
    d = data()
    assert [x for x, _ in links] == CATEGORY_IDS
    assert [int(n) for _, n in links] == [i + s for i, s in zip(ITEMS, SUB_ITEMS, strict=True)]
    for s in d["sections"]:
        assert f"{s['number']} {s['heading'][lang]}" in contents
    assert "| 1.1.1 |" not in page  # the entries are on the category pages
    site = html(f"{'en/' if lang == 'en' else ''}library/{CAT}")
    for cid in CATEGORY_IDS:
        assert f'href="{cid}/"' in site


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("cid", CATEGORY_IDS)
def test_a_category_page_has_its_table_and_the_source_line_with_links_back(
    cid: str, lang: str
) -> None:
    d = data()
    (cat,) = [s for s in d["sections"] if s["id"] == cid]
    page = md(f"library/{CAT}/{cid}.{lang}.md")
    title = re.search(r"^# (?!generated)(.*)$", page, re.M)
    assert title is not None and title[1] == f"{cat['number']} {cat['heading'][lang]}"
    top = page[: page.index("</div>")]
    assert f"](../{CAT}.md)" in top  # back to the document
    assert f"](../index.md#{CAT})" in top  # and to the library index
    assert "工信部重装函〔2024〕254号" in top
    assert ("2024年9月2日" if lang == "zh" else "2 September 2024") in top
    for sub in cat["sections"]:
        assert (
            f"## {sub['number']} {render.md_text(sub['heading'][lang])} {{ #{sub['id']} }}" in page
        )
    header = "| 编号 | 装备名称 | 核心技术指标 |" if lang == "zh" else "| No. | Equipment |"
    assert page.count(header) == sum(1 for s in cat["sections"] if s.get("blocks"))
    for row in rows(cat):
        assert f"| {row[0][lang]} | {render.md_text(row[1][lang])} |" in page
    site = html(f"{'en/' if lang == 'en' else ''}library/{CAT}/{cid}")
    assert "<table>" in site
    assert 'href="../"' in site  # the document page, one folder up


def test_every_entry_number_is_on_exactly_one_page() -> None:
    for lang in LANGS:
        where: dict[str, set[str]] = {}
        pages = sorted((BUILD_DOCS / "library" / CAT).glob(f"*.{lang}.md"))
        assert [p.name.split(".")[0] for p in pages] == sorted(CATEGORY_IDS)
        for p in [*pages, BUILD_DOCS / "library" / f"{CAT}.{lang}.md"]:
            for n in re.findall(r"^\| (\d+(?:\.\d+){2,3}) \|", p.read_text("utf-8"), re.M):
                where.setdefault(n, set()).add(p.name)
        assert len(where) == 375
        assert all(len(v) == 1 for v in where.values())
        for n, found in where.items():
            assert found == {f"{CATEGORY_IDS[int(n.split('.')[0]) - 1]}.{lang}.md"}, n


def test_the_nav_lists_the_categories_under_the_document() -> None:
    (entry,) = [p for p in library_nav.document_pages() if isinstance(p, dict)]
    d = data()
    assert entry == {
        d["short_title"]["zh"]: [
            f"library/{CAT}.md",
            *(f"library/{CAT}/{cid}.md" for cid in CATEGORY_IDS),
        ]
    }
    assert library_nav.nav_titles() == {d["short_title"]["zh"]: d["short_title"]["en"]}
    for lang, prefix in (("zh", ""), ("en", "en/")):
        page = html(f"{prefix}library/{CAT}/aerospace")
        assert d["short_title"][lang] in page
        for s in d["sections"]:
            assert f'href="../{s["id"]}/"' in page or s["id"] == "aerospace"
            assert s["heading"][lang] in page


# --- search ---------------------------------------------------------------------------------------

PAGE = f"library/{CAT}/"
# (language, a term from inside a name or an indicator, the category page it must find)
SEARCH_CASES = [
    ("zh", "重型精密立式车床", "machine-tools"),  # an equipment name, 1.1.1
    ("zh", "全钒液流电池储能系统", "power-equipment"),  # 3.7.1
    ("zh", "水下防喷器系统", "ships-offshore"),  # 8.4.26
    ("zh", "质子治疗装备", "medical-equipment"),  # 13.3.1
    ("zh", "华龙一号", "power-equipment"),  # inside the name of 3.1.1
    ("en", "Proton therapy equipment", "medical-equipment"),
    ("en", "Heavy-duty precision vertical lathe", "machine-tools"),
    ("en", "Subsea blowout preventer system", "ships-offshore"),
    ("zh", "≤6μm", "machine-tools"),  # an indicator value (1.1.1, 1.1.4 …)
    ("zh", "≥1200MWe", "power-equipment"),  # the rated power of 3.1.1
    ("en", "ExdIIBT4Gb", "construction-machinery"),  # a rating inside 11.5.1's indicators
    ("en", "RTCP", "machine-tools"),  # inside a sentence of 1.9.9
]


@pytest.mark.parametrize(
    ("lang", "term", "cid"), SEARCH_CASES, ids=[f"{c[0]}:{c[1]}" for c in SEARCH_CASES]
)
def test_a_name_or_an_indicator_finds_its_category_page(lang: str, term: str, cid: str) -> None:
    (cat,) = [s for s in SEARCHED[CAT]["sections"] if s["id"] == cid]
    assert term.lower() in yaml.safe_dump(cat, allow_unicode=True, width=10**6).lower()
    pages = model(lang).pages(term)
    assert f"{PAGE}{cid}/" in pages[:3], pages
