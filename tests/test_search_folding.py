"""Search forgives accents: the index and the query are folded alike, what is shown is not.

Three layers: the folding itself (Python and the browser's JavaScript agree), the search
language (stems remembered for the build), and Chromium searching a built test root.
"""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st
from sphinx.search.en import SearchEnglish

from conftest import sphinx_build
from pp_blog.folding import JS_FOLD, fold
from pp_blog.search_language import FoldedEnglish

ROOT = Path(__file__).parent / "roots" / "test-search-folding"

unhurried = settings(deadline=None, suppress_health_check=[HealthCheck.too_slow], max_examples=300)
latin = st.text(st.characters(categories=["Lu", "Ll", "Mn", "Nd"], max_codepoint=0x24F), max_size=12)


@pytest.mark.parametrize(("written", "typed"), [
    ("Muñoz", "Munoz"), ("Sánchez", "Sanchez"), ("Jørgensen", "Jorgensen"), ("Jukić", "Jukic"),
    ("Łódź", "Lodz"), ("Ærø", "AEro"), ("Straße", "Strasse"), ("café", "cafe"),
])
def test_accented_names_fold_to_what_a_reader_types(written, typed):
    assert fold(written) == typed


@unhurried
@given(latin)
def test_folding_is_stable_and_leaves_ascii_alone(word):
    assert fold(fold(word)) == fold(word)
    if word.isascii():
        assert fold(word) == word


@unhurried
@given(st.lists(latin, min_size=1, max_size=40))
def test_the_browser_folds_exactly_as_the_index_does(words):
    script = JS_FOLD + "process.stdout.write(JSON.stringify(JSON.parse(require('fs').readFileSync(0, 'utf8')).map(ppFold)));"
    result = subprocess.run(["node", "-e", script], input=json.dumps(words), capture_output=True, text=True, check=True)
    assert json.loads(result.stdout) == [fold(word) for word in words]


def test_each_word_is_stemmed_once_per_build(monkeypatch):
    language = FoldedEnglish({})
    calls: list[str] = []
    original = SearchEnglish.stem
    monkeypatch.setattr(SearchEnglish, "stem", lambda self, word: calls.append(word) or original(self, word))
    assert [language.stem(w) for w in ("policies", "Muñoz", "policies", "Muñoz")] == ["polici", "munoz"] * 2
    assert calls == ["policies", "Munoz"]


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    outdir = tmp_path_factory.mktemp("search-folding")
    result = sphinx_build(ROOT, outdir)
    assert result.returncode == 0, result.stderr
    return outdir


def test_the_index_holds_folded_words_only(site):
    index = (site / "searchindex.js").read_text(encoding="utf-8")
    terms = json.loads(index[index.index("(") + 1:index.rindex(")")])["terms"]
    assert {"munoz", "sanchez", "jorgensen", "lodz"} <= set(terms)
    assert not {"muñoz", "sánchez", "jørgensen"} & set(terms)


@pytest.mark.browser
class TestInTheBrowser:
    @pytest.fixture(scope="class")
    def base_url(self, site):
        from chromium import serve

        with serve(site) as url:
            yield url

    @pytest.fixture
    def page(self, browser):
        page = browser.new_page()
        yield page
        page.close()

    def search(self, page, base_url, query):
        from chromium import read_results, search_url

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
