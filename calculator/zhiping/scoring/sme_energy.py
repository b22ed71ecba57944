"""Energy in its own units → tonnes of coal equivalent, with the rubric's conversion factors.

能源消费量（吨标准煤）= 能源消费量（原单位）× 折标准煤系数, in exact decimal arithmetic.
"""

from __future__ import annotations

from fractions import Fraction

from ..answers.sme import EnergyInput
from ..model.sme import SmeRubric


def to_tce(
    rubric: SmeRubric, energy: EnergyInput
) -> tuple[Fraction, tuple[tuple[str, Fraction], ...]]:
    """The total in tce and each energy's share, in input order.

    Raises KeyError for an energy the rubric's table does not list (answers.py reports it first).
    """
    parts = []
    for row_id, quantity in energy.quantities:
        row = rubric.energy_row(row_id)
        if row is None:
            raise KeyError(row_id)
        parts.append((row_id, quantity * row.factor))
    return sum((p for _, p in parts), Fraction(0)), tuple(parts)
