"""Nothing is lost: every post of a generated archive appears everywhere a reader looks for it.

A synthetic archive of 300 posts (12 collections, 1 to 4 authors and 2 to 4 tags per post,
``pp_blog.synthetic``) is built with ``ppblog build``, as ``make html`` does; each test
checks one place for every post and reports all the posts missing from it at once.
"""

from __future__ import annotations

import json
import pickle
import re
import subprocess
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

import pytest
from ablog.blog import slugify
from bs4 import BeautifulSoup

from pp_blog.model import frontmatter as fm
from pp_blog.synthetic import generate
from citation_checks import posts_of, problems_of, sitemap_of
from conftest import REPO, ppblog

POSTS = 300
ATOM = "{http://www.w3.org/2005/Atom}"
BOOK_PDF = "policy-and-politics-blog"


@dataclass(frozen=True)
class Post:
    docname: str
    title: str
    authors: list[str]
    tags: list[str]
    collection: str


@dataclass
class Archive:
    source: Path
    html: Path
    doctrees: Path
    posts: list[Post]

    def page(self, path: str) -> BeautifulSoup:
        return BeautifulSoup((self.html / path).read_text(encoding="utf-8"), "html.parser")


@pytest.fixture(scope="module")
def archive(tmp_path_factory) -> Archive:
    root = tmp_path_factory.mktemp("archive")
    source = root / "source"
    docnames = generate(source, POSTS, template_root=REPO)
    result = ppblog("build", "--out", str(root / "html"), "-q", cwd=source)
    assert result.returncode == 0, result.stderr
    posts = []
    for docname in docnames:
        data = fm.parse_front_matter((source / f"{docname}.md").read_text(encoding="utf-8")).data
        authors = [author.name for author in fm.authors_of(data)]
        posts.append(Post(docname, data["title"], authors, list(data["tags"]), data["collection"]))
    return Archive(source, root / "html", root / "doctrees-html", posts)


def missing(posts: list[Post], found) -> list[str]:
    return [post.docname for post in posts if not found(post)]


def link_texts(soup: BeautifulSoup, selector: str = "article") -> dict[str, set[str]]:
    """Link text -> hrefs, for every link in the page's article."""
    links: dict[str, set[str]] = {}
    for a in soup.select(f"{selector} a[href]"):
        links.setdefault(a.get_text(" ", strip=True), set()).add(a["href"].split("#")[0])
    return links


def test_the_archive_has_the_size_and_variety_the_invariants_need(archive):
    assert len(archive.posts) == POSTS
    assert len({post.collection for post in archive.posts}) >= 10
    assert max(len(post.authors) for post in archive.posts) >= 3
    assert len({tag for post in archive.posts for tag in post.tags}) >= 20


def test_every_post_has_its_own_page_with_its_title_and_every_author(archive):
    def shown(post: Post) -> bool:
        soup = archive.page(f"{post.docname}.html")
        title = soup.select_one("article h1").get_text(strip=True).rstrip("#")
        byline = [a.get_text(strip=True) for a in soup.select(".pp-byline .pp-author")]
        return title == post.title and byline == post.authors

    assert missing(archive.posts, shown) == []


def test_every_post_is_listed_on_its_collection_page(archive):
    pages: dict[str, dict[str, set[str]]] = {}

    def listed(post: Post) -> bool:
        if post.collection not in pages:
            pages[post.collection] = link_texts(archive.page(f"posts/{post.collection}/index.html"))
        return f"{post.docname.rsplit('/', 1)[1]}.html" in pages[post.collection].get(post.title, set())

    assert missing(archive.posts, listed) == []


def test_every_post_is_in_its_collection_toctree(archive):
    with (archive.doctrees / "environment.pickle").open("rb") as saved:
        env = pickle.load(saved)
    assert missing(archive.posts, lambda post: post.docname in env.toctree_includes[f"posts/{post.collection}/index"]) == []


def test_every_post_is_in_the_archive_page(archive):
    links = link_texts(archive.page("blog/archive.html"), "main")
    assert missing(archive.posts, lambda post: any(href.endswith(f"{post.docname}.html") for href in links.get(post.title, ()))) == []


@pytest.mark.parametrize("catalog, field", [("author", "authors"), ("tag", "tags")])
def test_every_post_is_on_each_of_its_author_and_tag_pages(archive, catalog, field):
    pages: dict[str, set[str]] = {}

    def titles_on(path: str) -> set[str]:
        if path not in pages:
            pages[path] = set(link_texts(archive.page(path), "main"))
        return pages[path]

    assert missing(archive.posts, lambda post: all(
        post.title in titles_on(f"blog/{catalog}/{slugify(name)}.html") for name in getattr(post, field)
    )) == []


def feed_authors(path: Path) -> dict[str, list[str]]:
    """Entry title -> its authors' names, from an Atom feed."""
    entries = ET.parse(path).getroot().findall(f"{ATOM}entry")
    return {
        entry.findtext(f"{ATOM}title"): [author.findtext(f"{ATOM}name") for author in entry.findall(f"{ATOM}author")]
        for entry in entries
    }


def test_every_post_is_in_the_site_feed_with_every_author(archive):
    entries = feed_authors(archive.html / "blog/atom.xml")
    assert len(entries) == POSTS
    assert missing(archive.posts, lambda post: entries.get(post.title) == post.authors) == []


def test_every_post_is_in_its_collection_feed_with_every_author(archive):
    feeds: dict[str, dict[str, list[str]]] = {}

    def in_feed(post: Post) -> bool:
        if post.collection not in feeds:
            feeds[post.collection] = feed_authors(archive.html / f"posts/{post.collection}/atom.xml")
        return feeds[post.collection].get(post.title) == post.authors

    assert missing(archive.posts, in_feed) == []


def test_every_post_is_in_the_search_index_under_its_title(archive):
    text = (archive.html / "searchindex.js").read_text(encoding="utf-8")
    index = json.loads(re.fullmatch(r"Search\.setIndex\((.*)\)\s*", text, re.DOTALL).group(1))
    titles = dict(zip(index["docnames"], index["titles"]))
    assert missing(archive.posts, lambda post: titles.get(post.docname) == post.title) == []


def squeezed(text: str) -> str:
    """Text without spaces or hyphens, so that line breaks and hyphenation in a PDF do not matter."""
    return re.sub(r"[\s\-‐]+", "", text)


def test_every_post_is_in_the_printed_book(archive, tmp_path):
    latex = tmp_path / "latex"
    result = ppblog("build", "--builder", "latex", "--out", str(latex), "-q", cwd=archive.source)
    assert result.returncode == 0, result.stderr
    subprocess.run(["make", "-C", str(latex), f"{BOOK_PDF}.pdf", "LATEXMKOPTS=-silent"], check=True, capture_output=True)
    text = squeezed(subprocess.run(
        ["pdftotext", str(latex / f"{BOOK_PDF}.pdf"), "-"], capture_output=True, text=True, check=True,
    ).stdout)
    assert missing(archive.posts, lambda post: squeezed(post.title) in text) == []


def test_no_post_lacks_citation_metadata(archive):
    """Highwire tags, JSON-LD, social card, 'Cite this post', BibTeX, RIS, sitemap (citation_checks.py)."""
    sitemap = sitemap_of(archive.html)
    found = {post.docname: problems_of(post, archive.html, sitemap, with_extruct=False)
             for post in posts_of(archive.source)}
    assert len(found) == POSTS
    assert {docname: problems for docname, problems in found.items() if problems} == {}
