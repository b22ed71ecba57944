"""Render the pages of both languages from the rubrics and ui.yaml into build/docs (jinja2).

Hand-written pages under docs/ are copied as they are; every generated page says so on its first
line.
"""

from __future__ import annotations

import calendar
import datetime
import json
import re
import shutil
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

import jinja2

from zhiping.display import display_score
from zhiping.envelope import FORMAT_VERSION
from zhiping.errors import CODES, FILE_CODES
from zhiping.jsonread import MAX_BYTES, MAX_DEPTH, MAX_DIGITS, MAX_EXPONENT, MAX_TEXT
from zhiping.model import LANGS
from zhiping.model.requirement_document import GROUPS

from .bundle import runtime_dir
from .families import BUILD_FAMILIES
from .families import requirement_document as library
from .load import Catalog
from .paths import BUILD_DOCS, DOCS, TEMPLATES
from .util import copy_if_changed, write_if_changed

HEADER = "---\n# generated from {source} by build_scripts/render.py; do not edit\n"


def header(source: str, title: str, **meta: object) -> str:
    """Front matter naming the source and the page title (the nav shows it in each language)."""
    fields = {"title": title, **meta}
    lines = "".join(f"{k}: {json.dumps(v, ensure_ascii=False)}\n" for k, v in fields.items())
    return HEADER.format(source=source) + lines + "---\n"


def _lookup(ui: dict[str, Any], lang: str) -> Callable[..., str]:
    def t(key: str, **params: object) -> str:
        node: Any = ui
        for part in key.split("."):
            node = node[part]
        text: str = node[lang]
        return text.format_map({k: str(v) for k, v in params.items()}) if params else text

    return t


MD_SPECIAL = str.maketrans(
    {"\\": "\\\\", "*": "\\*", "_": "\\_", "`": "\\`", "[": "\\[", "<": "&lt;"}
)


def md_text(text: str) -> str:
    """Official text as literal Markdown: 标*为 must not start emphasis, <…> must not become
    HTML."""
    return text.translate(MD_SPECIAL)


def md_cell(text: object) -> str:
    """Text safe inside a Markdown table cell."""
    return str(text).replace("|", "\\|").replace("\n\n", "<br><br>").replace("\n", " ")


# A run of Chinese on an English page: starts with a CJK character or opening bracket, ends with a
# CJK character, closing bracket or full-width punctuation mark (a quoted clause ending in ；), and
# may hold CJK punctuation, digits, Latin letters and % inside (工信厅企业〔2024〕56号,
# 《…（2024年版）》). Curly quotes, … and — are shared with English and stay outside.
_CJK = "\u3400-\u9fff\uf900-\ufaff"
_OPEN = "《「『〔（【"
_CLOSE = "》」』〕）】"
_END = "、，。；：！？"
_INNER = f"{_END}…—·%A-Za-z0-9"
ZH_RUN = re.compile(f"[{_CJK}{_OPEN}](?:[{_CJK}{_OPEN}{_CLOSE}{_INNER}]*[{_CJK}{_CLOSE}{_END}])?")
URL = re.compile(r"https?://[A-Za-z0-9./_\\-]+[A-Za-z0-9/]")


def zh_spans(text: str) -> str:
    """Mark every run of Chinese in an English text with ``<span lang="zh">`` (for screen
    readers, fonts and hyphenation). Safe in Markdown tables, links and headings: only CJK runs
    are wrapped, and they never hold ``|``, brackets or quotes of the Markdown syntax."""
    return ZH_RUN.sub(lambda m: f'<span lang="zh">{m[0]}</span>', text)


TAG_OR_QUOTE = re.compile(r'(<[^>]*>)|"')


def admonition_title(text: str) -> str:
    """A text as the quoted title of a Markdown admonition (``!!! abstract "…"``): its own double
    quotes become ``&quot;``; those of its tags (``<span lang="zh">``) stay quotes."""
    return TAG_OR_QUOTE.sub(lambda m: m[1] or "&quot;", text)


def link_urls(text: str) -> str:
    """Bare web addresses in official text become Markdown autolinks."""
    return URL.sub(lambda m: f"<{m[0].replace(chr(92), '')}>", text)


def decision_anchor(decision_id: str) -> str:
    """The anchor of a decision card on the rubric page: A6 → decision-a6."""
    return f"decision-{decision_id.lower()}"


def link_decisions(text: str, ids: Iterable[str], page: str = "") -> str:
    """Every mention of a known decision id (见决策A6, see decisions A3, A4 and Z2) becomes a link
    to its card (on ``page``; "" when the cards are on this page)."""
    known = sorted(ids, key=len, reverse=True)
    if not known:
        return text
    pattern = re.compile(rf"(?<![A-Za-z0-9#\[-])({'|'.join(map(re.escape, known))})(?![A-Za-z0-9])")
    return pattern.sub(lambda m: f"[{m[1]}]({page}#{decision_anchor(m[1])})", text)


def scenario_anchor(group_id: str, index: int) -> str:
    """A readable, language-independent anchor for a scenario: its group and 1-based position
    (product_lifecycle, 1 → scenario-product-lifecycle-1)."""
    return f"scenario-{group_id.replace('_', '-')}-{index}"


def official_date(iso: str, lang: str, t: Callable[..., str]) -> str:
    """A signature date as a notice prints it: 2024年9月4日 / 4 September 2024."""
    d = datetime.date.fromisoformat(iso)
    return t(
        "rubric_text.date",
        year=d.year,
        month=d.month,
        day=d.day,
        month_name=calendar.month_name[d.month],
    )


def environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES),
        # The calculator page is raw HTML: escape it. Markdown pages escape Markdown instead
        # (md_text).
        autoescape=lambda name: name is not None and Path(name).name.startswith("calculator"),
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["cell"] = md_cell
    env.filters["md"] = md_text
    env.filters["pts"] = display_score
    env.filters["admonition_title"] = admonition_title
    return env


# The reader's bounds, as the answers-format page states them (zhiping.jsonread holds them once).
LIMITS = {
    "mb": MAX_BYTES // (1024 * 1024),
    "depth": MAX_DEPTH,
    "digits": MAX_DIGITS,
    "exponent": MAX_EXPONENT,
    "text": MAX_TEXT,
    "format_version": FORMAT_VERSION,
}


def used_in(catalog: Catalog, lang: str) -> dict[str, list[tuple[str, str]]]:
    """Glossary term (zh) → the pages whose official Chinese uses it: (short title in ``lang``,
    the page's Markdown path), rubrics first, then the library's documents."""
    sources = [(raw, f"rubrics/{rid}.md") for rid, raw in catalog.rubrics.items()] + [
        (raw, f"library/{did}.md") for did, raw in catalog.library.items()
    ]
    texts = [
        (json.dumps(raw, ensure_ascii=False), raw["short_title"][lang], path)
        for raw, path in sources
    ]
    return {
        term["zh"]: [(title, path) for text, title, path in texts if term["zh"] in text]
        for term in catalog.glossary["terms"]
    }


def pages(catalog: Catalog, wheel_name: str, runtime: str = "") -> dict[Path, str]:
    """Every generated page: path under build/docs → Markdown text. ``wheel_name`` and ``runtime``
    (Pyodide's module) are the calculator assets' URLs relative to assets/calculator/ (the runtime
    defaults to the installed release's folder)."""
    runtime = runtime or f"../{runtime_dir().removeprefix('assets/')}/pyodide.mjs"
    env = environment()
    out: dict[Path, str] = {}
    for lang in LANGS:
        t = _lookup(catalog.ui, lang)

        def tx(text: dict[str, str], lang: str = lang) -> str:
            return md_text(text[lang])

        def zh(text: object, lang: str = lang) -> str:
            return zh_spans(str(text)) if lang == "en" else str(text)

        calculators = {
            rid for rid, raw in catalog.rubrics.items() if BUILD_FAMILIES[raw["family"]].calculator
        }
        family_rank = {name: i for i, name in enumerate(BUILD_FAMILIES)}
        calculator_order = sorted(  # by family, then Jiangsu before Inner Mongolia (ids descending)
            sorted(calculators, reverse=True),
            key=lambda rid: family_rank[catalog.rubrics[rid]["family"]],
        )
        common = {
            "calculator_order": calculator_order,
            "lang": lang,
            "t": t,
            "tx": tx,
            "rubrics": catalog.rubrics,
            "calculators": calculators,
        }
        out[Path(f"glossary.{lang}.md")] = header(
            "rubrics/glossary.yaml", t("glossary_page.title")
        ) + env.get_template("glossary.md.j2").render(
            **common, zh=zh, terms=catalog.glossary["terms"], used_in=used_in(catalog, lang)
        )
        out[Path(f"index.{lang}.md")] = header(
            "rubrics/*.yaml", t("home.title")
        ) + env.get_template("home.md.j2").render(**common)
        out[Path(f"answers-format.{lang}.md")] = header(
            "rubrics/*.yaml", t("answers_page.title")
        ) + env.get_template("answers.md.j2").render(
            **common,
            models={rid: m for rid, m in catalog.models.items() if rid in calculators},
            families={rid: raw["family"] for rid, raw in catalog.rubrics.items()},
            examples={
                rid: json.dumps(example(m), ensure_ascii=False, indent=2)
                for rid, m in catalog.models.items()
                if (example := BUILD_FAMILIES[catalog.rubrics[rid]["family"]].example_answers)
            },
            codes={
                code: re.sub(r"\{\w+\}", "…", catalog.ui["errors"][code][lang]) for code in CODES
            }
            | {
                code: re.sub(r"\{\w+\}", "…", catalog.ui["files"]["errors"][code][lang])
                for code in FILE_CODES
            },
            limits=LIMITS,
        )
        for rid, raw in catalog.rubrics.items():
            m = catalog.models[rid]
            fam = BUILD_FAMILIES[raw["family"]]
            # the other rubrics of the same family (another province's edition of the same table)
            peers = [
                catalog.models[other]
                for other, data in catalog.rubrics.items()
                if other != rid and data["family"] == raw["family"]
            ]
            ctx = {
                **common,
                **fam.page_context(m, peers),
                "r": raw,
                "m": m,
                "wheel": wheel_name,
                "runtime": runtime,
                "max_bytes": MAX_BYTES,
            }
            src = f"rubrics/{rid}.yaml"
            ids = [d.id for d in m.decisions]
            signed = (
                official_date(raw["source"]["date"], lang, t) if raw["source"].get("date") else ""
            )

            def rtx(text: dict[str, str], lang: str = lang, ids: list[str] = ids) -> str:
                """An official or translated text as rubric-page Markdown: escaped, addresses
                and decision ids linked, Chinese runs marked on English pages."""
                out_text = link_decisions(link_urls(md_text(text[lang])), ids)
                return zh_spans(out_text) if lang == "en" else out_text

            out[Path(f"rubrics/{rid}.{lang}.md")] = header(
                src, m.title.get(lang)
            ) + env.get_template(f"{fam.name}/rubric.md.j2").render(
                **{
                    # shared helpers; a family's own context may replace them (its anchors)
                    "zh": zh,
                    "decision_anchor": decision_anchor,
                    "scenario_anchor": scenario_anchor,
                    "signed": signed,
                    "official_date": lambda iso, lang=lang, t=t: official_date(iso, lang, t),
                    **ctx,
                    "tx": rtx,
                }
            )
            if not fam.calculator:
                continue
            calc_title = t("calculator_page.title", rubric=m.short_title.get(lang))
            out[Path(f"calculator/{rid}.{lang}.md")] = header(
                src, calc_title, zhiping_wheel=wheel_name, zhiping_runtime=runtime
            ) + env.get_template(f"{fam.name}/calculator.md.j2").render(
                **{
                    **ctx,
                    **fam.calculator_context(m),
                    "signed": signed,
                    "tx": lambda text, lang=lang: text[lang],
                }
            )
        out.update(library_pages(env, catalog, lang, t, common))
    return out


def library_pages(
    env: jinja2.Environment,
    catalog: Catalog,
    lang: str,
    t: Callable[..., str],
    common: dict[str, Any],
) -> dict[Path, str]:
    """The requirement library in ``lang``: its index page and one page per document
    (build_scripts/families/requirement_document.py, templates/requirement_document/)."""
    fam = BUILD_FAMILIES[library.FAMILY]
    out: dict[Path, str] = {}

    def zh(text: object) -> str:
        return zh_spans(str(text)) if lang == "en" else str(text)

    def date(iso: str) -> str:
        return official_date(iso, lang, t)

    documents = sorted(catalog.library.values(), key=lambda d: d["id"])
    out[library.page_path("index", lang)] = header(
        f"rubrics/{library.LIBRARY}/*.yaml, rubrics/*.yaml", t("library_page.title")
    ) + env.get_template(f"{fam.name}/index.md.j2").render(
        **common,
        zh=zh,
        official_date=date,
        groups=GROUPS,
        documents=documents,
        index=catalog.library_index,
    )
    for did, raw in catalog.library.items():
        m = catalog.library_models[did]
        ids = [d.id for d in m.decisions]

        def rtx(text: dict[str, str], ids: list[str] = ids, page: str = "") -> str:
            out_text = link_decisions(link_urls(md_text(text[lang])), ids, page)
            return zh_spans(out_text) if lang == "en" else out_text

        src = f"rubrics/{library.LIBRARY}/{did}.yaml"
        ctx = {
            **common,
            **fam.page_context(m, []),
            "r": raw,
            "m": m,
            "zh": zh,
            "tx": rtx,
            "official_date": date,
            "decision_anchor": decision_anchor,
            "heading_text": {s.id: library.heading(s, lang) for _, s in m.walk()},
            "up": "../",
            "decisions_page": "",
        }
        out[library.page_path(did, lang)] = header(src, m.title.get(lang)) + env.get_template(
            f"{fam.name}/rubric.md.j2"
        ).render(**ctx)
        # pages: per_section — each top-level section is a page one folder down
        back = f"../{did}.md"
        for s in library.section_pages(m):
            out[library.section_page_path(did, s.id, lang)] = header(
                src, library.heading(s, lang), search={"boost": library.SECTION_PAGE_BOOST}
            ) + env.get_template(f"{fam.name}/section.md.j2").render(
                **{
                    **ctx,
                    "s": s.to_dict(),
                    "tx": lambda text, rtx=rtx, back=back: rtx(text, page=back),
                    "up": "../../",
                    "decisions_page": back,
                }
            )
    return out


def write_docs(catalog: Catalog, assets: dict[Path, Path], wheel_name: str) -> int:
    """Assemble build/docs: hand-written docs/, generated pages, and asset files. Returns files
    written."""
    wanted: dict[Path, Path | str] = {}
    for src in DOCS.rglob("*"):
        if src.is_file():
            wanted[src.relative_to(DOCS)] = src
    wanted.update(pages(catalog, wheel_name))
    wanted.update(assets)
    written = 0
    for rel_path, content in wanted.items():
        dst = BUILD_DOCS / rel_path
        changed = (
            copy_if_changed(content, dst)
            if isinstance(content, Path)
            else write_if_changed(dst, content)
        )
        written += int(changed)
    for stale in [p for p in BUILD_DOCS.rglob("*") if p.is_file()]:
        if stale.relative_to(BUILD_DOCS) not in wanted:
            stale.unlink()
    for folder in sorted((p for p in BUILD_DOCS.rglob("*") if p.is_dir()), reverse=True):
        if not any(folder.iterdir()):
            shutil.rmtree(folder)
    return written
