"""General assessment (通用评估) self-score: answers → score, with its arithmetic.

Rules (DECISIONS.md, Jiangsu general DX index; the rubric's decisions D2–D5, D9, D12): each scored
indicator takes one level and a self-score inside that level's band; "不涉及此环节" (only where the
indicator offers it) removes the indicator from the mean, it is not a zero; the score is the mean of
the self-scores counted, exact; indicator 7's amounts are recorded and never scored. The 基本/比较/
非常符合 part is derived from the score. Inner Mongolia gives no official score: the same number is
then a reference value computed by the Jiangsu method (``official`` is False).
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction

from ..model.dx_index import Band, DxIndexRubric

NOT_APPLICABLE = None


@dataclass(frozen=True)
class DxAnswer:
    level: int | None  # None: 不涉及此环节
    score: Fraction | None  # the self-score (None with 不涉及)


@dataclass(frozen=True)
class IndicatorScore:
    number: int
    level: int | None
    score: Fraction | None
    sub_band: str | None  # basic / largely / fully, derived from the score
    counted: bool


@dataclass(frozen=True)
class DxResult:
    score: Fraction | None  # None when no indicator counts
    official: bool
    indicators: tuple[IndicatorScore, ...]
    counted: int  # how many self-scores the mean is over

    def above(self, gate: int) -> bool:
        """The score is strictly above ``gate`` (the tiers' "高于60分")."""
        return self.score is not None and self.score > gate


def band_of(r: DxIndexRubric, level: int) -> Band:
    return next(b for b in r.bands if b.rank == level)


def in_band(r: DxIndexRubric, level: int, score: Fraction) -> bool:
    """Whether ``score`` is a self-score the chosen ``level`` allows."""
    return band_of(r, level).allows(score)


def sub_band(r: DxIndexRubric, level: int, score: Fraction) -> str | None:
    return next((s.match for s in band_of(r, level).sub_bands if s.range.contains(score)), None)


def score_dx(r: DxIndexRubric, answers: dict[int, DxAnswer]) -> DxResult:
    """Score answers already checked: a level and an in-band score for every scored indicator, or
    不涉及 where the indicator offers it (where the score is not official, a level alone is an
    answer, and the reference value needs every self-score). Raises ValueError otherwise."""
    out = []
    for ind in r.indicators:
        if not ind.scored:
            continue
        a = answers.get(ind.number)
        if a is None:
            raise ValueError(f"indicator {ind.number} has no answer")
        if a.level is NOT_APPLICABLE:
            if ind.not_applicable is None:
                raise ValueError(f"indicator {ind.number} cannot be 不涉及")
            out.append(IndicatorScore(ind.number, None, None, None, False))
            continue
        if a.score is None and not r.official_score:
            # Inner Mongolia: the level profile is the result; a self-score is optional
            out.append(IndicatorScore(ind.number, a.level, None, None, True))
            continue
        if a.score is None or not in_band(r, a.level, a.score):
            raise ValueError(f"indicator {ind.number}: score outside level {a.level}'s band")
        part = sub_band(r, a.level, a.score)
        out.append(IndicatorScore(ind.number, a.level, a.score, part, True))
    counted = [i.score for i in out if i.counted]
    scores = [s for s in counted if s is not None]
    # a mean only over every counted indicator: a reference value is not computed from a part
    mean = (
        sum(scores, Fraction(0)) / len(scores) if scores and len(scores) == len(counted) else None
    )
    return DxResult(mean, r.official_score, tuple(out), len(counted))
