"""The published JSON Schemas hold the exported answers file: the envelope schema and each
family's answers schema accept what every calculator exports (a golden vector's answers)."""

from __future__ import annotations

import json
from typing import Any

import jsonschema
import pytest

from build_scripts.paths import SCHEMAS
from tests.conftest import vectors
from tests.vectors.observe import answers_text
from zhiping import catalog
from zhiping.api import export_json

ENVELOPE = json.loads((SCHEMAS / "answers-envelope.schema.json").read_text(encoding="utf-8"))
FIRST = {v["rubric"]: v for v in reversed(vectors()) if v.get("expect", {}).get("ok")}


def test_the_envelope_schema_is_valid_and_describes_every_key() -> None:
    jsonschema.Draft202012Validator.check_schema(ENVELOPE)
    assert all(p.get("description") for p in ENVELOPE["properties"].values())


@pytest.mark.parametrize("rid", sorted(FIRST))
def test_an_exported_file_is_valid_against_both_schemas(rid: str) -> None:
    out = json.loads(export_json(rid, answers_text(FIRST[rid]), "en", "2026-01-01T00:00:00Z"))
    doc: Any = json.loads(out["text"])
    family = catalog.bundle()["rubrics"][rid]["family"]
    own = json.loads((SCHEMAS / f"answers-{family}.schema.json").read_text(encoding="utf-8"))
    for schema in (ENVELOPE, own):
        errors = list(jsonschema.Draft202012Validator(schema).iter_errors(doc))
        assert errors == [], (rid, [e.message for e in errors][:3])
    broken = {**doc, "format_version": "2"}
    assert list(jsonschema.Draft202012Validator(ENVELOPE).iter_errors(broken))
