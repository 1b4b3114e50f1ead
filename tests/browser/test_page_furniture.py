"""Page furniture on the real site: one search control per page, whatever the screen; no empty pages."""

from __future__ import annotations

import pytest

from chromium import serve

PAGES = ["index.html", "posts/co-creation-special-issue/blog-5-digital-platforms.html", "docs/editors-guide.html",
         "blog/archive.html"]


@pytest.fixture(scope="module")
def base_url(site):
    with serve(site.outdir) as url:
        yield url


@pytest.mark.parametrize("width, height", [(1280, 900), (390, 844)], ids=["desktop", "phone"])
@pytest.mark.parametrize("path", PAGES)
def test_one_search_control_per_page(browser, base_url, path, width, height):
    page = browser.new_page(viewport={"width": width, "height": height})
    try:
        page.goto(base_url + path)
        page.wait_for_load_state("load")
        # The theme's search controls: a field on wide screens, an icon button on narrow ones.
        controls = page.locator(".search-button__button")
        shown = [c for c in controls.all() if c.is_visible()]
        assert len(shown) == 1, [f.evaluate("e => e.parentElement.className") for f in shown]
    finally:
        page.close()


def test_no_empty_pages_are_published(site):
    assert not (site.outdir / "genindex.html").exists()
    assert not (site.outdir / "blog/drafts.html").exists()
