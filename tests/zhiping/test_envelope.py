"""The answers file's envelope: format version, rubric edition, digest, migration and refusals
(zhiping.envelope through zhiping.api, the way the page and the CLI use it)."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.conftest import vectors
from tests.vectors.observe import answers_text
from zhiping import catalog, envelope
from zhiping.__main__ import main
from zhiping.api import export_json, score_dict
from zhiping.envelope import Edition, Notice
from zhiping.errors import FILE_CODES, Problem
from zhiping.jsonread import MAX_BYTES

FIXTURES = Path(__file__).parent.parent / "fixtures"
V2 = (FIXTURES / "answers-v2-sme.json").read_text(encoding="utf-8")
# The same file made older by hand: the header keys taken out (format 1, as files were before).
V1 = (FIXTURES / "answers-v1-sme.json").read_text(encoding="utf-8")
SME = "sme-digital-level-2024"
WHEN = "2026-03-02T08:00:00Z"
HEADER = {"$schema", "format", "format_version", "edition", "exported_at", "digest"}


def _sha(part: dict[str, Any]) -> str:
    """The digest worked out independently: sorted keys, no spaces, characters kept."""
    text = json.dumps(part, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return "sha256:" + hashlib.sha256(text.encode("utf-8")).hexdigest()


def _export(answers: str, lang: str = "zh") -> dict[str, Any]:
    out: dict[str, Any] = json.loads(export_json(None, answers, lang, exported_at=WHEN))
    return out


def _codes(out: dict[str, Any]) -> list[str]:
    return [n["code"] for n in out["notices"]]


# ---- the exported file ----


def test_the_export_carries_format_rubric_edition_time_and_digest() -> None:
    out = _export(V1)
    assert out["ok"] and out["name"] == f"{SME}-answers.json"
    doc = json.loads(out["text"])
    assert list(doc)[:7] == [
        "$schema",
        "format",
        "format_version",
        "rubric",
        "edition",
        "exported_at",
        "digest",
    ]
    assert doc["format"] == "zhiping-answers" and doc["format_version"] == 2
    assert doc["rubric"] == SME
    assert doc["edition"] == "2024.1"  # source.edition of rubrics/sme-digital-level-2024.yaml
    assert doc["exported_at"] == WHEN
    assert doc["meta"] == {"company": "示例机械有限公司", "date": "2026-03-01"}
    assert doc["digest"] == _sha({k: v for k, v in doc.items() if k not in HEADER})


def test_the_fixture_is_what_the_export_writes_today() -> None:
    assert _export(V2)["text"] == V2


def test_the_edition_comes_from_the_rubric_file() -> None:
    for rid in catalog.rubric_ids():
        assert catalog.edition(rid).current == catalog.bundle()["rubrics"][rid]["source"]["edition"]


def test_no_result_is_ever_written_into_the_file() -> None:
    doc = json.loads(_export(V1)["text"])
    assert not {"result", "level", "score", "summary", "view"} & set(doc)


# ---- reading: migration and notices ----


def test_a_current_file_is_read_without_notices() -> None:
    out = score_dict(None, V2, "en")
    assert out["ok"] and out["notices"] == []


def test_a_format_1_file_is_migrated_with_a_notice_and_the_same_result() -> None:
    old, new = score_dict(None, V1, "en"), score_dict(None, V2, "en")
    assert _codes(old) == ["format_1"]
    message = old["notices"][0]["message"]
    assert "format 1" in message and "format 2" in message and "2024.1" in message
    assert old["level"] == new["level"] and old["score"] == new["score"]
    assert old["answers"] == new["answers"]
    zh = score_dict(None, V1, "zh")["notices"][0]["message"]
    assert "第 1 版" in zh and "2024.1" in zh


def test_a_format_1_file_exports_as_the_current_format() -> None:
    assert _export(V1)["text"] == V2


def test_the_format_1_step_is_pure_and_says_what_it_did() -> None:
    bare = json.loads(V1)
    before = json.dumps(bare)
    migrated, notices = envelope.MIGRATIONS[1](bare, Edition("2024.1"))
    assert json.dumps(bare) == before  # the input is not changed
    assert migrated["format"] == "zhiping-answers" and migrated["format_version"] == 2
    assert migrated["edition"] == "2024.1"
    assert notices == [Notice("format_1", (("version", "2"), ("edition", "2024.1")))]


def test_every_format_version_below_the_current_has_a_migration_step() -> None:
    assert sorted(envelope.MIGRATIONS) == list(range(1, envelope.FORMAT_VERSION))


def test_an_older_edition_names_both_editions_and_what_changed_since() -> None:
    history = Edition(
        "2024.3",
        (
            ("2024.1", {"zh": "首版。", "en": "First edition."}),
            ("2024.2", {"zh": "第 5 题增加一个选项。", "en": "Question 5 gained an option."}),
            ("2024.3", {"zh": "场景改名。", "en": "A scenario was renamed."}),
        ),
    )
    doc = json.loads(V2)
    opened = envelope.read(doc, history)
    assert not isinstance(opened, Problem)
    answers, notices = opened
    assert answers["rubric"] == SME and not HEADER & set(answers)
    [notice] = notices
    assert notice.code == "edition_older"
    assert dict(notice.params) == {"given": "2024.1", "current": "2024.3"}
    assert [c["en"] for c in notice.changes] == [
        "Question 5 gained an option.",
        "A scenario was renamed.",
    ]


def test_an_unknown_edition_is_read_with_a_notice_naming_both() -> None:
    doc = json.loads(V2)
    doc["edition"] = "2023.7"
    doc.pop("digest")
    out = score_dict(None, json.dumps(doc), "en")
    assert out["ok"] and _codes(out) == ["edition_unknown"]
    assert "2023.7" in out["notices"][0]["message"] and "2024.1" in out["notices"][0]["message"]


def test_a_hand_edited_file_is_read_with_a_digest_warning_not_refused() -> None:
    doc = json.loads(V2)
    doc["questions"]["2"] = 1
    out = score_dict(None, json.dumps(doc, ensure_ascii=False), "en")
    assert out["ok"] and _codes(out) == ["digest_mismatch"]
    assert out["answers"]["questions"]["2"] == 1


def test_reformatting_a_file_keeps_its_digest() -> None:
    doc = json.loads(V2)
    squeezed = json.dumps(dict(reversed(list(doc.items()))), separators=(",", ":"))
    assert score_dict(None, squeezed, "en")["notices"] == []


def test_a_result_in_the_file_is_never_trusted() -> None:
    doc = json.loads(V1)
    doc["result"] = {"ok": True, "level": {"rank": 4}, "score": {"exact": "100"}}
    out = score_dict(None, json.dumps(doc, ensure_ascii=False), "en")
    assert out["ok"] and out["level"]["rank"] == 2  # the fixture scores level 2
    assert "result_ignored" in _codes(out)
    assert "result" not in out["answers"]


# ---- refusals ----


@pytest.mark.parametrize(
    ("change", "code"),
    [
        ({"format_version": 3}, "format_too_new"),
        ({"format_version": 99}, "format_too_new"),
        ({"format": "something-else"}, "bad_format"),
        ({"format_version": "2"}, "bad_format"),
        ({"format_version": True}, "bad_format"),
        ({"format_version": 0}, "bad_format"),
        ({"format_version": 2.0}, "bad_format"),
    ],
)
def test_an_unknown_or_newer_format_is_refused_with_a_clear_message(
    change: dict[str, Any], code: str
) -> None:
    doc = {**json.loads(V2), **change}
    for lang in ("zh", "en"):
        out = score_dict(None, json.dumps(doc), lang)
        assert out["ok"] is False and out["refused"] is True and "answers" not in out
        [error] = out["errors"]
        assert error["code"] == code and error["message"] and "{" not in error["message"]
    assert json.loads(export_json(None, json.dumps(doc), "en"))["refused"] is True


def test_the_newer_format_message_names_both_versions() -> None:
    doc = {**json.loads(V2), "format_version": 7}
    message = score_dict(None, json.dumps(doc), "en")["errors"][0]["message"]
    assert "7" in message and "2" in message


def test_a_file_of_more_than_5_mb_is_refused() -> None:
    assert MAX_BYTES == 5 * 1024 * 1024
    doc = json.loads(V2)
    doc["meta"]["padding"] = "x" * 1000
    text = json.dumps(doc)
    big = text[:-1] + " " * (MAX_BYTES + 1 - len(text)) + "}"
    assert len(big.encode()) == MAX_BYTES + 1
    out = score_dict(None, big.encode(), "en")
    assert out["refused"] and out["errors"][0]["code"] == "too_large"


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ('{"format": "zhiping-answers", "format_version": 2', "malformed_json"),
        ("[" * 40 + "]" * 40, "too_deep"),
        ('{"format_version": 2, "format_version": 3}', "duplicate_key"),
        ('{"format": "zhiping-answers", "format_version": 1' + "0" * 40 + "}", "bad_format"),
        ('{"format": "zhiping-answers", "format_version": 1e999}', "bad_format"),
        ('{"format": "zhiping-answers", "format_version": NaN}', "bad_format"),
    ],
)
def test_malformed_or_hostile_files_are_refused(text: str, code: str) -> None:
    out = score_dict(SME, text, "en")
    assert out["refused"] is True and [e["code"] for e in out["errors"]] == [code]


# ---- round trip ----

SCORED = [v for v in vectors() if v.get("expect", {}).get("ok")]


@pytest.mark.parametrize("vector", SCORED, ids=[v["name"] for v in SCORED])
def test_every_family_exports_a_file_that_reads_back_to_the_same_result(
    vector: dict[str, Any],
) -> None:
    first = _export(answers_text(vector), vector["lang"])
    again = _export(first["text"], vector["lang"])
    assert again["text"] == first["text"] and again["notices"] == []
    direct = score_dict(vector["rubric"], answers_text(vector), vector["lang"])
    via_file = score_dict(None, first["text"], vector["lang"])
    # a figure that could not be used is not written into the file: its warning goes with it
    kept = ("notices", "warnings")
    assert {k: v for k, v in via_file.items() if k not in kept} == {
        k: v for k, v in direct.items() if k not in kept
    }
    assert all(w in direct["warnings"] for w in via_file["warnings"])


_meta = st.dictionaries(
    st.from_regex(r"[a-z][a-z0-9_]{0,10}", fullmatch=True),
    st.text(max_size=30),
    max_size=5,
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    vector=st.sampled_from(SCORED),
    meta=_meta,
    lang=st.sampled_from(["zh", "en"]),
)
def test_export_import_export_is_identical(
    vector: dict[str, Any], meta: dict[str, str], lang: str
) -> None:
    answers = json.loads(answers_text(vector).removeprefix("\ufeff"))
    answers["meta"] = meta
    first = _export(json.dumps(answers, ensure_ascii=False), lang)
    assert first["ok"]
    second = _export(first["text"], lang)
    assert second["text"] == first["text"]
    doc = json.loads(first["text"])
    assert doc["digest"] == _sha({k: v for k, v in doc.items() if k not in HEADER})


# ---- words and the command line ----


def test_every_file_refusal_and_notice_has_a_message_in_both_languages() -> None:
    words = catalog.ui()["files"]
    for code in FILE_CODES:
        assert set(words["errors"][code]) == {"zh", "en"}, code
    assert set(words["notices"]) == set(envelope.NOTICES)


def test_the_cli_prints_the_exported_file_and_its_notices(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "old.json"
    path.write_text(V1, encoding="utf-8")
    assert main(["score", str(path), "--format", "envelope", "--lang", "en"]) == 0
    out = capsys.readouterr()
    doc = json.loads(out.out)
    assert doc["format_version"] == 2 and doc["digest"] == json.loads(V2)["digest"]
    assert "[format_1]" in out.err and "file format 1" in out.err
    path.write_text(V2.replace('"format_version": 2', '"format_version": 9'), encoding="utf-8")
    assert main(["score", str(path), "--format", "envelope", "--lang", "en"]) == 1
    assert "[format_too_new]" in capsys.readouterr().out
