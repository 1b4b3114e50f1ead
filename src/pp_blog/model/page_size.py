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


# The posts one page of an archive list (all posts, a year, a tag, an author, a category) holds
# beyond its first page; a hundred entries are about 35 kB of HTML.
POSTS_PER_LIST_PAGE = 100


def list_pages(pagename: str, count: int, per_page: int = POSTS_PER_LIST_PAGE) -> list[tuple[str, range]]:
    """The pages of a list of ``count`` items, newest first, in reading order: each page's name
    and the positions (0 = the newest) of the items it shows.

    The older pages are counted from the oldest item, ``per_page`` each: ``pagename/page-1``
    holds the oldest ``per_page``, ``page-2`` the next, and so on; the first page, ``pagename``,
    holds the newest, between ``per_page`` and ``2 * per_page - 1`` of them (all of a shorter
    list). So a new item changes the first page alone, and a page's address keeps showing the
    same items (links and search engines' copies stay right); when the first page would reach
    ``2 * per_page``, its older half becomes the next older page.
    """
    if per_page < 1:
        raise ValueError("per_page must be at least 1")
    older = max(count // per_page - 1, 0)
    first = count - older * per_page
    pages = [(pagename, range(0, first))]
    for number in range(older, 0, -1):
        newest = count - number * per_page  # the position of the page's newest item
        pages.append((f"{pagename}/page-{number}", range(newest, newest + per_page)))
    return pages


def oldest_first_span(positions: range, count: int) -> tuple[int, int]:
    """The items a page shows, counted from the oldest (1) as a reader of the archive counts
    them: (first, last)."""
    return count - positions.stop + 1, count - positions.start
