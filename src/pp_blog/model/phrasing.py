"""The phrases the book derives from front matter, so every combination reads naturally.

Pure: plain values in, strings out (no Sphinx, docutils or ABlog import).

A collection's title usually repeats what the collection is ("Special issue blog series: populism
and public policy", "Highlights collection, 1 May – 31 July 2021: policy diffusion"); the lines
that already say what it is (the series line under a post, the highlights line, an edition's
title page) use the collection's *name* instead: its ``short_title``, else its title without
that label.
"""

from __future__ import annotations

import re
from typing import Any

# "Blog 1: ", "Blog #1 – ", "Part 2. ", "Post 3 - ": a numbering the book adds from `position`.
NUMBERING_PREFIX = re.compile(r"^\s*(?:blog|post|part)\s*(?:no\.?\s*|#\s*)?(?P<number>\d+)\s*[:.–—-]\s*", re.I)

HIGHLIGHTS_LABEL = "Highlights collection"

# Words a file name should not end on: a name cut after them reads as cut mid-phrase.
TRAILING_WORDS = frozenset(
    "a an and at by for from in into of on or the to with about as its their our".split()
)
FILE_NAME_LENGTH = 50


def numbering_prefix(title: str) -> re.Match[str] | None:
    """The 'Blog 1: ' at the start of a title, if it has one."""
    return NUMBERING_PREFIX.match(title)


def without_numbering(title: str) -> str:
    """The title without a leading 'Blog 1: '; the title itself when that would leave nothing."""
    match = numbering_prefix(title)
    rest = title[match.end():].strip() if match else ""
    return rest or title


def _strip_label(title: str, label: str) -> str:
    """``title`` without a leading ``label`` (and a date or period after it, up to a colon, or
    the word 'on'): 'Special issue blog series: populism' → 'populism', 'Highlights
    collection, 1 May – 31 July 2021: policy diffusion' → 'policy diffusion', 'Highlights on
    policy diffusion' → 'policy diffusion'. The title itself when it does not start so."""
    if not label:
        return title
    match = re.match(rf"^{re.escape(label)}(?:,[^:]*:|\s*[:–—]|\s+on\b)\s*(?P<name>\S.*)$", title, re.I)
    return match["name"].strip() if match else title


def collection_name(collection: dict[str, Any]) -> str:
    """What the collection is called once the sentence already says what kind it is."""
    if collection.get("short_title") and collection["short_title"] != collection.get("title"):
        return collection["short_title"]
    title = collection.get("title", "")
    if collection.get("kind") == "special-issue":
        return _strip_label(title, collection.get("series_name") or "")
    return _strip_label(_strip_label(title, HIGHLIGHTS_LABEL), "Highlights")


def mentions(text: str, phrase: str) -> bool:
    """Whether ``phrase`` appears in ``text``, ignoring case and spacing."""
    def flat(value: str) -> str:
        return " ".join(value.casefold().split())
    return bool(phrase) and flat(phrase) in flat(text)


def series_line(collection: dict[str, Any], position: int) -> tuple[str, str, str]:
    """The series line under a post, as (lead, linked name, rest):
    'Blog 1 of 6' … ' in the Special issue blog series on ' [name] ' (journal, volume, …).'"""
    return (f"Blog {position} of {collection['planned_posts']}",
            f" in the {collection['series_name']} on ", collection_name(collection))


def highlights_line(collection: dict[str, Any], period: str) -> tuple[str, str, str]:
    """The highlights line under a post, as (text before the link, linked name, text after):
    'Part of the highlights collection on ' [policy diffusion] ' (1 May – 31 July 2021).'"""
    name = collection_name(collection)
    theme = collection["theme"]
    after = [] if mentions(name, theme) else [f"on {theme}"]
    if not mentions(name, period):
        after.append(period)
    if mentions(name, "highlights"):
        lead = "Part of the "
    elif name.casefold() == theme.casefold():
        lead = "Part of the highlights collection on "
    else:
        lead = "Part of the highlights collection "
    return lead, name, f" ({', '.join(after)})." if after else "."


def edition_kicker(collection: dict[str, Any], title: str) -> str:
    """The line under an edition's title saying what it is, unless the title says it already."""
    label = collection.get("series_name") if collection.get("kind") == "special-issue" else HIGHLIGHTS_LABEL
    return "" if mentions(title, label or "") else (label or "")


def file_name(title: str, limit: int = FILE_NAME_LENGTH) -> str:
    """A post's file name from its title: lower-case words joined by hyphens, at most ``limit``
    characters, cut only between words and never after a word like 'on' or 'the'."""
    words = re.sub(r"[^a-z0-9]+", " ", without_numbering(title).lower()).split()
    kept: list[str] = []
    for word in words:
        if len("-".join([*kept, word])) > limit and kept:
            break
        kept.append(word)
    if len(kept) < len(words):
        while len(kept) > 1 and kept[-1] in TRAILING_WORDS:
            kept.pop()
    return "-".join(kept)[:limit].strip("-") or "post"
