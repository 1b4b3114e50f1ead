"""The collection kind for ordinary posts, one collection per year (kind 'year'): its declaration,
and its PDF edition's title page. Its landing page and the line under its posts are built in
tests/test_wordpress_import.py, on an imported book."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from pp_blog.model import frontmatter as fm
from pp_blog.sphinxext.latex import edition_title_page

YEAR = """---
title: "Posts of 2021"
collection:
  kind: year
  slug: blog-2021
  year: 2021
---
"""


def problems(text: str, folder: str = "blog-2021") -> list[str]:
    return [p.message for p in fm.validate_collection(fm.parse_front_matter(text), folder=folder)]


def test_a_year_collection_needs_only_its_year():
    assert problems(YEAR) == []
    record, _ = fm.read_page("collection", YEAR, folder="blog-2021", categories=None)
    assert record == {"kind": "year", "slug": "blog-2021", "year": 2021, "title": "Posts of 2021",
                      "short_title": "Posts of 2021", "line": 3}


def test_a_year_collection_may_have_a_weight_as_every_collection_may():
    """docs/front-matter.md lists weight among the fields of every collection."""
    assert problems(YEAR.replace("  year: 2021\n", "  year: 2021\n  weight: 3\n")) == []


@pytest.mark.parametrize("year_lines, message", [
    ("", "collection declaration: 'year' is a required property; see docs/front-matter.md"),
    ("  year: 2021\n  theme: x\n", "collection declaration: Additional properties are not allowed ('theme' was "
                                   "unexpected); see docs/front-matter.md"),
    ("  year: nineteen\n", "collection declaration: 'nineteen' is not of type 'integer'; see docs/front-matter.md"),
])
def test_a_year_collection_refuses_what_it_does_not_have(year_lines, message):
    assert problems(YEAR.replace("  year: 2021\n", year_lines)) == [message]


def test_posts_of_a_year_collection_have_their_own_category():
    assert fm.CATEGORY_OF_KIND[fm.YEAR] == "Blog post"


def test_the_pdf_edition_of_a_year_says_what_it_holds():
    collection = {"kind": fm.YEAR, "slug": "blog-2021", "year": 2021, "title": "Posts of 2021"}
    domain = SimpleNamespace(collections={"posts/blog-2021/index": collection},
                             posts_in=lambda slug: [("a", {"date": "2021-03-01"}), ("b", {"date": "2021-06-01"})])
    class Config:  # the two settings the title page reads (Sphinx's Config can be weakly referenced)
        latex_engine = "xelatex"
        root_doc = "index"

    config = Config()
    page = edition_title_page(domain, "posts/blog-2021/index", config, "T", "A")
    assert page.startswith(r"\ppmaketitle{Posts of 2021}{Blog posts}{The posts of 2021\par 2 posts}{A}")
