"""The real site in Chromium: searching as a reader does, and colours that never fade between modes
(the accessibility checks are in test_accessibility.py).

Every post must be found by words of its title and body, by each author's full name and
surname, by its tags and by its collection's title; landing pages by their title. The facts
come from the posts' front matter, so a new post is checked as soon as it is added (drafts,
which are not published, excepted; tests/test_search_drafts.py checks that they are not found).
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
from chromium import read_results, result_titles, search_url, serve, wait_until_settled
from playwright.sync_api import expect

from pp_blog.model import frontmatter as fm
from pp_blog.model.drafts import is_draft
from conftest import REPO


SERIES = "posts/co-creation-special-issue"
HIGHLIGHTS = "posts/highlights-2021-policy-diffusion"
DEEP_POST = f"{SERIES}/blog-7-key-themes.html"

# Words that occur only in the body of a post (the rest is read from the front matter).
BODY_WORDS = {
    f"{SERIES}/blog-5-digital-platforms": "Fordist model",
    f"{SERIES}/blog-6-strategic-management": "Public Service Organisations",
    f"{SERIES}/blog-7-key-themes": "lynchpin",
    f"{HIGHLIGHTS}/policy-diffusion-highlights": "grappled with the scope",
}


def front_matter(path: Path) -> dict:
    return fm.parse_front_matter(path.read_text(encoding="utf-8")).data


def landing_titles() -> dict[str, str]:
    return {path.parent.name: front_matter(path)["title"] for path in sorted(REPO.glob("posts/*/index.md"))}


def post_queries() -> list[tuple[str, str, str]]:
    """(docname, what the query is, query) for every way a reader may look for each post."""
    collections = landing_titles()
    cases = []
    for path in sorted(REPO.glob("posts/*/*.md")):
        if path.name == "index.md":
            continue
        docname = path.relative_to(REPO).with_suffix("").as_posix()
        data = front_matter(path)
        if is_draft(data, dt.date.today()):
            continue
        cases.append((docname, "title", data["title"]))
        if docname in BODY_WORDS:
            cases.append((docname, "body", BODY_WORDS[docname]))
        for author in fm.authors_of(data):
            cases.append((docname, "author", author.name))
            cases.append((docname, "surname", author.name.split()[-1]))
        cases += [(docname, "tag", tag) for tag in data["tags"]]
        cases.append((docname, "collection", collections[data["collection"]]))
    return cases


def post_title(docname: str) -> str:
    return front_matter(REPO / f"{docname}.md")["title"]


def words(text: str) -> list[str]:
    return re.findall(r"\w+", text.lower())


@pytest.fixture(scope="session")
def base_url(site):
    with serve(site.outdir) as url:
        yield url


@pytest.fixture(scope="session")
def context(browser):
    """One browser profile for the search tests, so the theme's scripts and the index are
    cached after the first page, as they are for a reader moving around the site."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    yield context
    context.close()


@pytest.fixture
def page(context):
    """A fresh tab; any uncaught JavaScript error on any page fails the test."""
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    yield page
    page.close()
    assert not errors, errors


def search(page, base_url, query):
    page.goto(search_url(base_url, query))
    return read_results(page)


@pytest.mark.parametrize(("docname", "kind", "query"), post_queries(), ids=lambda v: str(v)[:40])
def test_every_post_is_found_by_title_body_authors_tags_and_collection(page, base_url, docname, kind, query):
    results = search(page, base_url, query)
    found = [result for result in results if result.title == post_title(docname)]
    assert found, f"{kind} query {query!r} found only {result_titles(results)}"
    snippet = found[0].snippet.lower()
    assert any(word in snippet for word in words(query) if len(word) > 3), found[0].snippet


def test_the_body_words_above_belong_to_published_posts():
    assert set(BODY_WORDS) <= {docname for docname, kind, _ in post_queries() if kind == "title"}


@pytest.mark.parametrize("slug", sorted(landing_titles()))
def test_collection_landing_page_is_found_by_its_title(page, base_url, slug):
    title = landing_titles()[slug]
    results = search(page, base_url, title)
    assert results[0].title == title
    assert results[0].href == f"posts/{slug}/index.html"


def test_stemming_finds_other_forms_of_a_word(page, base_url):
    blog5 = post_title(f"{SERIES}/blog-5-digital-platforms")
    assert blog5 in result_titles(search(page, base_url, "platforms"))
    # Only "Fordist" occurs in the post; the plural still finds it.
    results = search(page, base_url, "Fordists")
    assert result_titles(results) == [blog5]
    assert post_title(f"{HIGHLIGHTS}/policy-diffusion-highlights") in result_titles(search(page, base_url, "diffusing"))


def test_part_of_a_name_finds_it(page, base_url):
    """docs/searching.md promises it: the first letters of a surname find the author's posts."""
    assert post_title(f"{SERIES}/blog-6-strategic-management") in result_titles(search(page, base_url, "Ongar"))


def test_result_shows_title_and_a_snippet_of_the_post_with_the_words_highlighted(page, base_url):
    [result] = search(page, base_url, "lynchpin")
    assert result.title == post_title(f"{SERIES}/blog-7-key-themes")
    assert "The public value school is seen as a critical ‘lynchpin’" in result.snippet
    assert result.highlighted == ["lynchpin"]


def test_snippet_comes_from_the_post_not_from_the_page_furniture(page, base_url):
    """A word of the title gives the title, byline and opening of the post as the snippet."""
    title = post_title(f"{SERIES}/blog-5-digital-platforms")
    results = search(page, base_url, "platforms")
    [result] = [r for r in results if r.title == title]
    assert result.snippet.startswith(f"{title} By Albert Meijer and Wouter Boon 12 May 2021")
    for furniture in ("System Settings", "Light", "Dark", "previous", "next"):
        assert furniture not in words(result.snippet) and furniture not in result.snippet


def test_a_post_comes_before_the_pages_that_list_it(page, base_url):
    """The collection's landing page lists the post's byline too, but the post comes first;
    the front page's list of recent posts is not indexed at all."""
    results = search(page, base_url, "Kitchener")
    assert result_titles(results) == [
        post_title(f"{SERIES}/blog-6-strategic-management"),
        landing_titles()["co-creation-special-issue"],
    ]
    assert "Martin Kitchener" in results[0].snippet
    assert "kitchener" in results[0].highlighted


def test_a_search_matching_nothing_says_so(page, base_url):
    assert search(page, base_url, "zeppelin") == []
    # Written for a reader: no "documents" or "categories" (Sphinx's words), and what to try instead.
    expect(page.locator("#search-results .search-summary")).to_have_text(
        "No post or page contains all of these words. Check the spelling, or search for fewer words: "
        "an author's surname, a tag or a topic. Accents are optional: Jukic finds Jukić.")


def test_search_page_query_fills_the_search_field(page, base_url):
    search(page, base_url, "policy diffusion")
    expect(page.locator(".bd-search-container input[name=q]")).to_have_value("policy diffusion")


def open_search_and_submit(page, query):
    expect(page.locator("#pst-search-dialog input[name=q]")).to_be_focused()
    page.keyboard.type(query)
    with page.expect_navigation():
        page.keyboard.press("Enter")


def test_front_page_search_button_opens_the_search_box(page, base_url):
    page.goto(base_url)
    page.get_by_role("button", name=re.compile(r"^Search")).locator("visible=true").first.click()
    open_search_and_submit(page, "Ewan Ferlie")
    assert page.url == search_url(base_url, "Ewan Ferlie").replace("%20", "+")
    titles = result_titles(read_results(page))
    assert post_title(f"{SERIES}/blog-7-key-themes") in titles
    assert post_title(f"{SERIES}/blog-6-strategic-management") in titles


def test_ctrl_k_opens_the_search_box_on_the_front_page(page, base_url):
    page.goto(base_url)
    expect(page.locator("#pst-search-dialog")).not_to_have_attribute("open", "")
    page.keyboard.press("Control+k")
    expect(page.locator("#pst-search-dialog")).to_have_attribute("open", "")
    open_search_and_submit(page, "digital platforms")
    results = read_results(page)
    assert results[0].title == post_title(f"{SERIES}/blog-5-digital-platforms")


def test_search_from_a_post_deep_in_the_tree_leads_back_to_posts(page, base_url):
    page.goto(base_url + DEEP_POST)
    page.keyboard.press("Control+k")
    open_search_and_submit(page, "American states")
    assert page.url.startswith(base_url + "search.html?q=")
    results = read_results(page)
    title = post_title(f"{HIGHLIGHTS}/policy-diffusion-highlights")
    assert title in result_titles(results)
    page.get_by_role("link", name=title, exact=True).click()
    expect(page.locator("article h1")).to_contain_text(title)
    assert page.url == base_url + f"{HIGHLIGHTS}/policy-diffusion-highlights.html"


def test_search_on_a_phone_sized_screen(browser, base_url):
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True)
    page = context.new_page()
    page.goto(base_url + DEEP_POST)
    page.get_by_role("button", name=re.compile(r"^Search")).locator("visible=true").first.tap()
    open_search_and_submit(page, "Sarah Brown")
    titles = result_titles(read_results(page))
    context.close()
    assert titles[0] == post_title(f"{HIGHLIGHTS}/policy-diffusion-highlights")


@pytest.mark.parametrize("width", [360, 700, 959, 960, 991, 992, 1280])
def test_a_search_control_shows_at_every_width(browser, base_url, width):
    """The themes hide the header's search field below 992 px and the article header's search
    button from 992 px up; the header's second copy of the field (pydata-sphinx-theme's "mobile"
    one, which the book theme never shows) was left out."""
    context = browser.new_context(viewport={"width": width, "height": 800})
    page = context.new_page()
    page.goto(base_url + DEEP_POST)
    wait_until_settled(page)
    shown = page.locator(".search-button__button").locator("visible=true")
    count = shown.count()
    if count:
        shown.first.click()
        expect(page.locator("#pst-search-dialog input[name=q]")).to_be_focused()
    context.close()
    assert count == 1


# A post page: the colour-mode check below runs there.
POST_PAGE = f"{SERIES}/blog-6-strategic-management.html"


# Records every CSS transition that starts, from the very first moment of the page.
RECORD_TRANSITIONS = """
window.ppTransitions = [];
document.addEventListener("transitionrun", (event) => {
    const target = event.target;
    window.ppTransitions.push(`${event.propertyName} on ${target.tagName.toLowerCase()}.${[...target.classList].join(".")}`);
}, true);
"""
COLOUR_PROPERTIES = re.compile(r"^(color|background|border(-\w+)*-color|fill|stroke|outline-color)")


def colour_transitions(page) -> list[str]:
    return [t for t in page.evaluate("window.ppTransitions") if COLOUR_PROPERTIES.match(t)]


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_colours_never_fade_between_modes(browser, base_url, scheme):
    """The page is drawn in the reader's mode from the start, and a change of mode swaps the
    colours at once: a fade passes through contrasts far below WCAG's 4.5:1."""
    context = browser.new_context(color_scheme=scheme)
    context.add_init_script(RECORD_TRANSITIONS)
    page = context.new_page()
    page.goto(base_url + POST_PAGE)
    wait_until_settled(page)
    assert page.evaluate("document.documentElement.dataset.theme") == scheme
    assert colour_transitions(page) == []
    other = "light" if scheme == "dark" else "dark"
    page.evaluate(f"document.querySelector('.theme-change-button[data-mode={other}]').click()")
    wait_until_settled(page)
    assert page.evaluate("document.documentElement.dataset.theme") == other
    transitions = colour_transitions(page)
    context.close()
    assert transitions == []
