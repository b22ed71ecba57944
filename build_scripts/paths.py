"""Where things are. Every path is relative to the repository root."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RUBRICS = ROOT / "rubrics"
SCHEMAS = RUBRICS / "schema"

UI = RUBRICS / "ui.yaml"
GLOSSARY = RUBRICS / "glossary.yaml"
CALCULATOR = ROOT / "calculator"
PACKAGE_DATA = CALCULATOR / "zhiping" / "data"
WEB = CALCULATOR / "web"
PYODIDE = WEB / "node_modules" / "pyodide"
DOCS = ROOT / "docs"
TEMPLATES = ROOT / "build_scripts" / "templates"
BUILD = ROOT / "build"
BUILD_DOCS = BUILD / "docs"
WHEELS = BUILD / "wheel"
SITE = ROOT / "site"

# The calculator glue copied to assets/calculator/ (calculator/web/).
WEB_ASSETS = ("app.mjs", "store.mjs", "worker.mjs", "calculator.css")

# The Pyodide files a browser actually requests (measured; see docs). Nothing else is copied.
PYODIDE_RUNTIME = (
    "pyodide.mjs",
    "pyodide.asm.mjs",
    "pyodide.asm.wasm",
    "python_stdlib.zip",
    "pyodide-lock.json",
)


# Debian's Chromium, as the browser tests and the benchmark start it (as root, on a closed network).
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = (
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
    "--disable-quic",
)


def rel(path: Path) -> str:
    """A path as shown in messages: relative to the repository root."""
    try:
        return path.resolve().relative_to(ROOT).as_posix()
    except ValueError:
        return path.as_posix()


def answers_schema(family: str) -> Path:
    """The JSON Schema of a family's answers files (published under assets/)."""
    return SCHEMAS / f"answers-{family}.schema.json"
