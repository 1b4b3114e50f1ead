"""A footnote in a post's opening paragraph: no stray marker in excerpts (print: tests/print/test_print_footnotes.py)."""

from __future__ import annotations

from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from conftest import built_root

ROOT = Path(__file__).parent.parent / "roots" / "test-footnotes"


@pytest.fixture(scope="module")
def html(tmp_path_factory) -> Path:
    return built_root(ROOT, tmp_path_factory.mktemp("footnotes-html"))


def soup(outdir: Path, page: str) -> BeautifulSoup:
    return BeautifulSoup((outdir / page).read_text(encoding="utf-8"), "html.parser")


def test_front_page_excerpt_has_no_note_marker(html):
    excerpt = soup(html, "index.html").select_one(".ablog-post-excerpt")
    assert excerpt.get_text(" ", strip=True) == "Policy makers ask for evidence before they act, and the journal says so."
    assert excerpt.select("a.footnote-reference") == []


def test_landing_page_excerpt_has_no_note_number(html):
    excerpt = soup(html, "posts/notes/index.html").select_one(".pp-listing-excerpt")
    assert excerpt.get_text() == "Policy makers ask for evidence before they act, and the journal says so."


def test_the_post_keeps_its_footnote(html):
    post = soup(html, "posts/notes/evidence.html")
    ref = post.select_one("a.footnote-reference")
    assert ref.get_text(strip=True) == "[1]"
    assert post.select_one(ref["href"]) is not None
