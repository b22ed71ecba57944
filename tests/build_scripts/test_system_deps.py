"""build_scripts/system_deps.sh installs nothing when chromium and the CJK fonts are there.

apt-get and sudo are replaced by fake scripts (first on PATH) that record being called and exit 0,
so no test touches the system's packages.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

from build_scripts.paths import ROOT

SCRIPT = ROOT / "build_scripts" / "system_deps.sh"
RECORDER = '#!/bin/sh\necho "$(basename "$0") $*" >> "{log}"\n'


def fake_bin(tmp_path: Path, fc_list: str | None = None) -> tuple[Path, Path]:
    """A folder with recording apt-get and sudo (and, if given, a scripted fc-list)."""
    folder = tmp_path / "bin"
    folder.mkdir()
    log = tmp_path / "calls.log"
    for name in ("apt-get", "sudo"):
        (folder / name).write_text(RECORDER.format(log=log), encoding="utf-8")
    if fc_list is not None:
        (folder / "fc-list").write_text(fc_list, encoding="utf-8")
    for path in folder.iterdir():
        path.chmod(0o755)
    return folder, log


def run(folder: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PATH": f"{folder}{os.pathsep}{os.environ['PATH']}"}
    return subprocess.run(
        ["bash", str(SCRIPT)], env=env, capture_output=True, text=True, timeout=60, check=False
    )


def calls(log: Path) -> str:
    return log.read_text(encoding="utf-8") if log.exists() else ""


def test_nothing_to_install_on_this_machine(tmp_path: Path) -> None:
    # The machine's state is the premise: chromium at /usr/bin, Noto CJK fonts known to fontconfig.
    assert Path("/usr/bin/chromium").is_file()
    assert shutil.which("fc-list") is not None
    folder, log = fake_bin(tmp_path)
    result = run(folder)
    assert result.returncode == 0, result.stderr
    assert calls(log) == ""
    assert "installing" not in result.stdout


def test_a_long_font_list_does_not_break_the_check(tmp_path: Path) -> None:
    # The match comes first and is followed by many lines: a reader that stops at the match
    # (grep -q) would kill the writer with SIGPIPE, which pipefail turned into "fonts missing".
    fc_list = (
        "#!/bin/sh\necho 'Noto Sans CJK SC'\n"
        'i=0; while [ $i -lt 20000 ]; do echo "Some Font $i"; i=$((i+1)); done\n'
    )
    folder, log = fake_bin(tmp_path, fc_list)
    result = run(folder)
    assert result.returncode == 0, result.stderr
    assert calls(log) == ""


def test_missing_fonts_are_installed_with_apt_get(tmp_path: Path) -> None:
    folder, log = fake_bin(tmp_path, "#!/bin/sh\necho 'DejaVu Sans'\n")
    result = run(folder)
    assert result.returncode == 0, result.stderr
    recorded = calls(log)
    assert "apt-get update -qq" in recorded
    assert "install -y -qq --no-install-recommends fonts-noto-cjk" in recorded
    assert "chromium" not in recorded.replace("fonts-noto-cjk", "")
