"""The energy helper converts with the official coefficients."""

from __future__ import annotations

from fractions import Fraction

from zhiping.answers.sme import EnergyInput
from zhiping.scoring.sme_energy import to_tce

from .helpers import rubric


def test_official_worked_example_is_382_919_tce() -> None:
    # 310 万kWh × 1.229 = 380.99; 1.5 万m³ 高炉煤气 × 1.286 = 1.929; total 382.919 (001 L1421)
    total, parts = to_tce(
        rubric(),
        EnergyInput((("electricity", Fraction(310)), ("blast_furnace_gas", Fraction("1.5")))),
    )
    assert total == Fraction("382.919")
    assert parts == (("electricity", Fraction("380.99")), ("blast_furnace_gas", Fraction("1.929")))


def test_every_row_of_the_official_table_converts() -> None:
    official = {
        "anthracite": "0.9428",
        "coking_coal": "0.9",
        "bituminous_coal": "0.7143",
        "lignite": "0.4286",
        "washed_coal": "0.9",
        "blast_furnace_gas": "1.286",
        "converter_gas": "2.714",
        "other_gas": "1.786",
        "heat": "0.0341",
        "electricity": "1.229",
        "municipal_waste": "0.2714",
        "biomass": "1",
        "waste_heat": "0.0341",
        "industrial_waste": "0.4285",
        "other_fuel": "1",
    }
    r = rubric()
    assert [row.id for row in r.energy] == list(official)
    for row_id, factor in official.items():
        total, _ = to_tce(r, EnergyInput(((row_id, Fraction(1000)),)))
        assert total == Fraction(factor) * 1000, row_id
