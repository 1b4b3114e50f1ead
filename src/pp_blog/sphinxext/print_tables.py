"""Print: table columns aligned as their Markdown says (``---:`` right, ``:---:`` centred).

MyST marks each cell of an aligned column with a class (``text-right``); the web's stylesheet
reads it, Sphinx's LaTeX writer does not, and printed every column ragged right. Each table
with aligned columns gets the column specification of Sphinx's ``{tabularcolumns}``
directive, unless its author gave one: tabulary's L, R, C (or J, justified, where the Markdown
gives no alignment), and for a table long enough to break across pages (Sphinx's longtable,
over 30 rows) equal-width columns aligned the same way.
"""

from __future__ import annotations

from typing import Any

from docutils import nodes
from sphinx import addnodes
from sphinx.transforms.post_transforms import SphinxPostTransform

ALIGNMENTS = {"text-left": "L", "text-right": "R", "text-center": "C"}
# A long table's columns: Sphinx's \X{1}{n} (a share of the line) with the alignment in front.
LONG_TABLE_ALIGNMENT = {"L": r"\raggedright", "R": r"\raggedleft", "C": r"\centering", "J": ""}
# Sphinx's limit for tabulary: a table with more rows is a longtable (sphinx.writers.latex.Table).
LONGEST_TABULARY = 30


def column_alignments(table: nodes.table) -> list[str] | None:
    """The alignment letter of each column, or None when no column is aligned (or a cell spans)."""
    group = table.next_node(nodes.tgroup)
    if group is None:
        return None
    letters: list[str | None] = [None] * group["cols"]
    for row in group.findall(nodes.row):
        entries = [child for child in row.children if isinstance(child, nodes.entry)]
        if len(entries) != len(letters) or any(e.get("morecols") or e.get("morerows") for e in entries):
            return None
        for index, entry in enumerate(entries):
            letter = next((ALIGNMENTS[c] for c in entry.get("classes", []) if c in ALIGNMENTS), None)
            letters[index] = letters[index] or letter
    if not any(letters):
        return None
    return [letter or "J" for letter in letters]


def column_spec(letters: list[str], rows: int, long_table: bool) -> str:
    if not long_table and rows <= LONGEST_TABULARY:
        return "".join(letters)
    share = rf"\X{{1}}{{{len(letters)}}}"
    return "".join(rf">{{{LONG_TABLE_ALIGNMENT[letter]}\arraybackslash}}{share}" if LONG_TABLE_ALIGNMENT[letter]
                   else share for letter in letters)


class AlignTableColumns(SphinxPostTransform):
    default_priority = 400
    formats = ("latex",)

    def run(self, **kwargs: Any) -> None:
        for table in list(self.document.findall(nodes.table)):
            previous = table.parent[table.parent.index(table) - 1] if table.parent.index(table) else None
            if isinstance(previous, addnodes.tabular_col_spec):
                continue  # the author's own {tabularcolumns}
            letters = column_alignments(table)
            if letters is None:
                continue
            rows = sum(1 for _ in table.findall(nodes.row))
            spec = column_spec(letters, rows, "longtable" in table.get("classes", []))
            table.parent.insert(table.parent.index(table), addnodes.tabular_col_spec(spec=spec))
