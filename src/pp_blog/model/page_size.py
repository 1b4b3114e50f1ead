"""What a built page carries of its own, to tell it from what every page carries. Pure.

The page-size test (tests/builds/test_bounded_pages.py) and the benchmark
(bench/build_bench.py) both measure a page by what it carries besides this.
"""

from __future__ import annotations

import re

# The page's own content: its article, and the structured data (JSON-LD) that describes it.
OWN_CONTENT = re.compile(
    r'<article class="bd-article">.*?</article>|<script type="application/ld\+json">.*?</script>', re.S
)


def own_content(html: str) -> list[str]:
    """The parts of a built page that are its own: its article and its JSON-LD, in page order."""
    return OWN_CONTENT.findall(html)
