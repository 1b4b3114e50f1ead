"""The pure content checks (pp_blog.model.content): unreadable files and empty bodies."""

from __future__ import annotations

import pytest

from pp_blog.model.content import MAX_PAGE_BYTES, empty_body_problem, source_problem


@pytest.mark.parametrize(
    "data, line, column",
    [(b"caf\xe9", 1, 4), (b"---\ntitle: x\n---\n\nna\xefve", 5, 3), ("\ufeffok".encode() + b"\n\xff", 2, 1)],
)
def test_source_problem_names_the_line_and_column_of_the_first_bad_byte(data, line, column):
    problem = source_problem(data)
    assert problem.line == line
    assert f"at column {column} cannot be read" in problem.message


def test_source_problem_tells_a_byte_order_mark_and_accepts_the_largest_allowed_file():
    assert "byte-order mark" in source_problem("\ufeffcafé".encode()).message
    assert source_problem(b"a" * MAX_PAGE_BYTES) is None
    assert source_problem(b"a" * (MAX_PAGE_BYTES + 1)).field == "size"


@pytest.mark.parametrize(
    "text, line",
    [
        ("---\ntitle: x\n---\n", 4),
        ("---\ntitle: x\n---\n\n\n% a comment for the editors\n<!-- and another -->\n", 4),
    ],
)
def test_an_empty_body_is_found_after_the_front_matter(text, line):
    assert empty_body_problem(text).line == line


def test_a_body_with_one_word_is_not_empty():
    assert empty_body_problem("---\ntitle: x\n---\n\nWord.\n") is None
