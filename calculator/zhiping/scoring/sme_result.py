"""What a scoring run found, as frozen dataclasses (language-free; :mod:`zhiping.present` words
it)."""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction

from ..errors import Problem
from .sme_data import EnergyTotal, Suggestion


@dataclass(frozen=True)
class QuestionScore:
    number: int
    choice: tuple[int, ...]
    item_score: Fraction  # 0..item_max on the question's own scale
    points: Fraction  # its share of the 100-point total
    max_points: Fraction


@dataclass(frozen=True)
class GroupScore:
    """A dimension or an indicator: points earned of the maximum it can carry."""

    id: str
    points: Fraction
    max_points: Fraction
    children: tuple[GroupScore, ...] = ()


@dataclass(frozen=True)
class ScenarioCount:
    level: int
    total: int  # scenarios at this level or higher (levels are cumulative)
    constrained: int


@dataclass(frozen=True)
class LevelCheck:
    rank: int
    score_ok: bool
    scenarios_ok: bool
    constrained_ok: bool

    @property
    def holds(self) -> bool:
        return self.score_ok and self.scenarios_ok and self.constrained_ok


@dataclass(frozen=True)
class ScoreStep:
    """Raise one question by ``steps`` options (single choice) or tick ``steps`` more (multi)."""

    question: int
    steps: int
    gain: Fraction


@dataclass(frozen=True)
class ScenarioRaise:
    id: str
    current: int
    target: int


@dataclass(frozen=True)
class Gap:
    """The smallest change that reaches level ``target``."""

    target: int
    points_missing: Fraction
    score_steps: tuple[ScoreStep, ...]
    scenario_raises: tuple[ScenarioRaise, ...]
    constrained_missing: int
    scenarios_missing: int


@dataclass(frozen=True)
class SmeResult:
    rubric_id: str
    level: int  # 0 = no level
    score: Fraction
    questions: tuple[QuestionScore, ...]
    dimensions: tuple[GroupScore, ...]
    scenario_levels: dict[str, int]
    counts: tuple[ScenarioCount, ...]
    checks: tuple[LevelCheck, ...]
    gap: Gap | None
    suggestions: tuple[Suggestion, ...]
    energy: tuple[EnergyTotal, ...]
    figure_problems: tuple[Problem, ...] = ()  # figures that could not be used (they warn)
