"""The markup of templates without comments or indentation: the same page to a browser."""

from __future__ import annotations

import re

from bs4 import BeautifulSoup, Comment
from hypothesis import given, settings
from hypothesis import strategies as st

from pp_blog.model.template_markup import compact

KEPT = ["pre", "textarea", "script", "style"]


def as_read(html: str) -> tuple:
    """What a browser makes of markup, whatever its white space: the text outside kept
    elements (each white-space run as one space), the elements with their attributes, the
    kept elements' text as written, and the comments left."""
    # html5lib parses as the HTML standard says, as browsers do (a textarea's text is text).
    soup = BeautifulSoup(html, "html5lib")
    kept = [(tag.name, tag.get_text()) for tag in soup.find_all(KEPT)]
    comments = [str(comment) for comment in soup.find_all(string=lambda s: isinstance(s, Comment))]
    for tag in soup.find_all(KEPT):
        tag.string = ""
    for comment in soup.find_all(string=lambda s: isinstance(s, Comment)):
        comment.extract()
    text = re.sub(r"[ \t\n\r\f]+", " ", soup.get_text())
    elements = [(tag.name, sorted(tag.attrs.items())) for tag in soup.find_all(True)]
    return text, elements, kept, comments


def compacted(pieces: list[str]) -> str:
    inside, out = (), []
    for piece in pieces:
        value, inside = compact(piece, inside)
        out.append(value)
    return "".join(out)


def test_indentation_and_comments_go():
    piece = '<div class="a">\n    <!-- for maintainers -->\n    <p>Two\n      words</p>\n\n  </div>'
    assert compact(piece) == ('<div class="a">\n<p>Two\nwords</p>\n</div>', ())


def test_kept_elements_keep_their_text():
    piece = "<pre>\n  a\n    b</pre>\n  <script>\n  let s = `x\n  y`; // <!-- not a comment here\n</script>  <p>"
    assert compact(piece) == ("<pre>\n  a\n    b</pre>\n<script>\n  let s = `x\n  y`; // <!-- not a comment here\n</script> <p>", ())


def test_a_no_break_space_is_not_white_space():
    assert compact("a\u00a0\u00a0 \n b") == ("a\u00a0\u00a0\nb", ())


def test_what_a_piece_ends_inside_carries_on():
    text, inside = compact("<p>x</p>\n  <pre>  a")
    assert text == "<p>x</p>\n<pre>  a"
    assert compact("  b  </pre>\n  c", inside) == ("  b  </pre>\nc", ())
    # A comment around a template tag stays whole: the tag's output is kept.
    text, inside = compact("a\n  <!-- b ")
    assert text == "a\n<!-- b "
    assert compact(" c -->\n  d", inside) == (" c -->\nd", ())


def test_a_pre_in_a_pre_ends_with_the_outer_one():
    text, inside = compact("<pre> <pre> a </pre>  b")
    assert text == "<pre> <pre> a </pre>  b"
    assert compact("  </pre>  c", inside) == ("  </pre> c", ())


# Markup made of the parts that matter: white space, kept elements, comments, tags, text.
PARTS = st.sampled_from([
    " ", "  ", "\n", "\n    ", "\t", "\u00a0", "x", "word", "<p>", "</p>", '<a title="t  i\n  t">', "</a>",
    "<pre>", "</pre>", "<textarea>", "</textarea>", "<script>", "</script>", "<style>", "</style>",
    "<!--", "-->", "<!-- note -->", "<b>", "</b>", "<br/>", "&amp;",
])


@settings(max_examples=400, deadline=None)
@given(st.lists(st.lists(PARTS, max_size=12), min_size=1, max_size=6))
def test_a_browser_reads_the_same_markup(pieces):
    """Pieces of a template, compacted one after the other, read as the original does, but
    for comments that started and ended in one piece (and white space in attribute values)."""
    original = ["".join(piece) for piece in pieces]
    result = compacted(original)
    before, after = as_read("".join(original)), as_read(result)
    assert after[0] == before[0]
    assert after[2] == before[2]
    assert [name for name, _ in after[1]] == [name for name, _ in before[1]]
    assert set(after[3]) <= set(before[3])


@given(st.lists(PARTS, max_size=40))
def test_compacting_twice_changes_nothing_more(parts):
    once, inside = compact("".join(parts))
    assert compact(once) == (once, inside)
