"""What an incremental build reads again and writes again: the one owner of rebuild state.

Sphinx rereads the documents whose files changed and rewrites the pages it read. That is not
enough here, because pages show what other pages declare: a landing page lists its folder's
files, a post shows its neighbours and collection, every page shows the navigation and ABlog's
sidebars, ABlog's archive pages and our feeds list every post. Each decision is taken here:

========================  =====================================  =================================
event                     decision                               from
========================  =====================================  =================================
``config-inited``         drafts left out (``exclude_patterns``)  post headers, by file time/size
``env-get-outdated``      landing pages reread; pages of          the folders whose files came,
                          removed documents deleted               went or moved in the order
``env-get-updated``       pages written again                     collection signatures; each
                                                                  page's chrome (navigation,
                                                                  sidebars, neighbours)
``html-collect-pages``    ABlog's archive pages written again     the posts as listed, the chrome
                          feeds written again                     the feeds' inputs, the files
``write-started``         renderings of posts reused              the HTML configuration, titles
========================  =====================================  =================================

What the next build compares with is kept in one file, ``ppblog-state.pickle`` beside the
doctrees, as plain values (:class:`RebuildState`). It is loaded when the configuration is read
and saved when a build succeeds: after a failed build the next one compares with the last good
one, and so writes at least what changed since. Reading processes of a parallel build are forked
after it is loaded and only read it.
"""

from __future__ import annotations

import json
import pickle
import weakref
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterator

from sphinx.environment import CONFIG_OK

from ..compat import ablog as ablog_compat
from ..model import content_dates
from ..model.drafts import is_draft, read_header
from ..model.source_files import file_problem, read_source
from ..model.fingerprints import digest, sha256
from ..model.layout import POSTS_DIR, collection_folder, folder_post_paths, landing_docname, page_kind, post_paths
from ..model.order import header_order_key
from .config import settings
from .domain import PostsDomain
from .navigation import nav_depth, read_nav, title_of

STATE_FILE = "ppblog-state.pickle"


@dataclass
class RebuildState:
    """Everything kept from one build to the next, as plain values."""

    # Bump when the shape changes, or what every page is made of (5: template whitespace): a
    # state of another version is ignored (everything rewritten).
    VERSION = 5

    # post file path -> [modification time (ns), size, header or None] (see model.drafts).
    headers: dict[str, list] = field(default_factory=dict)
    # docname -> what a post or landing page shows of its collection (collection_signatures).
    page_signatures: dict[str, str] = field(default_factory=dict)
    # docname -> fingerprint of everything around its text (navigation, sidebars, neighbours).
    page_chrome: dict[str, str] = field(default_factory=dict)
    # A fingerprint of all that the pages' chrome is made of (pages_to_write).
    chrome_inputs: str = ""
    # What ABlog's archive pages show around their text (the navigation's top level).
    shared_chrome: str = ""
    # The posts as the archives and post lists show them.
    listed_posts: str = ""
    # ABlog's archive pages: {"inputs": fingerprint of all, "pages": {pagename: fingerprint}}.
    archive: dict[str, Any] = field(default_factory=dict)
    # feed path -> [fingerprint of its inputs, sha256 of the file written].
    feeds: dict[str, list[str]] = field(default_factory=dict)
    # ABlog's renderings of posts: (context, {key: html}) (see compat.ablog.PostHTMLCache).
    post_html: tuple[str, dict] | None = None
    # The tag and author pages' old addresses that redirect (page_addresses.write_redirects).
    redirects: list[str] = field(default_factory=list)

    @classmethod
    def load(cls, path: Path) -> RebuildState:
        try:
            version, values = pickle.loads(path.read_bytes())
            if version == cls.VERSION:
                return cls(**values)
        except (OSError, pickle.UnpicklingError, EOFError, ValueError, TypeError, AttributeError):
            pass
        return cls()

    def save(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        temporary = path.with_suffix(".tmp")
        temporary.write_bytes(pickle.dumps((self.VERSION, self.__dict__), pickle.HIGHEST_PROTOCOL))
        temporary.replace(path)


@dataclass
class Build:
    """One build's view of the state: what it was (``kept``) and what this build decided."""

    kept: RebuildState
    path: Path | None
    headers: dict[str, list] = field(default_factory=dict)
    config_changed: bool = True
    archive: dict[str, Any] | None = None
    feeds: dict[str, list[str]] = field(default_factory=dict)
    html_cache: ablog_compat.PostHTMLCache | None = None
    page_chrome: dict[str, str] | None = None
    chrome_inputs: str | None = None
    shared_chrome: str | None = None
    listed_posts: str | None = None
    page_signatures: dict[str, str] | None = None
    # The years the published posts span, for every page's footer (not kept: every page's
    # chrome fingerprint includes them).
    copyright_years: str = ""
    redirects: list[str] | None = None
    # Each file's header as this build found it: the drafts, the list of what was left out and
    # the landing pages all ask, and a file does not change during a build.
    found_headers: dict[str, dict[str, Any] | None] = field(default_factory=dict)
    # The drafts and scheduled posts this build leaves out, with their headers, in name order
    # (for the list of what was left out, sphinxext/left_out.py).
    drafts: dict[Path, dict[str, Any]] = field(default_factory=dict)

    def header(self, path: Path) -> dict[str, Any] | None:
        """A post's header (see :func:`pp_blog.model.drafts.read_header`), parsed again only when
        its file changed: parsing the YAML of thousands of posts to find the drafts cost more
        than the rest of a rebuild in which nothing changed."""
        key = str(path)
        if key not in self.found_headers:
            self.found_headers[key] = self._read_header(path)
        return self.found_headers[key]

    def _read_header(self, path: Path) -> dict[str, Any] | None:
        key = str(path)
        # A file the build may not read (a link out of the project or to nothing, a device, too
        # large: model/source_files.py) has no header; the build reports it (sphinxext/tree.py).
        root = path.parents[2]  # <root>/posts/<collection>/<file>.md
        if file_problem(path, root) is not None:
            return None
        stat = path.stat()
        entry = self.headers.get(key) or self.kept.headers.get(key)
        if not (isinstance(entry, list) and entry[:2] == [stat.st_mtime_ns, stat.st_size]):
            data, problem = read_source(path, root)
            try:
                header = read_header(data.decode("utf-8")) if problem is None else None
            except UnicodeDecodeError:
                header = None
            entry = [stat.st_mtime_ns, stat.st_size, header]
        self.headers[key] = entry
        return entry[2]

    def next_state(self, env) -> RebuildState:
        """What the next build compares with: this build's decisions, the rest as it was."""
        kept = self.kept
        return RebuildState(
            headers=self.headers,
            page_signatures=self.page_signatures if self.page_signatures is not None else kept.page_signatures,
            listed_posts=self.listed_posts if self.listed_posts is not None else kept.listed_posts,
            page_chrome=self.page_chrome if self.page_chrome is not None else kept.page_chrome,
            chrome_inputs=self.chrome_inputs if self.chrome_inputs is not None else kept.chrome_inputs,
            shared_chrome=self.shared_chrome if self.shared_chrome is not None else kept.shared_chrome,
            archive=self.archive if self.archive is not None else kept.archive,
            feeds=self.feeds or kept.feeds,
            redirects=self.redirects if self.redirects is not None else kept.redirects,
            post_html=self.html_cache.kept(ablog_compat.PostHTMLCache.current_posts(env))
            if self.html_cache is not None else kept.post_html,
        )


# One Build per Sphinx configuration object, which the application, the environment and every
# directive share; weak, so nothing outlives the application.
_BUILDS: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


def build_of(config) -> Build:
    if config not in _BUILDS:
        _BUILDS[config] = Build(kept=RebuildState(), path=None)
    return _BUILDS[config]


# --- reading: drafts and landing pages ------------------------------------------------------


def load_state_and_exclude_drafts(app, config) -> None:
    """``config-inited``: load the previous build's state, and leave drafts out of the build
    unless the editor asked to preview them.

    A draft is then never read: it cannot reach the search index, the feeds, the archives, a
    toctree or a PDF. Invalid front matter is left for the build to report.
    """
    path = Path(app.doctreedir) / STATE_FILE if app.doctreedir else None
    build = _BUILDS[config] = Build(kept=RebuildState.load(path) if path else RebuildState(), path=path)
    root = Path(app.srcdir)
    headers = {path: build.header(path) for path in post_paths(root)}
    if settings(config).show_drafts:
        return
    today = settings(config).build_date
    build.drafts = {path: header for path, header in headers.items()
                    if header is not None and is_draft(header, today)}
    # A new list: the default one is shared by every Config in the process.
    config.exclude_patterns = [*config.exclude_patterns,
                               *(path.relative_to(root).as_posix() for path in build.drafts)]


def collection_toctree_entries(srcdir: Path, config, folder: str) -> list[str]:
    """The docnames of a collection folder's posts in reading order, drafts left out unless
    previewed (for the landing page's toctree, :mod:`pp_blog.sphinxext.collection_pages`)."""
    build = build_of(config)
    ordered: list[tuple[tuple, str]] = []
    for path in folder_post_paths(srcdir / folder):
        header = build.header(path) or {}
        if not settings(config).show_drafts and is_draft(header, settings(config).build_date):
            continue
        ordered.append((header_order_key(header, path.stem), path.relative_to(srcdir).with_suffix("").as_posix()))
    return [docname for _, docname in sorted(ordered)]


def reread_landing_pages(app, env, added, changed, removed) -> list[str]:
    """``env-get-outdated``: a landing page's toctree comes from its folder's files: reread it
    when a file comes or goes, or when a changed post moves in the order (its position, date,
    title or draft status). An edit that moves nothing leaves the landing page as it was read:
    rereading the page of a collection of 500 posts cost more than the edit itself. The pages
    of removed documents are deleted from the output at once (Sphinx leaves them published,
    where search engines keep finding them)."""
    builder = app.builder
    if builder.format == "html" and removed:
        sources = Path(builder.outdir) / "_sources"
        for docname in removed:
            Path(builder.get_outfilename(docname)).unlink(missing_ok=True)
            for suffix in app.config.source_suffix:
                (sources / f"{docname}{suffix}{app.config.html_sourcelink_suffix}").unlink(missing_ok=True)

    def collections_of(docnames) -> set[str]:
        return {collection_folder(docname) for docname in docnames if page_kind(docname)}

    come_or_gone = collections_of((*added, *removed))
    listed = env.domains["ppblog"].landing_entries
    moved = {slug for slug in collections_of(changed) - come_or_gone
             if collection_toctree_entries(Path(app.srcdir), app.config, f"{POSTS_DIR}/{slug}")
             != listed.get(landing_docname(slug))}
    return sorted(landing_docname(slug) for slug in come_or_gone | moved)


# --- writing: the pages that show other pages -------------------------------------------------


def collection_signatures(domain: PostsDomain) -> dict[str, str]:
    """For every post and landing page, a fingerprint of what it shows of other pages: a post its
    collection's declaration and its neighbours in the series (titles, positions), a landing
    page the declaration and every post it lists. Adding a post changes its neighbours' and its
    landing page's, not every page of the collection."""
    signatures: dict[str, str] = {}
    for landing, collection in domain.collections.items():
        declared = sorted((key, str(value)) for key, value in collection.items() if key != "line")
        members = [(docname, post["title"], post["position"], post["date"])
                   for docname, post in domain.posts_in(collection["slug"])]
        signatures[landing] = digest((declared, members))
        for index, (docname, *_) in enumerate(members):
            neighbours = (members[index - 1] if index else None, members[index + 1] if index + 1 < len(members) else None)
            signatures[docname] = digest((declared, neighbours))
    for docname in domain.posts.keys() - signatures.keys():
        signatures[docname] = digest(None)  # its collection is undeclared, as the build reports
    return signatures


def page_chrome(env, nav, docname: str, relations: dict, years: str) -> str:
    """Everything around a page's text that other pages can change: what its navigation shows,
    its previous/next links (with their titles) and the footer's copyright years."""
    neighbours = [(name, title_of(env, name)) if name else None for name in relations.get(docname, ())]
    return digest((nav.chrome_digest(docname), neighbours, years))


def pages_to_write(app, env) -> list[str]:
    """``env-get-updated``: the pages to write again besides those read.

    - The pages that show what changed in another page of their collection
      (:func:`collection_signatures`).
    - The pages whose chrome changed: what their bounded navigation shows, their previous/next
      links, the footer's copyright years (:func:`page_chrome`).
    - The pages with a list of posts (ABlog's ``postlist``, the front page's recent posts) when
      any post changed as the archives list it.
    """
    build = build_of(app.config)
    domain: PostsDomain = env.domains["ppblog"]
    signatures = collection_signatures(domain)
    pages = {name for name, value in signatures.items() if build.kept.page_signatures.get(name) != value}
    build.page_signatures = signatures

    nav = read_nav(env, nav_depth(app))
    # Read once for the build: the documents are all read, and the pages are written with it
    # (navigation.prepare_nav).
    app.builder.ppblog_nav = nav
    relations = env.collect_relations()
    build.copyright_years = "" if app.config.copyright else content_dates.years_spanned(domain.posts.values())
    # Every page's chrome is made of the navigation, the previous/next relations with their titles
    # and the years: when none changed, neither did any page's, and describing each of thousands
    # of pages (a fifth of a rebuild with nothing changed) is skipped.
    titles = [(name, title_of(env, name)) for name in sorted(env.found_docs)]
    build.chrome_inputs = digest((nav.root, nav.root_title, nav.parts, sorted(relations.items()), titles,
                                  build.copyright_years))
    if build.chrome_inputs == build.kept.chrome_inputs and build.kept.page_chrome.keys() == env.found_docs:
        build.page_chrome = build.kept.page_chrome
    else:
        chrome = {name: page_chrome(env, nav, name, relations, build.copyright_years) for name in env.found_docs}
        pages |= {name for name, value in chrome.items() if build.kept.page_chrome.get(name) != value}
        build.page_chrome = chrome
    # ABlog's archive pages are in no toctree: they show the navigation's top level.
    build.shared_chrome = digest((nav.chrome_digest(""), build.copyright_years))

    build.listed_posts = digest(ablog_compat.archive_posts_digest(env, shown="ppblog_summary"))
    if build.listed_posts != build.kept.listed_posts:
        pages |= set(domain.postlists)
    return sorted(pages & env.found_docs)


def note_postlists(app, doctree) -> None:
    """``doctree-read``: whether the page lists posts (ABlog's ``postlist``), which
    :func:`pages_to_write` writes again when the posts change."""
    if ablog_compat.has_postlist(doctree):
        app.env.domains["ppblog"].add_postlist(app.env.docname)


def note_config_change(app) -> None:
    """``builder-inited``: whether the configuration changed since the last build (ABlog's
    settings shape every archive page). Sphinx forgets it once the documents are read."""
    build_of(app.config).config_changed = app.env.config_status != CONFIG_OK


def archive_pages_that_changed(app) -> Iterator[tuple[str, dict, str]]:
    """``html-collect-pages`` in place of ABlog's: its pages, less the ones already up to date.

    When nothing they are made from changed and every page is on disk, none is written; comparing
    one fingerprint of all the posts is much cheaper than describing every page (a rebuild of
    2000 posts in which nothing changed spent 1.2 s on that). Otherwise each page is skipped when
    its file exists and its fingerprint is the previous build's: the template, what it lists
    (:func:`pp_blog.compat.ablog.describe`), everything the theme puts around it (navigation and
    sidebars, see :func:`pages_to_write`), the HTML configuration and the newest template's time.
    A changed configuration (ABlog's settings among it) writes them all.
    """
    builder = app.builder
    build = build_of(app.config)
    previous = build.kept.archive
    previous_pages = dict(previous.get("pages", {}))
    around = (build.shared_chrome, builder.build_info.config_hash, builder.build_info.tags_hash,
              builder.templates.newest_template_mtime())
    inputs = digest((ablog_compat.archive_posts_digest(app.env), around))
    reuse = not build.config_changed
    if reuse and previous.get("inputs") == inputs and all(
        Path(builder.get_outfilename(pagename)).exists() for pagename in previous_pages
    ):
        build.archive = previous
        return
    current: dict[str, str] = {}
    described: dict[int, Any] = {}
    for pagename, context, template in ablog_compat.archive_pages(app, settings(app.config).posts_per_list_page):
        current[pagename] = digest((template, ablog_compat.describe(context, described), around))
        target = Path(builder.get_outfilename(pagename))
        if reuse and previous_pages.get(pagename) == current[pagename] and target.exists():
            continue
        yield pagename, context, template
    for pagename in previous_pages.keys() - current.keys():
        # A tag, author or year that has no post any more: its page goes too.
        Path(builder.get_outfilename(pagename)).unlink(missing_ok=True)
    build.archive = {"inputs": inputs, "pages": current}


def open_html_cache(app, builder) -> None:
    """``write-started``: ABlog's renderings of posts from the last build, once the documents'
    titles are known (see :class:`pp_blog.compat.ablog.PostHTMLCache`)."""
    if not ablog_compat.builder_support(app):
        return
    titles = sorted((name, title.astext()) for name, title in app.env.titles.items())
    context = digest((builder.build_info.config_hash, builder.build_info.tags_hash, titles))
    build = build_of(app.config)
    build.html_cache = builder.ppblog_html_cache = ablog_compat.PostHTMLCache(context, build.kept.post_html)


def write_if_changed(build: Build, outdir: Path, relative: str, inputs: dict[str, Any],
                     render: Callable[[], bytes]) -> None:
    """Write a generated file (a feed) only when what it is made of, or the file on disk, changed.

    Rendering every feed of a large archive on every build would dominate a rebuild with nothing
    changed; a file changed or removed since is written again.
    """
    path = outdir / relative
    wanted = sha256(json.dumps(inputs, sort_keys=True, default=str).encode())
    on_disk = sha256(path.read_bytes()) if path.exists() else None
    if build.kept.feeds.get(relative) == [wanted, on_disk]:
        build.feeds[relative] = [wanted, on_disk]
        return
    content = render()
    if content != (path.read_bytes() if on_disk else None):
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content)
    build.feeds[relative] = [wanted, sha256(content)]


def save_state(app, exception) -> None:
    """``build-finished``: keep this build's decisions for the next one, if it succeeded."""
    build = build_of(app.config)
    if exception is None and build.path is not None:
        build.next_state(app.env).save(build.path)
