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


# The most posts one page of an archive list (all posts, a year, a tag, an author, a category)
# shows; longer lists go on over further pages. A hundred entries are about 35 kB of HTML.
POSTS_PER_LIST_PAGE = 100


def list_pages(pagename: str, count: int, per_page: int = POSTS_PER_LIST_PAGE) -> list[tuple[str, range]]:
    """The pages of a list of ``count`` items, first to last: each page's name and the positions
    of the items it shows. The first page keeps ``pagename``; page k is ``pagename/page-k`` (the
    archive's own pages are single names, so these never meet one of them)."""
    if per_page < 1:
        raise ValueError("per_page must be at least 1")
    starts = range(0, max(count, 1), per_page)
    return [(pagename if number == 1 else f"{pagename}/page-{number}", range(start, min(start + per_page, count)))
            for number, start in enumerate(starts, start=1)]
