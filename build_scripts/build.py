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

from .bundle import build_wheel, package_digest, runtime_dir, write_package_data
from .families import BUILD_FAMILIES
from .load import load_or_report
from .paths import PYODIDE, PYODIDE_RUNTIME, ROOT, WEB, WEB_ASSETS, answers_schema
from .render import write_docs


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
    assets: dict[Path, Path] = {Path(runtime_dir()) / n: PYODIDE / n for n in PYODIDE_RUNTIME}
    assets.update({Path("assets/calculator") / n: WEB / n for n in WEB_ASSETS})
    assets[Path("assets/calculator") / wheel.name] = wheel
    for name, fam in BUILD_FAMILIES.items():
        if fam.calculator:
            schema = answers_schema(name)
            assets[Path("assets") / schema.name] = schema
    envelope = answers_schema("envelope")  # the header every family's exported file carries
    assets[Path("assets") / envelope.name] = envelope
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
