"""The "1295" result as the api returns it: the advisory ★ labelled and explained step by step next
to the rater's own, notes for the form, the heat table (text in every cell, tone only as a help),
the weakest links first, warnings linked to their field, and the CSV export in the official column
layout."""

from __future__ import annotations

import csv
import io
from typing import Any

import pytest

from tests.zhiping.family_models import model, words
from zhiping.present.tech_system_1295 import score_answers
from zhiping.present.tech_system_1295_csv import export_csv

RID = "tech-system-1295"


def answers(tables: dict[str, Any], **extra: Any) -> dict[str, Any]:
    return {
        "rubric": RID,
        "product": "锂离子动力电池",
        "segments": {"s1": {"name": "正极材料"}, "s2": {"name": "电芯制造"}},
        "tables": tables,
        **extra,
    }


TABLES: dict[str, Any] = {
    "1": {
        "segments": {
            "s1": {
                "stars": 4,
                "rows": {"r1": {"technology": "共沉淀", "level": 5, "gap": 1, "no_autonomy": True}},
            },
            "s2": {"rows": {"r1": {"technology": "叠片", "level": 4, "gap": 2}}},
        }
    },
    "2": {"segments": {"s1": {"rows": {"r1": {"gap_rating": 4, "diversity": 2, "stability": 3}}}}},
    "7": {"not_involved": True},
}


def run(lang: str = "zh", tables: dict[str, Any] | None = None) -> Any:
    return score_answers(model(RID), answers(TABLES if tables is None else tables), words(lang))


def blocks(out: dict[str, Any], kind: str) -> list[dict[str, Any]]:
    return [b for b in out["view"] if b["type"] == kind]


def texts(out: dict[str, Any]) -> str:
    parts = []
    for b in out["view"]:
        parts.append(b.get("text", "") + b.get("caption", ""))
        parts += [c["text"] for r in b.get("rows", []) for c in r["cells"]]
        parts += [i["text"] for i in b.get("items", [])]
    return "\n".join(parts)


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_advisory_star_is_labelled_and_explained(lang: str) -> None:
    out = run(lang)
    assert out["ok"] and out["official"] is False
    label = "建议值，非官方" if lang == "zh" else "advisory, not official"
    notes = {n["for"]: n["text"] for n in out["notes"]}
    # 环 1 of table 1: (5 + 5) ÷ 2 = 5 → ★5, kept within the 1★ band of 无自主能力 → ★1
    assert notes["stars:1:s1"].startswith(label)
    assert "★ (1★" in notes["stars:1:s1"].replace("（", " (")
    # 环 2: (4 + 4) ÷ 2 = 4 → ★4, no class ticked: no band
    assert "★★★★ (4★" in notes["stars:1:s2"].replace("（", " (")
    body = texts(out)
    assert "(5 + 5) ÷ 2 = 5" in body and "(2 + 2 + 3) ÷ 3 = 2.33" in body
    assert ("6 − 4 = 2" in body) and label in body


def test_the_raters_star_outside_the_band_is_a_warning_linked_to_its_picker() -> None:
    out = run("en")
    [warning] = out["warnings"]
    assert warning["code"] == "outside_band" and warning["item"] == "stars:1:s1"
    assert "4★" in warning["message"] and "1★ band" in warning["message"]
    assert "What you give counts" in warning["message"]


def test_the_heat_table_states_every_star_in_text_and_tones_it() -> None:
    out = run("zh")
    heat = blocks(out, "table")[0]
    assert heat["head"][0] == "环节" and heat["head"][1:] == [f"表{n}" for n in range(1, 10)]
    first, second = (r["cells"] for r in heat["rows"])
    assert first[0]["text"] == "正极材料" and first[0]["head"]
    assert first[1]["text"] == "★★★★（4★，自评）" and first[1]["tone"] == 4  # the rater's ★ counts
    assert first[2]["text"] == "★★（2★，建议值）" and first[2]["tone"] == 2
    assert first[7]["text"] == "不涉及" and "tone" not in first[7]
    assert second[1]["text"] == "★★★★（4★，建议值）"
    assert second[2]["text"] == "—"


def test_the_weakest_links_come_first() -> None:
    out = run("zh")
    [weakest] = blocks(out, "list")
    entries = [i["text"] for i in weakest["items"]]
    assert entries[0].startswith("表2 物料清单 · 正极材料") and "2★" in entries[0]
    assert [i["item"] for i in weakest["items"]] == ["stars:2:s1", "stars:1:s1", "stars:1:s2"]
    assert out["headline"][2]["value"].startswith("表2 物料清单 · 正极材料")


def test_english_words_carry_no_chinese_of_their_own() -> None:
    out = run("en", {"2": TABLES["2"], "7": TABLES["7"]})
    body = texts(out).replace("正极材料", "").replace("电芯制造", "").replace("锂离子动力电池", "")
    assert not any("\u4e00" <= ch <= "\u9fff" for ch in body), body


def test_nothing_filled_still_answers_with_a_result() -> None:
    out = run("zh", {})
    assert out["ok"] and "尚无可比较的★" in out["summary"]
    assert out["headline"][1]["value"] == "0"


def test_an_incomplete_file_keeps_what_was_read() -> None:
    out = score_answers(model(RID), {"rubric": RID, "product": "x"}, words("zh"))
    assert not out["ok"] and out["errors"][0]["missing"] is True
    assert out["errors"][0]["label"] == "环节列表"
    assert out["answers"]["product"] == "x"


# ---- CSV ----------------------------------------------------------------------------------------


def csv_rows(lang: str, tables: dict[str, Any]) -> tuple[str, list[list[str]]]:
    out = export_csv(model(RID), answers(tables, basis="=SUM(A1)"), words(lang))
    assert out["ok"]
    return out["text"], list(csv.reader(io.StringIO(out["text"][1:], newline="")))


def section(rows: list[list[str]], title: str) -> list[list[str]]:
    start = rows.index([title])
    end = next((i for i in range(start + 1, len(rows)) if rows[i] == []), len(rows))
    return rows[start + 1 : end]


def test_csv_starts_with_a_bom_and_ends_lines_with_crlf() -> None:
    text, _ = csv_rows("zh", TABLES)
    assert text.startswith("\ufeff") and "\r\n" in text and "\n" not in text.replace("\r\n", "")


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_every_table_has_its_official_columns_in_order(lang: str) -> None:
    r = model(RID)
    _, rows = csv_rows(lang, TABLES)
    for t in r.tables:
        title = words(lang)("tech.table", number=t.number, name=t.name.get(lang))
        head = section(rows, title)[0]
        expected = [c.header.get(lang) for c in t.columns]
        ours = 1 if t.stars_column is None else 0  # the enterprise list's domestic/foreign
        assert len(head) == len(expected) + ours
        for got, want in zip(head, expected, strict=False):
            assert got.endswith(want)


def test_csv_rows_carry_the_raters_values() -> None:
    _, rows = csv_rows(
        "zh",
        {
            **TABLES,
            "3": {
                "segments": {
                    "s2": {
                        "rows": {
                            "r1": {
                                "origin": "domestic",
                                "name": "甲",
                                "level": "international_advanced",
                            }
                        }
                    }
                }
            },
        },
    )
    t1 = section(rows, "表1 关键技术清单")
    # 环 | 总体评价 | 关键技术 | 应用的主要对象 | 基础共性程度 | 技术发展水平等级 | … | 差距 | ticks
    assert t1[1] == ["正极材料", "4", "共沉淀", "", "", "5", "", "", "", "1", "√", "", ""]
    assert t1[2][:2] == ["电芯制造", ""]  # no ★ given for 环 2: the advisory ★ is never written
    assert section(rows, "表7 标准清单")[1] == ["不涉及"]
    t3 = section(rows, "表3 企业清单")
    assert t3[1][0] == "电芯制造" and "国际先进" in t3[1] and t3[1][-1] == "国内企业"
    assert ["环节划分依据", "'=SUM(A1)"] in rows  # never run as a formula


def test_english_csv_uses_english_choices() -> None:
    _, rows = csv_rows(
        "en",
        {
            "9": {
                "segments": {
                    "s1": {
                        "rows": {
                            "r1": {
                                "software": "MES",
                                "category": "production_control",
                                "overall": 3,
                            }
                        }
                    }
                }
            }
        },
    )
    software = section(rows, "Table 9 Key Software List")
    name = model(RID).table(9).column("category").choice("production_control").name.get("en")
    assert software[1][:4] == ["正极材料", "MES", name, "3"]
