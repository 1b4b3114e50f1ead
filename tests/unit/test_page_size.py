"""What a built page carries of its own (pp_blog.model.page_size), on hand-made pages."""

from __future__ import annotations

from hypothesis import given, strategies as st

import pytest

from pp_blog.model.page_size import POSTS_PER_LIST_PAGE, list_pages, own_content

ARTICLE = '<article class="bd-article"><h1>Title</h1>\n<p>Body</p></article>'
JSON_LD = '<script type="application/ld+json">{"@type": "BlogPosting"}</script>'


def test_the_article_and_the_json_ld_are_the_pages_own_and_nothing_else():
    page = f"<html><head>{JSON_LD}<script>nav()</script></head><body><nav>x</nav>{ARTICLE}<footer/></body></html>"
    assert own_content(page) == [JSON_LD, ARTICLE]


def test_a_page_without_an_article_has_nothing_of_its_own():
    assert own_content('<html><body><article class="other">x</article></body></html>') == []


@given(st.text(), st.text())
def test_what_a_page_carries_besides_its_own_does_not_depend_on_its_article(chrome, body):
    """The measure the page-size test and the bench take: the page's bytes less its own parts."""
    chrome = chrome.replace("<", "")
    body = body.replace("</article>", "")
    page = f"{chrome}<article class=\"bd-article\">{body}</article>{chrome}"
    own = own_content(page)
    assert own == [f'<article class="bd-article">{body}</article>']
    assert len(page) - sum(map(len, own)) == 2 * len(chrome)


@given(st.integers(min_value=0, max_value=5000), st.integers(min_value=1, max_value=300))
def test_list_pages_show_each_item_once_in_order_none_over_the_limit(count, per_page):
    pages = list_pages("blog/tag/x", count, per_page)
    shown = [position for _, positions in pages for position in positions]
    assert shown == list(range(count))
    assert all(len(positions) <= per_page for _, positions in pages)
    assert all(len(positions) for _, positions in pages) or count == 0
    names = [name for name, _ in pages]
    assert names[0] == "blog/tag/x" and len(set(names)) == len(names)
    assert names[1:] == [f"blog/tag/x/page-{k}" for k in range(2, len(pages) + 1)]


def test_a_short_list_is_one_page_and_an_empty_one_too():
    assert list_pages("blog", 0) == [("blog", range(0, 0))]
    assert list_pages("blog", POSTS_PER_LIST_PAGE) == [("blog", range(0, POSTS_PER_LIST_PAGE))]
    assert len(list_pages("blog", POSTS_PER_LIST_PAGE + 1)) == 2


def test_a_page_holds_at_least_one_item():
    with pytest.raises(ValueError):
        list_pages("blog", 3, 0)
