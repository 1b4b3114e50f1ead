"""Reading posts and collection pages into the domain, and showing post metadata in the text."""

from __future__ import annotations

import re
from pathlib import Path

from docutils import nodes
from sphinx.transforms import SphinxTransform

from ..compat.ablog import author_page, tag_page
from ..model import frontmatter as fm
from ..model.drafts import is_draft
from ..model.layout import collection_folder, page_kind
from ..model.text import LISTING_EXCERPT_LENGTH, format_date, names, shorten
from .collection_pages import collection_context
from .config import settings
from .domain import PostsDomain, ablog_page_xref
from .html_time import post_date_node
from .excerpts import plain_text
from .messages import warn


MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]<>#{}|~])")


def read_posts_first(app, env, docnames: list[str]) -> None:
    """``env-before-read-docs``: posts are read before the pages that list them (landing pages,
    the front page), each group in Sphinx's order.

    Before reading a document, Sphinx's toctree collector takes it out of every toctree entry
    recorded so far: read after the landing pages, each of N posts walked N entries (a full
    build spent time in N x N). Posts hold no toctree: read first, each finds none.
    """
    docnames.sort(key=lambda docname: page_kind(docname) != "post")


def replace_front_matter(app, docname: str, source: list[str]) -> None:
    """``source-read``: hand MyST a heading instead of the front matter of posts and landing pages.

    Our own parser reads the front matter (from the file, in ReadFrontMatter), so MyST never
    parses it: its JSON-encoded lists confuse ABlog, and its own YAML errors would repeat ours
    less helpfully. The front matter lines become the title heading followed by blank lines,
    so every line of the body keeps its number in messages.
    """
    if page_kind(docname) is None:
        return
    text = source[0]
    try:
        found = fm.split_front_matter(text)
    except fm.FrontMatterError:
        return  # not closed, so MyST sees no front matter either; ReadFrontMatter reports it
    if found is None:
        return
    try:
        title = fm.parse_front_matter(text).data.get("title")
    except fm.FrontMatterError:
        title = None  # reported by ReadFrontMatter, with its line
    yaml_text, _ = found
    fence_lines = yaml_text.count("\n") + 3 if yaml_text else 2
    lines = text.splitlines(keepends=True)
    heading = "\n"
    if isinstance(title, str) and title.strip():
        # On one line, whatever the title holds: a line break in it (a quoted YAML "\n") made
        # the rest of the title a paragraph below the heading, and moved every line after it.
        heading = "# " + MARKDOWN_SPECIAL.sub(r"\\\1", " ".join(title.split())) + "\n"
    source[0] = heading + "\n" * (fence_lines - 1) + "".join(lines[fence_lines:])


class ReadFrontMatter(SphinxTransform):
    """Validate a post's or collection's front matter and record it in the domain.

    For posts it also rewrites the docinfo into the fields ABlog reads, in the form
    ABlog can parse: MyST hands over YAML lists as JSON text, which ABlog would take
    as one author named ``["A"``. It runs just before ABlog's CheckFrontMatter (800).
    """

    default_priority = 790

    def apply(self) -> None:
        docname = self.env.docname
        kind = page_kind(docname)
        if kind is None:
            return
        record, problems = fm.read_page(
            kind, Path(self.document["source"]).read_text(encoding="utf-8"),
            folder=collection_folder(docname), categories=self.config.ppblog_categories,
        )
        for problem in problems:
            warn((docname, problem.line), problem, "frontmatter")
        if record is None:
            return  # ABlog never sees it: there is no docinfo to make it a post
        domain: PostsDomain = self.env.domains["ppblog"]
        if kind == "collection":
            domain.add_collection(docname, record)
            return
        record["draft"] = is_draft(record, settings(self.config).build_date)
        domain.add_post(docname, record)
        self._replace_fields(
            {
                "blogpost": "true",
                "date": record["date"],
                "author": ", ".join(a["name"] for a in record["authors"]),
                "tags": ", ".join(record["tags"]),
                "category": record["category"],
            },
        )

    def _replace_fields(self, fields: dict[str, str]) -> None:
        docinfo = next(iter(self.document.findall(nodes.docinfo)), None)
        if docinfo is None:
            docinfo = nodes.docinfo()
            self.document.insert(0, docinfo)
        docinfo.clear()
        for name, value in fields.items():
            docinfo += nodes.field("", nodes.field_name("", name), nodes.field_body("", nodes.paragraph("", value)))


def join_names(items: list[nodes.Node]) -> list[nodes.Node]:
    """Join nodes as 'A', 'A and B', 'A, B and C'."""
    out: list[nodes.Node] = []
    for index, item in enumerate(items):
        if index:
            out.append(nodes.Text(" and " if index == len(items) - 1 else ", "))
        out.append(item)
    return out


def author_nodes(config, authors: list[dict[str, str]]) -> list[nodes.Node]:
    result = []
    for author in authors:
        name = author["name"]
        ref = ablog_page_xref(name, author_page(config, name), f"All posts by {name}", "pp-author")
        described = fm.Author(**author).description
        if described:
            result.append(nodes.inline("", "", ref, nodes.Text(f" ({described})")))
        else:
            result.append(ref)
    return result


def add_post_metadata(app, doctree: nodes.document) -> None:
    """Show the byline, date, collection and tags in the post itself, and credit the source.

    This runs after ABlog has taken its excerpt, so the byline is not mistaken for the
    opening paragraph; being in the document, it is indexed by search and printed in PDFs.
    """
    docname = app.env.docname
    post = app.env.domains["ppblog"].posts.get(docname)
    if post is None:
        return
    section = next(iter(doctree.findall(nodes.section)), None)
    if section is None:
        return
    # The opening of the first paragraph, as plain text, for collection listings.
    opening = next((plain_text(p) for p in section.findall(nodes.paragraph)), "")
    post["excerpt"] = shorten(opening, LISTING_EXCERPT_LENGTH)
    meta = nodes.container(classes=["pp-post-meta"])
    meta += nodes.paragraph("", "", nodes.Text("By "), *join_names(author_nodes(app.config, post["authors"])), classes=["pp-byline"])
    meta += nodes.paragraph("", "", post_date_node(post["date"], format_date(post["date"]), ["pp-date"]), classes=["pp-dateline"])
    if post["draft"]:
        meta += nodes.paragraph("", "Draft preview: this post is not published.", classes=["pp-draft"])
    if post["tags"]:
        # A list, so that a screen reader says how many tags there are and where each ends.
        tags = nodes.bullet_list(classes=["pp-tag-list"])
        for tag in post["tags"]:
            link = ablog_page_xref(tag, tag_page(app.config, tag), f"Posts tagged {tag}", "pp-tag")
            tags += nodes.list_item("", nodes.paragraph("", "", link))
        meta += nodes.container("", nodes.paragraph("", "Tags:", classes=["pp-tags-label"]), tags, classes=["pp-tags"])
    section.insert(1, meta)
    section.insert(2, collection_context(docname=docname))

    # Left out of search: the names and date are in the byline, the rest is on every post.
    source = nodes.paragraph(classes=["pp-source", "no-search"])
    source += nodes.Text(f"This is an excerpt of the post by {names(post['authors'])}")
    source += nodes.Text(f", first published on the Policy & Politics blog on {format_date(post['date'])}. ")
    source += nodes.reference("", "Continue reading the original post", refuri=post["original_url"])
    source += nodes.Text(".")
    section += source
