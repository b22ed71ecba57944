"""Smart-factory tiers (智能工厂梯度: 基础级 / 先进级 / 卓越级 / 领航级) of a province, as frozen
dataclasses read from rubrics/smart-factory-tier-<province>-2025.yaml: the tiers with their
scenario, segment, maturity and score conditions, the five big segments, the table segments mapped
onto them, and the 40 scenarios with one description per tier ("/" = not available at that tier).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from typing import Any

from .common import Decision, ModelError, Text, _get, _int, _list, _many, _str, _str_or_none

NOT_AVAILABLE = "/"


@dataclass(frozen=True)
class Segment:
    """One of the five big segments (环节) a tier must cover."""

    id: str
    name: Text

    @classmethod
    def from_dict(cls, d: Any, path: str) -> Segment:
        return cls(_str(d, "id", path), Text.from_dict(_get(d, "name", path), f"{path}.name"))

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "name": self.name.to_dict()}


@dataclass(frozen=True)
class TableSegment:
    """A segment of the scenario table, mapped onto a big segment (or none)."""

    id: str
    name: Text
    segment: str | None

    @classmethod
    def from_dict(cls, d: Any, path: str) -> TableSegment:
        segment = d.get("segment") if isinstance(d, dict) else None
        if segment is not None and not isinstance(segment, str):
            raise ModelError(f"{path}.segment", "expected a segment id or null")
        return cls(
            _str(d, "id", path), Text.from_dict(_get(d, "name", path), f"{path}.name"), segment
        )

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "name": self.name.to_dict(), "segment": self.segment}


@dataclass(frozen=True)
class Tier:
    id: str
    rank: int
    name: Text
    min_scenarios: int
    min_maturity: int
    required_segments: tuple[str, ...]
    min_score_exclusive: int | None  # the 通用评估 score must be strictly above this (Jiangsu)
    advised_score_exclusive: int | None = None  # advice only (decision B1): never a condition
    advice: Text | None = None

    @classmethod
    def from_dict(cls, d: Any, path: str) -> Tier:
        gate = d.get("score_gate") if isinstance(d, dict) else None
        advice = gate.get("advice") if isinstance(gate, dict) else None
        return cls(
            id=_str(d, "id", path),
            rank=_int(d, "rank", path),
            name=Text.from_dict(_get(d, "name", path), f"{path}.name"),
            min_scenarios=_int(d, "min_scenarios", path),
            min_maturity=_int(d, "min_maturity", path),
            required_segments=tuple(str(s) for s in _list(d, "required_segments", path)),
            min_score_exclusive=gate.get("min_score_exclusive") if isinstance(gate, dict) else None,
            advised_score_exclusive=(
                gate.get("advised_min_score_exclusive") if isinstance(gate, dict) else None
            ),
            advice=Text.from_dict(advice, f"{path}.score_gate.advice") if advice else None,
        )


@dataclass(frozen=True)
class TierScenario:
    """A typical scenario: one description per tier, None where the table has "/"."""

    number: int
    id: str
    table_segment: str
    name: Text
    cells: tuple[Text | None, ...]

    @classmethod
    def from_dict(cls, d: Any, path: str) -> TierScenario:
        cells: list[Text | None] = []
        for i, cell in enumerate(_list(d, "cells", path)):
            cells.append(
                None if cell == NOT_AVAILABLE else Text.from_dict(cell, f"{path}.cells[{i}]")
            )
        return cls(
            number=_int(d, "number", path),
            id=_str(d, "id", path),
            table_segment=_str(d, "table_segment", path),
            name=Text.from_dict(_get(d, "name", path), f"{path}.name"),
            cells=tuple(cells),
        )

    def available(self, rank: int) -> bool:
        """Whether the table describes this scenario at tier ``rank`` (counted from 1)."""
        return rank <= len(self.cells) and self.cells[rank - 1] is not None


@dataclass(frozen=True)
class SmartFactoryTierRubric:
    """A province's smart-factory tier rules: tiers, segments and the scenario table."""

    id: str
    family: str
    title: Text
    short_title: Text
    province: Text
    segments: tuple[Segment, ...]
    table_segments: tuple[TableSegment, ...]
    tiers: tuple[Tier, ...]
    scenarios: tuple[TierScenario, ...]
    decisions: tuple[Decision, ...]
    score_rubric: str | None = None  # the rubric whose self-evaluation gives the gated score
    number: str | None = None  # the document number (文号) of source.number; None: none printed

    @classmethod
    def from_dict(cls, d: Any, path: str = "") -> SmartFactoryTierRubric:
        gates = [
            b["score_gate"]
            for b in d.get("base_requirements", [])
            if isinstance(b, dict) and isinstance(b.get("score_gate"), dict)
        ]
        return cls(
            score_rubric=next((g["rubric"] for g in gates if "rubric" in g), None),
            id=_str(d, "id", path),
            family=_str(d, "family", path),
            title=Text.from_dict(_get(d, "title", path), "title"),
            short_title=Text.from_dict(_get(d, "short_title", path), "short_title"),
            province=Text.from_dict(_get(d, "province", path), "province"),
            segments=_many(d, "segments", path, Segment.from_dict),
            table_segments=_many(d, "table_segments", path, TableSegment.from_dict),
            tiers=_many(d, "tiers", path, Tier.from_dict),
            scenarios=_many(d, "scenarios", path, TierScenario.from_dict),
            decisions=_many(d, "decisions", path, Decision.from_dict),
            number=_str_or_none(_get(d, "source", path), "number", "source"),
        )

    @cached_property
    def _table_segments(self) -> dict[str, TableSegment]:
        return {s.id: s for s in self.table_segments}

    @property
    def score_gated(self) -> bool:
        """Whether some tier needs the general-assessment score (Jiangsu), so the form asks it."""
        return any(t.min_score_exclusive is not None for t in self.tiers)

    def segment(self, segment_id: str) -> Segment:
        return next(s for s in self.segments if s.id == segment_id)

    def scenario_by_number(self, number: int) -> TierScenario | None:
        return next((s for s in self.scenarios if s.number == number), None)

    def segment_of(self, scenario: TierScenario) -> str | None:
        """The big segment a scenario covers (None: 多环节模式创新 and the like cover none)."""
        ts = self._table_segments.get(scenario.table_segment)
        return ts.segment if ts else None
