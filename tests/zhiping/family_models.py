"""The models of the rubrics a test names, read straight from rubrics/."""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

import yaml

from zhiping import catalog
from zhiping.families import family
from zhiping.present.common import Words

ROOT = Path(__file__).resolve().parents[2]


@cache
def model(rubric_id: str) -> Any:
    for folder in (ROOT / "rubrics",):
        path = folder / f"{rubric_id}.yaml"
        if path.exists():
            data = yaml.safe_load(path.read_text(encoding="utf-8"))
            return family(data["family"]).model(data)
    raise FileNotFoundError(rubric_id)


def words(lang: str) -> Words:
    return Words(catalog.ui(), lang)
