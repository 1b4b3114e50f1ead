"""The seams to upstream code (pp_blog.compat), against the installed ABlog, themes and Sphinx.

Each test fails when an upgrade changes what a seam relies on: the versions, the templates we
copied, the theme's list of sections, ABlog's handlers; and the patches must not outlive a build.
"""

from __future__ import annotations

import hashlib
import importlib.util
import inspect
import re
import shutil
from multiprocessing.managers import BaseManager
from pathlib import Path
from types import SimpleNamespace
from xml.etree import ElementTree

import ablog.blog
import pydata_sphinx_theme
import pydata_sphinx_theme.toctree as pydata_toctree
import pytest
from bs4 import BeautifulSoup
import sphinx.builders.html
import sphinx.util.docutils
import sphinx_sitemap
from docutils import frontend
from myst_parser.mdit_to_docutils import base as myst_base
from ablog.blog import Blog, Post
from ablog.post import generate_archive_pages
from sphinx.builders.html import _assets
from sphinx.config import Config
from sphinx.errors import ExtensionError
from sphinx.domains import std
from sphinx.environment import CONFIG_OK

from bad_input_catalogue import make_project, warning_lines
from conftest import REPO

from pp_blog import compat
from pp_blog.compat import ablog as ablog_compat
from pp_blog.compat import myst as myst_compat
from pp_blog.compat import sitemap as sitemap_compat
from pp_blog.compat import sphinx as sphinx_compat
from pp_blog.compat import theme as theme_compat
from pp_blog.sphinxext import rebuild

UPSTREAM = re.compile(
    r"\A\{#- upstream: (?P<dist>[\w.-]+) (?P<version>\S+) (?P<path>\S+) sha256:(?P<sha>[0-9a-f]{64}) -#\}\n"
)
TEMPLATES = sorted(path for path in compat.TEMPLATES.rglob("*.html"))


def test_the_installed_versions_are_the_ones_the_seams_were_written_for():
    assert compat.version_mismatch(compat.installed_versions()) is None


@pytest.mark.sphinx("html", testroot="compat", freshenv=True)
def test_other_installed_versions_give_one_warning_naming_them(app_params, make_app, monkeypatch):
    installed = {**compat.WRITTEN_FOR, "ablog": "0.12.0", "pydata-sphinx-theme": None}
    monkeypatch.setattr(compat, "installed_versions", lambda: installed)
    args, kwargs = app_params
    app = make_app(*args, **kwargs)
    lines = [line for line in app.warning.getvalue().splitlines() if "[ppblog.compat]" in line]
    assert len(lines) == 1
    assert "ablog 0.12.0 (written for 0.11.13)" in lines[0]
    assert "pydata-sphinx-theme not installed (written for 0.20.0)" in lines[0]


@pytest.mark.parametrize("template", TEMPLATES, ids=lambda path: path.relative_to(compat.TEMPLATES).as_posix())
def test_each_copied_template_names_its_origin_and_matches_the_installed_file(template):
    match = UPSTREAM.match(template.read_text(encoding="utf-8"))
    assert match, f"{template} does not start with its upstream line"
    top = match["path"].split("/")[0]
    installed = Path(importlib.util.find_spec(top).origin).parent.parent / match["path"]
    assert installed.is_file(), f"{match['path']} is not in the installed {match['dist']}"
    assert hashlib.sha256(installed.read_bytes()).hexdigest() == match["sha"], (
        f"{match['path']} changed upstream since {match['dist']} {match['version']}: compare it with "
        f"{template.name}, carry the change over, then update the upstream line"
    )


def test_the_sections_we_set_aside_are_the_ones_the_theme_checks():
    source = inspect.getsource(pydata_sphinx_theme.update_and_remove_templates)
    listed = source[source.index("template_sections = [") : source.index("]", source.index("template_sections = ["))]
    assert set(re.findall(r'"(\w+)"', listed)) == set(theme_compat.SECTIONS)


@pytest.mark.sphinx("html", testroot="compat", freshenv=True)
def test_components_that_always_show_skip_the_themes_trial_rendering(app, monkeypatch):
    rendered: list[str] = []
    original = app.builder.templates.render
    monkeypatch.setattr(app.builder.templates, "render",
                        lambda template, context: rendered.append(template) or original(template, context))
    app.build()
    assert not set(rendered) & theme_compat.ALWAYS_SHOWN
    page = (app.outdir / "posts/series/alpha.html").read_text(encoding="utf-8")
    assert 'class="bd-links bd-docs-nav"' in page  # ppblog/sidebar-nav.html
    assert "search-button__default-text" in page  # search-button-field.html


@pytest.mark.sphinx("html", testroot="compat", freshenv=True)
def test_a_page_shows_its_contents_only_when_it_has_sections(app):
    """The theme's parse of a title-only table of contents is skipped (compat.theme.leave_out_title_only_toc)."""
    app.build()
    with_section = BeautifulSoup((app.outdir / "posts/series/alpha.html").read_text(encoding="utf-8"), "html.parser")
    assert [a.get_text(strip=True) for a in with_section.select("nav#pst-page-toc-nav a")] == ["What the evidence says"]
    assert [a.get_text(strip=True) for a in with_section.select("#jb-print-toc a")] == ["What the evidence says"]
    title_only = BeautifulSoup((app.outdir / "posts/series/beta.html").read_text(encoding="utf-8"), "html.parser")
    assert title_only.select("nav#pst-page-toc-nav, #jb-print-toc nav, .bd-sidebar-secondary .page-toc") == []


@pytest.mark.sphinx("html", testroot="compat", freshenv=True)
def test_ablogs_page_generator_is_replaced_by_ours(app):
    handlers = [listener.handler for listener in app.events.listeners["html-collect-pages"]]
    assert generate_archive_pages not in handlers
    assert rebuild.archive_pages_that_changed in handlers
    app.build()
    assert (app.outdir / "blog/tag/co-creation.html").is_file()


@pytest.mark.sphinx("html", testroot="compat", freshenv=True)
def test_patches_last_for_the_build_only(app):
    app.build()
    assert Post.to_html is ablog_compat._ORIGINALS["to_html"]
    assert ablog.blog.new_document is ablog_compat._ORIGINALS["new_document"]
    assert Blog._dict == {}
    # Sphinx's default list, shared by every configuration in the process, is as it was.
    assert Config.config_values["templates_path"].default == []
    assert sphinx.builders.html._file_checksum is _assets._file_checksum
    assert sphinx.util.docutils._get_settings is sphinx_compat.SPHINX_GET_SETTINGS
    assert myst_base.get_default_settings is frontend.get_default_settings


@pytest.mark.sphinx("html", testroot="compat", freshenv=True)
def test_each_asset_checksum_is_looked_up_once_per_build_and_written_as_sphinx_writes_it(app, monkeypatch):
    looked_up = []
    monkeypatch.setattr(_assets, "_file_checksum", lambda outdir, name: looked_up.append(name) or "c0ffee")
    app.build()
    assert looked_up and len(looked_up) == len(set(looked_up))
    assert '_static/pygments.css?v=c0ffee"' in (app.outdir / "index.html").read_text(encoding="utf-8")


def settings_values(settings) -> dict:
    return {name: value for name, value in vars(settings).items() if name not in ("record_dependencies", "_source")}


@pytest.mark.sphinx("html", testroot="compat", freshenv=True)
def test_each_document_gets_its_own_copy_of_settings_made_once_per_build(app, monkeypatch):
    """Sphinx (for each document) and MyST (for a spare document per page) built docutils
    settings by declaring every option to a new command-line parser: once per build now, and
    every document still gets settings equal to Sphinx's, in an object of its own."""
    parsers, asked, documents = [], [], {}
    original_parser = frontend.OptionParser.__init__
    monkeypatch.setattr(frontend.OptionParser, "__init__",
                        lambda self, *a, **k: parsers.append(1) or original_parser(self, *a, **k))
    sphinx_own = sphinx_compat.SPHINX_GET_SETTINGS
    monkeypatch.setattr(sphinx_compat, "SPHINX_GET_SETTINGS",
                        lambda *components, **kwargs: asked.append((components, kwargs)) or sphinx_own(*components, **kwargs))
    app.connect("doctree-read", lambda app, doctree: documents.setdefault(app.env.docname, doctree.settings))
    app.build()
    # Sphinx's and MyST's settings made once each, and the HTML writer's (two per document before).
    assert len(documents) == 4 and len(parsers) == 3, parsers
    [(components, kwargs)] = asked
    expected = settings_values(sphinx_own(*components, **kwargs))
    settings = list(documents.values())
    # As Sphinx's own function makes them (MyST then adds its own values to a document's).
    assert [{name: value for name, value in expected.items() if getattr(each, name) != value}
            for each in settings] == [{}] * len(settings)
    assert len({id(each) for each in settings}) == len(settings)
    assert len({id(each.record_dependencies) for each in settings}) == len(settings)


def test_a_settings_copy_equals_what_it_copies_and_shares_no_dependency_list():
    from docutils.parsers.rst import Parser

    made = frontend.get_default_settings(Parser)
    copy = myst_compat.settings_copy(made)
    assert copy is not made and settings_values(copy) == settings_values(made)
    copy.record_dependencies.add("a.md")
    assert made.record_dependencies.list == []
    copy.report_level = 1
    assert made.report_level != 1


def test_a_second_book_built_in_the_same_process_resolves_against_its_own_pages(make_app, tmp_path):
    """Excerpts rendered for ABlog's pages resolved their links against the first book's
    environment, which docutils settings shared between renderings had kept."""
    shutil.copytree(REPO / "tests" / "roots" / "test-compat", tmp_path / "first")
    first = make_app("html", srcdir=tmp_path / "first", freshenv=True)
    first.build()
    first.cleanup()  # as a finished build leaves the process: docutils' registries restored
    second = make_app("html", srcdir=make_project(tmp_path / "second"), freshenv=True,
                      confoverrides={"nitpicky": True})
    second.build()
    assert warning_lines(second.warning.getvalue()) == []


@pytest.mark.parametrize("builder", ["html", "latex"])
def test_the_next_build_finds_the_configuration_unchanged(make_app, tmp_path, builder):
    """The themes (at builder-inited), the HTML builder (asset priorities) and the editions
    (latex_documents) changed the configuration after Sphinx had compared it, so the environment
    saved changed values and every later build said "The configuration has changed"."""
    project = make_project(tmp_path / "book")
    first = make_app(builder, srcdir=project, freshenv=True)
    first.build()
    first.cleanup()
    second = make_app(builder, srcdir=project)
    assert "configuration has changed" not in second._status.getvalue()
    assert second.env.config_status == CONFIG_OK


def test_the_sitemap_lists_every_page_without_a_manager_process(make_app, tmp_path, monkeypatch):
    """sphinx-sitemap started a manager process in every build and sent it each page written;
    the book hands it every published page at the end instead (compat/sitemap.py)."""
    started = []
    monkeypatch.setattr(BaseManager, "start", lambda manager, *args, **kwargs: started.append(manager))
    app = make_app("html", srcdir=make_project(tmp_path / "book"), freshenv=True)
    handlers = {listener.handler for listeners in app.events.listeners.values() for listener in listeners}
    assert not handlers & {sphinx_sitemap.record_builder_type, sphinx_sitemap.add_html_link}
    app.build()
    assert started == []
    namespace = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    listed = {loc.text for loc in ElementTree.parse(app.outdir / "sitemap.xml").findall("s:url/s:loc", namespace)}
    pages = {path.relative_to(app.outdir).as_posix() for path in Path(app.outdir).rglob("*.html")
             if "_static" not in path.parts}
    assert listed == {app.config.html_baseurl + page for page in pages - {"search.html"}}


def test_a_sphinx_sitemap_that_registers_otherwise_stops_the_build():
    """A later sphinx-sitemap that collects pages another way would list only the pages written."""
    app = SimpleNamespace(events=SimpleNamespace(listeners={"builder-inited": [], "html-page-context": []}))
    config = SimpleNamespace(extensions=["sphinx_sitemap", "pp_blog"])
    with pytest.raises(ExtensionError, match="review pp_blog/compat/sitemap.py"):
        sitemap_compat.take_over_page_links(app, config)


def test_a_post_read_again_or_removed_leaves_no_label_behind(make_app, tmp_path, monkeypatch):
    """The standard domain skips its walk of every label for a document read for the first time
    (compat.sphinx.StandardDomain), and still clears one read before: ABlog's label of a removed
    post goes with it, a post read again keeps one."""
    shutil.copytree(REPO / "tests" / "roots" / "test-compat", tmp_path / "book")
    walks: list[str] = []
    walk = std.StandardDomain.clear_doc
    monkeypatch.setattr(std.StandardDomain, "clear_doc", lambda self, docname: walks.append(docname) or walk(self, docname))
    first = make_app("html", srcdir=tmp_path / "book", freshenv=True)
    first.build()
    assert isinstance(first.env.domains.standard_domain, sphinx_compat.StandardDomain)
    assert walks == []
    # What Sphinx's merge of a parallel reader's data expects, though no clear_doc created it.
    fresh = sphinx_compat.StandardDomain(first.env)
    fresh.merge_domaindata(set(), {**first.env.domaindata["std"]})
    labels = first.env.domains.standard_domain.labels
    assert labels["alpha"][0] == "posts/series/alpha" and labels["beta"][0] == "posts/series/beta"
    first.cleanup()

    (tmp_path / "book" / "posts" / "series" / "beta.md").unlink()
    alpha = tmp_path / "book" / "posts" / "series" / "alpha.md"
    alpha.write_text(alpha.read_text(encoding="utf-8") + "\nOne more sentence.\n", encoding="utf-8")
    second = make_app("html", srcdir=tmp_path / "book")
    second.build()
    assert {"posts/series/beta", "posts/series/alpha"} <= set(walks)
    labels = second.env.domains.standard_domain.labels
    assert "beta" not in labels and labels["alpha"][0] == "posts/series/alpha"


@pytest.mark.sphinx("html", testroot="compat", freshenv=True)
def test_the_themes_sidebar_toctree_check_walks_no_toctree_when_it_could_change_nothing(app, monkeypatch):
    """pydata-sphinx-theme's suppress_sidebar_toctree() mapped every toctree entry to its parent
    for each page; this sidebar has none of the components it would remove."""
    walked = []
    ancestor = pydata_toctree._get_ancestor_pagename
    monkeypatch.setattr(pydata_toctree, "_get_ancestor_pagename",
                        lambda **kwargs: walked.append(kwargs["pagename"]) or ancestor(**kwargs))
    app.build()
    assert walked == []
    assert 'class="bd-links bd-docs-nav"' in (app.outdir / "posts/series/alpha.html").read_text(encoding="utf-8")


@pytest.mark.parametrize("sidebars", [["sidebar-nav-bs.html"], ["navbar-logo.html", "sidebar-collapse.html"], None])
def test_the_themes_check_stays_where_it_decides_something(sidebars):
    def themes_check(**kwargs):
        return True

    context = {"suppress_sidebar_toctree": themes_check, "sidebars": sidebars}
    theme_compat.skip_unused_sidebar_toctree_check(None, "page", "page.html", context, None)
    assert context["suppress_sidebar_toctree"] is themes_check


# Elements that start a line of their own: white space beside them shows as nothing.
BLOCKS = ["address", "article", "aside", "blockquote", "body", "details", "dialog", "div", "dl", "dd", "dt",
          "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "head",
          "header", "hr", "html", "li", "main", "nav", "ol", "p", "section", "summary", "table", "td", "th",
          "title", "tr", "ul"]


def page_structure(html: str) -> tuple:
    """What a reader and a browser get from a page, whatever the whitespace between tags: its
    text (runs of white space as one; a block element's edges as white space), its elements with
    their attributes, and its scripts, styles and preformatted text as written."""
    soup = BeautifulSoup(html, "html.parser")
    for block in soup.find_all(BLOCKS):
        block.insert(0, " ")
        block.append(" ")
    text = re.sub(r"\s+", " ", soup.get_text()).strip()
    elements = [(tag.name, sorted((name, str(value)) for name, value in tag.attrs.items())) for tag in soup.find_all(True)]
    kept = [re.sub(r"\s+", "", tag.get_text()) for tag in soup.find_all(["script", "style"])]
    preformatted = [tag.get_text() for tag in soup.find_all(["pre", "textarea"])]
    return text, elements, kept, preformatted


def spare_white_space(html: str) -> int:
    """White space a browser shows as one character, outside scripts, styles and preformatted text."""
    outside = re.sub(r"<(script|style|pre|textarea)\b.*?</\1>", "", html, flags=re.S)
    return sum(len(run) - 1 for run in re.findall(r"[ \t\n]{2,}", outside))


def test_template_whitespace_left_out_changes_no_page_but_its_size(make_app, tmp_path, monkeypatch):
    """compat.sphinx.keep_compiled_templates drops the lines and indentation around template
    tags, and the comments and indentation of the markup; every page of a book with posts,
    archives and the front page keeps its text, elements and scripts."""
    trimmed_book, untrimmed_book = tmp_path / "trimmed", tmp_path / "untrimmed"
    for book in (trimmed_book, untrimmed_book):
        shutil.copytree(REPO / "tests" / "roots" / "test-compat", book)
    trimmed = make_app("html", srcdir=trimmed_book, freshenv=True)
    trimmed.build()
    trimmed.cleanup()
    keep = sphinx_compat.keep_compiled_templates

    def untrimmed_templates(app):
        keep(app)
        environment = app.builder.templates.environment
        environment.trim_blocks = environment.lstrip_blocks = False
        environment.extensions = {name: extension for name, extension in environment.extensions.items()
                                  if not isinstance(extension, sphinx_compat.CompactMarkup)}
        environment.bytecode_cache = None

    monkeypatch.setattr(sphinx_compat, "keep_compiled_templates", untrimmed_templates)
    untrimmed = make_app("html", srcdir=untrimmed_book, freshenv=True)
    untrimmed.build()
    def pages_of(app) -> list[Path]:
        outdir = Path(app.outdir)
        return sorted(path.relative_to(outdir) for path in outdir.rglob("*.html") if "_static" not in path.parts)

    pages = pages_of(untrimmed)
    assert len(pages) > 10 and pages_of(trimmed) == pages
    smaller = 0
    for page in pages:
        before = (Path(untrimmed.outdir) / page).read_text(encoding="utf-8")
        after = (Path(trimmed.outdir) / page).read_text(encoding="utf-8")
        assert page_structure(after) == page_structure(before), page
        smaller += len(after) < len(before)
        # What was left out is white space and the themes' comments, but in scripts and styles.
        assert "<!--" not in after and "<!--" in before, page
        assert spare_white_space(after) * 10 < spare_white_space(before), page
    assert smaller == len(pages)


@pytest.mark.sphinx("html", testroot="compat", freshenv=True)
def test_every_page_has_one_viewport_tag(app):
    """Sphinx's layout has one, and docutils' HTML5 writer adds another to the page's tags."""
    from docutils.utils import new_document
    from docutils.writers.html5_polyglot import HTMLTranslator, Writer

    document = new_document("<test>", frontend.get_default_settings(Writer))
    assert sphinx_compat.DOCUTILS_VIEWPORT in HTMLTranslator(document).meta
    app.build()
    for page in ("index.html", "posts/series/alpha.html", "blog/archive.html"):
        soup = BeautifulSoup((app.outdir / page).read_text(encoding="utf-8"), "html.parser")
        assert len(soup.find_all("meta", attrs={"name": "viewport"})) == 1, page


@pytest.mark.sphinx("html", testroot="compat", freshenv=True)
def test_no_translator_looks_for_the_stylesheets_docutils_would_link(app, monkeypatch):
    """docutils' translator looks its default stylesheets up on disk, as Sphinx's own translator
    shows with the settings Sphinx gives it; ours, for every page and every part of one, does not,
    and the pages' stylesheets are still the theme's."""
    import docutils.utils
    from sphinx.writers.html5 import HTML5Translator

    looked_for = []
    original = docutils.utils.find_file_in_dirs
    monkeypatch.setattr(docutils.utils, "find_file_in_dirs", lambda *args: looked_for.append(args) or original(*args))
    app.build()
    assert looked_for == []
    translators = app.registry.get_translator_class(app.builder)
    assert issubclass(translators, sphinx_compat.HTMLTranslator)
    document = sphinx.util.docutils.new_document("<partial node>", frontend.get_default_settings(
        sphinx.builders.html.HTMLWriter))
    HTML5Translator(document, app.builder)
    docutils_sheets = {Path(path).name for path, _ in looked_for}
    assert docutils_sheets and all(name.endswith(".css") for name in docutils_sheets)
    links = BeautifulSoup((app.outdir / "posts/series/alpha.html").read_text(encoding="utf-8"),
                          "html.parser").find_all("link", rel="stylesheet")
    assert any("pydata-sphinx-theme.css" in link["href"] for link in links)
    assert not any(Path(link["href"].partition("?")[0]).name in docutils_sheets for link in links)


@pytest.mark.sphinx("html", testroot="compat", freshenv=True)
def test_debug_messages_are_dropped_unless_a_handler_shows_them(make_app, tmp_path):
    """Sphinx's logger drops what none of its handlers shows, and with -vv still shows it all."""
    import logging

    from sphinx.util.logging import NAMESPACE

    for verbosity, shown in ((0, False), (2, True)):
        source = tmp_path / f"v{verbosity}"
        shutil.copytree(REPO / "tests/roots/test-compat", source)
        app = make_app("html", srcdir=source, verbosity=verbosity, freshenv=True)
        app.build()
        assert logging.getLogger(NAMESPACE).isEnabledFor(logging.DEBUG) is shown
        assert ("[app] emitting event: 'html-page-context'" in app.status.getvalue()) is shown
        assert "build succeeded" in app.status.getvalue()


@pytest.mark.sphinx("html", testroot="compat", freshenv=True)
def test_markup_no_width_or_option_shows_is_left_out(app):
    """The header's second search field (shown by the book theme at no width) and the empty,
    hidden banner "revealer" when no banner can fill it."""
    app.build()
    for page in ("index.html", "posts/series/alpha.html", "blog/archive.html"):
        soup = BeautifulSoup((app.outdir / page).read_text(encoding="utf-8"), "html.parser")
        assert len(soup.select("#pst-header .search-button-field")) == 1, page
        assert soup.select(".navbar-persistent--mobile") == [], page
        assert soup.select(".pst-async-banner-revealer, #bd-header-version-warning") == [], page


@pytest.mark.parametrize("options, revealer", [
    ({"show_version_warning_banner": True}, ["#bd-header-version-warning"]),
    ({"announcement": "https://example.org/announcement.html"}, ["#bd-header-version-warning", "[data-pst-announcement-url]"]),
    ({"announcement": "A local announcement"}, []),
])
def test_banners_keep_their_markup_where_the_theme_fills_it(make_app, tmp_path, options, revealer):
    book = tmp_path / "book"
    shutil.copytree(REPO / "tests" / "roots" / "test-compat", book)
    app = make_app("html", srcdir=book, freshenv=True,
                   confoverrides={"html_theme_options": options})
    app.build()
    soup = BeautifulSoup((app.outdir / "index.html").read_text(encoding="utf-8"), "html.parser")
    for selector in revealer:
        assert soup.select(f".pst-async-banner-revealer {selector}"), selector
    assert bool(soup.select(".pst-async-banner-revealer")) == bool(revealer)
    if "announcement" in options and not revealer:
        assert soup.select_one(".bd-header-announcement__content").get_text() == options["announcement"]
