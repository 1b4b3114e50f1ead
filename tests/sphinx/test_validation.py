"""Each front-matter problem stops a `-nW` build with one warning naming file, line and fix."""

from __future__ import annotations

import shutil
from io import StringIO
from pathlib import Path

import pytest
from sphinx.util.console import strip_colors

ROOT = Path(__file__).parent.parent / "roots" / "test-validation"
POST = "posts/series/one.md"


@pytest.fixture
def build(make_app, tmp_path):
    """Copy the valid root, apply an edit, build it, and return the warnings."""

    def run(edit, extra_files=None) -> list[str]:
        srcdir = tmp_path / "src"
        shutil.copytree(ROOT, srcdir)
        post = srcdir / POST
        post.write_text(edit(post.read_text(encoding="utf-8")), encoding="utf-8")
        for name, text in (extra_files or {}).items():
            (srcdir / name).write_text(text, encoding="utf-8")
        warnings = StringIO()
        app = make_app("html", srcdir=srcdir, warning=warnings)
        app.build()
        text = strip_colors(warnings.getvalue())
        return [line.replace(str(srcdir) + "/", "") for line in text.splitlines() if line]

    return run


def test_valid_root_builds_without_warnings(build):
    assert build(lambda text: text) == []


CASES = {
    "impossible date": (
        lambda t: t.replace("date: 2021-05-12", "date: 2021-13-45"),
        f"{POST}:3: WARNING: field 'date' ('2021-13-45') is not a real date: write the publication date "
        "as YYYY-MM-DD, e.g. date: 2021-05-12 [ppblog.frontmatter]",
    ),
    "month and year only": (
        lambda t: t.replace("date: 2021-05-12", "date: May 2021"),
        f"{POST}:3: WARNING: field 'date' ('May 2021') is not a real date: write the publication date "
        "as YYYY-MM-DD, e.g. date: 2021-05-12 [ppblog.frontmatter]",
    ),
    "missing title": (
        lambda t: t.replace('title: "One"\n', ""),
        f"{POST}:1: WARNING: post has no 'title' field: give the post's title in quotes, "
        'e.g. title: "Digital platforms for public value" [ppblog.frontmatter]',
    ),
    "wrong type": (
        lambda t: t.replace("position: 1", "position: first"),
        f"{POST}:9: WARNING: field 'position' ('first') is invalid: give the post's number in its series "
        "as a whole number, e.g. position: 5 [ppblog.frontmatter]",
    ),
    "unknown category": (
        lambda t: t.replace("category: Special issue blog series", "category: News"),
        f"{POST}:7: WARNING: unknown category 'News': use one of 'Special issue blog series', "
        "'Highlights collection' [ppblog.frontmatter]",
    ),
    "unknown collection": (
        lambda t: t.replace("collection: series", "collection: serie"),
        f"{POST}:8: WARNING: unknown collection 'serie': use the folder name of a collection "
        "(known: series) [ppblog.frontmatter]",
    ),
    "position beyond the planned count": (
        lambda t: t.replace("position: 1", "position: 5"),
        f"{POST}:9: WARNING: position 5 is beyond the 4 blogs planned for 'series': fix the position or "
        "raise planned_posts in posts/series/index.md [ppblog.frontmatter]",
    ),
    "ABlog's nocomments key": (
        lambda t: t.replace("---\n\nThe only", "nocomments: true\n---\n\nThe only"),
        f"{POST}:11: WARNING: unknown field 'nocomments': remove it: this blog has no comments [ppblog.frontmatter]",
    ),
    "ABlog's author key with a list": (
        lambda t: t.replace("authors:\n  - Albert Meijer", "author: [Albert Meijer, Wouter Boon]"),
        f"{POST}:1: WARNING: post has no 'authors' field: list every author on a line of their own under 'authors:', "
        "each line starting with '- ', e.g. '  - Albert Meijer' [ppblog.frontmatter]",
    ),
    "malformed YAML": (
        lambda t: t.replace('title: "One"', 'title: "One'),
        None,  # checked below: the line and the hint
    ),
}


@pytest.mark.parametrize("case", [c for c in CASES if CASES[c][1]])
def test_each_problem_is_one_warning_with_file_line_and_fix(build, case):
    edit, expected = CASES[case]
    warnings = build(edit)
    if case == "ABlog's author key with a list":
        # Both the missing field and the refused key are reported, each on its own line.
        assert expected in warnings
        assert f"{POST}:4: WARNING: unknown field 'author': use 'authors:' with one '- Name' line per author [ppblog.frontmatter]" in warnings
        assert len(warnings) == 2
    else:
        assert warnings == [expected]


def test_malformed_yaml_names_the_line_and_the_usual_cause(build):
    [warning] = build(CASES["malformed YAML"][0])
    assert warning.startswith(f"{POST}:2: WARNING: front matter is not valid YAML (while scanning a quoted scalar: ")
    assert "WARNING: front matter is not valid YAML" in warning
    assert warning.endswith("(a value containing ': ' or starting with a quote or '[' needs quotes) [ppblog.frontmatter]")


def test_two_posts_with_one_position(build):
    second = (ROOT / POST).read_text(encoding="utf-8").replace('title: "One"', 'title: "Two"')
    warnings = build(lambda t: t, {"posts/series/two.md": second})
    assert warnings == [
        "posts/series/two.md:9: WARNING: position 1 is already taken by posts/series/one in series 'series': "
        "give each post its own number [ppblog.frontmatter]"
    ]
