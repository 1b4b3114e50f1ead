"""Sphinx extension for the Policy & Politics journal blog."""

from __future__ import annotations

from typing import Any

from sphinx.application import Sphinx
from sphinx.writers.html5 import HTML5Translator

from . import (ablog_compat, checks, collections, collections_directive, content_checks, dated_output, excerpts,
               feeds, incremental, latex, navigation, print_notes, print_tables, safety, search, search_language,
               theme_compat, transforms)
from .domain import PostsDomain

__version__ = "0.1.0"


def setup(app: Sphinx) -> dict[str, Any]:
    app.setup_extension("myst_parser")
    app.setup_extension("ablog")
    ablog_compat.declare_parallel_read_safe(app)
    app.connect("env-merge-info", ablog_compat.merge_ablog_posts)
    # Incremental archives and shared renderings (ablog_compat.py), bounded navigation (navigation.py).
    ablog_compat.take_over_archive_pages(app)
    app.connect("builder-inited", ablog_compat.install_html_cache)
    app.connect("builder-inited", ablog_compat.note_config_change)
    app.connect("doctree-read", excerpts.strip_note_markers_from_ablog_excerpts, priority=540)
    app.connect("doctree-read", ablog_compat.slim_and_fingerprint_posts, priority=550)
    app.connect("env-updated", ablog_compat.register_posts_once_read)
    app.connect("write-started", ablog_compat.open_html_cache)
    app.connect("html-page-context", ablog_compat.add_archive_entries)
    app.connect("html-page-context", ablog_compat.add_shared_sidebars)
    app.connect("build-finished", ablog_compat.save_build_state)
    app.connect("config-inited", navigation.add_templates_path)
    app.connect("env-get-updated", navigation.pages_with_new_chrome)
    app.connect("write-started", navigation.prepare_nav)
    app.connect("html-page-context", navigation.add_nav_to_context)
    # Around the theme's own handler (registered with the theme, after every extension's).
    app.connect("html-page-context", theme_compat.set_aside_never_empty)
    app.connect("html-page-context", theme_compat.put_back_never_empty, priority=501)
    app.connect("html-collect-pages", incremental.drop_emptied_search_terms)
    app.connect("env-get-outdated", incremental.remove_pages_of_removed_docs)
    app.connect("builder-inited", incremental.keep_compiled_templates)
    app.connect("builder-inited", incremental.remove_unpublished_index)
    app.add_config_value("ppblog_categories", [], "env", types=[list])
    app.add_config_value("ppblog_show_drafts", False, "env", types=[bool])
    # The day against which future-dated posts count as drafts; empty means today.
    app.add_config_value("ppblog_build_date", "", "env", types=[str])
    # The date printed on the PDF editions (YYYY-MM-DD), never the day of the build; empty:
    # each edition's newest post's date (dated_output.py).
    app.add_config_value("ppblog_edition_date", "", "", types=[str])
    # Who the footer's copyright names, after the years the posts span (when `copyright` is unset).
    app.add_config_value("ppblog_copyright_holder", "", "html", types=[str])
    app.connect("env-updated", dated_output.warn_of_stale_edition_date)
    app.connect("env-get-updated", dated_output.pages_with_new_copyright)
    app.connect("html-page-context", dated_output.footer_copyright)
    app.add_domain(PostsDomain)
    app.add_transform(transforms.ReadFrontMatter)
    # After content_checks.check_body (500), which reads the body below the front matter.
    app.connect("source-read", transforms.replace_front_matter, priority=600)
    app.add_directive("collection-posts", collections.CollectionPostsDirective)
    app.add_directive("collection-details", collections.CollectionDetailsDirective)
    app.add_post_transform(collections.ResolveCollectionPlaceholders)
    app.add_directive("collections", collections_directive.CollectionsDirective)
    app.connect("env-get-outdated", collections_directive.pages_listing_collections)
    app.connect("config-inited", ablog_compat.reset_blog_state)
    app.connect("config-inited", search.resolve_scorer_path)
    app.add_search_language(search_language.FoldedEnglish)
    app.connect("config-inited", collections.exclude_drafts)
    # After ABlog's own doctree-read handler (priority 500) has taken its excerpt.
    app.connect("doctree-read", transforms.add_post_metadata, priority=600)
    app.connect("env-get-outdated", collections.landing_pages_to_reread)
    app.connect("env-get-updated", collections.pages_to_rewrite)
    app.connect("env-check-consistency", checks.check_site)
    # Bad input and the safety policy (docs/bad-input.md): content_checks.py, safety.py.
    for name in safety.FILE_DIRECTIVES:
        app.add_directive(name, safety.RefusedFileDirective, override=True)
    app.add_directive("csv-table", safety.InlineCSVTable, override=True)
    app.add_directive("raw", safety.InlineRaw, override=True)
    app.connect("env-before-read-docs", content_checks.skip_unreadable_sources)
    app.connect("source-read", content_checks.check_body)
    # Before Sphinx's image and download collectors (500), which copy files into the site,
    # and before toctrees are recorded (500).
    app.connect("doctree-read", safety.check_document, priority=390)
    app.connect("doctree-read", content_checks.check_images, priority=400)
    app.connect("doctree-read", content_checks.check_links, priority=400)
    app.connect("doctree-read", content_checks.drop_unread_from_toctrees, priority=400)
    app.connect("env-check-consistency", content_checks.check_toctrees)
    app.connect("html-collect-pages", feeds.write_feeds, priority=900)
    # Print (see latex.py): one PDF per collection besides the whole book.
    app.add_post_transform(latex.GatherEdition)
    app.add_post_transform(latex.DropWebOnly)
    app.add_post_transform(print_notes.NumberNotesByPost)
    app.add_post_transform(print_tables.AlignTableColumns)
    app.set_translator("latex", latex.EditionTranslator)
    # pydata-sphinx-theme adds its HTML translator mixin (aria-level on toctree captions, table
    # classes) only to translators registered by name once any one is: so name HTML's as well.
    app.set_translator("html", HTML5Translator)
    app.add_latex_package("ppblog", after_hyperref=True)
    app.connect("builder-inited", latex.prepare_latex_build)
    app.connect("env-updated", latex.add_editions)
    return {
        "version": __version__,
        "env_version": PostsDomain.data_version,
        "parallel_read_safe": True,
        "parallel_write_safe": True,
    }
