"""Small file helpers shared by the build steps."""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path


def write_if_changed(path: Path, content: str | bytes) -> bool:
    """Write only when the content differs, so watchers (mkdocs serve) do not loop. True if
    written."""
    data = content.encode("utf-8") if isinstance(content, str) else content
    if path.exists() and path.read_bytes() == data:
        return False
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return True


def copy_if_changed(src: Path, dst: Path) -> bool:
    if (
        dst.exists()
        and dst.stat().st_size == src.stat().st_size
        and dst.read_bytes() == src.read_bytes()
    ):
        return False
    dst.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(src, dst)
    return True


def digest(data: bytes, length: int = 12) -> str:
    return hashlib.sha256(data).hexdigest()[:length]
