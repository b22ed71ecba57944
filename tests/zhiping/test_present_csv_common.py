"""The pieces every CSV export shares: the writer (BOM, CRLF, formulas never run), the file name,
the title block; every calculator has an export; the csv words of ui.yaml are well formed."""

from __future__ import annotations

import csv
import io
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import given
from hypothesis import strategies as st

from tests.zhiping.family_models import words
from zhiping.families import FAMILIES
from zhiping.present.csv_common import csv_text, file_name, safe, title_rows

UI = Path(__file__).resolve().parents[2] / "rubrics" / "ui.yaml"


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("=SUM(A1:A9)", "'=SUM(A1:A9)"),
        ("+1", "'+1"),
        ("-1", "'-1"),
        ("@cmd", "'@cmd"),
        ("\t=1", "'\t=1"),
        ("a=b", "a=b"),
        ("企业", "企业"),
        ("", ""),
    ],
)
def test_a_formula_is_shown_as_text(text: str, shown: str) -> None:
    assert safe(text) == shown
    assert safe(safe(text)) == shown  # once is enough


@given(st.lists(st.lists(st.text(max_size=12), max_size=5), max_size=6))
def test_the_writer_reads_back_cell_for_cell(rows: list[list[str]]) -> None:
    text = csv_text(rows)
    assert text.startswith("\ufeff")
    back = list(csv.reader(io.StringIO(text[1:], newline="")))
    assert back == [[safe(c) for c in r] for r in rows]


def test_lines_end_crlf_and_every_cell_is_escaped() -> None:
    text = csv_text([["题号", "=1+1"], ["-2", "a,b"]])
    assert text == "\ufeff题号,'=1+1\r\n'-2,\"a,b\"\r\n"


@pytest.mark.parametrize(
    ("label", "name"),
    [
        ("", "r.csv"),
        ("某某公司（北京）", "r-某某公司_北京.csv"),
        ("../=evil name", "r-evil_name.csv"),
        ("甲" * 60, f"r-{'甲' * 40}.csv"),
    ],
)
def test_the_file_name_keeps_word_characters_only(label: str, name: str) -> None:
    assert file_name("r", label) == name


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_title_block(lang: str) -> None:
    w = words(lang)
    with_number = title_rows("T", "工信厅企业〔2024〕56号", {"company": "甲", "x": "y"}, w)
    head = "T（工信厅企业〔2024〕56号）" if lang == "zh" else "T (工信厅企业〔2024〕56号)"
    assert with_number[0] == [head]
    assert with_number[1] == (["语言", "中文"] if lang == "zh" else ["Language", "English"])
    assert with_number[3] == (["企业名称", "甲"] if lang == "zh" else ["Enterprise", "甲"])
    assert with_number[4] == ["x", "y"]
    assert title_rows("T", None, {}, w)[0] == ["T"]


def test_every_calculator_has_a_csv_export() -> None:
    for family in FAMILIES.values():
        assert (family.export_csv is not None) == (family.score is not None), family.name


def _texts(node: Any, path: str) -> list[tuple[str, Any]]:
    if isinstance(node, dict) and ("zh" in node or "en" in node):
        return [(path, node)]
    if isinstance(node, dict):
        return [t for k, v in node.items() for t in _texts(v, f"{path}.{k}")]
    return [(path, node)]


def test_every_ui_text_is_one_chinese_and_one_english_string() -> None:
    # a plain comma inside a flow mapping ({zh: …, en: a, b}) cuts the English short and makes a key
    ui = yaml.safe_load(UI.read_text(encoding="utf-8"))
    for path, node in _texts(ui, ""):
        assert isinstance(node, dict) and set(node) == {"zh", "en"}, path
        assert all(isinstance(v, str) and v.strip() for v in node.values()), path
    assert "csv" in ui  # the CSV words: one namespace
    assert not {"yes", "no", True, False} & set(ui["csv"])
