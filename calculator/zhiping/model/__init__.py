"""Rubric models: the shared pieces in :mod:`.common`, one module per rubric family
(:mod:`.sme`)."""

from __future__ import annotations

from .common import LANGS, Decision, ModelError, Range, Text, exact

__all__ = ["LANGS", "Decision", "ModelError", "Range", "Text", "exact"]
