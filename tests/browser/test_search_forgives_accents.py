"""Search forgives accents, in Chromium: a reader's query without accents finds what the
accented one finds, the page shows the names as written, guides come after posts, and the
browser folds exactly as the index does."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from chromium import read_results, search_url, serve
from conftest import built_root
from pp_blog.model.folding import JS_FOLD, fold

ROOT = Path(__file__).parent.parent / "roots" / "test-search-folding"
latin = st.text(st.characters(categories=["Lu", "Ll", "Mn", "Nd"], max_codepoint=0x24F), max_size=12)


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    return built_root(ROOT, tmp_path_factory.mktemp("search-folding"))


@pytest.fixture(scope="module")
def blank_page(browser):
    page = browser.new_page()
    yield page
    page.close()


@settings(deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
          max_examples=200)
@given(words=st.lists(latin, min_size=1, max_size=40))
def test_the_browser_folds_exactly_as_the_index_does(blank_page, words):
    folded = blank_page.evaluate(f"(words) => {{ {JS_FOLD} return words.map(ppFold); }}", words)
    assert folded == [fold(word) for word in words]


class TestInTheBrowser:
    @pytest.fixture(scope="class")
    def base_url(self, site):
        with serve(site) as url:
            yield url

    @pytest.fixture
    def page(self, browser):
        page = browser.new_page()
        yield page
        page.close()

    def search(self, page, base_url, query):
        page.goto(search_url(base_url, query))
        return read_results(page)

    @pytest.mark.parametrize(("typed", "written", "title"), [
        ("Munoz", "Muñoz", "Borders and belonging"),
        ("Sanchez", "Sánchez", "Borders and belonging"),
        ("Jorgensen", "Jørgensen", "Welfare in the north"),
        ("Lodz", "Łódź", "Welfare in the north"),
    ])
    def test_with_or_without_accents_the_same_posts_come_first(self, page, base_url, typed, written, title):
        plain = self.search(page, base_url, typed)
        accented = self.search(page, base_url, written)
        assert [r.title for r in plain] == [r.title for r in accented]
        assert plain[0].title == title

    def test_results_show_the_names_as_written(self, page, base_url):
        results = self.search(page, base_url, "Munoz")
        assert "José Muñoz Sánchez" in results[0].snippet

    def test_posts_and_collections_come_before_any_guide(self, page, base_url):
        reader_pages = {"Welfare in the north", "Borders and belonging",
                        "Highlights collection, 1 May – 31 July 2021: migration"}
        for query in ("Jorgensen", "migration"):
            titles = [r.title for r in self.search(page, base_url, query)]
            guide = titles.index("A guide for editors")
            assert set(titles[guide:]).isdisjoint(reader_pages), titles
            assert reader_pages & set(titles[:guide])

    def test_no_result_says_what_to_try(self, page, base_url):
        assert self.search(page, base_url, "zeppelin") == []
        summary = page.locator("#search-results .search-summary").inner_text()
        assert summary.startswith("No post or page contains all of these words.")
        assert "categories" not in summary and "documents" not in summary
