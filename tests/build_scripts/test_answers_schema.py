"""Each family's published answers schema describes what its calculator exports and what Python
reads back."""

from __future__ import annotations

import json
from typing import Any

import jsonschema
import pytest

from build_scripts.families import BUILD_FAMILIES
from build_scripts.paths import answers_schema
from tests.build_scripts.test_render import CATALOG
from tests.conftest import vectors
from zhiping.api import score_dict

VALID = [v for v in vectors() if "answers" in v and v["expect"]["ok"]]
CALCULATORS = [name for name, fam in BUILD_FAMILIES.items() if fam.calculator]


def family_of(rubric_id: str) -> str:
    return str(CATALOG.rubrics[rubric_id]["family"])


def validate(answers: dict[str, Any], family: str | None = None) -> None:
    family = family or family_of(answers["rubric"])
    schema = json.loads(answers_schema(family).read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator(schema).validate(answers)


@pytest.mark.parametrize("family", CALCULATORS)
def test_every_calculator_family_has_a_valid_schema(family: str) -> None:
    schema = json.loads(answers_schema(family).read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)


@pytest.mark.parametrize("vector", VALID, ids=[v["name"] for v in VALID])
def test_scored_answers_and_their_read_back_follow_the_schema(vector: dict[str, Any]) -> None:
    answers = {"rubric": vector["rubric"], **vector["answers"]}
    if "warnings" not in vector["expect"]:  # a figure that only warns need not follow the schema
        validate(answers)
    out = score_dict(None, json.dumps(answers, ensure_ascii=False))
    validate(out["answers"])


@pytest.mark.parametrize("rid", sorted(CATALOG.models))
def test_the_example_and_meta_follow_the_schema(rid: str) -> None:
    fam = BUILD_FAMILIES[family_of(rid)]
    if fam.example_answers is None:
        pytest.skip("published for reading only")  # not a gap: the family has no calculator
    example = fam.example_answers(CATALOG.models[rid])
    assert score_dict(None, json.dumps(example, ensure_ascii=False))["ok"] is True
    validate(
        {**example, "meta": {"company": "某某机械有限公司", "date": "2026-11-23", "x": "二厂"}}
    )
    with pytest.raises(jsonschema.ValidationError):
        validate({**example, "meta": {"company": 5}})
    with pytest.raises(jsonschema.ValidationError):
        validate({**example, "unknown": {}})
