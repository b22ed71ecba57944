"""Build pieces of the national smart-factory checklist (智能工厂梯度培育要素条件 2025): schema,
checks, and what its page template needs."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from zhiping.model.smart_factory_national import SmartFactoryNationalRubric
from zhiping.validate import Issue
from zhiping.validate.smart_factory_national import check_smart_factory_national

from ..paths import RUBRICS

FAMILY = "smart_factory_national"
SCHEMA = RUBRICS / "schema" / f"{FAMILY}.schema.json"


def check(model: SmartFactoryNationalRubric, data: dict[str, Any], file: str) -> list[Issue]:
    return check_smart_factory_national(model, data, file)


def page_context(
    m: SmartFactoryNationalRubric, peers: Sequence[SmartFactoryNationalRubric]
) -> dict[str, Any]:
    return {}
