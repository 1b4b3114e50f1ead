"""The book's folder as a whole, checked at the start of every build (tree_checks.py)."""

from __future__ import annotations

from pathlib import Path

from sphinx.util import logging

from ..model.tree_checks import check_posts_tree

logger = logging.getLogger(__name__)


class FileLocation(str):
    """A file's or folder's path as a warning's location, printed as it is.

    Sphinx takes a plain string without ':' for a docname and adds '.md' to it (its
    SphinxLogRecordTranslator); a string "containing" ':' is left alone.
    """

    def __contains__(self, item: object) -> bool:
        return item == ":" or super().__contains__(item)


def exclude_hidden_files(app, config) -> None:
    """``config-inited``: hidden files (an editor's lock file ``.#post.md``) are not pages.

    Sphinx would otherwise read them as posts; an editor's lock file is a link to nowhere.
    """
    config.exclude_patterns = [*config.exclude_patterns, "**/.*"]


def check_tree(app, config) -> None:
    """``config-inited``: keep Sphinx from reading the files under posts/ it must not (a link
    out of the project, to nothing, to a device; a misplaced post), before it looks for pages.
    Every build runs it, so a problem is reported until it is fixed (:func:`report_tree`)."""
    app.ppblog_tree_report = check_posts_tree(Path(app.srcdir))
    if app.ppblog_tree_report.excluded:
        config.exclude_patterns = [*config.exclude_patterns, *app.ppblog_tree_report.excluded]


def report_tree(app) -> None:
    """``builder-inited`` (Sphinx reports a location only once its environment exists)."""
    for shown, problem in app.ppblog_tree_report.problems:
        logger.warning(problem.message, location=FileLocation(Path(app.srcdir) / shown), type="ppblog",
                       subtype=problem.field or "tree")
