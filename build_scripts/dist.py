"""``make dist``: the intranet archive, ``dist/zhiping-site-<version>.tar.gz`` and ``.zip``.

Each holds ``zhiping-site-<version>/`` with the built ``site/`` (plus pre-compressed ``.gz`` and,
when the ``brotli`` module is installed, ``.br`` siblings of its compressible files) and
``serve.py``, a copy of build_scripts/site_server.py: ``python3 serve.py [--port N] [--bind ADDR]``.
"""

from __future__ import annotations

import argparse
import gzip
import os
import shutil
import sys
import tarfile
import time
import tomllib
import zipfile
from collections.abc import Callable, Iterator
from pathlib import Path

from . import site_server
from .paths import BUILD, CALCULATOR, ROOT, SITE, rel

DIST = ROOT / "dist"
STAGE = BUILD / "dist"

# Files worth compressing: text and WebAssembly (zip files, the wheel and images already are).
COMPRESSIBLE = frozenset(
    {".html", ".css", ".js", ".mjs", ".json", ".svg", ".xml", ".txt", ".map", ".wasm", ".md"}
)
MIN_BYTES = 1024
# A copy is kept only when it saves at least this share of the bytes.
MIN_SAVING = 0.05

README = """\
zhiping {version}: the site and its server, for a machine without internet.

    python3 serve.py                       # http://127.0.0.1:8000/ on this machine
    python3 serve.py --bind 0.0.0.0 --port 8080   # for the whole intranet

Python 3.9 or later, nothing to install. Or serve site/ with nginx, Caddy or IIS: see the page
"Offline / intranet copy" (site/en/offline/index.html), which has working configurations.

智评 {version}：站点及其服务器，供无互联网的机器使用。运行 python3 serve.py（见上），
或用 nginx、Caddy、IIS 提供 site/（配置见 site/offline/index.html「内网离线部署」）。
"""


def version() -> str:
    """The package version (calculator/pyproject.toml)."""
    data = tomllib.loads((CALCULATOR / "pyproject.toml").read_text(encoding="utf-8"))
    return str(data["project"]["version"])


def brotli_compressor(quality: int) -> Callable[[bytes], bytes] | None:
    """Brotli at ``quality``, or None when the ``brotli`` module is not installed."""
    try:
        import brotli  # type: ignore[import-untyped,unused-ignore]
    except ImportError:
        return None

    def compress(data: bytes) -> bytes:
        return bytes(brotli.compress(data, quality=quality))

    return compress


def compressible(path: Path) -> bool:
    return path.suffix in COMPRESSIBLE and path.stat().st_size >= MIN_BYTES


def precompress(folder: Path, brotli_quality: int = 11) -> dict[str, int]:
    """Writes ``.gz`` (and ``.br``) siblings of the compressible files under ``folder``, each
    with its original's modification time; returns the bytes of originals and copies by kind."""
    br = brotli_compressor(brotli_quality)
    totals = {"original": 0, "gzip": 0, "br": 0}
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        if not compressible(path):
            continue
        data = path.read_bytes()
        stat = path.stat()
        totals["original"] += len(data)
        variants = [("gzip", ".gz", gzip.compress(data, compresslevel=9, mtime=0))]
        if br:
            variants.append(("br", ".br", br(data)))
        for kind, suffix, packed in variants:
            if len(packed) > len(data) * (1 - MIN_SAVING):
                continue
            copy = path.with_name(path.name + suffix)
            copy.write_bytes(packed)
            os.utime(copy, ns=(stat.st_atime_ns, stat.st_mtime_ns))
            totals[kind] += len(packed)
    return totals


def server_source() -> str:
    """serve.py: the server module, marked as a copy."""
    text = Path(site_server.__file__).read_text(encoding="utf-8")
    return (
        "#!/usr/bin/env python3\n"
        "# Copied from build_scripts/site_server.py by build_scripts/dist.py (`make dist`).\n"
        + text
    )


def stage(site: Path, target: Path, brotli_quality: int) -> dict[str, int]:
    """``target`` laid out as the archive's top folder."""
    shutil.rmtree(target, ignore_errors=True)
    target.mkdir(parents=True)
    shutil.copytree(site, target / "site")
    totals = precompress(target / "site", brotli_quality)
    serve = target / "serve.py"
    serve.write_text(server_source(), encoding="utf-8")
    serve.chmod(0o755)
    (target / "README.txt").write_text(README.format(version=version()), encoding="utf-8")
    return totals


def members(top: Path) -> Iterator[tuple[Path, str]]:
    """Every file and folder under ``top``, sorted, with its name in the archive."""
    yield top, top.name
    for path in sorted(top.rglob("*")):
        yield path, f"{top.name}/{path.relative_to(top).as_posix()}"


def write_tar(top: Path, out: Path) -> None:
    def normal(info: tarfile.TarInfo) -> tarfile.TarInfo:
        info.uid = info.gid = 0
        info.uname = info.gname = ""
        info.mode = 0o755 if info.isdir() or info.name.endswith("/serve.py") else 0o644
        return info

    with tarfile.open(out, "w:gz", compresslevel=9) as tar:
        for path, name in members(top):
            tar.add(path, arcname=name, recursive=False, filter=normal)


def write_zip(top: Path, out: Path) -> None:
    with zipfile.ZipFile(out, "w") as archive:
        for path, name in members(top):
            if path.is_dir():
                continue
            info = zipfile.ZipInfo.from_file(path, name)
            packed = path.suffix in COMPRESSIBLE or path.suffix in (".py", ".txt")
            info.compress_type = zipfile.ZIP_DEFLATED if packed else zipfile.ZIP_STORED
            info.external_attr = (0o755 if name.endswith("/serve.py") else 0o644) << 16
            archive.writestr(info, path.read_bytes(), compresslevel=9 if packed else None)


def make_dist(
    site: Path = SITE,
    out: Path = DIST,
    *,
    brotli_quality: int = 11,
    stage_dir: Path = STAGE,
    zip_too: bool = True,
) -> list[Path]:
    """Writes the archives (tar.gz, and zip unless ``zip_too`` is false) into ``out``; returns
    their paths."""
    if not (site / "index.html").is_file():
        raise FileNotFoundError(f"{rel(site)} has no index.html: run `make build` first")
    name = f"zhiping-site-{version()}"
    top = stage_dir / name
    totals = stage(site, top, brotli_quality)
    out.mkdir(parents=True, exist_ok=True)
    archives = [out / f"{name}.tar.gz"]
    write_tar(top, archives[0])
    if zip_too:
        archives.append(out / f"{name}.zip")
        write_zip(top, archives[1])
    kinds = [f"gzip {totals['gzip'] / 1e6:.1f} MB"]
    kinds.append(f"br {totals['br'] / 1e6:.1f} MB" if totals["br"] else "no br (no brotli module)")
    print(
        f"compressed copies of {totals['original'] / 1e6:.1f} MB of text and wasm: "
        + ", ".join(kinds)
    )
    return archives


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--out", type=Path, default=DIST)
    parser.add_argument("--brotli-quality", type=int, default=11, help="0-11 (default 11)")
    args = parser.parse_args(argv)
    started = time.perf_counter()
    try:
        archives = make_dist(out=args.out, brotli_quality=args.brotli_quality)
    except FileNotFoundError as err:
        print(f"dist failed: {err}", file=sys.stderr)
        return 1
    for path in archives:
        print(f"wrote {rel(path)} ({path.stat().st_size / 1e6:.1f} MB)")
    print(f"in {time.perf_counter() - started:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
