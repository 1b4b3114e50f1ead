"""The book's left navigation as plain values: the root document's toctrees, each entry with its
children, and what a page shows of them (see :mod:`pp_blog.sphinxext.navigation`)."""

from __future__ import annotations

from dataclasses import dataclass, field

from .fingerprints import digest


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
