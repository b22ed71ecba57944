"""What the build needs of each rubric family, found by the YAML's ``family`` key: its JSON
Schema, its meaning checks, its page templates (``templates/<family>/``) and the extra context they
need. The scoring package's own registry is ``zhiping.families``; nothing else dispatches on the
family.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from zhiping.validate import Issue

from . import dx_calculator, national_calculator, sme, tech_calculator, tier_calculator
from . import dx_index as dx
from . import requirement_document as library
from . import smart_factory_national as national
from . import smart_factory_tier as sft
from . import tech_system_1295 as tech


@dataclass(frozen=True)
class BuildFamily:
    name: str
    schema: Path  # rubrics/schema/<family>.schema.json
    check: Callable[[Any, dict[str, Any], str], list[Issue]]  # (model, YAML dict, file) → issues
    # extra template context of one rubric: (its model, the models of the other rubrics of its
    # family) → context
    page_context: Callable[[Any, Sequence[Any]], dict[str, Any]]
    # a complete answers document (shown on the answers-format page and tested); None: no calculator
    example_answers: Callable[[Any], dict[str, Any]] | None = None
    # extra context of the calculator page (templates/<family>/calculator.md.j2)
    calculator_context: Callable[[Any], dict[str, Any]] = lambda m: {}

    @property
    def calculator(self) -> bool:
        """A calculator page (templates/<family>/calculator.md.j2) and a place in the wheel."""
        return self.example_answers is not None


BUILD_FAMILIES: dict[str, BuildFamily] = {
    f.name: f
    for f in (
        BuildFamily(sme.FAMILY, sme.SCHEMA, sme.check, sme.page_context, sme.example_answers),
        BuildFamily(
            dx.FAMILY,
            dx.SCHEMA,
            dx.check,
            dx.page_context,
            dx_calculator.example_answers,
            dx_calculator.calculator_context,
        ),
        BuildFamily(
            sft.FAMILY,
            sft.SCHEMA,
            sft.check,
            sft.page_context,
            tier_calculator.example_answers,
            tier_calculator.calculator_context,
        ),
        BuildFamily(
            national.FAMILY,
            national.SCHEMA,
            national.check,
            national.page_context,
            national_calculator.example_answers,
            national_calculator.calculator_context,
        ),
        BuildFamily(
            tech.FAMILY,
            tech.SCHEMA,
            tech.check,
            tech.page_context,
            tech_calculator.example_answers,
            tech_calculator.calculator_context,
        ),
        # the requirement library (rubrics/library/): documents published for reading
        BuildFamily(library.FAMILY, library.SCHEMA, library.check, library.page_context),
    )
}
