"""Front-matter strings reach every HTML template escaped, whichever template prints them.

ABlog's templates (ours under ``templates/ablog`` and ``_templates/ablog`` are copies of them)
print post titles, authors, tags and categories with ``{{ ... }}``, and Sphinx renders
templates without autoescape: a title such as ``<img src=x onerror=...>`` became live
markup on every page (the recent-posts sidebar) and on every archive page. Two root fixes:

- Jinja's autoescape is on for every template under ``ablog/`` and ``ppblog/``: ABlog's own
  (recent posts, archives, catalog, collection, postcard, tag cloud, ...), our copies, and
  our own. What those templates are given as HTML on purpose (a post's rendered excerpt,
  a shared rendering, the navigation) is marked ``Markup`` where it is made.
- The theme's layout (not autoescaped) prints ``pagetitle`` and ``root_title`` (plain text
  taken from the page title, e.g. the print-only heading) and, on ABlog's pages, ``title``
  (which ABlog makes from a tag or author name): those reach the context escaped.
"""

from __future__ import annotations

from markupsafe import Markup, escape

# Template folders whose templates print values that come from front matter.
AUTOESCAPED_FOLDERS = ("ablog/", "ppblog/")
# Context values the theme prints raw that are plain text (sphinx-book-theme 1.4's
# add_metadata_to_page makes them with astext()).
PLAIN_TEXT_CONTEXT = ("pagetitle", "root_title")


def autoescaped(template_name: str | None) -> bool:
    return bool(template_name) and template_name.startswith(AUTOESCAPED_FOLDERS)


def autoescape_blog_templates(app) -> None:
    """``builder-inited``: autoescape for ABlog's templates and ours."""
    templates = getattr(app.builder, "templates", None)
    environment = getattr(templates, "environment", None)
    if environment is not None:
        environment.autoescape = autoescaped


def escape_plain_text_context(app, pagename: str, templatename: str, context: dict, doctree) -> None:
    """``html-page-context``, after the theme's handlers: plain text the theme prints raw, escaped."""
    for name in PLAIN_TEXT_CONTEXT:
        if isinstance(context.get(name), str):
            context[name] = escape(context[name])
    # ABlog's archive pages are titled with plain text ("Posts tagged " + the tag); Sphinx's
    # own pages' titles are HTML already.
    if autoescaped(templatename) and isinstance(context.get("title"), str):
        context["title"] = escape(context["title"])


__all__ = ["Markup", "autoescape_blog_templates", "autoescaped", "escape_plain_text_context"]
