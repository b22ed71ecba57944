"""Writes the golden vectors of the smart-factory tier, general assessment and national checklist
rubrics. Every
expectation is worked out by hand from the official text, with the arithmetic in ``why``; none is
computed by zhiping. Run it to regenerate the files after editing.

Jiangsu tiers (苏工信信发〔2025〕28号 附件2, 附件4): 基础/先进/卓越/领航 need 8/15/20/25 scenarios at
the tier or above, segments 生产作业 / + 生产管理, 运营管理 / all five / all five, maturity 2/2/3/4 and a
general-assessment score above 60. Inner Mongolia: 5/10/16/20 scenarios, the same segments and
maturity (decision B6), no score. Table rows → segments (IM notes 1–5): 1-2, 31-33 工厂建设; 3-6 研发设计;
9-17 生产作业; 7-8, 18-24 生产管理; 25-30 运营管理; 34-40 none. "/" cells: 1, 2, 4, 8, 11, 23, 39 at 基础级;
28, 29, 34-38, 40 at 基础级 and 先进级. The fewest upgrades (decision B3, B5; scoring docstring) take one
scenario per missing segment, then enough others; ties: described at the target tier itself,
then already highest, then the official order.

General assessment (Jiangsu 通用评估 2025, 表3): level 1 = 0; level 2 (0, 20); 3 [20, 40); 4 [40, 60);
5 [60, 80); 6 [80, 100); each band in three sub-bands of 7/7/6 points (基本/比较/非常符合). The score is
the mean over the indicators that do not answer 不涉及 (说明3). Indicator 7 is not scored.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
JS_TIER = "smart-factory-tier-jiangsu-2025"
IM_TIER = "smart-factory-tier-inner-mongolia-2025"
JS_DX = "jiangsu-dx-2025"
IM_DX = "inner-mongolia-capability-2025"
SCORED = (1, 2, 3, 4, 5, 6, 8, 9, 10)


def tier_answers(
    rid: str, rows: dict[int, int], maturity: Any = 2, score: str | None = None
) -> Any:
    out: dict[str, Any] = {"rubric": rid, "scenarios": {str(k): v for k, v in rows.items()}}
    if maturity is not None:
        out["maturity"] = maturity
    if score is not None:
        out["score"] = score
    return out


BASIC_8 = dict.fromkeys((7, 9, 10, 12, 13, 14, 15, 16), 1)
ADVANCED_15 = dict.fromkeys((7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 25, 26), 2)

jiangsu_tier = [
    {
        "name": "Jiangsu basic tier at its exact minimum",
        "why": "Rows 7, 9, 10, 12-16 at 基础级: 8 scenarios (min 8); rows 9-16 are 生产作业 (covered); "
        "maturity 2 (min 2); score 60.5 > 60. 先进级: 0 scenarios at 先进级 or above; missing 生产作业, "
        "生产管理, 运营管理 → one each (9, 7, 25: already 基础级 first, then the lowest number), then "
        "15 - 3 = 12 more: 10, 12-16 (already 基础级), then 1-6 → 15 upgrades to 先进级.",
        "lang": "zh",
        "answers": tier_answers(JS_TIER, BASIC_8, 2, "60.5"),
        "expect": {
            "ok": True,
            "tier": 1,
            "holds": [True, False, False, False],
            "next": {
                "rank": 2,
                "upgrades": [
                    [n, 1 if n in BASIC_8 else 0, 2]
                    for n in (1, 2, 3, 4, 5, 6, 7, 9, 10, 12, 13, 14, 15, 16, 25)
                ],
            },
        },
    },
    {
        "name": "Jiangsu score of exactly 60 fails every tier",
        "why": "As the basic minimum, but 60 is not above 60 (decision B9): no tier; the scenario and "
        "segment conditions of 基础级 hold, so no upgrade is needed, only a score above 60.",
        "lang": "en",
        "answers": tier_answers(JS_TIER, BASIC_8, 2, "60"),
        "expect": {
            "ok": True,
            "tier": 0,
            "holds": [False] * 4,
            "next": {"rank": 1, "upgrades": [], "score_needed": 60},
        },
    },
    {
        "name": "Jiangsu without a general-assessment score reaches no tier",
        "why": "The score condition needs a score; without one it does not hold.",
        "lang": "zh",
        "answers": tier_answers(JS_TIER, BASIC_8, 2, None),
        "expect": {
            "ok": True,
            "tier": 0,
            "holds": [False] * 4,
            "next": {"rank": 1, "upgrades": [], "score_needed": 60},
        },
    },
    {
        "name": "Jiangsu one scenario below the basic minimum",
        "why": "7 scenarios at 基础级 (min 8): one more; rows 1 and 2 have no 基础级 description, so "
        "the lowest-numbered row described at 基础级 and not chosen is 3.",
        "lang": "en",
        "answers": tier_answers(JS_TIER, dict.fromkeys((7, 9, 10, 12, 13, 14, 15), 1), 2, "61"),
        "expect": {
            "ok": True,
            "tier": 0,
            "holds": [False] * 4,
            "next": {"rank": 1, "upgrades": [[3, 0, 1]]},
        },
    },
    {
        "name": "Jiangsu basic with 8 scenarios but 生产作业 not covered",
        "why": "Rows 3, 5, 6 (研发设计), 7, 18, 19 (生产管理), 25, 26 (运营管理) at 基础级: 8 scenarios but "
        "生产作业 (rows 9-17) is not covered: one upgrade, row 9 (the first 生产作业 row).",
        "lang": "zh",
        "answers": tier_answers(JS_TIER, dict.fromkeys((3, 5, 6, 7, 18, 19, 25, 26), 1), 2, "61"),
        "expect": {
            "ok": True,
            "tier": 0,
            "holds": [False] * 4,
            "next": {"rank": 1, "upgrades": [[9, 0, 1]]},
        },
    },
    {
        "name": "a row achieved above its '/' cell counts toward the basic tier",
        "why": "Rows 1 and 2 print '/' at 基础级 and are chosen at 先进级; they count toward 基础级 "
        "(decision B2): 2 + rows 9, 10, 12-15 = 8 scenarios, 生产作业 covered → 基础级. 先进级: 2 at "
        "先进级, 13 more: 9 (生产作业), 7 (生产管理), 25 (运营管理), then 10, 12-15 (already 基础级), "
        "then 3, 4, 5, 6, 8.",
        "lang": "en",
        "answers": tier_answers(
            JS_TIER, {1: 2, 2: 2, **dict.fromkeys((9, 10, 12, 13, 14, 15), 1)}, 2, "61"
        ),
        "expect": {
            "ok": True,
            "tier": 1,
            "holds": [True, False, False, False],
            "next": {
                "rank": 2,
                "upgrades": [
                    [n, 1 if n in (9, 10, 12, 13, 14, 15) else 0, 2]
                    for n in (3, 4, 5, 6, 7, 8, 9, 10, 12, 13, 14, 15, 25)
                ],
            },
        },
    },
    {
        "name": "Jiangsu maturity one below the basic tier",
        "why": "Everything of 基础级 holds but maturity 1 < 2: no tier; maturity 2 is needed.",
        "lang": "zh",
        "answers": tier_answers(JS_TIER, BASIC_8, 1, "61"),
        "expect": {
            "ok": True,
            "tier": 0,
            "holds": [False] * 4,
            "next": {"rank": 1, "upgrades": [], "maturity_needed": 2},
        },
    },
    {
        "name": "Jiangsu advanced tier at its exact minimum, and the way to excellence",
        "why": "Rows 7-19 (生产管理 7, 8, 18, 19; 生产作业 9-17) and 25, 26 (运营管理) at 先进级: 15 "
        "scenarios (min 15), the three segments covered, maturity 2, score 70.5 → 先进级. 卓越级 needs 20 at "
        "卓越级, all five segments and maturity 3: one per segment (1 工厂建设, 3 研发设计, 9 生产作业, "
        "7 生产管理, 25 运营管理: already 先进级 first, then the lowest number), then 15 more: 8, 10-19, 26 "
        "(already 先进级), then 2, 4, 5.",
        "lang": "en",
        "answers": tier_answers(JS_TIER, ADVANCED_15, 2, "70.5"),
        "expect": {
            "ok": True,
            "tier": 2,
            "holds": [True, True, False, False],
            "next": {
                "rank": 3,
                "maturity_needed": 3,
                "upgrades": [
                    [n, 2 if n in ADVANCED_15 else 0, 3]
                    for n in (
                        1,
                        2,
                        3,
                        4,
                        5,
                        7,
                        8,
                        9,
                        10,
                        11,
                        12,
                        13,
                        14,
                        15,
                        16,
                        17,
                        18,
                        19,
                        25,
                        26,
                    )
                ],
            },
        },
    },
    {
        "name": "choosing a tier on a '/' cell is an error",
        "why": "Row 28 prints '/' at 基础级 and 先进级 (decision B2: not choosable).",
        "lang": "zh",
        "answers": tier_answers(JS_TIER, {28: 2}, 2, "61"),
        "expect": {"ok": False, "errors": [["tier_not_available", "scenario:28"]]},
    },
]

inner_mongolia_tier = [
    {
        "name": "Inner Mongolia basic tier at its exact minimum",
        "why": "Rows 9, 10, 12, 13, 14 (生产作业) at 基础级: 5 scenarios (min 5), 生产作业 covered, "
        "maturity 2 (decision B6), no score condition → 基础级. 先进级 needs 10 at 先进级 and 生产管理, "
        "运营管理 too: 9 (生产作业), 7 (生产管理), 25 (运营管理), then 10, 12, 13, 14 (already 基础级), "
        "then 1, 2, 3.",
        "lang": "zh",
        "answers": tier_answers(IM_TIER, dict.fromkeys((9, 10, 12, 13, 14), 1), 2),
        "expect": {
            "ok": True,
            "tier": 1,
            "holds": [True, False, False, False],
            "next": {
                "rank": 2,
                "upgrades": [
                    [n, 1 if n in (9, 10, 12, 13, 14) else 0, 2]
                    for n in (1, 2, 3, 7, 9, 10, 12, 13, 14, 25)
                ],
            },
        },
    },
    {
        "name": "Inner Mongolia basic tier with maturity 1 fails",
        "why": "Decision B6: 基础级 needs maturity level 2 in Inner Mongolia as well.",
        "lang": "en",
        "answers": tier_answers(IM_TIER, dict.fromkeys((9, 10, 12, 13, 14), 1), 1),
        "expect": {
            "ok": True,
            "tier": 0,
            "holds": [False] * 4,
            "next": {"rank": 1, "upgrades": [], "maturity_needed": 2},
        },
    },
    {
        "name": "Inner Mongolia without a maturity level cannot be placed",
        "why": "The maturity is required (null is no answer).",
        "lang": "en",
        "answers": {**tier_answers(IM_TIER, {9: 1}, None), "maturity": None},
        "expect": {"ok": False, "errors": [["missing_answer", "input:maturity"]]},
    },
    {
        "name": "Inner Mongolia maturity 0 is not a level",
        "why": "GB/T 39116 has levels 1 to 5.",
        "lang": "zh",
        "answers": tier_answers(IM_TIER, {9: 1}, 0),
        "expect": {"ok": False, "errors": [["maturity_out_of_range", "input:maturity"]]},
    },
]


def dx(rid: str, answers: dict[int, Any], **extra: Any) -> dict[str, Any]:
    return {"rubric": rid, "indicators": {str(k): v for k, v in answers.items()}, **extra}


def same(level: int, score: str | None) -> dict[int, Any]:
    return {
        n: {"level": level} if score is None else {"level": level, "score": score} for n in SCORED
    }


GATES_60 = {
    "basic_requirement": False,
    "advice_basic": False,
    "advice_advanced": False,
    "advice_excellence": False,
    "advice_leading": False,
}

jiangsu_dx = [
    {
        "name": "the mean over the indicators that apply",
        "why": "10 + 30 + 45 + 65 + 85 + 0 (level 1) + 20 + 60 = 315 over 8 indicators (5 does not "
        "apply) = 39.375 (shown 39.37). Sub-bands: 10 [7-14) 比较; 30 [27-34) 比较; 45 [40-47) 基本; "
        "65 [60-67) 基本; 85 [80-87) 基本; 20 [20-27) 基本; 60 [60-67) 基本.",
        "lang": "zh",
        "answers": dx(
            JS_DX,
            {
                1: {"level": 2, "score": "10"},
                2: {"level": 3, "score": "30"},
                3: {"level": 4, "score": "45"},
                4: {"level": 5, "score": "65"},
                5: {"not_applicable": True},
                6: {"level": 6, "score": "85"},
                8: {"level": 1},
                9: {"level": 3, "score": "20"},
                10: {"level": 5, "score": "60"},
            },
        ),
        "expect": {
            "ok": True,
            "score": "39.375",
            "display": "39.37",
            "official": True,
            "gates": GATES_60,
            "sub_bands": {
                "1": "largely",
                "2": "largely",
                "3": "basic",
                "4": "basic",
                "5": None,
                "6": "basic",
                "8": None,
                "9": "basic",
                "10": "basic",
            },
        },
    },
    {
        "name": "a score of exactly 60 is not above 60",
        "why": "Every indicator level 5 at 60: mean 60; the tiers need a score above 60 (B9).",
        "lang": "en",
        "answers": dx(JS_DX, same(5, "60")),
        "expect": {"ok": True, "score": "60", "display": "60.00", "gates": GATES_60},
    },
    {
        "name": "a score of 60.5 passes the tier gate",
        "why": "Every indicator level 5 at 60.5: mean 60.5 > 60; the advice above 60 holds too, "
        "70/80/90 not.",
        "lang": "zh",
        "answers": dx(JS_DX, same(5, "60.5")),
        "expect": {
            "ok": True,
            "score": "60.5",
            "gates": {**GATES_60, "basic_requirement": True, "advice_basic": True},
        },
    },
    {
        "name": "不涉及 is left out, level 1 counts 0",
        "why": "Eight indicators at 30 and indicator 1 at level 1 (score 0): 240 / 9 = 80/3, shown "
        "26.66 (cut, not rounded).",
        "lang": "en",
        "answers": dx(JS_DX, {**same(3, "30"), 1: {"level": 1}}),
        "expect": {"ok": True, "score": "80/3", "display": "26.66"},
    },
    {
        "name": "band edges: 20 is not level 2, a level without its score is incomplete",
        "why": "Level 2's band is (0, 20): 20 is outside; level 3 needs a self-score.",
        "lang": "zh",
        "answers": dx(JS_DX, {**same(4, "50"), 2: {"level": 2, "score": "20"}, 3: {"level": 3}}),
        "expect": {
            "ok": False,
            "errors": [["score_outside_band", "indicator:2"], ["missing_score", "indicator:3"]],
        },
    },
    {
        "name": "indicator 7's amounts are recorded, a bad one only warns",
        "why": "Amounts are not scored (decision D2): the score is the mean of 50s = 50.",
        "lang": "en",
        "answers": dx(
            JS_DX, same(4, "50"), amounts={"total_since_2014": "1,200", "invested_2024": "n/a"}
        ),
        "expect": {"ok": True, "score": "50", "warnings": ["amount:invested_2024"]},
    },
]

inner_mongolia_dx = [
    {
        "name": "Inner Mongolia: a level profile without any number",
        "why": "The system has no official score: levels alone are a complete answer.",
        "lang": "zh",
        "answers": dx(IM_DX, same(3, None)),
        "expect": {"ok": True, "score": None},
    },
    {
        "name": "Inner Mongolia: the Jiangsu method's reference value",
        "why": "Every self-score given (30): the Jiangsu mean 30, labelled a reference, not official.",
        "lang": "en",
        "answers": dx(IM_DX, same(3, "30")),
        "expect": {"ok": True, "score": "30", "official": False},
    },
]


NAT = "smart-factory-national-2025"
BASE_YES = dict.fromkeys(("eligibility", "compliance", "secure_controllable", "organization"), True)
# 2025 guide segments → the five (notes [1]–[5]): 1-3 工厂建设; 4-7 研发设计; 8-19 生产管理;
# 20-29 生产作业; 30-40 运营管理 (运营管理, 产品服务, 供应链管理).
FIVE = {
    "1": "ai",
    "4": "built",
    "21": "ai",
    "27": "built",
    "31": "built",
    "9": "built",
    "10": "built",
    "11": "built",
    "12": "built",
    "13": "built",
}


def national(**kw: Any) -> dict[str, Any]:
    return {"rubric": NAT, **kw}


national_vectors = [
    {
        "name": "national excellence with an AI share of exactly 20 %",
        "why": "Base requirements 1-4 and 境内注册独立法人 declared yes; built 1 (工厂建设, AI), 4 (研发设计), "
        "21 (生产作业, AI), 27, 31 (运营管理), 9-13 (生产管理): all five segments; AI 2 / 10 = 20 % ≥ 20 %; "
        "maturity 3 ≥ 3; position 国内领先; 先进级 held (获评). 领航级: industry leader not declared, "
        "maturity 4, 60 %: switch ⌈0.6 × 10⌉ − 2 = 4, or add k with (2 + k)/(10 + k) ≥ 0.6: "
        "k ≥ (6 − 2)/0.4 = 10; 全球领先; 卓越级 held.",
        "lang": "zh",
        "answers": national(
            declarations={**BASE_YES, "registered_legal_person": True},
            scenarios=FIVE,
            maturity=3,
            position="national_leading",
            held=2,
        ),
        "expect": {
            "ok": True,
            "tier": 3,
            "holds": [True, True, True, False],
            "share": "20%",
            "next": {"rank": 4, "switches": 4, "additions": 10},
        },
    },
    {
        "name": "one more scenario without AI drops the national share below 20 %",
        "why": "As above plus 32 built without AI: 2 / 11 = 18.18 % < 20 % → 先进级 only. 卓越级: "
        "switch ⌈0.2 × 11⌉ − 2 = 1, or add k with (2 + k)/(11 + k) ≥ 0.2: k ≥ 0.2/0.8 → 1.",
        "lang": "en",
        "answers": national(
            declarations={**BASE_YES, "registered_legal_person": True},
            scenarios={**FIVE, "32": "built"},
            maturity=3,
            position="national_leading",
            held=2,
        ),
        "expect": {
            "ok": True,
            "tier": 2,
            "holds": [True, True, False, False],
            "share": "18.18%",
            "next": {"rank": 3, "switches": 1, "additions": 1},
        },
    },
    {
        "name": "national basic tier at its minimum",
        "why": "Base requirements 1-4 yes, one 生产作业 scenario (20) built, maturity 2, position above the "
        "provincial average: 基础级. 先进级 still needs 生产管理 and 运营管理 and a provincial lead.",
        "lang": "zh",
        "answers": national(
            declarations=BASE_YES,
            scenarios={"20": "built"},
            maturity=2,
            position="above_provincial_average",
        ),
        "expect": {
            "ok": True,
            "tier": 1,
            "holds": [True, False, False, False],
            "share": "0%",
            "next": {"rank": 2},
        },
    },
    {
        "name": "national basic tier with maturity 1 fails",
        "why": "Base requirement 5: 基础级 needs GB/T 39116 level 2.",
        "lang": "en",
        "answers": national(
            declarations=BASE_YES,
            scenarios={"20": "built"},
            maturity=1,
            position="above_provincial_average",
        ),
        "expect": {"ok": True, "tier": 0, "holds": [False] * 4, "next": {"rank": 1}},
    },
    {
        "name": "an empty national checklist shows every condition unmet",
        "why": "Nothing declared or built (decision N12: no answer counts as no); no share.",
        "lang": "zh",
        "answers": national(),
        "expect": {"ok": True, "tier": 0, "holds": [False] * 4, "share": None, "next": {"rank": 1}},
    },
    {
        "name": "national answers naming no guide scenario or a wrong value",
        "why": 'The 2025 guide has 40 scenarios; a built scenario is "built" or "ai".',
        "lang": "en",
        "answers": national(scenarios={"41": "built", "3": "yes"}),
        "expect": {
            "ok": False,
            "errors": [
                ["unknown_scenario_number", "scenario:41"],
                ["not_built_or_ai", "scenario:3"],
            ],
        },
    },
]


def write(rid: str, vectors: list[dict[str, Any]]) -> None:
    text = json.dumps({"rubric": rid, "vectors": vectors}, ensure_ascii=False, indent=1)
    (HERE / f"{rid}.json").write_text(text + "\n", encoding="utf-8")


if __name__ == "__main__":
    write(JS_TIER, jiangsu_tier)
    write(IM_TIER, inner_mongolia_tier)
    write(JS_DX, jiangsu_dx)
    write(IM_DX, inner_mongolia_dx)
    write(NAT, national_vectors)
