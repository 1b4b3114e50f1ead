"""Collection pages: landing-page listings and toctrees, collection details, series navigation.

Read time records plain values and leaves placeholder nodes; the placeholders become
links in a post-transform, once every document has been read, so a landing page always
lists the posts as they are now, in the order of the series.
"""

from __future__ import annotations

from pathlib import Path, PurePosixPath
from typing import Any

from docutils import nodes
from sphinx import addnodes
from sphinx.transforms.post_transforms import SphinxPostTransform
from sphinx.util.docutils import SphinxDirective

from ..model import frontmatter as fm
from ..model import phrasing
from ..model.layout import LANDING, POSTS_DIR, landing_docname
from ..model.text import format_date, format_period, issue_line, names
from .domain import PostsDomain
from .rebuild import collection_toctree_entries


class collection_listing(nodes.General, nodes.Element):
    """Placeholder for the list of a collection's posts; holds the collection's slug."""


class collection_details(nodes.General, nodes.Element):
    """Placeholder for a collection's declared details on its landing page."""


class collection_context(nodes.General, nodes.Element):
    """Placeholder for a post's place in its collection (series position, neighbours)."""


class CollectionPostsDirective(SphinxDirective):
    """``{collection-posts}`` on a landing page: its posts, listed and in the book's toctree."""

    has_content = False

    def run(self) -> list[nodes.Node]:
        docname = self.env.docname
        folder = PurePosixPath(docname).parent
        if PurePosixPath(docname).name != LANDING or folder.parent != PurePosixPath(POSTS_DIR):
            raise self.error("collection-posts belongs on a collection's landing page, posts/<collection>/index.md")
        entries = collection_toctree_entries(Path(self.env.srcdir), self.config, folder.as_posix())
        self.env.domains["ppblog"].note_landing_entries(docname, entries)
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
        elif collection["kind"] == fm.YEAR:
            items += definition("Year", nodes.paragraph("", str(collection["year"])))
            items += definition("Posts", nodes.paragraph("", f"{published} in this book, by date"))
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
        landing = landing_docname(collection["slug"])
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
            previous, following = domain.neighbours(docname)
            # Navigation, not content: left out of search (Sphinx's "no-search"), else every
            # neighbour of a post would be found by the words of its title.
            links = nodes.paragraph(classes=["pp-series-links", "no-search"])
            if previous:
                links += nodes.Text("Previous in the series: ")
                links += doc_link(previous, docname, self.label(domain, previous))
            if following:
                if previous:
                    links += nodes.Text(" · ")
                links += nodes.Text("Next in the series: ")
                links += doc_link(following, docname, self.label(domain, following))
            if links.children:
                box += links
        elif collection["kind"] == fm.YEAR:
            box += nodes.paragraph(
                "", "", nodes.Text("Listed in "), doc_link(landing, docname, collection["title"]),
                nodes.Text(", by date."), classes=["pp-year-context"],
            )
        elif collection["kind"] == fm.HIGHLIGHTS:
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
