"""The national smart-factory checklist (智能工厂梯度培育要素条件（2025年版）) as frozen
dataclasses read from rubrics/smart-factory-national-2025.yaml: basic requirements, the five big
segments and the 8 segments of the 2025 scenario guide mapped onto them, the four tiers with their
machine-read conditions, the KPI positions, the 21 reference KPIs and the guide's 40 scenarios.

Percentages are exact: ``min_ai_share`` is a ``Fraction`` of 1 (20 % → 1/5).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from fractions import Fraction
from functools import cached_property
from typing import Any

from .common import (
    Decision,
    ModelError,
    Text,
    _at,
    _bool,
    _get,
    _int,
    _many,
    _str,
    _str_or_none,
    _strs,
    _text,
    exact,
)

DECLARED = "declared"  # base requirement answered yes/no (decision N12)
MATURITY = "maturity"  # base requirement checked against the tier's min_maturity (decision N7)


@dataclass(frozen=True)
class BaseRequirement:
    """One of the five basic requirements (基础要求), binding at every tier."""

    id: str
    number: int
    title: Text
    text: Text
    check: str  # DECLARED or MATURITY

    @classmethod
    def from_dict(cls, d: Any, path: str) -> BaseRequirement:
        check = _str(d, "check", path)
        if check not in (DECLARED, MATURITY):
            raise ModelError(_at(path, "check"), f"expected {DECLARED!r} or {MATURITY!r}")
        return cls(
            id=_str(d, "id", path),
            number=_int(d, "number", path),
            title=_text(d, "title", path),
            text=_text(d, "text", path),
            check=check,
        )


@dataclass(frozen=True)
class Segment:
    """One of the five big segments (环节), defined by its note [n] through the guide's segments."""

    id: str
    name: Text
    note_number: int
    note: Text

    @classmethod
    def from_dict(cls, d: Any, path: str) -> Segment:
        note = _get(d, "note", path)
        where = _at(path, "note")
        return cls(
            id=_str(d, "id", path),
            name=_text(d, "name", path),
            note_number=_int(note, "number", where),
            note=_text(note, "text", where),
        )


@dataclass(frozen=True)
class GuideSegment:
    """One of the 8 segments of the 2025 scenario guide, mapped onto a big segment."""

    id: str
    number: int
    name: Text
    segment: str
    mapping_note_number: int

    @classmethod
    def from_dict(cls, d: Any, path: str) -> GuideSegment:
        return cls(
            id=_str(d, "id", path),
            number=_int(d, "number", path),
            name=_text(d, "name", path),
            segment=_str(d, "segment", path),
            mapping_note_number=_int(d, "mapping_note_number", path),
        )


@dataclass(frozen=True)
class KpiPosition:
    """A declared position of the main technical-economic indicators; a higher rank includes the
    lower ones (decision N6)."""

    id: str
    rank: int
    name: Text

    @classmethod
    def from_dict(cls, d: Any, path: str) -> KpiPosition:
        return cls(_str(d, "id", path), _int(d, "rank", path), _text(d, "name", path))


@dataclass(frozen=True)
class Prerequisite:
    """The tier the enterprise must already hold: self-assessed or recognized (decision N8)."""

    tier: str
    certified: bool
    text: Text

    @classmethod
    def from_dict(cls, d: Any, path: str) -> Prerequisite:
        return cls(_str(d, "tier", path), _bool(d, "certified", path), _text(d, "text", path))


@dataclass(frozen=True)
class ApplicationCondition:
    """A numbered application condition of the notice; ``declaration`` is the yes/no answer it asks
    for, None when it is checked otherwise or not at all (decision N9)."""

    number: int
    text: Text
    declaration: str | None

    @classmethod
    def from_dict(cls, d: Any, path: str) -> ApplicationCondition:
        return cls(
            _int(d, "number", path), _text(d, "text", path), _str_or_none(d, "declaration", path)
        )


@dataclass(frozen=True)
class NationalTier:
    """One tier with its machine-read conditions (decisions N3–N9)."""

    id: str
    rank: int
    name: Text
    required_segments: tuple[str, ...]
    coverage_wording: str  # at_least / in_principle / must (decision N4)
    min_maturity: int
    min_ai_share: Fraction | None  # of 1; None: no minimum
    kpi_position: str
    prerequisite: Prerequisite | None
    application: tuple[ApplicationCondition, ...]

    @classmethod
    def from_dict(cls, d: Any, path: str) -> NationalTier:
        share = _get(d, "min_ai_share_percent", path)
        prerequisite = _get(d, "prerequisite", path)
        application = _get(d, "application", path)
        where = _at(path, "application")
        return cls(
            id=_str(d, "id", path),
            rank=_int(d, "rank", path),
            name=_text(d, "name", path),
            required_segments=_strs(d, "required_segments", path),
            coverage_wording=_str(d, "coverage_wording", path),
            min_maturity=_int(d, "min_maturity", path),
            min_ai_share=None
            if share is None
            else exact(share, _at(path, "min_ai_share_percent")) / 100,
            kpi_position=_str(d, "kpi_position", path),
            prerequisite=None
            if prerequisite is None
            else Prerequisite.from_dict(prerequisite, _at(path, "prerequisite")),
            application=()
            if application is None
            else _many(application, "conditions", where, ApplicationCondition.from_dict),
        )

    @property
    def declarations(self) -> tuple[str, ...]:
        """The yes/no declarations this tier's application conditions ask for, in order."""
        out: list[str] = []
        for c in self.application:
            if c.declaration is not None and c.declaration not in out:
                out.append(c.declaration)
        return tuple(out)


@dataclass(frozen=True)
class Declaration:
    """A yes/no declaration asked for by an application condition."""

    id: str
    name: Text

    @classmethod
    def from_dict(cls, d: Any, path: str) -> Declaration:
        return cls(_str(d, "id", path), _text(d, "name", path))


@dataclass(frozen=True)
class KpiGroup:
    id: str
    number: int
    name: Text

    @classmethod
    def from_dict(cls, d: Any, path: str) -> KpiGroup:
        return cls(_str(d, "id", path), _int(d, "number", path), _text(d, "name", path))


@dataclass(frozen=True)
class Kpi:
    """One reference KPI of the annexed table (no target value, never scored: decision N6)."""

    number: int
    group: str
    name: Text
    unit: Text

    @classmethod
    def from_dict(cls, d: Any, path: str) -> Kpi:
        return cls(
            number=_int(d, "number", path),
            group=_str(d, "group", path),
            name=_text(d, "name", path),
            unit=_text(d, "unit", path),
        )


@dataclass(frozen=True)
class GuideScenario:
    """One of the 40 typical scenarios of the 2025 guide."""

    number: int
    id: str
    guide_segment: str
    name: Text
    text: Text

    @classmethod
    def from_dict(cls, d: Any, path: str) -> GuideScenario:
        return cls(
            number=_int(d, "number", path),
            id=_str(d, "id", path),
            guide_segment=_str(d, "guide_segment", path),
            name=_text(d, "name", path),
            text=_text(d, "text", path),
        )


@dataclass(frozen=True)
class NationalDecision(Decision):
    """A decision, with the shared tier readings (B…) it applies here."""

    reuses: tuple[str, ...] = field(default=())

    @classmethod
    def from_dict(cls, d: Any, path: str) -> NationalDecision:
        base = Decision.from_dict(d, path)
        return cls(
            id=base.id,
            title=base.title,
            text=base.text,
            reason=base.reason,
            applies_to=base.applies_to,
            reuses=_strs(d, "reuses", path),
        )

    def to_dict(self) -> dict[str, Any]:
        return {**super().to_dict(), "reuses": list(self.reuses)}


@dataclass(frozen=True)
class SmartFactoryNationalRubric:
    """The national checklist: tiers, segments, KPI positions, KPIs and the guide's scenarios."""

    id: str
    family: str
    title: Text
    short_title: Text
    base_requirements: tuple[BaseRequirement, ...]
    segments: tuple[Segment, ...]
    guide_segments: tuple[GuideSegment, ...]
    kpi_positions: tuple[KpiPosition, ...]
    tiers: tuple[NationalTier, ...]
    declarations: tuple[Declaration, ...]
    kpi_groups: tuple[KpiGroup, ...]
    kpis: tuple[Kpi, ...]
    ai_share_kpi: int
    scenarios: tuple[GuideScenario, ...]
    decisions: tuple[NationalDecision, ...]
    number: str | None = None  # the document number (文号) of source.number; None: none printed

    @classmethod
    def from_dict(cls, d: Any, path: str = "") -> SmartFactoryNationalRubric:
        return cls(
            id=_str(d, "id", path),
            family=_str(d, "family", path),
            title=_text(d, "title", path),
            short_title=_text(d, "short_title", path),
            base_requirements=_many(d, "base_requirements", path, BaseRequirement.from_dict),
            segments=_many(d, "segments", path, Segment.from_dict),
            guide_segments=_many(d, "guide_segments", path, GuideSegment.from_dict),
            kpi_positions=_many(d, "kpi_positions", path, KpiPosition.from_dict),
            tiers=_many(d, "tiers", path, NationalTier.from_dict),
            declarations=_many(d, "declarations", path, Declaration.from_dict),
            kpi_groups=_many(d, "kpi_groups", path, KpiGroup.from_dict),
            kpis=_many(d, "kpis", path, Kpi.from_dict),
            ai_share_kpi=_int(d, "ai_share_kpi", path),
            scenarios=_many(d, "scenarios", path, GuideScenario.from_dict),
            decisions=_many(d, "decisions", path, NationalDecision.from_dict),
            number=_str_or_none(_get(d, "source", path), "number", "source"),
        )

    @cached_property
    def _guide_segments(self) -> dict[str, GuideSegment]:
        return {g.id: g for g in self.guide_segments}

    @cached_property
    def _positions(self) -> dict[str, int]:
        return {p.id: p.rank for p in self.kpi_positions}

    @cached_property
    def _tier_ranks(self) -> dict[str, int]:
        return {t.id: t.rank for t in self.tiers}

    def segment_of(self, scenario: GuideScenario) -> str | None:
        """The big segment a scenario covers, through its guide segment (notes [1]–[5])."""
        g = self._guide_segments.get(scenario.guide_segment)
        return g.segment if g else None

    def scenarios_in(self, segment: str) -> tuple[GuideScenario, ...]:
        """The scenarios that cover a big segment, in the guide's order."""
        return tuple(s for s in self.scenarios if self.segment_of(s) == segment)

    def position_rank(self, position: str) -> int | None:
        """The rank of a KPI position id (None: no such position)."""
        return self._positions.get(position)

    def tier_rank(self, tier: str) -> int | None:
        """The rank of a tier id (None: no such tier)."""
        return self._tier_ranks.get(tier)

    def declared_ids(self, tier: NationalTier) -> tuple[str, ...]:
        """Every yes/no answer the tier needs: basic requirements answered by declaration
        (decision N12), then the declarations of its application conditions (decision N9)."""
        base = tuple(b.id for b in self.base_requirements if b.check == DECLARED)
        return base + tuple(x for x in tier.declarations if x not in base)

    @cached_property
    def declaration_ids(self) -> tuple[str, ...]:
        """Every id an answers file may declare yes/no, in file order."""
        base = [b.id for b in self.base_requirements if b.check == DECLARED]
        return tuple(base + [d.id for d in self.declarations if d.id not in base])
