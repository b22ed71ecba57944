"""Build pieces of the technology innovation system ("1295"): schema, checks, and what its page
template needs."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from zhiping.model.tech_system_1295 import TechSystemRubric
from zhiping.validate import Issue
from zhiping.validate.tech_system_1295 import check_tech_system_1295

from ..paths import RUBRICS

FAMILY = "tech_system_1295"
SCHEMA = RUBRICS / "schema" / f"{FAMILY}.schema.json"


def check(model: TechSystemRubric, data: dict[str, Any], file: str) -> list[Issue]:
    return check_tech_system_1295(model, data, file)


def page_context(model: TechSystemRubric, peers: Sequence[TechSystemRubric]) -> dict[str, Any]:
    return {}
