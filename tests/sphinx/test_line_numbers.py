"""Messages name the line the problem is on, inside admonition titles and {eval-rst} too."""

from __future__ import annotations

import re

from bad_input_catalogue import make_project

SNIPPET = """
```{admonition} See [this](nope1.md)
Body.
```

```{eval-rst}
Some text.

See :doc:`nope2`.
```

:::{note} Title [x](nope3.md)
:::
"""


def test_lines_inside_admonition_titles_and_eval_rst(make_app, tmp_path):
    project = make_project(tmp_path / "project")
    post = project / "posts/series/second.md"
    with post.open("a", encoding="utf-8") as out:
        out.write(SNIPPET)
    lines = post.read_text(encoding="utf-8").splitlines()
    expected = {target: index + 1 for index, line in enumerate(lines) for target in ("nope1", "nope2", "nope3")
                if target in line}
    app = make_app("html", srcdir=project, freshenv=True, confoverrides={"nitpicky": True})
    app.build()
    found = {match[2]: int(match[1]) for match in re.finditer(r"second\.md:(\d+): WARNING: link to '(nope\d)",
                                                             app.warning.getvalue())}
    assert found == expected


def test_a_title_with_line_breaks_is_one_heading_and_moves_no_line(make_app, tmp_path):
    """A quoted YAML title may hold "\\n": the title stays one heading, and the body's lines keep
    their numbers in messages."""
    project = make_project(tmp_path / "project")
    post = project / "posts/series/second.md"
    text = post.read_text(encoding="utf-8")
    text = text.replace('title: "Strategic management as an enabler"', 'title: "Strategic management\\nas an enabler"')
    post.write_text(text + "\nSee [this](nope1.md).\n", encoding="utf-8")
    expected = next(index + 1 for index, line in enumerate(post.read_text(encoding="utf-8").splitlines())
                    if "nope1" in line)
    app = make_app("html", srcdir=project, freshenv=True, confoverrides={"nitpicky": True})
    app.build()
    assert re.findall(r"second\.md:(\d+): WARNING: link to 'nope1", app.warning.getvalue()) == [str(expected)]
    page = (app.outdir / "posts/series/second.html").read_text(encoding="utf-8")
    [heading] = re.findall(r"<h1>(.*?)<a class=\"headerlink\"", page)
    assert heading == "Strategic management as an enabler"
