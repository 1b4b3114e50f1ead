"""Drafts in the browser's search: a reader never finds them; an editor's preview build does.

The test root has one published post, one marked `draft: true` and one dated after the
build date (`ppblog_build_date`), all in one collection.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from chromium import read_results, result_titles, search_url, serve
from conftest import sphinx_build

ROOT = Path(__file__).parent.parent / "roots" / "test-search-drafts"
PUBLISHED = "Ferry services in island communities"
MARKED_DRAFT = "Lighthouse keepers and public value"
FUTURE_DATED = "Harbour pilots and co-production"
LANDING = "A special issue on public services"


def build(outdir: Path, *extra: str) -> Path:
    result = sphinx_build(ROOT, outdir, "html", *extra)
    assert result.returncode == 0, result.stderr
    assert "WARNING" not in result.stderr, result.stderr
    return outdir


@pytest.fixture(scope="module")
def published_site(tmp_path_factory):
    with serve(build(tmp_path_factory.mktemp("published"))) as url:
        yield url


@pytest.fixture(scope="module")
def preview_site(tmp_path_factory):
    with serve(build(tmp_path_factory.mktemp("preview"), "-D", "ppblog_show_drafts=1")) as url:
        yield url


def search(browser, base_url, query):
    page = browser.new_page()
    page.goto(search_url(base_url, query))
    results = read_results(page)
    page.close()
    return results


@pytest.mark.parametrize(
    "query",
    ["Lighthouse keepers", "Irene Pluchinotta", "lighthouses", "Harbour pilots", "Tina Jukić harbours"],
)
def test_drafts_are_not_found(browser, published_site, query):
    assert search(browser, published_site, query) == []


def test_a_query_matching_drafts_and_a_published_post_finds_only_the_post(browser, published_site):
    titles = result_titles(search(browser, published_site, "public services"))
    assert PUBLISHED in titles and LANDING in titles
    assert MARKED_DRAFT not in titles and FUTURE_DATED not in titles


def test_the_preview_finds_drafts_and_says_they_are_drafts(browser, preview_site):
    for query, title in (("Lighthouse keepers", MARKED_DRAFT), ("Harbour pilots", FUTURE_DATED)):
        [result] = [r for r in search(browser, preview_site, query) if r.title == title]
        assert "Draft preview: this post is not published." in result.snippet
    titles = result_titles(search(browser, preview_site, "public services"))
    assert {PUBLISHED, MARKED_DRAFT, FUTURE_DATED, LANDING} <= set(titles)
