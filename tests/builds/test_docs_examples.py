"""The editor's guide, walked through as written: from an empty book to the built pages (the
printed edition: tests/print/test_guide_edition.py).

The guide's examples, its `ppblog new` command and the problem lines it quotes are read from
docs/editors-guide.md itself (tests/guide_examples.py), so the guide cannot drift from what the
tools do.
"""

from __future__ import annotations

import subprocess

import pytest
from bs4 import BeautifulSoup

from conftest import ppblog
from guide_examples import SERIES_POST, make_book, make_project, new_post_command, open_collections, quoted


@pytest.fixture
def book(tmp_path):
    return make_book(tmp_path)


@pytest.fixture
def project(tmp_path):
    return make_project(tmp_path)


def test_guide_examples_pass_the_checker(project):
    result = ppblog("check", cwd=project)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "all posts are valid"


def test_the_guide_command_starts_the_post_the_guide_finishes_and_its_placeholders_are_caught(book):
    open_collections(book)
    assert ppblog("check", cwd=book).returncode == 0
    started = subprocess.run(new_post_command(), cwd=book, capture_output=True, text=True)
    assert started.returncode == 0, started.stderr
    assert started.stdout.strip() == f"wrote {SERIES_POST}"
    # A draft may keep what `ppblog new` wrote.
    assert ppblog("check", cwd=book).returncode == 0
    # Published too early: the guide quotes what the checker says, word for word.
    post = book / SERIES_POST
    post.write_text(post.read_text(encoding="utf-8").replace("draft: true\n", ""), encoding="utf-8")
    result = ppblog("check", cwd=book)
    assert result.returncode == 1
    assert result.stderr.splitlines()[:-1] == quoted(0)


def test_guide_quotes_the_checker_word_for_word(project):
    post = project / SERIES_POST
    post.write_text(post.read_text(encoding="utf-8").replace("position: 1", "position: 7"), encoding="utf-8")
    result = ppblog("check", cwd=project)
    assert result.returncode == 1
    assert result.stderr.splitlines()[0] == quoted(1)[0]


def test_an_empty_book_builds(book):
    result = ppblog("build", "--out", "_build/html", cwd=book)
    assert result.returncode == 0, result.stderr
    front = BeautifulSoup((book / "_build/html/index.html").read_text(encoding="utf-8"), "html.parser")
    assert front.select(".pp-collections a") == []


def test_guide_examples_build_into_pages(project):
    result = ppblog("build", "--out", "_build/html", cwd=project)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == ["building _build/html ...", "The book is in _build/html/index.html"]
    out = project / "_build/html"

    def page(path: str) -> BeautifulSoup:
        return BeautifulSoup((out / path).read_text(encoding="utf-8"), "html.parser")

    # The front page lists both new collections, newest first, without any edit to index.md.
    assert [a.get_text(strip=True) for a in page("index.html").select(".pp-collections a")] == [
        "Highlights collection, 1 February – 30 April 2022: populism",
        "Special issue blog series: populism and public policy",
    ]
    post = page(SERIES_POST.replace(".md", ".html"))
    assert post.select_one(".pp-series-position").get_text(" ", strip=True) == (
        "Blog 1 of 6 in the Special issue blog series on populism and public policy "
        "(Policy & Politics, volume 50, issue 1, January 2022).")
    figure = post.select_one("figure")
    assert figure.select_one("img")["alt"] == "Bar chart of populist parties in government, 2000 to 2020"
    assert figure.select_one("figcaption .caption-text").get_text(" ", strip=True) == "Populist parties in government, 2000–2020."
    assert post.select_one("a.footnote-reference").get_text(strip=True) == "[1]"
    assert [td.get("class") for td in post.select("table tbody tr")[0].select("td")] == [["text-left"], ["text-right"]]
    landing = page("posts/populism-special-issue/index.html")
    assert [p.get_text(" ", strip=True) for p in landing.select(".pp-listing-title")] == [
        "Blog 1: Why populism matters for policy"]
    highlights = page("posts/highlights-2022-populism/index.html")
    assert "1 February – 30 April 2022" in highlights.select_one(".pp-collection-details").get_text(" ", strip=True)
