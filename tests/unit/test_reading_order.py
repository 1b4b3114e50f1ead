"""The order Sphinx reads documents in (sphinxext.reading.read_posts_first): posts before the
pages whose toctrees list them, so that clearing a post before reading it walks no toctree
entry (a full build of N posts otherwise spent time in N x N)."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from pp_blog.model.layout import page_kind
from pp_blog.sphinxext.reading import read_posts_first

NAME = st.text("abc-", min_size=1, max_size=4)
DOCNAME = st.one_of(
    st.builds(lambda c, p: f"posts/{c}/{p}", NAME, NAME),  # a post (or "index": a landing page)
    st.builds(lambda c: f"posts/{c}/index", NAME),
    st.sampled_from(["index", "docs/about", "docs/editors-guide", "posts/stray"]),
)


@given(st.lists(DOCNAME, unique=True))
def test_posts_come_first_and_each_group_keeps_sphinxs_order(docnames):
    ordered = list(docnames)
    read_posts_first(None, None, ordered)
    assert sorted(ordered) == sorted(docnames)
    posts = [d for d in docnames if page_kind(d) == "post"]
    others = [d for d in docnames if page_kind(d) != "post"]
    assert ordered == posts + others


def test_landing_pages_and_the_front_page_are_read_after_the_posts():
    docnames = sorted(["index", "posts/si/index", "posts/si/first", "posts/si/second", "docs/about"])
    read_posts_first(None, None, docnames)
    assert docnames == ["posts/si/first", "posts/si/second", "docs/about", "index", "posts/si/index"]
