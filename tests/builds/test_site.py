"""The real site, built in full: what a reader sees on each kind of page."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest

SERIES = "posts/co-creation-special-issue"
HIGHLIGHTS = "posts/highlights-2021-policy-diffusion"

POSTS = {
    f"{SERIES}/blog-5-digital-platforms": (
        "Digital platforms for the co-creation of public value",
        "12 May 2021",
        ["Albert Meijer", "Wouter Boon"],
    ),
    f"{SERIES}/blog-6-strategic-management": (
        "Strategic management as an enabler of co-creation in public services",
        "19 May 2021",
        ["Edoardo Ongaro", "Alessandro Angelo Sancino", "Irene Pluchinotta", "Hannah Williams",
         "Martin Kitchener", "Ewan Ferlie"],
    ),
    f"{SERIES}/blog-7-key-themes": (
        "Key themes in the (possible) move to co-production and co-creation in public management",
        "26 May 2021",
        ["Ewan Ferlie"],
    ),
    f"{HIGHLIGHTS}/policy-diffusion-highlights": (
        "1st May – 31st July 2021 highlights collection on policy diffusion",
        "4 May 2021",
        ["Sarah Brown"],
    ),
}
TITLES = {docname: title for docname, (title, _, _) in POSTS.items()}


def linked_titles(soup, selector="main") -> list[str]:
    return [a.get_text(" ", strip=True) for a in soup.select(f"{selector} a") if a.get_text(strip=True)]


def titles_in_order(soup, selector="article") -> list[str]:
    """The post titles that appear as links in the page's article, in page order."""
    found = []
    for text in linked_titles(soup, selector):
        for title in TITLES.values():
            if text == title and title not in found:
                found.append(title)
    return found


@pytest.mark.parametrize("docname", POSTS)
def test_post_page_shows_title_date_and_every_author_in_order(site, docname):
    title, date, authors = POSTS[docname]
    soup = site.page(f"{docname}.html")
    assert soup.select_one("article h1").get_text(strip=True).rstrip("#") == title
    byline = soup.select_one(".pp-byline")
    assert [a.get_text(strip=True) for a in byline.select(".pp-author")] == authors
    assert soup.select_one(".pp-date").get_text(strip=True) == date


def test_post_credits_the_source_and_links_to_the_original(site):
    soup = site.page(f"{SERIES}/blog-5-digital-platforms.html")
    source = soup.select_one(".pp-source")
    assert "excerpt of the post by Albert Meijer and Wouter Boon" in source.get_text(" ", strip=True)
    link = source.select_one("a")
    assert link.get_text(strip=True) == "Continue reading the original post"
    assert link["href"].startswith("https://policyandpoliticsblog.com/2021/05/12/")


def test_highlights_author_shows_her_role(site):
    soup = site.page(f"{HIGHLIGHTS}/policy-diffusion-highlights.html")
    assert "Sarah Brown (Journal Manager, Policy & Politics)" in soup.select_one(".pp-byline").get_text(" ", strip=True)


def test_series_landing_page_lists_its_posts_in_order(site):
    soup = site.page(f"{SERIES}/index.html")
    assert titles_in_order(soup) == [TITLES[f"{SERIES}/blog-{n}"] for n in (
        "5-digital-platforms", "6-strategic-management", "7-key-themes")]
    text = soup.select_one("article").get_text(" ", strip=True)
    for name in ("Jacob Torfing", "Ewan Ferlie", "Tina Jukić", "Edoardo Ongaro"):
        assert name in text
    assert "volume 49, issue 2, April 2021" in text


def test_highlights_landing_page_lists_its_post_and_period(site):
    soup = site.page(f"{HIGHLIGHTS}/index.html")
    assert titles_in_order(soup) == [TITLES[f"{HIGHLIGHTS}/policy-diffusion-highlights"]]
    text = soup.select_one("article").get_text(" ", strip=True)
    assert "1 May – 31 July 2021" in text
    assert "policy diffusion" in text


COLLECTION_TITLES = {
    SERIES: "Special issue blog series: strategic management of the transition to public sector co-creation",
    HIGHLIGHTS: "Highlights collection, 1 May – 31 July 2021: policy diffusion",
}


def left_nav_links(site, page) -> dict[str, str]:
    nav = site.page(page).select_one(".bd-sidebar-primary nav.bd-links")
    return {a.get_text(" ", strip=True): a["href"] for a in nav.select("a")}


@pytest.mark.parametrize("docname", POSTS)
def test_left_navigation_keeps_every_collection_and_the_posts_of_the_current_one(site, docname):
    links = left_nav_links(site, f"{docname}.html")
    for title in COLLECTION_TITLES.values():
        assert title in links
    own = docname.rsplit("/", 1)[0]
    assert {t for t in TITLES.values() if t in links} == {TITLES[d] for d in POSTS if d.startswith(own + "/")}


@pytest.mark.parametrize("collection", COLLECTION_TITLES)
def test_every_post_is_reachable_from_its_collection_in_the_left_navigation(site, collection):
    links = left_nav_links(site, f"{collection}/index.html")
    for docname in POSTS:
        if docname.startswith(collection + "/"):
            assert links[TITLES[docname]] == docname.rsplit("/", 1)[1] + ".html"


AUTHOR_POSTS = {
    "ewan-ferlie": [f"{SERIES}/blog-6-strategic-management", f"{SERIES}/blog-7-key-themes"],
    "albert-meijer": [f"{SERIES}/blog-5-digital-platforms"],
    "wouter-boon": [f"{SERIES}/blog-5-digital-platforms"],
    "edoardo-ongaro": [f"{SERIES}/blog-6-strategic-management"],
    "alessandro-angelo-sancino": [f"{SERIES}/blog-6-strategic-management"],
    "irene-pluchinotta": [f"{SERIES}/blog-6-strategic-management"],
    "hannah-williams": [f"{SERIES}/blog-6-strategic-management"],
    "martin-kitchener": [f"{SERIES}/blog-6-strategic-management"],
    "sarah-brown": [f"{HIGHLIGHTS}/policy-diffusion-highlights"],
}


def post_titles_on(site, page) -> set[str]:
    soup = site.page(page)
    return {t for t in linked_titles(soup, "article") if t in TITLES.values()}


@pytest.mark.parametrize("slug", AUTHOR_POSTS)
def test_every_author_has_a_page_listing_exactly_their_posts(site, slug):
    assert post_titles_on(site, f"blog/author/{slug}.html") == {TITLES[d] for d in AUTHOR_POSTS[slug]}


def test_authors_index_names_every_author_once(site):
    assert sorted(p.stem for p in (site.outdir / "blog/author").glob("*.html")) == sorted(AUTHOR_POSTS)


@pytest.mark.parametrize(
    "tag, docnames",
    [
        ("co-creation", [f"{SERIES}/blog-5-digital-platforms", f"{SERIES}/blog-6-strategic-management",
                         f"{SERIES}/blog-7-key-themes"]),
        ("policy-diffusion", [f"{HIGHLIGHTS}/policy-diffusion-highlights"]),
        ("public-value", [f"{SERIES}/blog-5-digital-platforms", f"{SERIES}/blog-6-strategic-management"]),
    ],
)
def test_tag_pages_list_the_tagged_posts(site, tag, docnames):
    assert post_titles_on(site, f"blog/tag/{tag}.html") == {TITLES[d] for d in docnames}


@pytest.mark.parametrize("page, kind", [("blog/tag.html", "tag"), ("blog/author.html", "author"),
                                        ("blog/category.html", "category")])
def test_catalogue_pages_name_each_entry_once_with_its_number_of_posts(site, page, kind):
    entries = site.page(page).select("article ul.pp-catalog-index > li")
    own_pages = sorted(p.stem for p in (site.outdir / "blog" / kind).glob("*.html"))
    assert sorted(li.a["href"].removeprefix(f"{kind}/").removesuffix(".html") for li in entries) == own_pages
    for li in entries:
        listed = len(post_titles_on(site, f"blog/{li.a['href']}"))
        assert li.get_text(" ", strip=True).endswith(f"({listed} {'post' if listed == 1 else 'posts'})")
    assert not site.page(page).select("article .ablog__catalog_post")


def test_archive_entries_give_date_and_authors_without_repeating_tags(site):
    entries = {e.h2.get_text(" ", strip=True): e for e in site.page("blog.html").select("article .ablog-post")}
    assert set(entries) == set(TITLES.values())
    for title, date, authors in POSTS.values():
        line = entries[title].select_one(".ablog-archive").get_text().strip()
        names = authors[0] if len(authors) == 1 else ", ".join(authors[:-1]) + " and " + authors[-1]
        assert line == f"{date}, by {names}"
        assert not entries[title].select("a[href*='/tag/']")


def test_archive_lists_every_post_under_2021(site):
    assert post_titles_on(site, "blog/2021.html") == set(TITLES.values())
    assert post_titles_on(site, "blog/archive.html") == set(TITLES.values())


def test_post_tags_link_to_their_tag_pages(site):
    soup = site.page(f"{SERIES}/blog-5-digital-platforms.html")
    links = {a.get_text(strip=True): a["href"] for a in soup.select(".pp-tags a")}
    assert links["public value"] == "../../blog/tag/public-value.html"


def test_front_page_lists_recent_posts_newest_first(site):
    soup = site.page("index.html")
    listed = [li.select_one("a").get_text(strip=True) for li in soup.select("article .postlist li.ablog-post")]
    assert listed == [TITLES[d] for d in (
        f"{SERIES}/blog-7-key-themes", f"{SERIES}/blog-6-strategic-management",
        f"{SERIES}/blog-5-digital-platforms", f"{HIGHLIGHTS}/policy-diffusion-highlights")]


ATOM = "{http://www.w3.org/2005/Atom}"


def test_site_feed_holds_every_post(site):
    feed = ET.fromstring(site.text("blog/atom.xml"))
    titles = {entry.findtext(f"{ATOM}title") for entry in feed.iter(f"{ATOM}entry")}
    assert titles == set(TITLES.values())


def test_series_posts_show_their_place_in_the_series(site):
    expectations = {
        "blog-5-digital-platforms": ("Blog 5 of 7", None, "Blog 6: " + TITLES[f"{SERIES}/blog-6-strategic-management"]),
        "blog-6-strategic-management": ("Blog 6 of 7", "Blog 5: " + TITLES[f"{SERIES}/blog-5-digital-platforms"],
                                        "Blog 7: " + TITLES[f"{SERIES}/blog-7-key-themes"]),
        "blog-7-key-themes": ("Blog 7 of 7", "Blog 6: " + TITLES[f"{SERIES}/blog-6-strategic-management"], None),
    }
    for name, (position, previous, following) in expectations.items():
        context = site.page(f"{SERIES}/{name}.html").select_one(".pp-collection-context")
        line = context.select_one(".pp-series-position").get_text(" ", strip=True)
        assert line.startswith(f"{position} in the Special issue blog series on Strategic management of the "
                               "transition to public sector co-creation (")
        assert "Policy & Politics, volume 49, issue 2, April 2021" in line
        links = context.select_one(".pp-series-links").get_text(" ", strip=True)
        assert (f"Previous in the series: {previous}" in links) == (previous is not None)
        assert (f"Next in the series: {following}" in links) == (following is not None)


def test_blog_5_links_its_article_doi(site):
    link = site.page(f"{SERIES}/blog-5-digital-platforms.html").select_one(".pp-article-doi a")
    assert link["href"] == "https://doi.org/10.1332/030557321X16115951032181"


def test_highlights_post_shows_period_and_featured_articles(site):
    context = site.page(f"{HIGHLIGHTS}/policy-diffusion-highlights.html").select_one(".pp-collection-context")
    assert "Part of the Policy diffusion highlights (1 May – 31 July 2021)." in context.get_text(" ", strip=True)
    hrefs = [a["href"] for a in context.select(".pp-featured-articles a")]
    assert hrefs == ["https://doi.org/10.1332/030557321X16119271286848"]


def feed_authors(site, path) -> dict[str, list[str]]:
    feed = ET.fromstring(site.text(path))
    return {e.findtext(f"{ATOM}title"): [a.findtext(f"{ATOM}name") for a in e.findall(f"{ATOM}author")]
            for e in feed.iter(f"{ATOM}entry")}


def test_feeds_carry_every_author(site):
    blog_6 = POSTS[f"{SERIES}/blog-6-strategic-management"]
    assert feed_authors(site, "blog/atom.xml")[blog_6[0]] == blog_6[2]
    series_feed = feed_authors(site, f"{SERIES}/atom.xml")
    assert series_feed == {title: authors for d, (title, _, authors) in POSTS.items() if d.startswith(SERIES)}
    assert feed_authors(site, f"{HIGHLIGHTS}/atom.xml") == {TITLES[f"{HIGHLIGHTS}/policy-diffusion-highlights"]: ["Sarah Brown"]}


@pytest.mark.parametrize("page", ["index.html", f"{SERIES}/blog-5-digital-platforms.html", "blog.html",
                                  "blog/tag/public-value.html"])
def test_pages_other_than_search_do_not_load_the_search_index(site, page):
    """Search-as-you-type is off: the search box leads to search.html, which alone needs the index."""
    sources = [script.get("src", "") for script in site.page(page).select("script")]
    assert not [src for src in sources if src.endswith(("searchindex.js", "searchtools.js", "language_data.js"))]
    assert [src for src in (s.get("src", "") for s in site.page("search.html").select("script"))
            if src.endswith("searchindex.js")]
