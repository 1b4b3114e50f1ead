"""Every front-matter string is escaped in every output, whichever template prints it.

A post and its collection of the bad-input test root get a payload (tests/live_markup.py) in
every field that reaches an output; the built pages (ABlog's archive, tag, author and category
pages, the sidebars, the theme's print heading, our templates) and feeds must show it as text.
"""

from __future__ import annotations

import json
import re

from live_markup import ELEMENT, PAYLOAD, live_markup
from bad_input_catalogue import make_project, replace

SECOND = "posts/series/second.md"


def poison(project) -> None:
    replace(project, SECOND, 'title: "Strategic management as an enabler"', f"title: 'Strategic {PAYLOAD} management'")
    replace(project, SECOND, "  - Edoardo Ongaro",
            f"  - name: 'Edoardo {PAYLOAD} Ongaro'\n    role: 'Professor {PAYLOAD}'\n    affiliation: 'Open {PAYLOAD} University'")
    replace(project, SECOND, "tags: [co-creation, strategic management]", f"tags: [co-creation, 'strategic {PAYLOAD} management']")
    replace(project, "posts/series/index.md", 'title: "A special issue"', f"title: 'A special {PAYLOAD} issue'")
    replace(project, "posts/series/index.md", "guest_editors: [Jacob Torfing, Tina Jukić]",
            f"guest_editors: [Jacob Torfing, 'Tina {PAYLOAD} Jukić']")
    replace(project, "posts/hl/index.md", "theme: policy diffusion", f"theme: 'policy {PAYLOAD} diffusion'")


def test_no_front_matter_string_is_live_markup_in_any_page_or_feed(make_app, tmp_path):
    project = make_project(tmp_path / "project")
    poison(project)
    app = make_app("html", srcdir=project, freshenv=True, confoverrides={"nitpicky": True})
    app.build()
    assert app.warning.getvalue() == ""
    out = app.outdir
    assert live_markup(out) == {}
    # Shown as text where it is printed: the post, ABlog's pages, the sidebars, the print heading.
    shown = f"&lt;{ELEMENT} data-pp="
    for page in ("posts/series/second.html", "blog/tag.html", "blog/author.html", "blog/archive.html", "index.html",
                 "posts/series/index.html", "posts/hl/index.html"):
        assert shown in (out / page).read_text(encoding="utf-8"), page
    tag_pages = [p.name for p in (out / "blog/tag").iterdir()]
    assert all(re.fullmatch(r"[a-z0-9-]+\.html", name) for name in tag_pages), tag_pages
    feed = (out / "blog/atom.xml").read_text(encoding="utf-8")
    assert f"Strategic &lt;{ELEMENT}" in feed
    # The search index keeps the plain title; Sphinx's search page escapes it when it shows it.
    index = (out / "searchindex.js").read_text(encoding="utf-8")
    titles = json.loads(index[index.index("(") + 1 : index.rindex(")")])["titles"]
    assert any(title.startswith(f"Strategic <{ELEMENT} data-pp=") for title in titles), titles


def test_front_matter_strings_are_text_in_latex(make_app, tmp_path):
    project = make_project(tmp_path / "project")
    replace(project, SECOND, 'title: "Strategic management as an enabler"',
            "title: 'Strategic \\input{/etc/passwd} management $x^2$ & 100% #1'")
    app = make_app("latex", srcdir=project, freshenv=True, confoverrides={"nitpicky": True})
    app.build()
    assert app.warning.getvalue() == ""
    for tex in app.outdir.glob("*.tex"):
        text = tex.read_text(encoding="utf-8")
        assert "\\input{/etc/passwd}" not in text, tex.name
        assert "100% #1" not in text, tex.name
