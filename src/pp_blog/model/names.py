"""Names that become pages (tags, authors) and the characters front matter may hold. Pure.

One page-address scheme for tag and author pages: the name transliterated to ASCII
(``anyascii``), lowercase, its runs of letters and digits joined by hyphens; invisible and
direction-control characters are dropped first. ``Public value``, ``public-value``,
``Públic  Value`` and ``public\\u200bvalue`` are spellings of one name: they share the page
``public-value``, and posts must use one spelling (a second is reported). Two names with
different addresses are different names. A name whose address would be empty (``!!!``) or
too long for a file name is refused. Addresses are never percent-encoded.

Front-matter strings may not hold control characters (they stop the feeds' XML writer),
or invisible and direction-control characters (they make two names look alike, or reorder
what a reader sees).
"""

from __future__ import annotations

import functools
import unicodedata
from typing import Any, Iterator

from anyascii import anyascii

from .problems import Problem

# A page address stays well within a file name's 255 bytes, with room for '.html'.
MAX_ADDRESS = 120
# Tag and author names: the longest real one here is under 40 characters.
MAX_NAME = 100


def _visible(text: str) -> str:
    """Invisible and control characters dropped; tabs and line breaks are spaces."""
    return "".join(" " if ch.isspace() else ch for ch in text if ch.isspace() or unicodedata.category(ch) not in ("Cc", "Cf"))


@functools.lru_cache(maxsize=1 << 16)
def page_address(name: str) -> str:
    """The page name of a tag or author: 'Públic  Value' -> 'public-value'. Remembered: ABlog
    asks for each tag and author of each post many times in a build."""
    words = []
    current = []
    # Folded before transliteration: letters that differ only in case or compatibility form
    # ('µ' and 'Μ', 'ﬁ' and 'fi') are transliterated alike.
    folded = unicodedata.normalize("NFKC", _visible(str(name))).casefold()  # ABlog passes years as numbers
    for ch in anyascii(folded).lower():
        if ch.isascii() and ch.isalnum():
            current.append(ch)
        elif current:
            words.append("".join(current))
            current = []
    if current:
        words.append("".join(current))
    return "-".join(words)


def _describe(ch: str) -> str:
    return f"U+{ord(ch):04X} ({unicodedata.name(ch, 'control character').lower()})"


def hidden_character_problem(field: str, value: str, line: int) -> Problem | None:
    """A control, invisible or direction-control character in a front-matter string, or None."""
    for ch in value:
        category = unicodedata.category(ch)
        if category == "Cc" and ch not in "\t\n":
            what = "a control character"
        elif category == "Cf":
            what = "an invisible or direction-control character"
        else:
            continue
        return Problem(
            f"field {field!r} contains {what}, {_describe(ch)}: delete it (retype the text around it if you "
            "cannot see it)",
            line,
            field.split(".")[0],
        )
    return None


def _strings(value: Any, path: str) -> Iterator[tuple[str, str]]:
    if isinstance(value, str):
        yield path, value
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _strings(item, f"{path}.{index}")
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _strings(item, f"{path}.{key}")


def text_problems(front) -> list[Problem]:
    """Every front-matter string: no hidden characters; the title not blank.

    ``front`` is a ``frontmatter.FrontMatter`` (its ``data`` and ``line_of``), which imports this."""
    problems = []
    for key, value in front.data.items():
        for path, text in _strings(value, str(key)):
            problem = hidden_character_problem(path, text, front.line_of(path))
            if problem:
                problems.append(problem)
                break
    title = front.data.get("title")
    told = {problem.field for problem in problems}
    # A title of hidden characters alone is told once, for them.
    if isinstance(title, str) and title and not title.strip() and "title" not in told:
        problems.append(Problem("the title is only spaces: write the title", front.line_of("title"), "title"))
    return problems


def _names(kind: str, data: dict[str, Any]) -> list[tuple[str, str]]:
    """The tags, or the authors' names (written as a name or as a mapping with 'name'), each
    with its place in the front matter (``authors.1.name``)."""
    names = []
    for index, entry in enumerate(data.get(kind) or []):
        place = f"{kind}.{index}"
        if kind == "authors" and isinstance(entry, dict):
            entry, place = entry.get("name"), f"{place}.name"
        # An empty entry is the schema's to report (its pattern); it makes no page either.
        if isinstance(entry, str) and entry:
            names.append((place, entry.strip() if kind == "authors" else entry))
    return names


WHAT = {"tags": "tag", "authors": "author"}


def name_problems(front) -> list[Problem]:
    """Tags and authors of one post: each makes a page address, and each page is named once."""
    problems = []
    for kind in ("tags", "authors"):
        what = WHAT[kind]
        seen: dict[str, str] = {}
        for place, name in _names(kind, front.data):
            line = front.line_of(place)
            address = page_address(name)
            if len(name) > MAX_NAME:
                problems.append(Problem(
                    f"{what} name {name[:40]!r}... is {len(name)} characters long, more than {MAX_NAME}: shorten it",
                    line, kind))
                continue
            if not address:
                problems.append(Problem(
                    f"{what} {name!r} has no letters or digits, so it cannot have a page: use a word", line, kind))
                continue
            if len(address) > MAX_ADDRESS:
                problems.append(Problem(
                    f"{what} {name!r} makes a page address of {len(address)} characters, more than {MAX_ADDRESS}: "
                    "shorten it", line, kind))
                continue
            if address in seen:
                other = seen[address]
                if other == name:
                    problems.append(Problem(f"{what} {name!r} is listed twice: remove one", line, kind))
                elif other.casefold() == name.casefold():
                    problems.append(Problem(
                        f"{kind} {other!r} and {name!r} differ only in case: keep one spelling", line, kind))
                else:
                    problems.append(Problem(
                        f"{kind} {other!r} and {name!r} are spellings of one name (page {address!r}): keep one "
                        "spelling", line, kind))
                continue
            seen[address] = name
    return problems


def site_name_problems(posts: dict[str, dict[str, Any]]) -> list[tuple[str, Problem]]:
    """Across posts: one spelling per tag and per author, so every post is on its one page."""
    problems = []
    for kind in ("tags", "authors"):
        first: dict[str, tuple[str, str]] = {}
        for docname in sorted(posts):
            post = posts[docname]
            names = post.get("tags", []) if kind == "tags" else [a["name"] for a in post.get("authors", [])]
            for name in names:
                address = page_address(name)
                if not address:
                    continue
                if address not in first:
                    first[address] = (name, docname)
                elif first[address][0] != name:
                    other, where = first[address]
                    problems.append((docname, Problem(
                        f"{WHAT[kind]} {name!r} is spelled {other!r} in {where}: use one spelling, so that both "
                        f"posts are listed on its page ({address!r})",
                        post.get("lines", {}).get(kind), kind)))
    return problems


def collection_folder_problem(collection: str, folder: str, line: int | None) -> Problem:
    """A post whose ``collection:`` names another folder's collection than its own."""
    return Problem(
        f"the post is in posts/{folder}/ but names the collection {collection!r}: a post belongs to the "
        f"collection of its folder; write collection: {folder}, or move the file to posts/{collection}/",
        line,
        "collection",
    )
