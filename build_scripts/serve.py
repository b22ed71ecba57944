"""``make serve``: serve site/ on 127.0.0.1 (port 8000, or any free port if taken) with the handler
of the intranet archive's server (build_scripts/site_server.py): the same MIME types, compression,
cache headers and Content-Security-Policy as an intranet copy."""

from __future__ import annotations

import sys
from pathlib import Path

from . import site_server
from .paths import SITE

Handler = site_server.SiteHandler


def make_server(directory: Path, port: int, host: str = "127.0.0.1") -> site_server.Server:
    """A server on ``port``, or on a free port chosen by the system when that one is taken."""
    return site_server.make_server(directory, port, host, fallback=True)


def main() -> int:
    return site_server.main([*sys.argv[1:], "--any-port"], default_dir=SITE)


if __name__ == "__main__":
    sys.exit(main())
