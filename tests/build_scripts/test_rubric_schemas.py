"""The rubric JSON Schemas of the transcribed families: valid draft 2020-12, every property
described."""

from __future__ import annotations

import json

import jsonschema
import pytest

from build_scripts.paths import SCHEMAS

FAMILIES = ["smart_factory_tier", "smart_factory_national", "tech_system_1295"]


def schema(family: str) -> dict:  # type: ignore[type-arg]
    path = SCHEMAS / f"{family}.schema.json"
    loaded: dict = json.loads(path.read_text(encoding="utf-8"))  # type: ignore[type-arg]
    return loaded


@pytest.mark.parametrize("family", FAMILIES)
def test_schema_is_valid_draft_2020_12(family: str) -> None:
    s = schema(family)
    jsonschema.Draft202012Validator.check_schema(s)
    assert s["$schema"] == "https://json-schema.org/draft/2020-12/schema"


@pytest.mark.parametrize("family", FAMILIES)
def test_every_schema_property_has_a_description(family: str) -> None:
    missing = []

    def walk(node: object, path: str) -> None:
        if isinstance(node, dict):
            for name, sub in (node.get("properties") or {}).items():
                if not isinstance(sub, dict) or not sub.get("description"):
                    missing.append(f"{path}.{name}")
            for k, v in node.items():
                walk(v, f"{path}.{k}")
        elif isinstance(node, list):
            for i, v in enumerate(node):
                walk(v, f"{path}[{i}]")

    walk(schema(family), "$")
    assert not missing
