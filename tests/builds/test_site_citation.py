"""Every post of the real site is citable and discoverable (tests/citation_checks.py), its landing
pages carry a CollectionPage, and the footer the licence."""

from __future__ import annotations

import extruct
from citation_checks import BASE, posts_of, problems_of, sitemap_of

from conftest import REPO


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
