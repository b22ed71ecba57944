"""Semantic checks of the rubrics: shared ones in :mod:`.common`, one module per rubric family."""

from __future__ import annotations

from .common import Issue, check_glossary, check_texts

__all__ = ["Issue", "check_glossary", "check_texts"]
