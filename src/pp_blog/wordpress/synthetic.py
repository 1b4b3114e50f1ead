"""A generated WordPress export (WXR) of N posts, for the import benchmark and archive-scale tests.

It has what the journal's blog has: special issue series posts published by an editorial
account with a byline at the top, highlights posts, stand-alone posts by their authors (some
through the co-authors plugin), classic-editor and block-editor bodies, images, tags and
categories, and a few drafts, scheduled, private and password-protected posts. The same
arguments always give the same file. ``MAP`` is the map file that goes with it.
"""

from __future__ import annotations

import random
from xml.sax.saxutils import escape

from ..synthetic import FIRST_NAMES, SURNAMES, TAGS, sentence

SITE = "https://blog.example.org"
EDITORIAL = "policypressblog"
SERIES_CATEGORY = "Special issue blog series"
HIGHLIGHTS_CATEGORY = "Highlights"
MAP = f'''editorial_accounts = ["{EDITORIAL}"]

[[rule]]
collection = "generated-series"
categories = ["{SERIES_CATEGORY}"]
position = 'Blog (\\d+)'
strip_title = '^SPECIAL ISSUE BLOG SERIES:\\s*Blog \\d+\\s*[–-]\\s*'

[[rule]]
collection = "generated-highlights"
categories = ["{HIGHLIGHTS_CATEGORY}"]

[collections.generated-series]
title = "Special issue blog series: a generated special issue"
kind = "special-issue"
series_name = "Special issue blog series"
journal = "Policy & Politics"
volume = 50
issue = 1
month = 1
year = 2022
guest_editors = ["Anna Andersen", "Ben Baptiste"]
planned_posts = 12

[collections.generated-highlights]
title = "Highlights collection: generated"
kind = "highlights"
journal = "Policy & Politics"
period_start = "2019-01-01"
period_end = "2023-12-31"
theme = "generated themes"
'''


def cdata(text: str) -> str:
    return "<![CDATA[" + text.replace("]]>", "]]]]><![CDATA[>") + "]]>"


def person(rng: random.Random) -> str:
    return f"{rng.choice(FIRST_NAMES)} {rng.choice(SURNAMES)}"


def body(rng: random.Random, number: int, block: bool, byline: list[str] | None) -> str:
    paragraphs = [" ".join(sentence(rng, rng.randint(10, 24)) for _ in range(rng.randint(3, 6))) for _ in range(5)]
    parts = []
    if byline:
        names = ", ".join(byline[:-1]) + (" and " if len(byline) > 1 else "") + byline[-1]
        headshot = f'<img src="{SITE}/wp-content/uploads/2021/05/headshot-{number}.jpg" alt="headshot" />'
        parts.append(f"<!-- wp:paragraph -->\n<p>{headshot}{names}</p>\n<!-- /wp:paragraph -->" if block
                     else headshot + names)
    if block:
        for index, text in enumerate(paragraphs):
            parts.append(f"<!-- wp:paragraph -->\n<p>{text}</p>\n<!-- /wp:paragraph -->")
            if index == 1:
                parts.append('<!-- wp:heading -->\n<h2 class="wp-block-heading">What we found</h2>\n<!-- /wp:heading -->')
            if index == 2:
                parts.append("<!-- wp:list -->\n<ul><li>" + sentence(rng, 6) + "</li><li>" + sentence(rng, 7)
                             + "</li></ul>\n<!-- /wp:list -->")
        parts.append(f'<!-- wp:image -->\n<figure class="wp-block-image"><img src="{SITE}/wp-content/uploads/2021/05/'
                     f'figure.png" alt="A chart"/><figcaption>Figure {number}</figcaption></figure>\n<!-- /wp:image -->')
        return "\n\n".join(parts)
    for index, text in enumerate(paragraphs):
        parts.append(text if index != 2 else f"{text} See <a href=\"/about/\">about</a> and <em>the article</em>.")
    return "\n\n".join(parts)


def generate_export(posts: int, seed: int = 1) -> str:
    """The WXR text of an export with ``posts`` posts (and a few items of other kinds)."""
    rng = random.Random(seed)
    logins = {f"author{n}": person(rng) for n in range(40)}
    logins[EDITORIAL] = "P&P Eds"
    items = []
    series_position = 0
    for number in range(1, posts + 1):
        post_id = 1000 + number
        kind = "series" if number % 25 == 0 and series_position < 12 else "highlights" if number % 17 == 0 else "plain"
        year = 2019 + number % 5
        date = f"{year}-{1 + number % 12:02d}-{1 + number % 28:02d} 09:00:00"
        status = "publish"
        if number % 97 == 0:
            status = "draft"
        elif number % 89 == 0:
            status = "private"
        title = sentence(rng, rng.randint(4, 9))[:-1]
        categories = []
        byline = None
        creator = rng.choice([login for login in logins if login != EDITORIAL])
        coauthors = []
        if kind == "series":
            series_position += 1
            title = f"SPECIAL ISSUE BLOG SERIES: Blog {series_position} – {title} {number}"
            categories.append(SERIES_CATEGORY)
            creator = EDITORIAL
            byline = [person(rng) for _ in range(rng.randint(1, 3))]
        elif kind == "highlights":
            title = f"Highlights {number}: {title}"
            categories.append(HIGHLIGHTS_CATEGORY)
        else:
            title = f"{title} ({number})"
            if number % 7 == 0:
                coauthors = rng.sample(sorted(login for login in logins if login != EDITORIAL), 2)
        tags = rng.sample(TAGS, rng.randint(1, 3))
        terms = [f'<category domain="category" nicename="c{n}">{cdata(c)}</category>' for n, c in enumerate(categories)]
        terms += [f'<category domain="post_tag" nicename="t{n}">{cdata(t)}</category>' for n, t in enumerate(tags)]
        terms += [f'<category domain="author" nicename="cap-{c}">{cdata(c)}</category>' for c in coauthors]
        items.append(f"""
	<item>
		<title>{cdata(title)}</title>
		<link>{SITE}/{date[:4]}/{date[5:7]}/{date[8:10]}/post-{number}/</link>
		<dc:creator>{cdata(creator)}</dc:creator>
		<content:encoded>{cdata(body(rng, number, number % 3 == 0, byline))}</content:encoded>
		<excerpt:encoded><![CDATA[]]></excerpt:encoded>
		<wp:post_id>{post_id}</wp:post_id>
		<wp:post_date>{cdata(date)}</wp:post_date>
		<wp:post_name>{cdata(f"post-{number}" if number % 11 else "same-slug")}</wp:post_name>
		<wp:status>{cdata(status)}</wp:status>
		<wp:post_type><![CDATA[post]]></wp:post_type>
		<wp:post_password><![CDATA[]]></wp:post_password>
		{"".join(terms)}
	</item>""")
    items.append("""
	<item><title>About</title><wp:post_id>1</wp:post_id><wp:status>publish</wp:status><wp:post_type>page</wp:post_type></item>""")
    authors = "".join(
        f"<wp:author><wp:author_login>{cdata(login)}</wp:author_login>"
        f"<wp:author_display_name>{cdata(name)}</wp:author_display_name></wp:author>\n"
        for login, name in logins.items()
    )
    return f"""<?xml version="1.0" encoding="UTF-8" ?>
<rss version="2.0" xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/"
	xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/"
	xmlns:wp="http://wordpress.org/export/1.2/">
<channel>
	<title>{escape("Generated blog")}</title>
	<link>{SITE}</link>
	<wp:wxr_version>1.2</wp:wxr_version>
	<wp:base_site_url>{SITE}</wp:base_site_url>
	<wp:base_blog_url>{SITE}</wp:base_blog_url>
{authors}{"".join(items)}
</channel>
</rss>
"""


def write_media(folder) -> None:
    """The images the generated posts use, as tiny valid PNG files (headshots are left out:
    the byline removes them)."""
    import struct
    import zlib

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    png = (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0))
           + chunk(b"IDAT", zlib.compress(b"\x00\xff\x00\x00")) + chunk(b"IEND", b""))
    target = folder / "2021" / "05"
    target.mkdir(parents=True, exist_ok=True)
    (target / "figure.png").write_bytes(png)
