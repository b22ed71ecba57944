"""Load rubrics/*.yaml and the requirement library (rubrics/library/*.yaml), validate them (JSON
Schema, then meaning, then what one file says about another), and fail once listing every
problem."""

from __future__ import annotations

import json
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import jsonschema
import yaml

from zhiping.families import FAMILIES
from zhiping.model import ModelError
from zhiping.validate import Issue, check_glossary, check_texts

from .families import BUILD_FAMILIES
from .families import requirement_document as library
from .paths import GLOSSARY, RUBRICS, UI, rel


class RubricErrors(Exception):
    """The rubric files have problems; ``issues`` lists all of them."""

    def __init__(self, issues: list[Issue]) -> None:
        super().__init__("\n".join(str(i) for i in issues))
        self.issues = issues


@dataclass(frozen=True)
class Catalog:
    """Everything the build reads: rubric dicts (as in the YAML) with their models, ui and
    glossary."""

    rubrics: dict[str, dict[str, Any]]
    models: dict[str, Any]  # rubric id → its family's frozen model
    ui: dict[str, Any]
    glossary: dict[str, Any]
    # the requirement library: document dicts and models by id, and rubrics/library/index.yaml
    library: dict[str, dict[str, Any]] = field(default_factory=dict)
    library_models: dict[str, Any] = field(default_factory=dict)
    library_index: dict[str, Any] = field(default_factory=dict)


class _StrictLoader(yaml.SafeLoader):  # type: ignore[misc]  # PyYAML has no type hints
    """SafeLoader that refuses a key given twice in one mapping (PyYAML keeps the last silently,
    which would hide a pasted-over translation or threshold)."""

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict[Any, Any]:
        seen: dict[Any, yaml.Node] = {}
        for key_node, _ in node.value:
            if key_node.tag == "tag:yaml.org,2002:merge":  # "<<: *anchor" may be overridden
                continue
            key = self.construct_object(key_node, deep=deep)
            if key in seen:
                raise yaml.constructor.ConstructorError(
                    "while constructing a mapping",
                    node.start_mark,
                    f"found duplicate key {key!r}",
                    key_node.start_mark,
                )
            seen[key] = key_node
        mapping: dict[Any, Any] = super().construct_mapping(node, deep=deep)
        return mapping


def _yaml(path: Path, issues: list[Issue]) -> Any:
    try:
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=_StrictLoader)
        # The JSON view of the data (integer keys become strings), as the bundle and the browser
        # see it.
        return json.loads(json.dumps(data, ensure_ascii=False, default=str))
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"line {mark.line + 1}" if mark else ""
        reason = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        issues.append(Issue(rel(path), where, "yaml", reason))
    except OSError as exc:
        issues.append(Issue(rel(path), "", "read", str(exc)))
    return None


def _json_path(parts: Any) -> str:
    out = ""
    for p in parts:
        out += f"[{p}]" if isinstance(p, int) else (f".{p}" if out else str(p))
    return out


def schema_issues(data: Any, file: str, schema_path: Path) -> list[Issue]:
    schema = json.loads(schema_path.read_text(encoding="utf-8"))
    validator = jsonschema.Draft202012Validator(schema)
    errors = sorted(validator.iter_errors(data), key=lambda e: list(map(str, e.absolute_path)))
    return [Issue(file, _json_path(e.absolute_path), "schema", e.message) for e in errors]


def check_rubric(data: Any, file: str) -> tuple[Any, list[Issue]]:
    """The family (by the ``family`` key), then its schema; if the shape is right, its model and
    its meaning checks."""
    name = data.get("family") if isinstance(data, dict) else None
    if name not in BUILD_FAMILIES:
        known = ", ".join(sorted(BUILD_FAMILIES))
        return None, [Issue(file, "family", "family", f"unknown family {name!r} (known: {known})")]
    fam = BUILD_FAMILIES[name]
    issues = schema_issues(data, file, fam.schema)
    if issues:
        return None, issues
    make = FAMILIES[name].model
    try:
        model = make(data)
    except ModelError as exc:
        return None, [Issue(file, exc.path, "model", exc.message)]
    issues += fam.check(model, data, file)
    issues += check_texts(data, file)
    stem = Path(file).stem
    if model.id != stem:
        issues.append(
            Issue(file, "id", "file_name", f"id {model.id!r} must equal the file name {stem!r}")
        )
    return model, issues


def load(rubric_dir: Path = RUBRICS) -> Catalog:
    """Every rubric under ``rubric_dir``, the requirement library under ``rubric_dir/library``,
    plus ui.yaml and glossary.yaml; RubricErrors lists all problems."""
    issues: list[Issue] = []
    rubrics: dict[str, dict[str, Any]] = {}
    models: dict[str, Any] = {}
    decision_ids: set[str] | None = set()
    known: dict[str, bool] = {}  # every rubric that could be modelled → has a calculator
    for path in sorted(rubric_dir.glob("*.yaml")):
        if path.name in (UI.name, GLOSSARY.name):
            continue
        data = _yaml(path, issues)
        if data is None:
            decision_ids = (
                None  # a rubric is unreadable: the glossary's references cannot be checked
            )
            continue
        model, found = check_rubric(data, rel(path))
        if model is not None and model.family == library.FAMILY:
            found.append(
                Issue(
                    rel(path),
                    "family",
                    "family",
                    f"a requirement document belongs in {library.LIBRARY}/",
                )
            )
        issues += found
        if model is None:
            decision_ids = None
        else:
            known[model.id] = BUILD_FAMILIES[model.family].calculator
            if decision_ids is not None:
                decision_ids |= {d.id for d in model.decisions}
        if model is not None and not found:
            rubrics[model.id] = data
            models[model.id] = model
    all_rubrics = decision_ids is not None  # every rubric file could be read and modelled
    lib = _load_library(rubric_dir / library.LIBRARY, issues, known if all_rubrics else None)
    if lib is None:
        decision_ids = None
    elif decision_ids is not None:
        decision_ids |= {d.id for m in lib[1].values() for d in m.decisions}
    ui = _yaml(rubric_dir / UI.name, issues) or {}
    glossary = _yaml(rubric_dir / GLOSSARY.name, issues) or {}
    issues += check_texts(ui, rel(rubric_dir / UI.name))
    issues += check_texts(glossary.get("terms", []), rel(rubric_dir / GLOSSARY.name), "terms")
    issues += check_glossary(glossary, rel(rubric_dir / GLOSSARY.name), decision_ids)
    if issues or lib is None:
        raise RubricErrors(issues)
    return Catalog(rubrics, models, ui, glossary, *lib)


def _load_library(
    folder: Path, issues: list[Issue], rubrics: dict[str, bool] | None
) -> tuple[dict[str, dict[str, Any]], dict[str, Any], dict[str, Any]] | None:
    """The requirement library: its documents (dicts and models by id) and its index. Problems go
    to ``issues``; None when a document could not be modelled. What a document or the index says
    about the rubrics (``rubrics``: id → has a calculator) is checked only when every rubric could
    be modelled (``rubrics`` is None otherwise)."""
    docs: dict[str, dict[str, Any]] = {}
    doc_models: dict[str, Any] = {}
    if not folder.is_dir():
        return docs, doc_models, {}
    ok = True
    for path in sorted(folder.glob("*.yaml")):
        if path.name == library.INDEX:
            continue
        data = _yaml(path, issues)
        if data is None:
            ok = False
            continue
        file = rel(path)
        model, found = check_rubric(data, file)
        if model is None:
            ok = False
        elif model.family != library.FAMILY:
            found.append(
                Issue(
                    file,
                    "family",
                    "family",
                    f"{library.LIBRARY}/ holds {library.FAMILY} documents only",
                )
            )
        else:
            if rubrics is not None:
                found += library.references(model, file, rubrics)
            if model.id in (rubrics or {}):
                found.append(Issue(file, "id", "duplicate_id", f"{model.id!r} is also a rubric"))
        issues += found
        if model is not None and not found:
            docs[model.id] = data
            doc_models[model.id] = model
    index_path = folder / library.INDEX
    index = _yaml(index_path, issues)
    if index is not None:
        file = rel(index_path)
        found = schema_issues(index, file, library.INDEX_SCHEMA)
        if not found and rubrics is not None:
            found = library.index_issues(index, file, list(rubrics))
        issues += found
    return (docs, doc_models, index or {}) if ok else None


def load_or_report(rubric_dir: Path = RUBRICS) -> Catalog | None:
    """The catalog, or None after printing every problem (file: path: [code] reason) to stderr."""
    try:
        return load(rubric_dir)
    except RubricErrors as exc:
        print(f"{len(exc.issues)} problem(s) in the rubric files:", file=sys.stderr)
        for issue in exc.issues:
            print(f"  {issue}", file=sys.stderr)
        return None


def main() -> int:
    catalog = load_or_report()
    if catalog is None:
        return 1
    print(f"ok: {', '.join(catalog.rubrics)}; library: {', '.join(catalog.library)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
