"""Problems with a user's answers: a code, the item it concerns, and parameters for the message.

Messages are never built here: :mod:`zhiping.present` localizes them from rubrics/ui.yaml.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

# Every code a user can meet; ui.yaml must hold a message for each (a test checks it).
CODES = (
    "too_large",
    "not_utf8",
    "too_deep",
    "duplicate_key",
    "malformed_json",
    "not_an_object",
    "unknown_rubric",
    "rubric_mismatch",
    "unknown_key",
    "unknown_lang",
    "unknown_question",
    "unknown_scenario",
    "missing_answer",
    "missing_scenario",
    "wrong_type",
    "option_out_of_range",
    "duplicate_option",
    "none_with_others",
    "empty_choice",
    "level_out_of_range",
    "unknown_field",
    "bad_number",
    "not_integer",
    "zero_total",
    "part_exceeds_total",
    "unknown_energy",
    "bad_text",
    "above_maximum",
    "unknown_scenario_number",
    "tier_out_of_range",
    "tier_not_available",
    "maturity_out_of_range",
    "score_out_of_range",
    "unknown_indicator",
    "dx_level_out_of_range",
    "not_applicable_alone",
    "not_applicable_not_offered",
    "missing_score",
    "score_outside_band",
    "unknown_amount",
    "unknown_declaration",
    "not_yes_no",
    "not_built_or_ai",
    "bad_choice",
    "bad_id",
    "too_many",
    "unknown_segment",
    "unknown_table",
    "unknown_column",
    "grade_out_of_range",
    "stars_not_here",
    "not_involved_alone",
    "no_export",
)

# Codes of the file's envelope (zhiping.envelope); their messages are ``files.errors.<code>``.
FILE_CODES = ("bad_format", "format_too_new")

# Codes that mean "not answered yet" (the answers are incomplete, not wrong).
MISSING = frozenset({"missing_answer", "missing_scenario", "missing_score"})


@dataclass(frozen=True)
class Problem:
    """One thing wrong with the input.

    ``item`` names what it concerns: ``"answers"``, ``"question:4"``, ``"scenario:产品设计"``,
    ``"field:2.total_devices"``, ``"energy:12.energy_last.coal"`` or a top-level key.
    """

    code: str
    item: str
    params: tuple[tuple[str, str], ...] = ()

    def param(self, key: str) -> str:
        return dict(self.params).get(key, "")


def printable(text: str, limit: int = 80) -> str:
    """``text`` safe to echo anywhere: control characters, lone surrogates and other unprintable
    code points escaped as ``\\uXXXX``, and cut to ``limit`` characters with "…"."""
    if len(text) > limit:
        text = text[: limit - 1] + "…"
    out = []
    for ch in text:
        category = unicodedata.category(ch)
        if category in ("Cc", "Cf", "Cs", "Co", "Zl", "Zp"):  # not Cn: it varies by version
            code = ord(ch)
            out.append(f"\\u{code:04x}" if code <= 0xFFFF else f"\\U{code:08x}")
        else:
            out.append(ch)
    return "".join(out)


def problem(code: str, item: str, **params: object) -> Problem:
    """A :class:`Problem`; the item and every parameter are made :func:`printable` (they may echo
    a hostile file)."""
    assert code in CODES or code in FILE_CODES, code
    return Problem(
        code, printable(item, 120), tuple((k, printable(str(v))) for k, v in params.items())
    )


class InputError(Exception):
    """The answers could not be scored; ``problems`` lists every reason at once."""

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__(", ".join(f"{p.code}@{p.item}" for p in problems))
        self.problems = problems
