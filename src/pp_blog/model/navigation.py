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
    # A link to the page that lists all of a long list (see :func:`bounded`).
    more: bool = False


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

    def branch(self, docname: str) -> list[str]:
        """The document and its ancestors, nearest first (the root document excluded)."""
        chain: list[str] = []
        while docname in self.entries and docname not in chain:
            chain.append(docname)
            docname = self.parents.get(docname, "")
        return chain

    def shown(self, pagename: str) -> tuple[Part, ...]:
        """What the navigation of ``pagename`` shows: every part of the root's toctrees, each
        bounded (:func:`bounded`), with the entries on the page's branch expanded and their
        children bounded around the page. Its size does not grow with the archive."""
        on_path = self.branch(pagename)
        return tuple(
            Part(part.caption, tuple(
                expand(entry, on_path) for entry in bounded(part.entries, on_path, self.root, ALL_COLLECTIONS)
            ))
            for part in self.parts
        )

    def chrome_digest(self, pagename: str) -> str:
        """A fingerprint of everything the navigation of ``pagename`` shows (see :meth:`shown`):
        a page is written again when it changes, and only then."""
        return digest((self.root, self.root_title, self.branch(pagename), self.shown(pagename)))


# Entries shown on either side of the current one in a long list: with the previous/next links
# under the article and the link to the whole list, three were enough, and each entry is
# repeated on every page of the list (a window of five made 1 kB more of every page).
WINDOW = 3
# A list longer than a window and its link is shown as a window and a link to the page with all
# of it.
LIST_LIMIT = 2 * WINDOW + 2
ALL_COLLECTIONS = "All collections"
ALL_POSTS = "All posts of this collection"


def bounded(entries: tuple[Entry, ...], on_path: list[str], full_list: str, label: str) -> tuple[Entry, ...]:
    """``entries`` when there are few; else a window of them and an entry linking to the page
    that lists them all (``full_list``).

    The window is the :data:`WINDOW` entries on either side of the one on the page's branch,
    or the first ones when none is; the entry on the branch is always shown.
    """
    if len(entries) <= LIST_LIMIT:
        return entries
    index = next((i for i, entry in enumerate(entries) if entry.docname in on_path), None)
    if index is None:
        window = entries[: 2 * WINDOW + 1]
    else:
        start = max(0, min(index - WINDOW, len(entries) - 2 * WINDOW - 1))
        window = entries[start:start + 2 * WINDOW + 1]
    return (*window, Entry(title=label, docname=full_list, more=True))


def expand(entry: Entry, on_path: list[str]) -> Entry:
    """The entry with its children shown when it is on the page's branch (bounded), else none."""
    if entry.docname not in on_path or not entry.children:
        return Entry(entry.title, entry.docname, entry.url, more=entry.more)
    children = bounded(entry.children, on_path, entry.docname, ALL_POSTS)
    return Entry(entry.title, entry.docname, entry.url,
                 children=tuple(expand(child, on_path) for child in children), more=entry.more)
