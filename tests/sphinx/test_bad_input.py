"""The catalogue of bad input (docs/bad-input.md), built in-process: each problem gives exactly
one warning naming the file, the line and the fix."""

from __future__ import annotations

import pytest
from bad_input_catalogue import CASES, IDS, make_project, warning_lines


@pytest.mark.parametrize("case", CASES, ids=IDS)
def test_build_warns_once_naming_file_line_and_fix(case, make_app, tmp_path):
    project = make_project(tmp_path / "project")
    case.breaks(project)
    app = make_app("html", srcdir=project, freshenv=True, confoverrides={"nitpicky": True})
    app.build()
    assert warning_lines(app.warning.getvalue()) == [case.build_line(project)]


def test_the_unbroken_book_builds_without_a_warning(make_app, tmp_path):
    project = make_project(tmp_path / "project")
    app = make_app("html", srcdir=project, freshenv=True, confoverrides={"nitpicky": True})
    app.build()
    assert warning_lines(app.warning.getvalue()) == []
