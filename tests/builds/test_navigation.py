"""The left navigation: every collection and post reachable, each page carrying only its branch."""

from __future__ import annotations

import posixpath
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from conftest import built_archive

# Nine posts in three collections of three: series-001, highlights-002, series-003.
POSTS, PER_COLLECTION = 9, 3


@pytest.fixture(scope="module")
def archive(tmp_path_factory) -> Path:
    return built_archive(tmp_path_factory.mktemp("navigation") / "project", POSTS, per_collection=PER_COLLECTION)


def nav_links(outdir: Path, page: str) -> list[tuple[str, str]]:
    """(text, target page) of each link of the page's left navigation."""
    soup = BeautifulSoup((outdir / page).read_text(encoding="utf-8"), "html.parser")
    links = []
    for a in soup.select("nav.bd-docs-nav a"):
        target = page if a["href"] == "#" else posixpath.normpath(posixpath.join(posixpath.dirname(page), a["href"]))
        links.append((a.get_text(strip=True), target))
    return links


def test_a_post_page_lists_every_collection_and_only_its_own_posts(archive: Path) -> None:
    links = nav_links(archive, "posts/highlights-002/post-00005.html")
    targets = [target for _, target in links]
    assert targets == [
        "index.html",
        "posts/series-001/index.html",
        "posts/highlights-002/index.html",
        "posts/highlights-002/post-00004.html",
        "posts/highlights-002/post-00005.html",
        "posts/highlights-002/post-00006.html",
        "posts/series-003/index.html",
    ]
    soup = BeautifulSoup((archive / "posts/highlights-002/post-00005.html").read_text(encoding="utf-8"), "html.parser")
    current = soup.select_one("nav.bd-docs-nav li.current.active > a.current")
    assert current["href"] == "#" and "(5)" in current.get_text()


def test_every_page_is_reachable_from_the_front_page_through_the_left_navigation(archive: Path) -> None:
    seen, queue = {"index.html"}, ["index.html"]
    while queue:
        page = queue.pop()
        for _, target in nav_links(archive, page):
            assert (archive / target).is_file(), f"{page} links to a missing page {target}"
            if target not in seen:
                seen.add(target)
                queue.append(target)
    expected = {p.relative_to(archive).as_posix() for p in (archive / "posts").rglob("*.html")}
    assert expected <= seen, f"not reachable from the left navigation: {sorted(expected - seen)}"


def test_archive_pages_show_the_collections(archive: Path) -> None:
    targets = [target for _, target in nav_links(archive, "blog/tag.html")]
    assert targets == ["index.html", "posts/series-001/index.html", "posts/highlights-002/index.html",
                       "posts/series-003/index.html"]
