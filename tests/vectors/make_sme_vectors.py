"""Writes sme-digital-level-2024.json: golden vectors whose expectations were worked out by hand.

The expected numbers below are typed in from the official rules (工信厅企业〔2024〕56号), never computed
by zhiping: per-question points are Q1 2/option, Q2-Q3 0/1.5/3/4.5/6, Q4 5/7 per segment, Q5
0/2.5/5/7.5/10, Q6-Q7 1.25/option, Q8 0/1.5/3/4.5/6/7.5, Q9 1.875/option, Q10 1.5/option, Q11
0/1.875/3.75/5.625/7.5, Q12-Q13 0/3.5/7, Q14-Q15 0/1.5/3. Run it to regenerate the file after editing.
"""

import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
from tests.official import SCENARIOS, max_questions, min_questions

SCEN = SCENARIOS


def q_min():
    return min_questions()


def q_max():
    return max_questions()


def scen(**levels):
    return {s: levels.get(s, 0) for s in SCEN}


def answers(questions, scenarios, data=None):
    out = {"rubric": "sme-digital-level-2024", "questions": questions, "scenarios": scenarios}
    if data:
        out["data"] = data
    return out


vectors = []


def add(name, why, ans, expect, lang="zh"):
    vectors.append({"name": name, "why": why, "lang": lang, "answers": ans, "expect": expect})


S1 = dict.fromkeys(["产品设计", "营销管理", "生产管控", "工艺设计", "售后服务", "计划排程"], 1)
q20 = {**q_min(), "4": list(range(2, 16)), "5": 5}
add(
    "score exactly 20 with 6 scenarios (3 constrained) at level 1 is level 1",
    "Q4 all 14 segments = 14 x 5/7 = 10; Q5 last option = 10; others 0 -> 20. Scenarios 产品设计 营销管理 生产管控 "
    "(constrained) + 工艺设计 售后服务 计划排程 at 1 -> 6 with 3 constrained. Level 2 needs 40 points: missing 20, "
    "fewest steps by largest gain: Q12 2 x 3.5, Q13 2 x 3.5, then Q1 (2 per option) 3 options = 6.",
    answers(q20, scen(**S1)),
    {
        "ok": True,
        "level": 1,
        "score": "20",
        "display": "20.00",
        "points": {"4": "10", "5": "10"},
        "next": {
            "rank": 2,
            "points_missing": "20",
            "score_steps": [[12, 2], [13, 2], [1, 3]],
            "scenario_raises": [
                [s, 1, 2]
                for s in ["产品设计", "工艺设计", "营销管理", "售后服务", "计划排程", "生产管控"]
            ],
        },
    },
)

add(
    "score 135/7 (just below 20) is no level",
    "Q4 13 segments = 65/7, Q5 = 10 -> 135/7 = 19.2857...; displayed cut to 19.28. Missing 5/7 = 0.714... shown "
    "rounded up as 0.72; the largest single step is Q12 (+3.5).",
    answers({**q20, "4": list(range(2, 15))}, scen(**S1)),
    {
        "ok": True,
        "level": 0,
        "score": "135/7",
        "display": "19.28",
        "next": {
            "rank": 1,
            "points_missing": "5/7",
            "points_display": "0.72",
            "score_steps": [[12, 1]],
            "scenario_raises": [],
        },
    },
)

add(
    "5 scenarios at level 1 is not enough for level 1",
    "As the exact-20 case but 计划排程 at 0: 5 scenarios at >= 1. The fewest change raises one scenario; all "
    "candidates are at 0, so the first below level 1 in official order, 计划排程.",
    answers(q20, scen(**{**S1, "计划排程": 0})),
    {
        "ok": True,
        "level": 0,
        "score": "20",
        "next": {
            "rank": 1,
            "points_missing": "0",
            "score_steps": [],
            "scenario_raises": [["计划排程", 0, 1]],
        },
    },
)

add(
    "6 scenarios with only 2 constrained is not enough for level 1",
    "生产管控 at 0 and 协同办公 at 1: 6 scenarios at >= 1 but constrained only 产品设计 营销管理 (2 < 3). The first "
    "constrained scenario below 1 in official order is 生产管控.",
    answers(q20, scen(**{**S1, "生产管控": 0, "协同办公": 1})),
    {
        "ok": True,
        "level": 0,
        "next": {
            "rank": 1,
            "points_missing": "0",
            "score_steps": [],
            "scenario_raises": [["生产管控", 0, 1]],
        },
    },
)

add(
    "scenario levels are cumulative: level-4 scenarios count for level 1",
    "The exact-20 answers with the six scenarios at 4 instead of 1 -> still 6 (3 constrained) at >= 1 -> level 1.",
    answers(q20, scen(**dict.fromkeys(S1, 4))),
    {"ok": True, "level": 1, "score": "20"},
)

S2 = dict.fromkeys(["产品设计", "营销管理", "生产管控", "工艺设计", "售后服务", "计划排程"], 2)
q40 = {**q_min(), "1": [2, 3, 4, 5], "2": 5, "3": 5, "4": list(range(2, 16)), "5": 5}
add(
    "score exactly 40 with 6 scenarios at level 2 is level 2",
    "Q1 4 options = 8, Q2 = 6, Q3 = 6, Q4 = 10, Q5 = 10 -> 40. Level 3 needs 60: missing 20; fewest steps take the "
    "largest gains: Q12 2 x 3.5 = 7, Q13 2 x 3.5 = 7, then Q9 (1.875 each) 4 steps = 7.5 (3 would give 5.625 < 6). "
    "Level 3 needs 8 scenarios at >= 3 of which 5 constrained: 5 constrained (the three at 2 first, then 质量管理 "
    "设备管理 at 0 in official order) and 3 more nearest (工艺设计 售后服务 计划排程 at 2).",
    answers(q40, scen(**S2)),
    {
        "ok": True,
        "level": 2,
        "score": "40",
        "display": "40.00",
        "next": {
            "rank": 3,
            "points_missing": "20",
            "score_steps": [[12, 2], [13, 2], [9, 4]],
            "scenario_raises": [
                ["产品设计", 2, 3],
                ["工艺设计", 2, 3],
                ["营销管理", 2, 3],
                ["售后服务", 2, 3],
                ["计划排程", 2, 3],
                ["生产管控", 2, 3],
                ["质量管理", 0, 3],
                ["设备管理", 0, 3],
            ],
        },
    },
)

add(
    "score 38.5 (below 40) with level-2 scenarios is level 1",
    "As the exact-40 case but Q3 option 4 = 4.5 -> 38.5. Missing 1.5: one Q12 step (+3.5).",
    answers({**q40, "3": 4}, scen(**S2)),
    {
        "ok": True,
        "level": 1,
        "score": "38.5",
        "display": "38.50",
        "next": {
            "rank": 2,
            "points_missing": "1.5",
            "score_steps": [[12, 1]],
            "scenario_raises": [],
        },
    },
)

S3 = dict.fromkeys(
    [
        "产品设计",
        "营销管理",
        "生产管控",
        "质量管理",
        "设备管理",
        "工艺设计",
        "售后服务",
        "计划排程",
    ],
    3,
)
q60 = {
    **q_min(),
    "1": [2, 3, 4, 5],
    "2": 5,
    "3": 5,
    "4": list(range(2, 16)),
    "5": 5,
    "7": [2, 3, 4, 5],
    "8": 6,
    "6": [2, 3, 4],
    "11": 3,
}
add(
    "score exactly 60 with 8 scenarios (5 constrained) at level 3 is level 3; Q8's last option scores 100",
    "Foundation full but Q6 with 3 of 4 options: 50 - 1.25 = 48.75; Q8 option 6 scores 100 by position -> 7.5; "
    "Q11 option 3 -> 3.75; 48.75 + 7.5 + 3.75 = 60. "
    "Level 4: missing 20 (Q12 2 steps, Q13 2 steps, Q9 4 steps); 10 scenarios at 4 with 6 constrained: the five "
    "constrained at 3 and 安全生产 (first constrained at 0), then 工艺设计 售后服务 计划排程 (at 3) and 能耗管理 "
    "(first at 0 not yet chosen).",
    answers(q60, scen(**S3)),
    {
        "ok": True,
        "level": 3,
        "score": "60",
        "display": "60.00",
        "points": {"6": "3.75", "8": "7.5", "11": "3.75"},
        "next": {
            "rank": 4,
            "points_missing": "20",
            "score_steps": [[12, 2], [13, 2], [9, 4]],
            "scenario_raises": [
                ["产品设计", 3, 4],
                ["工艺设计", 3, 4],
                ["营销管理", 3, 4],
                ["售后服务", 3, 4],
                ["计划排程", 3, 4],
                ["生产管控", 3, 4],
                ["质量管理", 3, 4],
                ["设备管理", 3, 4],
                ["安全生产", 0, 4],
                ["能耗管理", 0, 4],
            ],
        },
    },
)

add(
    "7 scenarios at level 3 is not enough for level 3",
    "As the exact-60 case but 计划排程 at 2: 7 at >= 3 (5 constrained) -> level 2 (8 at >= 2 with 5 constrained, "
    "score 60). Fewest change: raise 计划排程 2 -> 3.",
    answers(q60, scen(**{**S3, "计划排程": 2})),
    {
        "ok": True,
        "level": 2,
        "next": {
            "rank": 3,
            "points_missing": "0",
            "score_steps": [],
            "scenario_raises": [["计划排程", 2, 3]],
        },
    },
)

add(
    "8 scenarios at level 3 with only 4 constrained is not enough for level 3",
    "As the exact-60 case but 设备管理 at 2 and 决策支持 at 3: 8 at >= 3, constrained 4 < 5 -> level 2. "
    "Raise the nearest constrained one, 设备管理 2 -> 3.",
    answers(q60, scen(**{**S3, "设备管理": 2, "决策支持": 3})),
    {
        "ok": True,
        "level": 2,
        "next": {
            "rank": 3,
            "points_missing": "0",
            "score_steps": [],
            "scenario_raises": [["设备管理", 2, 3]],
        },
    },
)

S4 = dict.fromkeys(
    [
        "产品设计",
        "营销管理",
        "生产管控",
        "质量管理",
        "设备管理",
        "安全生产",
        "工艺设计",
        "售后服务",
        "计划排程",
        "人力资源",
    ],
    4,
)
q80 = {**q_max(), "12": 1, "13": 1, "14": 1, "15": 1}
add(
    "score exactly 80 with 10 scenarios (6 constrained) at level 4 is level 4",
    "Foundation 50 + management 30 at their maximum, outcomes all first options (0) -> 80. 10 scenarios at 4 of "
    "which 6 constrained -> level 4, the highest: no next level.",
    answers(q80, scen(**S4)),
    {"ok": True, "level": 4, "score": "80", "display": "80.00", "next": None},
)

add(
    "9 scenarios at level 4 is level 3",
    "As the exact-80 case but 人力资源 at 3: 9 at >= 4 -> level 3; raise 人力资源 3 -> 4.",
    answers(q80, scen(**{**S4, "人力资源": 3})),
    {
        "ok": True,
        "level": 3,
        "next": {
            "rank": 4,
            "points_missing": "0",
            "score_steps": [],
            "scenario_raises": [["人力资源", 3, 4]],
        },
    },
)

add(
    "10 scenarios at level 4 with only 5 constrained is level 3",
    "As the exact-80 case but 安全生产 at 3 and 协同办公 at 4: 10 at >= 4, 5 constrained. Raise 安全生产 3 -> 4.",
    answers(q80, scen(**{**S4, "安全生产": 3, "协同办公": 4})),
    {
        "ok": True,
        "level": 3,
        "next": {
            "rank": 4,
            "points_missing": "0",
            "score_steps": [],
            "scenario_raises": [["安全生产", 3, 4]],
        },
    },
)

add(
    "score 78.5 (below 80) with level-4 scenarios is level 3",
    "As the exact-80 case but Q10 with 4 of 5 options -> 80 - 1.5 = 78.5; one Q12 step (+3.5) closes the gap.",
    answers({**q80, "10": [2, 3, 4, 5]}, scen(**S4)),
    {
        "ok": True,
        "level": 3,
        "score": "78.5",
        "display": "78.50",
        "next": {
            "rank": 4,
            "points_missing": "1.5",
            "score_steps": [[12, 1]],
            "scenario_raises": [],
        },
    },
)

add(
    "every maximum scores 100 and level 4",
    "All options of every multiple-choice question except 无, the last option of every single-choice question, "
    "every scenario at 4.",
    answers(q_max(), scen(**dict.fromkeys(SCEN, 4))),
    {
        "ok": True,
        "level": 4,
        "score": "100",
        "display": "100.00",
        "next": None,
        "points": {
            "1": "8",
            "2": "6",
            "4": "10",
            "6": "5",
            "9": "7.5",
            "10": "7.5",
            "11": "7.5",
            "12": "7",
            "15": "3",
        },
    },
)

add(
    "every minimum scores 0 and no level",
    "无 everywhere and first options: 0. Missing 20: Q12 2 steps (7), Q13 2 steps (7), then Q5 (2.5 each) 3 steps "
    "(7.5). Six scenarios to level 1: 3 constrained first in official order (产品设计 营销管理 生产管控), then the "
    "first others (工艺设计 售后服务 计划排程).",
    answers(q_min(), scen()),
    {
        "ok": True,
        "level": 0,
        "score": "0",
        "display": "0.00",
        "next": {
            "rank": 1,
            "points_missing": "20",
            "score_steps": [[12, 2], [13, 2], [5, 3]],
            "scenario_raises": [
                [s, 0, 1]
                for s in ["产品设计", "工艺设计", "营销管理", "售后服务", "计划排程", "生产管控"]
            ],
        },
    },
    lang="en",
)

add(
    "figures: the official energy example and a mismatching device rate",
    "Energy last year 310 万kWh electricity x 1.229 + 1.5 万m3 blast-furnace gas x 1.286 = 382.919 tce. Devices "
    "15 of 100 = 15% -> option 2 '(10%, 20%]' while option 3 is chosen -> a warning; the chosen option scores "
    "(Q2 = 3 points; total Q4 10 + Q5 10 + Q2 3 + Q12 7 = 30). Energy per revenue 382.919/1000 vs 400/900 falls -> option 3 (chosen, no warning).",
    answers(
        {**q20, "2": 3, "12": 3},
        scen(**S1),
        {
            "2": {"total_devices": 100, "digital_devices": 15},
            "12": {
                "energy_last": {"electricity": "310", "blast_furnace_gas": "1.5"},
                "energy_prev": "400",
            },
            "14": {"revenue_last": "1000", "revenue_prev": "900"},
        },
    ),
    {
        "ok": True,
        "level": 1,
        "score": "30",
        "points": {"2": "3", "12": "7"},
        "warnings": ["question:2"],
        "derived": {"2": 2, "12": 3},
        "energy": {"12.energy_last": "382.919"},
    },
)

bad = q_min()
bad["4"] = [1, 3]
bad["3"] = 6
bad["10"] = [2, 2]
add(
    "invalid answers list every problem",
    "Q4 ticks 无 with another option; Q3 has no option 6; Q10 repeats an option; a scenario level of 5; an unknown "
    "scenario; Q13 missing. A device count that is not a whole number is a figure: it warns, it is not "
    "among the errors.",
    {
        **answers(
            {k: v for k, v in bad.items() if k != "13"}, {**scen(), "产品设计": 5, "数字孪生": 1}
        ),
        "data": {"2": {"total_devices": "12.5"}},
    },
    {
        "ok": False,
        "errors": [
            ["duplicate_option", "question:10"],
            ["level_out_of_range", "scenario:产品设计"],
            ["missing_answer", "question:13"],
            ["none_with_others", "question:4"],
            ["option_out_of_range", "question:3"],
            ["unknown_scenario", "scenario:数字孪生"],
        ],
        "warnings": ["field:2.total_devices"],
    },
)

add(
    "impossible figures warn; the chosen options still score",
    "20 digital devices out of 10 (a rate above 100%) and zero staff (no per-capita revenue) cannot be "
    "used, so they suggest nothing and warn (decision Z7); the options are those of the first vector: "
    "20 points and 6 level-1 scenarios with 3 constrained, level 1.",
    answers(
        q20,
        scen(**S1),
        {
            "2": {"total_devices": 10, "digital_devices": 20},
            "14": {"staff_last": 0, "staff_prev": 5, "revenue_last": 1, "revenue_prev": 1},
        },
    ),
    {
        "ok": True,
        "level": 1,
        "score": "20",
        "warnings": ["field:2.digital_devices", "field:14.staff_last"],
    },
    lang="en",
)

vectors.append(
    {
        "name": "malformed JSON is an error",
        "why": "A missing closing brace.",
        "lang": "en",
        "answers_text": '{"questions": {"1": [2]}',
        "expect": {"ok": False, "errors": [["malformed_json", "answers"]]},
    }
)

# Hostile files: every runtime must read them the same way (bounded before conversion).
COMPLETE = json.dumps(answers(q20, scen(**S1)), ensure_ascii=False)
HOSTILE = [
    (
        "a UTF-8 byte-order mark is accepted",
        "A file saved by Windows Notepad starts with U+FEFF; it is dropped before parsing.",
        "\ufeff" + COMPLETE,
        {"ok": True, "level": 1, "score": "20"},
    ),
    (
        "a key given twice is refused",
        "Which of two 'rubric' values was meant cannot be known.",
        '{"rubric": "sme-digital-level-2024", "rubric": "sme-digital-level-2024"}',
        {"ok": False, "errors": [["duplicate_key", "answers"]]},
    ),
    (
        "nesting deeper than 32 levels is refused before parsing",
        "100 000 nested arrays would exhaust the parser's stack (and crash Pyodide).",
        "[" * 100000 + "]" * 100000,
        {"ok": False, "errors": [["too_deep", "answers"]]},
    ),
    (
        "question keys must be written as documented",
        "'01', '²' and the Arabic-Indic digit one are not question 1; a 5000-digit key is not converted.",
        json.dumps({"questions": {"01": 1, "²": 1, "\u0661": 1, "9" * 5000: 1}}),
        {
            "ok": False,
            "errors": [["unknown_question", f"question:{k}"] for k in ("01", "²", "\u0661")]
            + [["unknown_question", "question:" + "9" * 110 + "…"]]
            + [["missing_answer", f"question:{n}"] for n in range(1, 16)]
            + [["missing_scenario", f"scenario:{s}"] for s in SCEN],
        },
    ),
    (
        "a huge exponent or NaN in a figure warns and is never computed",
        "1e100000000 would take 10^100000000 to compute; NaN is not a number. Both are bad numbers; "
        "the options still score (20 points, level 1).",
        COMPLETE[:-1]
        + ', "data": {"2": {"total_devices": 1e100000000, "digital_devices": NaN}, '
        + '"3": {"networked_devices": "1e100000000"}}}',
        {
            "ok": True,
            "level": 1,
            "score": "20",
            "warnings": [
                "field:2.digital_devices",
                "field:2.total_devices",
                "field:3.networked_devices",
            ],
        },
    ),
    (
        "a lone surrogate in a key is echoed escaped",
        "A JSON escape \\ud800 is not a character; the message shows it as text, never the raw code "
        "point (printing it would fail).",
        '{"rubric": "sme-digital-level-2024", "\\ud800": 1, "questions": {}}',
        {
            "ok": False,
            "errors": [["unknown_key", "\\ud800"]]
            + [["missing_answer", f"question:{n}"] for n in range(1, 16)]
            + [["missing_scenario", f"scenario:{s}"] for s in SCEN],
        },
    ),
]
for name, why, raw, expect in HOSTILE:
    vectors.append({"name": name, "why": why, "lang": "zh", "answers_text": raw, "expect": expect})

Path(__file__).with_name("sme-digital-level-2024.json").write_text(
    json.dumps(
        {"rubric": "sme-digital-level-2024", "vectors": vectors}, ensure_ascii=False, indent=1
    )
    + "\n",
    encoding="utf-8",
)
print(len(vectors), "vectors")
