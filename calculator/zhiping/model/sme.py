"""The SME digital-level rubric (《中小企业数字化水平评测指标》) as frozen dataclasses, read from
the dict that rubrics/sme-digital-level-2024.yaml (or its JSON bundle) holds.

Each class has ``from_dict`` (naming the bad path when the data is malformed) and ``to_dict``
(its mirror). Weights are kept as exact fractions of 1.
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction
from functools import cached_property
from typing import Any

from .common import (
    Decision,
    ModelError,
    Range,
    Text,
    _get,
    _int,
    _list,
    _num_out,
    _str,
    _text_opt,
    exact,
)


@dataclass(frozen=True)
class Option:
    label: Text
    none: bool = False
    range: Range | None = None
    direction: str | None = None

    @classmethod
    def from_dict(cls, d: Any, path: str) -> Option:
        return cls(
            label=Text.from_dict(_get(d, "label", path), f"{path}.label"),
            none=bool(d.get("none", False)),
            range=Range.from_dict(d["range"], f"{path}.range") if "range" in d else None,
            direction=d.get("direction"),
        )

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"label": self.label.to_dict()}
        if self.none:
            out["none"] = True
        if self.range is not None:
            out["range"] = self.range.to_dict()
        if self.direction is not None:
            out["direction"] = self.direction
        return out


@dataclass(frozen=True)
class Field:
    """An optional raw number the official form asks for next to a question (具体数据)."""

    id: str
    label: Text
    unit: Text
    integer: bool = False
    helper: str | None = None  # "energy": may be given as quantities by energy type
    # Parts of the field worded by this project, not the official form ("label", "unit"); the
    # official blank is the question's form_text.
    ours: tuple[str, ...] = ()
    # The largest plausible value (a rate in % is at most 100); a larger figure warns.
    maximum: Fraction | None = None

    @property
    def label_is_ours(self) -> bool:
        return "label" in self.ours

    @property
    def unit_is_ours(self) -> bool:
        return "unit" in self.ours

    @classmethod
    def from_dict(cls, d: Any, path: str) -> Field:
        ours = d.get("ours", [])
        if not isinstance(ours, list) or not all(x in ("label", "unit") for x in ours):
            raise ModelError(f"{path}.ours", "expected a list of 'label' and 'unit'")
        return cls(
            id=str(_get(d, "id", path)),
            label=Text.from_dict(_get(d, "label", path), f"{path}.label"),
            unit=Text.from_dict(_get(d, "unit", path), f"{path}.unit"),
            integer=bool(d.get("integer", False)),
            helper=d.get("helper"),
            ours=tuple(ours),
            maximum=exact(d["max"], f"{path}.max") if "max" in d else None,
        )

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "id": self.id,
            "label": self.label.to_dict(),
            "unit": self.unit.to_dict(),
        }
        if self.integer:
            out["integer"] = True
        if self.helper is not None:
            out["helper"] = self.helper
        if self.ours:
            out["ours"] = list(self.ours)
        if self.maximum is not None:
            out["max"] = _num_out(self.maximum)
        return out


@dataclass(frozen=True)
class FieldRef:
    """A field of a question: ``"total_devices"`` (own question) or ``"2.total_devices"``."""

    question: int
    field: str

    @classmethod
    def parse(cls, ref: Any, own: int, path: str) -> FieldRef:
        if not isinstance(ref, str) or not ref:
            raise ModelError(path, "expected a field reference")
        if "." in ref:
            q, _, f = ref.partition(".")
            if not q.isdigit():
                raise ModelError(path, f"bad field reference {ref!r}")
            return cls(int(q), f)
        return cls(own, ref)

    def to_str(self, own: int) -> str:
        return self.field if self.question == own else f"{self.question}.{self.field}"


@dataclass(frozen=True)
class Ratio:
    numerator: FieldRef
    denominator: FieldRef

    @classmethod
    def from_dict(cls, d: Any, own: int, path: str) -> Ratio:
        return cls(
            numerator=FieldRef.parse(_get(d, "numerator", path), own, f"{path}.numerator"),
            denominator=FieldRef.parse(_get(d, "denominator", path), own, f"{path}.denominator"),
        )

    def to_dict(self, own: int) -> dict[str, str]:
        return {
            "numerator": self.numerator.to_str(own),
            "denominator": self.denominator.to_str(own),
        }


@dataclass(frozen=True)
class Derive:
    """How raw numbers suggest an option.

    ``rate``: numerator / denominator × 100 %, the option whose range holds it.
    ``trend``: compare current and previous ratios; the option whose direction matches.
    """

    kind: str
    rate: Ratio | None = None
    current: Ratio | None = None
    previous: Ratio | None = None

    @classmethod
    def from_dict(cls, d: Any, own: int, path: str) -> Derive:
        kind = _get(d, "kind", path)
        if kind == "rate":
            return cls(kind=kind, rate=Ratio.from_dict(d, own, path))
        if kind == "trend":
            return cls(
                kind=kind,
                current=Ratio.from_dict(_get(d, "current", path), own, f"{path}.current"),
                previous=Ratio.from_dict(_get(d, "previous", path), own, f"{path}.previous"),
            )
        raise ModelError(f"{path}.kind", f"unknown derivation {kind!r}")

    def refs(self) -> tuple[FieldRef, ...]:
        ratios = [r for r in (self.rate, self.current, self.previous) if r is not None]
        return tuple(ref for r in ratios for ref in (r.numerator, r.denominator))

    def to_dict(self, own: int) -> dict[str, Any]:
        if self.rate is not None:
            return {"kind": self.kind, **self.rate.to_dict(own)}
        assert self.current is not None and self.previous is not None
        return {
            "kind": self.kind,
            "current": self.current.to_dict(own),
            "previous": self.previous.to_dict(own),
        }


@dataclass(frozen=True)
class Question:
    number: int
    type: str  # "single" | "multi"
    stem: Text
    options: tuple[Option, ...]
    fields: tuple[Field, ...] = ()
    derive: Derive | None = None
    note: Text | None = None

    @property
    def is_multi(self) -> bool:
        return self.type == "multi"

    def field(self, field_id: str) -> Field | None:
        return next((f for f in self.fields if f.id == field_id), None)

    @classmethod
    def from_dict(cls, d: Any, path: str) -> Question:
        number = _int(d, "number", path)
        return cls(
            number=number,
            type=str(_get(d, "type", path)),
            stem=Text.from_dict(_get(d, "stem", path), f"{path}.stem"),
            options=tuple(
                Option.from_dict(o, f"{path}.options[{i}]")
                for i, o in enumerate(_list(d, "options", path))
            ),
            fields=tuple(
                Field.from_dict(f, f"{path}.fields[{i}]") for i, f in enumerate(d.get("fields", []))
            ),
            derive=Derive.from_dict(d["derive"], number, f"{path}.derive")
            if "derive" in d
            else None,
            note=_text_opt(d, "note", path),
        )

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "number": self.number,
            "type": self.type,
            "stem": self.stem.to_dict(),
            "options": [o.to_dict() for o in self.options],
        }
        if self.fields:
            out["fields"] = [f.to_dict() for f in self.fields]
        if self.derive is not None:
            out["derive"] = self.derive.to_dict(self.number)
        if self.note is not None:
            out["note"] = self.note.to_dict()
        return out


@dataclass(frozen=True)
class Item:
    """A data item (采集项): one question with its weight inside its indicator."""

    id: str
    name: Text
    weight: Fraction
    question: int

    @classmethod
    def from_dict(cls, d: Any, path: str) -> Item:
        return cls(
            id=str(_get(d, "id", path)),
            name=Text.from_dict(_get(d, "name", path), f"{path}.name"),
            weight=exact(_get(d, "weight", path), f"{path}.weight") / 100,
            question=int(_get(d, "question", path)),
        )

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "name": self.name.to_dict(),
            "weight": _num_out(self.weight * 100),
            "question": self.question,
        }


@dataclass(frozen=True)
class Indicator:
    id: str
    name: Text
    weight: Fraction
    items: tuple[Item, ...]

    @classmethod
    def from_dict(cls, d: Any, path: str) -> Indicator:
        return cls(
            id=str(_get(d, "id", path)),
            name=Text.from_dict(_get(d, "name", path), f"{path}.name"),
            weight=exact(_get(d, "weight", path), f"{path}.weight") / 100,
            items=tuple(
                Item.from_dict(x, f"{path}.items[{i}]")
                for i, x in enumerate(_list(d, "items", path))
            ),
        )

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "name": self.name.to_dict(),
            "weight": _num_out(self.weight * 100),
            "items": [x.to_dict() for x in self.items],
        }


@dataclass(frozen=True)
class Dimension:
    id: str
    name: Text
    weight: Fraction
    indicators: tuple[Indicator, ...]

    @classmethod
    def from_dict(cls, d: Any, path: str) -> Dimension:
        return cls(
            id=str(_get(d, "id", path)),
            name=Text.from_dict(_get(d, "name", path), f"{path}.name"),
            weight=exact(_get(d, "weight", path), f"{path}.weight") / 100,
            indicators=tuple(
                Indicator.from_dict(x, f"{path}.indicators[{i}]")
                for i, x in enumerate(_list(d, "indicators", path))
            ),
        )

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "name": self.name.to_dict(),
            "weight": _num_out(self.weight * 100),
            "indicators": [x.to_dict() for x in self.indicators],
        }


@dataclass(frozen=True)
class Scenario:
    id: str
    name: Text
    constrained: bool
    levels: tuple[Text, ...]

    @classmethod
    def from_dict(cls, d: Any, path: str) -> Scenario:
        return cls(
            id=str(_get(d, "id", path)),
            name=Text.from_dict(_get(d, "name", path), f"{path}.name"),
            constrained=bool(_get(d, "constrained", path)),
            levels=tuple(
                Text.from_dict(t, f"{path}.levels[{i}]")
                for i, t in enumerate(_list(d, "levels", path))
            ),
        )

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "name": self.name.to_dict(),
            "constrained": self.constrained,
            "levels": [t.to_dict() for t in self.levels],
        }


@dataclass(frozen=True)
class ScenarioGroup:
    id: str
    name: Text
    scenarios: tuple[Scenario, ...]

    @classmethod
    def from_dict(cls, d: Any, path: str) -> ScenarioGroup:
        return cls(
            id=str(_get(d, "id", path)),
            name=Text.from_dict(_get(d, "name", path), f"{path}.name"),
            scenarios=tuple(
                Scenario.from_dict(x, f"{path}.scenarios[{i}]")
                for i, x in enumerate(_list(d, "scenarios", path))
            ),
        )

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "name": self.name.to_dict(),
            "scenarios": [x.to_dict() for x in self.scenarios],
        }


@dataclass(frozen=True)
class Level:
    """An overall level with its three conditions (score, scenarios, constrained scenarios)."""

    rank: int
    name: Text
    title: Text
    min_score: Fraction
    min_scenarios: int
    min_constrained: int

    @classmethod
    def from_dict(cls, d: Any, path: str) -> Level:
        return cls(
            rank=int(_get(d, "rank", path)),
            name=Text.from_dict(_get(d, "name", path), f"{path}.name"),
            title=Text.from_dict(_get(d, "title", path), f"{path}.title"),
            min_score=exact(_get(d, "min_score", path), f"{path}.min_score"),
            min_scenarios=int(_get(d, "min_scenarios", path)),
            min_constrained=int(_get(d, "min_constrained", path)),
        )

    def to_dict(self) -> dict[str, Any]:
        return {
            "rank": self.rank,
            "name": self.name.to_dict(),
            "title": self.title.to_dict(),
            "min_score": _num_out(self.min_score),
            "min_scenarios": self.min_scenarios,
            "min_constrained": self.min_constrained,
        }


@dataclass(frozen=True)
class ScenarioLevel:
    rank: int
    name: Text
    description: Text

    @classmethod
    def from_dict(cls, d: Any, path: str) -> ScenarioLevel:
        return cls(
            rank=int(_get(d, "rank", path)),
            name=Text.from_dict(_get(d, "name", path), f"{path}.name"),
            description=Text.from_dict(_get(d, "description", path), f"{path}.description"),
        )

    def to_dict(self) -> dict[str, Any]:
        return {
            "rank": self.rank,
            "name": self.name.to_dict(),
            "description": self.description.to_dict(),
        }


@dataclass(frozen=True)
class EnergyRow:
    id: str
    name: Text
    unit: Text
    factor: Fraction
    factor_unit: Text
    # False where the official table prints the bare factor (1 for rows already in tce): show
    # the factor without factor_unit.
    factor_unit_printed: bool = True

    @classmethod
    def from_dict(cls, d: Any, path: str) -> EnergyRow:
        return cls(
            id=str(_get(d, "id", path)),
            name=Text.from_dict(_get(d, "name", path), f"{path}.name"),
            unit=Text.from_dict(_get(d, "unit", path), f"{path}.unit"),
            factor=exact(_get(d, "factor", path), f"{path}.factor"),
            factor_unit=Text.from_dict(_get(d, "factor_unit", path), f"{path}.factor_unit"),
            factor_unit_printed=bool(d.get("factor_unit_printed", True)),
        )

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "id": self.id,
            "name": self.name.to_dict(),
            "unit": self.unit.to_dict(),
            "factor": str(_num_out(self.factor)),
            "factor_unit": self.factor_unit.to_dict(),
        }
        if not self.factor_unit_printed:
            out["factor_unit_printed"] = False
        return out


@dataclass(frozen=True)
class SmeRubric:
    """《中小企业数字化水平评测指标》: scored questions plus graded business scenarios."""

    id: str
    family: str
    title: Text
    short_title: Text
    number: str
    item_max: Fraction
    single_choice_points: dict[int, tuple[Fraction, ...]]
    dimensions: tuple[Dimension, ...]
    questions: tuple[Question, ...]
    scenario_levels: tuple[ScenarioLevel, ...]
    scenario_none: Text
    scenario_groups: tuple[ScenarioGroup, ...]
    levels: tuple[Level, ...]
    no_level: Text
    energy: tuple[EnergyRow, ...]
    decisions: tuple[Decision, ...]
    # The official mark of a constrained scenario ("*") and its legend (remark 1 under the
    # scenario table), e.g. "“*”为约束性场景。".
    scenario_constrained_mark: str
    scenario_constrained_note: Text

    # Lookups derived once from the fields (cached_property writes to the instance dict directly,
    # so the dataclass stays frozen and equal instances stay equal).
    @cached_property
    def scenarios(self) -> tuple[Scenario, ...]:
        return tuple(s for g in self.scenario_groups for s in g.scenarios)

    @cached_property
    def _questions(self) -> dict[int, Question]:
        return {q.number: q for q in self.questions}

    @cached_property
    def _scenarios(self) -> dict[str, Scenario]:
        return {s.id: s for s in self.scenarios}

    @cached_property
    def _weights(self) -> dict[int, Fraction]:
        return {
            item.question: item.weight * ind.weight * dim.weight
            for dim in self.dimensions
            for ind in dim.indicators
            for item in ind.items
        }

    def question(self, number: int) -> Question | None:
        return self._questions.get(number)

    def scenario(self, scenario_id: str) -> Scenario | None:
        return self._scenarios.get(scenario_id)

    def energy_row(self, row_id: str) -> EnergyRow | None:
        return next((r for r in self.energy if r.id == row_id), None)

    def weight_of(self, number: int) -> Fraction:
        """The share of the total carried by question ``number`` (item × indicator × dimension)."""
        return self._weights[number]

    @classmethod
    def from_dict(cls, d: Any, path: str = "") -> SmeRubric:
        scoring = _get(d, "scoring", path)
        points = _get(scoring, "single_choice_points", f"{path}.scoring")
        if not isinstance(points, dict):
            raise ModelError(f"{path}.scoring.single_choice_points", "expected a mapping")
        energy = d.get("energy_table", {}).get("rows", [])
        return cls(
            id=str(_get(d, "id", path)),
            family=str(_get(d, "family", path)),
            title=Text.from_dict(_get(d, "title", path), f"{path}.title"),
            short_title=Text.from_dict(_get(d, "short_title", path), f"{path}.short_title"),
            number=str(_get(_get(d, "source", path), "number", f"{path}.source")),
            item_max=exact(
                _get(scoring, "item_max", f"{path}.scoring"), f"{path}.scoring.item_max"
            ),
            single_choice_points={
                int(k): tuple(
                    exact(v, f"{path}.scoring.single_choice_points.{k}[{i}]")
                    for i, v in enumerate(vals)
                )
                for k, vals in points.items()
            },
            dimensions=tuple(
                Dimension.from_dict(x, f"{path}.dimensions[{i}]")
                for i, x in enumerate(_list(d, "dimensions", path))
            ),
            questions=tuple(
                Question.from_dict(x, f"{path}.questions[{i}]")
                for i, x in enumerate(_list(d, "questions", path))
            ),
            scenario_levels=tuple(
                ScenarioLevel.from_dict(x, f"{path}.scenario_levels[{i}]")
                for i, x in enumerate(_list(d, "scenario_levels", path))
            ),
            scenario_none=Text.from_dict(_get(d, "scenario_none", path), f"{path}.scenario_none"),
            scenario_groups=tuple(
                ScenarioGroup.from_dict(x, f"{path}.scenario_groups[{i}]")
                for i, x in enumerate(_list(d, "scenario_groups", path))
            ),
            levels=tuple(
                Level.from_dict(x, f"{path}.levels[{i}]")
                for i, x in enumerate(_list(d, "levels", path))
            ),
            no_level=Text.from_dict(_get(d, "no_level", path), f"{path}.no_level"),
            energy=tuple(
                EnergyRow.from_dict(x, f"{path}.energy_table.rows[{i}]")
                for i, x in enumerate(energy)
            ),
            decisions=tuple(
                Decision.from_dict(x, f"{path}.decisions[{i}]")
                for i, x in enumerate(d.get("decisions", []))
            ),
            scenario_constrained_mark=_str(d, "scenario_constrained_mark", path),
            scenario_constrained_note=Text.from_dict(
                _get(d, "scenario_constrained_note", path), f"{path}.scenario_constrained_note"
            ),
        )

    def to_dict(self) -> dict[str, Any]:
        """The scoring-relevant part of the rubric, in the shape ``from_dict`` reads."""
        return {
            "id": self.id,
            "family": self.family,
            "title": self.title.to_dict(),
            "short_title": self.short_title.to_dict(),
            "source": {"number": self.number},
            "scoring": {
                "item_max": _num_out(self.item_max),
                "single_choice_points": {
                    k: [_num_out(v) for v in vals] for k, vals in self.single_choice_points.items()
                },
            },
            "dimensions": [x.to_dict() for x in self.dimensions],
            "questions": [x.to_dict() for x in self.questions],
            "scenario_levels": [x.to_dict() for x in self.scenario_levels],
            "scenario_none": self.scenario_none.to_dict(),
            "scenario_groups": [x.to_dict() for x in self.scenario_groups],
            "levels": [x.to_dict() for x in self.levels],
            "no_level": self.no_level.to_dict(),
            "energy_table": {"rows": [x.to_dict() for x in self.energy]},
            "decisions": [x.to_dict() for x in self.decisions],
            "scenario_constrained_mark": self.scenario_constrained_mark,
            "scenario_constrained_note": self.scenario_constrained_note.to_dict(),
        }
