"""Wording differences between rubrics of one family: two provinces publish the same table or the
same indicators, each page shows under a text the other's wording where it differs.

Only the official (Chinese) wording is compared, after normalising punctuation and whitespace
(a full-width comma or a space between characters is no difference); the English is ours.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher
from typing import Any


def wording_key(text: str) -> str:
    """The text with punctuation, separators and whitespace dropped (NFKC first: full-width forms
    are their ASCII selves)."""
    return "".join(
        c
        for c in unicodedata.normalize("NFKC", text)
        if not c.isspace() and unicodedata.category(c)[0] not in "PZ"
    )


def differs(a: str, b: str) -> bool:
    return wording_key(a) != wording_key(b)


SAME, CHANGED, MISSING = "same", "changed", "missing"


def _kept(text: str) -> list[tuple[int, str]]:
    """(position, character) of the characters ``wording_key`` keeps (NFKC-folded)."""
    return [
        (i, c)
        for i, c in enumerate(unicodedata.normalize("NFKC", text))
        if not c.isspace() and unicodedata.category(c)[0] not in "PZ"
    ]


def _coalesced(
    ops: Sequence[tuple[str, int, int, int, int]],
) -> list[tuple[str, int, int, int, int]]:
    """Opcodes with a one-character match between two changes made part of one replacement:
    体系 → 系统 reads as that, not as 体 deleted, 系 kept, 统 inserted."""
    out: list[tuple[str, int, int, int, int]] = []
    for op in ops:
        out.append(op)
        while (
            len(out) >= 3
            and out[-2][0] == "equal"
            and out[-2][2] - out[-2][1] == 1
            and out[-1][0] != "equal"
            and out[-3][0] != "equal"
        ):
            last, _, first = out.pop(), out.pop(), out.pop()
            out.append(("replace", first[1], last[2], first[3], last[4]))
    return out


def marked_pieces(own: str, other: str) -> tuple[tuple[str, str], ...]:
    """``other`` cut into (text, kind) pieces: ``changed`` where its wording is not in ``own``
    (inserted or replaced characters), ``missing`` for wording of ``own`` that ``other`` lacks
    (placed where it would be), ``same`` elsewhere. Punctuation and whitespace alone are never
    marked."""
    if len(unicodedata.normalize("NFKC", other)) != len(other) or len(
        unicodedata.normalize("NFKC", own)
    ) != len(own):
        return ((other, SAME),)  # NFKC changed a length: positions would not map back
    mine, theirs = _kept(own), _kept(other)
    kind = [SAME] * len(other)
    gaps: dict[int, str] = {}  # position in other → own's wording missing before it
    matcher = SequenceMatcher(
        None, "".join(c for _, c in mine), "".join(c for _, c in theirs), autojunk=False
    )
    for tag, i1, i2, j1, j2 in _coalesced(matcher.get_opcodes()):
        if tag in ("replace", "insert"):
            for pos, _ in theirs[j1:j2]:
                kind[pos] = CHANGED
        elif tag == "delete":
            at = theirs[j1][0] if j1 < len(theirs) else len(other)
            gaps[at] = gaps.get(at, "") + own[mine[i1][0] : mine[i2 - 1][0] + 1]
    pieces: list[tuple[str, str]] = []

    def add(text: str, k: str) -> None:
        if pieces and pieces[-1][1] == k:
            pieces[-1] = (pieces[-1][0] + text, k)
        else:
            pieces.append((text, k))

    for pos, c in enumerate(other):
        if pos in gaps:
            add(gaps[pos], MISSING)
        add(c, kind[pos])
    if len(other) in gaps:
        add(gaps[len(other)], MISSING)
    return tuple(pieces)


@dataclass(frozen=True)
class Variant:
    """The other rubric's wording of one place of this rubric."""

    rubric: str  # the other rubric's id: its page is rubrics/<rubric>.md
    label: dict[str, str]  # its short title, {zh, en}
    anchor: str  # the same place on its page
    text: dict[str, str]  # its wording, {zh, en}
    # its zh wording in pieces: same, changed (not in ours), missing (ours, absent from it)
    pieces: tuple[tuple[str, str], ...]
    en_differs: bool  # whether its English differs from ours too


def variant(peer: Any, anchor: str, own: Mapping[str, str], other: Mapping[str, str]) -> Variant:
    return Variant(
        rubric=peer.id,
        label=peer.short_title.to_dict(),
        anchor=anchor,
        text={"zh": other["zh"], "en": other["en"]},
        pieces=marked_pieces(own["zh"], other["zh"]),
        en_differs=own["en"].split() != other["en"].split(),
    )


def collect(
    places: Iterable[tuple[str, str, Mapping[str, str] | None, Mapping[str, str] | None]],
    peer: Any,
    out: dict[str, list[Variant]],
) -> None:
    """Add to ``out[place]`` the peer's wording of each (place, anchor, own text, peer's text)
    whose Chinese differs. A place missing on either side (None) is no wording difference."""
    for place, anchor, own, other in places:
        if own is not None and other is not None and differs(own["zh"], other["zh"]):
            out.setdefault(place, []).append(variant(peer, anchor, own, other))
