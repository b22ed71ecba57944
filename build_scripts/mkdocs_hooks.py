"""mkdocs hooks (listed in mkdocs.yml).

Material fetches ``<alternate>/sitemap.xml`` for every ``<link rel="alternate">`` in a page head, to
switch language in place; mkdocs-static-i18n points those links at the page in the other language,
where no sitemap exists, so every page load logged two 404s. The links are dropped from the head;
the
language menu (its own markup) still switches language.
"""

from __future__ import annotations

import re
from typing import Any

ALTERNATE = re.compile(r'<link rel="alternate" href="[^"]*" hreflang="[^"]*">\s*')


def on_post_page(output: str, page: Any, config: Any) -> str:
    return ALTERNATE.sub("", output)
