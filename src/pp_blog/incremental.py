"""Keep an incrementally updated site identical to a clean build's.

- Sphinx leaves the pages of a deleted (or moved) document, and a general index it no longer
  writes, in the output folder, where they stay published and found by search engines: they
  are removed as soon as Sphinx notices.
- Every build compiles the theme's Jinja templates again (pydata-sphinx-theme's are large):
  the compiled templates are kept next to the doctrees, keyed by their source's checksum,
  and not checked for changes during the build.
- When a page is written again, Sphinx's search indexer drops the page from every word it
listed, but keeps the words themselves: a word that no page has any more (the old words of a
renamed title) stays in ``searchindex.js`` with no page, and such entries pile up build
after build. They are removed before the index is written (html-collect-pages runs before
the builder dumps the index).
"""

from __future__ import annotations

from pathlib import Path
from typing import Iterator

from jinja2 import FileSystemBytecodeCache


def keep_compiled_templates(app) -> None:
    """``builder-inited``: a bytecode cache for the HTML builder's template environment."""
    templates = getattr(app.builder, "templates", None)
    environment = getattr(templates, "environment", None)
    if environment is None:
        return
    folder = Path(app.doctreedir) / "jinja-bytecode"
    folder.mkdir(parents=True, exist_ok=True)
    environment.bytecode_cache = FileSystemBytecodeCache(str(folder))
    # Templates do not change during a build, but Jinja checks every template file's time at
    # each use (about 50 times per page).
    environment.auto_reload = False


def remove_pages_of_removed_docs(app, env, added, changed, removed) -> list[str]:
    """``env-get-outdated``: delete the HTML page and source copy of each removed document."""
    builder = app.builder
    if builder.format != "html" or not removed:
        return []
    sources = Path(builder.outdir) / "_sources"
    for docname in removed:
        Path(builder.get_outfilename(docname)).unlink(missing_ok=True)
        for suffix in app.config.source_suffix:
            (sources / f"{docname}{suffix}{app.config.html_sourcelink_suffix}").unlink(missing_ok=True)
    return []


def remove_unpublished_index(app) -> None:
    """``builder-inited``: with ``html_use_index`` off, an index page left by an earlier build goes."""
    if app.builder.format == "html" and not app.config.html_use_index:
        (Path(app.outdir) / "genindex.html").unlink(missing_ok=True)


def drop_emptied_search_terms(app) -> Iterator:
    indexer = getattr(app.builder, "indexer", None)
    if indexer is not None:
        # Sphinx keeps no public API for this: the indexer's word -> pages mappings.
        for mapping in (indexer._mapping, indexer._title_mapping):
            for word in [word for word, pages in mapping.items() if not pages]:
                del mapping[word]
    yield from ()
