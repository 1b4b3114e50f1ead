"""The build side of :mod:`pp_blog.content_dates`: edition dates and the footer's copyright.

- ``ppblog_edition_date`` empty (the default): each PDF edition is dated by its newest post,
  which is also its PDF creation date. Set: that date, with a warning when it is older than a
  post it prints.
- Every PDF takes its clock from its edition date (an edition without posts yet: the whole book's):
  the Makefile the LaTeX builder writes exports it to latexmk, xelatex and xdvipdfmx as
  ``SOURCE_DATE_EPOCH``, so the same posts print the same PDF bytes, on any day, from any folder.
- ``copyright`` left unset in ``conf.py``: the footer reads "Copyright <years>, <holder>",
  the years those the published posts span and the holder ``ppblog_copyright_holder``; every
  page is written again when the years change.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from sphinx.util import logging

from ..model import content_dates
from ..model import frontmatter as fm
from .config import settings
from .domain import PostsDomain
from .rebuild import build_of

logger = logging.getLogger(__name__)


def set_edition_date(config) -> dt.date | None:
    """The date the editor set, or None when the setting is empty (a bad one: config.py)."""
    return settings(config).edition_date


def edition_posts(domain: PostsDomain, docname: str, root_doc: str) -> list[tuple[str, dict[str, Any]]]:
    """The posts an edition prints: every post for the whole book, else the collection's."""
    if docname == root_doc:
        return sorted(domain.posts.items())
    collection = domain.collections.get(docname)
    return domain.posts_in(collection["slug"]) if collection else []


def edition_date(domain: PostsDomain, docname: str, config) -> dt.date | None:
    """The date printed on an edition: the one set in conf.py, else its newest post's."""
    return set_edition_date(config) or content_dates.newest(
        post for _, post in edition_posts(domain, docname, config.root_doc))


# Appended to the LaTeX builder's Makefile (written afresh by every LaTeX build), which both
# `make pdf` and `make -C _build/latex all-pdf` run.
PDF_CLOCK_HEADER = """
# pp_blog (docs/printing.md): each PDF's clock is its edition date, not the day of the build.
# xdvipdfmx derives the PDF's /ID and its font subset names from SOURCE_DATE_EPOCH (else from
# the clock, in local time); FORCE_SOURCE_DATE makes TeX's \\today and \\time read it too. Both
# override any value of the environment or the command line: the date comes from the posts.
override export FORCE_SOURCE_DATE = 1
"""


def set_pdf_clocks(app, exception) -> None:
    """``build-finished`` of a LaTeX build: each PDF's ``SOURCE_DATE_EPOCH``, in the Makefile."""
    if exception is not None or app.builder.format != "latex":
        return
    domain: PostsDomain = app.env.domains["ppblog"]
    book = edition_date(domain, app.config.root_doc, app.config)
    lines = [PDF_CLOCK_HEADER]
    for docname, target, *_ in app.builder.document_data:
        date = edition_date(domain, docname, app.config) or book
        if date is not None:
            pdf = Path(target).with_suffix(".pdf").name
            lines.append(f"{pdf}: override export SOURCE_DATE_EPOCH = {content_dates.source_date_epoch(date)}\n")
    with Path(app.outdir, "Makefile").open("a", encoding="utf-8") as makefile:
        makefile.writelines(lines)


def warn_of_stale_edition_date(app, env) -> None:
    """``env-updated`` of a LaTeX build: a set edition date older than a post it prints."""
    if app.builder.format != "latex":
        return
    value = set_edition_date(app.config)
    if value is None:
        return
    published = [(docname, post) for docname, post in env.domains["ppblog"].posts.items() if not post["draft"]]
    dated = [(fm.parse_date(post["date"]), docname) for docname, post in published]
    dated = [(date, docname) for date, docname in dated if date is not None]
    if not dated:
        return
    newest_post, docname = max(dated)
    problem = content_dates.stale_date_problem("ppblog_edition_date", value, newest_post, env.doc2path(docname, False))
    if problem:
        logger.warning(f"{Path(app.confdir, 'conf.py')}: {problem}", type="ppblog", subtype="config")


def footer_copyright(app, pagename: str, templatename: str, context: dict[str, Any], doctree) -> None:
    """``html-page-context``: the copyright years from the posts, unless conf.py sets ``copyright``
    (the years are found once per build, and every page written again when they change: see
    :func:`pp_blog.sphinxext.rebuild.pages_to_write`)."""
    if app.config.copyright:
        return
    context["copyright"] = content_dates.copyright_line(build_of(app.config).copyright_years,
                                                        settings(app.config).copyright_holder)
