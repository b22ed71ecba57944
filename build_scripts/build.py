"""Build everything: validate rubrics → package data + wheel → pages and assets → mkdocs → site/.

``python -m build_scripts.build`` (``make build``). A broken rubric stops the build listing every
problem with file, path and reason.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

from .bundle import build_wheel, write_package_data
from .families import BUILD_FAMILIES
from .load import load_or_report
from .paths import CALCULATOR, PYODIDE, PYODIDE_RUNTIME, ROOT, WEB, answers_schema
from .render import write_docs
from .util import digest

WEB_ASSETS = ("app.mjs", "worker.mjs", "calculator.css")


def package_digest() -> str:
    """A digest of the package's sources and data: changes exactly when the wheel's content does."""
    parts = []
    for path in sorted((CALCULATOR / "zhiping").rglob("*")):
        if path.is_file() and "__pycache__" not in path.parts:
            parts.append(
                path.relative_to(CALCULATOR).as_posix().encode() + b"\0" + path.read_bytes()
            )
    return digest(b"\0\0".join(parts))


def main() -> int:
    started = time.perf_counter()
    catalog = load_or_report()
    if catalog is None:
        print("build failed", file=sys.stderr)
        return 1
    write_package_data(catalog)
    wheel = build_wheel()
    if not PYODIDE.is_dir():
        print("build failed: Pyodide is not installed; run `make setup`", file=sys.stderr)
        return 1
    assets: dict[Path, Path] = {Path("assets/pyodide") / n: PYODIDE / n for n in PYODIDE_RUNTIME}
    assets.update({Path("assets/calculator") / n: WEB / n for n in WEB_ASSETS})
    assets[Path("assets/calculator") / wheel.name] = wheel
    for name, fam in BUILD_FAMILIES.items():
        if fam.calculator:
            schema = answers_schema(name)
            assets[Path("assets") / schema.name] = schema
    wheel_ref = f"{wheel.name}?v={package_digest()}"
    written = write_docs(catalog, assets, wheel_ref)
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    subprocess.run(
        [
            sys.executable,
            "-m",
            "mkdocs",
            "build",
            "--quiet",
            "--clean",
            "-f",
            str(ROOT / "mkdocs.yml"),
        ],
        check=True,
        cwd=ROOT,
        env=env,
    )
    elapsed = time.perf_counter() - started
    print(
        f"built site/ ({', '.join(catalog.rubrics)}; {written} file(s) changed) in {elapsed:.1f} s"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
