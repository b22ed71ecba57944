"""The command line scores with the same engine and prints the same JSON as the api."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from zhiping.__main__ import main
from zhiping.api import score_dict

from .helpers import doc, maximum, scenarios, text


def write(tmp_path: Path, content: str) -> Path:
    path = tmp_path / "answers.json"
    path.write_text(content, encoding="utf-8")
    return path


def test_score_prints_the_api_result(tmp_path: Path, capsys: object) -> None:
    raw = text(doc(maximum(), scenarios(**{s: 4 for s in scenarios()})))
    assert main(["score", str(write(tmp_path, raw))]) == 0
    out = json.loads(capsys.readouterr().out)  # type: ignore[attr-defined]
    assert out == score_dict(None, raw)
    assert out["level"]["label"] == "四级（协同级）"


def test_text_format_in_english(tmp_path: Path, capsys: object) -> None:
    raw = text(doc(maximum(), scenarios()))
    assert main(["score", str(write(tmp_path, raw)), "--lang", "en", "--format", "text"]) == 0
    shown = capsys.readouterr().out  # type: ignore[attr-defined]
    assert "Result: No level · score 100.00" in shown
    assert "To reach Level 1 (Initial), you still need:" in shown


def test_bad_answers_exit_1_with_the_errors(tmp_path: Path, capsys: object) -> None:
    assert (
        main(["score", str(write(tmp_path, "{not json")), "--format", "text", "--lang", "en"]) == 1
    )
    assert "malformed_json" in capsys.readouterr().out  # type: ignore[attr-defined]


def test_python_dash_m_reads_standard_input() -> None:
    raw = text(doc(maximum(), scenarios()))
    proc = subprocess.run(
        [sys.executable, "-m", "zhiping", "score", "-", "--lang", "en"],
        input=raw,
        capture_output=True,
        text=True,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout)["score"]["display"] == "100.00"


def test_rubrics_lists_the_ids(capsys: object) -> None:
    assert main(["rubrics"]) == 0
    assert "sme-digital-level-2024" in capsys.readouterr().out  # type: ignore[attr-defined]


RUBRIC = b'{"rubric": "sme-digital-level-2024", '
HOSTILE = {
    "invalid UTF-8": (b'{"questions": {"1": [2]}, "meta": {"company": "\xff\xfe"}}', "not_utf8"),
    "nested 100 000 deep": (b"[" * 100_000 + b"]" * 100_000, "too_deep"),
    "a 5000-digit number": (
        RUBRIC + b'"questions": {"2": ' + b"9" * 5000 + b"}}",
        "option_out_of_range",
    ),
    "a lone surrogate key": (RUBRIC + b'"\\ud800": 1}', "unknown_key"),
    "a duplicate key": (b'{"questions": {}, "questions": {}}', "duplicate_key"),
}


@pytest.mark.parametrize("name", sorted(HOSTILE))
@pytest.mark.parametrize("stdin", [False, True], ids=["file", "stdin"])
def test_a_hostile_file_gets_json_problems_never_a_traceback(
    tmp_path: Path, name: str, stdin: bool
) -> None:
    data, code = HOSTILE[name]
    path = tmp_path / "answers.json"
    path.write_bytes(data)
    proc = subprocess.run(
        [sys.executable, "-m", "zhiping", "score", "-" if stdin else str(path)],
        input=data if stdin else None,
        capture_output=True,
        check=False,
        timeout=60,
    )
    assert proc.returncode == 1, proc.stderr
    assert proc.stderr == b""
    out = json.loads(proc.stdout.decode("utf-8"))  # strict: the output is valid UTF-8
    assert code in {e["code"] for e in out["errors"]}


def test_a_bom_file_scores_like_the_same_file_without_it(tmp_path: Path) -> None:
    raw = text(doc(maximum(), scenarios()))
    path = tmp_path / "answers.json"
    path.write_bytes(b"\xef\xbb\xbf" + raw.encode("utf-8"))
    proc = subprocess.run(
        [sys.executable, "-m", "zhiping", "score", str(path)], capture_output=True, check=False
    )
    assert proc.returncode == 0
    assert json.loads(proc.stdout) == score_dict(None, raw)


def test_a_missing_file_is_a_usage_error(tmp_path: Path) -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "zhiping", "score", str(tmp_path / "nope.json")],
        capture_output=True,
        text=True,
        check=False,
    )
    assert proc.returncode == 2
    assert "cannot read" in proc.stderr and "Traceback" not in proc.stderr


TECH = {
    "rubric": "tech-system-1295",
    "product": "锂离子动力电池",
    "segments": {"s1": {"name": "正极材料"}},
    "tables": {
        "2": {
            "segments": {"s1": {"rows": {"r1": {"gap_rating": 4, "diversity": 2, "stability": 3}}}}
        }
    },
}


def test_the_1295_lists_print_their_advisory_stars(tmp_path: Path, capsys: object) -> None:
    raw = json.dumps(TECH, ensure_ascii=False)
    assert main(["score", str(write(tmp_path, raw)), "--format", "text"]) == 0
    shown = capsys.readouterr().out  # type: ignore[attr-defined]
    # the inventory's worked example: (2 + 2 + 3) ÷ 3 = 2.33 → ★2, labelled advisory
    assert "(2 + 2 + 3) ÷ 3 = 2.33" in shown and "建议值，非官方" in shown
    assert "表2 物料清单 · 正极材料：★★（2★，建议值）" in shown


def test_csv_format_prints_the_official_layout(tmp_path: Path, capsys: object) -> None:
    raw = json.dumps(TECH, ensure_ascii=False)
    assert main(["score", str(write(tmp_path, raw)), "--format", "csv", "--lang", "en"]) == 0
    shown = capsys.readouterr().out  # type: ignore[attr-defined]
    assert shown.startswith("\ufeff") and "Table 2 Materials List\r\n" in shown
    # answers that cannot be read: the problems are printed, exit 1
    bad = write(tmp_path, text(doc({**maximum(), "4": [1, 2]}, scenarios())))
    assert main(["score", str(bad), "--format", "csv", "--lang", "en"]) == 1
    assert "none_with_others" in capsys.readouterr().out  # type: ignore[attr-defined]


def test_python_dash_m_prints_an_sme_file_as_csv(tmp_path: Path) -> None:
    path = write(tmp_path, text(doc(maximum(), scenarios())))
    proc = subprocess.run(
        [sys.executable, "-m", "zhiping", "score", str(path), "--format", "csv"],
        capture_output=True,
        check=False,
        timeout=60,
    )
    assert proc.returncode == 0, proc.stderr
    shown = proc.stdout.decode("utf-8")
    assert shown.startswith(
        "\ufeff中小企业数字化水平评测指标（2024年版）（工信厅企业〔2024〕56号）\r\n"
    )
    rows = list(csv.reader(io.StringIO(shown[1:], newline="")))
    # all 15 questions at full marks, no scenario: no level, 100 points
    assert ["评测等级", "无等级"] in rows
    assert ["基础、管理及成效得分", "100.00", "满分 100.00"] in rows
    numbers = [row[0] for row in rows if row and row[0].isdigit()]
    assert numbers == [str(n) for n in range(1, 16)]
