"""Links and head tags a post may not publish (docs/security.md): each refused in one line, never published."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup
from hypothesis import given
from hypothesis import strategies as st

from pp_blog.model.link_policy import META_NAMES, file_type_problem, meta_problem, refused_markdown_links
from bad_input_catalogue import make_project, warning_lines

SECOND = "posts/series/second.md"
FIRST_SNIPPET_LINE = 16


def build_with(make_app, tmp_path, snippet: str, files: dict[str, str] | None = None):
    project = make_project(tmp_path / "project")
    with (project / SECOND).open("a", encoding="utf-8") as out:
        out.write("\n\n" + snippet + "\n")
    for name, text in (files or {}).items():
        (project / name).write_text(text, encoding="utf-8")
    app = make_app("html", srcdir=project, freshenv=True, confoverrides={"nitpicky": True})
    app.build()
    page = BeautifulSoup((app.outdir / "posts/series/second.html").read_text(encoding="utf-8"), "html.parser")
    return project, app, page


def line(project, offset: int, message: str, subtype: str) -> str:
    return f"{project / SECOND}:{FIRST_SNIPPET_LINE + offset}: WARNING: {message} [ppblog.{subtype}]"


# Sphinx takes an entry for an address only when it has '://' (others are page names it reports).
@pytest.mark.parametrize("address", ["javascript://%0Aalert(1)", "JavaScript://%0Aalert(1)", "vbscript://msgbox"])
def test_a_toctree_entry_with_a_script_address_is_refused(make_app, tmp_path, address):
    project, app, page = build_with(make_app, tmp_path, f"```{{toctree}}\nEvil <{address}>\n```")
    scheme = address.split(":")[0].lower() + ":"
    assert warning_lines(app.warning.getvalue()) == [line(
        project, 0, f"toctree entry {address!r} uses {scheme}, which is not allowed: "
        "list pages of the book or https:// addresses", "scheme")]
    assert not [a for a in page.find_all("a", href=True) if a["href"].lower().startswith(scheme)]


def test_a_meta_refresh_is_refused_and_a_description_kept(make_app, tmp_path):
    # MyST's own {meta} cannot run docutils' directive (MyST reports it); {eval-rst} can.
    snippet = "```{eval-rst}\n.. meta::\n   :http-equiv=refresh: 0; url=https://evil.example/\n   :description: A summary\n```"
    offset = 1
    project, app, page = build_with(make_app, tmp_path, snippet)
    assert warning_lines(app.warning.getvalue()) == [line(
        project, offset, "the meta tag with http-equiv='refresh' is not allowed: a page may only set description "
        "or keywords (e.g. :description: A short summary)", "meta")]
    assert page.find("meta", attrs={"http-equiv": True}) is None
    assert page.find("meta", attrs={"name": "description"})["content"] == "A summary"


def test_a_markdown_link_markdown_it_refuses_is_reported(make_app, tmp_path):
    project, app, page = build_with(make_app, tmp_path, "See [x](javascript:alert(1)) and [y](<VBScript:msgbox>).")
    assert warning_lines(app.warning.getvalue()) == [
        line(project, 0, "link address 'javascript:alert(1)' uses javascript:, which Markdown does not allow, so the "
             "link would be published as plain text: link to an https:// address", "scheme"),
        line(project, 0, "link address 'VBScript:msgbox' uses vbscript:, which Markdown does not allow, so the "
             "link would be published as plain text: link to an https:// address", "scheme"),
    ]


def test_code_that_shows_such_a_link_is_not_reported(make_app, tmp_path):
    _, app, _ = build_with(make_app, tmp_path, "Write `[x](javascript:alert(1))` nowhere.\n\n```\n[x](data:x)\n```")
    assert app.warning.getvalue() == ""


@pytest.mark.parametrize("name", ["schema.xsd", "grammar.rng", "page.xhtml", "run.exe", "noext"])
def test_downloads_are_allowed_by_file_type(make_app, tmp_path, name):
    project, app, page = build_with(make_app, tmp_path, f"Get {{download}}`it <{name}>`.",
                                    {f"posts/series/{name}": "<r xmlns='http://www.w3.org/1999/xhtml'/>"})
    assert "which posts may not publish" in app.warning.getvalue()
    assert not (app.outdir / "_downloads").exists()


def test_math_is_typeset_in_mathjax_safe_mode(make_app, tmp_path):
    project = make_project(tmp_path / "project")
    (project / SECOND).open("a", encoding="utf-8").write("\n\n```{math}\nE \\href{javascript:alert(1)}{=} mc^2\n```\n")
    app = make_app("html", srcdir=project, freshenv=True, confoverrides={"nitpicky": True})
    app.build()
    text = (app.outdir / "posts/series/second.html").read_text(encoding="utf-8")
    assert '"load": ["ui/safe"]' in text
    assert '"packages": {"[-]": ["html", "require"]}' in text


# --- the pure checks ----------------------------------------------------------------------


def test_refused_markdown_links_finds_each_and_nothing_else():
    assert refused_markdown_links("a [x](javascript:alert(1)) b [y](https://e.org) c [z]( <data:x>)") == [
        "javascript:alert(1)", "data:x"]
    assert refused_markdown_links("](" * 1000) == []


@given(st.text())
def test_refused_markdown_links_never_fails(text):
    for address in refused_markdown_links(text):
        assert address.lower().startswith(("javascript:", "vbscript:", "file:", "data:"))


def test_meta_names_and_http_equiv():
    for name in META_NAMES:
        assert meta_problem({"name": name, "content": "x"}) is None
    assert meta_problem({"http-equiv": "refresh", "content": "0"}) is not None
    assert meta_problem({"name": "referrer", "content": "unsafe-url"}) is not None
    assert meta_problem({"property": "og:image", "content": "x"}) is not None


def test_file_types_are_an_allow_list():
    assert file_type_problem("a.PDF", "download") is None
    assert file_type_problem("a.png", "image") is None
    for name in ("a.svg", "a.xsd", "a.rng", "a.xml", "a.html", "a.pdf.html", "a"):
        assert file_type_problem(name, "image") is not None
