"""Many files at once (``python -m zhiping score FILE_OR_FOLDER... --summary out.csv``): one row per
file in the order given, bad files listed and reported without stopping the others, the same CSV
whatever the number of processes. Expected results come from the golden vectors' own expectations
(tests/vectors/*.json), never from the code under test."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from zhiping import batch, catalog
from zhiping.__main__ import main
from zhiping.batch import Progress, answer_files, run
from zhiping.jsonread import MAX_BYTES
from zhiping.present.common import Words

from .csv_files import vectors


def vector(rubric_id: str, ok: bool = True) -> dict[str, Any]:
    return next(v for v in vectors(rubric_id) if v["expect"]["ok"] is ok and "answers" in v)


def with_company(v: dict[str, Any], company: str) -> str:
    return json.dumps({**v["answers"], "meta": {"company": company}}, ensure_ascii=False)


SME = vector("sme-digital-level-2024")
JIANGSU = vector("jiangsu-dx-2025")
TIER = vector("smart-factory-tier-jiangsu-2025")
NATIONAL = vector("smart-factory-national-2025")
TECH = vector("tech-system-1295")
TECH_WRONG = vector("tech-system-1295", ok=False)

# name → content, in the folder's (name) order
GOOD = {
    "a-sme.json": with_company(SME, "甲公司"),
    "b-jiangsu.json": with_company(JIANGSU, "=乙公司"),  # a formula-looking name is escaped
    "c-tier.json": with_company(TIER, "丙公司"),
    "d-national.json": with_company(NATIONAL, "丁公司"),
    "e-tech.json": with_company(TECH, "戊公司"),
}
BAD = {
    "f-broken.json": '{"rubric": "sme-digital-level-2024", ',
    "g-oversized.json": " " * (MAX_BYTES + 1),
    "h-unknown.json": '{"rubric": "no-such-rubric"}',
    "i-invalid.json": json.dumps(TECH_WRONG["answers"], ensure_ascii=False),
}


def folder(root: Path) -> Path:
    root.mkdir(parents=True, exist_ok=True)
    for name, content in {**GOOD, **BAD}.items():
        (root / name).write_text(content, encoding="utf-8")
    (root / "notes.txt").write_text("not an answers file", encoding="utf-8")
    return root


def read_summary(path: Path) -> list[dict[str, str]]:
    raw = path.read_bytes()
    assert raw.startswith("\ufeff".encode())
    text = raw.decode("utf-8")[1:]
    assert "\r\n" in text and "\n" not in text.replace("\r\n", "")
    return list(csv.DictReader(io.StringIO(text, newline="")))


@pytest.fixture(scope="module")
def scored(tmp_path_factory: pytest.TempPathFactory) -> tuple[int, list[dict[str, str]], str]:
    root = folder(tmp_path_factory.mktemp("answers") / "in")
    out = root.parent / "summary.csv"
    err = io.StringIO()
    status = run([str(root)], str(out), lang="en", jobs=2, err=err)
    return status, read_summary(out), err.getvalue()


def test_a_folder_gives_one_row_per_json_file_in_name_order(
    scored: tuple[int, list[dict[str, str]], str],
) -> None:
    _, rows, _ = scored
    assert [Path(r["File"]).name for r in rows] == sorted({**GOOD, **BAD})


def test_each_row_names_the_enterprise_and_the_rubric(
    scored: tuple[int, list[dict[str, str]], str],
) -> None:
    _, rows, _ = scored
    good = rows[: len(GOOD)]
    assert [r["Enterprise"] for r in good] == ["甲公司", "'=乙公司", "丙公司", "丁公司", "戊公司"]
    assert [r["Rubric id"] for r in good] == [
        "sme-digital-level-2024",
        "jiangsu-dx-2025",
        "smart-factory-tier-jiangsu-2025",
        "smart-factory-national-2025",
        "tech-system-1295",
    ]
    assert good[0]["Rubric"] == "SME Digitalization Level Evaluation Indicators (2024 Edition)"
    assert all(r["Problems"] == "" for r in good)


def test_the_results_are_the_golden_vectors(
    scored: tuple[int, list[dict[str, str]], str],
) -> None:
    _, rows, _ = scored
    sme, jiangsu, tier, national, tech = rows[: len(GOOD)]
    assert sme["Score for foundation, management and outcomes"] == SME["expect"]["display"]
    assert SME["expect"]["display"] in sme["Result"]
    assert jiangsu["General assessment self-evaluation score"] == JIANGSU["expect"]["display"]
    tiers = ["Basic level", "Advanced level", "Excellence level", "Leading level"]
    for row, v in ((tier, TIER), (national, NATIONAL)):
        words = ["met" if h else "not met" for h in v["expect"]["holds"]]
        assert [row[t] for t in tiers] == words
    assert tech["Product"] == TECH["answers"]["product"]
    # a sub-score column of another family stays empty
    assert sme["General assessment self-evaluation score"] == ""


def test_bad_files_are_listed_with_their_problems(
    scored: tuple[int, list[dict[str, str]], str],
) -> None:
    _, rows, err = scored
    bad = {Path(r["File"]).name: r for r in rows[len(GOOD) :]}
    assert bad["f-broken.json"]["Problems"].startswith("[malformed_json] ")
    assert bad["g-oversized.json"]["Problems"].startswith("[too_large] ")
    assert bad["h-unknown.json"]["Problems"].startswith("[unknown_rubric] ")
    codes = {e[0] for e in TECH_WRONG["expect"]["errors"]}
    assert {c for c in codes if f"[{c}]" in bad["i-invalid.json"]["Problems"]} == codes
    assert all(r["Result"] == "" for r in bad.values())
    for name in BAD:
        assert f"{name}: [" in err
    assert "9 files, 4 with problems" in err


def test_exit_status_1_when_some_file_had_problems(
    scored: tuple[int, list[dict[str, str]], str],
) -> None:
    assert scored[0] == 1


def test_exit_status_0_when_every_file_was_scored(tmp_path: Path, capsys: Any) -> None:
    for name, content in GOOD.items():
        (tmp_path / name).write_text(content, encoding="utf-8")
    out = tmp_path / "out.csv"
    assert main(["score", str(tmp_path), "--summary", str(out), "--jobs", "1"]) == 0
    rows = read_summary(out)
    assert len(rows) == len(GOOD)
    assert "文件" in rows[0]  # Chinese by default


def test_a_missing_file_is_a_row_too(tmp_path: Path) -> None:
    (tmp_path / "a.json").write_text(GOOD["a-sme.json"], encoding="utf-8")
    out = tmp_path / "out.csv"
    err = io.StringIO()
    gone = str(tmp_path / "gone.json")
    assert run([gone, str(tmp_path / "a.json")], str(out), lang="en", jobs=1, err=err) == 1
    rows = read_summary(out)
    assert [r["File"] for r in rows] == [gone, str(tmp_path / "a.json")]
    assert rows[0]["Problems"].startswith("[unreadable] The file cannot be read")
    assert rows[1]["Problems"] == ""


def test_jobs_1_and_jobs_2_give_the_same_file(tmp_path: Path) -> None:
    root = folder(tmp_path / "in")
    one, two = tmp_path / "one.csv", tmp_path / "two.csv"
    assert run([str(root)], str(one), jobs=1, err=io.StringIO()) == 1
    assert run([str(root)], str(two), jobs=2, err=io.StringIO()) == 1
    assert one.read_bytes() == two.read_bytes()


def test_progress_is_shown_when_asked(tmp_path: Path, capsys: Any) -> None:
    root = folder(tmp_path / "in")
    out = str(tmp_path / "out.csv")
    main(["score", str(root), "--summary", out, "--lang", "en", "--progress", "--jobs", "1"])
    assert "9 / 9 files scored" in capsys.readouterr().err
    main(["score", str(root), "--summary", out, "--lang", "en", "--jobs", "1"])
    assert "files scored" not in capsys.readouterr().err  # not a terminal, not asked


def test_several_files_need_summary(tmp_path: Path) -> None:
    path = tmp_path / "a.json"
    path.write_text(GOOD["a-sme.json"], encoding="utf-8")
    with pytest.raises(SystemExit) as stop:
        main(["score", str(path), str(path)])
    assert stop.value.code == 2


def test_only_json_files_of_a_folder_and_its_subfolders(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    for name in ("b/2.json", "b/1.JSON", "a.json", "c.txt", "b.json"):
        (tmp_path / name).write_text("{}", encoding="utf-8")
    found = [Path(f).relative_to(tmp_path).as_posix() for f in answer_files([str(tmp_path)])]
    assert found == ["a.json", "b/1.JSON", "b/2.json", "b.json"]


@pytest.fixture(scope="module")
def files(tmp_path_factory: pytest.TempPathFactory) -> list[str]:
    root = folder(tmp_path_factory.mktemp("perm"))
    return answer_files([str(root)])


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(data=st.data())
def test_rows_follow_the_order_of_the_files_given(
    files: list[str], tmp_path_factory: pytest.TempPathFactory, data: st.DataObject
) -> None:
    order = data.draw(st.permutations(files))
    out = tmp_path_factory.mktemp("out") / "summary.csv"
    run(order, str(out), lang="en", jobs=1, err=io.StringIO())
    assert [r["File"] for r in read_summary(out)] == order


def test_a_summary_that_cannot_be_written_is_exit_status_2(tmp_path: Path) -> None:
    (tmp_path / "a.json").write_text(GOOD["a-sme.json"], encoding="utf-8")
    err = io.StringIO()
    out = tmp_path / "no-such-folder" / "out.csv"
    assert run([str(tmp_path)], str(out), lang="en", jobs=1, err=err) == 2
    assert "The summary cannot be written" in err.getvalue()


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_on_a_terminal_progress_shares_one_line_and_reports_start_their_own() -> None:
    err = Terminal()
    show = Progress(3, Words(catalog.ui(), "en"), err, every=0)
    show(1)
    show.end_line()
    show(2)
    show(3)
    assert err.getvalue() == "1 / 3 files scored\r\n2 / 3 files scored\r3 / 3 files scored\n"


def test_importing_the_module_starts_no_process_machinery() -> None:
    # Pyodide imports the whole package: the process pool is imported only when one is made
    probe = (
        "import sys, zhiping.batch; "
        "print(sorted(m for m in ('multiprocessing', 'concurrent.futures') if m in sys.modules))"
    )
    proc = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert proc.stdout.strip() == "[]"


def test_where_no_process_can_be_made_the_files_are_scored_here(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(batch.sys, "platform", "emscripten")
    assert batch._pool(2) is None
    root = folder(tmp_path / "in")
    rows = list(batch.score_files(answer_files([str(root)]), lang="en", jobs=2))
    assert [Path(r.file).name for r in rows] == sorted({**GOOD, **BAD})
