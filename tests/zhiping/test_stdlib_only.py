"""zhiping imports the standard library only, so it runs unchanged on Pyodide."""

from __future__ import annotations

import ast
import sys
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[2] / "calculator" / "zhiping"


def test_package_imports_only_stdlib_and_itself() -> None:
    bad = []
    for path in PACKAGE.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names: list[str] = []
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                names = [node.module]
            for name in names:
                top = name.split(".")[0]
                if top not in sys.stdlib_module_names and top != "zhiping":
                    bad.append(f"{path.name}: {name}")
    assert bad == []


def test_package_does_not_use_floats_for_scores() -> None:
    for path in PACKAGE.rglob("*.py"):
        assert "float(" not in path.read_text(encoding="utf-8"), path.name
