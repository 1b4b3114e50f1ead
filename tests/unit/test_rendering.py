"""Shared renderings: rendered once, each page with its own links."""

from __future__ import annotations

import posixpath

import pytest

from pp_blog.compat.rendering import SharedRenderings, marked_pathto


class Templates:
    def __init__(self):
        self.rendered = 0

    def render(self, template, context):
        self.rendered += 1
        pathto = context["pathto"]
        return f'<a href="{pathto("blog/tag/governance")}">governance</a> <a href="{pathto("posts/a/one")}">one</a>'


class Builder:
    def __init__(self):
        self.templates = Templates()

    def get_target_uri(self, docname):
        return docname + ".html"

    def get_relative_uri(self, from_docname, docname):
        return posixpath.relpath(docname + ".html", posixpath.dirname(from_docname) or ".")


def test_a_shared_rendering_gets_each_page_links_and_is_rendered_once():
    builder = Builder()
    shared = SharedRenderings(builder)
    on_tag = shared.for_page("blog/tag/governance", {})
    on_author = shared.for_page("blog/author/ann", {})
    assert on_tag("entry.html", "one") == '<a href="#">governance</a> <a href="../../posts/a/one.html">one</a>'
    assert on_author("entry.html", "one") == (
        '<a href="../tag/governance.html">governance</a> <a href="../../posts/a/one.html">one</a>'
    )
    assert builder.templates.rendered == 1


def test_a_shared_rendering_refuses_links_to_files():
    with pytest.raises(ValueError, match="links only to documents"):
        marked_pathto("_static/logo.png", resource=True)
