"""Every check runs in time linear in its input: measured in steps, never in seconds.

Each check is fed inputs of growing size built to provoke its worst case (the repeated
``<!---->`` that made a 300-byte line take days, unclosed ``<!--``, runs of ``](``, ...).
The work is counted as the Python lines executed plus the calls into C (``str.find`` and
the like, each of which moves forward through the text only once); when the input grows
sixteen-fold, the work may grow at most about sixteen-fold.
"""

from __future__ import annotations

import sys

import pytest

from pp_blog.model import frontmatter as fm
from pp_blog.model.content import empty_body_problem, source_problem
from pp_blog.model.html_comments import only_html_comments, strip_html_comments
from pp_blog.model.link_policy import refused_markdown_links
from pp_blog.model.link_policy import unsafe_scheme
from pp_blog.model.template_markup import compact

SIZES = (500, 1000, 2000, 4000, 8000)
# Linear work grows like the input, plus a constant; quadratic work would grow 256-fold here.
ALLOWED_GROWTH = 1.25 * SIZES[-1] / SIZES[0]


def steps(function, argument) -> int:
    """The Python lines executed and C functions called while ``function(argument)`` runs."""
    count = 0

    def tracer(frame, event, arg):
        nonlocal count
        count += 1
        return tracer

    def profiler(frame, event, arg):
        nonlocal count
        if event == "c_call":
            count += 1

    sys.settrace(tracer)
    sys.setprofile(profiler)
    try:
        function(argument)
    finally:
        sys.settrace(None)
        sys.setprofile(None)
    return count


def front_matter_then(body: str) -> str:
    return "---\ntitle: x\n---\n" + body


PATHOLOGICAL = {
    "repeated empty comments": lambda n: "<!---->" * n,
    "unclosed openings": lambda n: "<!--" * n,
    "one opening, many dashes": lambda n: "<!--" + "-" * (7 * n),
    "comments then text": lambda n: "<!-- a -->\n" * n + "x",
    "closings only": lambda n: "-->" * n,
    "link openings": lambda n: "](" * n,
    "link openings and blanks": lambda n: "]( \t" * n + "<java",
    "refused links": lambda n: "[x](javascript:a) " * n,
    "control characters": lambda n: "\x01 \x02\t" * n + "javascript:",
    "kept elements never closed": lambda n: "<pre>" + "</pr <script " * n,
    "white space runs": lambda n: " \n\t " * n + "<pre>" + " \n" * n,
    "elements opened and closed": lambda n: "<pre> a </pre>\n  " * n,
}

CHECKS = {
    "strip_html_comments": strip_html_comments,
    "only_html_comments": only_html_comments,
    "empty_body_problem": lambda text: empty_body_problem(front_matter_then(text)),
    "refused_markdown_links": refused_markdown_links,
    "unsafe_scheme": unsafe_scheme,
    "source_problem": lambda text: source_problem(text.encode("utf-8")),
    "split_front_matter": lambda text: fm.split_front_matter(front_matter_then(text)),
    "compact template markup": compact,
}


@pytest.mark.parametrize("shape", PATHOLOGICAL, ids=list(PATHOLOGICAL))
@pytest.mark.parametrize("check", CHECKS, ids=list(CHECKS))
def test_work_grows_linearly_with_the_input(check, shape):
    work = [steps(CHECKS[check], PATHOLOGICAL[shape](size)) for size in SIZES]
    assert work[-1] <= ALLOWED_GROWTH * work[0] + 50, (check, shape, work)
    for smaller, larger in zip(work, work[1:]):
        assert larger <= 2.5 * smaller + 50, (check, shape, work)


def test_the_counter_sees_quadratic_work():
    """The measure itself: a quadratic scan written in Python fails the same bound."""

    def quadratic(text: str) -> int:
        return sum(1 for i in range(len(text)) for _ in range(i, len(text), 50))

    work = [steps(quadratic, "x" * size) for size in SIZES]
    assert work[-1] > ALLOWED_GROWTH * work[0]


def test_the_old_expressions_and_the_scans_agree():
    import re

    html_comment = re.compile(r"<!--.*?-->", re.DOTALL)
    only_comments = re.compile(r"^\s*(<!--.*?-->\s*)+$", re.DOTALL)
    for text in ["", "a", "<!-- a -->", " <!-- a --> <!--b-->\n", "<!-- a --> b", "<!---->", "<!-->", "<!-- a",
                 "x <!-- a --> y <!-- b", "\n<!--\n-->\n"]:
        assert strip_html_comments(text) == html_comment.sub("", text), text
        assert only_html_comments(text) == bool(only_comments.match(text)), text
    # Where they differ, the old expression backtracked past the first '-->', which ends a
    # comment in HTML: the last '-->' here is text, not part of a comment.
    assert only_comments.match("<!--<!-- -->-->") and not only_html_comments("<!--<!-- -->-->")
