"""A date that HTML marks up as ``<time datetime="YYYY-MM-DD">``, so that browsers, screen
readers and feed readers get the date itself and not only its words ("19 May 2021").

Other writers (LaTeX) meet it as the inline it is: Sphinx's translators fall back on the
visitor of a node's base class.
"""

from __future__ import annotations

from docutils import nodes


class post_date(nodes.inline):  # noqa: N801 - docutils names node classes in lower case
    """A date shown as words, with its ISO date in ``datetime``."""


def post_date_node(iso_date: str, words: str, classes: list[str]) -> post_date:
    return post_date(words, words, datetime=iso_date, classes=classes)


def visit_post_date(self, node: post_date) -> None:
    # starttag escapes the attribute's value.
    self.body.append(self.starttag(node, "time", "", datetime=node["datetime"]))


def depart_post_date(self, node: post_date) -> None:
    self.body.append("</time>")
