"""General assessment indicator systems (Jiangsu 通用评估指标体系, Inner Mongolia
智能制造能力评估体系) as frozen dataclasses, read from rubrics/<id>.yaml of family ``dx_index``:
indicators in groups, six level texts each (alternatives joined by 或 kept), 不涉及 where allowed,
the amounts of indicator 7 (collected, never scored), and the self-score band of each level with
its 基本/比较/非常符合 parts.
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction
from typing import Any

from .common import (
    Decision,
    Range,
    Text,
    _get,
    _int,
    _list,
    _many,
    _str,
    _str_or_none,
    _text_opt,
    exact,
)


@dataclass(frozen=True)
class DxLevel:
    rank: int
    text: Text
    alternatives: tuple[Text, ...]  # the parts joined by 或: meeting one of them is enough

    @classmethod
    def from_dict(cls, d: Any, path: str) -> DxLevel:
        alts = d.get("alternatives", []) if isinstance(d, dict) else []
        return cls(
            rank=_int(d, "rank", path),
            text=Text.from_dict(_get(d, "text", path), f"{path}.text"),
            alternatives=tuple(
                Text.from_dict(a, f"{path}.alternatives[{i}]") for i, a in enumerate(alts)
            ),
        )


@dataclass(frozen=True)
class Amount:
    """A figure collected without a score (indicator 7's investment amounts)."""

    id: str
    label: Text
    unit: Text
    part_of: str | None

    @classmethod
    def from_dict(cls, d: Any, path: str) -> Amount:
        return cls(
            id=_str(d, "id", path),
            label=Text.from_dict(_get(d, "label", path), f"{path}.label"),
            unit=Text.from_dict(_get(d, "unit", path), f"{path}.unit"),
            part_of=d.get("part_of"),
        )


@dataclass(frozen=True)
class DxIndicator:
    number: int
    id: str
    name: Text
    scored: bool
    not_applicable: Text | None  # the 不涉及 option's text, where the indicator allows it
    levels: tuple[DxLevel, ...]
    amounts: tuple[Amount, ...]

    @classmethod
    def from_dict(cls, d: Any, path: str) -> DxIndicator:
        return cls(
            number=_int(d, "number", path),
            id=_str(d, "id", path),
            name=Text.from_dict(_get(d, "name", path), f"{path}.name"),
            scored=bool(d.get("scored", True)),
            not_applicable=_text_opt(d, "not_applicable", path),
            levels=tuple(
                DxLevel.from_dict(x, f"{path}.levels[{i}]")
                for i, x in enumerate(d.get("levels", []))
            ),
            amounts=tuple(
                Amount.from_dict(x, f"{path}.amounts[{i}]")
                for i, x in enumerate(d.get("amounts", []))
            ),
        )


@dataclass(frozen=True)
class DxGroup:
    id: str
    name: Text
    indicators: tuple[DxIndicator, ...]

    @classmethod
    def from_dict(cls, d: Any, path: str) -> DxGroup:
        return cls(
            id=_str(d, "id", path),
            name=Text.from_dict(_get(d, "name", path), f"{path}.name"),
            indicators=_many(d, "indicators", path, DxIndicator.from_dict),
        )


@dataclass(frozen=True)
class SubBand:
    match: str  # basic / largely / fully: 基本 / 比较 / 非常符合
    label: Text
    range: Range


@dataclass(frozen=True)
class Band:
    """The self-scores a level allows: one fixed score (level 1: 0) or a range with three parts."""

    rank: int
    score: Fraction | None
    range: Range | None
    sub_bands: tuple[SubBand, ...]

    @classmethod
    def from_dict(cls, d: Any, path: str) -> Band:
        fixed = "score" in d
        subs = tuple(
            SubBand(
                _str(s, "match", f"{path}.sub_bands[{i}]"),
                Text.from_dict(_get(s, "label", f"{path}.sub_bands[{i}]"), f"{path}.label"),
                Range.from_dict(s, f"{path}.sub_bands[{i}]"),
            )
            for i, s in enumerate(d.get("sub_bands", []))
        )
        return cls(
            rank=_int(d, "rank", path),
            score=exact(d["score"], f"{path}.score") if fixed else None,
            range=None if fixed else Range.from_dict(d, path),
            sub_bands=subs,
        )

    def allows(self, score: Fraction) -> bool:
        return score == self.score if self.range is None else self.range.contains(score)


@dataclass(frozen=True)
class Gate:
    """What a score means elsewhere: a condition of the tiers ("required") or advice."""

    id: str
    kind: str  # required / advisory
    value: int  # the score must be strictly above it (decision B9)
    tier: str  # a tier id, or "all"
    text: Text

    @classmethod
    def from_dict(cls, d: Any, path: str) -> Gate:
        return cls(
            id=_str(d, "id", path),
            kind=_str(d, "kind", path),
            value=_int(d, "value", path),
            tier=_str(d, "tier", path),
            text=Text.from_dict(_get(d, "text", path), f"{path}.text"),
        )


@dataclass(frozen=True)
class DxIndexRubric:
    id: str
    family: str
    title: Text
    short_title: Text
    groups: tuple[DxGroup, ...]
    bands: tuple[Band, ...]
    official_score: bool  # False: Inner Mongolia gives no score; a number is the Jiangsu method's
    decisions: tuple[Decision, ...]
    gates: tuple[Gate, ...] = ()
    reference_label: Text | None = None  # what a number is called where the score is not official
    scale_max: int = 100
    number: str | None = None  # the document number (文号) of source.number; None: none printed

    @classmethod
    def from_dict(cls, d: Any, path: str = "") -> DxIndexRubric:
        bands = _get(d, "bands", path)
        return cls(
            id=_str(d, "id", path),
            family=_str(d, "family", path),
            title=Text.from_dict(_get(d, "title", path), "title"),
            short_title=Text.from_dict(_get(d, "short_title", path), "short_title"),
            groups=_many(d, "groups", path, DxGroup.from_dict),
            bands=tuple(
                Band.from_dict(b, f"bands.levels[{i}]")
                for i, b in enumerate(_list(bands, "levels", "bands"))
            ),
            official_score=bool(_get(_get(d, "scoring", path), "official", "scoring")),
            decisions=_many(d, "decisions", path, Decision.from_dict),
            gates=_many(_get(d, "scoring", path), "gates", "scoring", Gate.from_dict),
            reference_label=_text_opt(_get(d, "scoring", path), "reference_label", "scoring"),
            scale_max=_int(_get(d, "scoring", path), "scale_max", "scoring"),
            number=_str_or_none(_get(d, "source", path), "number", "source"),
        )

    @property
    def indicators(self) -> tuple[DxIndicator, ...]:
        return tuple(i for g in self.groups for i in g.indicators)
