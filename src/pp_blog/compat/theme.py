"""Everything that reaches into sphinx-book-theme and pydata-sphinx-theme (written for
sphinx-book-theme 1.4.0 on pydata-sphinx-theme 0.20.0, see :mod:`pp_blog.compat`).

- pydata-sphinx-theme renders every component of a page twice: once to see whether it is
  empty (and leave it out), then in the page. For the components this book uses that are never
  empty, the first rendering is skipped: they are set aside before the theme's check and put
  back, in their places, after it (:func:`set_aside_never_empty`, :func:`put_back_never_empty`).
- The left navigation (:mod:`pp_blog.sphinxext.navigation`) is written in the markup the book
  theme's ``sbt-sidebar-nav.html`` produces, so the theme's stylesheet and scripts apply as they
  are (:func:`render_nav`).
- pydata-sphinx-theme parses every page's table of contents (Sphinx's ``toc``, HTML) with
  BeautifulSoup to decide whether the page has contents to show ("On this page"); a page
  whose only entry is its title has none. Such a ``toc`` is left out of the page's context
  before the theme's handlers run (:func:`leave_out_title_only_toc`): the theme's
  ``generate_toc_html`` then gives "" at once, as it would have after parsing.
- pydata-sphinx-theme's layout asks, for every page, whether the page has a section of the
  site's table of contents to show (``suppress_sidebar_toctree``), to drop its own navigation
  components from the sidebar when not. To answer, it maps every document of every toctree to
  its parent, for each page: a build of N posts spent time in N x N. This book's sidebar has
  neither of those components, so the answer changes nothing; the question is then not asked
  (:func:`skip_unused_sidebar_toctree_check`).
- Both themes change the configuration at ``builder-inited``, after Sphinx has compared it with
  the one it saved: pydata-sphinx-theme's ``update_config`` fills in theme options
  (``navbar_persistent``, ``icon_links``, ``logo``) and ``html_permalinks_icon``, its
  ``setup()`` appends its components to ``templates_path``, and the book theme sets
  ``html_sourcelink_suffix``. The environment then saves the changed values, and every next
  build said "The configuration has changed". The same values are set at ``config-inited``
  (:func:`settle_theme_configuration`), so the themes' writes change nothing, and the one
  repeated entry their ``templates_path`` appends leaves gives way at ``builder-inited``
  (:func:`drop_repeated_template_folders`).
"""

from __future__ import annotations

import html
import os
from typing import Any, Callable

from pathlib import Path

from ..model.navigation import Entry, Nav

THEMES = ("sphinx_book_theme", "pydata_sphinx_theme")

# The page sections the theme checks: the list is local to
# pydata_sphinx_theme.update_and_remove_templates (a test compares it with the installed theme).
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
SET_ASIDE = "ppblog_set_aside"


def template_names(templates: list[str] | str) -> list[str]:
    """A section's templates as the theme reads them: a list or a comma-separated string, with
    ``.html`` added to names without a suffix."""
    if isinstance(templates, str):
        templates = [name.strip() for name in templates.split(",")]
    return [name if os.path.splitext(name)[1] else f"{name}.html" for name in templates]


def set_aside_never_empty(app, pagename: str, templatename: str, context: dict[str, Any], doctree) -> None:
    """``html-page-context``, before the theme's check: take out the components known to show."""
    known = ALWAYS_SHOWN
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


def toggle(title: str) -> str:
    """The open/close control of a branch, as the theme writes it; named, since its only content
    is an icon."""
    return (
        f'<summary aria-label="Show or hide the pages under {title}"><span class="toctree-toggle" '
        'role="presentation"><i class="fa-solid fa-chevron-down"></i></span></summary>'
    )


def render_nav(nav: Nav, pagename: str, uri: Callable[[str], str]) -> str:
    """The sidebar navigation of ``pagename`` (what :meth:`Nav.shown` gives) in the book theme's
    markup; ``uri(docname)`` is the link from that page ("#" to the page itself)."""
    on_path = set(nav.branch(pagename))

    def link(entry: Entry) -> str:
        title = html.escape(entry.title)
        if entry.url:
            return f'<a class="reference external" href="{html.escape(entry.url)}">{title}</a>'
        if entry.docname == pagename and not entry.more:
            return f'<a class="current reference internal" href="#">{title}</a>'
        return f'<a class="reference internal" href="{html.escape(uri(entry.docname))}">{title}</a>'

    def items(entries: tuple[Entry, ...], level: int) -> str:
        out = []
        for entry in entries:
            classes = [f"toctree-l{level}"]
            if entry.more:
                classes.append("pp-nav-more")
            elif entry.docname in on_path:
                classes += ["current", "active"]
            if entry.children:
                classes.append("has-children")
                out.append(
                    f'<li class="{" ".join(classes)}">{link(entry)}<details open="open">{toggle(html.escape(entry.title))}'
                    f'<ul class="current">\n{items(entry.children, level + 1)}</ul></details></li>\n'
                )
            else:
                out.append(f'<li class="{" ".join(classes)}">{link(entry)}</li>\n')
        return "".join(out)

    home_current = " current active" if pagename == nav.root else ""
    out = [
        '<nav class="bd-links bd-docs-nav" aria-label="Main">\n<div class="bd-toc-item navbar-nav active">\n',
        '<ul class="nav bd-sidenav bd-sidenav__home-link">\n',
        f'<li class="toctree-l1{home_current}"><a class="reference internal" href="{html.escape(uri(nav.root))}">'
        f"{html.escape(nav.root_title)}</a></li>\n</ul>\n",
    ]
    for part in nav.shown(pagename):
        if part.caption:
            out.append(
                '<p aria-level="2" class="caption" role="heading">'
                f'<span class="caption-text">{html.escape(part.caption)}</span></p>\n'
            )
        in_part = any(entry.docname in on_path and not entry.more for entry in part.entries)
        out.append(f'<ul class="{"current " if in_part else ""}nav bd-sidenav">\n{items(part.entries, 1)}</ul>\n')
    out.append("</div>\n</nav>\n")
    return "".join(out)


def provided_by_user(config, name: str) -> bool:
    """As pydata-sphinx-theme's ``utils.config_provided_by_user`` decides: set in ``conf.py`` or
    on the command line."""
    return name in config.overrides or name in config._raw_config


def settle_theme_configuration(app, config) -> None:
    """``config-inited``, after every other handler: the values the themes set at
    ``builder-inited`` (pydata_sphinx_theme.update_config and setup(),
    sphinx_book_theme.header_buttons.update_sourcename), set now, so that the configuration the
    environment saves equals the one the next build reads."""
    if config.html_theme not in THEMES:
        return
    import pydata_sphinx_theme

    options = dict(config.html_theme_options)
    if "navbar_persistent" not in options:
        options["navbar_persistent"] = [] if options.get("disable_search", False) else ["search-button-field"]
    # The theme inserts github_url and the like into icon_links at every build: not used here.
    options["icon_links"] = list(options.get("icon_links", []))
    logo = dict(options.get("logo") or {})
    if options.get("theme_logo_link"):
        logo["link"] = options["theme_logo_link"]
    options["logo"] = logo
    config.html_theme_options = options
    if not provided_by_user(config, "html_permalinks_icon"):
        config.html_permalinks_icon = "#"
    if config.html_theme == "sphinx_book_theme" and not provided_by_user(config, "html_sourcelink_suffix"):
        config.html_sourcelink_suffix = ""
    components = str(Path(pydata_sphinx_theme.__file__).parent / "theme" / "pydata_sphinx_theme" / "components")
    config.templates_path = list(dict.fromkeys([*config.templates_path, components]))


def drop_repeated_template_folders(app) -> None:
    """``builder-inited``, after the themes: ``templates_path`` without the folder the theme's
    ``setup()`` appended a second time (the template loader is already made)."""
    app.config.templates_path = list(dict.fromkeys(app.config.templates_path))


# The sidebar components that pydata-sphinx-theme's layout leaves out of a page whose
# ``suppress_sidebar_toctree()`` is true (layout.html, "If we have no sidebar TOC").
SIDEBAR_TOCTREE_COMPONENTS = frozenset({"sidebar-collapse.html", "sidebar-nav-bs.html"})


def skip_unused_sidebar_toctree_check(app, pagename: str, templatename: str, context: dict[str, Any], doctree) -> None:
    """``html-page-context``, after the theme's ``add_toctree_functions``: when the page's
    sidebar has none of the components the theme's check would remove, the check is answered
    at once: its answer could only remove components that are not there."""
    sidebars = context.get("sidebars")
    if "suppress_sidebar_toctree" in context and isinstance(sidebars, (list, tuple)) and not (
        SIDEBAR_TOCTREE_COMPONENTS & set(sidebars)
    ):
        context["suppress_sidebar_toctree"] = _nothing_to_suppress


def _nothing_to_suppress(**kwargs: Any) -> bool:
    return False


def leave_out_title_only_toc(app, pagename: str, templatename: str, context: dict[str, Any], doctree) -> None:
    """``html-page-context``, before the theme's handlers: no ``toc`` when it lists only the
    page's title (one entry, no list inside it)."""
    toc = context.get("toc")
    if isinstance(toc, str) and toc.count("<li") <= 1 and toc.count("<ul") <= 1:
        del context["toc"]
