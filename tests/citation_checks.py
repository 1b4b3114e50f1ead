"""What every citable post carries, checked page by page for the real site (test_site_citation.py)
and a generated archive (test_invariants.py): Highwire tags for every author, JSON-LD, a social
card, 'Cite this post', BibTeX and RIS that parse, and one entry in the sitemap. The facts come
from the front matter."""

from __future__ import annotations

import datetime as dt
import json
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

import bibtexparser
import extruct
import rispy
from bibtexparser.middlewares import LatexDecodingMiddleware, SeparateCoAuthors
from bs4 import BeautifulSoup

from pp_blog.model import frontmatter as fm
from pp_blog.model.citation import Person
from pp_blog.model.drafts import is_draft

BASE = "https://policyandpolitics.github.io/blog/"
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
NOT_FOR_A_BLOG_POST = {"citation_journal_title", "citation_volume", "citation_issue", "citation_firstpage",
                       "citation_lastpage"}


@dataclass(frozen=True)
class Post:
    docname: str
    title: str
    authors: list[str]
    tags: list[str]
    date: str


def posts_of(source: Path) -> list[Post]:
    found = []
    for path in sorted(source.glob("posts/*/*.md")):
        if path.name == "index.md":
            continue
        data = fm.parse_front_matter(path.read_text(encoding="utf-8")).data
        if is_draft(data, dt.date.today()):
            continue
        found.append(Post(path.relative_to(source).with_suffix("").as_posix(), data["title"],
                          [a.name for a in fm.authors_of(data)], list(data.get("tags") or []), data["date"]))
    return found


def problems_of(post: Post, outdir: Path, sitemap: list[str], *, with_extruct: bool) -> list[str]:
    """Everything missing from one post's page and downloads, as short descriptions."""
    html = (outdir / f"{post.docname}.html").read_text(encoding="utf-8")
    soup = BeautifulSoup(html, "html.parser")
    url = BASE + post.docname + ".html"
    problems = []
    tags = [(m["name"], m["content"]) for m in soup.find_all("meta", attrs={"name": True})]
    names = [name for name, _ in tags]
    values = dict(tags)
    if values.get("citation_title") != post.title:
        problems.append("citation_title")
    if [c for n, c in tags if n == "citation_author"] != [Person(a).sorted_name() for a in post.authors]:
        problems.append("citation_author")
    if [c for n, c in tags if n == "citation_keywords"] != post.tags:
        problems.append("citation_keywords")
    for name in ("citation_publication_date", "citation_online_date", "citation_language", "citation_publisher"):
        if not values.get(name):
            problems.append(name)
    if values.get("citation_fulltext_html_url") != url or soup.find("link", rel="canonical")["href"] != url:
        problems.append("address")
    if NOT_FOR_A_BLOG_POST & set(names):
        problems.append("journal article tags")
    if with_extruct:
        data = extruct.extract(html, base_url=url, syntaxes=["json-ld", "opengraph"], uniform=True)
        postings = [d for d in data["json-ld"] if d.get("@type") == "BlogPosting"]
        og = data["opengraph"][0] if data["opengraph"] else {}
    else:
        postings = [json.loads(s.string) for s in soup.find_all("script", type="application/ld+json")]
        og = {m["property"]: m["content"] for m in soup.find_all("meta", property=True)}
        og["@type"] = og.get("og:type")
    if len(postings) != 1 or postings[0]["headline"] != post.title or \
            [a["name"] for a in postings[0]["author"]] != post.authors or not postings[0].get("image"):
        problems.append("JSON-LD")
    if og.get("@type") != "article" or not og.get("og:description") or not og.get("og:image"):
        problems.append("social card")
    if not soup.find("meta", property="article:published_time"):
        problems.append("article:published_time")
    box = soup.select_one(".pp-cite .pp-citation")
    if box is None or not box.get_text().endswith(url) or "(" + post.date[:4] not in box.get_text():
        problems.append("Cite this post")
    stem = outdir / post.docname
    library = bibtexparser.parse_string(stem.with_suffix(".bib").read_text(encoding="utf-8"),
                                        append_middleware=[LatexDecodingMiddleware(), SeparateCoAuthors()])
    if library.failed_blocks or len(library.entries) != 1 or len(library.entries[0]["author"]) != len(post.authors):
        problems.append("BibTeX")
    records = rispy.loads(stem.with_suffix(".ris").read_text(encoding="utf-8"))
    if len(records) != 1 or records[0]["authors"] != [Person(a).sorted_name() for a in post.authors]:
        problems.append("RIS")
    if sitemap.count(url) != 1:
        problems.append("sitemap")
    return problems


def sitemap_of(outdir: Path) -> list[str]:
    return [loc.text for loc in ET.fromstring((outdir / "sitemap.xml").read_bytes()).iter(f"{SITEMAP}loc")]
