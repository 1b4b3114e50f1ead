"""Everything that reaches into ABlog (written for ABlog 0.11.13, see :mod:`pp_blog.compat`).

- ABlog keeps its catalogues in a class attribute (``Blog._dict``) that outlives a build: a
  second Sphinx application in the same process (tests, live preview) would see the first one's
  posts. It is emptied when our extension's build starts and when it ends.
- ABlog declares itself unsafe for parallel reading only because the posts it collects in
  ``env.ablog_posts`` are not merged back from the reading processes: :func:`merge_ablog_posts`
  merges them; the catalogues are rebuilt from them before anything is written
  (:func:`register_posts_once_read`).
- ABlog's record of a post holds copies of docutils nodes that kept the whole original doctree
  alive in the environment (:func:`slim_and_fingerprint_posts`).
- ABlog writes every archive page on every build and renders each excerpt again for every page
  that lists it. Its page generator is taken over (:func:`take_over_archive_pages`) so that
  :mod:`pp_blog.sphinxext.rebuild` gives Sphinx only the pages that changed; a post's rendering
  is shared by the pages that can share it and kept between builds (:class:`PostHTMLCache`,
  installed as ``Post.to_html`` for the length of a build, see :func:`install_patches`), and
  each archive entry is rendered once per build (:func:`add_archive_entries`).
- The addresses of ABlog's author and tag pages (:func:`author_page`, :func:`tag_page`), and
  its ``postlist`` node (:data:`PostList`).
"""

from __future__ import annotations

import copy
import functools
import posixpath
from dataclasses import dataclass
from typing import Any, Iterator

import ablog
import ablog.blog
from ablog.blog import TOMORROW, Blog, Catalog, Collection, Post, slugify
# ABlog's ``{postlist}`` node, which print editions drop (pp_blog.sphinxext.latex).
from ablog.post import PostList, generate_archive_pages, generate_atom_feeds, register_posts
from docutils import frontend, nodes
from markupsafe import Markup
from docutils.utils import new_document
from sphinx import addnodes
from sphinx.errors import ExtensionError

from ..model.fingerprints import digest
from ..model.names import page_address
from ..model.page_size import list_pages, oldest_first_span

__all__ = ["PostList"]
from .rendering import shared_renderings

# Docutils nodes whose HTML depends on the page it is written into (links, images, raw output).
LOCATION_BOUND = (nodes.reference, nodes.image, nodes.raw, nodes.target, addnodes.pending_xref)
# Fields of ABlog's post record that are docutils nodes (fingerprinted by their text) or ours.
NODE_FIELDS = ("excerpt", "doctree")


def builder_support(app) -> bool:
    return ablog.builder_support(app)


def author_page(config, name: str) -> str:
    """The docname of ABlog's page of an author's posts (the address: ``model.names``)."""
    return posixpath.join(config.blog_path, "author", page_address(name))


def tag_page(config, tag: str) -> str:
    """The docname of ABlog's page of a tag's posts (the address: ``model.names``)."""
    return posixpath.join(config.blog_path, "tag", page_address(tag))


def ablog_page_name(name: str) -> str:
    """The page name ABlog itself gives a tag or author (its ``slugify``), which earlier builds
    published: redirects lead from there (``sphinxext.page_addresses``)."""
    return slugify(name)


# --- state and parallel reading ---------------------------------------------------------


def reset_blog_state(*args) -> None:
    """``config-inited`` and ``build-finished``: ABlog's class-level catalogues start and end empty."""
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


def register_posts_once_read(app, env) -> None:
    """``env-updated``: build ABlog's catalogues from every post as soon as all are read.

    Otherwise they are built at the first page that needs them, and a cross-reference to a tag
    or author resolved before that (always the case after a parallel read, whose catalogues
    stay in the reading processes) would find nothing.
    """
    blog = Blog(app)
    if not len(blog):
        register_posts(app)


def post_records(env) -> list[dict[str, Any]]:
    """ABlog's record of every post section (``env.ablog_posts``)."""
    return [info for infos in getattr(env, "ablog_posts", {}).values() for info in infos]


def is_published(info: dict[str, Any]) -> bool:
    """ABlog's own test: a post is published when it has a date before tomorrow."""
    return bool(info["date"] and info["date"] < TOMORROW)


# --- post records -----------------------------------------------------------------------


def slim_and_fingerprint_posts(app, doctree) -> None:
    """``doctree-read`` after ABlog's (500): make ABlog's record of each post small, and
    fingerprint what the archive pages show of it.

    ABlog keeps copies of a post's excerpt and of its whole text; a docutils copy still points
    to the original document, so the environment kept every post's complete doctree alive (and
    pickled it, and sent it between ``-j`` processes). The copies are detached from it. The full
    text is only read by ABlog's feeds; when our own feeds replace them (see
    :func:`take_over_archive_pages`) it is not kept at all.

    The fingerprints cover every field of the record, whatever ABlog adds in a later version:
    ``ppblog_listing`` what an archive page shows (every field but the texts), ``ppblog_summary``
    what a list with excerpts shows (the front page's recent posts), ``ppblog_text`` what a
    full-text rendering shows.
    """
    for info in getattr(app.env, "ablog_posts", {}).get(app.env.docname, []):
        fields = sorted((key, value) for key, value in info.items()
                        if key not in NODE_FIELDS and not key.startswith("ppblog_"))
        info["ppblog_listing"] = digest(fields)
        info["ppblog_summary"] = digest((fields, [str(node) for node in info["excerpt"]]))
        info["ppblog_text"] = digest((fields, str(info["doctree"])))
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


# --- renderings of posts, kept between builds -------------------------------------------


class PostHTMLCache:
    """The HTML ABlog renders for a post (``Post.to_html``), kept from one build to the next.

    A rendering is keyed by the post's fingerprint, the page's folder (links are relative to it;
    none when the excerpt has no location-bound node), the rendering options, and what every
    rendering depends on (``context``): the HTML configuration and the titles of all documents
    (an unexplicit cross-reference shows its target's title). ``stored`` is what the previous
    build kept, as :meth:`kept` gave it (see :mod:`pp_blog.sphinxext.rebuild`).
    """

    def __init__(self, context: str, stored: tuple[str, dict] | None):
        self.context = context
        self.previous: dict = stored[1] if stored and stored[0] == context else {}
        self.used: dict = {}

    def get(self, key, render) -> str:
        if key in self.used:
            return self.used[key]
        html = self.previous.get(key)
        if html is None:
            html = render()
        self.used[key] = html
        return html

    def kept(self, current: set[tuple]) -> tuple[str, dict]:
        """What to keep for the next build: what this build used, and the earlier renderings of
        posts that did not change (``current``: the (docname, section, fingerprint) of every
        post now); renderings of deleted or changed posts are dropped."""
        kept = {key: html for key, html in self.previous.items() if key[:3] in current}
        kept.update(self.used)
        return self.context, kept

    @staticmethod
    def current_posts(env) -> set[tuple]:
        return {(info["docname"], info["section"], info.get(key)) for info in post_records(env)
                for key in ("ppblog_summary", "ppblog_text")}


def _cached_to_html(self, pagename, fulltext=False, drop_h1=True, img_url=False):
    app = self._blog.app
    cache: PostHTMLCache | None = getattr(app.builder, "ppblog_html_cache", None)
    fingerprint = self.options.get("ppblog_text" if fulltext else "ppblog_summary")
    if cache is None or fingerprint is None:
        # Markup: docutils' HTML, for ABlog's autoescaped templates (compat/escaping.py).
        return Markup(_ORIGINALS["to_html"](self, pagename, fulltext, drop_h1, img_url))
    shown = [self.doctree] if fulltext else self.excerpt
    where = None if location_free(shown) else posixpath.dirname(app.builder.get_target_uri(pagename))
    key = (self.docname, self.section, fingerprint, where, fulltext, drop_h1, img_url)
    return Markup(cache.get(key, lambda: _ORIGINALS["to_html"](self, pagename, fulltext, drop_h1, img_url)))


@functools.cache
def _default_settings():
    return frontend.get_default_settings()


def _new_document(source_path: str) -> nodes.document:
    """ABlog's ``new_document`` for each rendering, without building docutils' command line
    option parser every time (a third of the cost of rendering an excerpt). The settings only
    make the document's reporter: ABlog writes with the builder's own.

    Each document gets its own copy of the default settings: Sphinx's post-transforms store the
    environment on ``document.settings`` and keep the first one they find there, so one shared
    object resolved every later application's excerpts against the first application's
    environment (a second book built in the same process reported its own pages as unknown)."""
    return new_document(source_path, settings=copy.copy(_default_settings()))


_ORIGINALS = {"to_html": Post.to_html, "new_document": ablog.blog.new_document, "slugify": ablog.blog.slugify}


def install_patches(app) -> None:
    """``builder-inited``: let ABlog's posts reuse their renderings (see :class:`PostHTMLCache`).

    ``Post.to_html`` and ``ablog.blog.new_document`` are ABlog's module-level functions: they are
    replaced for the length of this build only (:func:`restore_patches`), so a project built
    after this one in the same process gets ABlog as it is.
    """
    if not builder_support(app):
        return
    Post.to_html = _cached_to_html
    ablog.blog.new_document = _new_document
    # ABlog names a tag's, author's or category's page by this (Collection.docname): one scheme
    # of page addresses, that of model.names, so two names never share a page.
    ablog.blog.slugify = page_address
    app.builder.ppblog_html_cache = None


def restore_patches(*args) -> None:
    """``build-finished``, whatever the outcome: ABlog's own functions back in place."""
    Post.to_html = _ORIGINALS["to_html"]
    ablog.blog.new_document = _ORIGINALS["new_document"]
    ablog.blog.slugify = _ORIGINALS["slugify"]


# --- archive pages ----------------------------------------------------------------------


def add_archive_entries(app, pagename: str, templatename: str, context: dict, doctree) -> None:
    """``html-page-context``: on ABlog's archive pages, each post's entry (title, date, authors,
    collection, tags; no excerpt, so that the lists stay short to read and small to load
    whatever the archive's size) is rendered once per build and shared by the pages that list it.

    A post is listed on about eight archive pages (all posts, its year, category, each tag and
    author), and its entries differ only in their links (see :mod:`pp_blog.compat.rendering`).
    """
    if templatename != "ablog/collection.html":
        return
    render = shared_renderings(app.builder).for_page(pagename, context)

    def archive_entry(post: Post) -> str:
        return render("ppblog/archive-entry.html", (post.docname, post.section), post=post)

    context["ppblog_archive_entry"] = archive_entry


def describe(value: Any, posts: dict[int, Any]) -> Any:
    """What a template can show of an ABlog object, as plain values to fingerprint.

    ``posts`` keeps each post's description for the build: a post is listed on many pages.
    """
    if isinstance(value, Post):
        if id(value) not in posts:
            labels = [[(c.name, c.docname, len(c) > 0) for c in getattr(value, key)]
                      for key in ("author", "tags", "category", "location", "language")]
            posts[id(value)] = ("post", value.docname, value.options.get("ppblog_listing"), value.published, labels)
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


def has_postlist(doctree) -> bool:
    """Whether a page holds ABlog's ``postlist`` (resolved when the page is written)."""
    return next(iter(doctree.findall(PostList)), None) is not None


def archive_pages(app, per_page: int) -> Iterator[tuple[str, dict, str]]:
    """ABlog's archive pages (all posts, years, tags, authors, categories) as (pagename, context,
    template), as ABlog's ``html-collect-pages`` handler yields them, less its drafts page when
    no draft is on it (drafts are built only in a preview): a page with nothing on it.

    A long list goes on over further pages (:func:`paged`): ABlog writes each on one page, 2.4 MB
    for all of 2,000 posts.
    """
    blog = Blog(app)
    for pagename, context, template in generate_archive_pages(app):
        if pagename == blog.drafts.docname and not len(context.get("collection") or ()):
            continue
        if template == "ablog/collection.html":
            yield from paged(pagename, context, template, per_page)
        elif template == "ablog/catalog.html" and context["catalog"] is not blog.archive:
            # The index of tags, authors or categories shows each one's name and number of posts
            # (templates/ablog/catalog.html): given only those, it is written again only when
            # they change, not whenever a post's title does.
            index = [(str(entry), entry.docname, len(entry)) for entry in context["catalog"] if entry]
            yield pagename, {**{k: v for k, v in context.items() if k != "catalog"}, "ppblog_index": index}, template
        else:
            yield pagename, context, template


@dataclass(frozen=True)
class ListedCollection:
    """What a page of a list shows of ABlog's collection (its heading and addresses), in place of
    the collection itself: each page's fingerprint then holds the posts it shows
    (``ppblog_posts``), not all of the collection's, and a page of older posts is not written
    again when a newer post arrives."""

    name: str
    docname: str
    href: str | None

    @property
    def path(self) -> str:
        return self.docname

    def __str__(self) -> str:
        return str(self.name)


def paged(pagename: str, context: dict, template: str, per_page: int) -> Iterator[tuple[str, dict, str]]:
    """One of ABlog's lists of posts over pages of ``per_page`` (``ppblog_posts_per_list_page``),
    counted from the oldest post so that a new post rewrites only the first page
    (:func:`~pp_blog.model.page_size.list_pages`); the template shows ``ppblog_posts`` and, when
    there are several pages, ``ppblog_paging``."""
    collection = context["collection"]
    posts = list(collection)
    context = {**context, "collection": ListedCollection(str(collection.name), collection.docname, collection.href)}
    pages = list_pages(pagename, len(posts), per_page)
    if len(pages) == 1:
        yield pagename, {**context, "ppblog_posts": posts}, template
        return
    for index, (name, positions) in enumerate(pages):
        first, last = oldest_first_span(positions, len(posts))
        paging = {
            "shown": f"posts {first} to {last}",
            "newer": pages[index - 1][0] if index else None,
            "older": pages[index + 1][0] if index + 1 < len(pages) else None,
        }
        yield name, {**context, "title": f"{context['title']} ({paging['shown']})",
                     "ppblog_posts": posts[positions.start:positions.stop], "ppblog_paging": paging}, template


def archive_posts_digest(env, shown: str = "ppblog_listing") -> list:
    """Each post as the archive pages list it (``shown``: its ``ppblog_listing``, or its
    ``ppblog_summary`` for lists with excerpts), and whether it is published yet: with the
    configuration and the page chrome, all the archive pages show."""
    return sorted((info["docname"], str(info["section"]), info.get(shown), is_published(info))
                  for info in post_records(env))


def take_over_archive_pages(app, replacement) -> None:
    """Replace ABlog's ``html-collect-pages`` page generator by ``replacement``.

    ABlog's own site feed is dropped too when it has no per-archive feeds to write: our feeds
    (:mod:`pp_blog.sphinxext.feeds`) write ``blog/atom.xml`` after it, with every author, so
    ABlog's full-text rendering of every post into a file then overwritten is pure cost. If this
    ABlog no longer registers those handlers as 0.11.13 does, the build stops here rather than
    write every archive page twice.
    """
    listeners = list(app.events.listeners["html-collect-pages"])
    pages = [listener for listener in listeners if listener.handler is generate_archive_pages]
    feeds = [listener for listener in listeners if listener.handler is generate_atom_feeds]
    if len(pages) != 1 or len(feeds) != 1:
        raise ExtensionError(
            f"pp_blog: ABlog {ablog.__version__} does not register its archive pages and feeds as 0.11.13 "
            "did (ablog.post.generate_archive_pages, generate_atom_feeds): review pp_blog/compat/ablog.py"
        )
    app.disconnect(pages[0].id)
    if not app.config.blog_feed_archives:
        app.disconnect(feeds[0].id)
    app.connect("html-collect-pages", replacement)
