"""Serve site/ on 127.0.0.1 (port 8000, or any free port if taken) with the MIME types Pyodide
needs."""

from __future__ import annotations

import argparse
import functools
import http.server
import sys
from pathlib import Path

from .paths import SITE

TYPES = {
    ".wasm": "application/wasm",
    ".mjs": "text/javascript",
    ".js": "text/javascript",
    ".json": "application/json",
    ".whl": "application/zip",
}


class Handler(http.server.SimpleHTTPRequestHandler):
    extensions_map = {  # noqa: RUF012 - the stdlib attribute, extended
        **http.server.SimpleHTTPRequestHandler.extensions_map,
        **TYPES,
    }

    def log_message(self, format: str, *args: object) -> None:
        if "--verbose" in sys.argv:
            super().log_message(format, *args)


def make_server(
    directory: Path, port: int, host: str = "127.0.0.1"
) -> http.server.ThreadingHTTPServer:
    """A server on ``port``, or on a free port chosen by the system when that one is taken."""
    handler = functools.partial(Handler, directory=str(directory))
    try:
        return http.server.ThreadingHTTPServer((host, port), handler)
    except OSError:
        return http.server.ThreadingHTTPServer((host, 0), handler)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--port", type=int, default=8000)
    parser.add_argument("--dir", type=Path, default=SITE)
    parser.add_argument("--verbose", action="store_true")
    args = parser.parse_args()
    if not (args.dir / "index.html").exists():
        print(f"{args.dir} has no index.html: run `make build` first", file=sys.stderr)
        return 1
    server = make_server(args.dir, args.port)
    host, port = str(server.server_address[0]), server.server_address[1]
    print(f"serving {args.dir} at http://{host}:{port}/  (Ctrl+C stops)", flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
