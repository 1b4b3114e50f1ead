"""Which posts are drafts: marked so, or dated after the day of the build."""

from __future__ import annotations

import datetime as dt
from typing import Any

from .frontmatter import FrontMatterError, parse_date, parse_front_matter

# The front matter fields needed before any page is read: whether a post is a draft, and its
# place in its collection's toctree.
HEADER_FIELDS = {"draft": bool, "date": str, "position": int, "title": str}


def is_draft(data: dict[str, Any], today: dt.date) -> bool:
    """A post is a draft when it says so or when its date is still to come."""
    if data.get("draft") is True:
        return True
    date = data.get("date")
    parsed = parse_date(date) if isinstance(date, str) else None
    return parsed is not None and parsed > today


def build_date(setting: str, today: dt.date | None = None) -> dt.date:
    """The day against which future-dated posts count as drafts: the setting
    (``ppblog_build_date``, already validated) or today."""
    return parse_date(setting) if setting else (today or dt.date.today())


def read_header(text: str) -> dict[str, Any] | None:
    """The :data:`HEADER_FIELDS` a post's text declares with the right type; None when its front
    matter cannot be read (the build reports why)."""
    try:
        data = parse_front_matter(text).data
    except FrontMatterError:
        return None
    return {name: data[name] for name, kind in HEADER_FIELDS.items()
            if isinstance(data.get(name), kind) and not (kind is int and isinstance(data[name], bool))}
