"""Writes the golden vectors of the technology innovation system ("1295"). Every expectation is
worked out by hand from the advisory rule (shared/DECISIONS.md, technology innovation system;
inventory §9.5), with the arithmetic in ``why``; none is computed by zhiping.

The rule: every 1–5 grade turned so that higher is better (差距和赶超难度, 国内外差距评价: 6 − g;
基础共性程度 left out); a row's score is the mean of its counted grades, a 环's the mean of its row
scores; ★ = clamp(⌊score + ½⌋, 1, 5); table 1 kept within the band of the least mature technology
class ticked in the 环 (无自主能力 1★, 需产业化 2–3★, 成熟 4–5★), the rater's ★ outside it warned;
table 7 has no numeric grades; table 9 is rated per software row; table 3 gets a reference value
(best domestic level: 国际领先 5 / 国际先进 4 / 国内领先 3 / 国内先进 2, only foreign 1; the mean of that
and the domestic rows' mean cooperation grade). The static breakthrough period suggests a gap grade
(0 → 1; ≤ 3 → 2; ≤ 5 → 3; ≤ 10 → 4; > 10 → 5) and warns when it differs.

``expect.stars`` lists [table, 环, software row or null, advisory ★, rater's ★, outside band] for the
ratings of the tables and 环 named (tables and 环 without any entry have null ★).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
RID = "tech-system-1295"


def product(tables: dict[str, Any], segments: int = 1, **extra: Any) -> dict[str, Any]:
    names = ["正极材料", "电芯制造", "电池包集成"]
    return {
        "rubric": RID,
        "product": "锂离子动力电池",
        "basis": "按产品组成环节划分",
        "segments": {f"s{i + 1}": {"name": names[i]} for i in range(segments)},
        "tables": tables,
        **extra,
    }


def rows(*cells: dict[str, Any], stars: int | None = None) -> dict[str, Any]:
    block: dict[str, Any] = {"rows": {f"r{i + 1}": c for i, c in enumerate(cells)}}
    if stars is not None:
        block["stars"] = stars
    return block


vectors: list[dict[str, Any]] = [
    {
        "name": "the inventory's worked example: a materials row",
        "why": "Table 2 row: 国内外差距评价 4 (higher is worse → 6 − 4 = 2), 多样性 2, 稳定性 3 → "
        "(2 + 2 + 3) ÷ 3 = 7/3 = 2.33 → ⌊2.83⌋ = ★2 (inventory §9.5).",
        "lang": "zh",
        "answers": product(
            {
                "2": {
                    "segments": {
                        "s1": rows(
                            {
                                "material": "镍钴锰前驱体",
                                "gap_rating": 4,
                                "diversity": 2,
                                "stability": 3,
                            }
                        )
                    }
                }
            }
        ),
        "expect": {"ok": True, "stars": [[2, "s1", None, 2, None, False]], "warnings": []},
    },
    {
        "name": "the same example in English",
        "why": "As above: 7/3 → ★2; the language changes no number.",
        "lang": "en",
        "answers": product(
            {"2": {"segments": {"s1": rows({"gap_rating": 4, "diversity": 2, "stability": 3})}}}
        ),
        "expect": {"ok": True, "stars": [[2, "s1", None, 2, None, False]], "warnings": []},
    },
    {
        "name": "table 1: a technology without indigenous capability clamps to ★1; the rater's ★3 warned",
        "why": "Row: 技术发展水平等级 5, 差距 1 (→ 5): (5 + 5) ÷ 2 = 5 → ★5; ticked 无自主能力 → band "
        "1★ → advisory ★1. The rater gives ★3, outside 1–1: warning on stars:1:s1 (the rater's ★ "
        "still counts).",
        "lang": "zh",
        "answers": product(
            {
                "1": {
                    "segments": {
                        "s1": rows(
                            {"technology": "高镍单晶", "level": 5, "gap": 1, "no_autonomy": True},
                            stars=3,
                        )
                    }
                }
            }
        ),
        "expect": {"ok": True, "stars": [[1, "s1", None, 1, 3, True]], "warnings": ["stars:1:s1"]},
    },
    {
        "name": "table 1: the least mature class ticked in the 环 sets the band",
        "why": "Row 1: level 4, gap 2 (→ 4) → 4, ticked 需产业化 (2–3★). Row 2: level 3, gap 3 (→ 3) "
        "→ 3, ticked 成熟 (4–5★). Mean (4 + 3) ÷ 2 = 3.5 → ⌊4⌋ = ★4; least mature ticked is 需产业化 → "
        "kept within 2–3 → ★3. The rater's ★3 is inside: no warning.",
        "lang": "zh",
        "answers": product(
            {
                "1": {
                    "segments": {
                        "s1": rows(
                            {"level": 4, "gap": 2, "needs_industrialization": True},
                            {"level": 3, "gap": 3, "mature": True},
                            stars=3,
                        )
                    }
                }
            }
        ),
        "expect": {"ok": True, "stars": [[1, "s1", None, 3, 3, False]], "warnings": []},
    },
    {
        "name": "table 1: 基础共性程度 is left out",
        "why": "Row: 基础共性程度 5 (excluded: it measures breadth), 技术发展水平等级 2 → 2 → ★2.",
        "lang": "en",
        "answers": product({"1": {"segments": {"s1": rows({"commonality": 5, "level": 2})}}}),
        "expect": {"ok": True, "stars": [[1, "s1", None, 2, None, False]], "warnings": []},
    },
    {
        "name": "halves go up: 2.5 gives ★3",
        "why": "Table 8 row: 数字化发展水平 2, 绿色化发展水平 3 → 2.5 → ⌊3⌋ = ★3.",
        "lang": "zh",
        "answers": product({"8": {"segments": {"s1": rows({"digital": 2, "green": 3})}}}),
        "expect": {"ok": True, "stars": [[8, "s1", None, 3, None, False]], "warnings": []},
    },
    {
        "name": "table 7 has no numeric grades: no advisory ★, the rater's ★ stands",
        "why": "标准清单 has only text columns (decision T13): no advisory ★; the rater's ★2 is kept.",
        "lang": "zh",
        "answers": product(
            {"7": {"segments": {"s1": rows({"international_standards": "IEC 62660"}, stars=2)}}}
        ),
        "expect": {"ok": True, "stars": [[7, "s1", None, None, 2, False]], "warnings": []},
    },
    {
        "name": "table 9 is rated per software row; years suggesting another gap grade warn",
        "why": "Row 1: 差距 5 (→ 1) → ★1; the rater's ★2. Row 2: 差距 3 (→ 3) → ★3, 静态突破年限 12 > 10 "
        "suggests grade 5 ≠ 3: warning on its gap cell. Two 环: s2 has no software row.",
        "lang": "zh",
        "answers": product(
            {
                "9": {
                    "segments": {
                        "s1": rows(
                            {"software": "CAE", "category": "rd_design", "gap": 5, "overall": 2},
                            {
                                "software": "MES",
                                "category": "production_control",
                                "gap": 3,
                                "static_years": "12",
                            },
                        )
                    }
                }
            },
            segments=2,
        ),
        "expect": {
            "ok": True,
            "stars": [[9, "s1", "r1", 1, 2, False], [9, "s1", "r2", 3, None, False]],
            "warnings": ["cell:9:s1:r2:gap"],
        },
    },
    {
        "name": "the enterprise list's reference value",
        "why": "环 1: domestic rows 国际先进 (4) and 国内领先 (3) → best 4; their cooperation grades 2 and "
        "4 → 3; (4 + 3) ÷ 2 = 3.5. 环 2: one foreign row only → level part 1, no domestic "
        "cooperation → 1. A row without domestic/foreign is kept but not counted (warning).",
        "lang": "zh",
        "answers": product(
            {
                "3": {
                    "segments": {
                        "s1": rows(
                            {
                                "origin": "domestic",
                                "name": "甲",
                                "level": "international_advanced",
                                "cooperation": 2,
                            },
                            {
                                "origin": "domestic",
                                "name": "乙",
                                "level": "domestic_leading",
                                "cooperation": 4,
                            },
                            {"name": "丙", "level": "international_leading"},
                        ),
                        "s2": rows({"origin": "foreign", "name": "Foreign Co.", "cooperation": 5}),
                    }
                }
            },
            segments=2,
        ),
        "expect": {
            "ok": True,
            "references": [[3, "s1", "3.5"], [3, "s2", "1"]],
            "warnings": ["row:3:s1:r3"],
        },
    },
    {
        "name": "rows proposed for the three pools, with their reasons",
        "why": "Decision T20 (ours): row 1 has 差距 1 (基本无差距) and 技术发展水平等级 5 → strength pool "
        "(no_gap, leading_level), and is ticked 成熟的可大面积推广 → promotion pool (mature). Row 2 is "
        "ticked 无自主能力 and has 差距 4 (5~10年) → shortcoming pool (no_autonomy, large_gap). Pools in "
        "the official order: 短板, 长板, 推广. Advisory ★: row 1 (5 + 5) ÷ 2 = 5, row 2 (6 − 4) = 2; "
        "mean 3.5 → ★4, kept within the 1★ band of 无自主能力 → ★1.",
        "lang": "zh",
        "answers": product(
            {
                "1": {
                    "segments": {
                        "s1": rows(
                            {"technology": "叠片", "level": 5, "gap": 1, "mature": True},
                            {"technology": "隔膜涂覆", "gap": 4, "no_autonomy": True},
                        )
                    }
                }
            }
        ),
        "expect": {
            "ok": True,
            "stars": [[1, "s1", None, 1, None, False]],
            "proposals": [
                ["shortcoming", 1, "s1", "r2", ["no_autonomy", "large_gap"]],
                ["strength", 1, "s1", "r1", ["no_gap", "leading_level"]],
                ["promotion", 1, "s1", "r1", ["mature"]],
            ],
        },
    },
    {
        "name": "不涉及 gives nothing; with rows it is an error",
        "why": "A table marked 不涉及 has no rows and no ★ (decision T16): table 4 alone is fine; "
        "table 5 marked 不涉及 and given a row is an error on table:5.",
        "lang": "en",
        "answers": product(
            {
                "4": {"not_involved": True},
                "5": {"not_involved": True, "segments": {"s1": rows({"gap": 2})}},
            }
        ),
        "expect": {"ok": False, "errors": [["not_involved_alone", "table:5"]]},
    },
    {
        "name": "bad values are named at their cell",
        "why": "Grades are whole numbers 1–5 (6 is refused); years must be a number; a 环 not in the "
        "list cannot hold rows; ★ per 环 does not exist in table 9.",
        "lang": "zh",
        "answers": product(
            {
                "1": {"segments": {"s1": rows({"level": 6}), "s9": rows({"level": 2})}},
                "5": {"segments": {"s1": rows({"static_years": "三年"})}},
                "9": {"segments": {"s1": {"stars": 3}}},
            }
        ),
        "expect": {
            "ok": False,
            "errors": [
                ["grade_out_of_range", "cell:1:s1:r1:level"],
                ["unknown_segment", "table:1"],
                ["bad_number", "cell:5:s1:r1:static_years"],
                ["stars_not_here", "stars:9:s1"],
            ],
        },
    },
    {
        "name": "no 环 yet: the result waits for one",
        "why": "The framework is built by 环 (instruction 1): without one there is nothing to rate.",
        "lang": "zh",
        "answers": {"rubric": RID, "product": "锂离子动力电池"},
        "expect": {"ok": False, "errors": [["missing_answer", "segments"]]},
    },
]


def write() -> None:
    text = json.dumps({"rubric": RID, "vectors": vectors}, ensure_ascii=False, indent=1)
    (HERE / f"{RID}.json").write_text(text + "\n", encoding="utf-8")


if __name__ == "__main__":
    write()
