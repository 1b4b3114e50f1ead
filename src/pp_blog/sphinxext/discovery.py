"""Making every post citable and discoverable: the Sphinx side of ``citation.py``.

- ``derive_site_settings`` (config-inited): ``html_baseurl`` is the one site address; ABlog's
  ``blog_baseurl`` and sphinxext-opengraph's ``ogp_site_url`` are derived from it. The author
  registry (``authors.yaml``) is read and checked here and kept as a configuration value, so
  a changed registry rebuilds every page that shows it. The licence goes into the footer.
- ``add_head_tags`` (html-page-context): Highwire ``citation_*`` and Dublin Core tags,
  ``article:*`` tags, JSON-LD, the social card's type and description for posts; JSON-LD for
  collection landing pages; the record on ABlog's author pages. It also writes each post's
  BibTeX and RIS files beside its page.
- ``CiteThisPost`` (post-transform): "Read the article", "Cite this post" (APA through
  citeproc-py), the downloads and the licence on the web; a "How to cite" line in print.
- ``complete_sitemap`` (build-finished): sphinx-sitemap would list only the pages written by
  the build (and collect them through a manager process: see :mod:`pp_blog.compat.sitemap`);
  ours hands it every published page, once, in order; then ``robots.txt``.
"""

from __future__ import annotations

import contextlib
import html
import io
import posixpath
from pathlib import Path
from typing import Any
from urllib.parse import urljoin

from ablog.blog import slugify
from docutils import nodes
from sphinx.transforms.post_transforms import SphinxPostTransform
from sphinx.util import logging
from sphinx_sitemap import is_excluded

from ..model import authors, citation
from ..model import frontmatter as fm
from ..model.layout import post_slug
from ..model.text import names
from ..model.text import shorten as shorten_text
from .config import settings
from .domain import PostsDomain
from .rebuild import build_of

logger = logging.getLogger(__name__)

# sphinxext-opengraph prints a line to standard output when it is imported without matplotlib,
# which only its generated social cards need (this site has none): import it quietly, once,
# before Sphinx loads it (pp_blog's setup() does), so `ppblog check` and builds print nothing.
with contextlib.redirect_stdout(io.StringIO()):
    import sphinxext.opengraph  # noqa: F401

STATIC = Path(__file__).with_name("static")
AUTHOR_PAGES = "blog/author/"
DESCRIPTION_LENGTH = 200


class cite_this(nodes.General, nodes.Element):
    """Placeholder at the end of a post for its citation; holds the post's docname."""


# --- configuration ---------------------------------------------------------------------


def site_url(config) -> str:
    """The published address of the site, ending in '/', or '' when it is not set."""
    base = (config.html_baseurl or "").strip()
    return base.rstrip("/") + "/" if base else ""


def derive_site_settings(app, config) -> None:
    """``config-inited``, after config.validate: the settings made from others (the site address,
    the footer's licence line, the author records, our static files), so conf.py sets each once."""
    conf_py = Path(app.confdir, "conf.py")
    base = site_url(config)
    config.html_baseurl = base
    if config.blog_baseurl and config.blog_baseurl.rstrip("/") + "/" != base:
        logger.warning(
            f"{conf_py}: blog_baseurl ({config.blog_baseurl!r}) differs from html_baseurl ({base!r}): "
            "remove blog_baseurl, the site address is set once, as html_baseurl",
            type="ppblog", subtype="config",
        )
    config.blog_baseurl = base
    if not config.ogp_site_url:
        config.ogp_site_url = base
    licence = settings(config).licence  # checked by config.validate
    if licence and config.html_theme == "sphinx_book_theme" and "extra_footer" not in config.html_theme_options:
        # The book theme's footer line; other themes would reject the option.
        config.html_theme_options = {**config.html_theme_options, "extra_footer": licence_footer(licence)}
    records, problems = authors.load_registry(Path(app.confdir))
    registry = Path(app.confdir, authors.REGISTRY_FILE)
    for problem in problems:
        # A "path:line" string: a (docname, line) location needs the environment, not made yet.
        logger.warning(problem.message, location=f"{registry}:{problem.line}" if problem.line else str(registry),
                       type="ppblog", subtype="authors")
    config.ppblog_author_records = records
    config.html_static_path = [*config.html_static_path, str(STATIC)]


def licence_footer(licence: dict[str, str]) -> str:
    name, url = html.escape(licence["name"]), html.escape(licence["url"])
    return f'<p class="pp-licence-footer">Posts are licensed under <a rel="license" href="{url}">{name}</a>.</p>'


# --- what a post is, as cited ----------------------------------------------------------


def page_address(app, docname: str) -> str:
    """The published (HTML) address of a page, whichever builder asks: print cites it too."""
    if app.builder.format == "html":
        return site_url(app.config) + app.builder.get_target_uri(docname)
    return site_url(app.config) + docname + (app.config.html_link_suffix or app.config.html_file_suffix or ".html")


def articles_of(post: dict[str, Any], collection: dict[str, Any] | None) -> tuple[citation.Article, ...]:
    """The journal articles a post discusses: its own DOI (special issue posts), else the
    featured articles of its highlights collection."""
    if post.get("doi"):
        journal = collection.get("journal", "") if collection else ""
        return (citation.Article(doi=post["doi"], journal=journal),)
    if collection and collection.get("kind") == fm.HIGHLIGHTS:
        return tuple(
            citation.Article(doi=a.get("doi", ""), title=a["title"], authors=tuple(a["authors"]),
                             journal=collection.get("journal", ""))
            for a in collection.get("featured_articles") or []
        )
    return ()


def citable(app, docname: str) -> citation.Citable | None:
    domain: PostsDomain = app.env.domains["ppblog"]
    post = domain.posts.get(docname)
    if post is None:
        return None
    config = app.config
    registry = config.ppblog_author_records
    collection = domain.collection_by_slug(post["collection"])
    licence = settings(config).licence
    editions = settings(config).editions_url
    return citation.Citable(
        title=post["title"],
        authors=tuple(authors.person(author, registry) for author in post["authors"]),
        date=fm.parse_date(post["date"]),
        url=page_address(app, docname),
        key=post_slug(docname),
        blog=config.blog_title,
        publisher=config.author,
        language=config.language or "en",
        keywords=tuple(post["tags"]),
        licence_name=licence.get("name", ""),
        licence_url=licence.get("url", ""),
        pdf_url=f"{editions.rstrip('/')}/{post['collection']}.pdf" if editions and collection else "",
        description=post.get("excerpt", ""),
        original_url=post["original_url"],
        articles=articles_of(post, collection),
        collection={"name": collection["title"], "kind": collection["kind"],
                    "url": page_address(app, f"posts/{collection['slug']}/index")} if collection else {},
        image=urljoin(site_url(config), config.ogp_image) if config.ogp_image else "",
    )


def shorten(text: str, length: int = DESCRIPTION_LENGTH) -> str:
    return shorten_text(citation.clean(text), length)


# --- head tags, JSON-LD, downloads -----------------------------------------------------


def add_head_tags(app, pagename: str, templatename: str, context: dict, doctree) -> None:
    """``html-page-context``, before sphinxext-opengraph's handler (500), which reads ``meta``
    and looks for a ``description`` tag: only what it reads is added here; the citation tags
    follow it (:func:`add_citation_tags`), since it parses every tag added before it (a
    quarter of its time, at every page of a full build)."""
    if app.builder.format != "html":
        return
    domain: PostsDomain = app.env.domains["ppblog"]
    if pagename in domain.posts:
        post = context[CITABLE] = citable(app, pagename)
        # Per-page settings for sphinxext-opengraph, on a copy: ``meta`` is the environment's.
        # It writes them into attributes escaping only '"', so the rest is escaped here.
        context["meta"] = {
            **(context.get("meta") or {}),
            "og:type": "article",
            "og:title": html.escape(citation.clean(post.title), quote=False),
        }
        if post.description:
            description = shorten(post.description)
            # Before sphinxext-opengraph's, which would otherwise describe the page by its byline.
            context["metatags"] += citation.meta_tags([("description", description)])
            context["meta"]["og:description"] = html.escape(description, quote=False)
            # Its own description, which this one replaces, is then not looked for in the page.
            context["meta"]["ogp_description_length"] = 0
        write_downloads(app, pagename, post)
    elif pagename.startswith(AUTHOR_PAGES):
        collection = context.get("collection")
        name = getattr(collection, "name", None)
        record = app.config.ppblog_author_records.get(authors.person_key(name)) if name else None
        if record:
            context["ppblog_author"] = {**record, "orcid_url": citation.orcid_url(record["orcid"])
                                        if record.get("orcid") else ""}


# The post as cited, from add_head_tags to add_citation_tags (not a template's).
CITABLE = "_ppblog_citable"


def add_citation_tags(app, pagename: str, templatename: str, context: dict, doctree) -> None:
    """``html-page-context``, after sphinxext-opengraph's handler: Highwire, Dublin Core,
    ``article:`` and JSON-LD for a post; JSON-LD for a collection's page."""
    if app.builder.format != "html":
        return
    post = context.pop(CITABLE, None)
    if post is not None:
        context["metatags"] += head_tags_of_post(app, post)
    elif pagename in app.env.domains["ppblog"].collections:
        context["metatags"] += citation.json_ld_script(collection_json_ld(app, pagename))


def head_tags_of_post(app, post: citation.Citable) -> str:
    tags = citation.meta_tags(citation.highwire_tags(post))
    dublin_core = citation.dublin_core_tags(post)
    if dublin_core:
        tags += '<link rel="schema.DC" href="http://purl.org/dc/elements/1.1/" />\n' + citation.meta_tags(dublin_core)
    article = [("article:published_time", post.date.isoformat())]
    article += [("article:author", site_url(app.config) + app.builder.get_target_uri(
        AUTHOR_PAGES + slugify(person.name))) for person in post.authors]
    article += [("article:tag", keyword) for keyword in post.keywords]
    tags += citation.meta_tags(article, attribute="property")
    tags += citation.json_ld_script(citation.blog_posting(post, site_url(app.config)))
    return tags


def collection_json_ld(app, docname: str) -> dict[str, Any]:
    domain: PostsDomain = app.env.domains["ppblog"]
    collection = domain.collections[docname]
    posts = [(post["title"], page_address(app, name)) for name, post in domain.posts_in(collection["slug"])
             if not post["draft"]]
    featured = tuple(
        citation.Article(doi=a.get("doi", ""), title=a["title"], authors=tuple(a["authors"]),
                         journal=collection.get("journal", ""))
        for a in collection.get("featured_articles") or []
    )
    licence = settings(app.config).licence
    return citation.collection_page(
        kind=collection["kind"], title=collection["title"], url=page_address(app, docname),
        site_url=site_url(app.config), publisher=app.config.author, language=app.config.language or "en",
        licence_url=licence.get("url", ""), posts=posts,
        issue=collection if collection["kind"] == fm.SPECIAL_ISSUE else None, articles=featured,
    )


def download_names(docname: str) -> tuple[str, str]:
    """The BibTeX and RIS files of a post, beside its page."""
    stem = posixpath.basename(docname)
    return f"{stem}.bib", f"{stem}.ris"


def write_downloads(app, pagename: str, post: citation.Citable) -> None:
    folder = Path(app.builder.get_outfilename(pagename)).parent
    folder.mkdir(parents=True, exist_ok=True)
    bib, ris = download_names(pagename)
    for name, content in ((bib, citation.bibtex(post)), (ris, citation.ris(post))):
        path = folder / name
        data = content.encode("utf-8")
        if not path.exists() or path.read_bytes() != data:
            path.write_bytes(data)


def remove_downloads_of_removed_docs(app, env, added, changed, removed) -> list[str]:
    """``env-get-outdated``: a deleted, moved or unpublished post takes its downloads with it,
    as its page goes (rebuild.reread_landing_pages)."""
    if app.builder.format != "html":
        return []
    for docname in removed:
        folder = Path(app.builder.get_outfilename(docname)).parent
        for name in download_names(docname):
            (folder / name).unlink(missing_ok=True)
    return []


# --- the citation in the page ----------------------------------------------------------


def add_citation_placeholder(app, doctree: nodes.document) -> None:
    """``doctree-read``, after the post's metadata (reading.add_post_metadata): a placeholder
    at the end of the post, filled in when the page is written, with the site's address then."""
    docname = app.env.docname
    if docname not in app.env.domains["ppblog"].posts:
        return
    section = next(iter(doctree.findall(nodes.section)), None)
    if section is not None:
        section += cite_this(docname=docname)


def citation_nodes(segments: list[tuple[str, bool]], url: str) -> list[nodes.Node]:
    """The formatted citation as text, emphasis and a link for the post's address."""
    result: list[nodes.Node] = []
    for text, italic in segments:
        if italic:
            result.append(nodes.emphasis(text, text))
            continue
        before, found, after = text.partition(url)
        if before:
            result.append(nodes.Text(before))
        if found:
            result.append(nodes.reference(url, url, refuri=url))
        if after:
            result.append(nodes.Text(after))
    return result


def reuse_line(post: citation.Citable) -> nodes.paragraph:
    """The licence and the credit line a reuser copies (as The Conversation and LSE blogs do)."""
    people = names([person.name for person in post.authors])
    line = nodes.paragraph(classes=["pp-licence"])
    line += nodes.Text(f"© {post.date.year} {people}. This post is licensed under ")
    line += nodes.reference(post.licence_name, post.licence_name, refuri=post.licence_url)
    line += nodes.Text(f". To reuse it, credit it as: “{citation.clean(post.title)}” by {people}, "
                       f"{post.blog}, {post.url}, {post.licence_name}.")
    return line


def article_links(post: citation.Citable) -> list[nodes.Node]:
    found = []
    for article in post.articles:
        if not article.doi:
            continue
        line = nodes.paragraph(classes=["pp-read-article"])
        line += nodes.reference("", "Read the article", refuri=article.url)
        if article.title:
            line += nodes.Text(f": {citation.clean(article.title)}")
        line += nodes.Text(f" (doi:{article.doi})")
        found.append(line)
    return found


class CiteThisPost(SphinxPostTransform):
    """Fill in each post's citation placeholder for the output being written."""

    default_priority = 5

    def run(self, **kwargs: Any) -> None:
        for node in list(self.document.findall(cite_this)):
            post = citable(self.app, node["docname"])
            if post is None:
                node.parent.remove(node)
                continue
            segments = citation.apa(post)
            if self.app.builder.format == "latex":
                line = nodes.paragraph(classes=["pp-how-to-cite"])
                line += nodes.strong("", "How to cite: ")
                line += citation_nodes(segments, post.url)
                node.replace_self(line)
                continue
            box = nodes.container(classes=["pp-cite", "no-search"])
            box.extend(article_links(post))
            box += nodes.rubric("", "Cite this post")
            box += nodes.paragraph("", "", *citation_nodes(segments, post.url), classes=["pp-citation"])
            if self.app.builder.format == "html":
                bib, ris = download_names(node["docname"])
                box += nodes.paragraph(
                    "", "", nodes.Text("Download the citation: "),
                    nodes.reference("", "BibTeX", refuri=bib, classes=["pp-download-bibtex"]), nodes.Text(" · "),
                    nodes.reference("", "RIS", refuri=ris, classes=["pp-download-ris"]),
                    nodes.Text(" (for Zotero, Mendeley, EndNote)"), classes=["pp-cite-downloads"],
                )
            if post.licence_url:
                box += reuse_line(post)
            node.replace_self(box)


# --- sitemap and robots.txt ------------------------------------------------------------


def published_pages(app) -> set[str]:
    """Every page a reader may be sent to: each document that is not a draft, and ABlog's
    archive, tag and author pages (as this build decided them, else as the last build did)."""
    domain: PostsDomain = app.env.domains["ppblog"]
    pages = {d for d in app.env.found_docs if not domain.posts.get(d, {}).get("draft")}
    build = build_of(app.config)
    archive = build.archive if build.archive is not None else build.kept.archive
    return pages | set(archive.get("pages", {}))


def complete_sitemap(app, exception) -> None:
    """``build-finished``, before sphinx-sitemap writes ``sitemap.xml`` (500)."""
    links = getattr(app, "sitemap_links", None)
    if exception is not None or links is None or app.builder.format != "html":
        return
    suffix = app.config.html_file_suffix or ".html"
    for pagename in sorted(published_pages(app)):
        link = pagename + suffix
        if not is_excluded(link, app.config.sitemap_excludes):
            links.put((link, None))


def write_robots(app, exception) -> None:
    """``build-finished``: ``robots.txt`` pointing at the sitemap (when the site has an address)."""
    base = site_url(app.config)
    if exception is not None or app.builder.format != "html" or not base or "sitemap_filename" not in app.config:
        return
    text = f"User-agent: *\nAllow: /\n\nSitemap: {base}{app.config.sitemap_filename}\n"
    path = Path(app.outdir) / "robots.txt"
    if not path.exists() or path.read_text(encoding="utf-8") != text:
        path.write_text(text, encoding="utf-8")
