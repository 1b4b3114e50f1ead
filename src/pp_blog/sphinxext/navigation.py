"""The book's left navigation: read once per build, bounded per page.

sphinx-book-theme's ``sbt-sidebar-nav.html`` resolves Sphinx's global toctree for every page and
reworks it with BeautifulSoup, so each page carries (and costs) the whole archive: a full build
grows with the square of the number of posts. Here the tree is read once per build from the
environment into plain values (:class:`Nav`), and each page gets

- every top-level entry of the root document's toctrees (every collection, the about pages), and
- expanded, only the branch that leads to the page itself: on a post or a collection's landing
  page, all the posts of that collection.

So every collection is one click away from any page and every post one click from its
collection's entry: all stay reachable from the left navigation, while a page's navigation grows
with the number of collections and the size of its own collection, not with the archive. The
markup is the one pydata-sphinx-theme writes (:func:`pp_blog.compat.theme.render_nav`), so the
theme's stylesheet and scripts apply as they are.

Because every page shows the top-level entries and its own branch, a page must be written again
when either changes (a post added, renamed, moved or deleted):
:func:`pp_blog.sphinxext.rebuild.pages_to_write` tells Sphinx which, from :meth:`Nav.branch_digest`
and :meth:`Nav.top_level_digest`.
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
    """Read the navigation once, before any page (or archive page) is written."""
    if builder.format == "html":
        builder.ppblog_nav = read_nav(app.env, nav_depth(app))


def add_nav_to_context(app: Sphinx, pagename: str, templatename: str, context: dict, doctree) -> None:
    nav: Nav | None = getattr(app.builder, "ppblog_nav", None)
    if nav is None:
        return
    links = shared_renderings(app.builder)
    # Markup: HTML made by render_nav, every title escaped, for an autoescaped template.
    context["ppblog_sidebar_nav"] = lambda: Markup(render_nav(nav, pagename, lambda docname: links.link(pagename, docname)))
