"""The published answers schema describes what the calculator exports and what Python reads back."""

from __future__ import annotations

import json
from typing import Any

import jsonschema
import pytest

from build_scripts.families.sme import example_answers
from build_scripts.paths import ANSWERS_SCHEMA
from tests.build_scripts.test_render import CATALOG, RID
from tests.conftest import vectors
from zhiping.api import score_dict

SCHEMA = json.loads(ANSWERS_SCHEMA.read_text(encoding="utf-8"))
VALID = [v for v in vectors() if "answers" in v and v["expect"]["ok"]]


def validate(answers: dict[str, Any]) -> None:
    jsonschema.Draft202012Validator(SCHEMA).validate(answers)


def test_the_schema_is_a_valid_schema() -> None:
    jsonschema.Draft202012Validator.check_schema(SCHEMA)


@pytest.mark.parametrize("vector", VALID, ids=[v["name"] for v in VALID])
def test_scored_answers_and_their_read_back_follow_the_schema(vector: dict[str, Any]) -> None:
    validate(vector["answers"])
    out = score_dict(None, json.dumps(vector["answers"], ensure_ascii=False))
    validate(out["answers"])


def test_the_example_and_meta_follow_the_schema() -> None:
    example = example_answers(CATALOG.models[RID])
    validate(
        {**example, "meta": {"company": "某某机械有限公司", "date": "2026-11-23", "plant": "二厂"}}
    )
    with pytest.raises(jsonschema.ValidationError):
        validate({**example, "meta": {"company": 5}})
    with pytest.raises(jsonschema.ValidationError):
        validate({**example, "questions": {"01": 1}})
