"""Golden vectors replayed on CPython (the same files are replayed on Node and in Chromium)."""

from __future__ import annotations

import json
from typing import Any

import pytest

from tests.conftest import vectors
from tests.vectors.observe import answers_text, mismatches
from zhiping.api import score_json

VECTORS = vectors()


def test_there_are_golden_vectors() -> None:
    assert len(VECTORS) >= 15


@pytest.mark.parametrize("vector", VECTORS, ids=[v["name"] for v in VECTORS])
def test_vector(vector: dict[str, Any]) -> None:
    result = json.loads(score_json(vector["rubric"], answers_text(vector), vector["lang"]))
    assert mismatches(result, vector["expect"]) == []
