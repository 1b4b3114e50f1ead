"""Print: each post's notes numbered from 1, in the order a reader meets them.

With ``latex_show_urls = "footnote"`` Sphinx numbers the notes of the whole book at once,
and the footnotes it makes for link addresses (placed in the text) before the author's own
(collected at the end of the post): a post's only footnote printed as "3". Here every post's
notes (the author's and the addresses') are numbered again, 1, 2, 3 in the order of their
first mark in the post.
"""

from __future__ import annotations

from typing import Any

from docutils import nodes
from sphinx import addnodes
from sphinx.transforms.post_transforms import SphinxPostTransform


class NumberNotesByPost(SphinxPostTransform):
    """After Sphinx's address footnotes (400), before its LaTeX footnote transform (600)."""

    default_priority = 450
    formats = ("latex",)

    def run(self, **kwargs: Any) -> None:
        posts = self.env.domains["ppblog"].posts
        for start in self.document.findall(addnodes.start_of_file):
            if start["docname"] in posts:
                number_notes(start)


def number_notes(within: nodes.Element) -> None:
    """Renumber the footnotes inside ``within`` by the order of their first reference."""
    footnotes = {note_id: note for note in within.findall(nodes.footnote) for note_id in note["ids"]}
    numbers: dict[int, str] = {}
    for ref in within.findall(nodes.footnote_reference):
        note = footnotes.get(ref.get("refid"))
        if note is None:
            continue
        number = numbers.setdefault(id(note), str(len(numbers) + 1))
        ref.clear()
        ref += nodes.Text(number)
        label = note.next_node(nodes.label)
        if label is not None and label.astext() != number:
            if label.astext() in note["names"]:
                note["names"].remove(label.astext())
            note["names"].append(number)
            label.replace_self(nodes.label("", number))
