"""The ``ppblog`` domain: what every post and collection page declared, as plain values.

Keeping this in a Domain (not on the environment or in module globals) gives us
``clear_doc`` and ``merge_domaindata``, so parallel reads and incremental builds stay
correct without any state that outlives a build.
"""

from __future__ import annotations

from typing import Any

from docutils import nodes
from sphinx.addnodes import pending_xref
from sphinx.domains import Domain
from sphinx.util.nodes import make_refnode

from ..model.order import post_order_key


class PostsDomain(Domain):
    name = "ppblog"
    label = "Policy & Politics blog"
    initial_data: dict[str, Any] = {
        "posts": {},  # docname -> plain dict of the post's front matter (see pp_blog.model.frontmatter.post_record)
        "collections": {},  # docname of a landing page -> plain dict of its declaration
        "collections_lists": {},  # docname of a page with a {collections} list -> True
        "postlists": {},  # docname of a page with ABlog's list of posts -> True
        "landing_entries": {},  # docname of a landing page -> its posts' docnames as its toctree lists them
    }
    # Bump when the shape of the stored data changes, so old pickles are discarded.
    data_version = 3

    def __init__(self, env) -> None:
        super().__init__(env)
        # Indexes every post page asks, so each is made once per change of the data, not once
        # per page (a page's lookups stay constant in the size of its collection): slug -> the
        # collection's posts in reading order, a post's place in them, slug -> collection.
        self._series: dict[str, list[tuple[str, dict[str, Any]]]] | None = None
        self._places: dict[str, int] = {}
        self._by_slug: dict[str, dict[str, Any]] | None = None

    @property
    def posts(self) -> dict[str, dict[str, Any]]:
        return self.data["posts"]

    @property
    def collections(self) -> dict[str, dict[str, Any]]:
        return self.data["collections"]

    def add_post(self, docname: str, record: dict[str, Any]) -> None:
        self.posts[docname] = record
        self._series = None

    def add_collection(self, docname: str, record: dict[str, Any]) -> None:
        self.collections[docname] = record
        self._by_slug = None

    @property
    def collections_lists(self) -> set[str]:
        """The pages with a ``{collections}`` list (see collections_directive.py)."""
        return set(self.data.setdefault("collections_lists", {}))

    def note_collections_list(self, docname: str) -> None:
        self.data.setdefault("collections_lists", {})[docname] = True

    @property
    def postlists(self) -> dict[str, bool]:
        return self.data.setdefault("postlists", {})

    def add_postlist(self, docname: str) -> None:
        self.postlists[docname] = True

    @property
    def landing_entries(self) -> dict[str, list[str]]:
        """What each landing page's toctree listed when it was read (rebuild.reread_landing_pages)."""
        return self.data.setdefault("landing_entries", {})

    def note_landing_entries(self, docname: str, entries: list[str]) -> None:
        self.landing_entries[docname] = list(entries)

    def clear_doc(self, docname: str) -> None:
        self.posts.pop(docname, None)
        self.landing_entries.pop(docname, None)
        self.collections.pop(docname, None)
        self.data.setdefault("collections_lists", {}).pop(docname, None)
        self.postlists.pop(docname, None)
        self._series = self._by_slug = None

    def merge_domaindata(self, docnames: set[str], otherdata: dict[str, Any]) -> None:
        self._series = self._by_slug = None
        for key in ("posts", "collections", "collections_lists", "postlists", "landing_entries"):
            self.data.setdefault(key, {})
            for docname, record in otherdata.get(key, {}).items():
                if docname in docnames:
                    self.data[key][docname] = record

    def collection_by_slug(self, slug: str) -> dict[str, Any] | None:
        if self._by_slug is None:
            # The first landing page that declares a slug (a second one is reported by the checks).
            by_slug: dict[str, dict[str, Any]] = {}
            for record in self.collections.values():
                by_slug.setdefault(record["slug"], record)
            self._by_slug = by_slug
        return self._by_slug.get(slug)

    def _ordered(self) -> dict[str, list[tuple[str, dict[str, Any]]]]:
        if self._series is None:
            series: dict[str, list[tuple[str, dict[str, Any]]]] = {}
            for docname, post in self.posts.items():
                series.setdefault(post["collection"], []).append((docname, post))
            for members in series.values():
                members.sort(key=lambda item: post_order_key(item[1]))
            self._places = {docname: place for members in series.values()
                            for place, (docname, _) in enumerate(members)}
            self._series = series
        return self._series

    def posts_in(self, slug: str) -> list[tuple[str, dict[str, Any]]]:
        """The posts of a collection in reading order: series position, else date, then title."""
        return list(self._ordered().get(slug, ()))

    def neighbours(self, docname: str) -> tuple[str | None, str | None]:
        """The posts before and after a post in its collection's reading order."""
        members = self._ordered().get(self.posts[docname]["collection"], [])
        place = self._places[docname]
        return (members[place - 1][0] if place > 0 else None,
                members[place + 1][0] if place + 1 < len(members) else None)

    def resolve_xref(self, env, fromdocname, builder, typ, target, node, contnode):
        # Authors and tags link to ABlog's pages, which exist only in HTML output;
        # elsewhere the name stays plain text.
        if typ != "ablog":
            return None
        if builder.format == "html":
            return make_refnode(builder, fromdocname, target, "", contnode, node.get("reftitle"))
        return contnode

    def resolve_any_xref(self, env, fromdocname, builder, target, node, contnode):
        return []


def ablog_page_xref(text: str, docname: str, title: str, css_class: str) -> pending_xref:
    """A link to one of ABlog's generated pages (an author's or a tag's posts)."""
    ref = pending_xref("", refdomain="ppblog", reftype="ablog", reftarget=docname, refexplicit=True, reftitle=title)
    ref += nodes.inline(text, text, classes=[css_class])
    return ref
