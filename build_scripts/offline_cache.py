"""The site's service worker, site/sw.js: calculator/web/sw.js with the build's facts in front.

Written after the build (a mkdocs hook), when every file of the site is known:

- ``version``: a digest of every file the site serves, so any change of the site gives a new sw.js,
  which the browser installs and whose cache replaces the old one;
- ``immutable``: the URL patterns ``build_scripts/site_server.py`` serves as immutable (one list);
- ``keep``: what a calculator needs to start without the network (the Pyodide runtime, the glue,
  the package wheel at its versioned URL), kept once a calculator page has shown a result.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from .bundle import package_digest, runtime_dir
from .paths import PYODIDE_RUNTIME, WEB, WEB_ASSETS
from .site_server import IMMUTABLE_PATHS
from .util import digest, write_if_changed

SOURCE = WEB / "sw.js"
NAME = "sw.js"
HEADER = "// generated from calculator/web/sw.js by build_scripts/offline_cache.py; do not edit\n"


def site_version(site: Path) -> str:
    """A digest of every file of the site but sw.js (and the archive's compressed copies)."""
    parts = []
    for path in sorted(site.rglob("*")):
        rel = path.relative_to(site).as_posix()
        if path.is_file() and rel != NAME and not rel.endswith((".gz", ".br")):
            parts.append(rel.encode() + b"\0" + path.read_bytes())
    return digest(b"\0\0".join(parts))


def keep_list(site: Path) -> list[str]:
    """Site-relative URLs of the calculator runtime, as the pages request them."""
    wheels = sorted((site / "assets" / "calculator").glob("zhiping-*-py3-none-any.whl"))
    return [
        *(f"{runtime_dir()}/{name}" for name in PYODIDE_RUNTIME),
        *(f"assets/calculator/{name}" for name in WEB_ASSETS),
        *(f"assets/calculator/{w.name}?v={package_digest()}" for w in wheels),
    ]


def build_facts(site: Path) -> dict[str, Any]:
    return {
        "version": site_version(site),
        "immutable": [p.pattern for p in IMMUTABLE_PATHS],
        "keep": keep_list(site),
    }


def write_service_worker(site: Path) -> Path:
    facts = json.dumps(build_facts(site), ensure_ascii=False, separators=(",", ":"))
    text = f"{HEADER}self.ZHIPING_BUILD = {facts};\n" + SOURCE.read_text(encoding="utf-8")
    path = site / NAME
    write_if_changed(path, text)
    return path
