"""Print: the whole book and one edition per collection, through Sphinx's LaTeX builder.

- ``add_editions`` (write-started) adds a ``latex_documents`` entry for every collection
  declared in ``posts/<slug>/index.md``, so a new collection gets its PDF by itself. Added once
  the environment is saved, so that the saved configuration is the one ``conf.py`` gives (the
  next build would otherwise say "The configuration has changed").
- ``GatherEdition`` and ``DropWebOnly`` (LaTeX post-transforms) shape each edition's
  assembled doctree: collections become parts and posts chapters, links to pages left
  out of the edition print as their titles, web-only nodes (recent-posts lists, links to
  ABlog's archive/tag/author pages, tag lists, collection listings) are dropped, and the
  address of the original post is printed under each post's title.
- ``EditionTranslator`` gives each edition its title page (collection details, authors,
  edition date) and PDF metadata, from the domain's data.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from docutils import nodes
from sphinx import addnodes
from sphinx.transforms.post_transforms import SphinxPostTransform
from sphinx.util import docname_join, logging
from sphinx.util.fileutil import copy_asset_file
from sphinx.util.texescape import escape
from sphinx.writers.latex import LaTeXTranslator

from ..compat.ablog import PostList
from ..model import frontmatter as fm
from ..model import phrasing
from ..model.language import pdf_language
from ..model.text import format_date, format_period, issue_line, names
from .dated_output import edition_date
from .domain import PostsDomain

logger = logging.getLogger(__name__)

STYLE_FILE = Path(__file__).with_name("ppblog.sty")

# Nodes (by class) that only make sense on the website: tag lists link to ABlog's tag
# pages, and a landing page's list of its posts is the web's table of contents.
WEB_ONLY_CLASSES = {"pp-tags", "pp-collection-posts"}

DOI_RESOLVER = "https://doi.org/"

# Containers that are dropped from print once everything in them has been dropped.
PRUNABLE = (nodes.bullet_list, nodes.enumerated_list, nodes.list_item, nodes.container, nodes.compound)


# --- configuration ---------------------------------------------------------------------


def prepare_latex_build(app) -> None:
    """A LaTeX build needs our style file next to the .tex files (a set edition date is checked
    with the configuration, config.py; an empty one dates each edition by its newest post)."""
    if app.builder.format != "latex":
        return
    copy_asset_file(STYLE_FILE, app.outdir, force=True)


# --- which editions --------------------------------------------------------------------


def edition_authors(domain: PostsDomain, slug: str) -> list[str]:
    """Every author of the collection's posts, in reading order, each once."""
    seen: list[str] = []
    for _, post in domain.posts_in(slug):
        for author in post["authors"]:
            if author["name"] not in seen:
                seen.append(author["name"])
    return seen


def add_editions(app, builder) -> None:
    """Add a ``latex_documents`` entry for each declared collection not already listed."""
    if builder.format != "latex":
        return
    domain: PostsDomain = builder.env.domains["ppblog"]
    engine = app.config.latex_engine
    listed = {entry[0] for entry in app.config.latex_documents}
    editions = []
    for docname in sorted(domain.collections):
        if docname in listed:
            continue
        collection = domain.collections[docname]
        authors = escape(names(edition_authors(domain, collection["slug"])), engine)
        editions.append(
            (docname, f"{collection['slug']}.tex", escape(collection["short_title"], engine), authors, "manual")
        )
    app.config.latex_documents = [*app.config.latex_documents, *editions]


# --- shaping an edition's doctree ------------------------------------------------------


class EditionTransform(SphinxPostTransform):
    """What the two transforms share: they run on the LaTeX builder's assembled doctrees."""

    formats = ("latex",)

    def run(self, **kwargs: Any) -> None:
        """Shape an edition's doctree; any other doctree is left as it is."""
        root_docname = self.document.get("docname")
        root = self.document.next_node(nodes.section)
        if root_docname is not None and root is not None:
            self.shape(root_docname, root, self.env.domains["ppblog"])

    def shape(self, root_docname: str, root: nodes.section, domain: PostsDomain) -> None:
        """Shape the edition that starts at ``root_docname``, whose top section is ``root``."""
        raise NotImplementedError

    def sections(self, docnames: dict[str, Any]) -> list[tuple[str, nodes.section]]:
        """The top section of every included document whose docname is in ``docnames``."""
        found = []
        for start in self.document.findall(addnodes.start_of_file):
            section = start.next_node(nodes.section)
            if start["docname"] in docnames and section is not None:
                found.append((start["docname"], section))
        return found


class GatherEdition(EditionTransform):
    """Give an edition the book's shape: collections as parts, posts as chapters.

    Runs before references are resolved (10), so that links to documents left out of
    the edition become their titles as plain text, not links to nowhere.
    """

    default_priority = 8

    def shape(self, root_docname: str, root: nodes.section, domain: PostsDomain) -> None:
        set_parents(self.document)
        if root_docname == self.config.root_doc:
            self.gather_collections(root, domain)
        for _, section in self.sections(domain.collections):
            self.gather_posts(section, domain)
        if root_docname in domain.collections:
            self.gather_posts(root, domain)
        included = {root_docname} | {s["docname"] for s in self.document.findall(addnodes.start_of_file)}
        for ref in list(self.document.findall(addnodes.pending_xref)):
            self.print_outside_reference(ref, included)
        for node in list(self.document.findall(PostList)):
            node.parent.remove(node)
        for node in list(self.document.findall(nodes.Element)):
            if node.parent is not None and WEB_ONLY_CLASSES & set(node.get("classes", [])):
                node.parent.remove(node)

    def gather_collections(self, root: nodes.section, domain: PostsDomain) -> None:
        """The whole book: the front page's own text, then every collection as a part.

        Other pages in the front page's toctrees (the guides about the website) stay out.
        """
        starts = [s for s in root.findall(addnodes.start_of_file) if is_top_level(s, root)]
        for start in starts:
            start.parent.remove(start)
        for start in starts:
            if start["docname"] in domain.collections:
                root += start

    def gather_posts(self, section: nodes.section, domain: PostsDomain) -> None:
        """A collection's posts become its chapters, wherever its toctree put them."""
        starts = [
            s for s in section.findall(addnodes.start_of_file)
            if s["docname"] in domain.posts and is_top_level(s, section)
        ]
        for start in starts:
            start.parent.remove(start)
            section += start

    def print_outside_reference(self, ref: addnodes.pending_xref, included: set[str]) -> None:
        """A link to a page that is not in this edition prints as that page's title."""
        if ref.get("refdomain") != "std" or ref.get("reftype") not in ("doc", "ref"):
            return
        explicit = ref.astext() if ref.get("refexplicit") else None
        if ref["reftype"] == "doc":
            docname = docname_join(ref.get("refdoc", ""), ref["reftarget"])
            title = self.env.titles[docname].astext() if docname in self.env.titles else None
        else:
            docname, _, title = self.env.domains["std"].labels.get(ref["reftarget"], (None, None, None))
        if docname is None or docname in included or not (explicit or title):
            return
        ref.replace_self(nodes.inline("", explicit or title, classes=["pp-outside-edition"]))


class DropWebOnly(EditionTransform):
    """Remove what only the website has, then finish each post's heading for print.

    Runs after references are resolved (10) and ``only`` nodes are dropped (50), and
    before Sphinx's LaTeX transforms turn link addresses into footnotes (400).
    """

    default_priority = 60

    def shape(self, root_docname: str, root: nodes.section, domain: PostsDomain) -> None:
        # ABlog's archive, tag, author and feed pages, reached by links like {ref}`blog-tags`.
        prefix = f"{self.config.blog_baseurl.rstrip('/')}/{self.config.blog_path.strip('/')}/"
        for ref in list(self.document.findall(nodes.reference)):
            if ref.get("refuri", "").startswith(prefix):
                drop_link(ref)
        prune(self.document)
        for ref in self.document.findall(nodes.reference):
            print_doi_in_full(ref)
        for docname, section in self.sections(domain.posts):
            add_original_post(section, domain.posts[docname])
        if root_docname in domain.collections:
            self.make_part(root)

    def make_part(self, root: nodes.section) -> None:
        """In a collection's edition the collection is a part too, as in the whole book.

        LaTeX takes the document's outermost section as the title (printed on the title
        page, not in the text), so the collection goes one level inside it.
        """
        children = list(self.document.children)
        self.document.clear()
        book = nodes.section()
        book += nodes.title("", root.next_node(nodes.title).astext())
        book.extend(children)
        self.document += book


def set_parents(node: nodes.Element) -> None:
    """Make every node's ``parent`` right again.

    Sphinx inlines each toctree's documents by handing over their list of children,
    which leaves those children pointing at their old document.
    """
    for child in node.children:
        child.parent = node
        if isinstance(child, nodes.Element):
            set_parents(child)


def is_top_level(start: addnodes.start_of_file, within: nodes.Element) -> bool:
    """Whether ``start`` is included by ``within`` itself, not by a document inside it."""
    parent = start.parent
    while parent is not within:
        if isinstance(parent, addnodes.start_of_file):
            return False
        parent = parent.parent
    return True


def drop_link(ref: nodes.reference) -> None:
    """A link to a web-only page: drop its paragraph when it is all there is, else keep the words."""
    paragraph = ref.parent
    while paragraph is not None and not isinstance(paragraph, nodes.paragraph):
        paragraph = paragraph.parent
    if paragraph is not None and not any(c.isalnum() for c in paragraph.astext().replace(ref.astext(), "", 1)):
        paragraph.parent.remove(paragraph)
    else:
        ref.replace_self(nodes.Text(ref.astext()))


def print_doi_in_full(ref: nodes.reference) -> None:
    """Print a DOI link as its address (https://doi.org/...), as Crossref asks for display.

    A link reading ``doi:10.x`` would otherwise get a footnote with the same DOI, its
    marker reading as part of the number.
    """
    uri, text = ref.get("refuri", ""), ref.astext()
    if uri.startswith(DOI_RESOLVER) and text == "doi:" + uri.removeprefix(DOI_RESOLVER):
        ref.children = []
        ref += nodes.Text(uri)


def prune(document: nodes.document) -> None:
    """Remove lists, containers and sections that dropping web-only nodes left empty."""
    changed = True
    while changed:
        changed = False
        for node in list(document.findall(nodes.Element)):
            if node.parent is None:
                continue
            shown = [c for c in node.children if not isinstance(c, (nodes.comment, nodes.target))]
            empty_section = isinstance(node, nodes.section) and all(isinstance(c, nodes.title) for c in shown)
            if empty_section or (isinstance(node, PRUNABLE) and not shown):
                node.parent.remove(node)
                changed = True


def add_original_post(section: nodes.section, post: dict[str, Any]) -> None:
    """Under the post's title, the address of the original: a PDF cannot hide it behind a link."""
    meta = next((c for c in section.children if "pp-post-meta" in c.get("classes", [])), None)
    if meta is None:
        return
    url = post["original_url"]
    meta += nodes.paragraph(
        "", "", nodes.Text("Original post: "), nodes.reference("", url, refuri=url), classes=["pp-original"]
    )


# --- title pages -----------------------------------------------------------------------


def pdf_date(date: dt.date) -> str:
    return f"D:{date:%Y%m%d}000000Z"


def count(number: int, noun: str) -> str:
    return f"{number} {noun}{'' if number == 1 else 's'}"


def edition_title_page(domain: PostsDomain, docname: str, config, title: str, author: str) -> str | None:
    """The ``\\ppmaketitle`` call for an edition, or None for a document that is not one.

    ``title`` and ``author`` are the edition's ``latex_documents`` fields (LaTeX already).
    """
    engine = config.latex_engine
    if docname == config.root_doc:
        collections = len(domain.collections)
        posts = sum(len(domain.posts_in(c["slug"])) for c in domain.collections.values())
        what = f"{count(posts, 'post')} in {count(collections, 'collection')}"
        details: list[str] = []
    elif docname in domain.collections:
        collection = domain.collections[docname]
        title = escape(collection["title"], engine)
        posts = domain.posts_in(collection["slug"])
        # The kind of collection, unless its title says it already.
        what = phrasing.edition_kicker(collection, collection["title"])
        if collection["kind"] == fm.SPECIAL_ISSUE:
            details = [
                issue_line(collection),
                f"Guest editors: {names(collection['guest_editors'])}",
                f"{len(posts)} of the {collection['planned_posts']} blogs of the series",
            ]
        elif collection["kind"] == fm.YEAR:
            what = "Blog posts"
            details = [f"The posts of {collection['year']}", count(len(posts), "post")]
        else:
            details = [
                collection["journal"],
                format_period(collection["period_start"], collection["period_end"]),
                f"Theme: {collection['theme']}",
            ]
    else:
        return None
    date = edition_date(domain, docname, config)
    printed_date = f"Edition of {format_date(date.isoformat())}" if date else ""
    body = r"\par ".join(escape(line, engine) for line in details)
    fields = [title, escape(what, engine), body, author, escape(printed_date, engine), pdf_date(date) if date else ""]
    return r"\ppmaketitle" + "".join(f"{{{field}}}" for field in fields)


class EditionTranslator(LaTeXTranslator):
    """Sphinx's LaTeX writer, with each edition's own title page and contents depth."""

    def __init__(self, document: nodes.document, builder, theme) -> None:
        super().__init__(document, builder, theme)
        # The PDF's language (hyperref's /Lang), which screen readers choose their voice by.
        self.elements["hyperref"] += rf"\hypersetup{{pdflang={{{pdf_language(builder.config.language)}}}}}" + "\n"
        page = edition_title_page(
            builder.env.domains["ppblog"], document["docname"], builder.config,
            self.elements["title"], self.elements["author"],
        )
        if page is not None:
            self.elements["maketitle"] = page
            date = edition_date(builder.env.domains["ppblog"], document["docname"], builder.config)
            self.elements["date"] = escape(format_date(date.isoformat())) if date else ""
            # Contents list the parts (collections) and chapters (posts), whatever the
            # depth of the toctree the edition starts from.
            self.elements["tocdepth"] = r"\setcounter{tocdepth}{0}"
            # "Contents", not the caption of the front page's first toctree.
            self.elements["contentsname"] = ""
            # The pages before the first part carry no running "Contents" mark.
            self.elements["tableofcontents"] = r"\sphinxtableofcontents\markboth{}{}"
