"""The requirement library (rubrics/library/): the documents match their schema and the seed
they were transcribed from, a broken document stops the build naming file, path and reason, and
each document's page, in both languages, is typeset with its source line at the top."""

from __future__ import annotations

import re
import shutil
from pathlib import Path
from typing import Any

import pytest
import yaml

from build_scripts import render
from build_scripts.load import RubricErrors, load
from build_scripts.paths import BUILD_DOCS, RUBRICS, SITE
from tests.build_scripts.rubric_texts import texts
from zhiping.model.requirement_document import GROUPS, RequirementDocument, parse_number

ROOT = Path(__file__).resolve().parents[2]
LIBRARY = RUBRICS / "library"
SEED = ROOT / "tests" / "fixtures" / "seed-001-library.txt"
DX = "dx-typical-scenarios-2025"
PLAN = "smart-factory-cultivation-plan"
# Typed in from the official text (not read from the YAML): the 21 scenarios by category, the 4
# elements, the plan's tiers, measures and safeguards.
DX_SCENARIOS = {
    "研发设计": [
        "产品平台化设计",
        "产品协同测试验证",
        "产品工艺虚拟仿真",
        "产线及工厂三维优化设计",
    ],
    "生产制造": [
        "多工厂/多基地协同排产",
        "生产工艺优化",
        "生产流程优化",
        "质量智能检测",
        "远程能耗监测",
        "安环监测与监管",
    ],
    "运维服务": ["设备在线监测维护", "产品运维及后市场服务"],
    "经营管理": ["财务智能化管理", "客户洞察与营销管理", "人员数字化管理"],
    "供应链管理": [
        "多级供应商采购管理",
        "无人仓储及智能物流",
        "供应链产品质量追溯",
        "供应链断链预测预警",
    ],
    "跨环节协同": ["基于MBSE的产品全生命周期管理", "基于C2M的大规模定制化生产"],
}
ELEMENTS = ["数据要素", "知识模型", "工具软件", "人才技能"]
PLAN_TIERS = [
    "普及推广基础级智能工厂",
    "规模建设先进级智能工厂",
    "择优打造卓越级智能工厂",
    "探索培育领航级智能工厂",
]
PLAN_MEASURES = [
    "制定梯度培育指引",
    "构建推进工作体系",
    "强化供给能力支持",
    "完善标准体系",
    "做好成效评价管理",
    "强化经验总结推广",
]
PLAN_SAFEGUARDS = ["加强统筹协调", "加强政策引导", "加强公共服务", "深化国际合作"]
WIDTH = str.maketrans("（）：，；", "():,;")
# Our texts (not official): everything of these keys, and notes.
OURS = re.compile(r"^\.(short_title|purpose|notice|source|decisions)|\.note$|\.item$")


def norm(text: str) -> str:
    """Whitespace removed, full-width brackets and punctuation read as half-width (decision L3)."""
    return re.sub(r"\s+", "", text).translate(WIDTH)


def data(doc_id: str) -> dict[str, Any]:
    loaded: dict[str, Any] = yaml.safe_load((LIBRARY / f"{doc_id}.yaml").read_text("utf-8"))
    return loaded


def sections(d: dict[str, Any]) -> list[dict[str, Any]]:
    out = []

    def walk(items: list[dict[str, Any]]) -> None:
        for s in items:
            out.append(s)
            walk(s.get("sections", []))

    walk(d["sections"])
    return out


# --- the data -------------------------------------------------------------------------------------


def test_the_library_loads_with_the_rubrics() -> None:
    catalog = load()
    files = sorted(p.stem for p in LIBRARY.glob("*.yaml") if p.name != "index.yaml")
    assert {DX, PLAN} <= set(files)
    assert sorted(catalog.library) == files  # every document of the folder, nothing else
    assert {m.group for m in catalog.library_models.values()} <= set(GROUPS)


def test_the_dx_reference_has_6_categories_21_scenarios_and_4_elements() -> None:
    d = data(DX)
    (examples,) = [s for s in d["sections"] if s["id"] == "examples"]
    got = {
        c["heading"]["zh"]: [s["heading"]["zh"] for s in c["sections"]]
        for c in examples["sections"]
    }
    assert got == DX_SCENARIOS
    assert sum(len(v) for v in got.values()) == 21
    elements = next(s for s in sections(d) if s["id"] == "scenario-elements")
    (lst,) = [b for b in elements["blocks"] if b["type"] == "list"]
    assert [i["term"]["zh"] for i in lst["items"]] == ELEMENTS
    figures = [b for s in sections(d) for b in s.get("blocks", []) if b["type"] == "figure"]
    assert [f["caption"]["zh"] for f in figures] == [
        "图1 场景分类",
        "图2 场景的数字化要素",
        "图3 数字化转型场景图谱",
    ]
    assert d["source"]["number"] is None and d["source"]["missing"] == {"number": "L1"}
    assert d["source"]["date"] == "2024-12-17"


def test_the_production_summary_names_5_examples_and_the_note_says_the_body_has_6() -> None:
    d = data(DX)
    (cats,) = [s for s in sections(d) if s["id"] == "scenario-categories"]
    (lst,) = [b for b in cats["blocks"] if b["type"] == "list"]
    production = lst["items"][1]
    assert production["term"]["zh"] == "生产制造"
    named = re.search(r"包含(.*)等细分场景", production["text"]["zh"])
    assert named is not None and len(named[1].split("、")) == 5
    assert "生产流程优化" in production["note"]["zh"] and "L4" in production["note"]["zh"]


def test_the_plan_has_4_tiers_6_measures_4_safeguards_each_tier_linked_to_the_checklist() -> None:
    d = data(PLAN)
    top = {s["id"]: s for s in d["sections"]}
    assert [s["heading"]["zh"] for s in top["tiers"]["sections"]] == PLAN_TIERS
    assert [s["heading"]["zh"] for s in top["implementation"]["sections"]] == PLAN_MEASURES
    assert [s["heading"]["zh"] for s in top["safeguards"]["sections"]] == PLAN_SAFEGUARDS
    for s, tier in zip(
        top["tiers"]["sections"], ["basic", "advanced", "excellence", "leading"], strict=True
    ):
        assert s["links"] == [
            {
                "rubric": "smart-factory-national-2025",
                "anchor": f"tier-{tier}",
                "item": s["links"][0]["item"],
            }
        ]
    assert d["source"]["issuer"] is None and set(d["source"]["missing"]) == {
        "issuer",
        "number",
        "date",
    }
    assert d["purpose"]["scored_by"] == ["smart-factory-national-2025"]


@pytest.mark.parametrize("doc_id", [DX, PLAN])
def test_the_model_round_trips(doc_id: str) -> None:
    d = data(doc_id)
    m = RequirementDocument.from_dict(d)
    assert m.to_dict() == d
    assert RequirementDocument.from_dict(m.to_dict()) == m


def test_section_numbers_as_each_language_prints_them() -> None:
    assert parse_number("一、") == (1, "I.")
    assert parse_number("（六）") == (6, "(6)")
    assert parse_number("12.") == (12, "12.")
    assert parse_number("第十二条") == (12, "Article 12")
    assert parse_number("第二十章") == (20, "Chapter 20")
    with pytest.raises(ValueError):
        parse_number("A.")


# --- transcription --------------------------------------------------------------------------------


@pytest.mark.parametrize("doc_id", [DX, PLAN])
def test_every_official_text_is_in_the_seed(doc_id: str) -> None:
    """Verbatim up to whitespace and bracket width (decision L3): every zh text but ours."""
    seed = norm(SEED.read_text(encoding="utf-8"))
    official = [(p, t) for p, t in texts(data(doc_id)) if not OURS.search(p)]
    assert len(official) > 25
    missing = [(p, t["zh"][:40]) for p, t in official if norm(t["zh"]) not in seed]
    assert not missing


def test_the_seed_excerpt_holds_the_signature_and_the_table_of_contents_numbering() -> None:
    seed = norm(SEED.read_text(encoding="utf-8"))
    assert norm("工业和信息化部办公厅 2024年12月17日") in seed
    assert norm("8. 《智能工厂梯度培育行动实施方案》") in seed


# --- a broken document stops the build -----------------------------------------------------------


def copy_rubrics(tmp_path: Path) -> Path:
    target = tmp_path / "rubrics"
    shutil.copytree(RUBRICS, target)
    return target


def edit(folder: Path, doc_id: str, change: Any) -> None:
    path = folder / "library" / f"{doc_id}.yaml"
    d = yaml.safe_load(path.read_text(encoding="utf-8"))
    change(d)
    path.write_text(yaml.safe_dump(d, allow_unicode=True, sort_keys=False), encoding="utf-8")


def issues_of(folder: Path) -> set[tuple[str, str, str]]:
    with pytest.raises(RubricErrors) as err:
        load(folder)
    return {(i.file.split("/")[-1], i.path, i.code) for i in err.value.issues}


def test_a_broken_document_stops_the_build_naming_file_path_and_reason(tmp_path: Path) -> None:
    folder = copy_rubrics(tmp_path)

    def change(d: dict[str, Any]) -> None:
        d["sections"][0]["sections"][0]["blocks"][0]["text"]["en"] = ""  # schema
        d["sections"][0]["sections"][0]["blocks"].append({"type": "table", "columns": []})

    edit(folder, DX, change)
    found = issues_of(folder)
    assert (
        "dx-typical-scenarios-2025.yaml",
        "sections[0].sections[0].blocks[0].text.en",
        "schema",
    ) in found
    # the table with no columns and no rows, at its own path
    assert any(
        p.startswith("sections[0].sections[0].blocks[3]") and c == "schema" for _, p, c in found
    ), found


def test_meaning_problems_of_a_document_are_all_listed(tmp_path: Path) -> None:
    folder = copy_rubrics(tmp_path)

    def change(d: dict[str, Any]) -> None:
        d["sections"][1]["sections"][1]["number"] = "（五）"  # (一)(五) under 二、
        d["sections"][2]["sections"][1]["id"] = "tier-basic"  # an id twice
        del d["source"]["missing"]["date"]  # a null date without its decision
        d["sections"][2]["sections"][0]["links"][0]["rubric"] = "no-such-rubric"
        d["decisions"][0]["applies_to"] = ["nowhere"]
        d["purpose"]["scored_by"] = ["no-such-rubric"]  # no such calculator
        d["sections"][0]["blocks"][0]["text"]["zh"] += "见决策L9"

    edit(folder, PLAN, change)
    found = {(p, c) for f, p, c in issues_of(folder) if f == f"{PLAN}.yaml"}
    assert {
        ("sections[1].sections", "numbering"),
        ("sections[2].sections[1].id", "duplicate_id"),
        ("source.date", "missing_decision"),
        ("sections[2].sections[0].links[0].rubric", "unknown_ref"),
        ("decisions[0].applies_to[0]", "unknown_ref"),
        ("purpose.scored_by[0]", "unknown_ref"),
        ("sections[0].blocks[0].text.zh", "unknown_ref"),
    } <= found, found


def test_the_index_must_place_every_rubric_once(tmp_path: Path) -> None:
    folder = copy_rubrics(tmp_path)
    path = folder / "library" / "index.yaml"
    index = yaml.safe_load(path.read_text(encoding="utf-8"))
    index["rubrics"]["national"].remove("tech-system-1295")
    index["rubrics"]["association"] = ["jiangsu-dx-2025", "nope"]
    path.write_text(yaml.safe_dump(index, allow_unicode=True), encoding="utf-8")
    found = issues_of(folder)
    assert ("index.yaml", "rubrics", "missing") in found
    assert ("index.yaml", "rubrics.association[0]", "duplicate_id") in found
    assert ("index.yaml", "rubrics.association[1]", "unknown_ref") in found


def test_a_document_in_the_wrong_folder_is_refused(tmp_path: Path) -> None:
    folder = copy_rubrics(tmp_path)
    shutil.move(folder / "library" / f"{DX}.yaml", folder / f"{DX}.yaml")
    assert (f"{DX}.yaml", "family", "family") in issues_of(folder)


# --- pages ----------------------------------------------------------------------------------------


def page(doc_id: str, lang: str) -> str:
    path = BUILD_DOCS / "library" / f"{doc_id}.{lang}.md"
    assert path.exists(), "run `make build` first"
    return path.read_text(encoding="utf-8")


def headings(md: str) -> list[str]:
    return re.findall(r"^#{2,6} (.*?) \{ #[a-z0-9-]+ \}$", md, flags=re.M)


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_every_scenario_and_measure_is_a_heading_in_both_languages(lang: str) -> None:
    d, p = data(DX), data(PLAN)
    want_dx = [s["heading"][lang] for s in sections(d)]
    want_plan = [s["heading"][lang] for s in sections(p)]
    assert len(want_dx) == 2 + 3 + 6 + 21 and len(want_plan) == 5 + 2 + 4 + 6 + 4
    for doc_id, want in ((DX, want_dx), (PLAN, want_plan)):
        got = headings(page(doc_id, lang))
        assert len(got) == len(want) + 1  # and our decisions
        assert all(render.md_text(w) in g for w, g in zip(want, got[:-1], strict=True)), (got, want)
    assert "#### 3. Production workflow optimization" in page(DX, "en") or lang == "zh"
    assert "#### 3. 生产流程优化" in page(DX, "zh") or lang == "en"


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_source_line_is_at_the_top_with_a_link_back_to_the_index(lang: str) -> None:
    for doc_id in (DX, PLAN):
        md = page(doc_id, lang)
        top = md[: md.index('<div id="text"')]
        assert f"(index.md#{doc_id})" in top
        assert ("文号" if lang == "zh" else "Document number") in top
        assert ("所据文本" if lang == "zh" else "Text we worked from") in top
    assert ("2024年12月17日" if lang == "zh" else "17 December 2024") in page(DX, lang)[:2000]
    assert "[L1](#decision-l1)" in page(PLAN, lang)[:2000]
    assert "../calculator/smart-factory-national-2025.md" in page(PLAN, lang)[:3000]
    index = (BUILD_DOCS / "library" / f"index.{lang}.md").read_text(encoding="utf-8")
    for anchor in (
        DX,
        PLAN,
        "sme-digital-level-2024",
        "jiangsu-dx-2025",
        "inner-mongolia-capability-2025",
    ):
        assert f"{{ #{anchor} }}" in index
    assert index.count("\n## ") == 4


ALLOWED_ZH = re.compile(r"“[^”]*”|[\u4e00-\u9fff（）〔〕]*〔\d{4}〕[\u4e00-\u9fff\d]*号")


ALL_DOCS = sorted(p.stem for p in LIBRARY.glob("*.yaml") if p.name != "index.yaml")


@pytest.mark.parametrize("doc_id", ALL_DOCS)
def test_english_blocks_are_english(doc_id: str) -> None:
    """Every document of the library: no empty English, and no Chinese in English text but quoted
    names and document numbers."""
    for path, t in texts(data(doc_id)):
        assert t["en"].strip(), path
        rest = ALLOWED_ZH.sub("", t["en"])
        assert not re.search(r"[\u4e00-\u9fff]", rest), (path, t["en"][:80])


def test_the_plan_links_each_tier_to_the_checklist_and_its_calculator_on_the_site() -> None:
    html = (SITE / "library" / PLAN / "index.html").read_text(encoding="utf-8")
    for tier in ("basic", "advanced", "excellence", "leading"):
        assert f'href="../../rubrics/smart-factory-national-2025/#tier-{tier}"' in html
    assert html.count('href="../../calculator/smart-factory-national-2025/"') >= 5
    assert "pyodide" not in html.lower().replace(
        "assets/pyodide", ""
    )  # no Pyodide on a reading page
