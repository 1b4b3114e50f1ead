"""Checks across documents, run once every document has been read."""

from __future__ import annotations

from ..model import frontmatter as fm
from .messages import warn


def check_site(app, env) -> None:
    domain = env.domains["ppblog"]
    for docname, problem in fm.validate_site(domain.posts, domain.collections):
        warn((docname, problem.line), problem, "frontmatter")
