"""Collections on a small test root: listings, series navigation, feeds and drafts."""

from __future__ import annotations

import json

import xml.etree.ElementTree as ET

import pytest
from bs4 import BeautifulSoup

pytestmark = pytest.mark.sphinx("html", testroot="collections")

ATOM = "{http://www.w3.org/2005/Atom}"


def page(app, docname: str) -> BeautifulSoup:
    return BeautifulSoup((app.outdir / f"{docname}.html").read_text(encoding="utf-8"), "html.parser")


def listing_titles(soup) -> list[str]:
    return [p.get_text(" ", strip=True) for p in soup.select(".pp-collection-posts .pp-listing-title")]


def test_series_landing_lists_posts_by_position_not_file_name(built):
    soup = page(built, "posts/series/index")
    assert listing_titles(soup) == [
        "Blog 1: First in the series",
        "Blog 2: Second in the series",
        "Blog 3: Third in the series",
    ]
    first = soup.select_one(".pp-collection-post")
    assert first.select_one(".pp-listing-meta").get_text(strip=True) == "Albert Meijer and Wouter Boon · 12 May 2021"
    assert first.select_one(".pp-listing-excerpt").get_text(strip=True) == "Opening paragraph of the post at position 1."
    assert first.select_one("a")["href"] == "gamma.html"


def test_series_toctree_follows_the_same_order(built):
    assert built.env.toctree_includes["posts/series/index"] == [
        "posts/series/gamma", "posts/series/beta", "posts/series/alpha",
    ]


def test_landing_page_shows_the_declared_details(built):
    text = page(built, "posts/series/index").select_one(".pp-collection-details").get_text(" ", strip=True)
    assert "Policy & Politics, volume 49, issue 2, April 2021" in text
    assert "Jacob Torfing and Tina Jukić" in text
    assert "Special issue blog series: 4 blogs, 3 in this book" in text


def test_highlights_landing_lists_posts_by_date(built):
    soup = page(built, "posts/hl/index")
    assert listing_titles(soup) == ["Early highlights", "Late highlights"]


def test_series_post_shows_its_position_and_neighbours(built):
    context = page(built, "posts/series/beta").select_one(".pp-collection-context")
    assert context.select_one(".pp-series-position").get_text(" ", strip=True) == (
        "Blog 2 of 4 in the Special issue blog series on A special issue "
        "( Policy & Politics, volume 49, issue 2, April 2021 )."
    ).replace("( ", "(").replace(" )", ")")
    links = {a.get_text(strip=True): a["href"] for a in context.select("a")}
    assert links == {
        "A special issue": "index.html",
        "Blog 1: First in the series": "gamma.html",
        "Blog 3: Third in the series": "alpha.html",
    }


def test_first_and_last_posts_have_one_neighbour(built):
    first = page(built, "posts/series/gamma").select_one(".pp-series-links").get_text(" ", strip=True)
    last = page(built, "posts/series/alpha").select_one(".pp-series-links").get_text(" ", strip=True)
    assert first == "Next in the series: Blog 2: Second in the series"
    assert last == "Previous in the series: Blog 2: Second in the series"


def test_highlights_post_shows_collection_period_and_featured_articles(built):
    context = page(built, "posts/hl/zeta").select_one(".pp-collection-context")
    text = context.get_text(" ", strip=True)
    assert "Part of the highlights collection on policy diffusion (1 May – 31 July 2021)." in text
    doi = context.select_one(".pp-featured-articles a")
    assert doi["href"] == "https://doi.org/10.1332/030557321X16119271286848"
    assert "Daniel J. Mallinson, “Growth and gaps”" in context.select_one(".pp-featured-articles").get_text(" ", strip=True)


def test_collection_feed_carries_every_author(built):
    feed = ET.fromstring((built.outdir / "posts/series/atom.xml").read_text(encoding="utf-8"))
    entries = {e.findtext(f"{ATOM}title"): [a.findtext(f"{ATOM}name") for a in e.findall(f"{ATOM}author")]
               for e in feed.iter(f"{ATOM}entry")}
    assert entries == {
        "First in the series": ["Albert Meijer", "Wouter Boon"],
        "Second in the series": ["Edoardo Ongaro", "Irene Pluchinotta", "Martin Kitchener"],
        "Third in the series": ["Ewan Ferlie"],
    }


def test_site_feed_carries_every_author_of_every_post(built):
    feed = ET.fromstring((built.outdir / "blog/atom.xml").read_text(encoding="utf-8"))
    entries = {e.findtext(f"{ATOM}title"): [a.findtext(f"{ATOM}name") for a in e.findall(f"{ATOM}author")]
               for e in feed.iter(f"{ATOM}entry")}
    assert entries["Second in the series"] == ["Edoardo Ongaro", "Irene Pluchinotta", "Martin Kitchener"]
    assert set(entries) == {"First in the series", "Second in the series", "Third in the series",
                            "Early highlights", "Late highlights"}


def test_drafts_are_left_out_everywhere(built):
    # A post marked draft and a post dated after the build date.
    for docname in ("posts/hl/theta", "posts/series/later"):
        assert not (built.outdir / f"{docname}.html").exists()
        assert docname not in built.env.found_docs
    search_index = (built.outdir / "searchindex.js").read_text(encoding="utf-8")
    assert "Unfinished highlights" not in search_index and "Fourth, not yet published" not in search_index
    archive = (built.outdir / "blog/archive.html").read_text(encoding="utf-8")
    assert "Unfinished" not in archive and "Fourth" not in archive


def test_search_finds_a_post_by_its_words_not_by_its_neighbours_or_boilerplate(built):
    text = (built.outdir / "searchindex.js").read_text(encoding="utf-8")
    index = json.loads(text[text.index("(") + 1: text.rindex(")")])

    def pages_with(word: str) -> set[str]:
        # Sphinx writes one page as a number, several as a list.
        found = [index[terms].get(word, []) for terms in ("terms", "titleterms")]
        numbers = [n for entry in found for n in ([entry] if isinstance(entry, int) else entry)]
        return {index["docnames"][number] for number in numbers}

    # "Third" is in alpha's title, its landing page's listing, and beta's "Next in the series" link.
    assert pages_with("third") == {"posts/series/alpha", "posts/series/index"}
    # The credit line ("Continue reading the original post") is on every post.
    assert pages_with("continu") == set()


@pytest.mark.sphinx("html", testroot="collections", confoverrides={"ppblog_show_drafts": True})
def test_drafts_can_be_previewed_on_request(app, warning):
    app.build()
    soup = page(app, "posts/hl/theta")
    assert soup.select_one(".pp-draft").get_text(strip=True) == "Draft preview: this post is not published."
    assert listing_titles(page(app, "posts/hl/index")) == ["Early highlights", "Unfinished highlights", "Late highlights"]


def test_incremental_build_updates_neighbours_and_landing_page(make_app, tmp_path, rootdir):
    import shutil

    srcdir = tmp_path / "collections"
    shutil.copytree(rootdir / "test-collections", srcdir)
    make_app("html", srcdir=srcdir).build()
    post = srcdir / "posts/series/alpha.md"
    post.write_text(post.read_text(encoding="utf-8").replace("Third in the series", "Third, retitled"), encoding="utf-8")
    app = make_app("html", srcdir=srcdir)
    app.build()
    # Only alpha was re-read; its neighbour and the landing page were rewritten all the same.
    assert page(app, "posts/series/beta").select_one(".pp-series-links").get_text(" ", strip=True).endswith(
        "Next in the series: Blog 3: Third, retitled")
    assert listing_titles(page(app, "posts/series/index"))[-1] == "Blog 3: Third, retitled"


def test_a_landing_page_is_read_again_only_when_its_posts_come_go_or_move(make_app, tmp_path, rootdir):
    """Rereading the landing page of a collection of 500 posts cost more than the edit of one:
    an edit that leaves the order as it was leaves the landing page as it was read."""
    import shutil

    srcdir = tmp_path / "collections"
    shutil.copytree(rootdir / "test-collections", srcdir)
    make_app("html", srcdir=srcdir).build()

    def rebuild_after(name: str, old: str, new: str) -> tuple[list[str], object]:
        post = srcdir / "posts/series" / name
        post.write_text(post.read_text(encoding="utf-8").replace(old, new), encoding="utf-8")
        app = make_app("html", srcdir=srcdir)
        read: list[str] = []
        app.connect("env-before-read-docs", lambda app, env, docnames: read.extend(docnames))
        app.build()
        return sorted(read), app

    read, app = rebuild_after("alpha.md", "Second paragraph.", "Second paragraph, edited.")
    assert read == ["posts/series/alpha"]
    # The listing shows each post's excerpt: a new one is written there though nothing moved (Sphinx
    # writes again the page whose toctree lists a post read again).
    read, app = rebuild_after("alpha.md", "Opening paragraph of the post at position 3.", "A new opening.")
    assert read == ["posts/series/alpha"]
    assert "A new opening." in (app.outdir / "posts/series/index.html").read_text(encoding="utf-8")
    # Second moves to the end: the toctree's order (and so every previous/next link) changes.
    read, app = rebuild_after("beta.md", "position: 2", "position: 5")
    assert read == ["posts/series/beta", "posts/series/index"]
    assert [title.split(": ", 1)[1] for title in listing_titles(page(app, "posts/series/index"))] == [
        "First in the series", "Third in the series", "Second in the series"]
    (srcdir / "posts/series/gamma.md").unlink()
    read, app = rebuild_after("alpha.md", "Second paragraph, edited.", "Second paragraph.")
    assert read == ["posts/series/alpha", "posts/series/index"]
    assert [title.split(": ", 1)[1] for title in listing_titles(page(app, "posts/series/index"))] == [
        "Third in the series", "Second in the series"]


def test_the_domains_indexes_answer_as_its_records_do_and_follow_their_changes(built):
    """Each post page asks its collection and its neighbours: answered from indexes made once per
    change of the domain's data, equal to a walk of the records."""
    domain = built.env.domains["ppblog"]

    def check():
        for record in domain.collections.values():
            assert domain.collection_by_slug(record["slug"]) is next(
                r for r in domain.collections.values() if r["slug"] == record["slug"])
        for docname, post in domain.posts.items():
            order = [name for name, _ in domain.posts_in(post["collection"])]
            place = order.index(docname)
            assert domain.neighbours(docname) == (order[place - 1] if place else None,
                                                  order[place + 1] if place + 1 < len(order) else None)

    assert domain.neighbours("posts/series/beta") == ("posts/series/gamma", "posts/series/alpha")
    check()
    domain.clear_doc("posts/series/beta")
    assert domain.neighbours("posts/series/gamma")[1] == "posts/series/alpha"
    check()
    landing = domain.collections.pop("posts/hl/index")
    domain.clear_doc("posts/hl/index")
    assert domain.collection_by_slug(landing["slug"]) is None
    domain.add_collection("posts/hl/index", landing)
    assert domain.collection_by_slug(landing["slug"]) is landing
    check()
