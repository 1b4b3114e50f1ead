"""The CSL style specialized for one item type (csl_engine.specialize): the branches it keeps,
and, for items of many types and shapes, the same reference as citeproc-py formats with the
whole style. (tests/unit/test_citation.py compares the remembered lookups with citeproc-py's
own methods.)"""

from __future__ import annotations

import string

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import etree

from pp_blog.model import citation, csl_engine

CSL_NS = "http://purl.org/net/xbiblio/csl"


def choose(*branches: str) -> etree._Element:
    return etree.fromstring(f'<choose xmlns="{CSL_NS}">{"".join(branches)}</choose>')


def kept(root: etree._Element) -> list[str]:
    """Each branch left, as its tag and its attributes."""
    return [etree.QName(branch).localname + "".join(f" {k}={v}" for k, v in sorted(branch.attrib.items()))
            for branch in root]


BRANCHES = (
    '<if type="book"><text value="b"/></if>',
    '<else-if type="report post-weblog" match="any"><text value="r"/></else-if>',
    '<else-if type="post-weblog" variable="DOI"><text value="d"/></else-if>',
    '<else-if type="webpage post-weblog" match="none"><text value="n"/></else-if>',
    '<else><text value="e"/></else>',
)


@pytest.mark.parametrize(("item_type", "expected"), [
    # the first branch passes: it is all that is left, and it no longer tests anything
    ("book", ["if"]),
    # a failing type test goes; a passing one becomes unconditional, and what follows it goes
    ("report", ["else-if"]),
    # a condition that tests something besides the type stays as it is, and so does what follows
    ("post-weblog", ["else-if"]),
    ("chapter", ["else-if type=post-weblog variable=DOI", "else-if"]),
    ("webpage", ["else-if type=post-weblog variable=DOI", "else"]),
])
def test_only_the_branches_an_item_of_the_type_can_take_are_kept(item_type, expected):
    root = choose(*BRANCHES)
    removed = csl_engine.specialize(root, item_type)
    assert kept(root) == expected
    assert removed == len(BRANCHES) - len(expected)


def test_match_all_with_several_types_never_passes_and_nested_chooses_are_specialized_too():
    root = choose('<if type="book report"><text value="x"/></if>',
                  '<else><choose><if type="book" match="none"><text value="y"/></if>'
                  '<else><text value="z"/></else></choose></else>')
    assert csl_engine.specialize(root, "book") == 2
    inner = root.find(f"{{{CSL_NS}}}else/{{{CSL_NS}}}choose")
    assert kept(root) == ["else"] and kept(inner) == ["else"]


def test_a_choose_whose_every_branch_fails_is_left_empty_as_citeproc_renders_it_nothing():
    root = choose('<if type="book"><text value="b"/></if>', '<else-if type="report"><text value="r"/></else-if>')
    assert csl_engine.specialize(root, "post-weblog") == 2
    assert len(root) == 0


def test_specializing_is_linear_in_the_size_of_the_style():
    # a long choose, and nested ones (as deep as libxml2 reads by default): each branch is looked at once
    wide = choose(*[f'<else-if type="t{i}"><text value="{i}"/></else-if>' for i in range(20_000)])
    assert csl_engine.specialize(wide, "t19999") == 19_999
    deep = etree.fromstring(f'<choose xmlns="{CSL_NS}">' + '<if type="book"><choose>' * 120
                            + "</choose></if>" * 120 + "</choose>")
    assert csl_engine.specialize(deep, "book") == 0


# --- the same reference as with the whole style ----------------------------------------

TYPES = ("post-weblog", "article-journal", "book", "chapter", "report", "webpage", "thesis",
         "paper-conference", "article-newspaper", "dataset", "motion_picture", "interview")
WORD = st.text(alphabet=string.ascii_letters + "ßøćéñ-'.?!:&", min_size=1, max_size=12)
NAME = st.one_of(
    st.fixed_dictionaries({"family": WORD, "given": WORD}),
    st.fixed_dictionaries({"family": WORD, "given": WORD, "non-dropping-particle": st.sampled_from(["van", "de"])}),
    st.fixed_dictionaries({"literal": WORD}),
)
DATE = st.lists(st.integers(1, 28), min_size=1, max_size=3).map(lambda parts: {"date-parts": [[2000 + parts[0], *parts[1:]]]})
OPTIONAL = {
    "author": st.lists(NAME, min_size=1, max_size=22),
    "editor": st.lists(NAME, min_size=1, max_size=3),
    "title": st.lists(WORD, min_size=1, max_size=5).map(" ".join),
    "container-title": WORD, "collection-title": WORD, "publisher": WORD, "publisher-place": WORD,
    "issued": DATE, "accessed": DATE, "URL": st.just("https://example.org/a"), "DOI": st.just("10.1332/0305"),
    "volume": st.integers(1, 99).map(str), "issue": st.integers(1, 9).map(str), "page": st.just("3-17"),
    "edition": st.integers(1, 5).map(str), "genre": WORD, "medium": WORD, "number": st.integers(1, 99).map(str),
    "language": st.sampled_from(["en", "de"]), "status": st.sampled_from(["in press"]),
}


@st.composite
def csl_items(draw):
    item = {"id": "item", "type": draw(st.sampled_from(TYPES))}
    for name in draw(st.lists(st.sampled_from(sorted(OPTIONAL)), unique=True, max_size=len(OPTIONAL))):
        item[name] = draw(OPTIONAL[name])
    return item


def reference(style, item) -> str:
    from citeproc import Citation, CitationItem, CitationStylesBibliography
    from citeproc.source.json import CiteProcJSON

    bibliography = CitationStylesBibliography(style, CiteProcJSON([item]), citation.SEGMENT_FORMATTER)
    bibliography.register(Citation([CitationItem("item")]))
    return "\n".join(str(entry) for entry in bibliography.bibliography())


@pytest.fixture(scope="module")
def whole_style():
    from citeproc import CitationStylesStyle

    return CitationStylesStyle(str(citation.APA_STYLE), validate=False)


@settings(max_examples=150, deadline=None)
@given(item=csl_items())
def test_the_specialized_style_formats_every_item_of_its_type_as_the_whole_style_does(whole_style, item):
    specialized = csl_engine.style_for(str(citation.APA_STYLE), item["type"])
    assert reference(specialized, item) == reference(whole_style, item)


def test_the_style_for_posts_is_smaller_than_the_whole_style(whole_style):
    specialized = csl_engine.style_for(str(citation.APA_STYLE), citation.POST_TYPE)
    count = lambda style: sum(1 for _ in style.root.iter(f"{{{CSL_NS}}}*"))  # noqa: E731
    assert count(specialized) < count(whole_style) * 0.8
