"""pydata-sphinx-theme renders every component of a page twice: once to see whether it is
empty (and leave it out), then in the page. For the components this book uses that are never
empty, the first rendering is skipped: they are set aside before the theme's check and put
back, in their places, after it.
"""

from __future__ import annotations

import os
from typing import Any

# The page sections the theme checks (pydata_sphinx_theme.update_and_remove_templates).
SECTIONS = (
    "theme_navbar_start", "theme_navbar_center", "theme_navbar_persistent", "theme_navbar_end",
    "theme_article_header_start", "theme_article_header_end", "theme_article_footer_items",
    "theme_content_footer_items", "theme_footer_start", "theme_footer_center", "theme_footer_end",
    "theme_primary_sidebar_end", "sidebars",
)
# Components with markup whatever the page: a logo link, buttons, the navigation.
ALWAYS_SHOWN = frozenset({
    "navbar-logo.html", "search-button-field.html", "toggle-primary-sidebar.html",
    "article-header-buttons.html", "ppblog/sidebar-nav.html",
})
# ABlog's sidebars (see pp_blog.ablog_compat.add_shared_sidebars) are empty without posts.
SHOWN_WITH_POSTS = frozenset({"ppblog/recent-posts.html", "ppblog/archives.html"})
SET_ASIDE = "ppblog_set_aside"


def template_names(templates: list[str] | str) -> list[str]:
    """A section's templates as the theme reads them: a list or a comma-separated string, with
    ``.html`` added to names without a suffix."""
    if isinstance(templates, str):
        templates = [name.strip() for name in templates.split(",")]
    return [name if os.path.splitext(name)[1] else f"{name}.html" for name in templates]


def set_aside_never_empty(app, pagename: str, templatename: str, context: dict[str, Any], doctree) -> None:
    """``html-page-context``, before the theme's check: take out the components known to show."""
    known = ALWAYS_SHOWN | (SHOWN_WITH_POSTS if context.get("ablog") else frozenset())
    set_aside = {}
    for section in SECTIONS:
        if not context.get(section):
            continue
        names = template_names(context[section])
        set_aside[section] = (names, known)
        context[section] = [name for name in names if name not in known]
    context[SET_ASIDE] = set_aside


def put_back_never_empty(app, pagename: str, templatename: str, context: dict[str, Any], doctree) -> None:
    """``html-page-context``, after the theme's check: each section's components, in their order,
    less the ones the theme found empty."""
    for section, (names, known) in context.pop(SET_ASIDE, {}).items():
        kept = set(context.get(section) or ())
        context[section] = [name for name in names if name in known or name in kept]
