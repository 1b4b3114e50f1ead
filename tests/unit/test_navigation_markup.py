"""The left navigation's markup (pp_blog.compat.theme.render_nav) from a hand-made tree."""

from __future__ import annotations

from bs4 import BeautifulSoup

from pp_blog.compat.theme import render_nav as render
from pp_blog.model.navigation import WINDOW, Entry, Nav, Part


def test_render_expands_only_the_branch_of_the_page() -> None:
    posts = tuple(Entry(title=f"Post {n} <b>", docname=f"posts/a/p{n}") for n in (1, 2))
    nav = Nav(
        root="index",
        root_title="Home & away",
        parts=(
            Part("Collections", (Entry("A", "posts/a/index", children=posts),
                                 Entry("B", "posts/b/index", children=(Entry("Post 3", "posts/b/p3"),)))),
            Part(None, (Entry("Journal", url="https://example.org/journal"),)),
        ),
    )
    nav.entries = {e.docname: e for e in (nav.parts[0].entries + posts + nav.parts[0].entries[1].children)}
    nav.parents = {"posts/a/index": "index", "posts/b/index": "index", "posts/a/p1": "posts/a/index",
                   "posts/a/p2": "posts/a/index", "posts/b/p3": "posts/b/index"}

    soup = BeautifulSoup(render(nav, "posts/a/p2", lambda docname: f"/{docname}.html"), "html.parser")

    links = [(a.get_text(), a["href"]) for a in soup.select("a")]
    assert links == [("Home & away", "/index.html"), ("A", "/posts/a/index.html"),
                     ("Post 1 <b>", "/posts/a/p1.html"), ("Post 2 <b>", "#"), ("B", "/posts/b/index.html"),
                     ("Journal", "https://example.org/journal")]
    current = soup.select("li.current.active > a")
    assert [a.get_text() for a in current] == ["A", "Post 2 <b>"]
    assert soup.select_one("li.has-children > details[open]") is not None
    assert [p.get_text() for p in soup.select("p.caption")] == ["Collections"]


def archive_nav(collections: int, posts: int, sizes: dict[int, int] | None = None) -> Nav:
    """A navigation of ``collections`` collections of ``posts`` posts each (or as ``sizes`` says)."""
    nav = Nav(root="index", root_title="Home", parts=())
    landings = []
    for c in range(collections):
        landing = f"posts/c{c}/index"
        children = tuple(Entry(f"Post {c}.{p}", f"posts/c{c}/p{p}") for p in range((sizes or {}).get(c, posts)))
        landings.append(Entry(f"Collection {c}", landing, children=children))
        nav.entries[landing], nav.parents[landing] = landings[-1], "index"
        for child in children:
            nav.entries[child.docname], nav.parents[child.docname] = child, landing
    nav.parts = (Part("Collections", tuple(landings)),)
    return nav


def shown_links(nav: Nav, page: str) -> list[str]:
    soup = BeautifulSoup(render(nav, page, lambda docname: docname), "html.parser")
    return [a["href"] for a in soup.select("a")]


def test_a_post_in_a_long_collection_shows_its_neighbours_and_a_link_to_the_full_list() -> None:
    nav = archive_nav(collections=3, posts=1000)
    links = shown_links(nav, "posts/c1/p500")
    posts = [link for link in links if link.startswith("posts/c1/p")]
    assert posts == [f"posts/c1/p{n}" for n in (*range(500 - WINDOW, 500), *range(501, 501 + WINDOW))]
    assert "#" in links  # the page itself, in its place
    assert links.count("posts/c1/index") == 2  # the collection, and "All posts of this collection"
    assert len(links) < 25


def test_the_first_and_last_posts_show_a_full_window() -> None:
    nav = archive_nav(collections=1, posts=1000)
    assert [link for link in shown_links(nav, "posts/c0/p0") if "/p" in link] == [
        f"posts/c0/p{n}" for n in range(1, 2 * WINDOW + 1)]
    assert [link for link in shown_links(nav, "posts/c0/p999") if "/p" in link] == [
        f"posts/c0/p{n}" for n in range(999 - 2 * WINDOW, 999)]


def test_many_collections_are_a_window_around_the_current_one_and_a_link_to_all() -> None:
    nav = archive_nav(collections=400, posts=3)
    links = shown_links(nav, "posts/c200/p1")
    landings = [link for link in links if link.endswith("/index") and link != "index"]
    assert "posts/c200/index" in landings and len(landings) == 2 * WINDOW + 1
    assert links.count("index") == 2  # the home link, and "All collections"
    soup = BeautifulSoup(render(nav, "posts/c200/p1", lambda docname: docname), "html.parser")
    assert [a.get_text() for a in soup.select("li.pp-nav-more > a")] == ["All collections"]


def test_adding_a_post_changes_the_navigation_of_its_neighbours_only() -> None:
    before = archive_nav(collections=3, posts=100)
    after = archive_nav(collections=3, posts=100, sizes={1: 101})
    changed = sorted(docname for docname in after.entries
                     if docname in before.entries and before.chrome_digest(docname) != after.chrome_digest(docname))
    # The posts whose window now reaches the new one (p100); its landing page lists the first ones.
    assert changed == sorted(f"posts/c1/p{p}" for p in range(100 - WINDOW, 100))
