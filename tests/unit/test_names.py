"""Tag and author page addresses (model/names.py): one readable scheme, and every spelling of a
name on one page while two different names never share one. Examples, then generated names."""

from __future__ import annotations

import re
import unicodedata

from hypothesis import given
from hypothesis import strategies as st

from pp_blog.model import frontmatter as fm
from pp_blog.model.names import page_address, site_name_problems

ADDRESS = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
INVISIBLE = ["\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u00ad"]
BIDI = ["\u202a", "\u202b", "\u202c", "\u202d", "\u202e", "\u2066", "\u2067", "\u2068", "\u2069", "\u200e", "\u200f"]


def test_examples():
    assert page_address("Public value") == "public-value"
    assert page_address("Públic  Value") == "public-value"
    assert page_address("public-value") == "public-value"
    assert page_address("public\u200b value\u202e") == "public-value"
    assert page_address("Ørsted") == "orsted"
    assert page_address("公共价值") == "gonggongjiazhi"
    assert page_address("!!!") == ""
    assert page_address(2021) == "2021"


def post(tags, authors=("A B",)):
    return {"tags": list(tags), "authors": [{"name": name} for name in authors], "lines": {}}


def test_spellings_across_posts_are_reported_once_each():
    problems = site_name_problems({"posts/a/one": post(["Public value"]), "posts/a/two": post(["public-value"])})
    assert [(doc, p.message) for doc, p in problems] == [(
        "posts/a/two", "tag 'public-value' is spelled 'Public value' in posts/a/one: use one spelling, so that both "
        "posts are listed on its page ('public-value')")]


def front(text: str) -> fm.FrontMatter:
    return fm.parse_front_matter("---\n" + text + "\n---\n")


BASE = ('title: "T"\ndate: 2021-05-12\nauthors: [A B]\ncategory: C\ncollection: c\n'
        "original_url: https://e.org/\n")


def messages(extra: str) -> list[str]:
    return [p.message for p in fm.validate_post(front(BASE + extra))]


def test_one_post_one_line_per_bad_name():
    assert messages("tags: ['!!!']") == ["tag '!!!' has no letters or digits, so it cannot have a page: use a word"]
    assert messages("tags: [a, A]") == ["tags 'a' and 'A' differ only in case: keep one spelling"]
    assert messages("tags: [public value, public-value]") == [
        "tags 'public value' and 'public-value' are spellings of one name (page 'public-value'): keep one spelling"]
    assert messages("tags: [x" + "y" * 300 + "]")[0].endswith("characters long, more than 100: shorten it")
    assert messages("") == ["post has no 'tags' field: list the tags, e.g. tags: [co-creation, public value]"]


def test_blank_titles_hidden_characters_and_duplicate_keys():
    assert messages('tags: [a]\ntitle2: x').count("unknown field 'title2': remove it or check its spelling "
                                                  "(see docs/front-matter.md)") == 1
    blank = fm.validate_post(front(BASE.replace('title: "T"', 'title: "   "') + "tags: [a]"))
    assert [p.message for p in blank] == ["the title is only spaces: write the title"]
    hidden = fm.validate_post(front(BASE.replace('title: "T"', 'title: "T\\u202e"') + "tags: [a]"))
    assert [p.message for p in hidden] == [
        "field 'title' contains an invisible or direction-control character, U+202E (right-to-left override): "
        "delete it (retype the text around it if you cannot see it)"]
    try:
        front(BASE + "tags: [a]\ntitle: again")
    except fm.FrontMatterError as error:
        assert error.message == "field 'title' is given twice (lines 2 and 9): keep one" and error.line == 9
    else:
        raise AssertionError("a duplicate key was accepted")


# --- generated names -------------------------------------------------------------------------

WORD = st.text(alphabet=st.characters(categories=["Ll", "Lu", "Nd"], max_codepoint=0x2FFF), min_size=1, max_size=8)
NAMES = st.lists(WORD, min_size=1, max_size=4).map(" ".join)


@st.composite
def spelling_of(draw, name: str) -> str:
    """The same name differing only in case, spaces, hyphens, diacritics, invisible or bidi characters."""
    out = []
    for ch in name:
        if ch == " ":
            out.append(draw(st.sampled_from([" ", "  ", "-", " - ", "\u00a0", "\t"])))
            continue
        ch = draw(st.sampled_from([ch, ch.upper(), ch.lower()])) if len(ch.upper()) == 1 == len(ch.lower()) else ch
        out.append(ch)
        if ch.isascii() and ch.isalpha():
            out.append(draw(st.sampled_from(["", "\u0301", "\u0308"])))  # combining accents
        out.append(draw(st.sampled_from(["", "", *INVISIBLE, *BIDI])))
    return "".join(out)


@given(NAMES.flatmap(lambda name: st.tuples(st.just(name), spelling_of(name))))
def test_two_spellings_of_one_name_always_share_a_page(pair):
    name, spelling = pair
    assert page_address(spelling) == page_address(name)


ANY_NAME = st.text(st.characters(codec="utf-8"), min_size=1, max_size=30)


@given(ANY_NAME, ANY_NAME)
def test_two_different_names_never_share_a_page(first, second):
    """Names whose pages would be one are reported as spellings of one name: the build stops."""
    address = page_address(first)
    assert address == "" or ADDRESS.match(address)
    assert "%" not in address
    if address and address == page_address(second) and first.strip() != second.strip():
        problems = site_name_problems({"posts/a/one": post([first]), "posts/a/two": post([second])})
        assert [doc for doc, _ in problems] == ["posts/a/two"]


@given(ANY_NAME)
def test_addresses_are_readable_ascii(name):
    address = page_address(name)
    assert address == unicodedata.normalize("NFC", address)
    assert address == "" or ADDRESS.match(address)
