"""The parts of the printed report (``api.report_json``): made from the same rows as the CSV file,
the answers chosen only (a question's chosen options, with its figures and points), the result
lines, the enterprise kept apart from the other notes; both languages; errors like the export's.
Expectations are typed from the rubric's YAML and the hand-worked vectors (tests/vectors)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
import yaml

from zhiping.api import export_csv, report_json, score_dict
from zhiping.present.csv_common import report_parts

from .csv_files import exported, rows_of, title_block, vectors

ROOT = Path(__file__).resolve().parents[2]
SME = "sme-digital-level-2024"
META = {"company": "苏州示例精密机械有限公司", "date": "2026-03-15", "assessor": "王工"}
CALCULATORS = [
    SME,
    "jiangsu-dx-2025",
    "inner-mongolia-capability-2025",
    "smart-factory-tier-jiangsu-2025",
    "smart-factory-tier-inner-mongolia-2025",
    "smart-factory-national-2025",
    "tech-system-1295",
]


def report(answers: dict[str, Any] | str, lang: str) -> dict[str, Any]:
    raw = answers if isinstance(answers, str) else json.dumps(answers, ensure_ascii=False)
    out: dict[str, Any] = json.loads(report_json(None, raw, lang))
    return out


def scored(rid: str) -> list[dict[str, Any]]:
    """The rubric's vectors that have a result, each with the notes of an assessment added."""
    out = []
    for v in vectors(rid):
        if "answers" in v and score_dict(None, v["text"], v["lang"])["ok"]:
            out.append({**v["answers"], "meta": META})
    assert out, rid
    return out


def test_the_parts_of_hand_made_rows() -> None:
    rows = [
        ["Title"],
        ["Language", "English"],
        ["Made on your device"],
        ["Enterprise", "ACME"],
        ["Date", "2026-03-15"],
        ["Level", "Level 2"],
        ["Score", "41.00", "out of 100"],
        [],
        ["Questions"],
        ["No.", "Answer"],
        ["1", "A"],
        ["2", "B; C"],
        [],
        ["Conditions"],
        ["Level", "Met"],
    ]
    parts = report_parts(rows, {"company": "ACME", "date": "2026-03-15"})
    assert parts == {
        "company": "ACME",
        "meta": [["Date", "2026-03-15"]],
        "lines": [["Level", "Level 2"], ["Score", "41.00", "out of 100"]],
        "sections": [
            {"title": "Questions", "head": ["No.", "Answer"], "rows": [["1", "A"], ["2", "B; C"]]},
            {"title": "Conditions", "head": ["Level", "Met"], "rows": []},
        ],
    }


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_sme_report_holds_the_chosen_options_only_with_their_points(lang: str) -> None:
    rubric = yaml.safe_load((ROOT / "rubrics" / f"{SME}.yaml").read_text(encoding="utf-8"))
    join = {"zh": "；", "en": "; "}[lang]
    for answers in scored(SME):
        out = report(answers, lang)
        assert out["ok"] and out["company"] == META["company"]
        questions = out["sections"][0]["rows"]
        assert [row[0] for row in questions] == [str(n) for n in range(1, 16)]
        chosen: list[str] = []
        other: list[str] = []
        for q, row in zip(rubric["questions"], questions, strict=True):
            picked = answers["questions"][str(q["number"])]
            picked = picked if isinstance(picked, list) else [picked]
            assert row[5] == join.join(q["options"][i - 1]["label"][lang] for i in picked)
            for i, option in enumerate(q["options"], start=1):
                (chosen if i in picked else other).append(option["label"][lang])
        # an option not chosen is nowhere in the questions' rows (unless its words are part of
        # another text: "None", "[0–10%]"; scenarios share names with options of question 4)
        text = json.dumps(questions, ensure_ascii=False)
        distinct = [o for o in other if len(o) > 4 and not any(o in c for c in chosen)]
        assert len(distinct) >= 15
        assert [o for o in distinct if o in text] == []
        points = {
            str(q["number"]): q["points"]
            for q in score_dict(None, json.dumps(answers), lang)["questions"]
        }
        assert [row[7] for row in questions] == [points[row[0]] for row in questions]


def test_the_sme_report_gives_the_level_and_the_scores_in_both_languages() -> None:
    # "every maximum scores 100 and level 4" (tests/vectors/sme-digital-level-2024.json)
    v = next(x for x in vectors(SME) if x["name"].startswith("every maximum"))
    zh = report({**v["answers"], "meta": META}, "zh")
    en = report({**v["answers"], "meta": META}, "en")
    assert zh["lines"][:2] == [
        ["评测等级", "四级（协同级）"],
        ["基础、管理及成效得分", "100.00", "满分 100.00"],
    ]
    assert en["lines"][0] == ["Result", "Level 4 (Collaborative)"]
    assert en["lines"][1][1:] == ["100.00", "out of 100.00"]
    # the enterprise stands apart; the other notes keep their order, unknown keys their own name
    assert zh["company"] == en["company"] == META["company"]
    assert zh["meta"] == [["评测日期", "2026-03-15"], ["assessor", "王工"]]
    assert en["meta"] == [["Date of assessment", "2026-03-15"], ["assessor", "王工"]]


def test_the_sme_figures_are_in_the_report() -> None:
    v = next(x for x in vectors(SME) if x["name"].startswith("figures"))
    out = report(v["answers"], "en")
    rows = {row[0]: row for row in out["sections"][0]["rows"]}
    given = {q for q, fields in v["answers"]["data"].items() if fields}
    assert given and all(rows[q][6] for q in given)


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("rid", CALCULATORS)
def test_the_report_has_the_rows_of_the_csv_file(rid: str, lang: str) -> None:
    for answers in scored(rid):
        out = report(answers, lang)
        assert out["ok"], out
        rows = rows_of(exported(answers, lang))
        block = title_block(rows)
        notes = block[3 : 3 + len(META)]
        assert [r[1] for r in notes] == list(META.values())
        assert out["meta"] == [r for r in notes if r[1] != META["company"]]
        assert out["lines"] == block[3 + len(META) :]
        assert [s["title"] for s in out["sections"]] == [
            rows[i + 1][0] for i, r in enumerate(rows[:-1]) if r == []
        ]
        assert sum(len(s["rows"]) for s in out["sections"]) == sum(
            1 for r in rows[len(block) :] if r
        ) - 2 * len(out["sections"])
        assert "report" not in exported(answers, lang)


def test_answers_that_cannot_be_read_give_the_export_errors() -> None:
    bad = json.dumps({"rubric": SME, "questions": {"1": 99}})
    out = report(bad, "en")
    assert out["ok"] is False
    assert out["errors"] == json.loads(export_csv(None, bad, "en"))["errors"]
    assert report("{", "zh")["refused"] is True
