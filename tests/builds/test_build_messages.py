"""What `make html` (`ppblog build`) prints: a good build is short, a failed one ends with its problems."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from conftest import copy_site_sources, ppblog


SERIES = "posts/co-creation-special-issue"


def ppblog_build(project: Path) -> subprocess.CompletedProcess:
    return ppblog("build", "--out", "_build/html", cwd=project)


@pytest.fixture
def project(tmp_path) -> Path:
    return copy_site_sources(tmp_path)


def test_a_good_build_says_where_the_book_is_and_nothing_else_even_the_second_time(project):
    for _ in range(2):
        result = ppblog_build(project)
        assert result.returncode == 0, result.stderr
        assert result.stderr == ""
        assert result.stdout.splitlines() == ["building _build/html ...", "The book is in _build/html/index.html"]


def test_a_failed_build_ends_with_every_problem_and_says_what_happens_next(project):
    last = project / SERIES / "blog-7-key-themes.md"
    last.write_text(last.read_text(encoding="utf-8").replace("position: 7", "position: 6"), encoding="utf-8")
    # Published with the default address of `ppblog new` still in it.
    first = project / SERIES / "blog-5-digital-platforms.md"
    text = first.read_text(encoding="utf-8")
    url = next(line for line in text.splitlines() if line.startswith("original_url:"))
    first.write_text(text.replace(url, "original_url: https://policyandpoliticsblog.com/"), encoding="utf-8")
    result = ppblog_build(project)
    assert result.returncode != 0
    assert result.stderr.splitlines() == [
        f"{SERIES}/blog-5-digital-platforms.md:11: original_url is still the default of 'ppblog new' "
        "(https://policyandpoliticsblog.com/, the blog's home page): give the address of the original post",
        f"{SERIES}/blog-7-key-themes.md:11: position 6 is already taken by {SERIES}/blog-6-strategic-management "
        "in series 'co-creation-special-issue': give each post its own number",
        "build failed: fix the 2 problems above; nothing was published",
    ]
