"""The rubric families this package scores, found by the ``family`` key of a rubric file.

Adding a family = one YAML + one module per layer (``model/<family>.py``, ``answers/<family>.py``,
``scoring/<family>.py``, ``present/<family>.py``, its CSV export ``present/<family>_csv.py``) + one
entry here (and its build entry in ``build_scripts/families.py``). Nothing else dispatches on the
family.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from .model.dx_index import DxIndexRubric
from .model.requirement_document import RequirementDocument
from .model.smart_factory_national import SmartFactoryNationalRubric
from .model.smart_factory_tier import SmartFactoryTierRubric
from .model.sme import SmeRubric
from .model.tech_system_1295 import TechSystemRubric
from .present.common import Pairs, Words, check_pairs, headline_pairs
from .present.dx_index import score_answers as dx_score_answers
from .present.dx_index import summary_pairs as dx_summary
from .present.dx_index_csv import export_csv as dx_export_csv
from .present.smart_factory_national import score_answers as national_score_answers
from .present.smart_factory_national_csv import export_csv as national_export_csv
from .present.smart_factory_tier import score_answers as tier_score_answers
from .present.smart_factory_tier_csv import export_csv as tier_export_csv
from .present.sme import score_answers as sme_score_answers
from .present.sme import summary_pairs as sme_summary
from .present.sme_csv import export_csv as sme_export_csv
from .present.tech_system_1295 import score_answers as tech_score_answers
from .present.tech_system_1295_csv import export_csv as tech_export_csv


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


FAMILIES: dict[str, Family] = {
    f.name: f
    for f in (
        Family(
            "sme_digital_level",
            SmeRubric.from_dict,
            sme_score_answers,
            sme_export_csv,
            sme_summary,
        ),
        Family(
            "smart_factory_tier",
            SmartFactoryTierRubric.from_dict,
            tier_score_answers,
            tier_export_csv,
            check_pairs,
        ),
        Family("dx_index", DxIndexRubric.from_dict, dx_score_answers, dx_export_csv, dx_summary),
        Family(
            "smart_factory_national",
            SmartFactoryNationalRubric.from_dict,
            national_score_answers,
            national_export_csv,
            check_pairs,
        ),
        Family("tech_system_1295", TechSystemRubric.from_dict, tech_score_answers, tech_export_csv),
        # the requirement library: documents published for reading, never scored
        Family("requirement_document", RequirementDocument.from_dict, None),
    )
}


def family(name: str) -> Family:
    """The family named ``name``; KeyError for a family this package does not know."""
    return FAMILIES[name]
