"""The intranet archive (build_scripts/dist.py) and its server (build_scripts/site_server.py,
shipped as serve.py), on a small site made here: types, compression, cache headers, revalidation,
the policy header, path traversal, and the archive's layout."""

from __future__ import annotations

import ast
import gzip
import http.client
import subprocess
import sys
import tarfile
import threading
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from build_scripts import dist, site_server
from build_scripts.site_server import CSP_HEADER, IMMUTABLE, REVALIDATE, cache_control

TEXT = "<!doctype html><title>t</title>" + "zhiping " * 400
FILES = {
    "index.html": TEXT,
    "calculator/x/index.html": TEXT,
    "assets/pyodide/314.0.7/pyodide.asm.wasm": "\0asm" + "\1" * 5000,
    "assets/pyodide/314.0.7/pyodide.mjs": "export const x = 1;" * 100,
    "assets/calculator/app.mjs": "export const y = 2;" * 100,
    "assets/calculator/zhiping-0.1.0-py3-none-any.whl": "PK" + "w" * 2000,
    "assets/javascripts/bundle.a5f9d56c.min.js": "var z;" * 300,
    "assets/stylesheets/main.57a0d79d.min.css": "a{}" * 500,
    "assets/small.js": "var s;",
}


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("site")
    for name, text in FILES.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text, encoding="utf-8")
    (tmp_path_factory.getbasetemp() / "secret.txt").write_text("secret", encoding="utf-8")
    dist.precompress(root, brotli_quality=1)
    return root


@pytest.fixture(scope="module")
def server(site: Path) -> Iterator[int]:
    srv = site_server.make_server(site, 0)
    threading.Thread(target=srv.serve_forever, daemon=True).start()
    yield srv.server_address[1]
    srv.shutdown()
    srv.server_close()


def get(
    port: int, path: str, headers: dict[str, str] | None = None, method: str = "GET"
) -> tuple[int, dict[str, str], bytes]:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    conn.request(method, path, headers=headers or {})
    resp = conn.getresponse()
    body = resp.read()
    conn.close()
    return resp.status, {k.lower(): v for k, v in resp.getheaders()}, body


def test_precompress_writes_copies_of_text_and_wasm_only(site: Path) -> None:
    assert (site / "index.html.gz").is_file()
    assert (site / "assets/pyodide/314.0.7/pyodide.asm.wasm.gz").is_file()
    assert not (site / "assets/calculator/zhiping-0.1.0-py3-none-any.whl.gz").exists()
    assert not (site / "assets/small.js.gz").exists()  # under 1 KB
    assert gzip.decompress((site / "index.html.gz").read_bytes()).decode() == TEXT
    if dist.brotli_compressor(1):
        assert (site / "index.html.br").is_file()


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        ("/assets/pyodide/314.0.7/pyodide.asm.wasm", "application/wasm"),
        ("/assets/calculator/app.mjs", "text/javascript; charset=utf-8"),
        ("/", "text/html; charset=utf-8"),
    ],
)
def test_types_pyodide_needs(server: int, path: str, expected: str) -> None:
    status, headers, _ = get(server, path)
    assert status == 200 and headers["content-type"] == expected


def test_compressed_copy_when_accepted(server: int) -> None:
    _, headers, body = get(server, "/index.html", {"Accept-Encoding": "gzip"})
    assert headers["content-encoding"] == "gzip" and headers["vary"] == "Accept-Encoding"
    assert gzip.decompress(body).decode() == TEXT
    assert int(headers["content-length"]) == len(body)
    _, headers, body = get(server, "/index.html")
    assert "content-encoding" not in headers and body.decode() == TEXT
    _, headers, _ = get(server, "/index.html", {"Accept-Encoding": "gzip;q=0, identity"})
    assert "content-encoding" not in headers
    if dist.brotli_compressor(1):
        _, headers, _ = get(server, "/index.html", {"Accept-Encoding": "gzip, deflate, br"})
        assert headers["content-encoding"] == "br"


def test_only_a_runtime_in_its_release_folder_is_immutable() -> None:
    assert cache_control("/assets/pyodide/314.0.7/pyodide.asm.wasm") == IMMUTABLE
    assert cache_control("/assets/pyodide/pyodide.asm.wasm") == REVALIDATE
    assert cache_control("/sw.js") == REVALIDATE


@pytest.mark.parametrize(
    ("path", "cache"),
    [
        ("/assets/pyodide/314.0.7/pyodide.asm.wasm", IMMUTABLE),
        ("/assets/javascripts/bundle.a5f9d56c.min.js", IMMUTABLE),
        ("/assets/stylesheets/main.57a0d79d.min.css", IMMUTABLE),
        ("/assets/calculator/zhiping-0.1.0-py3-none-any.whl?v=0123abcd", IMMUTABLE),
        ("/assets/calculator/zhiping-0.1.0-py3-none-any.whl", REVALIDATE),
        ("/assets/calculator/app.mjs", REVALIDATE),
        ("/calculator/x/", REVALIDATE),
    ],
)
def test_cache_headers(server: int, path: str, cache: str) -> None:
    status, headers, _ = get(server, path)
    assert status == 200 and headers["cache-control"] == cache


def test_revalidation_answers_304(server: int) -> None:
    _, headers, _ = get(server, "/calculator/x/", {"Accept-Encoding": "gzip"})
    status, again, body = get(
        server, "/calculator/x/", {"Accept-Encoding": "gzip", "If-None-Match": headers["etag"]}
    )
    assert status == 304 and body == b"" and again["etag"] == headers["etag"]
    # the identity copy has its own tag: a gzip tag does not validate it
    status, _, _ = get(server, "/calculator/x/", {"If-None-Match": headers["etag"]})
    assert status == 200
    status, _, _ = get(server, "/calculator/x/", {"If-Modified-Since": headers["last-modified"]})
    assert status == 304


def test_every_response_carries_the_policy(server: int) -> None:
    for path in ("/", "/assets/calculator/app.mjs", "/missing"):
        _, headers, _ = get(server, path)
        assert headers["content-security-policy"] == CSP_HEADER
        assert headers["x-content-type-options"] == "nosniff"


def test_head_sends_headers_only(server: int) -> None:
    status, headers, body = get(server, "/index.html", method="HEAD")
    assert status == 200 and body == b"" and int(headers["content-length"]) == len(TEXT)


@pytest.mark.parametrize(
    "path",
    [
        "/../secret.txt",
        "/assets/../../secret.txt",
        "/%2e%2e/secret.txt",
        "/assets/%2e%2e/%2e%2e/secret.txt",
        "/..%2fsecret.txt",
        "/..\\secret.txt",
        "/assets/",  # no directory listing
        "/C:/secret.txt",
    ],
)
def test_nothing_outside_the_site(server: int, path: str) -> None:
    status, _, body = get(server, path)
    assert status == 404 and b"secret" not in body


def test_a_folder_without_slash_is_redirected(server: int) -> None:
    status, headers, _ = get(server, "/calculator/x")
    assert status == 301 and headers["location"] == "/calculator/x/"


def test_the_server_is_standard_library_only() -> None:
    tree = ast.parse(Path(site_server.__file__).read_text(encoding="utf-8"))
    imports = [n for n in ast.walk(tree) if isinstance(n, ast.Import)]
    names = {a.name.split(".")[0] for n in imports for a in n.names}
    names |= {
        str(n.module).split(".")[0]
        for n in ast.walk(tree)
        if isinstance(n, ast.ImportFrom) and n.level == 0
    }
    assert names <= set(sys.stdlib_module_names), names - set(sys.stdlib_module_names)
    assert not [n for n in ast.walk(tree) if isinstance(n, ast.ImportFrom) and n.level > 0]


@pytest.fixture(scope="module")
def archives(site: Path, tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    out = tmp_path_factory.mktemp("dist")
    return dist.make_dist(site, out, brotli_quality=1, stage_dir=out / "stage")


def test_the_archives_hold_the_site_and_the_server(archives: list[Path]) -> None:
    top = f"zhiping-site-{dist.version()}"
    assert [a.name for a in archives] == [f"{top}.tar.gz", f"{top}.zip"]
    with tarfile.open(archives[0]) as tar:
        names = set(tar.getnames())
        files = {m.name for m in tar.getmembers() if m.isfile()}
        serve = tar.getmember(f"{top}/serve.py")
        assert serve.mode & 0o111
        source = tar.extractfile(serve).read().decode()  # type: ignore[union-attr]
    with zipfile.ZipFile(archives[1]) as archive:
        assert set(archive.namelist()) == files
    assert {f"{top}/serve.py", f"{top}/README.txt", f"{top}/site/index.html"} <= names
    assert f"{top}/site/index.html.gz" in names
    assert source.splitlines()[1].startswith("# Copied from build_scripts/site_server.py")
    assert source.endswith(Path(site_server.__file__).read_text(encoding="utf-8"))


def test_serve_py_runs_alone(archives: list[Path], tmp_path: Path) -> None:
    with tarfile.open(archives[0]) as tar:
        tar.extractall(tmp_path, filter="data")
    (top,) = tmp_path.iterdir()
    out = subprocess.run(
        [sys.executable, "-I", str(top / "serve.py"), "--help"],
        capture_output=True,
        text=True,
        check=True,
        cwd=tmp_path,
    ).stdout
    assert "--port" in out and "--bind" in out
