"""A Python model of the site's search worker (Material 9.x worker with build_scripts/search.py's
patches, lunr 2.3.9), to rank every term against the built index without a browser.

It follows the worker step by step: Material's tokenizer (markup dropped, split on the index's
separator, lowercased) and lunr's stop-word filter build the index; lunr scores fields with BM25
(k1 = 1.2, b = 0 as Material sets it, idf over all fields, scores rounded to 3 decimals, field and
document boosts); a query has its Chinese runs segmented against the index's words (the patched
``segment``), every term gets a trailing wildcard (Material's ``transform``), lunr expands wildcards
over the index's words and scores each field by dot product over the query vector's norm; Material
then multiplies by (1 + boost²), boost = 1 for a page's first section + the share of query terms
found, and groups sections by page in the order of their best section. A query of several words
also searches them joined into one (build_scripts/search.py, "Phrases").

``python -m build_scripts.search_model 设备联网 [en:networking …]`` prints the pages a query lists.
"""

from __future__ import annotations

import json
import math
import re
import sys
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .paths import SITE

K1 = 1.2
# lunr.stopWordFilter's list (lunr 2.3.9).
STOP_WORDS = frozenset(
    (
        "a",
        "able",
        "about",
        "across",
        "after",
        "all",
        "almost",
        "also",
        "am",
        "among",
        "an",
        "and",
        "any",
        "are",
        "as",
        "at",
        "be",
        "because",
        "been",
        "but",
        "by",
        "can",
        "cannot",
        "could",
        "dear",
        "did",
        "do",
        "does",
        "either",
        "else",
        "ever",
        "every",
        "for",
        "from",
        "get",
        "got",
        "had",
        "has",
        "have",
        "he",
        "her",
        "hers",
        "him",
        "his",
        "how",
        "however",
        "i",
        "if",
        "in",
        "into",
        "is",
        "it",
        "its",
        "just",
        "least",
        "let",
        "like",
        "likely",
        "may",
        "me",
        "might",
        "most",
        "must",
        "my",
        "neither",
        "no",
        "nor",
        "not",
        "of",
        "off",
        "often",
        "on",
        "only",
        "or",
        "other",
        "our",
        "own",
        "rather",
        "said",
        "say",
        "says",
        "she",
        "should",
        "since",
        "so",
        "some",
        "than",
        "that",
        "the",
        "their",
        "them",
        "then",
        "there",
        "these",
        "they",
        "this",
        "tis",
        "to",
        "too",
        "twas",
        "us",
        "wants",
        "was",
        "we",
        "were",
        "what",
        "when",
        "where",
        "which",
        "while",
        "who",
        "whom",
        "why",
        "will",
        "with",
        "would",
        "yet",
        "you",
        "your",
    )
)
# \p{sc=Han} as far as this site's texts go.
HAN_RUN = re.compile(
    r"[\u2e80-\u2e99\u2e9b-\u2ef3\u2f00-\u2fd5\u3005\u3007\u3021-\u3029\u3038-\u303b"
    r"\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufa6d\ufa70-\ufad9]+"
)
TAG = re.compile(r"<[^>]*>")
SYNTAX = re.compile(r'[*+:^~"]|(^|\s)-')  # lunr query syntax: no phrase for such a query
LUNR_SEPARATOR = re.compile(r"[\s\-]+")  # lunr.QueryLexer.termSeparator (lunr's own default)


def js_round3(x: float) -> float:
    """Math.round(x * 1000) / 1000."""
    return math.floor(x * 1000 + 0.5) / 1000


@dataclass(frozen=True)
class Hit:
    location: str
    score: float


class SearchModel:
    def __init__(self, index: dict[str, Any]) -> None:
        config = index["config"]
        self.separator = re.compile(config["separator"])
        self.fields: dict[str, float] = {k: float(v["boost"]) for k, v in config["fields"].items()}
        self.docs: list[dict[str, Any]] = index["docs"]
        self.by_location = {d["location"]: d for d in self.docs}
        self.position = {d["location"]: i for i, d in enumerate(self.docs)}
        # The first section of each page is its article (Material's setupSearchDocumentMap).
        self.article: dict[str, str] = {}
        for d in self.docs:
            self.article.setdefault(d["location"].split("#")[0], d["location"])
        self.inverted: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
        tfs: dict[tuple[str, str], dict[str, int]] = {}
        for d in self.docs:
            for field in self.fields:
                counts: dict[str, int] = defaultdict(int)
                value = d.get(field)
                for token in self.tokens(value) if isinstance(value, str) else []:
                    if token in STOP_WORDS:
                        continue
                    counts[token] += 1
                    self.inverted[token][field].add(d["location"])
                tfs[(d["location"], field)] = counts
        n = len(self.docs)
        idf: dict[str, float] = {}
        for term, posting in self.inverted.items():
            df = sum(len(refs) for refs in posting.values())
            idf[term] = math.log(1 + abs((n - df + 0.5) / (df + 0.5)))
        self.vectors: dict[tuple[str, str], dict[str, float]] = {}
        for (ref, field), counts in tfs.items():
            boost = self.fields[field] * float(self.by_location[ref].get("boost", 1))
            self.vectors[(ref, field)] = {
                t: js_round3(idf[t] * (K1 + 1) * tf / (K1 + tf) * boost) for t, tf in counts.items()
            }
        self.terms = sorted(self.inverted)

    def tokens(self, text: str) -> list[str]:
        return [t.lower() for t in self.separator.split(TAG.sub(" ", text)) if t]

    # --- the query, as the worker rewrites it --------------------------------------------------

    def segment(self, query: str) -> list[str]:
        """Material's ``segment`` with the patched bound (candidate words may end at the end)."""
        n = [0] * len(query)
        for i in range(len(query)):
            for j in range(i + 1, len(query) + 1):
                if query[i:j] in self.inverted:
                    n[i] = j - i
        segments: dict[str, None] = {}
        stack = [0]
        s = len(stack)
        while s > 0:
            s -= 1
            o = stack[s]
            for u in range(1, n[o]):
                if o + u < len(n) and n[o + u] > n[o] - u:
                    segments[query[o : o + u]] = None
                    stack[s:] = [o + u]
                    s += 1
            a = o + n[o]
            if a < len(n) and n[a] and a < len(query) - 1:
                stack[s:] = [a]
                s += 1
            segments[query[o:a]] = None
        if "" in segments:
            return [query]
        return list(segments)

    def query_terms(self, query: str) -> list[tuple[str, bool]]:
        """(term, trailing wildcard) clauses, after Material's rewriting and lunr's parsing."""
        query = self.with_phrase(query)
        query = HAN_RUN.sub(lambda m: " " + "* ".join(self.segment(m[0])) + " ", query)
        query = re.sub(r'"|(?:^|\s+)[*+\-:^~]+(?=\s+|$)', "", query.strip())
        pieces: list[str] = []
        for part in re.split(r"\s+", query):
            for lexeme in re.finditer(r"[^\s\-]+", part):  # lunr.QueryLexer terms
                start, end = lexeme.span()
                for piece in self.separator.split(lexeme[0]):
                    if piece:
                        pieces.append(part[:start] + piece + part[end:])
        text = " ".join(p if re.search(r"(^[+-]|[~^]\d+$)", p) else f"{p}*" for p in pieces)
        clauses: list[tuple[str, bool]] = []
        for raw in LUNR_SEPARATOR.split(text):
            if raw:
                term = raw.lower()
                clauses.append((term.replace("*", ""), "*" in term))
        return clauses

    def with_phrase(self, query: str) -> str:
        """The patched worker's first step: a query of two or more words, with no Chinese and no
        query syntax, gets ``_`` and its words joined by ``_`` as one more term."""
        words = [w for w in self.separator.split(query.lower()) if w]
        if len(words) > 1 and not HAN_RUN.search(query) and not SYNTAX.search(query):
            return f"{query} _{'_'.join(words)}"
        return query

    # --- scoring ------------------------------------------------------------------------------

    def search(self, query: str) -> list[Hit]:
        """Sections in the order the worker returns them (before grouping)."""
        clauses = self.query_terms(query)
        qv: dict[str, dict[str, float]] = {f: defaultdict(float) for f in self.fields}
        matched: dict[str, set[str]] = defaultdict(set)  # ref → index terms matched
        # lunr meets (section, field) pairs term by term, field by field, section by section in
        # index order; sections with equal scores keep the order they were first met in.
        matching: dict[tuple[str, str], None] = {}
        for term, wildcard in clauses:
            expanded = (
                [t for t in self.terms if t.startswith(term)]
                if wildcard
                else ([term] if term in self.inverted else [])
            )
            for t in expanded:
                for field in self.fields:
                    qv[field][t] += 1
                    refs = self.inverted[t].get(field, set())
                    for ref in sorted(refs, key=self.position.__getitem__):
                        matching[(ref, field)] = None
                        matched[ref].add(t)
        scores: dict[str, float] = {}
        for ref, field in matching:
            q = qv[field]
            norm = math.sqrt(sum(v * v for v in q.values()))
            vec = self.vectors[(ref, field)]
            score = sum(v * vec.get(t, 0.0) for t, v in q.items()) / norm if norm else 0.0
            scores[ref] = scores.get(ref, 0.0) + score
        ranked = sorted(scores.items(), key=lambda x: -x[1])  # lunr's sort (stable, as in V8)
        out = []
        for ref, score in ranked:
            found = {c for c, _ in clauses if any(t.startswith(c) for t in matched[ref])}
            stop = {c for c, _ in clauses if c in STOP_WORDS}
            keys = found | ({c for c, _ in clauses} - stop)
            share = len(found) / len(keys) if keys else 0.0
            first = self.article[ref.split("#")[0]] == ref
            boost = (1.0 if first else 0.0) + share
            out.append(Hit(ref, score * (1 + boost**2)))
        return sorted(out, key=lambda h: -h.score)  # Material's sort after its boost

    def pages(self, query: str) -> list[str]:
        """The pages the result list shows, in order (sections grouped under their page)."""
        seen: dict[str, None] = {}
        for hit in self.search(query):
            seen[hit.location.split("#")[0]] = None
        return list(seen)


def load(lang: str, site: Path = SITE) -> SearchModel:
    path = site / ("en/" if lang == "en" else "") / "search" / "search_index.json"
    return SearchModel(json.loads(path.read_text(encoding="utf-8")))


def main(argv: list[str]) -> int:
    models = {lang: load(lang) for lang in ("zh", "en")}
    for arg in argv:
        lang, _, query = arg.partition(":") if arg.startswith("en:") else ("zh", "", arg)
        print(f"{arg}: {models[lang].pages(query)[:5]}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
