"""``{collections}``: the book's table of contents of collections, from their declarations.

A collection is declared in its landing page ``posts/<slug>/index.md``; the directive lists
every landing page in the order of :mod:`pp_blog.collection_order`, so a new collection
appears in the book without a hand-kept toctree entry. The page using it is read again when a
landing page is added, removed or changed (:func:`pages_listing_collections`).
"""

from __future__ import annotations

from pathlib import Path, PurePosixPath

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx import addnodes
from sphinx.util.docutils import SphinxDirective

from ..model import frontmatter as fm
from ..model.collection_order import ordered

LANDING_PAGES = "posts/*/index.md"


def landing_pages(srcdir: Path) -> dict[str, dict | None]:
    """Every landing page's docname and front matter (None when it cannot be read)."""
    found: dict[str, dict | None] = {}
    for path in sorted(srcdir.glob(LANDING_PAGES)):
        docname = path.relative_to(srcdir).with_suffix("").as_posix()
        try:
            found[docname] = fm.parse_front_matter(path.read_text(encoding="utf-8")).data
        except (fm.FrontMatterError, UnicodeDecodeError):
            found[docname] = None
    return found


class CollectionsDirective(SphinxDirective):
    """The toctree of every collection, newest first or by ``weight`` (see collection_order)."""

    has_content = False
    option_spec = {"caption": directives.unchanged_required}

    def run(self) -> list[nodes.Node]:
        srcdir = Path(self.env.srcdir)
        pages = landing_pages(srcdir)
        entries = [name for name in ordered(pages) if name in self.env.found_docs]
        for name in entries:
            # A changed declaration (title, date, weight) may change the order.
            self.env.note_dependency(str(srcdir / f"{name}.md"))
        toctree = addnodes.toctree()
        toctree["parent"] = self.env.docname
        toctree["entries"] = [(None, entry) for entry in entries]
        toctree["includefiles"] = list(entries)
        toctree["maxdepth"] = 1
        toctree["caption"] = self.options.get("caption", "Collections")
        toctree["glob"] = False
        toctree["hidden"] = False
        toctree["includehidden"] = False
        toctree["numbered"] = 0
        toctree["titlesonly"] = False
        self.set_source_info(toctree)
        wrapper = nodes.compound(classes=["toctree-wrapper", "pp-collections"])
        wrapper += toctree
        self.env.domains["ppblog"].note_collections_list(self.env.docname)
        return [wrapper]


def pages_listing_collections(app, env, added, changed, removed) -> list[str]:
    """``env-get-outdated``: a landing page added or removed changes every ``{collections}`` list."""
    moved = [name for name in (*added, *removed)
             if PurePosixPath(name).name == "index" and PurePosixPath(name).parent.parent == PurePosixPath("posts")]
    if not moved:
        return []
    return sorted(env.domains["ppblog"].collections_lists - set(removed))
