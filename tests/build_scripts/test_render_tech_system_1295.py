"""The reading page of the "1295" technology innovation system: every text of its YAML in the page's
language, the nine lists as official blank forms (leaf columns in the official order under their
groups), every grade scale with its direction, every ★ definition, the choices and years, table 1's
reconstructed column order said, our advisory rule labelled not official, and every decision
anchored and linked from where it applies."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest

from build_scripts.families import BUILD_FAMILIES
from build_scripts.families import tech_system_1295 as family
from build_scripts.load import load
from build_scripts.paths import SITE
from build_scripts.render import pages
from tests.build_scripts.rubric_texts import texts
from tests.build_scripts.test_site_a11y import LangText
from tests.build_scripts.test_tech_system_1295_yaml import HEADERS, SEED

CATALOG = load()
PAGES = pages(CATALOG, "zhiping-0.1.0-py3-none-any.whl?v=test")
RID = "tech-system-1295"
RAW: dict[str, Any] = CATALOG.rubrics[RID]
MODEL = CATALOG.models[RID]
LANGS = ("zh", "en")
CJK = re.compile(r"[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]")
SPAN = re.compile(r'<span lang="zh">([^<]*)</span>')
# The leaf columns of each table, counted in the reference inventory (§9.2) from the annex.
LEAF_COLUMNS = {1: 13, 2: 9, 3: 11, 4: 10, 5: 9, 6: 9, 7: 7, 8: 8, 9: 10}
# The grade scales (inventory §9.3): 15 in all, 8 higher-is-better, 6 higher-is-worse, 1 neither.
DIRECTIONS = {"higher_better": 8, "higher_worse": 6, "descriptive": 1}
DIRECTION_WORDS = {
    "zh": {
        "higher_better": "数字越大越好",
        "higher_worse": "数字越大越差",
        "descriptive": "描述性（数字大小不代表好坏）",
    },
    "en": {
        "higher_better": "higher is better",
        "higher_worse": "higher is worse",
        "descriptive": "descriptive (a larger number is neither better nor worse)",
    },
}
SEE = {"zh": "*参见我们的解读：", "en": "*See our reading: "}
APPLIES = {"zh": "    *涉及*：", "en": "    *Affects*: "}


def page(lang: str) -> str:
    return PAGES[Path(f"rubrics/{RID}.{lang}.md")]


def plain(markdown: str) -> str:
    """The page's words: Chinese spans, links, Markdown escapes and HTML entities undone."""
    out = SPAN.sub(r"\1", markdown)
    out = re.sub(r"(?<!\\)\[([^\]]*)\]\([^)\s]*\)", r"\1", out)
    out = re.sub(r"\\([\\*_`\[|])", r"\1", out).replace("&lt;", "<").replace("&amp;", "&")
    return out.replace("<br>", " ")


def words(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def section(text: str, start: str, end: str | None = None) -> str:
    """The part of a page from one anchor up to the next one named (or the end)."""
    i = text.index(f"{{ #{start} }}")
    return text[i : text.index(f"{{ #{end} }}", i) if end else len(text)]


def table_section(text: str, n: int) -> str:
    return section(text, f"table-{n}", f"table-{n + 1}" if n < 9 else "advisory")


class Form(HTMLParser):
    """The header cells (text, attributes) by row, the caption and the body cells of the first
    HTML table fed."""

    def __init__(self) -> None:
        super().__init__()
        self.rows: list[list[tuple[str, dict[str, str | None]]]] = []
        self.body: list[str] = []
        self.caption = ""
        self._in: str | None = None
        self._part = ""
        self._text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("thead", "tbody"):
            self._part = tag
        elif tag == "tr" and self._part == "thead":
            self.rows.append([])
        elif tag in ("th", "td", "caption"):
            self._in, self._text = tag, []
            self._attrs = dict(attrs)

    def handle_endtag(self, tag: str) -> None:
        if tag != self._in:
            return
        text = "".join(self._text)
        if tag == "th":
            self.rows[-1].append((text, self._attrs))
        elif tag == "td":
            self.body.append(text)
        else:
            self.caption = text
        self._in = None

    def handle_data(self, data: str) -> None:
        if self._in:
            self._text.append(data)


def form(text: str) -> Form:
    html = text[text.index("<table>") : text.index("</table>") + len("</table>")]
    parser = Form()
    parser.feed(html)
    return parser


def marker_free(header: str) -> str:
    return re.sub(r"[\u2460-\u2473]", "", header)


def leaves(f: Form) -> list[str]:
    """The leaf column headers in order: in a two-row header the first row's cells spanning both
    rows stand where they are, each group's cells taking its lower-row columns."""
    if len(f.rows) == 1:
        return [marker_free(t) for t, _ in f.rows[0]]
    lower = iter(f.rows[1])
    out: list[str] = []
    for t, a in f.rows[0]:
        if a.get("rowspan") == "2":
            out.append(marker_free(t))
        else:
            out += [marker_free(next(lower)[0]) for _ in range(int(a.get("colspan") or 1))]
    assert next(lower, None) is None
    return out


# --- every text ---------------------------------------------------------------------------------


@pytest.mark.parametrize("lang", LANGS)
def test_every_text_of_the_yaml_is_on_the_page_in_its_language(lang: str) -> None:
    shown = words(plain(page(lang)))
    found = [(p, t) for p, t in texts(RAW) if p != ".short_title"]
    assert len(found) > 400
    missing = [p for p, t in found if words(t[lang]) not in shown]
    assert not missing, missing


@pytest.mark.parametrize("lang", LANGS)
def test_the_page_is_in_its_own_language(lang: str) -> None:
    other = "en" if lang == "zh" else "zh"
    shown = words(plain(page(lang)))
    for t in RAW["tables"]:
        for n in t["notes"]:
            assert words(n["text"][other]) not in shown
    if lang == "en":
        outside = SPAN.sub("", page("en"))
        assert not CJK.findall(outside), "".join(CJK.findall(outside))[:100]
    else:
        assert "<span" not in page("zh")


@pytest.mark.parametrize("lang", LANGS)
def test_nothing_is_left_unfilled(lang: str) -> None:
    text = page(lang)
    for bad in ("None", "{{", "}}", "{%", "%}", "Undefined"):
        assert bad not in text, bad
    assert not re.search(r"\{[a-z_]+\}", text)


# --- source and framework -----------------------------------------------------------------------


@pytest.mark.parametrize("lang", LANGS)
def test_the_source_box_says_there_is_no_document_number(lang: str) -> None:
    raw_box = page(lang)[: page(lang).index("</div>")]
    box = plain(raw_box)
    src = RAW["source"]
    assert src["number"] is None
    assert {"zh": "**文号**：原文未载", "en": "**Document number**: Not printed in the text"}[
        lang
    ] in box
    assert {"zh": "2023年10月11日", "en": "11 October 2023"}[lang] in box
    assert src["issuer"][lang] in box and src["notice"][lang] in box
    assert src["annex"]["title"][lang] in box and f"<{src['url']}>" in box
    assert "[T1](#decision-t1)" in raw_box  # the reading about the number and the date


@pytest.mark.parametrize("lang", LANGS)
def test_the_framework_shows_1_2_9_5_with_the_lists_on_each_line(lang: str) -> None:
    text = page(lang)
    fw = RAW["framework"]
    heads = {
        "zh": ["### 1套", "### 2条主线", "### 9张清单", "### 5个评估等级"],
        "en": ["### 1 ", "### 2 main lines", "### 9 lists", "### 5 assessment grades"],
    }[lang]
    at = [text.index(h) for h in heads]
    assert at == sorted(at)
    lines = section(text, "lines", "lists")
    for line in fw["lines"]["items"]:
        row = [x for x in lines.splitlines() if x.startswith(f"| {line['name'][lang]} |")]
        assert len(row) == 1
        assert re.findall(r"\(#table-(\d)\)", row[0]) == [str(n) for n in line["tables"]]
    assert sorted(n for x in fw["lines"]["items"] for n in x["tables"]) == list(range(1, 10))
    lists = section(text, "lists", "grades")
    for item in fw["lists"]["items"]:
        n = item["table"]
        assert re.search(
            rf"^{n}\. \*\*{re.escape(item['name'][lang])}\*\*.*\(#table-{n}\)", lists, re.M
        )


@pytest.mark.parametrize("lang", LANGS)
def test_the_technology_classes_give_their_star_bands(lang: str) -> None:
    text = section(page(lang), "technology-classes", "libraries")
    band = {"zh": ["1颗★", "2–3颗★", "4–5颗★"], "en": ["1 ★", "2–3 ★", "4–5 ★"]}[lang]
    items = sorted(RAW["technology_classes"]["items"], key=lambda c: c["rank"])
    at = [text.index(f"**{c['name'][lang]}**") for c in items]
    assert at == sorted(at)
    for c, b in zip(items, band, strict=True):
        part = text[text.index(f"**{c['name'][lang]}**") :]
        assert b in part.split("\n\n")[0]
        for s in c["stages"]:
            assert s["text"][lang] in part.split("\n\n")[0]


@pytest.mark.parametrize("lang", LANGS)
def test_the_pools_and_the_instructions(lang: str) -> None:
    text = page(lang)
    pools = section(text, "libraries", "instructions")
    for lib in RAW["libraries"]["items"]:
        assert f"- **{lib['name'][lang]}**" in pools
    instructions = section(text, "instructions", "not-involved")
    for i in RAW["instructions"]:
        assert f"{i['number']}. {i['text'][lang]}" in instructions
    not_involved = section(text, "not-involved", "tables")
    assert RAW["not_involved"]["label"][lang] in not_involved
    assert "[T16](#decision-t16)" in not_involved


# --- the nine blank forms -----------------------------------------------------------------------


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("n", range(1, 10))
def test_each_blank_form_has_the_official_columns_in_order(lang: str, n: int) -> None:
    table = RAW["tables"][n - 1]
    assert table["number"] == n
    f = form(table_section(page(lang), n))
    shown = leaves(f)
    assert len(shown) == LEAF_COLUMNS[n]
    assert shown == [plain(c["header"][lang]) for c in table["columns"]]
    if lang == "zh":
        assert shown == HEADERS[n]  # typed in from the annex, apart from the YAML
    assert f.body == [""] * LEAF_COLUMNS[n]  # one empty row
    name = {"zh": f"表{n}　{table['name']['zh']}", "en": f"Table {n}: {table['name']['en']}"}
    assert (
        f.caption
        == {"zh": f"{name['zh']}（官方空白表样）", "en": f"{name['en']} (official blank form)"}[
            lang
        ]
    )
    assert all(a.get("scope") in ("col", "colgroup") for row in f.rows for _, a in row)


def test_every_chinese_header_is_printed_in_the_seed() -> None:
    seed = re.sub(r"\s+", "", "".join(SEED.read_text(encoding="utf-8").splitlines()[388:]))
    for t in RAW["tables"]:
        for c in t["columns"]:
            assert re.sub(r"\s+", "", c["header"]["zh"]) in seed, (t["number"], c["id"])
        for g in t["groups"]:
            assert g["header"]["zh"] in seed, (t["number"], g["id"])


@pytest.mark.parametrize("lang", LANGS)
def test_grouped_columns_stand_under_their_group(lang: str) -> None:
    for table in RAW["tables"]:
        f = form(table_section(page(lang), table["number"]))
        assert len(f.rows) == (2 if table["groups"] else 1)
        spans = {
            marker_free(t): int(a.get("colspan") or 1)
            for t, a in f.rows[0]
            if a.get("scope") == "colgroup"
        }
        expected = {
            plain(g["header"][lang]): sum(1 for c in table["columns"] if c["group"] == g["id"])
            for g in table["groups"]
        }
        assert spans == expected, table["number"]
    # the comparison group of table 1 (decision T3): five columns
    assert spans and form(table_section(page("zh"), 1)).rows[0][5][1]["colspan"] == "5"


@pytest.mark.parametrize("lang", LANGS)
def test_note_markers_link_to_the_column_they_explain(lang: str) -> None:
    text = page(lang)
    for table in RAW["tables"]:
        n = table["number"]
        part = table_section(text, n)
        head = part[part.index("<thead>") : part.index("</thead>")]
        for c in table["columns"]:
            if c["note"]:
                marker = chr(0x2460 + c["note"] - 1)
                anchor = f"table-{n}-{c['id'].replace('_', '-')}"
                assert f'<a href="#{anchor}">{marker}</a>' in head, (n, c["id"])
                assert f"{{ #{anchor} }}" in part


@pytest.mark.parametrize("lang", LANGS)
def test_only_table_1_says_its_column_order_is_reconstructed(lang: str) -> None:
    text = page(lang)
    (t3,) = [d for d in RAW["decisions"] if d["id"] == "T3"]
    warning = f'!!! warning "{t3["title"][lang]}"'
    part = table_section(text, 1)
    assert warning in part and part.index(warning) < part.index("<table>")
    assert words(t3["text"][lang]) in words(plain(part))
    assert text.count(warning) == 1


# --- what the columns mean ----------------------------------------------------------------------


def star_definitions(note: str) -> dict[int, str]:
    """The ★ definitions as a note words them (N颗★代表…, N★代表…, 3★级代表…), read from the
    official note text, not from the YAML's own list."""
    pieces = re.split(r"(?<![-\d])(\d)颗?★级?(?:代表)?", note)
    return {int(pieces[i]): pieces[i + 1].rstrip("。") for i in range(1, len(pieces), 2)}


def test_every_star_definition_of_the_notes_is_on_the_chinese_page() -> None:
    text = page("zh")
    found = 0
    for table in RAW["tables"]:
        stars = [c for c in table["columns"] if c["kind"] == "stars"]
        if not stars:
            continue
        note = next(x for x in table["notes"] if x["number"] == stars[0]["note"])
        definitions = star_definitions(note["text"]["zh"])
        part = table_section(text, table["number"])
        for k, d in definitions.items():
            assert f"| {k}颗★ | {d} |" in part, (table["number"], k)
        found += len(definitions)
        assert {d["stars"] for d in stars[0]["stars"]["definitions"]} == set(definitions)
    assert found == 15  # tables 1, 6 and 7


@pytest.mark.parametrize("lang", LANGS)
def test_every_star_definition_and_guidance_is_on_the_page(lang: str) -> None:
    text = page(lang)
    star = {"zh": "{}颗★", "en": "{} ★"}[lang]
    for table in RAW["tables"]:
        part = plain(table_section(text, table["number"]))
        for c in table["columns"]:
            if c["kind"] != "stars":
                continue
            for d in c["stars"]["definitions"]:
                assert f"| {star.format(d['stars'])} | {d['text'][lang]} |" in part
            if c["stars"]["guidance"]:
                assert c["stars"]["guidance"][lang] in part


@pytest.mark.parametrize("lang", LANGS)
def test_every_grade_scale_with_its_direction_and_five_levels(lang: str) -> None:
    text = page(lang)
    level = {"zh": "{}级", "en": "Level {}"}[lang]
    counted = dict.fromkeys(DIRECTIONS, 0)
    for table in RAW["tables"]:
        part = plain(table_section(text, table["number"]))
        for c in table["columns"]:
            if c["kind"] != "grade":
                continue
            anchor = f"{{ #table-{table['number']}-{c['id'].replace('_', '-')} }}"
            block = part[part.index(anchor) :]
            block = block[: block.index("\n\n", block.index(f"| {level.format(5)} |"))]
            scale = c["scale"]
            words_ = DIRECTION_WORDS[lang][scale["direction"]]
            assert f"*{words_}*" in block and scale["meaning"][lang] in block
            assert [x["level"] for x in scale["levels"]] == [1, 2, 3, 4, 5]
            for x in scale["levels"]:
                assert f"| {level.format(x['level'])} | {x['text'][lang]} |" in block
            counted[scale["direction"]] += 1
    assert counted == DIRECTIONS


@pytest.mark.parametrize("lang", LANGS)
def test_choices_ticks_and_years(lang: str) -> None:
    text = page(lang)
    sep = {"zh": "、", "en": ", "}[lang]
    for table in RAW["tables"]:
        n = table["number"]
        part = table_section(text, n)
        for c in table["columns"]:
            if c["kind"] == "choice":
                assert sep.join(x["name"][lang] for x in c["choices"]) in part
            if c["kind"] == "tick":
                assert "(#technology-classes)" in part
    assert len(RAW["tables"][2]["columns"][6]["choices"]) == 4  # table 3 enterprise levels
    assert len(RAW["tables"][8]["columns"][2]["choices"]) == 4  # table 9 software categories
    # the static breakthrough period: defined under table 5, borrowed by table 9 (decision T5)
    (definition,) = [x for x in RAW["tables"][4]["notes"] if x["about"] == ["static_years"]]
    for n in (5, 9):
        block = section(table_section(text, n), f"table-{n}-static-years")
        assert definition["text"][lang] in block.split("??? quote")[0]
    borrowed = {"zh": "本表没有说明，沿用表5的定义：", "en": "Table 5's definition applies"}[lang]
    assert borrowed in table_section(text, 9) and borrowed not in table_section(text, 5)


# --- ours: advisory and gap overview ------------------------------------------------------------


@pytest.mark.parametrize("lang", LANGS)
def test_the_advisory_rule_is_labelled_not_official(lang: str) -> None:
    text = page(lang)
    adv = RAW["advisory"]
    assert adv["official"] is False
    label = {"zh": "建议值，非官方", "en": "advisory, not official"}[lang]
    assert adv["label"][lang] == label
    part = section(text, "advisory", "gap-overview")
    assert f"({label}) {{ #advisory }}" in text or f"（{label}） {{ #advisory }}" in text
    assert f'!!! warning "{label}"' in part
    assert adv["text"][lang] in part and adv["rounding"][lang] in part
    for a in adv["tables"]:
        assert f"(#table-{a['table']})" in part
    assert adv["reference_label"][lang] in part
    assert text.index("{ #table-9 }") < text.index("{ #advisory }")


@pytest.mark.parametrize("lang", LANGS)
def test_the_gap_overview_reads_the_grades_as_years(lang: str) -> None:
    part = section(page(lang), "gap-overview", "decisions")
    y = {"zh": "年数", "en": "years"}[lang]
    level = {"zh": "{}级", "en": "Level {}"}[lang]
    rows = {1: f"{y} = 0", 2: f"0 < {y} ≤ 3", 3: f"3 < {y} ≤ 5", 4: f"5 < {y} ≤ 10", 5: f"{y} > 10"}
    for grade, years in rows.items():
        assert f"| {level.format(grade)} | {years} |" in part
    assert f"## {RAW['gap_overview']['label'][lang]} {{ #gap-overview }}" in page(lang)


# --- decisions and the calculator ---------------------------------------------------------------


@pytest.mark.parametrize("lang", LANGS)
def test_every_decision_has_a_card_linked_from_where_it_applies(lang: str) -> None:
    text = page(lang)
    cards = re.findall(r'<div class="zp-decision" id="(decision-t\d+)" markdown>', text)
    assert cards == [f"decision-{d['id'].lower()}" for d in RAW["decisions"]]
    anchors = family.target_anchors(MODEL)
    for d in RAW["decisions"]:
        link = f"[{d['id']}](#decision-{d['id'].lower()})"
        for target in d["applies_to"]:
            anchor = anchors[target]
            if target == "source":
                part = text[text.index('id="source"') : text.index("</div>")]
            else:  # under the heading, before the next one
                part = text[text.index(f"{{ #{anchor} }}") :]
                part = part[: part.index("\n#")]
            see = [x.strip() for x in part.splitlines() if x.strip().startswith(SEE[lang])]
            assert see and link in see[0], (d["id"], target)
        card = text[text.index(f'id="decision-{d["id"].lower()}"') :]
        card = card[: card.index("</div>")]
        assert f'!!! abstract "{d["id"]} · {d["title"][lang]}"' in card
        (applies,) = [x for x in card.splitlines() if x.startswith(APPLIES[lang])]
        assert len(re.findall(r"\]\(#[a-z0-9-]+\)", applies)) == len(d["applies_to"])


def test_the_calculator_is_linked_only_when_the_family_has_one() -> None:
    has = BUILD_FAMILIES[RAW["family"]].calculator
    for lang in LANGS:
        assert (f"](../calculator/{RID}.md)" in page(lang)) == has
        assert (Path(f"calculator/{RID}.{lang}.md") in PAGES) == has


# --- the built site -----------------------------------------------------------------------------


def built(path: str) -> str:
    return (SITE / path / "index.html").read_text(encoding="utf-8")


@pytest.mark.parametrize("path", [f"rubrics/{RID}", f"en/rubrics/{RID}"])
def test_the_built_page_keeps_the_forms_and_unique_anchors(path: str) -> None:
    html = built(path)
    article = html[html.index("<article") : html.index("</article>")]
    assert article.count("<caption>") == 9
    assert article.count('<div class="zp-table zp-blank-form" tabindex="0" role="region"') == 9
    assert article.count('<th scope="col') == sum(LEAF_COLUMNS.values()) + sum(
        len(t["groups"]) for t in RAW["tables"]
    )
    ids = re.findall(r' id="([^"]+)"', html)
    assert len(ids) == len(set(ids)), [i for i in ids if ids.count(i) > 1][:5]
    for n in range(1, 10):
        assert f'id="table-{n}"' in article
    for d in RAW["decisions"]:
        assert f'id="decision-{d["id"].lower()}"' in article


def test_chinese_on_the_built_english_page_is_marked() -> None:
    html = built(f"en/rubrics/{RID}")
    parser = LangText()
    parser.feed(html[html.index("<article") : html.index("</article>")])
    cjk = re.findall(r"[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]+", "".join(parser.outside))
    assert not cjk, cjk[:10]
