"""'Cite this post' in Chromium: the citation is copied from the keyboard alone, and the box
passes axe-core in both colour modes."""

from __future__ import annotations

import pytest
from chromium import axe_violations, serve, wait_until_settled
from playwright.sync_api import expect

POST = "posts/co-creation-special-issue/blog-6-strategic-management.html"
# Every one of the six authors, in byline order, as APA 7 writes them (the style's own order).
CITATION = (
    "Ongaro, E., Sancino, A. A., Pluchinotta, I., Williams, H., Kitchener, M., & Ferlie, E. (2021, May 19). "
    "Strategic management as an enabler of co-creation in public services. Policy & Politics Blog. "
    "https://policyandpolitics.github.io/blog/" + POST
)


@pytest.mark.parametrize("key", ["Enter", " "])
def test_the_citation_is_copied_with_tab_and_a_key(site, browser, key):
    with serve(site.outdir) as base:
        context = browser.new_context(permissions=["clipboard-read", "clipboard-write"])
        try:
            page = context.new_page()
            page.goto(base + POST)
            wait_until_settled(page)
            button = page.get_by_role("button", name="Copy citation")
            # From the link just before it, one Tab reaches the button: it is in the tab order.
            page.locator(".pp-citation a").focus()
            page.keyboard.press("Tab")
            expect(button).to_be_focused()
            page.keyboard.press(key)
            expect(page.locator(".pp-copy-status")).to_have_text("Citation copied.")
            assert page.evaluate("navigator.clipboard.readText()") == CITATION
        finally:
            context.close()


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_citation_box_passes_axe(site, browser, scheme):
    with serve(site.outdir) as base:
        context = browser.new_context(color_scheme=scheme)
        try:
            page = context.new_page()
            page.goto(base + POST)
            page.locator(".pp-copy-citation").wait_for()
            assert axe_violations(page) == []
        finally:
            context.close()
