"""The order in which the book lists its collections (pure: no Sphinx import).

Documented in docs/front-matter.md: collections with a ``weight`` come first, lowest weight
first; the others follow, newest first (a series by its issue's month, a highlights collection
by the start of its period, a year's collection by its year), then by title. A landing page whose declaration cannot be read
still gets a place (last, by file name), so the build reports its problem rather than
"document isn't included in any toctree".
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from . import frontmatter as fm


def collection_date(declared: dict[str, Any]) -> dt.date | None:
    """When a collection starts: its special issue's month, its period's first day, or the
    first day of its year (a year's collection of other posts)."""
    year, month = declared.get("year"), declared.get("month")
    if isinstance(year, int) and not isinstance(year, bool) and 1 <= year <= 9999:
        if isinstance(month, int) and 1 <= month <= 12:
            return dt.date(year, month, 1)
        if month is None:
            return dt.date(year, 1, 1)
    start = declared.get("period_start")
    return fm.parse_date(start) if isinstance(start, str) else None


def order_key(name: str, data: dict[str, Any] | None) -> tuple:
    """The sort key of a landing page ``name`` with front matter ``data`` (None: unreadable)."""
    declared = data.get("collection") if isinstance(data, dict) else None
    if not isinstance(declared, dict):
        return (2, 0, 0, name)
    weight = declared.get("weight")
    if isinstance(weight, int) and not isinstance(weight, bool):
        return (0, weight, 0, str(data.get("title", name)))
    date = collection_date(declared)
    newest_first = -date.toordinal() if date else 0
    return (1, newest_first, str(data.get("title", name)), name)


def ordered(landing_pages: dict[str, dict[str, Any] | None]) -> list[str]:
    """The names of ``landing_pages`` (name → front matter, None when unreadable) in book order."""
    return sorted(landing_pages, key=lambda name: order_key(name, landing_pages[name]))
