"""The reading order of a collection's posts: series position, else date, then title."""

from __future__ import annotations

from typing import Any


def post_order_key(post: dict[str, Any]) -> tuple:
    position = post.get("position")
    return (position is None, position or 0, post["date"], post["title"])


def header_order_key(header: dict[str, Any], stem: str) -> tuple:
    """The same order from a post's header (see :mod:`pp_blog.model.drafts`), before the post is
    read: a file whose front matter cannot be read still gets a place (last, by name), so it
    stays in the toctree while the build reports its problem."""
    return post_order_key({"position": header.get("position"), "date": header.get("date", "9999"),
                           "title": header.get("title", "~" + stem)})
