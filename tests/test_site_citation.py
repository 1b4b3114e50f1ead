"""Every post of the real site, and of a generated archive of 300 posts, is citable and
discoverable: Highwire tags for every author, JSON-LD, a social card, 'Cite this post', BibTeX
and RIS that parse, and one entry in the sitemap. Facts come from the front matter."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

import bibtexparser
import extruct
import pytest
import rispy
from bibtexparser.middlewares import LatexDecodingMiddleware, SeparateCoAuthors
from bs4 import BeautifulSoup

from pp_blog import frontmatter as fm
from pp_blog.citation import Person
from pp_blog.collections import is_draft
from pp_blog.synthetic import generate
from conftest import REPO

pytestmark = pytest.mark.site

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


def test_every_post_of_the_real_site_is_citable_and_discoverable(site):
    sitemap = sitemap_of(site.outdir)
    posts = posts_of(REPO)
    assert posts
    found = {p.docname: problems_of(p, site.outdir, sitemap, with_extruct=True) for p in posts}
    assert {docname: problems for docname, problems in found.items() if problems} == {}


def test_real_landing_pages_and_footer(site):
    for landing in sorted(REPO.glob("posts/*/index.md")):
        docname = landing.relative_to(REPO).with_suffix("").as_posix()
        html = site.text(f"{docname}.html")
        [page] = extruct.extract(html, syntaxes=["json-ld"], uniform=True)["json-ld"]
        assert page["@type"] == "CollectionPage"
        assert page["url"] == BASE + docname + ".html"
    footer = site.page("index.html").select_one(".pp-licence-footer a")
    assert (footer.get_text(), footer["href"]) == ("CC BY 4.0", "https://creativecommons.org/licenses/by/4.0/")
    sitemap = sitemap_of(site.outdir)
    assert len(sitemap) == len(set(sitemap)) and not any("/en/" in link for link in sitemap)


POSTS = 300


def test_no_post_of_a_generated_archive_lacks_metadata(tmp_path):
    source = tmp_path / "source"
    generate(source, POSTS, template_root=REPO)
    result = subprocess.run([sys.executable, "-m", "pp_blog.cli", "build", "--out", str(tmp_path / "html"), "-q"],
                            cwd=source, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    posts = posts_of(source)
    assert len(posts) == POSTS
    sitemap = sitemap_of(tmp_path / "html")
    found = {p.docname: problems_of(p, tmp_path / "html", sitemap, with_extruct=False) for p in posts}
    assert {docname: problems for docname, problems in found.items() if problems} == {}
