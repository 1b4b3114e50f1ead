"""What reaches into Sphinx's internals or works around its behaviour (written for Sphinx 9.0,
see :mod:`pp_blog.compat`).

- Every build compiles the theme's Jinja templates again (pydata-sphinx-theme's are large): the
  compiled templates are kept next to the doctrees, keyed by their source's checksum, and not
  checked for changes during the build; the lines and indentation around template tags, and
  the comments and indentation of the themes' markup, are left out of the pages
  (:func:`keep_compiled_templates`, :class:`CompactMarkup`).
- When a page is written again, Sphinx's search indexer drops the page from every word it
  listed, but keeps the words themselves: a word that no page has any more (the old words of a
  renamed title) stays in ``searchindex.js`` with no page, and such entries pile up build after
  build. They are removed before the index is written (:func:`drop_emptied_search_terms`;
  ``html-collect-pages`` runs before the builder dumps the index).
- Sphinx documents ``html_search_scorer`` as relative to the configuration folder but opens it
  relative to the current one (:func:`resolve_scorer_path`).
- sphinx-book-theme (1.4.0) appends its components to ``templates_path`` in place, even in its
  ``setup()``. In a project that does not set it, that is the default list of Sphinx's own
  options (``Config.config_values``), shared by every configuration in the process, so a project
  built next in the same process would inherit it (:func:`own_templates_path`).
- pydata-sphinx-theme adds its HTML translator mixin (aria-level on toctree captions, table
  classes) only to translators registered by name once any one is registered, so the HTML
  translator is named too (:data:`HTML_TRANSLATOR`).
- docutils' HTML writer looks up its default stylesheet (``html4css1.css`` for Sphinx's writer)
  on disk and makes its path relative in every translator: Sphinx makes one for a page's body
  and about five more for its title, contents, neighbours and parents (``render_partial``),
  15,000 for 2,000 posts (0.7 s of a build). Sphinx never writes the ``<link>`` they make (a
  page's stylesheets come from the theme's templates): the translator is given none
  (:class:`HTMLTranslator`).
- Sphinx's logger takes every debug message, formats it into a record and hands it to its
  handlers, which drop it unless Sphinx is run with ``-vv`` (a second of a build: Sphinx and the
  themes log each event emitted and each script added to a page). The logger now drops what
  none of its handlers would show (:func:`skip_unshown_messages`; Sphinx sets its level again
  for each application).
- Every page's stylesheet and script tags carry each file's checksum; Sphinx finds it by
  resolving the file's path (a system call per folder of the path) for each file of each page,
  about 15 per page, though the files do not change once copied, before the first page is
  written. For the length of a build, each file's checksum is looked up once
  (:func:`remember_asset_checksums`, undone by :func:`forget_asset_checksums`).
- Before reading a document, Sphinx clears every domain of it; the standard domain looks for
  its entries by walking all of its labels. ABlog gives every post a label, so a full build of
  N posts walked N labels N times. A document that was never read has no entries to clear:
  :class:`StandardDomain` skips the walk for it (:func:`note_first_reading` tells it which).
- Sphinx builds each document's docutils settings by declaring every option (about 150) to a
  new command-line parser and reading the docutils configuration files again: about a
  millisecond per page, for the same settings every time. For the length of a build they are
  found once and each document gets its own copy, as docutils would give it
  (:func:`remember_document_settings`, undone by :func:`forget_document_settings`).
- Sphinx's layout has a viewport tag, and docutils' HTML5 writer adds its own to the tags that
  Sphinx passes on as ``metatags`` (Sphinx leaves out the first two of the writer's tags, which
  with docutils 0.22 are the content type and the generator): every page had two. The writer's is
  taken out of ``metatags`` (:func:`drop_repeated_viewport`).
- The HTML builder gives each of ``html_css_files`` and ``html_js_files`` a default priority by
  writing into the configuration's own dictionaries, after the configuration was compared with
  the saved one: every next build said "The configuration has changed". The default is given
  at ``config-inited`` instead (:func:`settle_asset_priorities`).
"""

from __future__ import annotations

import hashlib
import logging
import os
import shutil
from pathlib import Path
from typing import Any, Iterator, Mapping

import sphinx.builders.html
import sphinx.util.docutils
import sphinx.util.logging
from jinja2 import FileSystemBytecodeCache
from jinja2.ext import Extension
from jinja2.lexer import Token, TokenStream
from sphinx.builders.html import _assets
from sphinx.config import Config
from sphinx.domains import std
from sphinx.writers.html5 import HTML5Translator

from ..model import template_markup
from ..model.template_markup import compact
from . import escaping
from .myst import settings_copy


class HTMLTranslator(HTML5Translator):
    """Sphinx's HTML translator, without docutils' default stylesheets, which Sphinx never links."""

    def __init__(self, document, builder) -> None:
        # The settings are Sphinx's, shared by every document of the build (and by every
        # render_partial): cleared once, they stay so.
        settings = document.settings
        if settings.stylesheet_path or settings.stylesheet:
            settings.stylesheet_path = settings.stylesheet = []
        super().__init__(document, builder)


HTML_TRANSLATOR = HTMLTranslator


def skip_unshown_messages(app) -> None:
    """``builder-inited``: Sphinx's logger takes only the messages one of its handlers shows."""
    logger = logging.getLogger(sphinx.util.logging.NAMESPACE)
    if logger.handlers:
        logger.setLevel(max(logger.level, min(handler.level for handler in logger.handlers)))


def own_templates_path(app, config) -> None:
    """``config-inited``, before the extensions' handlers: this configuration gets a list of its
    own, and Sphinx's default is emptied again of what an extension's ``setup()`` added to it."""
    config.templates_path = list(config.templates_path)
    Config.config_values["templates_path"].default.clear()


class CompactMarkup(Extension):
    """The text between an HTML template's tags without comments or indentation
    (:mod:`pp_blog.model.template_markup`), once, when the template is compiled. Other
    templates (``documentation_options.js_t``, rendered from a string) are left as they are."""

    def filter_stream(self, stream: TokenStream) -> Iterator[Token]:
        if not (stream.name or "").endswith(".html"):
            yield from stream
            return
        inside: tuple[str, ...] = ()
        for token in stream:
            if token.type == "data":
                value, inside = compact(token.value, inside)
                token = Token(token.lineno, token.type, value)
            yield token


def keep_compiled_templates(app) -> None:
    """``builder-inited``: a bytecode cache for the HTML builder's template environment, which
    leaves out the line breaks and indentation around template tags, and the comments and
    indentation of the markup."""
    templates = getattr(app.builder, "templates", None)
    environment = getattr(templates, "environment", None)
    if environment is None:
        return
    # The themes' templates put each tag on a line of its own, indented, and comment their
    # markup: every page carried the lines, indentation and comments (8 % of the HTML; a test
    # compares the pages' text, elements and scripts with and without).
    environment.trim_blocks = True
    environment.lstrip_blocks = True
    environment.add_extension(CompactMarkup)
    # Named for what Jinja's cache key leaves out: the autoescape policy (compat/escaping.py),
    # the whitespace control and the compacting the templates were compiled under. A change of
    # any of the modules that decide them recompiles them.
    policy = hashlib.sha256(b"trimmed")
    for module_file in (escaping.__file__, template_markup.__file__, __file__):
        policy.update(Path(module_file).read_bytes())
    folder = Path(app.doctreedir) / f"jinja-bytecode-{policy.hexdigest()[:16]}"
    for stale in Path(app.doctreedir).glob("jinja-bytecode*"):
        if stale != folder:
            shutil.rmtree(stale, ignore_errors=True)
    folder.mkdir(parents=True, exist_ok=True)
    environment.bytecode_cache = FileSystemBytecodeCache(str(folder))
    # Templates do not change during a build, but Jinja checks every template file's time at
    # each use (about 50 times per page).
    environment.auto_reload = False


def drop_emptied_search_terms(app) -> Iterator:
    """``html-collect-pages``: words that no page has any more leave the search index."""
    indexer = getattr(app.builder, "indexer", None)
    if indexer is not None:
        # Sphinx keeps no public API for this: the indexer's word -> pages mappings.
        for mapping in (indexer._mapping, indexer._title_mapping):
            for word in [word for word, pages in mapping.items() if not pages]:
                del mapping[word]
    yield from ()


def resolve_scorer_path(app, config) -> None:
    """``config-inited``: read ``html_search_scorer`` relative to the configuration folder, so a
    build started from another folder does not crash."""
    scorer = config.html_search_scorer
    if scorer and not Path(scorer).is_absolute():
        config.html_search_scorer = str(Path(app.confdir) / scorer)


# The priority the HTML builder gives the project's own files (StandaloneHTMLBuilder.init_css_files).
PROJECT_ASSET_PRIORITY = 800


def settle_asset_priorities(app, config) -> None:
    """``config-inited``, after Sphinx made every entry a ``(name, attributes)`` pair (800): each
    entry's priority, as the HTML builder would set it, in a dictionary of its own."""
    for name in ("html_css_files", "html_js_files"):
        config[name] = [
            (filename, {"priority": PROJECT_ASSET_PRIORITY, **attributes})
            for filename, attributes in config[name]
        ]


def remember_asset_checksums(app) -> None:
    """``builder-inited``: the checksum of each stylesheet and script, found once per build."""
    checksums: dict[tuple[str, str], str] = {}

    def file_checksum(outdir, filename) -> str:
        key = (str(outdir), str(filename))
        if key not in checksums:
            checksums[key] = _assets._file_checksum(outdir, filename)
        return checksums[key]

    sphinx.builders.html._file_checksum = file_checksum


def forget_asset_checksums(*args) -> None:
    """``build-finished``: Sphinx's own lookup again, for whatever is built next in the process."""
    sphinx.builders.html._file_checksum = _assets._file_checksum


# The tag docutils' HTML5 writer adds (docutils 0.22, writers/html5_polyglot).
DOCUTILS_VIEWPORT = '<meta name="viewport" content="width=device-width, initial-scale=1" />\n'


def drop_repeated_viewport(app, pagename: str, templatename: str, context: dict, doctree) -> None:
    """``html-page-context``: one viewport tag, the layout's."""
    if isinstance(context.get("metatags"), str):
        context["metatags"] = context["metatags"].replace(DOCUTILS_VIEWPORT, "", 1)


# Sphinx's own, kept before anything replaces it.
SPHINX_GET_SETTINGS = sphinx.util.docutils._get_settings


def settings_made_of(component) -> tuple:
    """What docutils reads of a component to make settings. Sphinx passes a new parser object
    for each document; what docutils reads of it is the same."""
    return (component if isinstance(component, type) else type(component),
            *(getattr(component, name, None) for name in (
                "settings_spec", "settings_defaults", "settings_default_overrides", "config_section",
                "config_section_dependencies")))


def remember_document_settings(app) -> None:
    """``builder-inited``: the documents' settings found once for the build, and again only when
    what they are made of changes: the components, the defaults Sphinx passes (the
    environment's settings), and where docutils looks for its configuration files."""
    found: list[tuple[tuple, dict[str, Any], Any]] = []

    def get_settings(*components, defaults: Mapping[str, Any], read_config_files: bool = False):
        made_of = (tuple(map(settings_made_of, components)), read_config_files, os.getcwd(),
                   os.environ.get("DOCUTILSCONFIG"))
        for kept_made_of, kept_defaults, settings in found:
            if kept_made_of == made_of and kept_defaults == defaults:
                return settings_copy(settings)
        settings = SPHINX_GET_SETTINGS(*components, defaults=defaults, read_config_files=read_config_files)
        found.append((made_of, dict(defaults), settings))
        return settings_copy(settings)

    sphinx.util.docutils._get_settings = get_settings


def forget_document_settings(*args) -> None:
    """``build-finished``: Sphinx's own function again, for whatever is built next in the process."""
    sphinx.util.docutils._get_settings = SPHINX_GET_SETTINGS


class StandardDomain(std.StandardDomain):
    """Sphinx's standard domain, which does not look for the entries of a document being read
    for the first time: there are none."""

    # The document Sphinx is about to read for the first time (set by note_first_reading).
    first_reading: str | None = None

    def __init__(self, env) -> None:
        super().__init__(env)
        # Sphinx's clear_doc creates the glossary terms' entry (through its _terms property),
        # which its merge_domaindata (parallel reading) expects in every process's data:
        # created here instead.
        self.data.setdefault("terms", {})

    def clear_doc(self, docname: str) -> None:
        if docname == self.first_reading:
            self.first_reading = None
            return
        super().clear_doc(docname)


def note_first_reading(app, env, docname: str) -> None:
    """``env-purge-doc``, which Sphinx emits just before it clears a document from the
    environment (and forgets that it was read): whether the document was ever read."""
    domain = env.domains.standard_domain
    if isinstance(domain, StandardDomain):
        domain.first_reading = None if docname in env.all_docs else docname
