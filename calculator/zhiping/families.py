"""The rubric families this package scores, found by the ``family`` key of a rubric file.

Adding a family = one YAML + one module per layer (``model/<family>.py``, ``answers/<family>.py``,
``scoring/<family>.py``, ``present/<family>.py``, its CSV export ``present/<family>_csv.py``) + one
entry here (and its build entry in ``build_scripts/families.py``). Nothing else dispatches on the
family.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

from .present.common import Pairs, Words, check_pairs, headline_pairs


@dataclass(frozen=True)
class Family:
    """What the api needs of a family: its model, and answers → the api's result dict."""

    name: str
    model: Callable[[Any], Any]  # the rubric's dict → frozen model (ModelError names a bad path)
    # (model, answers object, words) → the api's dict; None: published for reading, not scored yet
    score: Callable[[Any, dict[str, Any], Words], dict[str, Any]] | None
    # (model, answers object, words) → {"ok", "name", "text"}: the answers as a CSV file; None: none
    export_csv: Callable[[Any, dict[str, Any], Words], dict[str, Any]] | None = None
    # (a scored result dict, words) → its key sub-scores as (label, value) pairs, labels unique:
    # the columns of a file's row in a batch summary (``python -m zhiping score … --summary``)
    summary: Callable[[dict[str, Any], Words], Pairs] = headline_pairs


def _load(path: str) -> Any:
    """``"present.sme:score_answers"`` → that object of this package (imported on first use)."""
    module, _, attr = path.partition(":")
    found: Any = importlib.import_module(f"{__package__}.{module}")
    for part in attr.split("."):
        found = getattr(found, part)
    return found


@dataclass(frozen=True)
class _Spec:
    """Where a family's layers live; imported when the family is first used, so that a page
    scoring one rubric imports one family (a fifth of the package's import time in Pyodide)."""

    model: str
    score: str | None
    export_csv: str | None = None
    summary: Callable[[dict[str, Any], Words], Pairs] | str = headline_pairs

    def load(self, name: str) -> Family:
        return Family(
            name,
            _load(self.model),
            _load(self.score) if self.score else None,
            _load(self.export_csv) if self.export_csv else None,
            _load(self.summary) if isinstance(self.summary, str) else self.summary,
        )


SPECS: dict[str, _Spec] = {
    "sme_digital_level": _Spec(
        "model.sme:SmeRubric.from_dict",
        "present.sme:score_answers",
        "present.sme_csv:export_csv",
        "present.sme:summary_pairs",
    ),
    "smart_factory_tier": _Spec(
        "model.smart_factory_tier:SmartFactoryTierRubric.from_dict",
        "present.smart_factory_tier:score_answers",
        "present.smart_factory_tier_csv:export_csv",
        check_pairs,
    ),
    "dx_index": _Spec(
        "model.dx_index:DxIndexRubric.from_dict",
        "present.dx_index:score_answers",
        "present.dx_index_csv:export_csv",
        "present.dx_index:summary_pairs",
    ),
    "smart_factory_national": _Spec(
        "model.smart_factory_national:SmartFactoryNationalRubric.from_dict",
        "present.smart_factory_national:score_answers",
        "present.smart_factory_national_csv:export_csv",
        check_pairs,
    ),
    "tech_system_1295": _Spec(
        "model.tech_system_1295:TechSystemRubric.from_dict",
        "present.tech_system_1295:score_answers",
        "present.tech_system_1295_csv:export_csv",
    ),
    # the requirement library: documents published for reading, never scored
    "requirement_document": _Spec("model.requirement_document:RequirementDocument.from_dict", None),
}


class _Families(dict[str, Family]):
    """Every family by name, each imported on first use (a test may replace one)."""

    def __missing__(self, name: str) -> Family:
        loaded = SPECS[name].load(name)  # KeyError for a family this package does not know
        self[name] = loaded
        return loaded

    def __iter__(self) -> Iterator[str]:
        return iter(SPECS)

    def __len__(self) -> int:
        return len(SPECS)

    def values(self) -> list[Family]:  # type: ignore[override]
        return [self[name] for name in SPECS]


FAMILIES: dict[str, Family] = _Families()


def family(name: str) -> Family:
    """The family named ``name``; KeyError for a family this package does not know."""
    return FAMILIES[name]


def load_all() -> None:
    """Imports every family now (the engine's snapshot for the next visit holds them all)."""
    for name in SPECS:
        FAMILIES[name]
