"""The Sphinx extension: ``setup()`` registers, the modules beside it do the work.

ARCHITECTURE.md has the table of events, handlers and priorities.
"""

from __future__ import annotations

from typing import Any

from sphinx.application import Sphinx

from .. import __version__, compat
from ..compat import ablog as ablog_compat
from ..compat import sphinx as sphinx_compat
from ..compat import escaping, search_language
from ..compat import myst as myst_compat
from ..compat import sitemap as sitemap_compat
from ..compat import theme as theme_compat
from . import (checks, collection_pages, collections_directive, config, content_checks, dated_output, discovery,
               excerpts, feeds, garbage, head_and_links, html_time, latex, left_out, navigation, page_addresses, print_notes,
               print_tables, published, reading, rebuild, safety, tree)
from .domain import PostsDomain

def add_templates_path(app: Sphinx, config) -> None:
    """``config-inited``: our templates (all of them stand in for upstream ones, so they live in
    compat/templates), after the project's; a new list, since a project that sets none shares
    Sphinx's default one."""
    config.templates_path = [*config.templates_path, str(compat.TEMPLATES)]


def setup(app: Sphinx) -> dict[str, Any]:
    app.setup_extension("myst_parser")
    app.setup_extension("ablog")
    app.setup_extension("sphinxext.opengraph")  # social cards (discovery.py)
    config.register(app)
    app.add_domain(PostsDomain)

    # Configuration: validated first; the seams check the versions they were written for.
    app.connect("config-inited", config.validate, priority=100)
    app.connect("config-inited", sphinx_compat.own_templates_path, priority=100)
    app.connect("config-inited", compat.check_versions)
    app.connect("config-inited", add_templates_path)
    app.connect("config-inited", ablog_compat.reset_blog_state)
    app.connect("config-inited", sphinx_compat.resolve_scorer_path)
    # What the themes and the HTML builder would change after Sphinx compared the configuration
    # with the saved one, set before it: after Sphinx's own converters (800).
    app.connect("config-inited", sphinx_compat.settle_asset_priorities, priority=900)
    app.connect("config-inited", theme_compat.settle_theme_configuration, priority=900)
    app.connect("builder-inited", theme_compat.drop_repeated_template_folders, priority=900)
    # Accents folded in the index and the query alike (search_language.py; html_search_language).
    app.add_search_language(search_language.FoldedEnglish)
    app.connect("config-inited", rebuild.load_state_and_exclude_drafts)
    app.connect("config-inited", left_out.record_left_out, priority=600)
    # Files under posts/ that must not be read, or would be lost unseen (tree.py).
    app.connect("config-inited", tree.exclude_hidden_files)
    app.connect("config-inited", tree.check_tree)
    app.connect("builder-inited", tree.report_tree)

    # ABlog (compat/ablog.py): parallel reading, small post records, archive pages and
    # renderings only when changed, patches for the length of a build.
    ablog_compat.declare_parallel_read_safe(app)
    app.connect("env-merge-info", ablog_compat.merge_ablog_posts)
    ablog_compat.take_over_archive_pages(app, rebuild.archive_pages_that_changed)
    app.connect("builder-inited", ablog_compat.install_patches)
    app.connect("builder-inited", rebuild.note_config_change)
    # Excerpts without footnote markers: after ABlog took them (500), before they are fingerprinted.
    app.connect("doctree-read", excerpts.strip_note_markers_from_ablog_excerpts, priority=540)
    app.connect("doctree-read", ablog_compat.slim_and_fingerprint_posts, priority=550)
    app.connect("env-updated", ablog_compat.register_posts_once_read)
    app.connect("write-started", rebuild.open_html_cache)
    app.connect("html-page-context", ablog_compat.add_archive_entries)
    # The collector paused while Sphinx loads the saved environment, which is then set aside
    # from its walks until the build ends (garbage.py).
    app.connect("config-inited", garbage.pause_for_environment, priority=1000)
    app.connect("builder-inited", garbage.resume_and_set_aside_environment, priority=0)
    app.connect("write-started", garbage.set_aside_what_was_read, priority=0)
    app.connect("build-finished", garbage.give_back, priority=950)
    garbage.set_aside_at_exit()
    # Last, once every handler has recorded what the next build compares with.
    app.connect("build-finished", rebuild.save_state, priority=900)
    app.connect("build-finished", ablog_compat.restore_patches)
    app.connect("build-finished", ablog_compat.reset_blog_state)

    # The left navigation, bounded per page (navigation.py), and what each rebuild rewrites.
    app.connect("env-get-updated", rebuild.pages_to_write)
    app.connect("doctree-read", rebuild.note_postlists)
    app.connect("write-started", navigation.prepare_nav)
    app.connect("html-page-context", navigation.add_nav_to_context)
    # Around the theme's own handler (registered with the theme, after every extension's).
    app.connect("html-page-context", theme_compat.set_aside_never_empty)
    app.connect("html-page-context", theme_compat.leave_out_title_only_toc, priority=450)
    app.connect("html-page-context", theme_compat.put_back_never_empty, priority=501)
    app.connect("html-page-context", theme_compat.skip_unused_sidebar_toctree_check, priority=501)
    app.connect("html-collect-pages", sphinx_compat.drop_emptied_search_terms)
    app.connect("html-page-context", sphinx_compat.drop_repeated_viewport)
    app.connect("env-get-outdated", rebuild.reread_landing_pages)
    app.connect("builder-inited", sphinx_compat.keep_compiled_templates)
    app.connect("builder-inited", sphinx_compat.skip_unshown_messages)
    app.connect("builder-inited", sphinx_compat.remember_asset_checksums)
    app.connect("build-finished", sphinx_compat.forget_asset_checksums)
    # Each document's docutils settings found once per build (compat/sphinx.py, compat/myst.py).
    app.connect("builder-inited", sphinx_compat.remember_document_settings)
    app.connect("build-finished", sphinx_compat.forget_document_settings)
    app.connect("builder-inited", myst_compat.remember_default_settings)
    app.connect("build-finished", myst_compat.forget_default_settings)
    app.connect("builder-inited", published.remove_unpublished_index)
    # Front-matter strings escaped in every template (compat/escaping.py); after the theme (500, 501).
    app.connect("builder-inited", escaping.autoescape_blog_templates)
    app.connect("html-page-context", escaping.escape_plain_text_context, priority=900)

    # Posts and collections: front matter, metadata in the text, collection pages.
    app.add_transform(reading.ReadFrontMatter)
    # After content_checks.check_body (500), which reads the body below the front matter.
    app.connect("source-read", reading.replace_front_matter, priority=600)
    app.add_node(html_time.post_date, html=(html_time.visit_post_date, html_time.depart_post_date))
    app.add_directive("collection-posts", collection_pages.CollectionPostsDirective)
    app.add_directive("collection-details", collection_pages.CollectionDetailsDirective)
    app.add_post_transform(collection_pages.ResolveCollectionPlaceholders)
    # The book's list of collections, from their landing pages (collections_directive.py).
    app.add_directive("collections", collections_directive.CollectionsDirective)
    app.connect("env-get-outdated", collections_directive.pages_listing_collections)
    # After ABlog's own doctree-read handler (priority 500) has taken its excerpt.
    app.connect("doctree-read", reading.add_post_metadata, priority=600)
    app.connect("env-check-consistency", checks.check_site)

    # Bad input and the safety policy (docs/bad-input.md): content_checks.py, safety.py.
    for name in safety.FILE_DIRECTIVES:
        app.add_directive(name, safety.RefusedFileDirective, override=True)
    app.add_directive("csv-table", safety.InlineCSVTable, override=True)
    app.add_directive("raw", safety.InlineRaw, override=True)
    app.add_directive("meta", head_and_links.CheckedMeta, override=True)
    app.connect("env-before-read-docs", content_checks.skip_unreadable_sources)
    app.connect("env-before-read-docs", reading.read_posts_first)
    app.add_domain(sphinx_compat.StandardDomain, override=True)
    app.connect("env-purge-doc", sphinx_compat.note_first_reading)
    app.connect("source-read", content_checks.check_body)
    # Before Sphinx's image and download collectors (500), which copy files into the site,
    # and before toctrees are recorded (500).
    app.connect("doctree-read", safety.check_document, priority=390)
    app.connect("doctree-read", head_and_links.check_links_and_head, priority=390)
    app.connect("doctree-read", content_checks.check_images, priority=400)
    app.connect("doctree-read", content_checks.check_links, priority=400)
    app.connect("doctree-read", content_checks.drop_unread_from_toctrees, priority=400)
    app.connect("env-check-consistency", content_checks.check_toctrees)
    app.connect("html-collect-pages", feeds.write_feeds, priority=900)
    # The published site equals a clean build (published.py); old tag and author addresses
    # redirect (page_addresses.py); drafts left out are listed for ppblog build (left_out.py).
    app.connect("build-finished", published.remove_unreferenced_files)
    app.connect("build-finished", page_addresses.write_redirects)
    app.connect("build-finished", left_out.save_left_out)

    # Citing and discovery (discovery.py, model/citation.py, model/authors.py): the site's
    # address, author records, head tags, "Cite this post", downloads, sitemap.
    # Filled from authors.yaml, so that a changed registry counts as a changed configuration.
    app.add_config_value("ppblog_author_records", {}, "env", types=[dict])
    app.connect("config-inited", discovery.derive_site_settings, priority=400)
    app.connect("doctree-read", discovery.add_citation_placeholder, priority=610)
    app.add_post_transform(discovery.CiteThisPost)
    # Around sphinxext-opengraph's handler (500): what it reads before it, the rest after.
    app.connect("html-page-context", discovery.add_head_tags, priority=400)
    app.connect("html-page-context", discovery.add_citation_tags, priority=600)
    app.connect("env-get-outdated", discovery.remove_downloads_of_removed_docs)
    app.add_js_file("pp-cite.js", loading_method="defer")
    # The sitemap lists every published page, given to sphinx-sitemap before it writes it (500).
    app.connect("config-inited", sitemap_compat.take_over_page_links)
    app.connect("build-finished", discovery.complete_sitemap, priority=400)
    app.connect("build-finished", discovery.write_robots)

    # Print (latex.py): one PDF per collection besides the whole book.
    app.add_post_transform(latex.GatherEdition)
    app.add_post_transform(latex.DropWebOnly)
    app.add_post_transform(print_notes.NumberNotesByPost)
    app.add_post_transform(print_tables.AlignTableColumns)
    app.set_translator("latex", latex.EditionTranslator)
    app.set_translator("html", sphinx_compat.HTML_TRANSLATOR)
    app.add_latex_package("ppblog", after_hyperref=True)
    app.connect("builder-inited", latex.prepare_latex_build)
    app.connect("write-started", latex.add_editions)
    # Dates that follow the posts: edition dates, the footer's copyright years (dated_output.py).
    app.connect("env-updated", dated_output.warn_of_stale_edition_date)
    app.connect("build-finished", dated_output.set_pdf_clocks)
    app.connect("html-page-context", dated_output.footer_copyright)
    return {
        "version": __version__,
        "env_version": PostsDomain.data_version,
        "parallel_read_safe": True,
        "parallel_write_safe": True,
    }
