"""The seams to upstream code: every patch, override and copy of ABlog, the themes and Sphinx
internals lives in this package, and nothing else does.

- :mod:`.ablog`: ABlog's state, parallel reading, archive pages, post renderings and page names.
- :mod:`.theme`: pydata-sphinx-theme's trial rendering, and the book theme's navigation markup.
- :mod:`.sphinx`: Sphinx's template compilation, search index, search scorer path, documents' settings.
- :mod:`.sitemap`: sphinx-sitemap's collection of the pages written.
- :mod:`.myst`: MyST-Parser's spare document per page.
- :mod:`.rendering`: renderings shared by many pages through Sphinx's ``pathto``.
- ``templates/``: copies of ABlog's and the theme's templates, each naming its origin and the
  SHA-256 of the upstream file it was copied from (a test compares it with the installed one).

Everything here was written against the versions in :data:`WRITTEN_FOR`. A build with other
versions installed says so in one warning (type ``ppblog``, subtype ``compat``); review the
list of couplings in ARCHITECTURE.md, then update the versions here and the pins together.
"""

from __future__ import annotations

from importlib import metadata
from pathlib import Path

from sphinx.util import logging

logger = logging.getLogger("pp_blog")

TEMPLATES = Path(__file__).parent / "templates"

WRITTEN_FOR = {
    "sphinx": "9.0.4",
    "ablog": "0.11.13",
    "pydata-sphinx-theme": "0.20.0",
    "sphinx-book-theme": "1.4.0",
    "myst-parser": "5.2.0",
    "sphinx-sitemap": "2.9.0",
}


def installed_versions() -> dict[str, str | None]:
    found: dict[str, str | None] = {}
    for name in WRITTEN_FOR:
        try:
            found[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            found[name] = None
    return found


def version_mismatch(installed: dict[str, str | None]) -> str | None:
    """The warning for versions other than :data:`WRITTEN_FOR`, or None."""
    other = [f"{name} {installed[name] or 'not installed'} (written for {wanted})"
             for name, wanted in WRITTEN_FOR.items() if installed.get(name) != wanted]
    if not other:
        return None
    return (f"pp_blog's seams to upstream code were written for other versions: {', '.join(other)}: "
            "review src/pp_blog/compat/ (ARCHITECTURE.md lists the couplings), then update "
            "pp_blog.compat.WRITTEN_FOR and requirements/constraints.txt together")


def check_versions(app, config) -> None:
    """``config-inited``: one warning if the installed upstream versions are not the ones the
    seams were written for."""
    message = version_mismatch(installed_versions())
    if message:
        logger.warning(message, type="ppblog", subtype="compat")
