"""The Content-Security-Policy of the built site (site/, which `make build` writes before the tests
run): every page carries it before any script, no page needs an inline script or handler, every
inline style is hashed, and the offline page's server configurations send the same header."""

from __future__ import annotations

import base64
import hashlib
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from build_scripts import mkdocs_hooks
from build_scripts.paths import DOCS, SITE
from build_scripts.site_server import CSP, CSP_DIRECTIVES, CSP_HEADER

PAGES = sorted(SITE.rglob("*.html"))
OVERRIDES = Path(mkdocs_hooks.__file__).parent / "overrides"


def directives(policy: str) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for part in policy.split(";"):
        name, *sources = part.split()
        out[name] = sources
    return out


class Head(HTMLParser):
    """The page's policies, scripts (in order, with whether the policy came first), handlers and
    style attributes."""

    def __init__(self) -> None:
        super().__init__()
        self.policies: list[str] = []
        self.scripts: list[tuple[dict[str, str | None], bool]] = []
        self.inline: list[str] = []
        self.handlers: list[str] = []
        self.styles: list[str] = []
        self._in_script: dict[str, str | None] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if tag == "meta" and (a.get("http-equiv") or "").lower() == "content-security-policy":
            self.policies.append(str(a.get("content")))
        if tag == "script":
            self.scripts.append((a, bool(self.policies)))
            self._in_script = a
        self.handlers += [f"<{tag} {k}>" for k in a if k.startswith("on")]
        if "style" in a:
            self.styles.append(str(a["style"]))

    def handle_endtag(self, tag: str) -> None:
        if tag == "script":
            self._in_script = None

    def handle_data(self, data: str) -> None:
        a = self._in_script
        executable = a is not None and (a.get("type") or "text/javascript") != "application/json"
        if executable and a is not None and "src" not in a and data.strip():
            self.inline.append(data.strip()[:80])


def parsed(page: Path) -> Head:
    head = Head()
    head.feed(page.read_text(encoding="utf-8"))
    return head


def sha256(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode()).digest()).decode() + "'"


def test_the_site_is_built() -> None:
    assert len(PAGES) >= 30, "run `make build` first"


def test_the_policy_allows_the_site_itself_only() -> None:
    d = directives(CSP)
    assert d["default-src"] == ["'none'"]
    assert d["script-src"] == ["'self'", "'wasm-unsafe-eval'"]  # no 'unsafe-eval', no inline
    assert d["connect-src"] == d["worker-src"] == ["'self'"]
    assert d["img-src"] == ["'self'", "data:"]
    assert d["form-action"] == d["base-uri"] == ["'none'"]
    for name, sources in d.items():
        assert not {"'unsafe-inline'", "'unsafe-eval'", "*", "blob:", "http:", "https:"} & set(
            sources
        ), name
    # frame-ancestors is ignored (with a console error) in a meta tag: the header adds it
    assert "frame-ancestors" not in d
    assert CSP_HEADER == CSP + "; frame-ancestors 'none'"
    assert "; ".join(CSP_DIRECTIVES) == CSP and '"' not in CSP


@pytest.mark.parametrize("page", PAGES, ids=[p.relative_to(SITE).as_posix() for p in PAGES])
def test_every_page_carries_the_policy_before_any_script(page: Path) -> None:
    head = parsed(page)
    assert head.policies == [CSP]
    text = page.read_text(encoding="utf-8")
    assert text.index(mkdocs_hooks.CHARSET) < text.index("Content-Security-Policy")
    assert text.index("Content-Security-Policy") < 1024 - 200  # the charset stays in the prescan
    assert all(after for _, after in head.scripts), "a script comes before the policy"


@pytest.mark.parametrize("page", PAGES, ids=[p.relative_to(SITE).as_posix() for p in PAGES])
def test_no_page_needs_inline_script_or_handlers(page: Path) -> None:
    head = parsed(page)
    assert head.inline == []
    assert head.handlers == []


def test_every_inline_style_is_hashed_in_the_policy() -> None:
    styles = {s for page in PAGES for s in parsed(page).styles}
    allowed = directives(CSP)["style-src"]
    assert {sha256(s) for s in styles} <= set(allowed), styles
    # and no hash is left over once its style is gone
    hashes = {s for s in allowed if s.startswith("'sha256-")}
    assert hashes == {sha256(s) for s in styles}


def test_calculator_pages_boot_the_worker_from_a_file() -> None:
    calculators = [p for p in PAGES if p.parent.parent.name == "calculator"]
    assert calculators
    for page in calculators:
        srcs = [str(a.get("src")) for a, _ in parsed(page).scripts if a.get("src")]
        assert any(s.endswith("assets/javascripts/zhiping-boot.js") for s in srcs), page


def test_material_partials_moved_to_files_are_the_ones_overridden() -> None:
    """The two Material partials whose inline scripts became files: when Material is upgraded and
    its partials change, the files must be reviewed."""
    import material  # type: ignore[import-untyped]

    templates = Path(material.__file__).parent / "templates" / "partials" / "javascripts"
    known = {
        "base.html": "__md_scope=new URL(",
        "content.html": 'var tabs=__md_get("__tabs")',
    }
    for name, marker in known.items():
        assert marker in (templates / name).read_text(encoding="utf-8"), name
        assert (OVERRIDES / "partials" / "javascripts" / name).is_file()
    generator = re.search(r"mkdocs-material-([\d.]+)", (SITE / "index.html").read_text("utf-8"))
    assert generator and generator.group(1) == "9.8.1", "review the overridden partials"


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_offline_page_configurations_send_the_same_policy(lang: str) -> None:
    text = (DOCS / f"offline.{lang}.md").read_text(encoding="utf-8")
    # nginx, Caddy and IIS each send the header exactly as serve.py does
    assert text.count(CSP_HEADER) >= 3
