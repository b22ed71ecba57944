"""The rubrics and interface strings this package was built with (zhiping/data/bundle.json).

The bundle is generated from rubrics/*.yaml by build_scripts/bundle.py and shipped inside the wheel,
so the browser and the CLI score with exactly the same data.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

from .envelope import Edition
from .families import Family, family


@cache
def bundle() -> dict[str, Any]:
    # A plain file next to the package (importlib.resources costs ~15 ms more to import in Pyodide).
    text = (Path(__file__).parent / "data" / "bundle.json").read_text(encoding="utf-8")
    data: dict[str, Any] = json.loads(text)
    return data


def rubric_ids() -> list[str]:
    return list(bundle()["rubrics"])


def family_of(rubric_id: str) -> Family:
    """The family of a rubric of the bundle; KeyError if there is no such rubric."""
    return family(bundle()["rubrics"][rubric_id]["family"])


@cache
def rubric(rubric_id: str) -> Any:
    """The rubric's model (of its family's class); KeyError if the bundle has no such rubric."""
    return family_of(rubric_id).model(bundle()["rubrics"][rubric_id])


def ui() -> dict[str, Any]:
    data: dict[str, Any] = bundle()["ui"]
    return data


@cache
def edition(rubric_id: str) -> Edition:
    """The rubric's edition (``source.edition`` of its file) and what changed at each edition
    (``source.edition_changes``); KeyError if the bundle has no such rubric."""
    source = bundle()["rubrics"][rubric_id]["source"]
    changes = tuple(
        (str(c["edition"]), {k: str(v) for k, v in c["changes"].items()})
        for c in source.get("edition_changes", [])
    )
    return Edition(str(source["edition"]), changes)
