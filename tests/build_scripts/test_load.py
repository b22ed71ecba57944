"""A broken rubric fails the build listing every problem with file, path and reason."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml

from build_scripts.load import RubricErrors, load, load_or_report
from build_scripts.paths import RUBRICS

NAME = "sme-digital-level-2024.yaml"


def copy_rubrics(tmp_path: Path) -> Path:
    target = tmp_path / "rubrics"
    shutil.copytree(RUBRICS, target)
    return target


def edit(folder: Path, change: object) -> None:
    path = folder / NAME
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    change(data)  # type: ignore[operator]
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")


def issues_of(folder: Path) -> list[tuple[str, str, str]]:
    with pytest.raises(RubricErrors) as err:
        load(folder)
    return [(i.file.split("/")[-1], i.path, i.code) for i in err.value.issues]


def test_the_real_rubrics_load() -> None:
    catalog = load()
    assert sorted(catalog.rubrics) == [
        "inner-mongolia-capability-2025",
        "jiangsu-dx-2025",
        "smart-factory-national-2025",
        "smart-factory-tier-inner-mongolia-2025",
        "smart-factory-tier-jiangsu-2025",
        "sme-digital-level-2024",
        "tech-system-1295",
    ]


def test_schema_problems_are_all_listed(tmp_path: Path) -> None:
    folder = copy_rubrics(tmp_path)

    def change(d: dict) -> None:  # type: ignore[type-arg]
        d["questions"][0]["type"] = "several"
        del d["levels"][1]["min_score"]
        d["scenario_groups"][0]["scenarios"][0]["name"]["en"] = ""

    edit(folder, change)
    found = issues_of(folder)
    assert (NAME, "questions[0].type", "schema") in found
    assert (NAME, "levels[1]", "schema") in found
    assert (NAME, "scenario_groups[0].scenarios[0].name.en", "schema") in found


def test_meaning_problems_are_all_listed(tmp_path: Path) -> None:
    folder = copy_rubrics(tmp_path)

    def change(d: dict) -> None:  # type: ignore[type-arg]
        d["dimensions"][0]["weight"] = 60  # 60 + 30 + 20 ≠ 100
        d["levels"][2]["min_score"] = 30  # below level 2's 40
        d["questions"][1]["options"][1]["range"]["min"] = 12  # gap after 10 %
        d["questions"][13]["derive"]["current"]["denominator"] = "2.nope"
        d["questions"][3]["options"][0]["none"] = False  # multi-choice without 无
        d["scenario_groups"][1]["scenarios"][0]["levels"].pop()
        d["decisions"][0]["applies_to"] = ["question:99"]
        d["questions"][4]["stem"]["en"] = d["questions"][4]["stem"]["zh"]

    edit(folder, change)
    found = {(path, code) for _, path, code in issues_of(folder)}
    assert {
        ("dimensions", "weights_sum"),
        ("levels[2]", "monotone"),
        ("questions[1].options", "ranges"),
        ("questions[13].derive", "unknown_ref"),
        ("questions[3].options", "none_option"),
        ("scenario_groups[1].scenarios[0].levels", "level_texts"),
        ("decisions[0].applies_to[0]", "unknown_ref"),
        ("questions[4].stem", "untranslated"),
    } <= found


def test_yaml_syntax_errors_name_the_line(tmp_path: Path) -> None:
    folder = copy_rubrics(tmp_path)
    (folder / NAME).write_text("id: [unclosed\n", encoding="utf-8")
    assert [(f, code) for f, _, code in issues_of(folder)] == [(NAME, "yaml")]


def test_a_key_given_twice_in_the_yaml_is_an_error_naming_its_line(tmp_path: Path) -> None:
    folder = copy_rubrics(tmp_path)
    text = (folder / NAME).read_text(encoding="utf-8")
    lines = text.splitlines()
    at = next(i for i, line in enumerate(lines) if line.startswith("short_title:"))
    lines.insert(at, "title: {zh: 重复, en: Repeated}")  # a second top-level "title"
    (folder / NAME).write_text("\n".join(lines) + "\n", encoding="utf-8")
    found = issues_of(folder)
    assert [(f, code) for f, _, code in found] == [(NAME, "yaml")]
    assert found[0][1] == f"line {at + 1}"


def test_the_build_stops_and_prints_every_problem(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = copy_rubrics(tmp_path)

    def change(d: dict) -> None:  # type: ignore[type-arg]
        d["dimensions"][0]["weight"] = 60
        d["levels"][0]["min_scenarios"] = 99

    edit(folder, change)
    assert load_or_report(folder) is None
    err = capsys.readouterr().err
    assert "3 problem(s) in the rubric files" in err  # 99 also breaks monotony with level 2
    assert f"{NAME}: levels[1]: [monotone]" in err
    assert f"{NAME}: dimensions: [weights_sum] weights add up to 110%, not 100%" in err
    assert f"{NAME}: levels[0]: [thresholds]" in err


def test_repeated_ids_stop_the_build_and_are_listed(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = copy_rubrics(tmp_path)

    def change(d: dict) -> None:  # type: ignore[type-arg]
        d["dimensions"][1]["id"] = d["dimensions"][0]["id"]
        groups = d["scenario_groups"]
        groups[2]["scenarios"][1]["id"] = groups[0]["scenarios"][0]["id"]

    edit(folder, change)
    glossary = folder / "glossary.yaml"
    terms = yaml.safe_load(glossary.read_text(encoding="utf-8"))
    terms["terms"][5]["zh"] = terms["terms"][2]["zh"]
    text = yaml.safe_dump(terms, allow_unicode=True, sort_keys=False)
    glossary.write_text(text, encoding="utf-8")

    assert load_or_report(folder) is None
    err = capsys.readouterr().err
    assert "3 problem(s) in the rubric files" in err
    assert f"{NAME}: dimensions[1].id: [duplicate_id] dimension 'foundation' repeats" in err
    assert f"{NAME}: scenario_groups[2].scenarios[1].id: [duplicate_id] scenario '产品设计'" in err
    assert "glossary.yaml: terms[5].zh: [duplicate_id] glossary term '工业和信息化部'" in err


def test_the_wheel_holds_exactly_the_package_modules() -> None:
    """Every module of calculator/zhiping ships, and nothing stale from an earlier layout."""
    import zipfile

    from build_scripts.paths import CALCULATOR, SITE

    (wheel,) = (SITE / "assets" / "calculator").glob("zhiping-*.whl")
    shipped = {n for n in zipfile.ZipFile(wheel).namelist() if n.endswith(".py")}
    package = CALCULATOR / "zhiping"
    sources = {
        str(p.relative_to(CALCULATOR))
        for p in package.rglob("*.py")
        if "__pycache__" not in p.parts
    }
    assert shipped == sources


def test_a_broken_pool_rule_stops_the_build_naming_file_path_and_reason(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The "1295" pool proposal rule (decision T20): an unknown column, a tick column read as a
    grade and a grade 6 are all reported at once."""
    tech = "tech-system-1295.yaml"
    folder = copy_rubrics(tmp_path)
    path = folder / tech
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    rules = data["libraries"]["proposal"]["rules"]
    rules[1]["criteria"][2]["column"] = "moon"  # strength, 技术发展水平等级 5
    rules[0]["criteria"][0].update(kind="grade", grades=[5])  # shortcoming, 无自主能力 (a tick)
    rules[0]["criteria"][1]["grades"] = [4, 5, 6]  # shortcoming, 差距和赶超难度
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")

    found = [x for x in issues_of(folder) if x[0] == tech]
    at = "libraries.proposal.rules"
    assert found == [
        (tech, f"{at}[0].criteria[0].kind", "kind"),
        (tech, f"{at}[0].criteria[1].grades[2]", "levels"),
        (tech, f"{at}[1].criteria[2].column", "unknown_ref"),
    ]
    assert load_or_report(folder) is None
    err = capsys.readouterr().err
    assert "3 problem(s) in the rubric files" in err
    assert (
        f"{tech}: {at}[0].criteria[0].kind: [kind] 'no_autonomy' of table 1 is a tick column, "
        "not a grade column"
    ) in err
    assert f"{tech}: {at}[0].criteria[1].grades[2]: [levels] grades lie in 1..5: 6" in err
    assert f"{tech}: {at}[1].criteria[2].column: [unknown_ref] no column of table 1 'moon'" in err
