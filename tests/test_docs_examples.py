"""The editor's guide's examples are real: copied into a project, they check and build."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from conftest import REPO

GUIDE = REPO / "docs" / "editors-guide.md"
EXAMPLE = re.compile(r"<!-- example: (?P<path>\S+) -->\n(?P<fence>`{3,})markdown\n(?P<body>.*?)\n(?P=fence)\n", re.S)


def examples() -> dict[str, str]:
    found = {m["path"]: m["body"] + "\n" for m in EXAMPLE.finditer(GUIDE.read_text(encoding="utf-8"))}
    assert len(found) == 3, found.keys()
    return found


@pytest.fixture
def project(tmp_path) -> Path:
    root = tmp_path / "project"
    root.mkdir()
    shutil.copy(REPO / "conf.py", root / "conf.py")
    shutil.copytree(REPO / "_static", root / "_static")
    for path, text in examples().items():
        (root / path).parent.mkdir(parents=True, exist_ok=True)
        (root / path).write_text(text, encoding="utf-8")
    # The book's own front page: its collections list finds the guide's new collections by itself.
    shutil.copy(REPO / "index.md", root / "index.md")
    shutil.copytree(REPO / "docs", root / "docs")
    return root


def test_guide_examples_pass_the_checker(project):
    result = subprocess.run([sys.executable, "-m", "pp_blog.cli", "check"], cwd=project, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "all posts are valid"


@pytest.mark.site
def test_guide_examples_build_into_pages(project):
    out = project / "_build"
    result = subprocess.run(
        [sys.executable, "-m", "sphinx", "-nW", "--keep-going", "-q", "-b", "html", str(project), str(out)],
        capture_output=True, text=True,
    )
    assert result.returncode == 0, result.stderr
    post = BeautifulSoup((out / "posts/populism-special-issue/blog-1-why-populism-matters.html").read_text(), "html.parser")
    assert post.select_one(".pp-series-position").get_text(" ", strip=True).startswith(
        "Blog 1 of 6 in the Special issue blog series on")
    landing = BeautifulSoup((out / "posts/populism-special-issue/index.html").read_text(), "html.parser")
    assert [p.get_text(" ", strip=True) for p in landing.select(".pp-listing-title")] == [
        "Blog 1: Why populism matters for policy"]
    highlights = BeautifulSoup((out / "posts/highlights-2022-populism/index.html").read_text(), "html.parser")
    assert "1 February – 30 April 2022" in highlights.select_one(".pp-collection-details").get_text(" ", strip=True)


def test_guide_quotes_the_checker_word_for_word(project):
    post = project / "posts/populism-special-issue/blog-1-why-populism-matters.md"
    post.write_text(post.read_text(encoding="utf-8").replace("position: 1", "position: 7"), encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "pp_blog.cli", "check"], cwd=project, capture_output=True, text=True)
    quoted = re.search(r"```text\n(.*?)\n```", GUIDE.read_text(encoding="utf-8"), re.S)[1]
    assert result.returncode == 1
    assert result.stderr.splitlines()[0] == quoted
