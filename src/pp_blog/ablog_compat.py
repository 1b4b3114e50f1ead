"""The small, isolated fixes that ABlog needs to run inside this project.

- ABlog keeps its catalogues in a class attribute (``Blog._dict``) that outlives a build:
  a second Sphinx application in the same process (tests, live preview) would see the
  first one's posts and configuration. Each new application starts from an empty blog.
- ABlog declares itself unsafe for parallel reading, only because the posts it collects
  in ``env.ablog_posts`` are not merged back from the reading processes. Merging them
  (``merge_ablog_posts``) is all it takes: the labels it adds live in the standard
  domain, which merges itself, and the catalogues are rebuilt from ``env.ablog_posts``
  in the main process before anything is written (``register_posts_once_read``).
- ABlog's record of a post holds copies of docutils nodes that kept the whole original
  doctree alive in the environment (``slim_and_fingerprint_posts``).
- ABlog writes every archive page (all posts, years, tags, authors, categories) on every
  build and renders each excerpt again for every page that lists it: only the pages whose
  content changed are given to Sphinx (``archive_pages_that_changed``), and a post's
  rendering is shared by the pages that can share it and kept between builds
  (``PostHTMLCache``), and its whole entry by the pages that list it
  (``add_archive_entries``). ABlog still provides those pages, their templates and their data.
"""

from __future__ import annotations

import functools
import json
import pickle
import posixpath
from collections import Counter
from pathlib import Path
from typing import Any, Iterator

import ablog
from ablog.blog import TOMORROW, Blog, Catalog, Collection, Post
from ablog.post import generate_archive_pages, generate_atom_feeds, register_posts
from docutils import frontend, nodes
from docutils.utils import new_document
from sphinx import addnodes
from sphinx.environment import CONFIG_OK

from .navigation import digest
from .rendering import shared_renderings


def reset_blog_state(app, config) -> None:
    Blog._dict.clear()


def declare_parallel_read_safe(app) -> None:
    app.extensions["ablog"].parallel_read_safe = True


def merge_ablog_posts(app, env, docnames, other) -> None:
    """``env-merge-info``: bring back the posts a reading process collected."""
    posts = getattr(env, "ablog_posts", None)
    if posts is None:
        posts = env.ablog_posts = {}
    for docname, infos in getattr(other, "ablog_posts", {}).items():
        if docname in docnames:
            posts[docname] = infos


# --- Incremental archives -------------------------------------------------------------------
#
# ABlog yields every archive page (all posts, each year, tag, author and category) on every
# build, and renders each post's excerpt again for every page that lists it (a Sphinx
# post-transform pass and an HTML translator per excerpt). The functions below keep ABlog as the
# writer of those pages, but give Sphinx only the pages whose content changed, and render each
# excerpt once for all the pages that can share it.

ARCHIVE_STATE = "ppblog-archive-pages.json"
HTML_CACHE = "ppblog-post-html.pickle"
# Docutils nodes whose HTML depends on the page it is written into (links, images, raw output).
LOCATION_BOUND = (nodes.reference, nodes.image, nodes.raw, nodes.target, addnodes.pending_xref)


def slim_and_fingerprint_posts(app, doctree) -> None:
    """``doctree-read`` after ABlog's (500): make ABlog's record of each post small, and
    fingerprint what the archive pages show of it.

    ABlog keeps, in ``env.ablog_posts``, copies of a post's excerpt and of its whole text; a
    docutils copy still points to the original document, so the environment kept every post's
    complete doctree alive (and pickled it, and sent it between ``-j`` processes). The copies
    are detached from it. The full text is only read by ABlog's feeds; when our own feeds
    replace them (see :func:`take_over_archive_pages`) it is not kept at all.

    The fingerprints are stored in the post's record, so they are pickled and merged with it:
    ``ppblog_summary`` covers what a listing shows (title, dates, labels, excerpt),
    ``ppblog_text`` what a full-text rendering shows.
    """
    for info in getattr(app.env, "ablog_posts", {}).get(app.env.docname, []):
        labels = [info[key] for key in ("tags", "author", "category", "location", "language")]
        shown = (info["title"], info["date"], info["update"], info["section"], info["order"], labels,
                 info["external_link"], info["canonical_link"], info["redirect"], info["image"])
        info["ppblog_summary"] = digest((shown, [str(node) for node in info["excerpt"]]))
        info["ppblog_text"] = digest((shown, str(info["doctree"])))
        if not app.config.blog_feed_archives:
            info["doctree"] = nodes.section()
        for copy in (info["doctree"], *info["excerpt"]):
            for node in copy.findall(nodes.Node):
                node.__dict__.pop("_document", None)


def location_free(node_list) -> bool:
    """True if these nodes render to the same HTML in every page (no links, images, raw HTML)."""
    for node in node_list:
        for inner in node.findall(nodes.Element):
            if isinstance(inner, LOCATION_BOUND) or not type(inner).__module__.startswith("docutils"):
                return False
    return True


class PostHTMLCache:
    """The HTML ABlog renders for a post (``Post.to_html``), kept from one build to the next.

    A rendering is keyed by the post's fingerprint, the page's folder (links are relative to it;
    none when the excerpt has no location-bound node), the rendering options, and what every
    rendering depends on: the HTML configuration and the titles of all documents (an
    unexplicit cross-reference shows its target's title).
    """

    def __init__(self, path: Path, context: str):
        self.path = path
        self.context = context
        self.previous: dict = {}
        if path.exists():
            try:
                stored_context, self.previous = pickle.loads(path.read_bytes())
            except (pickle.UnpicklingError, EOFError, ValueError, TypeError, AttributeError):
                stored_context = None
            if stored_context != context:
                self.previous = {}
        self.used: dict = {}

    def get(self, key, render) -> str:
        if key in self.used:
            return self.used[key]
        html = self.previous.get(key)
        if html is None:
            html = render()
        self.used[key] = html
        return html

    def save(self, current: set[tuple]) -> None:
        """Keep what this build used, and the earlier renderings of posts that did not change
        (``current``: the (docname, section, fingerprint) of every post now); renderings of
        deleted or changed posts are dropped."""
        kept = {key: html for key, html in self.previous.items() if key[:3] in current}
        kept.update(self.used)
        self.path.write_bytes(pickle.dumps((self.context, kept), pickle.HIGHEST_PROTOCOL))


def _cached_to_html(self, pagename, fulltext=False, drop_h1=True, img_url=False):
    app = self._blog.app
    cache: PostHTMLCache | None = getattr(app.builder, "ppblog_html_cache", None)
    fingerprint = self.options.get("ppblog_text" if fulltext else "ppblog_summary")
    if cache is None or fingerprint is None:
        return _original_to_html(self, pagename, fulltext, drop_h1, img_url)
    shown = [self.doctree] if fulltext else self.excerpt
    where = None if location_free(shown) else posixpath.dirname(app.builder.get_target_uri(pagename))
    key = (self.docname, self.section, fingerprint, where, fulltext, drop_h1, img_url)
    return cache.get(key, lambda: _original_to_html(self, pagename, fulltext, drop_h1, img_url))


_original_to_html = Post.to_html


@functools.cache
def _default_settings():
    return frontend.get_default_settings()


def _new_document(source_path: str) -> nodes.document:
    """ABlog's ``new_document`` for each rendering, without building docutils' command line
    option parser every time (a third of the cost of rendering an excerpt). The settings only
    make the document's reporter: ABlog writes with the builder's own."""
    return new_document(source_path, settings=_default_settings())


def add_archive_entries(app, pagename: str, templatename: str, context: dict, doctree) -> None:
    """``html-page-context``: on ABlog's archive pages, each post's entry (title, date, authors,
    tags, excerpt) is rendered once per build and shared by the pages that list it.

    A post is listed on about eight archive pages (all posts, its year, category, each tag and
    author), and its entries differ only in their links (see :mod:`pp_blog.rendering`). An
    excerpt with links or images of its own is rendered again for each folder (see
    :func:`location_free`).
    """
    if templatename != "ablog/collection.html":
        return
    render = shared_renderings(app.builder).for_page(pagename, context)
    folder = posixpath.dirname(app.builder.get_target_uri(pagename))

    def archive_entry(post: Post) -> str:
        key = (post.docname, post.section, None if location_free(post.excerpt) else folder)
        return render("ppblog/archive-entry.html", key, post=post)

    context["ppblog_archive_entry"] = archive_entry


def add_shared_sidebars(app, pagename: str, templatename: str, context: dict, doctree) -> None:
    """``html-page-context``: ABlog's recent posts and archives sidebars, rendered once per build
    (the recent posts once more for each of the newest posts, whose page leaves itself out)."""
    if not ablog.builder_support(app) or "ablog" not in context:
        return
    render = shared_renderings(app.builder).for_page(pagename, context)
    blog = context["ablog"]
    context["ppblog_recent_posts"] = lambda: render(
        "ablog/recentposts.html", tuple(post.docname for post in blog.recent(5, pagename))
    )
    context["ppblog_archives"] = lambda: render("ablog/archives.html", None)


def register_posts_once_read(app, env) -> None:
    """``env-updated``: build ABlog's catalogues from every post as soon as all are read.

    Otherwise they are built at the first page that needs them, and a cross-reference to a tag
    or author resolved before that (always the case after a parallel read, whose catalogues
    stay in the reading processes) would find nothing.
    """
    blog = Blog(app)
    if not len(blog):
        register_posts(app)


def install_html_cache(app) -> None:
    """``builder-inited``: let ABlog's posts reuse their renderings (see :class:`PostHTMLCache`)."""
    if not ablog.builder_support(app):
        return
    Post.to_html = _cached_to_html
    ablog.blog.new_document = _new_document
    app.builder.ppblog_html_cache = None


def note_config_change(app) -> None:
    """``builder-inited``: whether the configuration changed since the last build (ABlog's
    settings shape every archive page). Sphinx forgets it once the documents are read."""
    app.builder.ppblog_config_changed = app.env.config_status != CONFIG_OK


def open_html_cache(app, builder) -> None:
    """``write-started``: open the cache once the documents' titles are known."""
    if not ablog.builder_support(app):
        return
    titles = sorted((name, title.astext()) for name, title in app.env.titles.items())
    context = digest((builder.build_info.config_hash, builder.build_info.tags_hash, titles))
    builder.ppblog_html_cache = PostHTMLCache(Path(app.doctreedir) / HTML_CACHE, context)


def describe(value: Any, posts: dict[int, Any]) -> Any:
    """What a template can show of an ABlog object, as plain values to fingerprint.

    ``posts`` keeps each post's description for the build: a post is listed on many pages.
    """
    if isinstance(value, Post):
        if id(value) not in posts:
            labels = [[(c.name, c.docname, len(c) > 0) for c in getattr(value, key)]
                      for key in ("author", "tags", "category", "location", "language")]
            posts[id(value)] = ("post", value.docname, value.options.get("ppblog_summary"), value.published, labels)
        return posts[id(value)]
    if isinstance(value, Collection):
        return ("collection", value.name, value.docname, value.href, [describe(post, posts) for post in value])
    if isinstance(value, Catalog):
        return ("catalog", value.name, value.docname, [describe(coll, posts) for coll in value])
    if isinstance(value, dict):
        return sorted((key, describe(item, posts)) for key, item in value.items())
    if isinstance(value, (list, tuple)):
        return [describe(item, posts) for item in value]
    return value


def archive_pages_that_changed(app) -> Iterator[tuple[str, dict, str]]:
    """``html-collect-pages`` in place of ABlog's: its pages, less the ones already up to date.

    When nothing they are made from changed (:func:`archive_inputs`) and every page is on disk,
    none is written. Otherwise each page is skipped when its file exists and its fingerprint is
    the previous build's: the template, what it lists (:func:`describe`), everything the theme
    puts around it (navigation and sidebars, see
    :func:`pp_blog.navigation.pages_with_new_chrome`), the HTML configuration and the newest
    template's time. A changed configuration (ABlog's settings among it) writes them all.
    """
    builder = app.builder
    state_path = Path(app.doctreedir) / ARCHIVE_STATE
    try:
        previous = json.loads(state_path.read_text(encoding="utf-8"))
        previous_pages = dict(previous["pages"])
    except (OSError, ValueError, KeyError, TypeError):
        previous, previous_pages = {}, {}
    around = (getattr(app.env, "ppblog_shared_chrome", None), builder.build_info.config_hash,
              builder.build_info.tags_hash, builder.templates.newest_template_mtime())
    inputs = archive_inputs(app.env, around)
    reuse = not getattr(builder, "ppblog_config_changed", True)
    if reuse and previous.get("inputs") == inputs and all(
        Path(builder.get_outfilename(pagename)).exists() for pagename in previous_pages
    ):
        return
    current: dict[str, str] = {}
    described: dict[int, Any] = {}
    for pagename, context, template in generate_archive_pages(app):
        if is_empty_drafts_page(app, pagename, context):
            continue
        current[pagename] = digest((template, describe(context, described), around))
        target = Path(builder.get_outfilename(pagename))
        if reuse and previous_pages.get(pagename) == current[pagename] and target.exists():
            continue
        yield pagename, context, template
    for pagename in previous_pages.keys() - current.keys():
        # A tag, author or year that has no post any more: its page goes too.
        Path(builder.get_outfilename(pagename)).unlink(missing_ok=True)
    builder.ppblog_archive_state = (state_path, {"inputs": inputs, "pages": current})


def is_empty_drafts_page(app, pagename: str, context: dict) -> bool:
    """ABlog's drafts page with no draft on it (drafts are built only in a preview): not published."""
    return pagename == Blog(app).drafts.docname and not len(context.get("collection") or ())


def archive_inputs(env, around) -> str:
    """A fingerprint of everything the archive pages are made from, bar the configuration: each
    post as listed (its ``ppblog_summary``), whether it is published yet, and ``around``.

    Comparing it once is much cheaper than describing every page (a rebuild of 2000 posts in
    which nothing changed spent 1.2 s on that).
    """
    posts = sorted(
        (info["docname"], str(info["section"]), info.get("ppblog_summary"), bool(info["date"] and info["date"] < TOMORROW))
        for infos in getattr(env, "ablog_posts", {}).values() for info in infos
    )
    return digest((posts, around))


def save_build_state(app, exception) -> None:
    """``build-finished``: keep the fingerprints and renderings for the next build, if it succeeded."""
    if exception is not None:
        return
    cache = getattr(app.builder, "ppblog_html_cache", None)
    if cache is not None:
        infos = [info for infos in getattr(app.env, "ablog_posts", {}).values() for info in infos]
        cache.save({(info["docname"], info["section"], info.get(key)) for info in infos
                    for key in ("ppblog_summary", "ppblog_text")})
    state = getattr(app.builder, "ppblog_archive_state", None)
    if state is not None:
        path, fingerprints = state
        path.write_text(json.dumps(fingerprints, sort_keys=True), encoding="utf-8")


def take_over_archive_pages(app) -> None:
    """Replace ABlog's ``html-collect-pages`` handlers by :func:`archive_pages_that_changed`.

    ABlog's own site feed is dropped too when it has no per-archive feeds to write: our
    ``feeds.write_feeds`` writes ``blog/atom.xml`` after it (with every author), so ABlog's
    full-text rendering of every post into a file that is then overwritten is pure cost.
    """
    for listener in list(app.events.listeners["html-collect-pages"]):
        if listener.handler is generate_archive_pages:
            app.disconnect(listener.id)
        elif listener.handler is generate_atom_feeds and not app.config.blog_feed_archives:
            app.disconnect(listener.id)
    app.connect("html-collect-pages", archive_pages_that_changed)


def sidebar_digest(env) -> str:
    """What ABlog's sidebars show on every page: the six newest posts (a post's own sidebar
    leaves itself out of the five it lists) and the number of posts of each year."""
    published = [info for infos in getattr(env, "ablog_posts", {}).values() for info in infos
                 if info["date"] and info["date"] < TOMORROW]
    newest = sorted(published, key=lambda info: (info["date"], info["title"]), reverse=True)[:6]
    years = Counter(info["date"].year for info in published)
    return digest(([(i["docname"], i["section"], i["title"], i["date"]) for i in newest], sorted(years.items())))
