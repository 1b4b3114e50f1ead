"""The left navigation's markup (pp_blog.compat.theme.render_nav) from a hand-made tree."""

from __future__ import annotations

from bs4 import BeautifulSoup

from pp_blog.compat.theme import render_nav as render
from pp_blog.model.navigation import Entry, Nav, Part


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
