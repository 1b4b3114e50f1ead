"""Atom feeds that carry every author: the site's feed and one per collection.

ABlog's feed keeps only one author of a multi-author post, so the site feed it writes
(``blog/atom.xml``) is replaced by ours, and each collection gets ``posts/<slug>/atom.xml``.
Feeds are written only when their content changed, and their dates come from the posts,
so an unchanged site gives byte-identical feeds.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any, Iterator

from feedgen.feed import FeedGenerator

from ..model import frontmatter as fm
from ..model.authors import person
from ..model.citation import orcid_url
from ..model.layout import SITE_FEED, collection_feed_path
from .config import settings
from .domain import PostsDomain
from .rebuild import build_of, write_if_changed


def _timestamp(iso: str) -> dt.datetime:
    date = fm.parse_date(iso)
    return dt.datetime(date.year, date.month, date.day, tzinfo=dt.timezone.utc)


def render_feed(
    *, title: str, subtitle: str, feed_url: str, site_url: str, posts: list[tuple[str, dict[str, Any]]],
    page_url, rights: str = "", author_uris: dict[str, str] | None = None,
) -> bytes:
    """The Atom XML for ``posts`` (docname, record pairs), newest first; ``rights`` is the
    licence, ``author_uris`` an author's ORCID address by name."""
    author_uris = author_uris or {}
    feed = FeedGenerator()
    feed.id(feed_url)
    feed.title(title)
    feed.subtitle(subtitle)
    feed.link(href=site_url, rel="alternate")
    feed.link(href=feed_url, rel="self")
    feed.language("en")
    if rights:
        feed.rights(rights)
    newest = sorted(posts, key=lambda item: (item[1]["date"], item[0]), reverse=True)
    feed.updated(_timestamp(newest[0][1]["date"]) if newest else dt.datetime(2000, 1, 1, tzinfo=dt.timezone.utc))
    for docname, post in newest:
        url = page_url(docname)
        entry = feed.add_entry(order="append")
        entry.id(url)
        entry.title(post["title"])
        entry.link(href=url)
        entry.author([{"name": author["name"], **({"uri": author_uris[author["name"]]} if author["name"] in author_uris else {})}
                      for author in post["authors"]])
        entry.published(_timestamp(post["date"]))
        entry.updated(_timestamp(post["date"]))
        for tag in post["tags"]:
            entry.category(term=tag, label=tag)
        if post.get("excerpt"):
            entry.summary(post["excerpt"])
        if rights:
            entry.rights(rights)
    return feed.atom_str(pretty=True)


def write_feeds(app) -> Iterator:
    """html-collect-pages handler; a generator, so it runs after ABlog has written its feed."""
    builder = app.builder
    if builder.format != "html" or builder.name in {"json", "pickle"}:
        return
    base = app.config.blog_baseurl.rstrip("/") + "/"
    domain: PostsDomain = app.env.domains["ppblog"]

    def page_url(docname: str) -> str:
        return base + builder.get_target_uri(docname)

    licence = settings(app.config).licence
    rights = f"{licence['name']}: {licence['url']}" if licence else ""
    orcids = {a["name"]: orcid_url(p.orcid) for _, post in domain.posts.items() for a in post["authors"]
              if (p := person(a, app.config.ppblog_author_records)).orcid}

    def inputs(posts: list[tuple[str, dict[str, Any]]], **feed: str) -> dict[str, Any]:
        uris = {a["name"]: orcids[a["name"]] for _, post in posts for a in post["authors"] if a["name"] in orcids}
        return {"feed": {**feed, "posts": posts, "rights": rights, "author_uris": uris},
                "urls": {d: page_url(d) for d, _ in posts}}

    outdir = Path(builder.outdir)
    build = build_of(app.config)

    def write(relative: str, made_of: dict[str, Any]) -> None:
        write_if_changed(build, outdir, relative, made_of,
                         lambda: render_feed(**made_of["feed"], page_url=lambda docname: made_of["urls"][docname]))

    published = sorted((d, p) for d, p in domain.posts.items() if not p["draft"] or app.config.ppblog_show_drafts)
    write(SITE_FEED, inputs(
        published, title=app.config.blog_title, subtitle=app.config.blog_feed_subtitle or app.config.blog_title,
        feed_url=base + SITE_FEED, site_url=base,
    ))
    # Each collection's posts, found in one pass (a pass per collection grew with both).
    by_collection: dict[str, list[tuple[str, dict[str, Any]]]] = {}
    for docname, post in published:
        by_collection.setdefault(post["collection"], []).append((docname, post))
    for docname, collection in sorted(domain.collections.items()):
        members = by_collection.get(collection["slug"], [])
        write(collection_feed_path(collection["slug"]), inputs(
            members, title=f"{app.config.blog_title}: {collection['title']}",
            subtitle=f"Posts of the collection {collection['title']}",
            feed_url=base + collection_feed_path(collection["slug"]), site_url=page_url(docname),
        ))
    yield from ()
