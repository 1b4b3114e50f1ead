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
markup is the one pydata-sphinx-theme writes, so the theme's stylesheet and scripts apply as
they are.

Because every page shows the top-level entries and its own branch, a page must be written again
when either changes (a post added, renamed, moved or deleted): :func:`pages_with_new_chrome`
tells Sphinx which, through ``env-get-updated``.
"""

from __future__ import annotations

import hashlib
import html
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable

from markupsafe import Markup
from sphinx import addnodes
from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment
from sphinx.util import url_re

from .rendering import shared_renderings

TEMPLATES = Path(__file__).parent / "templates"
# What pydata-sphinx-theme puts in a summary to open and close a branch.
def toggle(title: str) -> str:
    """The open/close control of a branch; named, since its only content is an icon."""
    return (
        f'<summary aria-label="Show or hide the pages under {title}"><span class="toctree-toggle" '
        'role="presentation"><i class="fa-solid fa-chevron-down"></i></span></summary>'
    )


@dataclass(frozen=True)
class Entry:
    """A line of the navigation: a document (``docname``) or an external link (``url``)."""

    title: str
    docname: str | None = None
    url: str | None = None
    children: tuple[Entry, ...] = ()


@dataclass(frozen=True)
class Part:
    """One toctree of the root document, with its caption if it has one."""

    caption: str | None
    entries: tuple[Entry, ...]


@dataclass
class Nav:
    root: str
    root_title: str
    parts: tuple[Part, ...]
    # docname -> the entry that lists it, and the document that lists it (for its ancestors).
    entries: dict[str, Entry] = field(default_factory=dict)
    parents: dict[str, str] = field(default_factory=dict)
    # docname -> digest of its children: every post of a collection shares its landing page's.
    children_digests: dict[str, str] = field(default_factory=dict, repr=False)

    def branch(self, docname: str) -> list[str]:
        """The document and its ancestors, nearest first (the root document excluded)."""
        chain: list[str] = []
        while docname in self.entries and docname not in chain:
            chain.append(docname)
            docname = self.parents.get(docname, "")
        return chain

    def top_level_digest(self) -> str:
        """What every page shows: the root's captions and top-level entries."""
        shown = [
            (part.caption, [(entry.title, entry.docname, entry.url) for entry in part.entries])
            for part in self.parts
        ]
        return digest((self.root, self.root_title, shown))

    def branch_digest(self, docname: str) -> str:
        """What only this page shows: the children of itself and of each of its ancestors."""
        return digest([(name, self.children_digest(name)) for name in self.branch(docname)])

    def children_digest(self, docname: str) -> str:
        if docname not in self.children_digests:
            children = self.entries[docname].children
            self.children_digests[docname] = digest([(child.title, child.docname, child.url) for child in children])
        return self.children_digests[docname]


def digest(value: Any) -> str:
    return hashlib.sha1(repr(value).encode("utf-8")).hexdigest()


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


def render(nav: Nav, pagename: str, uri: Callable[[str], str]) -> str:
    """The sidebar navigation of ``pagename``; ``uri(docname)`` is the link from that page
    ("#" to the page itself)."""
    on_path = set(nav.branch(pagename))

    def link(entry: Entry) -> str:
        title = html.escape(entry.title)
        if entry.url:
            return f'<a class="reference external" href="{html.escape(entry.url)}">{title}</a>'
        if entry.docname == pagename:
            return f'<a class="current reference internal" href="#">{title}</a>'
        return f'<a class="reference internal" href="{html.escape(uri(entry.docname))}">{title}</a>'

    def items(entries: tuple[Entry, ...], level: int) -> str:
        out = []
        for entry in entries:
            classes = [f"toctree-l{level}"]
            current = entry.docname in on_path
            if current:
                classes += ["current", "active"]
            if current and entry.children:
                classes.append("has-children")
                out.append(
                    f'<li class="{" ".join(classes)}">{link(entry)}<details open="open">{toggle(html.escape(entry.title))}'
                    f'<ul class="current">\n{items(entry.children, level + 1)}</ul></details></li>\n'
                )
            else:
                out.append(f'<li class="{" ".join(classes)}">{link(entry)}</li>\n')
        return "".join(out)

    home_current = " current active" if pagename == nav.root else ""
    out = [
        '<nav class="bd-links bd-docs-nav" aria-label="Main">\n<div class="bd-toc-item navbar-nav active">\n',
        '<ul class="nav bd-sidenav bd-sidenav__home-link">\n',
        f'<li class="toctree-l1{home_current}"><a class="reference internal" href="{html.escape(uri(nav.root))}">'
        f"{html.escape(nav.root_title)}</a></li>\n</ul>\n",
    ]
    for part in nav.parts:
        if part.caption:
            out.append(
                '<p aria-level="2" class="caption" role="heading">'
                f'<span class="caption-text">{html.escape(part.caption)}</span></p>\n'
            )
        in_part = any(entry.docname in on_path for entry in part.entries)
        out.append(f'<ul class="{"current " if in_part else ""}nav bd-sidenav">\n{items(part.entries, 1)}</ul>\n')
    out.append("</div>\n</nav>\n")
    return "".join(out)


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
    # Markup: HTML made here, every title escaped (render), for an autoescaped template.
    context["ppblog_sidebar_nav"] = lambda: Markup(render(nav, pagename, lambda docname: links.link(pagename, docname)))


def add_templates_path(app: Sphinx, config) -> None:
    config.templates_path.append(str(TEMPLATES))


def page_chrome(env: BuildEnvironment, nav: Nav, docname: str, relations: dict, shared: str) -> str:
    """Everything around a page's text that other pages can change: its navigation branch,
    its previous/next links (with their titles) and what every page shows (``shared``)."""
    neighbours = [(name, title_of(env, name)) if name else None for name in relations.get(docname, ())]
    return digest((shared, nav.branch_digest(docname), neighbours))


def pages_with_new_chrome(app: Sphinx, env: BuildEnvironment) -> list[str]:
    """``env-get-updated``: the pages whose navigation or sidebars changed since the last build.

    Sphinx rewrites only the documents that were read (and their toctree parents); a page whose
    text did not change but whose sidebar now lists a new post, a new title or a new neighbour
    must be written too. What every page shows (``shared``) includes ABlog's sidebars (recent
    posts, archives), given by :func:`pp_blog.ablog_compat.sidebar_digest`.
    """
    from .ablog_compat import sidebar_digest

    nav = read_nav(env, nav_depth(app))
    relations = env.collect_relations()
    shared = digest((nav.top_level_digest(), sidebar_digest(env)))
    previous: dict[str, str] = getattr(env, "ppblog_page_chrome", {})
    current = {name: page_chrome(env, nav, name, relations, shared) for name in env.found_docs}
    env.ppblog_page_chrome = current
    env.ppblog_shared_chrome = shared
    return sorted(name for name, value in current.items() if previous.get(name) != value)
