"""Shared test setup: the package data is regenerated from rubrics/*.yaml before any test runs."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "calculator"))
sys.path.insert(0, str(ROOT))

from build_scripts.bundle import write_package_data  # noqa: E402
from build_scripts.load import load  # noqa: E402

write_package_data(load())

VECTOR_FILES = sorted((ROOT / "tests" / "vectors").glob("*.json"))


def vectors() -> list[dict[str, Any]]:
    out = []
    for path in VECTOR_FILES:
        data = json.loads(path.read_text(encoding="utf-8"))
        out += [{**v, "rubric": data["rubric"]} for v in data["vectors"]]
    return out


@pytest.fixture(scope="session")
def root() -> Path:
    return ROOT
