"""Generated strings in every front-matter field: no live markup in any output, and the build
either succeeds or fails with lines that each name the file.

Each example puts one generated string (markup, control, invisible and direction-control
characters mixed with text) into one field of a post or a collection of the bad-input test
root, and builds it in-process with the real conf.py.
"""

from __future__ import annotations

import itertools
import json
from io import StringIO

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sphinx.testing.util import SphinxTestApp

from bad_input_catalogue import make_project, replace, warning_lines
from live_markup import PAYLOAD, live_markup

SECOND = "posts/series/second.md"
LANDING = "posts/series/index.md"

FIELDS = {
    "title": (SECOND, 'title: "Strategic management as an enabler"', "title: {}"),
    "author": (SECOND, "  - Edoardo Ongaro", "  - {}"),
    "role": (SECOND, "  - Edoardo Ongaro", "  - name: Edoardo Ongaro\n    role: {}"),
    "affiliation": (SECOND, "  - Edoardo Ongaro", "  - name: Edoardo Ongaro\n    affiliation: {}"),
    "tag": (SECOND, "tags: [co-creation, strategic management]", "tags: [co-creation, {}]"),
    "collection title": (LANDING, 'title: "A special issue"', "title: {}"),
    "guest editor": (LANDING, "guest_editors: [Jacob Torfing, Tina Jukić]", "guest_editors: [Jacob Torfing, {}]"),
}

PIECES = st.sampled_from([
    PAYLOAD, "<script>alert(1)</script>", "</title><x-pp data-pp=1>", "&lt;x-pp data-pp=1&gt;", "\"'", "\\",
    "\x00", "\x07", "\x1b[31m", "\x85", "\u200b", "\u2060", "\ufeff", "\u202e", "\u2066", "\u200f",
    "{{ 7*7 }}", "{% raw %}", "$x^2$", "`code`", "**b**", "[l](javascript:alert(1))", " ", "-", "é", "公",
])
VALUES = st.lists(st.one_of(PIECES, st.text(max_size=5)), min_size=1, max_size=6).map("".join)

counter = itertools.count()


@settings(max_examples=8, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(field=st.sampled_from(sorted(FIELDS)), value=VALUES)
def test_generated_front_matter_is_never_live_and_fails_in_lines_naming_the_file(tmp_path, field, value):
    project = make_project(tmp_path / f"project-{next(counter)}")
    path, old, new = FIELDS[field]
    replace(project, path, old, new.format(json.dumps(value)))  # a YAML double-quoted string
    # One application per example, cleaned up after it (the make_app fixture cleans up per test).
    app = SphinxTestApp("html", srcdir=project, freshenv=True, confoverrides={"nitpicky": True},
                        status=StringIO(), warning=StringIO())
    try:
        app.build()
    finally:
        app.cleanup()
    lines = warning_lines(app.warning.getvalue())
    assert all(line.startswith(f"{project / path}") for line in lines), lines
    assert len(lines) <= 1, lines
    assert live_markup(app.outdir) == {}
