"""Citation metadata, "Cite this post", author records, feeds and the sitemap, on a small test
root (``tests/roots/test-citation``) built by Sphinx and read back with real parsers."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import bibtexparser
import extruct
import pytest
import rispy
from bibtexparser.middlewares import LatexDecodingMiddleware, SeparateCoAuthors
from bs4 import BeautifulSoup

BASE = "https://example.org/blog/"
FIRST = BASE + "posts/si/first.html"
ATOM = "{http://www.w3.org/2005/Atom}"
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


def text(app, path: str) -> str:
    return (app.outdir / path).read_text(encoding="utf-8")


def page(app, path: str) -> BeautifulSoup:
    return BeautifulSoup(text(app, path), "html.parser")


def highwire(soup: BeautifulSoup) -> list[tuple[str, str]]:
    return [(m["name"], m["content"]) for m in soup.find_all("meta", attrs={"name": True})
            if m["name"].startswith("citation_")]


def json_ld(app, path: str) -> list[dict]:
    return extruct.extract(text(app, path), base_url=BASE + path, syntaxes=["json-ld"], uniform=True)["json-ld"]


pytestmark = pytest.mark.sphinx("html", testroot="citation")


def test_highwire_tags_list_every_author_in_order_and_nothing_of_a_journal_article(built):
    assert highwire(page(built, "posts/si/first.html")) == [
        ("citation_title", "Digital platforms for the co-creation of public value"),
        ("citation_author", "Jukić, Tina"),
        ("citation_author_institution", "University of Ljubljana"),
        ("citation_author_orcid", "https://orcid.org/0000-0002-1825-0097"),
        ("citation_author", "van den Berg, Jan"),
        ("citation_author_institution", "Utrecht University"),
        ("citation_author", "Other, Ann"),
        ("citation_author_institution", "Roskilde University"),
        ("citation_publication_date", "2021/05/12"),
        ("citation_online_date", "2021/05/12"),
        ("citation_language", "en"),
        ("citation_keywords", "co-creation"),
        ("citation_keywords", "public value"),
        ("citation_fulltext_html_url", FIRST),
        ("citation_pdf_url", "https://example.org/pdf/si.pdf"),
        ("citation_publisher", "Policy & Politics"),
    ]


def test_one_address_for_canonical_link_social_card_json_ld_and_citation(built):
    soup = page(built, "posts/si/first.html")
    [canonical] = soup.find_all("link", rel="canonical")
    og = extruct.extract(text(built, "posts/si/first.html"), syntaxes=["opengraph"], uniform=True)["opengraph"][0]
    [posting] = json_ld(built, "posts/si/first.html")
    assert canonical["href"] == og["og:url"] == posting["url"] == FIRST
    assert soup.find("meta", attrs={"name": "citation_fulltext_html_url"})["content"] == FIRST
    assert og["@type"] == "article"  # og:type, as extruct's uniform output names it
    assert og["og:description"] == "The opening paragraph of the first post."
    assert soup.find("meta", property="article:published_time")["content"] == "2021-05-12"
    assert [m["content"] for m in soup.find_all("meta", property="article:author")] == [
        BASE + "blog/author/tina-jukic.html", BASE + "blog/author/jan-van-den-berg.html",
        BASE + "blog/author/ann-other.html",
    ]
    assert [m["content"] for m in soup.find_all("meta", attrs={"name": "description"})] == [
        "The opening paragraph of the first post."
    ]


@pytest.mark.sphinx("html", testroot="citation", freshenv=True)
def test_a_post_with_a_description_is_not_walked_for_another_one(app, warning, monkeypatch):
    """sphinxext-opengraph describes a page from its text unless told the length is 0; a post
    whose description we give (it replaces theirs) is not walked for one."""
    import sphinxext.opengraph

    lengths = {}
    original = sphinxext.opengraph.get_description

    def get_description(doctree, length, *args):
        lengths[doctree["source"].rpartition("/")[2]] = length
        return original(doctree, length, *args)

    monkeypatch.setattr(sphinxext.opengraph, "get_description", get_description)
    app.build()
    assert warning.getvalue() == ""
    assert lengths["first.md"] == 0
    assert lengths["index.md"] == app.config.ogp_description_length > 0
    soup = page(app, "posts/si/first.html")
    assert [m["content"] for m in soup.find_all("meta", property="og:description")] == [
        "The opening paragraph of the first post."]


def test_dublin_core_is_read_by_extruct(built):
    [dc] = extruct.extract(text(built, "posts/si/first.html"), syntaxes=["dublincore"])["dublincore"]
    elements = {(e["name"].lower(), e["content"]) for e in dc["elements"] if e["name"].lower().startswith("dc.")}
    # Only what the citation tags cannot say: the licence.
    assert elements == {("dc.rights", "https://creativecommons.org/licenses/by/4.0/")}


def test_json_ld_blog_posting_has_people_article_collection_and_licence(built):
    [posting] = json_ld(built, "posts/si/first.html")
    assert posting["@type"] == "BlogPosting"
    assert posting["headline"] == "Digital platforms for the co-creation of public value"
    assert [a["name"] for a in posting["author"]] == ["Tina Jukić", "Jan van den Berg", "Ann Other"]
    assert posting["author"][0]["sameAs"] == ["https://orcid.org/0000-0002-1825-0097"]
    assert posting["author"][0]["affiliation"] == {"@type": "Organization", "name": "University of Ljubljana"}
    assert posting["datePublished"] == "2021-05-12"
    assert posting["keywords"] == ["co-creation", "public value"]
    assert posting["inLanguage"] == "en"
    assert posting["isPartOf"] == {"@type": "CreativeWorkSeries", "name": "Special issue: co-creation",
                                   "url": BASE + "posts/si/index.html"}
    [article] = posting["about"]
    assert article["@type"] == "ScholarlyArticle"
    assert article["identifier"]["value"] == "10.1332/030557321X16115951032181"
    assert article["sameAs"] == "https://doi.org/10.1332/030557321X16115951032181"
    assert posting["publisher"]["name"] == "Policy & Politics"
    assert posting["license"] == "https://creativecommons.org/licenses/by/4.0/"


def test_collection_pages_describe_the_issue_and_the_featured_articles(built):
    [issue_page] = json_ld(built, "posts/si/index.html")
    issue = issue_page["about"]
    assert issue["@type"] == "PublicationIssue"
    assert issue["issueNumber"] == "2"
    assert issue["isPartOf"]["volumeNumber"] == "49"
    assert issue["isPartOf"]["isPartOf"]["name"] == "Policy & Politics"
    assert [e["name"] for e in issue["editor"]] == ["Jacob Torfing", "Tina Jukić"]
    assert [p["url"] for p in issue_page["hasPart"]] == [FIRST, BASE + "posts/si/hostile.html"]
    [highlights] = json_ld(built, "posts/hl/index.html")
    featured = [item["item"] for item in highlights["mainEntity"]["itemListElement"]]
    assert [a["name"] for a in featured] == ["Growth and gaps: a meta-review of policy diffusion studies",
                                             "Drivers of health policy adoption"]
    assert featured[0]["identifier"]["value"] == "10.1332/030557321X16119271286848"
    assert "identifier" not in featured[1]


def test_cite_this_post_gives_apa_downloads_and_the_reuse_line(built):
    box = page(built, "posts/si/first.html").select_one(".pp-cite")
    assert "no-search" in box["class"]
    assert box.select_one(".pp-citation").get_text() == (
        f"Jukić, T., van den Berg, J., & Other, A. (2021, May 12). Digital platforms for the co-creation of "
        f"public value. Test Blog. {FIRST}"
    )
    assert box.select_one(".pp-citation em").get_text() == "Test Blog"
    assert box.select_one(".pp-download-bibtex")["href"] == "first.bib"
    assert box.select_one(".pp-download-ris")["href"] == "first.ris"
    read = box.select_one(".pp-read-article a")
    assert (read.get_text(), read["href"]) == ("Read the article", "https://doi.org/10.1332/030557321X16115951032181")
    licence = box.select_one(".pp-licence")
    assert licence.a["href"] == "https://creativecommons.org/licenses/by/4.0/"
    assert "To reuse it, credit it as: “Digital platforms for the co-creation of public value” by Tina Jukić, " \
           f"Jan van den Berg and Ann Other, Test blog, {FIRST}, CC BY 4.0." in licence.get_text()


def test_highlights_posts_link_the_featured_articles_with_a_doi(built):
    links = page(built, "posts/hl/diffusion.html").select(".pp-read-article a")
    assert [a["href"] for a in links] == ["https://doi.org/10.1332/030557321X16119271286848"]


def test_downloads_are_read_back_by_bibtexparser_and_rispy(built):
    library = bibtexparser.parse_string(text(built, "posts/si/first.bib"),
                                        append_middleware=[LatexDecodingMiddleware(), SeparateCoAuthors()])
    assert library.failed_blocks == []
    [entry] = library.entries
    assert entry["author"] == ["Jukić, Tina", "van den Berg, Jan", "Other, Ann"]
    assert entry["url"] == FIRST
    [record] = rispy.loads(text(built, "posts/si/first.ris"))
    assert record["authors"] == ["Jukić, Tina", "van den Berg, Jan", "Other, Ann"]
    assert record["urls"] == [FIRST]


def test_hostile_title_and_author_stay_escaped_in_every_output(built):
    title = "Quotes \"double\" & 'single' </script><!-- <b>bold</b> {brace %"
    source = text(built, "posts/si/hostile.html")
    soup = BeautifulSoup(source, "html.parser")
    assert soup.find("meta", attrs={"name": "citation_title"})["content"] == title
    assert soup.find("meta", property="og:title")["content"] == title
    assert not soup.find_all("b") and not soup.find_all(string=lambda s: "<!--" in s and s.parent.name == "head")
    [posting] = json_ld(built, "posts/si/hostile.html")
    assert posting["headline"] == title
    assert posting["author"][0]["name"] == "O'Brien </script> Smith"
    [entry] = bibtexparser.parse_string(text(built, "posts/si/hostile.bib")).entries
    assert entry.key == "smith2021quotes"
    assert rispy.loads(text(built, "posts/si/hostile.ris"))[0]["title"] == title


def test_author_page_shows_the_record_escaped_and_the_byline_links_to_it(built):
    record = page(built, "blog/author/tina-jukic.html").select_one(".pp-author-record")
    assert record.select_one(".pp-author-affiliation").get_text() == "University of Ljubljana"
    assert record.select_one(".pp-author-bio").get_text() == "Studies co-creation <script>alert(1)</script> & public value."
    assert not record.find("script")
    assert record.select_one(".pp-author-orcid a")["href"] == "https://orcid.org/0000-0002-1825-0097"
    assert record.select_one(".pp-author-url a")["href"] == "https://example.org/people/jukic"
    # No record: the page is the author's posts, as before.
    assert page(built, "blog/author/ann-other.html").select_one(".pp-author-record") is None
    byline = page(built, "posts/si/first.html").select(".pp-byline a")
    assert byline[0]["href"] == "../../blog/author/tina-jukic.html"


def test_feeds_carry_the_licence_and_orcids(built):
    feed = ET.fromstring(text(built, "blog/atom.xml"))
    assert feed.find(f"{ATOM}rights").text == "CC BY 4.0: https://creativecommons.org/licenses/by/4.0/"
    entry = next(e for e in feed.findall(f"{ATOM}entry") if e.find(f"{ATOM}id").text == FIRST)
    people = [(a.find(f"{ATOM}name").text, getattr(a.find(f"{ATOM}uri"), "text", None))
              for a in entry.findall(f"{ATOM}author")]
    assert people == [("Tina Jukić", "https://orcid.org/0000-0002-1825-0097"), ("Jan van den Berg", None),
                      ("Ann Other", None)]
    assert entry.find(f"{ATOM}rights").text == "CC BY 4.0: https://creativecommons.org/licenses/by/4.0/"


def sitemap(app) -> list[str]:
    root = ET.fromstring((app.outdir / "sitemap.xml").read_bytes())
    return [loc.text for loc in root.iter(f"{SITEMAP}loc")]


def test_sitemap_lists_every_published_page_once_without_a_language_folder(built):
    links = sitemap(built)
    assert len(links) == len(set(links))
    assert links == sorted(links)
    assert all(link.startswith(BASE) and "/en/" not in link for link in links)
    for page_name in ("index", "posts/si/index", "posts/si/first", "posts/si/hostile", "posts/hl/diffusion",
                      "blog/author/tina-jukic", "blog/tag/co-creation"):
        assert BASE + page_name + ".html" in links
    assert BASE + "search.html" not in links and BASE + "genindex.html" not in links
    assert not any("unpublished" in link for link in links)
    assert text(built, "robots.txt") == f"User-agent: *\nAllow: /\n\nSitemap: {BASE}sitemap.xml\n"


def test_an_incremental_build_keeps_every_page_in_the_sitemap(built, make_app, sphinx_test_tempdir):
    before = sitemap(built)
    again = make_app("html", srcdir=built.srcdir)
    again.build()
    assert sitemap(again) == before


@pytest.mark.sphinx("html", testroot="citation", confoverrides={"ppblog_show_drafts": True})
def test_drafts_shown_in_a_preview_are_never_in_the_sitemap(app, warning):
    app.build()
    assert (app.outdir / "posts/si/unpublished.html").exists()
    assert not any("unpublished" in link for link in sitemap(app))


def test_sphinxext_opengraph_parses_only_the_tags_it_reads(app, monkeypatch):
    """It parses every tag added before it to look for a description (a quarter of its time at
    every page): the citation tags and JSON-LD are added after it. (On a post whose description
    we give, it looks for none: test_a_post_with_a_description_is_not_walked_for_another_one.)"""
    import sphinxext.opengraph

    parsed: list[str] = []
    original = sphinxext.opengraph.get_meta_description

    def recorded(metatags: str):
        parsed.append(metatags)
        return original(metatags)

    monkeypatch.setattr(sphinxext.opengraph, "get_meta_description", recorded)
    app.build()
    assert parsed
    assert not any("citation_" in tags or "ld+json" in tags for tags in parsed)
    assert "citation_title" in text(app, "posts/si/first.html")
