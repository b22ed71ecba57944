"""Golden vectors replayed on Node + the npm Pyodide: byte-identical results to CPython."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from build_scripts.paths import PYODIDE, WHEELS
from tests.conftest import vectors
from tests.vectors.observe import answers_text, mismatches
from zhiping.api import score_json

pytestmark = pytest.mark.node
HERE = Path(__file__).resolve().parent


@pytest.fixture(scope="module")
def node_results(tmp_path_factory: pytest.TempPathFactory) -> dict[str, object]:
    node = shutil.which("node")
    assert node, "node is needed (make test installs nothing for it: it comes with the machine)"
    wheels = sorted(WHEELS.glob("zhiping-*.whl"))
    assert wheels, "run `make build` first: no wheel in build/wheel"
    requests = [
        {"rubric": v["rubric"], "lang": v["lang"], "text": answers_text(v)} for v in vectors()
    ]
    path = tmp_path_factory.mktemp("node") / "requests.json"
    path.write_text(json.dumps(requests, ensure_ascii=False), encoding="utf-8")
    proc = subprocess.run(
        [node, str(HERE / "replay.mjs"), str(PYODIDE), str(wheels[-1]), str(path)],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr[-2000:]
    data: dict[str, object] = json.loads(proc.stdout)
    return data


def test_node_runs_pyodide_python_3_14(node_results: dict[str, object]) -> None:
    assert str(node_results["python"]).startswith("3.14")


def test_node_results_are_identical_to_cpython(node_results: dict[str, object]) -> None:
    results = node_results["results"]
    assert isinstance(results, list)
    for vector, text in zip(vectors(), results, strict=True):
        assert text == score_json(vector["rubric"], answers_text(vector), vector["lang"]), vector[
            "name"
        ]


def test_node_results_meet_the_vectors(node_results: dict[str, object]) -> None:
    results = node_results["results"]
    assert isinstance(results, list)
    for vector, text in zip(vectors(), results, strict=True):
        assert mismatches(json.loads(text), vector["expect"]) == [], vector["name"]
