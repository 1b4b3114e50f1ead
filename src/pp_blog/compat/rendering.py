"""Template renderings shared by many pages, each page with its own links.

ABlog's sidebars and archive entries render to the same HTML on every page that shows them,
but for their links, which start from the page. Each is rendered once, with a mark in place of
every link (``pathto`` returns the mark), and each page replaces the marks with its links.
It relies on Sphinx's template context: ``pathto`` and the builder's relative links (Sphinx 9.0,
see :mod:`pp_blog.compat`).
"""

from __future__ import annotations

import posixpath
import re
from typing import Any, Callable, Hashable

from markupsafe import Markup

LINK_MARK = re.compile("\x00([^\x00]*)\x00")


def marked_pathto(otheruri: str, resource: bool = False) -> str:
    if resource:
        # A file's link (an image, a stylesheet) cannot be told from a document's by its mark.
        raise ValueError(f"a shared rendering links only to documents, not to {otheruri!r}")
    return f"\x00{otheruri}\x00"


class SharedRenderings:
    """The renderings of one build, and the links of each folder (see :meth:`for_page`)."""

    def __init__(self, builder):
        self.builder = builder
        self.renderings: dict[Hashable, str] = {}
        # (folder of the page, docname) -> link: a relative link depends only on the folder
        # of the page it is in, but for a link to the page itself.
        self.links: dict[tuple[str, str], str] = {}

    def link(self, pagename: str, docname: str) -> str:
        """The link from a page to a document, as the theme's ``pathto`` makes it ("#" for
        the page itself)."""
        if docname == pagename:
            return "#"
        key = (posixpath.dirname(self.builder.get_target_uri(pagename)), docname)
        if key not in self.links:
            self.links[key] = self.builder.get_relative_uri(pagename, docname)
        return self.links[key]

    def for_page(self, pagename: str, context: dict[str, Any]) -> Callable[..., str]:
        """``render(template, key, **values)`` for this page: ``template`` rendered in the page's
        context plus ``values``, shared with every page that gives the same ``key``."""

        def render(template: str, key: Hashable, **values: Any) -> str:
            shared_key = (template, key)
            if shared_key not in self.renderings:
                self.renderings[shared_key] = self.builder.templates.render(
                    template, {**context, **values, "pathto": marked_pathto}
                )
            # HTML by construction: autoescaped templates print it as it is (escaping.py).
            return Markup(LINK_MARK.sub(lambda match: self.link(pagename, match.group(1)), self.renderings[shared_key]))

        return render


def shared_renderings(builder) -> SharedRenderings:
    if "ppblog_shared_renderings" not in builder.__dict__:
        builder.ppblog_shared_renderings = SharedRenderings(builder)
    return builder.ppblog_shared_renderings
