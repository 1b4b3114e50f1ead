"""What a built page carries of its own (pp_blog.model.page_size), on hand-made pages."""

from __future__ import annotations

from hypothesis import given, strategies as st

import pytest

from pp_blog.model.page_size import list_pages, oldest_first_span, own_content

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
def test_list_pages_show_each_item_once_newest_first(count, per_page):
    pages = list_pages("blog/tag/x", count, per_page)
    shown = [position for _, positions in pages for position in positions]
    assert shown == list(range(count))
    first, *older = pages
    assert first[0] == "blog/tag/x"
    assert len(first[1]) == count if count < 2 * per_page else per_page <= len(first[1]) < 2 * per_page
    assert [len(positions) for _, positions in older] == [per_page] * len(older)
    assert [name for name, _ in older] == [f"blog/tag/x/page-{k}" for k in range(len(older), 0, -1)]


@given(st.integers(min_value=0, max_value=5000), st.integers(min_value=1, max_value=300))
def test_a_new_item_changes_the_first_page_alone(count, per_page):
    """Each older page keeps its name and its items (counted from the oldest) when an item is
    added: adding a post rewrites the first page, and a new older page when the first is full."""
    def older_pages(n):
        return {name: [oldest_first_span(range(p, p + 1), n)[0] for p in positions]
                for name, positions in list_pages("blog", n, per_page)[1:]}

    before, after = older_pages(count), older_pages(count + 1)
    assert {name: after[name] for name in before} == before
    assert len(after) - len(before) in (0, 1)


def test_a_page_is_named_by_what_it_shows_counted_from_the_oldest():
    pages = list_pages("blog", 1000)
    assert [name for name, _ in pages] == ["blog"] + [f"blog/page-{k}" for k in range(9, 0, -1)]
    assert oldest_first_span(pages[0][1], 1000) == (901, 1000)
    assert oldest_first_span(pages[-1][1], 1000) == (1, 100)
    assert list_pages("blog", 0) == [("blog", range(0, 0))]
    assert list_pages("blog", 199) == [("blog", range(0, 199))]


def test_a_page_holds_at_least_one_item():
    with pytest.raises(ValueError):
        list_pages("blog", 3, 0)
