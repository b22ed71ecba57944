"""The command line scores with the same engine and prints the same JSON as the api."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

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
    assert "Level: No level" in shown
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
