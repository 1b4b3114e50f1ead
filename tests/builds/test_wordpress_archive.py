"""Nothing lost on import: a generated WordPress export of 400 posts (``pp_blog.wordpress.synthetic``)
is imported into a copy of the project and built as `make html` does; every published post is
then in the book, on its collection page, on its author and tag pages, in the feeds and in the
search index."""

from __future__ import annotations

import json
import re
import shutil
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from ablog.blog import slugify
from bs4 import BeautifulSoup

from conftest import REPO, ppblog
from pp_blog.model import frontmatter as fm
from pp_blog.wordpress.synthetic import MAP, generate_export, write_media
from pp_blog.wordpress.writer import RECORD

POSTS = 400
ATOM = "{http://www.w3.org/2005/Atom}"


@pytest.fixture(scope="module")
def book(tmp_path_factory):
    work = tmp_path_factory.mktemp("wordpress-archive")
    project = work / "project"
    project.mkdir()
    for name in ("conf.py", "index.md", "authors.yaml"):
        shutil.copy(REPO / name, project / name)
    for name in ("posts", "docs", "_static"):
        shutil.copytree(REPO / name, project / name)
    export = work / "export.xml"
    export.write_text(generate_export(POSTS), encoding="utf-8")
    (work / "map.toml").write_text(MAP, encoding="utf-8")
    write_media(work / "uploads")
    imported = ppblog("import", "wordpress", str(export), "--map", str(work / "map.toml"),
                      "--media", str(work / "uploads"), cwd=project)
    assert imported.returncode == 0, imported.stdout + imported.stderr
    check = ppblog("check", cwd=project)
    assert check.returncode == 0, check.stderr
    built = ppblog("build", "--out", str(work / "html"), "-q", cwd=project)
    assert built.returncode == 0, built.stderr
    assert "WARNING" not in built.stderr, built.stderr
    record = json.loads((project / RECORD).read_text(encoding="utf-8"))
    posts = []
    for entry in record["sites"]["https://blog.example.org"].values():
        data = fm.parse_front_matter((project / entry["path"]).read_text(encoding="utf-8")).data
        if data.get("draft"):
            continue
        docname = entry["path"].removesuffix(".md")
        posts.append((docname, data["title"], [a.name for a in fm.authors_of(data)], data.get("tags", []),
                      data["collection"]))
    return work / "html", posts, imported.stdout


def page(html: Path, path: str) -> BeautifulSoup:
    return BeautifulSoup((html / path).read_text(encoding="utf-8"), "html.parser")


def titles_linked(soup: BeautifulSoup, selector: str = "main") -> set[str]:
    return {a.get_text(" ", strip=True) for a in soup.select(f"{selector} a[href]")}


def test_the_import_has_the_variety_of_the_blog(book):
    _, posts, output = book
    assert f"{POSTS - 4} post(s) written" in output  # all but the private ones
    assert "drafts: 4, scheduled: 0" in output
    assert "no byline" not in output  # every series post's authors come from its byline
    assert len(posts) >= POSTS * 0.95
    collections = {post[4] for post in posts}
    assert {"generated-series", "generated-highlights", "blog-2019", "blog-2023"} <= collections
    assert max(len(post[2]) for post in posts) >= 2


def test_every_published_post_has_its_page_with_title_and_authors(book):
    html, posts, _ = book
    missing = []
    for docname, title, authors, _, _ in posts:
        soup = page(html, f"{docname}.html")
        shown = soup.select_one("article h1").get_text(strip=True).rstrip("#")
        byline = [a.get_text(strip=True) for a in soup.select(".pp-byline .pp-author")]
        if shown != title or byline != authors:
            missing.append(docname)
    assert missing == []


def test_every_published_post_is_listed_on_its_collection_page(book):
    html, posts, _ = book
    pages: dict[str, set[str]] = {}
    missing = []
    for docname, title, _, _, collection in posts:
        if collection not in pages:
            pages[collection] = titles_linked(page(html, f"posts/{collection}/index.html"), "article")
        if title not in pages[collection]:
            missing.append(docname)
    assert missing == []


@pytest.mark.parametrize("catalog, field", [("author", 2), ("tag", 3)])
def test_every_published_post_is_on_its_author_and_tag_pages(book, catalog, field):
    html, posts, _ = book
    pages: dict[str, set[str]] = {}
    missing = []
    for post in posts:
        for name in post[field]:
            path = f"blog/{catalog}/{slugify(name)}.html"
            if path not in pages:
                pages[path] = titles_linked(page(html, path))
            if post[1] not in pages[path]:
                missing.append((post[0], name))
    assert missing == []


def test_every_published_post_is_in_the_feeds(book):
    html, posts, _ = book

    def entries(path: Path) -> dict[str, list[str]]:
        root = ET.parse(path).getroot()
        return {e.findtext(f"{ATOM}title"): [a.findtext(f"{ATOM}name") for a in e.findall(f"{ATOM}author")]
                for e in root.findall(f"{ATOM}entry")}

    site = entries(html / "blog/atom.xml")
    collections: dict[str, dict] = {}
    missing = []
    for docname, title, authors, _, collection in posts:
        if collection not in collections:
            collections[collection] = entries(html / f"posts/{collection}/atom.xml")
        if site.get(title) != authors or collections[collection].get(title) != authors:
            missing.append(docname)
    assert missing == []


def test_every_published_post_is_in_the_search_index(book):
    html, posts, _ = book
    text = (html / "searchindex.js").read_text(encoding="utf-8")
    index = json.loads(re.fullmatch(r"Search\.setIndex\((.*)\)\s*", text, re.DOTALL).group(1))
    titles = dict(zip(index["docnames"], index["titles"]))
    assert [docname for docname, title, *_ in posts if titles.get(docname) != title] == []
