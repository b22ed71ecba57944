"""The "1295" calculator page: built entirely from the YAML, in both languages — every column of
every table in the official order, with its header as the visible label and the field its kind
asks for; the rater's ★ picker per 环 (with the official ★ definitions where the table has them)
and its advisory note; 不涉及 switching a whole table off; CSV export on this calculator only."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from markupsafe import escape

from build_scripts.families import BUILD_FAMILIES
from build_scripts.families.tech_calculator import example_answers, row_columns
from build_scripts.load import load
from build_scripts.render import pages
from zhiping.model.tech_system_1295 import PER_SEGMENT, Column, Table, TechSystemRubric

CATALOG = load()
PAGES = pages(CATALOG, "zhiping-0.1.0-py3-none-any.whl?v=test")
RID = "tech-system-1295"
MODEL: TechSystemRubric = CATALOG.models[RID]
LANGS = ("zh", "en")
CJK = re.compile(r"[\u3400-\u9fff]")


def page(lang: str) -> str:
    return PAGES[Path(f"calculator/{RID}.{lang}.md")]


def section(lang: str, n: int) -> str:
    text = page(lang)
    start = text.index(
        f'<section class="zp-tc-table" data-search-exclude id="table-{n}"'
    )  # not searched: the reading page holds these texts
    return text[start : text.index("</section>", start)]


def cell_id(n: int, column: str) -> str:
    return f"t{n}-{{seg}}-{{row}}-{column}"


def field_markup(t: Table, c: Column, lang: str) -> str:
    """The start of the field of column ``c``: its visible label (the official header) and input."""
    n, header = t.number, escape(c.header.get(lang))
    fid, item = cell_id(n, c.id), f"cell:{n}:{{seg}}:{{row}}:{c.id}"
    if c.kind in ("text", "years"):
        return f'<label for="{fid}">{header}</label> <input type="text" id="{fid}" ' + (
            f'data-item="{item}"'
        )
    if c.kind == "tick":
        return f'<input type="checkbox" id="{fid}" data-item="{item}"'
    legend = f"\n<legend>{header}</legend>"
    return f'<fieldset class="zp-grade zp-cell" id="{fid}" data-item="{item}">{legend}'


@pytest.mark.parametrize("lang", LANGS)
def test_every_column_of_every_table_in_order(lang: str) -> None:
    for t in MODEL.tables:
        html = section(lang, t.number)
        columns = row_columns(t)
        assert "segment" not in [c.id for c in columns]
        expected = (["origin"] if t.number == 3 else []) + [c.id for c in columns]
        found = re.findall(rf'data-item="cell:{t.number}:\{{seg\}}:\{{row\}}:(\w+)"', html)
        assert found == expected, (t.number, found)
        for c in t.columns:
            if c.id == "segment" or (c.kind == "stars" and t.rating == PER_SEGMENT):
                continue
            assert field_markup(t, c, lang) in html, (t.number, c.id)
            if c.kind == "tick":
                assert f"<span>{escape(c.header.get(lang))}</span>" in html
            if c.kind == "years":
                assert f'id="{cell_id(t.number, c.id)}" ' in html and 'inputmode="decimal"' in html
            for level in c.scale.levels if c.scale else ():
                assert escape(level.text.get(lang)) in html, (t.number, c.id, level.level)
            for choice in c.choices:
                assert f'data-json="&#34;{choice.id}&#34;"' in html or (
                    f'data-json="&quot;{choice.id}&quot;"' in html
                ), (t.number, c.id, choice.id)
                assert f"<span>{escape(choice.name.get(lang))}</span>" in html


@pytest.mark.parametrize("lang", LANGS)
def test_the_rater_gives_the_stars_per_link_beside_the_advisory_note(lang: str) -> None:
    for t in MODEL.tables:
        html = section(lang, t.number)
        picker = f'data-item="stars:{t.number}:{{seg}}"'
        note = f'data-note-for="stars:{t.number}:{{seg}}"'
        assert (picker in html) == (t.rating == PER_SEGMENT), t.number
        assert (note in html) == (t.rating == PER_SEGMENT), t.number
        stars = t.stars_column
        if stars is None or stars.stars is None:
            continue
        for d in stars.stars.definitions:  # tables 1, 6 and 7
            assert escape(d.text.get(lang)) in html, (t.number, d.stars)
        if stars.stars.guidance:
            assert escape(stars.stars.guidance.get(lang)) in html
    specs = {t.number: t.stars_column.stars for t in MODEL.tables if t.stars_column}
    rated = {n for n, spec in specs.items() if spec}
    defined = {n for n, spec in specs.items() if spec and spec.definitions}
    assert defined == {1, 6, 7} and defined < rated
    # table 9 rates each row: its ★ column is a field of the row, with its own note
    assert 'data-note-for="cell:9:{seg}:{row}:overall"' in section(lang, 9)


@pytest.mark.parametrize("lang", LANGS)
def test_not_involved_switches_the_whole_table_off(lang: str) -> None:
    label = escape(MODEL.not_involved_label.get(lang))
    for t in MODEL.tables:
        html = section(lang, t.number)
        n = t.number
        assert (
            f'<input type="checkbox" id="t{n}-na" data-path="tables.{n}.not_involved" '
            f'data-json="true"> <span>{label}</span>'
        ) in html
        assert f'<fieldset class="zp-tc-body" data-off-when="t{n}-na"' in html
        assert f'data-repeat="tables.{n}.segments" data-repeat-mirror="segments"' in html
        assert f'data-repeat-add="tables.{n}.segments.{{seg}}.rows"' in html
        assert f'data-item="table:{n}"' in html and f'id="table-{n}"' in html
        heading = escape(f"{MODEL.table(n).name.get(lang)}")  # type: ignore[union-attr]
        assert heading in html


@pytest.mark.parametrize("lang", LANGS)
def test_the_page_starts_empty_with_a_prompt_to_add_a_link(lang: str) -> None:
    html = page(lang)
    assert 'data-repeat="segments" data-repeat-key="seg" data-repeat-prefix="s"' in html
    assert 'data-repeat-add="segments"' in html
    assert html.count('data-repeat-empty="segments"') == 1 + len(MODEL.tables)
    # outside the templates, no 环 and no row exists yet
    outside, inner = html, re.compile(r"<template>(?:(?!<template>).)*?</template>", re.S)
    while inner.search(outside):  # innermost templates first: they nest
        outside = inner.sub("", outside)
    assert "{seg}" not in outside and "{row}" not in outside
    assert 'data-path="product"' in html and 'data-path="basis"' in html
    assert '<div data-slot="view"></div>' in html


def test_the_english_page_has_no_chinese() -> None:
    assert not CJK.search(page("en"))


def test_every_calculator_offers_the_csv_export() -> None:
    calculators = [text for path, text in PAGES.items() if path.parts[0] == "calculator"]
    assert len(calculators) >= 2 * 7  # every rubric with a calculator, in both languages
    assert all(text.count('data-action="export-csv"') == 1 for text in calculators)


def test_registered_with_a_complete_example() -> None:
    family = BUILD_FAMILIES[MODEL.family]
    assert family.calculator
    example = example_answers(MODEL)
    assert example["rubric"] == RID
    assert list(example["segments"]) == ["s1", "s2"]
    filled = [n for n, t in example["tables"].items() if "segments" in t]
    assert len(filled) >= 3
    kinds = {
        c.kind
        for n in filled
        for block in example["tables"][n]["segments"].values()
        for row in block.get("rows", {}).values()
        for c in MODEL.table(int(n)).columns  # type: ignore[union-attr]
        if c.id in row
    }
    assert kinds == {"text", "grade", "tick", "choice", "years", "stars"}
