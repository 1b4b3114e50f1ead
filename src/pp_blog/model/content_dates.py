"""Dates that follow the content: the edition date and the years of the copyright line.

Pure (no Sphinx import). A printed edition is dated by its newest post unless the editor sets
a date, and the footer's copyright years are the years the published posts span: both repeat
build after build (nothing depends on the day of the build) and neither goes stale when posts
are added.
"""

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Iterable
from typing import Any

from . import frontmatter as fm


def post_dates(posts: Iterable[dict[str, Any]]) -> list[dt.date]:
    """The dates of the published posts (drafts shown in a preview are left out)."""
    dates = (fm.parse_date(post["date"]) for post in posts if not post.get("draft"))
    return [date for date in dates if date is not None]


def newest(posts: Iterable[dict[str, Any]]) -> dt.date | None:
    return max(post_dates(posts), default=None)


def source_date_epoch(date: dt.date) -> int:
    """``date`` as the ``SOURCE_DATE_EPOCH`` TeX and xdvipdfmx read: its midnight UTC, the time of
    the PDF's creation date (D:YYYYMMDD000000Z), in seconds since 1970. They refuse a negative
    value (and take the day of the build instead), so a date before 1970 counts as 1970."""
    return max(0, calendar.timegm(date.timetuple()))


def years_spanned(posts: Iterable[dict[str, Any]]) -> str:
    """'2021', or '2021–2023' from the oldest to the newest post; '' without posts."""
    dates = post_dates(posts)
    if not dates:
        return ""
    first, last = min(dates).year, max(dates).year
    return str(first) if first == last else f"{first}–{last}"


def copyright_line(years: str, holder: str) -> str:
    """The footer's text after 'Copyright': '2021–2022, Policy & Politics; …'."""
    return f"{years}, {holder}" if years else holder


def stale_date_problem(setting: str, value: dt.date, newest_post: dt.date, shown: str) -> str | None:
    """The message when a set date is older than the newest post it dates, else None.
    ``shown`` names that post (its file)."""
    if value >= newest_post:
        return None
    return (f"{setting} = '{value.isoformat()}' is older than the newest post it prints ({shown}, "
            f"{newest_post.isoformat()}): set it to that day or later, or remove it to date each "
            "edition by its newest post")
