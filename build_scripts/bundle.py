"""The calculator's runtime artefacts: the rubric bundle inside the package, the wheel, Pyodide's
files.

All outputs are git-ignored build products. The wheel is built with ``pip wheel`` (pure Python,
py3-none-any); pyodide-build is not used because it downloads a cross-build environment even for
pure-Python packages, which an offline build cannot do.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

from .families import BUILD_FAMILIES
from .load import Catalog
from .paths import CALCULATOR, PACKAGE_DATA, PYODIDE, WHEELS
from .util import digest, write_if_changed

HEADER = "generated from rubrics/*.yaml by build_scripts/bundle.py; do not edit"


def bundle_dict(catalog: Catalog) -> dict[str, object]:
    """The rubrics the package can score (families with a calculator) and the interface words."""
    scored = {
        rid: raw for rid, raw in catalog.rubrics.items() if BUILD_FAMILIES[raw["family"]].calculator
    }
    return {"_generated": HEADER, "rubrics": scored, "ui": catalog.ui}


def write_package_data(catalog: Catalog) -> Path:
    """zhiping/data/bundle.json: what the package scores with, on CPython and in the browser."""
    path = PACKAGE_DATA / "bundle.json"
    text = json.dumps(bundle_dict(catalog), ensure_ascii=False, sort_keys=True, indent=1)
    write_if_changed(path, text + "\n")
    return path


def build_wheel() -> Path:
    """Build zhiping-*.whl into build/wheel (replacing older ones) and return its path."""
    WHEELS.mkdir(parents=True, exist_ok=True)
    for old in WHEELS.glob("zhiping-*.whl"):
        old.unlink()
    # setuptools copies into calculator/build/lib and never deletes there: a module that was moved
    # or removed would otherwise still ship in the wheel.
    shutil.rmtree(CALCULATOR / "build", ignore_errors=True)
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--quiet",
            "--no-deps",
            "--no-build-isolation",
            "--disable-pip-version-check",
            "-w",
            str(WHEELS),
            str(CALCULATOR),
        ],
        check=True,
        # fixed zip times: the same input gives the same wheel
        env={**os.environ, "SOURCE_DATE_EPOCH": "315532800"},
    )
    wheels = sorted(WHEELS.glob("zhiping-*-py3-none-any.whl"))
    if len(wheels) != 1:
        raise RuntimeError(f"expected one zhiping wheel in {WHEELS}, found {wheels}")
    return wheels[0]


def pyodide_version() -> str:
    data = json.loads((PYODIDE / "package.json").read_text(encoding="utf-8"))
    return str(data["version"])


def package_digest() -> str:
    """A digest of the package's sources and data: changes exactly when the wheel's content does
    (the wheel's URL carries it as ``?v=``)."""
    parts = []
    for path in sorted((CALCULATOR / "zhiping").rglob("*")):
        if path.is_file() and "__pycache__" not in path.parts:
            parts.append(
                path.relative_to(CALCULATOR).as_posix().encode() + b"\0" + path.read_bytes()
            )
    return digest(b"\0\0".join(parts))


def runtime_dir() -> str:
    """Where the site serves the Pyodide runtime: a folder named for its release, so that an update
    changes every URL (the files are cached as immutable, by browsers and the service worker)."""
    return f"assets/pyodide/{pyodide_version()}"
