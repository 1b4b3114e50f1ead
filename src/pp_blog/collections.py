"""Collections: landing-page listings and toctrees, series navigation, incremental updates.

Read time records plain values and leaves placeholder nodes; the placeholders become
links in a post-transform, once every document has been read, so a landing page always
lists the posts as they are now, in the order of the series.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path, PurePosixPath
from typing import Any

from docutils import nodes
from sphinx import addnodes
from sphinx.transforms.post_transforms import SphinxPostTransform
from sphinx.util import logging
from sphinx.util.docutils import SphinxDirective

from . import frontmatter as fm
from . import phrasing
from .domain import PostsDomain, post_order_key

logger = logging.getLogger(__name__)

MONTHS = [dt.date(2000, m, 1).strftime("%B") for m in range(1, 13)]


class collection_listing(nodes.General, nodes.Element):
    """Placeholder for the list of a collection's posts; holds the collection's slug."""


class collection_details(nodes.General, nodes.Element):
    """Placeholder for a collection's declared details on its landing page."""


class collection_context(nodes.General, nodes.Element):
    """Placeholder for a post's place in its collection (series position, neighbours)."""


def format_date(iso: str) -> str:
    date = fm.parse_date(iso)
    return f"{date.day} {date:%B %Y}" if date else iso


def format_period(start: str, end: str) -> str:
    first, last = fm.parse_date(start), fm.parse_date(end)
    if first.year == last.year:
        return f"{first.day} {first:%B} – {last.day} {last:%B %Y}"
    return f"{format_date(start)} – {format_date(end)}"


def issue_line(collection: dict[str, Any]) -> str:
    """'Policy & Politics, volume 49, issue 2, April 2021'"""
    return (
        f"{collection['journal']}, volume {collection['volume']}, issue {collection['issue']}, "
        f"{MONTHS[collection['month'] - 1]} {collection['year']}"
    )


def is_draft(data: dict[str, Any], today: dt.date) -> bool:
    """A post is a draft when it says so or when its date is still to come."""
    if data.get("draft") is True:
        return True
    date = data.get("date")
    parsed = fm.parse_date(date) if isinstance(date, str) else None
    return parsed is not None and parsed > today


def build_date(config) -> dt.date:
    return fm.parse_date(config.ppblog_build_date) if config.ppblog_build_date else dt.date.today()


class PostHeaders:
    """The front matter fields that are needed before any page is read (draft, date, position,
    title), for each post file.

    Kept in the doctree folder from one build to the next, by file modification time and size:
    parsing the YAML of thousands of posts to find the drafts cost more than the rest of a
    rebuild in which nothing changed. A file whose front matter cannot be read gets None.
    """

    FILE = "ppblog-post-headers.json"
    FIELDS = {"draft": bool, "date": str, "position": int, "title": str}

    def __init__(self, doctreedir: str | Path | None):
        self.path = Path(doctreedir) / self.FILE if doctreedir else None
        self.known: dict[str, list] = {}
        if self.path is not None:
            try:
                self.known = json.loads(self.path.read_text(encoding="utf-8"))
            except (OSError, ValueError):
                pass
        self.changed = False

    def get(self, path: Path) -> dict[str, Any] | None:
        stat = path.stat()
        key = str(path)
        entry = self.known.get(key)
        if isinstance(entry, list) and entry[:2] == [stat.st_mtime_ns, stat.st_size]:
            return entry[2]
        try:
            data = fm.parse_front_matter(path.read_text(encoding="utf-8")).data
            header = {name: data[name] for name, kind in self.FIELDS.items()
                      if isinstance(data.get(name), kind) and not (kind is int and isinstance(data[name], bool))}
        except (fm.FrontMatterError, UnicodeDecodeError):
            header = None
        self.known[key] = [stat.st_mtime_ns, stat.st_size, header]
        self.changed = True
        return header

    def save(self, paths: list[Path]) -> None:
        """Keep the entries of these files (the others were deleted), if anything changed."""
        if self.path is None or not (self.changed or len(self.known) != len(paths)):
            return
        kept = {str(path): self.known[str(path)] for path in paths}
        self.path.parent.mkdir(parents=True, exist_ok=True)
        temporary = self.path.with_suffix(".tmp")
        temporary.write_text(json.dumps(kept), encoding="utf-8")
        # Reading processes of a parallel build may open it meanwhile: never half written.
        temporary.replace(self.path)


def exclude_drafts(app, config) -> None:
    """Leave drafts out of the build unless the editor asked to preview them.

    A draft is then never read: it cannot reach the search index, the feeds, the
    archives, a toctree or a PDF. Invalid front matter is left for the build to report.
    """
    if config.ppblog_show_drafts:
        return
    today = build_date(config)
    root = Path(app.srcdir)
    headers = PostHeaders(app.doctreedir)
    paths = [path for path in sorted(root.glob("posts/*/*.md")) if path.name != "index.md"]
    drafts = [path.relative_to(root).as_posix() for path in paths
              if (header := headers.get(path)) is not None and is_draft(header, today)]
    headers.save(paths)
    # A new list: the default one is shared by every Config in the process.
    config.exclude_patterns = [*config.exclude_patterns, *drafts]


def sibling_posts(srcdir: Path, folder: str, today: dt.date, show_drafts: bool,
                  headers: PostHeaders | None = None) -> list[str]:
    """The docnames of a collection folder's posts in reading order, from their front matter.

    Files whose front matter cannot be read still get a place (last, by name), so they
    stay in a toctree while the build reports their problem.
    """
    headers = headers or PostHeaders(None)
    ordered: list[tuple[tuple, str]] = []
    for path in sorted((srcdir / folder).glob("*.md")):
        docname = path.relative_to(srcdir).with_suffix("").as_posix()
        if path.name == "index.md":
            continue
        data = headers.get(path) or {}
        if not show_drafts and is_draft(data, today):
            continue
        position = data.get("position")
        ordered.append((post_order_key({"position": position, "date": data.get("date", "9999"),
                                        "title": data.get("title", "~" + path.stem)}), docname))
    return [docname for _, docname in sorted(ordered)]


class CollectionPostsDirective(SphinxDirective):
    """``{collection-posts}`` on a landing page: its posts, listed and in the book's toctree."""

    has_content = False

    def run(self) -> list[nodes.Node]:
        docname = self.env.docname
        folder = PurePosixPath(docname).parent
        if PurePosixPath(docname).name != "index" or folder.parent != PurePosixPath("posts"):
            raise self.error("collection-posts belongs on a collection's landing page, posts/<collection>/index.md")
        config = self.config
        entries = sibling_posts(
            Path(self.env.srcdir), folder.as_posix(), build_date(config), config.ppblog_show_drafts,
            PostHeaders(self.env.doctreedir),
        )
        toctree = addnodes.toctree()
        toctree["parent"] = docname
        toctree["entries"] = [(None, entry) for entry in entries]
        toctree["includefiles"] = list(entries)
        toctree["maxdepth"] = 1
        toctree["caption"] = None
        toctree["glob"] = False
        toctree["hidden"] = True
        toctree["includehidden"] = False
        toctree["numbered"] = 0
        toctree["titlesonly"] = True
        wrapper = nodes.compound(classes=["toctree-wrapper"])
        wrapper += toctree
        listing = collection_listing(slug=folder.name, docname=docname)
        self.set_source_info(listing)
        return [wrapper, listing]


class CollectionDetailsDirective(SphinxDirective):
    """``{collection-details}`` on a landing page: the journal details from its declaration."""

    has_content = False

    def run(self) -> list[nodes.Node]:
        details = collection_details(docname=self.env.docname)
        self.set_source_info(details)
        return [details]


def definition(term: str, *body: nodes.Node) -> nodes.definition_list_item:
    return nodes.definition_list_item("", nodes.term("", term), nodes.definition("", *body))


def doc_link(docname: str, fromdoc: str, text: str | None = None) -> addnodes.pending_xref:
    """A link to a document; outside the current output (a PDF edition) it prints as text."""
    ref = addnodes.pending_xref(
        "", refdomain="std", reftype="doc", reftarget="/" + docname, refexplicit=text is not None, refdoc=fromdoc,
        refwarn=True,
    )
    ref += nodes.inline(text or "", text or "")
    return ref


def external_link(url: str, text: str) -> nodes.reference:
    return nodes.reference("", text, refuri=url)


def doi_link(doi: str) -> nodes.reference:
    return external_link(f"https://doi.org/{doi}", f"doi:{doi}")


def names(authors: list[dict[str, str]] | list[str]) -> str:
    plain = [a["name"] if isinstance(a, dict) else a for a in authors]
    if len(plain) <= 1:
        return "".join(plain)
    return ", ".join(plain[:-1]) + " and " + plain[-1]


def featured_articles(articles: list[dict[str, Any]]) -> nodes.bullet_list:
    featured = nodes.bullet_list(classes=["pp-featured-articles"])
    for article in articles:
        line = nodes.paragraph("", f"{names(article['authors'])}, “{article['title']}”")
        if article.get("citation"):
            line += nodes.Text(f", {article['citation']}")
        if article.get("doi"):
            line += nodes.Text(", ")
            line += doi_link(article["doi"])
        featured += nodes.list_item("", line)
    return featured


class ResolveCollectionPlaceholders(SphinxPostTransform):
    """Turn the placeholders into text and links from the domain's complete data.

    Runs before the reference resolver (priority 10), so the links it makes are
    resolved like any other: to pages in HTML, to text outside a PDF edition.
    """

    default_priority = 5

    def run(self, **kwargs: Any) -> None:
        domain: PostsDomain = self.env.domains["ppblog"]
        for node in list(self.document.findall(collection_listing)):
            node.replace_self(self.listing(domain, node["slug"], node["docname"]))
        for node in list(self.document.findall(collection_details)):
            node.replace_self(self.details(domain, node["docname"]))
        for node in list(self.document.findall(collection_context)):
            node.replace_self(self.context(domain, node["docname"]))

    def details(self, domain: PostsDomain, docname: str) -> nodes.Node:
        collection = domain.collections.get(docname)
        if collection is None:  # its front matter was reported as invalid
            return nodes.container()
        published = len(domain.posts_in(collection["slug"]))
        items = nodes.definition_list(classes=["pp-collection-details"])
        if collection["kind"] == fm.SPECIAL_ISSUE:
            items += definition("Journal", nodes.paragraph("", issue_line(collection)))
            items += definition("Guest editors", nodes.paragraph("", names(collection["guest_editors"])))
            items += definition(
                "Series",
                nodes.paragraph("", f"{collection['series_name']}: {collection['planned_posts']} blogs, "
                                    f"{published} in this book"),
            )
            if collection.get("doi"):
                items += definition("Special issue", nodes.paragraph("", "", doi_link(collection["doi"])))
        else:
            items += definition("Journal", nodes.paragraph("", collection["journal"]))
            items += definition(
                "Period", nodes.paragraph("", format_period(collection["period_start"], collection["period_end"]))
            )
            items += definition("Theme", nodes.paragraph("", collection["theme"]))
            if collection.get("featured_articles"):
                items += definition("Featured articles", featured_articles(collection["featured_articles"]))
        return items

    def listing(self, domain: PostsDomain, slug: str, fromdoc: str) -> nodes.Node:
        items = nodes.bullet_list(classes=["pp-collection-posts"])
        for docname, post in domain.posts_in(slug):
            item = nodes.list_item(classes=["pp-collection-post"])
            title = nodes.paragraph(classes=["pp-listing-title"])
            if post["position"] is not None:
                title += nodes.inline("", f"Blog {post['position']}: ", classes=["pp-listing-position"])
            title += doc_link(docname, fromdoc, post["title"])
            item += title
            item += nodes.paragraph(
                "", f"{names(post['authors'])} · {format_date(post['date'])}", classes=["pp-listing-meta"]
            )
            if post.get("excerpt"):
                item += nodes.paragraph("", post["excerpt"], classes=["pp-listing-excerpt"])
            items += item
        if not items.children:
            items = nodes.paragraph("", "No posts have been published in this collection yet.", classes=["pp-listing-empty"])
        # The collection's own feed sits beside its landing page (see feeds.py); web only.
        feed = addnodes.only(expr="html")
        feed += nodes.paragraph(
            "", "", nodes.Text("Follow this collection: "),
            nodes.reference("", "Atom feed", refuri="atom.xml"), classes=["pp-collection-feed"],
        )
        return nodes.container("", items, feed)

    def context(self, domain: PostsDomain, docname: str) -> nodes.Node:
        post = domain.posts[docname]
        collection = domain.collection_by_slug(post["collection"])
        box = nodes.container(classes=["pp-collection-context"])
        if collection is None:  # reported by the consistency check
            return box
        landing = f"posts/{collection['slug']}/index"
        if collection["kind"] == fm.SPECIAL_ISSUE and post["position"] is not None:
            lead, between, name = phrasing.series_line(collection, post["position"])
            box += nodes.paragraph(
                "",
                "",
                nodes.strong("", lead),
                nodes.Text(between),
                doc_link(landing, docname, name),
                nodes.Text(f" ({issue_line(collection)})."),
                classes=["pp-series-position"],
            )
            series = [d for d, _ in domain.posts_in(collection["slug"])]
            index = series.index(docname)
            # Navigation, not content: left out of search (Sphinx's "no-search"), else every
            # neighbour of a post would be found by the words of its title.
            links = nodes.paragraph(classes=["pp-series-links", "no-search"])
            if index > 0:
                previous = series[index - 1]
                links += nodes.Text("Previous in the series: ")
                links += doc_link(previous, docname, self.label(domain, previous))
            if index + 1 < len(series):
                following = series[index + 1]
                if index > 0:
                    links += nodes.Text(" · ")
                links += nodes.Text("Next in the series: ")
                links += doc_link(following, docname, self.label(domain, following))
            if links.children:
                box += links
        else:
            period = format_period(collection["period_start"], collection["period_end"])
            lead, name, tail = phrasing.highlights_line(collection, period)
            box += nodes.paragraph(
                "", "", nodes.Text(lead), doc_link(landing, docname, name), nodes.Text(tail),
                classes=["pp-highlights-context"],
            )
            articles = collection.get("featured_articles") or []
            if articles:
                box += nodes.paragraph("", "Featured articles:", classes=["pp-featured-heading"])
                box += featured_articles(articles)
        if post.get("doi"):
            box += nodes.paragraph("", "", nodes.Text("The article: "), doi_link(post["doi"]), classes=["pp-article-doi"])
        return box

    @staticmethod
    def label(domain: PostsDomain, docname: str) -> str:
        post = domain.posts[docname]
        return f"Blog {post['position']}: {post['title']}" if post["position"] is not None else post["title"]


def landing_pages_to_reread(app, env, added, changed, removed) -> list[str]:
    """A landing page's toctree comes from its folder's files: re-read it when they change."""
    folders = {PurePosixPath(d).parent.as_posix() for d in (*added, *changed, *removed)}
    return [f"{folder}/index" for folder in folders if folder.startswith("posts/")]


def collection_signature(domain: PostsDomain, slug: str) -> list:
    collection = domain.collection_by_slug(slug) or {}
    members = [(d, p["title"], p["position"], p["date"]) for d, p in domain.posts_in(slug)]
    return [sorted((k, str(v)) for k, v in collection.items() if k != "line"), members]


def pages_to_rewrite(app, env) -> list[str]:
    """Posts show their neighbours and collection: rewrite a collection's pages when it changed.

    Compares each collection's posts (titles, positions, dates) and declaration with the
    previous build's, so an unchanged collection costs nothing.
    """
    domain: PostsDomain = env.domains["ppblog"]
    slugs = {p["collection"] for p in domain.posts.values()} | {c["slug"] for c in domain.collections.values()}
    previous = domain.data.setdefault("signatures", {})
    current = {slug: collection_signature(domain, slug) for slug in slugs}
    changed = {slug for slug in slugs | set(previous) if current.get(slug) != previous.get(slug)}
    domain.data["signatures"] = current
    pages = [d for d, p in domain.posts.items() if p["collection"] in changed]
    pages += [d for d, c in domain.collections.items() if c["slug"] in changed]
    return sorted(pages)
