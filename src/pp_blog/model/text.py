"""How dates, periods, journal issues and lists of names are written in the book."""

from __future__ import annotations

import datetime as dt
from typing import Any

from .frontmatter import parse_date

MONTHS = [dt.date(2000, m, 1).strftime("%B") for m in range(1, 13)]


def format_date(iso: str) -> str:
    """'12 May 2021' for '2021-05-12'; a string that is not a date is given back as it is."""
    date = parse_date(iso)
    return f"{date.day} {date:%B %Y}" if date else iso


def format_period(start: str, end: str) -> str:
    """'1 August – 31 October 2022', the year once when both ends share it."""
    first, last = parse_date(start), parse_date(end)
    if first.year == last.year:
        return f"{first.day} {first:%B} – {last.day} {last:%B %Y}"
    return f"{format_date(start)} – {format_date(end)}"


def issue_line(collection: dict[str, Any]) -> str:
    """'Policy & Politics, volume 49, issue 2, April 2021'"""
    return (
        f"{collection['journal']}, volume {collection['volume']}, issue {collection['issue']}, "
        f"{MONTHS[collection['month'] - 1]} {collection['year']}"
    )


def names(authors: list[dict[str, str]] | list[str]) -> str:
    """'A', 'A and B', 'A, B and C', from names or author records."""
    plain = [a["name"] if isinstance(a, dict) else a for a in authors]
    if len(plain) <= 1:
        return "".join(plain)
    return ", ".join(plain[:-1]) + " and " + plain[-1]


# A collection's landing page lists each post with the opening of its first paragraph: about
# fifty words, so that a list of hundreds of posts stays quick to scan and to load.
LISTING_EXCERPT_LENGTH = 320


def shorten(text: str, length: int) -> str:
    """``text`` cut at the last space within ``length`` characters, with "…" when cut."""
    if len(text) <= length:
        return text
    cut = text[:length]
    return (cut.rsplit(" ", 1)[0] if " " in cut else cut) + "…"

