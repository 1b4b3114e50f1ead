"""Excerpts without note markers: a post's opening paragraph shown away from its notes.

ABlog's excerpt (the front page's recent posts, the archive pages) and our landing-page
listing show a post's first paragraph without its footnotes; a footnote reference in it
would be a "[1]" linking to a note that is not on the page, or a "1" glued to the word
before it ("evidence1").
"""

from __future__ import annotations

from docutils import nodes

NOTE_MARKERS = (nodes.footnote_reference, nodes.citation_reference)


def without_note_markers(node: nodes.Element) -> None:
    """Remove every footnote and citation reference inside ``node`` (a copy, never the post)."""
    for marker in list(node.findall(lambda n: isinstance(n, NOTE_MARKERS))):
        marker.parent.remove(marker)


def plain_text(node: nodes.Element) -> str:
    """The text of ``node`` as a reader sees it in an excerpt: no note markers, one space."""
    copy = node.deepcopy()
    without_note_markers(copy)
    return " ".join(copy.astext().split())


def strip_note_markers_from_ablog_excerpts(app, doctree: nodes.document) -> None:
    """``doctree-read`` after ABlog's (500) took its excerpt, before it is fingerprinted (550)."""
    for info in getattr(app.env, "ablog_posts", {}).get(app.env.docname, []):
        for node in info["excerpt"]:
            without_note_markers(node)
