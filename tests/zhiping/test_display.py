"""One named rule turns exact values into displayed numbers."""

from __future__ import annotations

from fractions import Fraction

from hypothesis import given
from hypothesis import strategies as st

from zhiping.display import display_score, display_shortfall, exact_str


def test_scores_are_cut_not_rounded() -> None:
    assert display_score(Fraction("59.996")) == "59.99"
    assert display_score(Fraction(135, 7)) == "19.28"  # 19.2857…
    assert display_score(Fraction(60)) == "60.00"


def test_shortfalls_round_up() -> None:
    assert display_shortfall(Fraction(5, 7)) == "0.72"
    assert display_shortfall(Fraction("0.001")) == "0.01"
    assert display_shortfall(Fraction(0)) == "0.00"


def test_exact_strings_are_decimals_when_they_terminate() -> None:
    assert exact_str(Fraction("382.919")) == "382.919"
    assert exact_str(Fraction(135, 7)) == "135/7"
    assert exact_str(Fraction(20)) == "20"


@given(st.fractions(min_value=0, max_value=100), st.sampled_from([20, 40, 60, 80]))
def test_a_score_below_a_threshold_never_displays_as_the_threshold(value: Fraction, t: int) -> None:
    if value < t:
        assert float(display_score(value)) < t
