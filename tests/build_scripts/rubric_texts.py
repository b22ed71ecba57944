"""Walks a rubric YAML document for its bilingual texts (used by the transcription tests)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any


def texts(node: Any, path: str = "") -> Iterator[tuple[str, dict[str, Any]]]:
    """Every {zh, en} text in the document, with its path."""
    if isinstance(node, dict):
        if set(node) >= {"zh", "en"}:
            yield path, node
        for k, v in node.items():
            yield from texts(v, f"{path}.{k}")
    elif isinstance(node, list):
        for i, v in enumerate(node):
            yield from texts(v, f"{path}[{i}]")
