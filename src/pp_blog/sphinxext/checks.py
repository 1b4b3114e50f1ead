"""Checks across documents, run once every document has been read."""

from __future__ import annotations

from pathlib import PurePosixPath

from ..model import frontmatter as fm
from ..model.layout import page_kind
from .messages import warn


def check_site(app, env) -> None:
    domain = env.domains["ppblog"]
    # Landing pages read but refused: their own problems are reported already.
    broken = frozenset(PurePosixPath(d).parent.name for d in env.found_docs
                       if page_kind(d) == "collection" and d not in domain.collections)
    for docname, problem in fm.validate_site(domain.posts, domain.collections, broken):
        warn((docname, problem.line), problem, "frontmatter")
