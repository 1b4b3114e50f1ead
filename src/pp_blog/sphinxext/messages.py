"""Problems reported through Sphinx's warnings, type ``ppblog``: ``-W`` turns them into a failed
build, and ``ppblog`` prints each on one line naming the file and the line."""

from __future__ import annotations

from typing import Any

from docutils import nodes
from sphinx.util import logging

from ..model.problems import Problem

logger = logging.getLogger("pp_blog")


def warn(location: Any, problem: Problem, subtype: str | None = None) -> None:
    """Report a problem at a location (a docname, a (docname, line) pair or a node); the subtype
    is ``subtype``, else the problem's field, else 'content'."""
    logger.warning(problem.message, location=location, type="ppblog", subtype=subtype or problem.field or "content")


def node_location(docname: str, node: nodes.Node) -> tuple[str, int | None]:
    """The page and line of a node, from its nearest ancestor with a line (MyST images have none)."""
    while node is not None and not node.line:
        node = node.parent
    return docname, node.line if node is not None else None
