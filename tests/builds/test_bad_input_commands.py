"""The catalogue of bad input (docs/bad-input.md) as an editor meets it: ``ppblog build`` (what
``make html`` runs) and ``ppblog check`` exit non-zero with the exact lines, print no traceback,
publish nothing and change no source file."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from bad_input_catalogue import CASES, IDS, fingerprint, make_project, warning_lines
from conftest import ppblog

# What tests/sphinx/test_safety.py checks in-process, here as make html meets it.
POST = "posts/series/second.md"
# Enough '../' to climb from any temporary folder to the root of the file system.
PASSWD = "../" * 40 + "etc/passwd"


@pytest.mark.parametrize("case", CASES, ids=IDS)
def test_make_html_and_check_fail_with_one_line_and_change_nothing(case, tmp_path):
    project = make_project(tmp_path / "project")
    case.breaks(project)
    before = fingerprint(project)

    build = ppblog("build", "--out", "_build/html", "-q", cwd=project)
    assert build.returncode != 0
    # `make html` says it in `make check`'s words (no "WARNING:" label or bracketed code).
    assert warning_lines(build.stderr) == [
        case.check_line(),
        "build failed: fix the 1 problem above; nothing was published",
    ]
    assert "Traceback" not in build.stderr and "Error!" not in build.stderr
    assert not (project / "_build/html").exists()

    check = ppblog("check", cwd=project)
    assert check.returncode == 1
    assert check.stderr.splitlines() == [case.check_line(), "1 problem(s) found"]
    assert "Traceback" not in check.stderr

    assert fingerprint(project) == before


CRASHING_EXTENSION = '''
def crash(app, doctree):
    if app.env.docname == "posts/series/second":
        raise ValueError("something unexpected")


def setup(app):
    app.connect("doctree-read", crash)
    return {"parallel_read_safe": True}
'''


def test_a_crash_in_any_extension_is_one_line_from_make_html(tmp_path):
    project = make_project(tmp_path / "project")
    (tmp_path / "crashing.py").write_text(CRASHING_EXTENSION, encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "pp_blog.cli", "build", "--out", "_build/html", "-q",
         "-D", "extensions=myst_parser,ablog,sphinx_book_theme,pp_blog,crashing"],
        cwd=project, capture_output=True, text=True, env={**os.environ, "PYTHONPATH": str(tmp_path)},
    )
    assert result.returncode != 0
    lines = warning_lines(result.stderr)
    assert len(lines) == 2, result.stderr
    assert re.fullmatch(
        r"the build stopped on an unexpected error while processing posts/series/second: "
        r"sphinx\.errors\.ExtensionError: Handler <function crash at 0x[0-9a-f]+> for event 'doctree-read' "
        r"threw an exception \(exception: something unexpected\) \(a fault in the build, not in the text: "
        r"tell the maintainers; the full report is in \S+\.log\)",
        lines[0],
    ), lines[0]
    assert lines[1] == "build failed: fix the 1 problem above; nothing was published"
    assert Path(lines[0].rsplit(" ", 1)[1].rstrip(")")).is_file()


def test_make_html_refuses_to_publish_a_post_reading_etc_passwd(tmp_path):
    project = make_project(tmp_path / "project")
    with (project / POST).open("a", encoding="utf-8") as out:
        out.write(f"\n```{{include}} {PASSWD}\n```\n")
    result = subprocess.run(
        [sys.executable, "-m", "pp_blog.cli", "build", "--out", "_build/html", "-q"],
        cwd=project, capture_output=True, text=True,
    )
    assert result.returncode != 0
    assert warning_lines(result.stderr) == [
        f"{POST}:15: the 'include' directive is not allowed: it inserts another file into "
        "the page; paste the text into the page itself (as a ``` code block if it is code or data)",
        "build failed: fix the 1 problem above; nothing was published",
    ]
    assert not (project / "_build/html").exists()
