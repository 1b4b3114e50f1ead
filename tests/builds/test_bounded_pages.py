"""Pages stay small whatever the archive's shape: an archive with a collection of 1,000 posts.

Every page carries less than 25 kB besides its own article and the structured data describing
it (so: navigation, sidebars, header, footer, the rest of the head), and every post is still reached from the front page in a few clicks: through the
left navigation to its collection, whose page lists all its posts.
"""

from __future__ import annotations

import posixpath
from collections import deque
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from conftest import built_archive
from pp_blog.model.navigation import WINDOW
from pp_blog.model.page_size import POSTS_PER_LIST_PAGE, own_content

POSTS = 1000
LIMIT = 25_000


@pytest.fixture(scope="module")
def archive(tmp_path_factory) -> Path:
    return built_archive(tmp_path_factory.mktemp("bounded") / "project", POSTS, per_collection=POSTS)


def test_no_page_carries_more_than_25_kb_besides_its_article(archive: Path) -> None:
    heavy = {}
    for path in archive.rglob("*.html"):
        text = path.read_text(encoding="utf-8")
        around = len(text.encode()) - sum(len(own.encode()) for own in own_content(text))
        if around >= LIMIT:
            heavy[path.relative_to(archive).as_posix()] = around
    assert heavy == {}


def links(archive: Path, page: str, selector: str) -> list[str]:
    soup = BeautifulSoup((archive / page).read_text(encoding="utf-8"), "html.parser")
    found = []
    for a in soup.select(selector):
        href = a["href"].split("#")[0]
        if href and "://" not in href:
            found.append(posixpath.normpath(posixpath.join(posixpath.dirname(page), href)))
    return found


def test_every_post_is_three_clicks_from_the_front_page(archive: Path) -> None:
    """Following the left navigation, and on a collection's page the list of its posts."""
    depth = {"index.html": 0}
    queue = deque(["index.html"])
    while queue:
        page = queue.popleft()
        if depth[page] == 3:
            continue
        targets = links(archive, page, "nav.bd-docs-nav a") + links(archive, page, ".pp-collection-posts a")
        for target in targets:
            if target.endswith(".html") and target not in depth:
                depth[target] = depth[page] + 1
                queue.append(target)
    posts = {path.relative_to(archive).as_posix() for path in (archive / "posts").rglob("post-*.html")}
    assert len(posts) == POSTS
    assert posts - depth.keys() == set()


def test_a_post_page_shows_its_neighbours_and_a_link_to_the_whole_collection(archive: Path) -> None:
    page = "posts/series-001/post-00500.html"
    shown = links(archive, page, "nav.bd-docs-nav a")
    neighbours = [f"posts/series-001/post-{n:05d}.html" for n in (*range(500 - WINDOW, 500), *range(501, 501 + WINDOW))]
    assert [target for target in shown if "post-" in target] == neighbours  # the page itself is "#"
    soup = BeautifulSoup((archive / page).read_text(encoding="utf-8"), "html.parser")
    [more] = soup.select("nav.bd-docs-nav li.pp-nav-more > a")
    assert more.get_text(strip=True) == "All posts of this collection" and more["href"] == "index.html"


def test_long_archive_lists_go_on_over_pages_that_link_each_to_the_next(archive: Path) -> None:
    """All posts (1,000) are listed over ten pages, newest first, each once: the first page the
    newest hundred, then pages named by what they hold counted from the oldest (page-9 holds
    posts 801 to 900, page-1 the first hundred); each links to the next older page and back."""
    page, seen, listed = "blog.html", [], []
    while page:
        assert page not in seen
        seen.append(page)
        soup = BeautifulSoup((archive / page).read_text(encoding="utf-8"), "html.parser")
        entries = links(archive, page, "article .ablog-post-title a")
        assert 0 < len(entries) < 2 * POSTS_PER_LIST_PAGE
        listed += entries
        [current] = soup.select("nav.pp-paging [aria-current=page]")
        last = POSTS - len(listed) + len(entries)
        assert current.get_text(strip=True) == f"Posts {last - len(entries) + 1} to {last}, counting from the oldest"
        older = links(archive, page, "nav.pp-paging a[rel=next]")
        newer = links(archive, page, "nav.pp-paging a[rel=prev]")
        assert newer == seen[-2:-1]
        page = older[0] if older else None
    assert seen == ["blog.html"] + [f"blog/page-{k}.html" for k in range(9, 0, -1)]
    posts = [f"posts/series-001/post-{n:05d}.html" for n in range(POSTS, 0, -1)]
    assert listed == posts
