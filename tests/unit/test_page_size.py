"""What a built page carries of its own (pp_blog.model.page_size), on hand-made pages."""

from __future__ import annotations

from hypothesis import given, strategies as st

from pp_blog.model.page_size import own_content

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
