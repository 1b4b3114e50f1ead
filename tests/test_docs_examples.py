"""The editor's guide, walked through as written: from an empty book to a printed edition.

The guide's examples (landing pages, the finished post, the image, footnote and table
fragments), its `ppblog new` command and the problem lines it quotes are read from
docs/editors-guide.md itself, so the guide cannot drift from what the tools do.
"""

from __future__ import annotations

import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from conftest import REPO

GUIDE = REPO / "docs" / "editors-guide.md"
EXAMPLE = re.compile(r"<!-- example: (?P<path>\S+) -->\n(?P<fence>`{3,})markdown\n(?P<body>.*?)\n(?P=fence)\n", re.S)
FRAGMENT = re.compile(r"<!-- example body: (?P<name>[^>]+?) -->\n```markdown\n(?P<body>.*?)\n```\n", re.S)
QUOTED = re.compile(r"```text\n(.*?)\n```", re.S)
SERIES_POST = "posts/populism-special-issue/blog-1-why-populism-matters-for-policy.md"
CHART = REPO / "tests" / "roots" / "test-bad-input" / "posts" / "series" / "chart.png"


def guide() -> str:
    return GUIDE.read_text(encoding="utf-8")


def examples() -> dict[str, str]:
    found = {m["path"]: m["body"] + "\n" for m in EXAMPLE.finditer(guide())}
    assert len(found) == 3, found.keys()
    return found


def fragments() -> dict[str, str]:
    found = {m["name"]: m["body"] + "\n" for m in FRAGMENT.finditer(guide())}
    assert sorted(found) == ["a footnote", "a table", "an image with a caption"]
    return found


def new_post_command() -> list[str]:
    """The guide's `ppblog new` command, to run with this Python."""
    block = next(b for b in re.findall(r"```sh\n(.*?)\n```", guide(), re.S) if "ppblog new" in b)
    words = shlex.split(block.replace("\\\n", " "))
    assert words[0] == ".venv/bin/ppblog"
    return [sys.executable, "-m", "pp_blog.cli", *words[1:]]


def quoted(index: int) -> list[str]:
    return QUOTED.findall(guide())[index].splitlines()


def ppblog(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "pp_blog.cli", *args], cwd=cwd, capture_output=True, text=True)


@pytest.fixture
def book(tmp_path) -> Path:
    """The book as it is, without a single collection or post."""
    root = tmp_path / "book"
    root.mkdir()
    for name in ("conf.py", "index.md"):
        shutil.copy(REPO / name, root / name)
    for name in ("docs", "_static", "_templates"):
        shutil.copytree(REPO / name, root / name)
    return root


def open_collections(root: Path) -> None:
    for path, text in examples().items():
        if path.endswith("/index.md"):
            (root / path).parent.mkdir(parents=True, exist_ok=True)
            (root / path).write_text(text, encoding="utf-8")


def finish_post(root: Path) -> None:
    """The guide's finished post, with its image, footnote and table added to the text."""
    text = examples()[SERIES_POST] + "".join("\n" + body for body in fragments().values())
    (root / SERIES_POST).write_text(text, encoding="utf-8")
    shutil.copy(CHART, (root / SERIES_POST).parent / "populism-chart.png")


@pytest.fixture
def project(book) -> Path:
    """The book with the guide's collections and finished post."""
    open_collections(book)
    finish_post(book)
    return book


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


@pytest.mark.site
def test_an_empty_book_builds(book):
    result = ppblog("build", "--out", "_build/html", cwd=book)
    assert result.returncode == 0, result.stderr
    front = BeautifulSoup((book / "_build/html/index.html").read_text(encoding="utf-8"), "html.parser")
    assert front.select(".pp-collections a") == []


@pytest.mark.site
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


@pytest.mark.pdf
def test_guide_examples_print_into_an_edition(project):
    result = ppblog("build", "--builder", "latex", "--out", "_build/latex", cwd=project)
    assert result.returncode == 0, result.stderr
    latex = project / "_build/latex"
    subprocess.run(["make", "-C", str(latex), "all-pdf", "LATEXMKOPTS=-silent"], capture_output=True, check=True)
    edition = latex / "populism-special-issue.pdf"

    def text(*pages: str) -> str:
        out = subprocess.run(["pdftotext", *pages, str(edition), "-"], capture_output=True, text=True, check=True).stdout
        return " ".join(out.split())

    title_page = text("-f", "1", "-l", "1")
    assert title_page.startswith("Special issue blog series: populism and public policy")
    # The title says what the edition is: no second "Special issue blog series" under it.
    assert title_page.count("Special issue blog series") == 1
    # Dated by the collection's newest post, not by the day of the build.
    assert "Edition of 12 January 2022" in title_page
    body = text()
    assert "Why populism matters for policy" in body
    assert "Populist parties in government, 2000–2020." in body
    assert "Populist parties now govern in a third of member states.1" in body
    assert "1 Counted at the end of 2021." in body
    assert (latex / "highlights-2022-populism.pdf").is_file()
