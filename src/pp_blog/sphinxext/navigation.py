"""The book's left navigation: read once per build, bounded per page.

sphinx-book-theme's ``sbt-sidebar-nav.html`` resolves Sphinx's global toctree for every page and
reworks it with BeautifulSoup, so each page carries (and costs) the whole archive: a full build
grows with the square of the number of posts. Here the tree is read once per build from the
environment into plain values (:class:`pp_blog.model.navigation.Nav`), and each page shows
(:meth:`Nav.shown`)

- the top-level entries of the root document's toctrees (the collections, the about pages), a
  window of them around the page's own and a link to the front page's full list when there are
  many, and
- expanded, the branch that leads to the page itself: on a post, a window of its collection's
  posts around it and a link to the collection's page, which lists them all.

So every collection and every post stays a few clicks from any page, while a page's navigation
stays the same size whatever the archive's shape. The markup is the one pydata-sphinx-theme
writes (:func:`pp_blog.compat.theme.render_nav`), so the theme's stylesheet and scripts apply.

A page is written again when what its navigation shows changes:
:func:`pp_blog.sphinxext.rebuild.pages_to_write` compares :meth:`Nav.chrome_digest` per page.
"""

from __future__ import annotations

from markupsafe import Markup
from sphinx import addnodes
from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment
from sphinx.util import url_re

from ..compat.rendering import shared_renderings
from ..compat.theme import render_nav
from ..model.navigation import Entry, Nav, Part

def read_nav(env: BuildEnvironment, maxdepth: int) -> Nav:
    """The navigation tree as Sphinx's global toctree has it, to ``maxdepth`` levels.

    The root document's toctrees come from its doctree, the ones below from ``env.tocs``, as
    in Sphinx's own ``global_toctree_for_doc``; hidden toctrees are included, as the book
    theme's sidebar does.
    """
    root = env.config.root_doc
    nav = Nav(root=root, root_title=title_of(env, root), parts=())
    seen = {root}

    def entries_of(toctrees: list[addnodes.toctree], parent: str, depth: int) -> tuple[Entry, ...]:
        result = []
        for toctree in toctrees:
            for explicit_title, ref in toctree["entries"]:
                if url_re.match(ref):
                    result.append(Entry(title=explicit_title or ref, url=ref))
                    continue
                if ref not in env.tocs or ref in seen:
                    # Missing documents are reported by Sphinx itself; a document listed
                    # twice is shown at its first place, which also stops cycles.
                    continue
                seen.add(ref)
                children = entries_of(toctrees_in(env, ref), ref, depth + 1) if depth < maxdepth else ()
                entry = Entry(title=explicit_title or title_of(env, ref), docname=ref, children=children)
                nav.entries[ref] = entry
                nav.parents[ref] = parent
                result.append(entry)
        return tuple(result)

    parts = []
    for toctree in env.get_doctree(root).findall(addnodes.toctree):
        parts.append(Part(caption=toctree.get("caption"), entries=entries_of([toctree], root, 1)))
    nav.parts = tuple(parts)
    return nav


def toctrees_in(env: BuildEnvironment, docname: str) -> list[addnodes.toctree]:
    return list(env.tocs[docname].findall(addnodes.toctree))


def title_of(env: BuildEnvironment, docname: str) -> str:
    title = env.titles.get(docname)
    return title.astext() if title is not None else docname


def nav_depth(app: Sphinx) -> int:
    """The depth the book theme's sidebar shows (its ``max_navbar_depth`` option)."""
    builder = app.builder
    if getattr(builder, "theme", None) is None:
        return 4
    return int(builder.theme.get_options(builder.theme_options).get("max_navbar_depth", 4))


def prepare_nav(app: Sphinx, builder) -> None:
    """Read the navigation once, before any page (or archive page) is written, unless
    ``rebuild.pages_to_write`` read it once the documents were read."""
    if builder.format == "html" and getattr(builder, "ppblog_nav", None) is None:
        builder.ppblog_nav = read_nav(app.env, nav_depth(app))


def add_nav_to_context(app: Sphinx, pagename: str, templatename: str, context: dict, doctree) -> None:
    nav: Nav | None = getattr(app.builder, "ppblog_nav", None)
    if nav is None:
        return
    links = shared_renderings(app.builder)
    # Markup: HTML made by render_nav, every title escaped, for an autoescaped template.
    context["ppblog_sidebar_nav"] = lambda: Markup(render_nav(nav, pagename, lambda docname: links.link(pagename, docname)))
