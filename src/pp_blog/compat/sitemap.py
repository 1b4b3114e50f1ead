"""What reaches into sphinx-sitemap (written for sphinx-sitemap 2.9.0).

sphinx-sitemap collects the address of each page as it is written, through a queue shared
between processes (``multiprocessing.Manager().Queue()``, made at ``builder-inited``), and
writes ``sitemap.xml`` from it at ``build-finished``. This book lists every published page
instead, written by this build or not (:func:`pp_blog.sphinxext.discovery.complete_sitemap`),
in the main process: the page-by-page collection, and the manager process it starts in every
build (one message to it per page written), are pure cost. Its two handlers are replaced by
:func:`use_plain_queue`; the build stops if sphinx-sitemap no longer registers them as 2.9.0
does. Its ``create_sitemap`` and ``is_excluded`` are used as they are.
"""

from __future__ import annotations

import queue

import sphinx_sitemap
from sphinx.errors import ExtensionError

from . import WRITTEN_FOR


def take_over_page_links(app, config) -> None:
    """``config-inited`` (every extension is set up): sphinx-sitemap's handlers that start its
    manager process and collect the pages written give way to :func:`use_plain_queue`."""
    if "sphinx_sitemap" not in config.extensions:
        return
    listeners = {
        event: [listener for listener in app.events.listeners[event] if listener.handler is handler]
        for event, handler in (("builder-inited", sphinx_sitemap.record_builder_type),
                               ("html-page-context", sphinx_sitemap.add_html_link))
    }
    if any(len(found) != 1 for found in listeners.values()):
        raise ExtensionError(
            f"pp_blog: sphinx-sitemap does not register its handlers as {WRITTEN_FOR['sphinx-sitemap']} did "
            "(record_builder_type, add_html_link): review pp_blog/compat/sitemap.py"
        )
    for found in listeners.values():
        app.disconnect(found[0].id)
    app.connect("builder-inited", use_plain_queue)


def use_plain_queue(app) -> None:
    """``builder-inited``: what sphinx-sitemap's ``record_builder_type`` sets, with a queue of
    this process only (it is filled at ``build-finished``, in this process)."""
    builder = getattr(app, "builder", None)
    if builder is None:
        return
    builder.env.is_directory_builder = type(builder).__name__ == "DirectoryHTMLBuilder"
    app.sitemap_links = queue.Queue()
