"""Site search: Chinese words found as words, one index per language, no calculator chrome.

Material's search plugin segments Chinese at build time with jieba (``jieba.cut``, words joined by
U+200B, which the zh separator splits on), and its search worker segments a Chinese query greedily
against the index's own words. What is added here (applied by build_scripts/mkdocs_hooks.py):

1. **Dictionary.** The Chinese names the YAML defines (glossary terms, dimension, indicator, item,
   scenario group, scenario and level names, the rubric's explained terms) are added to jieba, so
   "数字孪生" or "设备联网" is one word in the index instead of 数字 + 孪生. The words are written
   to ``build/search/userdict.txt`` (jieba's user-dictionary format) for inspection.
2. **Parts.** A dictionary word hides its parts (孪生 inside 数字孪生), so every Chinese word of a
   section also contributes its parts (jieba's full mode, two characters or more) to a ``parts``
   field that is indexed but never shown. The separator keeps quotes and brackets on English
   words (“chokepoint”, (software), which no query for the word finds; the bare word goes to the
   same field.
3. **Query.** The worker's query segmenter never tried a candidate word that ends at the query's
   last character, so "设备联网" was searched as 设备 alone. The bound is fixed, and the segmented
   Chinese is set apart from adjacent Latin text ("5G工业网络" → "5G 工业网络").
4. **Languages.** mkdocs-static-i18n writes one index with both languages. It is split: zh pages
   keep ``search/search_index.json``, en pages get ``en/search/search_index.json`` (Material loads
   ``search/search_index.json`` under the page's ``base``, so en pages get ``<base>/en/`` as base
   and the en locations lose their ``en/`` prefix).
5. **Defined terms.** A page's first section gets a hidden field with the terms the page defines,
   weighted above any title, so that a term lists its own page first: a rubric page's names and
   question titles (``names``), the glossary's other terms (``keywords``); see ``page_keywords``.
6. **Phrases.** A Chinese name is one word of the index (the dictionary), an English one is several,
   and the words of one name are also the words of others: "Production safety" (an SME scenario)
   shares both words with the tier tables' "Production operations" and "Safety management and
   control", and a big page naming many such things outranked the page naming the phrase. So each
   name of two or more words is also written as one word, its words joined by ``_`` after a
   leading ``_`` (``_production_safety``: a query for "production" alone does not match it), in a
   field of its own weighted above the names (``phrases``), and the worker adds the same joined
   word to a query of two or more words: only the page that names the whole phrase (or a name
   starting with it, as the query is typed) matches it. And the names and keywords fields hold each
   word once: a page that names many things with "production" in them defines "production" no more
   than a page that names it once.

Calculator chrome (buttons, status and live regions, the result panel the script fills) is marked
``data-search-exclude``, which Material's indexer skips.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

import yaml

from .paths import BUILD, GLOSSARY, RUBRICS, UI

USERDICT = BUILD / "search" / "userdict.txt"
LIBRARY_USERDICT = BUILD / "search" / "library-userdict.txt"  # the requirement library's names
EN = "en/"  # the path prefix of the English pages (mkdocs-static-i18n, locale en)
PARTS = "parts"  # hidden index fields (listed under plugins.search.fields in mkdocs.yml)
KEYWORDS = "keywords"
NAMES = "names"
PHRASES = "phrases"
MARK = "zhiping"  # key added to a processed index, so that processing twice changes nothing
JOIN = "_"  # joins the words of a phrase into one index word (neither a separator nor lunr syntax)

HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+")
SEPARATOR = re.compile(r"[\s\u200b\u3000\-、。，．？！；]+")  # Material's zh default (see index)
TAG = re.compile(r"<[^>]*>")
# An opening quote or bracket the separator leaves on a word (“usable”, (software): a query, which
# matches the start of index words, cannot find the word. (What follows a word is no obstacle.)
OPENED = re.compile(r"^[\"'“‘(\[（《「【]+")

# Start tags of calculator chrome: buttons, ARIA live regions, the slots the script fills, noscript.
CHROME = re.compile(
    r"<(?P<tag>[a-zA-Z][a-zA-Z0-9]*)(?P<attrs>"
    r"(?=[^>]*(?:\bclass=\"(?:[^\"]*\s)?md-button[\"\s]|\brole=\"(?:status|alert)\"|\baria-live=|"
    r"\bdata-slot=))[^>]*"
    r")>|<noscript(?P<ns>[^>]*)>"
)


# --- 1. Dictionary --------------------------------------------------------------------------------


def _names(data: Any, lang: str = "zh") -> Iterable[str]:
    """Every ``name``, ``term`` and question ``stem`` text of a rubric dict, in ``lang`` (a question
    title is a name too: as one dictionary word, searching it finds the page that asks it)."""
    if isinstance(data, dict):
        for key, value in data.items():
            if key in ("name", "term", "stem") and isinstance(value, dict):
                text = value.get(lang)
                if isinstance(text, str):
                    yield text
            else:
                yield from _names(value, lang)
    elif isinstance(data, list):
        for value in data:
            yield from _names(value, lang)


def dictionary_words(glossary: dict[str, Any], rubrics: Iterable[dict[str, Any]]) -> list[str]:
    """Every Chinese word (run of two or more Han characters) of the glossary terms and the
    rubrics' names, in first-seen order. "一级（初始级）" gives 一级 and 初始级; "5G工业网络" gives
    工业网络."""
    texts = [t["zh"] for t in glossary.get("terms", []) if isinstance(t.get("zh"), str)]
    for rubric in rubrics:
        texts += _names(rubric)
    words: dict[str, None] = {}
    for text in texts:
        for run in HAN.findall(text):
            if len(run) >= 2:
                words[run] = None
    return list(words)


def read_sources(rubric_dir: Path = RUBRICS) -> tuple[dict[str, Any], dict[str, dict[str, Any]]]:
    """The glossary and the rubrics by id, read as they are (`make build` validates them first)."""
    glossary = yaml.safe_load((rubric_dir / GLOSSARY.name).read_text(encoding="utf-8")) or {}
    rubrics: dict[str, dict[str, Any]] = {}
    for p in sorted(rubric_dir.glob("*.yaml")):
        if p.name not in (GLOSSARY.name, UI.name):
            data = yaml.safe_load(p.read_text(encoding="utf-8")) or {}
            rubrics[str(data.get("id", p.stem))] = data
    return glossary, rubrics


def page_keywords(
    glossary: dict[str, Any], rubrics: dict[str, dict[str, Any]]
) -> dict[str, tuple[str, dict[str, list[str]]]]:
    """The terms each page defines: page location → (index field, terms by language). Each rubric
    page defines its names (dimensions … scenarios, levels, explained terms) and its question
    titles (field ``names``); the glossary page its other terms (field ``keywords``, weighted
    less: a rubric names its parts, the glossary translates them). The locations are
    build_scripts/render.py's pages (rubrics/<id>.md, glossary.md) as served."""
    out: dict[str, tuple[str, dict[str, list[str]]]] = {}
    owned: set[str] = set()
    for rid, data in rubrics.items():
        by_lang: dict[str, list[str]] = {}
        for lang in ("zh", "en"):
            stems = [q["stem"][lang] for q in data.get("questions", []) if "stem" in q]
            by_lang[lang] = list(dict.fromkeys([*_names(data, lang), *stems]))
        owned.update(by_lang["zh"])
        out[f"rubrics/{rid}/"] = (NAMES, by_lang)
    terms = [t for t in glossary.get("terms", []) if t.get("zh") not in owned]
    out["glossary/"] = (
        KEYWORDS,
        {lang: [t[lang] for t in terms if isinstance(t.get(lang), str)] for lang in ("zh", "en")},
    )
    return out


def read_library(rubric_dir: Path = RUBRICS) -> dict[str, dict[str, Any]]:
    """The requirement library's documents (rubrics/library/*.yaml) by id, read as they are."""
    out: dict[str, dict[str, Any]] = {}
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml: a long catalogue loads fast
    for p in sorted((rubric_dir / "library").glob("*.yaml")):
        data = yaml.load(p.read_text(encoding="utf-8"), Loader=loader) or {}
        if data.get("family") == "requirement_document":
            out[str(data.get("id", p.stem))] = data
    return out


def library_names(doc: dict[str, Any], lang: str) -> list[str]:
    """The names a library document defines: its section headings, the run-in terms of its
    lists (the 21 scenarios, the four elements, the tiers and measures) and the cells of a table's
    name column (a catalogue's equipment names). A Chinese name becomes one word of the index; an
    English one of several words is given as its phrase (``phrase``: _proton_therapy_equipment),
    which only a query of the whole name (or its start) matches: its single words (high, large,
    system) are the words of many names, and as defined terms they would list the catalogue first
    for any of them."""
    found: dict[str, None] = {}

    def walk(sections: list[dict[str, Any]]) -> None:
        for s in sections:
            found[s["heading"][lang]] = None
            for b in s.get("blocks", []):
                for item in b.get("items", []):
                    if "term" in item:
                        found[item["term"][lang]] = None
                if "name_column" in b:
                    for row in b.get("rows", []):
                        name = row[b["name_column"]][lang]
                        found[name if lang == "zh" else (phrase(name) or name)] = None
            walk(s.get("sections", []))

    walk(doc.get("sections", []))
    return list(found)


def library_keywords(
    library: dict[str, dict[str, Any]],
) -> dict[str, tuple[str, dict[str, list[str]]]]:
    """page_keywords for the library's pages (library/<id>/): the names each document defines. A
    document paged per section (``pages: per_section``) defines its title on its own page, and each
    top-level section's names on that section's page (library/<id>/<section id>/)."""
    out: dict[str, tuple[str, dict[str, list[str]]]] = {}
    for did, doc in library.items():
        if doc.get("pages") != "per_section":
            out[f"library/{did}/"] = (
                NAMES,
                {lang: library_names(doc, lang) for lang in ("zh", "en")},
            )
            continue
        out[f"library/{did}/"] = (
            NAMES,
            {lang: [doc["title"][lang], doc["short_title"][lang]] for lang in ("zh", "en")},
        )
        for s in doc.get("sections", []):
            out[f"library/{did}/{s['id']}/"] = (
                NAMES,
                {lang: library_names({"sections": [s]}, lang) for lang in ("zh", "en")},
            )
    return out


def library_words(library: dict[str, dict[str, Any]]) -> list[str]:
    """The Chinese words (runs of two or more Han characters) of the library's names."""
    words: dict[str, None] = {}
    for doc in library.values():
        for name in library_names(doc, "zh"):
            for run in HAN.findall(name):
                if len(run) >= 2:
                    words[run] = None
    return list(words)


def write_userdict(words: list[str], path: Path = USERDICT) -> Path:
    """jieba's user-dictionary format: one word a line (jieba then picks a frequency that keeps the
    word whole)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    text = "".join(f"{w}\n" for w in words)
    if not path.exists() or path.read_text(encoding="utf-8") != text:
        path.write_text(text, encoding="utf-8")
    return path


# --- 2. Parts -------------------------------------------------------------------------------------


def tokens(text: str) -> list[str]:
    """The index words of a field as the worker's tokenizer sees them (markup dropped)."""
    return [t for t in SEPARATOR.split(TAG.sub(" ", text)) if t]


def parts_field(entry: dict[str, Any], cut_all: Callable[[str], Iterable[str]]) -> str:
    """The parts (2+ characters) of the section's longer Chinese words, and its words without the
    opening quote or bracket the separator leaves on them (“chokepoint” → chokepoint”), each once,
    that are not already words of the section; joined by U+200B like Material's segmentation."""
    own = {t.lower() for field in ("title", "text") for t in tokens(entry.get(field, ""))}
    found: dict[str, None] = {}
    for token in own:
        bare = OPENED.sub("", token)
        if bare and bare != token and bare not in own:
            found[bare] = None
        if len(token) > 2 and HAN.fullmatch(token):
            for part in cut_all(token):
                if len(part) >= 2 and part != token and part not in own:
                    found[part] = None
    return "\u200b".join(sorted(found))


# --- 4. Languages ---------------------------------------------------------------------------------


def phrase(text: str) -> str | None:
    """A name of two or more words as one index word (lowercase, words joined by ``JOIN``), as the
    worker's patched query writes a query of several words; None for one word or for Chinese
    (segmented by the dictionary instead)."""
    words = [w.lower() for w in SEPARATOR.split(text) if w]
    if len(words) < 2 or HAN.search(text):
        return None
    return JOIN + JOIN.join(words)


def defined_terms(words: list[str], cut: Callable[[str], Iterable[str]]) -> tuple[str, str]:
    """The fields of a page's defined terms: their words as Material indexes text, every word once;
    and their phrases, each as one word."""
    found = [t.lower() for w in words for t in tokens(segmented(w, cut))]
    phrases = [p for w in words if (p := phrase(w))]
    return " ".join(dict.fromkeys(found)), " ".join(dict.fromkeys(phrases))


def segmented(text: str, cut: Callable[[str], Iterable[str]]) -> str:
    """A text as Material indexes it: Chinese runs cut into words, words apart by U+200B."""
    return HAN.sub(lambda m: "\u200b" + "\u200b".join(cut(m[0])) + "\u200b", text).strip("\u200b")


def library_last(entry: dict[str, Any]) -> bool:
    """Sort key: the requirement library's documents after every other page. The search ranks
    sections of equal score in index order, and a library document often reprints a rubric's
    scenario or indicator word for word: on a tie, the rubric (which the site scores) comes first,
    then the library's reading copy."""
    location = str(entry["location"])
    return location.startswith("library/") and location.split("#")[0] != "library/"


def split_index(
    data: dict[str, Any],
    cut: Callable[[str], Iterable[str]],
    cut_all: Callable[[str], Iterable[str]],
    keywords: dict[str, tuple[str, dict[str, list[str]]]],
) -> tuple[dict[str, Any], dict[str, Any]]:
    """The (zh, en) indexes of the combined one: the parts field on every section, the keywords
    field on the first section (the article) of each page that defines terms; en locations
    relative to en/."""
    zh: list[dict[str, Any]] = []
    en: list[dict[str, Any]] = []
    for entry in data["docs"]:
        entry = dict(entry)
        parts = parts_field(entry, cut_all)
        if parts:
            entry[PARTS] = parts
        lang = "en" if entry["location"].startswith(EN) else "zh"
        if lang == "en":
            entry["location"] = entry["location"][len(EN) :]
        docs = en if lang == "en" else zh
        location = entry["location"]
        if location in keywords and not any(d["location"] == location for d in docs):
            field, words = keywords[location]
            entry[field], phrases = defined_terms(words[lang], cut)
            if phrases:
                entry[PHRASES] = phrases
        docs.append(entry)
    zh.sort(key=library_last)  # stable: every other order is kept
    en.sort(key=library_last)
    return (
        {"config": data["config"], "docs": zh, MARK: {"lang": "zh"}},
        {"config": data["config"], "docs": en, MARK: {"lang": "en"}},
    )


def process_site_index(
    site: Path,
    cut: Callable[[str], Iterable[str]],
    cut_all: Callable[[str], Iterable[str]],
    keywords: dict[str, tuple[str, dict[str, list[str]]]],
) -> bool:
    """Split ``site/search/search_index.json`` into the zh and en indexes (False: already done)."""
    path = site / "search" / "search_index.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    if MARK in data:
        return False
    zh, en = split_index(data, cut, cut_all, keywords)
    for target, index in ((path, zh), (site / EN / "search" / "search_index.json", en)):
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(json.dumps(index, ensure_ascii=False, separators=(",", ":")), "utf-8")
    return True


BASE = re.compile(r'(<script id="__config" type="application/json">\{[^<]*?"base": ")([^"]*)(")')


SEARCH_WORKER = re.compile(
    r'(<script id="__config" type="application/json">\{[^<]*?"search": ")([^"]*)(")'
)


def lazy_search_page(html: str) -> str:
    """A calculator page's Material config naming its search worker ``…?lazy``: the worker builds
    the index on the first query instead of while the calculator's engine starts."""
    out, n = SEARCH_WORKER.subn(lambda m: f"{m[1]}{m[2]}?lazy{m[3]}", html, count=1)
    if n != 1:
        raise RuntimeError("search: no Material __config with a search worker in a calculator page")
    return out


def rebase_english_page(html: str) -> str:
    """An en page's Material config with base ``<site root>/en/``: search loads the en index."""
    out, n = BASE.subn(lambda m: f"{m[1]}{m[2].rstrip('/')}/{EN}{m[3]}", html, count=1)
    if n != 1:
        raise RuntimeError("search: no Material __config with a base in an English page")
    return out


# --- 3. Query -------------------------------------------------------------------------------------

# (what the shipped worker says, what it should say); each must occur exactly once.
WORKER_PATCHES = (
    # segment(): candidate words query.slice(i, j) must include j == query.length.
    (
        "for(let o=s+1;o<t.length;o++)t.slice(s,o)in e&&(n[s]=o-s)",
        "for(let o=s+1;o<=t.length;o++)t.slice(s,o)in e&&(n[s]=o-s)",
    ),
    # search(): the segmented Chinese as terms of their own, apart from adjacent Latin text.
    (
        's=>[...fe(s,this.index.invertedIndex)].join("* ")',
        's=>" "+[...fe(s,this.index.invertedIndex)].join("* ")+" "',
    ),
    # search(): a query of two or more words (no Chinese, no query syntax) also searches its words
    # joined into one (``phrase``): the page naming the whole phrase ranks first.
    (
        "search(e){if(e=e.replace(",
        "search(e){if(e=(t=>{let w=t.toLowerCase().split(lunr.tokenizer.separator)"
        '.filter(Boolean);return w.length>1&&!/[\\p{sc=Han}*+:^~"]|(^|\\s)-/u.test(t)'
        '?t+" ' + JOIN + '"+w.join("' + JOIN + '"):t})(e),e=e.replace(',
    ),
    # A worker started as ``…search.js?lazy`` (calculator pages, see lazy_search_page) answers the
    # index with "ready" at once and builds it on the first query: the two cores stay with the
    # calculator's engine while it starts, and search still works when first used.
    (
        "case 0:return yield Ie(t.data.config),de=new U(t.data),{type:1};case 2:let e=t.data;",
        "case 0:if(/[?&]lazy\\b/.test(self.location.search))return self.zpIndex=t.data,{type:1};"
        "return yield Ie(t.data.config),de=new U(t.data),{type:1};"
        "case 2:if(self.zpIndex)yield Ie(self.zpIndex.config),de=new U(self.zpIndex),"
        "self.zpIndex=null;let e=t.data;",
    ),
)


def patch_worker(js: str) -> str:
    """The search worker with the query fixes; a Material upgrade that changes the code fails the
    build instead of silently losing them."""
    for old, new in WORKER_PATCHES:
        if js.count(new) == 1 and old not in js:
            continue  # already patched
        if js.count(old) != 1:
            raise RuntimeError(
                "search: the Material search worker changed; update WORKER_PATCHES in "
                f"build_scripts/search.py (looked for {old!r})"
            )
        js = js.replace(old, new)
    return js


def patch_site_worker(site: Path) -> Path:
    workers = sorted((site / "assets" / "javascripts" / "workers").glob("search.*.min.js"))
    if len(workers) != 1:
        raise RuntimeError(f"search: expected one search worker, found {len(workers)}")
    js = workers[0].read_text(encoding="utf-8")
    patched = patch_worker(js)
    if patched != js:
        workers[0].write_text(patched, encoding="utf-8")
    return workers[0]


# --- Chrome ---------------------------------------------------------------------------------------


def mark_chrome(html: str) -> str:
    """``data-search-exclude`` on the calculator's chrome: elements styled as buttons, ARIA status,
    alert and live regions, the slots its script fills, and noscript notices."""

    def add(m: re.Match[str]) -> str:
        if m["tag"] is not None:
            attrs = m["attrs"]
            if "data-search-exclude" in attrs:
                return m[0]
            closing = "/" if attrs.endswith("/") else ""
            attrs = attrs[:-1] if closing else attrs
            return f"<{m['tag']}{attrs} data-search-exclude{closing}>"
        if "data-search-exclude" in m["ns"]:
            return m[0]
        return f"<noscript{m['ns']} data-search-exclude>"

    return CHROME.sub(add, html)
