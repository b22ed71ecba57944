"""Serves a built zhiping site: the one-file server of the intranet archive (shipped there as
``serve.py``: ``python3 serve.py [--port N] [--bind ADDR]``) and the handler of ``make serve``.

Standard library only, so it runs on any Python 3.9+ with nothing installed. It sends the MIME
types Pyodide needs, pre-compressed ``.br``/``.gz`` siblings when the browser accepts them, cache
headers per file (hashed or versioned assets immutable, everything else revalidated with
ETag/Last-Modified), and the site's Content-Security-Policy on every response.
"""

from __future__ import annotations

import argparse
import email.utils
import http.server
import io
import os
import re
import socket
import sys
from pathlib import Path
from typing import Any, BinaryIO
from urllib.parse import unquote, urlsplit

# The site's Content-Security-Policy: the built pages carry it as a meta tag (written by
# build_scripts/mkdocs_hooks.py from this constant) and this server sends it as a header. Only the
# site itself: no inline script, no eval (WebAssembly compilation only, which Pyodide needs), no
# request to another host.
CSP_DIRECTIVES = (
    "default-src 'none'",
    # Pyodide compiles its WebAssembly runtime (in the worker): 'wasm-unsafe-eval' allows exactly
    # that, and no JavaScript eval.
    "script-src 'self' 'wasm-unsafe-eval'",
    # The calculator's Pyodide worker and Material's search worker, both files of the site.
    "worker-src 'self'",
    # fetch(): the Pyodide runtime, the wheel, the search index, Material's instant navigation.
    "connect-src 'self'",
    # Material's icons are data: SVGs inside its stylesheets.
    "img-src 'self' data:",
    # Stylesheets of the site only: no inline style attribute is left in any page.
    "style-src 'self'",
    "base-uri 'none'",
    "form-action 'none'",
)
CSP = "; ".join(CSP_DIRECTIVES)
# A meta tag cannot say who may frame the page: only the header can.
CSP_HEADER = CSP + "; frame-ancestors 'none'"

TYPES = {
    ".wasm": "application/wasm",
    ".mjs": "text/javascript; charset=utf-8",
    ".js": "text/javascript; charset=utf-8",
    ".css": "text/css; charset=utf-8",
    ".html": "text/html; charset=utf-8",
    ".json": "application/json",
    ".svg": "image/svg+xml",
    ".xml": "application/xml",
    ".txt": "text/plain; charset=utf-8",
    ".whl": "application/zip",
    ".zip": "application/zip",
    ".png": "image/png",
    ".ico": "image/x-icon",
}

# Pre-compressed siblings, best first: (Content-Encoding, file suffix).
ENCODINGS: tuple[tuple[str, str], ...] = (("br", ".br"), ("gzip", ".gz"))

IMMUTABLE = "public, max-age=31536000, immutable"
REVALIDATE = "no-cache"
# Files whose content never changes under their URL: Material's bundles carry a content hash in
# their names; the Pyodide runtime sits in a folder named for its release. (A URL with
# ``?v=<digest>``, such as the wheel's, is immutable too.)
IMMUTABLE_PATHS = (
    re.compile(r"^/assets/pyodide/[0-9][^/]*/[^/]+$"),
    re.compile(r"^/assets/javascripts/(?:workers/)?[a-z]+\.[0-9a-f]{8}\.min\.js$"),
    re.compile(r"^/assets/stylesheets/[a-z]+\.[0-9a-f]{8}\.min\.css$"),
)
VERSIONED_QUERY = re.compile(r"(?:^|&)v=[^&]+")


def cache_control(path: str, query: str = "") -> str:
    """The Cache-Control of a URL path (``/assets/...``, decoded) and its query string."""
    if VERSIONED_QUERY.search(query) or any(p.match(path) for p in IMMUTABLE_PATHS):
        return IMMUTABLE
    return REVALIDATE


def accepted_encodings(header: str | None) -> set[str]:
    """The content codings an ``Accept-Encoding`` header allows (``q=0`` excluded)."""
    out: set[str] = set()
    for part in (header or "").split(","):
        name, _, params = part.strip().partition(";")
        q = 1.0
        for param in params.split(";"):
            key, _, value = param.strip().partition("=")
            if key.strip().lower() == "q":
                try:
                    q = float(value)
                except ValueError:
                    q = 0.0
        if name and q > 0:
            out.add(name.strip().lower())
    return out


def etag_matches(header: str, etag: str) -> bool:
    tags = [t.strip().removeprefix("W/") for t in header.split(",")]
    return "*" in tags or etag in tags


class SiteHandler(http.server.SimpleHTTPRequestHandler):
    """GET and HEAD for the files of one directory; nothing outside it, no directory listings."""

    server_version = "zhiping"
    sys_version = ""
    protocol_version = "HTTP/1.1"  # keep-alive: a calculator's first visit is some 40 requests
    timeout = 60  # seconds an idle kept-alive connection holds its thread
    extensions_map = {  # noqa: RUF012 - the stdlib attribute, extended
        **http.server.SimpleHTTPRequestHandler.extensions_map,
        **TYPES,
    }
    verbose = False
    encodings = ENCODINGS  # the pre-compressed copies this handler may send

    def end_headers(self) -> None:
        self.send_header("Content-Security-Policy", CSP_HEADER)
        self.send_header("X-Content-Type-Options", "nosniff")
        self.send_header("Referrer-Policy", "no-referrer")
        super().end_headers()

    def log_message(self, format: str, *args: Any) -> None:
        if self.verbose:
            super().log_message(format, *args)

    def send_not_found(self) -> BinaryIO | None:
        """404 with the site's own page (404.html) when it has one."""
        page = Path(self.directory) / "404.html"
        if not page.is_file():
            self.send_error(404, "Not found")
            return None
        body = page.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", TYPES[".html"])
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", REVALIDATE)
        self.end_headers()
        return io.BytesIO(body)

    def resolve(self, url_path: str) -> Path | None:
        """The file a decoded URL path names inside the served directory, or None (outside it,
        or not a plain path)."""
        if "\0" in url_path or "\\" in url_path:
            return None
        parts = [p for p in url_path.split("/") if p]
        if any(p in (".", "..") or ":" in p for p in parts):
            return None  # no climbing out, no Windows drive or stream names
        root = Path(self.directory).resolve()
        target = root.joinpath(*parts).resolve()
        if target != root and root not in target.parents:
            return None  # a symbolic link that leads out
        return target

    def send_head(self) -> BinaryIO | None:
        url = urlsplit(self.path)
        path = unquote(url.path)
        target = self.resolve(path)
        if target is None:
            return self.send_not_found()
        if target.is_dir():
            if not path.endswith("/"):
                self.send_response(301)
                location = url.path + "/" + ("?" + url.query if url.query else "")
                self.send_header("Location", location)
                self.send_header("Content-Length", "0")
                self.end_headers()
                return None
            target = target / "index.html"
            path += "index.html"
        if not target.is_file():
            return self.send_not_found()
        ctype = self.guess_type(str(target))
        cache = cache_control(path, url.query)
        served, coding = target, None
        accepts = accepted_encodings(self.headers.get("Accept-Encoding"))
        for name, suffix in self.encodings:
            sibling = target.with_name(target.name + suffix)
            if name in accepts and sibling.is_file():
                served, coding = sibling, name
                break
        has_variants = any(target.with_name(target.name + s).is_file() for _, s in ENCODINGS)
        try:
            f = served.open("rb")
        except OSError:
            return self.send_not_found()
        stat = os.fstat(f.fileno())
        original = target.stat()
        etag = f'"{stat.st_size:x}-{stat.st_mtime_ns:x}{"-" + coding if coding else ""}"'
        last_modified = email.utils.formatdate(original.st_mtime, usegmt=True)

        def common() -> None:
            self.send_header("ETag", etag)
            self.send_header("Last-Modified", last_modified)
            self.send_header("Cache-Control", cache)
            if has_variants:
                self.send_header("Vary", "Accept-Encoding")

        if self.not_modified(etag, original.st_mtime):
            f.close()
            self.send_response(304)
            common()
            self.end_headers()
            return None
        self.send_response(200)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(stat.st_size))
        if coding:
            self.send_header("Content-Encoding", coding)
        common()
        self.end_headers()
        return f

    def not_modified(self, etag: str, mtime: float) -> bool:
        if_none_match = self.headers.get("If-None-Match")
        if if_none_match is not None:
            return etag_matches(if_none_match, etag)
        since = self.headers.get("If-Modified-Since")
        if since:
            try:
                when = email.utils.parsedate_to_datetime(since)
            except (TypeError, ValueError, IndexError):
                return False
            return when.timestamp() >= int(mtime)
        return False


class Server(http.server.ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request: Any, client_address: Any) -> None:
        # A browser that stops reading (a page left while Pyodide loads) is no server error.
        if not isinstance(sys.exc_info()[1], (ConnectionError, TimeoutError)):
            super().handle_error(request, client_address)


class Server6(Server):
    address_family = socket.AF_INET6


def make_server(
    directory: Path | str,
    port: int,
    host: str = "127.0.0.1",
    *,
    handler: type[SiteHandler] = SiteHandler,
    fallback: bool = False,
    verbose: bool = False,
) -> Server:
    """A threading server for ``directory`` on ``host``:``port``.

    With ``fallback`` a port already taken is replaced by a free one chosen by the system;
    without, the ``OSError`` is raised.
    """
    folder = str(directory)

    class Bound(handler):  # type: ignore[valid-type, misc]
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, directory=folder, **kwargs)

    Bound.verbose = verbose
    cls = Server6 if ":" in host else Server
    try:
        return cls((host, port), Bound)
    except OSError:
        if not fallback:
            raise
        return cls((host, 0), Bound)


def main(argv: list[str] | None = None, default_dir: Path | None = None) -> int:
    """``serve.py [--port N] [--bind ADDR] [--dir DIR] [--verbose]``: serve until Ctrl+C."""
    parser = argparse.ArgumentParser(
        description="Serve the zhiping site (no internet needed; Ctrl+C stops)."
    )
    parser.add_argument("--port", type=int, default=8000, help="port (default 8000)")
    parser.add_argument(
        "--bind",
        default="127.0.0.1",
        help="address to listen on (default 127.0.0.1; 0.0.0.0 or :: for every interface)",
    )
    parser.add_argument(
        "--dir",
        type=Path,
        default=default_dir or Path(__file__).resolve().parent / "site",
        help="the built site (default: site/ beside this file)",
    )
    parser.add_argument("--verbose", action="store_true", help="log every request")
    parser.add_argument("--any-port", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if not (args.dir / "index.html").is_file():
        print(f"{args.dir} has no index.html: is it the built site?", file=sys.stderr)
        return 1
    try:
        server = make_server(
            args.dir, args.port, args.bind, fallback=args.any_port, verbose=args.verbose
        )
    except OSError as err:
        print(f"cannot listen on {args.bind}:{args.port}: {err}", file=sys.stderr)
        return 1
    host, port = str(server.server_address[0]), server.server_address[1]
    shown = f"[{host}]" if ":" in host else host
    print(f"serving {args.dir} at http://{shown}:{port}/  (Ctrl+C stops)", flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
