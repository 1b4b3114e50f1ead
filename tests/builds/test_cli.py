"""The `ppblog` command line: check and build, as an editor runs them."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import REPO, copy_site_sources, ppblog


@pytest.fixture
def project(tmp_path) -> Path:
    return copy_site_sources(tmp_path)


def test_check_accepts_the_real_posts():
    result = ppblog("check", cwd=REPO)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "all posts are valid"


def test_check_reports_one_line_per_problem_and_fails(project):
    post = project / "posts/co-creation-special-issue/blog-5-digital-platforms.md"
    before = post.read_text(encoding="utf-8").replace("date: 2021-05-12", "date: 2021-13-45")
    post.write_text(before, encoding="utf-8")
    result = ppblog("check", cwd=project)
    assert result.returncode == 1
    assert result.stderr.splitlines() == [
        "posts/co-creation-special-issue/blog-5-digital-platforms.md:3: field 'date' ('2021-13-45') is not a real "
        "date: write the publication date as YYYY-MM-DD, e.g. date: 2021-05-12",
        "1 problem(s) found",
    ]
    assert post.read_text(encoding="utf-8") == before


def test_failed_build_keeps_the_published_site_and_fails_again_next_time(project):
    out = project / "_build/html"
    assert ppblog("build", "--out", str(out), "-q", cwd=project).returncode == 0
    published = (out / "index.html").read_bytes()
    post = project / "posts/co-creation-special-issue/blog-6-strategic-management.md"
    post.write_text(post.read_text(encoding="utf-8").replace("position: 6", "position: 5"), encoding="utf-8")
    for attempt in range(2):  # the second run must not forget the unfixed problem
        result = ppblog("build", "--out", str(out), "-q", cwd=project)
        assert result.returncode != 0
        assert "blog-6-strategic-management.md:14: position 5 is already taken" in result.stderr
        assert result.stderr.strip().endswith("build failed: fix the 1 problem above; " + f"{out} is unchanged")
        assert (out / "index.html").read_bytes() == published
        assert not (project / "_build/html.staging").exists()


def test_new_writes_a_valid_draft_with_the_next_position_and_never_overwrites(project):
    args = ["new", "co-creation-special-issue", "--title", "Blog 8: what next?", "--author", "Tina Jukić",
            "--author", "Jacob Torfing", "--tag", "co-creation", "--date", "2021-06-02"]
    # The series plans seven blogs; make room for an eighth.
    landing = project / "posts/co-creation-special-issue/index.md"
    landing.write_text(landing.read_text(encoding="utf-8").replace("planned_posts: 7", "planned_posts: 8"), encoding="utf-8")
    result = ppblog(*args, cwd=project)
    assert result.returncode == 0, result.stderr
    post = project / "posts/co-creation-special-issue/blog-8-what-next.md"
    # The book numbers the post from its position: the title keeps no "Blog 8: " of its own.
    assert result.stdout.strip() == f"wrote {post.relative_to(project)} (title \"what next?\": the book adds 'Blog 8: ' itself)"
    text = post.read_text(encoding="utf-8")
    assert 'title: "what next?"\n' in text
    assert "position: 8\n" in text and "draft: true\n" in text and '  - "Tina Jukić"\n' in text
    assert ppblog("check", cwd=project).returncode == 0
    # The same post again (its position now taken, so named explicitly): never overwritten.
    again = ppblog(*args, "--position", "8", cwd=project)
    assert again.returncode == 2
    assert again.stderr.strip() == f"{post.relative_to(project)}: already exists; choose another --slug (nothing was written)"
    assert post.read_text(encoding="utf-8") == text


def test_new_refuses_an_unknown_collection(project):
    result = ppblog("new", "nope", "--title", "T", "--author", "A", "--tag", "t", cwd=project)
    assert result.returncode == 2
    assert result.stderr.strip() == (
        "posts/nope/index.md: no such collection: choose one of co-creation-special-issue, highlights-2021-policy-diffusion")


def test_a_broken_landing_page_is_reported_once_not_again_for_each_of_its_posts(project):
    landing = project / "posts/highlights-2021-policy-diffusion/index.md"
    landing.write_text(landing.read_text(encoding="utf-8").replace("period_end: 2021-07-31", "period_end: 2021-07"),
                       encoding="utf-8")
    result = ppblog("check", cwd=project)
    assert result.returncode == 1
    # The field's own line, and no "unknown collection" for the post that belongs to it.
    assert result.stderr.splitlines() == [
        "posts/highlights-2021-policy-diffusion/index.md:9: period_start and period_end must be dates written YYYY-MM-DD",
        "1 problem(s) found",
    ]
