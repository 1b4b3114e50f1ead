"""Reading and validating the YAML front matter of posts and collection pages.

Everything here is pure: it takes text and plain values and returns plain values,
so the Sphinx build and the ``ppblog check`` command share it exactly.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from dataclasses import dataclass, field
from pathlib import PurePosixPath
from typing import Any

import yaml

from . import phrasing, scaffold
from .citation import DOI_PATTERN, doi_problem
from .layout import post_slug
from .names import collection_folder_problem, name_problems, site_name_problems, text_problems
from .problems import Problem

FENCE = "---"


class FrontMatterError(Exception):
    """Front matter that cannot be read at all (no fence, bad YAML, not a mapping)."""

    def __init__(self, message: str, line: int | None = None):
        super().__init__(message)
        self.message = message
        self.line = line


@dataclass
class FrontMatter:
    """The parsed front matter of one file, with the file line of every top-level key."""

    data: dict[str, Any]
    key_lines: dict[str, int] = field(default_factory=dict)
    start_line: int = 1  # the line of the opening fence

    def line_of(self, key: str | None) -> int:
        """The line of a key; a nested key is written as its path (``collection.period_end``),
        and one without a line of its own gets the line of the nearest key that holds it."""
        while key:
            if key in self.key_lines:
                return self.key_lines[key]
            key = key.rpartition(".")[0]
        return self.start_line


# libyaml's parser when PyYAML has it: about ten times faster, and posts are parsed on every build.
class _StringDatesLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):
    """A safe loader that keeps dates as the strings the author typed.

    PyYAML turns ``2021-05-12`` into a date but raises on ``2021-13-45``; keeping
    strings lets validation report an impossible date like any other problem.
    """


_StringDatesLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def split_front_matter(text: str) -> tuple[str, int] | None:
    """Return the YAML text between the fences and the line it starts on, or None."""
    lines = text.splitlines()
    if not lines or lines[0].strip() != FENCE:
        return None
    for index, line in enumerate(lines[1:], start=1):
        if line.strip() == FENCE:
            return "\n".join(lines[1:index]), 2
    raise FrontMatterError("front matter is not closed: add a line with '---' after the last field", 1)


@functools.lru_cache(maxsize=8)
def parse_front_matter(text: str) -> FrontMatter:
    """Parse the front matter of a Markdown file; raise FrontMatterError when unreadable.

    The result is shared, so read it, never change it: a page's text is parsed once for its
    title heading (``source-read``) and once more to be read, and the second parse is free.
    """
    found = split_front_matter(text)
    if found is None:
        raise FrontMatterError(
            "no front matter: start the file with a '---' line, the fields (title, date, "
            "authors, ...), and another '---' line",
            1,
        )
    yaml_text, first_line = found
    loader = _StringDatesLoader(yaml_text)
    try:
        # One parse gives both the values and the line of every key.
        node = loader.get_single_node()
        data = loader.construct_document(node) if node is not None else None
    except yaml.YAMLError as error:
        # Where an unclosed quote or bracket started is more useful than where the file ended.
        mark = getattr(error, "context_mark", None) or getattr(error, "problem_mark", None)
        line = first_line + mark.line if mark is not None else first_line
        problem = getattr(error, "problem", None) or str(error).splitlines()[0]
        if getattr(error, "context", None):
            problem = f"{error.context}: {problem}"
        raise FrontMatterError(
            f"front matter is not valid YAML ({problem}): check quoting and indentation "
            "(a value containing ': ' or starting with a quote or '[' needs quotes)",
            line,
        ) from None
    finally:
        loader.dispose()
    if data is None:
        data, node = {}, None
    if not isinstance(data, dict):
        raise FrontMatterError("front matter must be a list of 'key: value' fields", first_line)
    key_lines: dict[str, int] = {}
    if isinstance(node, yaml.MappingNode):
        for key_node, _ in node.value:
            line = first_line + key_node.start_mark.line
            if str(key_node.value) in key_lines:
                # YAML keeps the last value silently: the first would be lost without a word.
                raise FrontMatterError(
                    f"field {key_node.value!r} is given twice (lines {key_lines[str(key_node.value)]} and {line}): "
                    "keep one",
                    line,
                )
            key_lines[str(key_node.value)] = line
    _note_key_lines(node, "", first_line, key_lines)
    return FrontMatter(data=data, key_lines=key_lines, start_line=first_line - 1)


def _note_key_lines(node, prefix: str, first_line: int, key_lines: dict[str, int]) -> None:
    """The file line of every key and list item, nested ones by their dotted path
    (``collection.period_end``, ``collection.featured_articles.0.doi``)."""
    if isinstance(node, yaml.MappingNode):
        children = [(str(key.value), key, value) for key, value in node.value]
    elif isinstance(node, yaml.SequenceNode):
        children = [(str(index), item, item) for index, item in enumerate(node.value)]
    else:
        return
    for name, marked, value in children:
        path = f"{prefix}{name}"
        key_lines.setdefault(path, first_line + marked.start_mark.line)
        _note_key_lines(value, path + ".", first_line, key_lines)


# --- posts -----------------------------------------------------------------------------

AUTHOR_NAME = {
    "type": "string",
    # No comma: ABlog separates authors with commas, so a comma inside one name would split it.
    # One rule (no minLength besides it), so that an empty name is one problem; a name of spaces
    # is told by the name checks (names.py), which give it no page.
    "pattern": r"^[^,]+$",
}
# A guest editor has no page and no name checks: something besides spaces, and no comma.
GUEST_EDITOR_NAME = {"type": "string", "pattern": r"^[^,]*[^,\s][^,]*$"}
NAME_HINT = "write one person's name, with no comma (ABlog splits names at commas), one name per entry"

POST_SCHEMA: dict[str, Any] = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "type": "object",
    # 'tags' is required: a post without tags would be on no tag page (ABlog made an empty one).
    "required": ["title", "date", "authors", "tags", "category", "collection", "original_url"],
    "additionalProperties": False,
    "properties": {
        "title": {"type": "string", "minLength": 1},
        "date": {"type": "string"},
        "authors": {
            "type": "array",
            "minItems": 1,
            "items": {
                "anyOf": [
                    AUTHOR_NAME,
                    {
                        "type": "object",
                        "required": ["name"],
                        "additionalProperties": False,
                        "properties": {
                            "name": AUTHOR_NAME,
                            "role": {"type": "string", "minLength": 1},
                            "affiliation": {"type": "string", "minLength": 1},
                        },
                    },
                ]
            },
        },
        "tags": {"type": "array", "minItems": 1, "items": {"type": "string", "minLength": 1, "pattern": r"^[^,]+$"}},
        "category": {"type": "string", "minLength": 1},
        "collection": {"type": "string", "minLength": 1},
        "position": {"type": "integer", "minimum": 1},
        "original_url": {"type": "string", "pattern": r"^https?://"},
        "doi": {"type": "string", "pattern": DOI_PATTERN.pattern},
        "draft": {"type": "boolean"},
    },
}

# Keys that other tools use and authors copy from their examples; each gets its own hint.
MISPLACED_KEYS = {
    "author": "use 'authors:' with one '- Name' line per author",
    "tag": "use 'tags:' with one '- tag' line per tag",
    "nocomments": "remove it: this blog has no comments",
    "exclude": "remove it; to keep a post unpublished, set 'draft: true'",
    "blogpost": "remove it: every file in a collection folder is a post",
}

FIELD_HINTS = {
    "title": "give the post's title in quotes, e.g. title: \"Digital platforms for public value\"",
    "date": "write the publication date as YYYY-MM-DD, e.g. date: 2021-05-12",
    "authors": "list every author on a line of their own under 'authors:', each line starting with '- ', e.g. '  - Albert Meijer'",
    "tags": "list the tags, e.g. tags: [co-creation, public value]",
    "category": "name one category",
    "collection": "name the collection's folder under posts/, e.g. collection: co-creation-special-issue",
    "position": "give the post's number in its series as a whole number, e.g. position: 5",
    "original_url": "give the original post's address, starting with https://",
    "doi": "give the DOI without a prefix, e.g. doi: 10.1332/030557321X16115951032181",
    "draft": "write draft: true or leave the field out",
}

DATE_PATTERN = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def _hint(name: str | None) -> str:
    return FIELD_HINTS.get(name or "", "see docs/front-matter.md")


# One validator per schema (this module's two), made when first needed: making one costs
# about as much as validating a post with it.
_VALIDATORS: dict[int, Any] = {}


def _validator(schema: dict):
    validator = _VALIDATORS.get(id(schema))
    if validator is None or validator.schema is not schema:
        # Imported when a page is first read: a rebuild with nothing to read never needs it
        # (its import takes about 70 ms).
        import jsonschema

        validator = _VALIDATORS[id(schema)] = jsonschema.Draft202012Validator(schema)
    return validator


def first_error_per_place(errors) -> list:
    """One error for each value: jsonschema reports every rule a value breaks (too short and
    not matching, say), which the editor reads as one problem."""
    seen: set[tuple] = set()
    first = []
    for error in errors:
        place = tuple(map(str, error.path))
        if error.validator in ("required", "additionalProperties") or place not in seen:
            seen.add(place)
            first.append(error)
    return first


def is_name_error(error) -> bool:
    return error.validator == "pattern" and error.validator_value in (AUTHOR_NAME["pattern"],
                                                                       GUEST_EDITOR_NAME["pattern"])


def _schema_problems(schema: dict, front: FrontMatter, kind: str) -> list[Problem]:
    problems = []
    validator = _validator(schema)
    errors = sorted(validator.iter_errors(front.data), key=lambda e: list(map(str, e.path)))
    for error in first_error_per_place(errors):
        top = str(error.path[0]) if error.path else None
        if error.validator == "required":
            missing = re.search(r"'([^']+)'", error.message)
            name = missing.group(1) if missing else "?"
            problems.append(
                Problem(f"{kind} has no '{name}' field: {_hint(name)}", front.start_line, name)
            )
        elif error.validator == "additionalProperties" and not error.path:
            for name in sorted(set(front.data) - set(schema["properties"])):
                hint = MISPLACED_KEYS.get(name, "remove it or check its spelling (see docs/front-matter.md)")
                problems.append(Problem(f"unknown field '{name}': {hint}", front.line_of(name), name))
        elif top == "doi" and error.validator == "pattern":
            problems.append(Problem(f"field 'doi': {doi_problem(error.instance)}", front.line_of(top), top))
        else:
            where = ".".join(str(p) for p in error.path) or "front matter"
            value = error.instance if not isinstance(error.instance, (dict, list)) else None
            shown = f" ({value!r})" if value is not None else ""
            problems.append(
                Problem(f"field '{where}'{shown} is invalid: {_hint(top)}", front.line_of(where), top)
            )
    return problems


def parse_date(value: str) -> dt.date | None:
    if not DATE_PATTERN.match(value):
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        return None


@dataclass(frozen=True)
class Author:
    name: str
    role: str = ""
    affiliation: str = ""

    @property
    def description(self) -> str:
        return ", ".join(part for part in (self.role, self.affiliation) if part)


def authors_of(data: dict[str, Any]) -> list[Author]:
    """The post's authors, in the order given, whether written as names or mappings."""
    result = []
    for entry in data.get("authors") or []:
        if isinstance(entry, str):
            result.append(Author(entry.strip()))
        elif isinstance(entry, dict) and isinstance(entry.get("name"), str):
            result.append(
                Author(entry["name"].strip(), entry.get("role", ""), entry.get("affiliation", ""))
            )
    return result


def validate_post(front: FrontMatter, *, categories: list[str] | None = None) -> list[Problem]:
    """Check one post's front matter on its own; cross-post checks live in validate_site()."""
    problems = _schema_problems(POST_SCHEMA, front, "post")
    data = front.data
    date = data.get("date")
    if isinstance(date, str) and parse_date(date) is None:
        problems.append(
            Problem(
                f"field 'date' ({date!r}) is not a real date: {_hint('date')}", front.line_of("date"), "date"
            )
        )
    # Tags and authors, their pages and spellings; hidden characters and blank titles: names.py.
    hidden = text_problems(front)
    problems.extend(hidden)
    # A name with a hidden character is told once, for that character.
    problems.extend(p for p in name_problems(front) if p.field not in {h.field for h in hidden})
    title, position = data.get("title"), data.get("position")
    if isinstance(title, str) and isinstance(position, int) and (prefix := phrasing.numbering_prefix(title)):
        problems.append(Problem(
            f"the title starts with {prefix.group(0).strip()!r}, which the book adds from 'position' "
            f"(it would read \"Blog {position}: {prefix.group(0).strip()} …\"): write title: "
            f"\"{phrasing.without_numbering(title)}\"", front.line_of("title"), "title"))
    category = data.get("category")
    if categories is not None and isinstance(category, str) and category not in categories:
        known = ", ".join(repr(c) for c in categories)
        problems.append(
            Problem(f"unknown category {category!r}: use one of {known}", front.line_of("category"), "category")
        )
    return problems


def post_record(front: FrontMatter) -> dict[str, Any]:
    """The plain values the domain keeps for a valid post."""
    data = front.data
    return {
        "title": data["title"],
        "date": data["date"],
        "authors": [a.__dict__ for a in authors_of(data)],
        "tags": list(data.get("tags") or []),
        "category": data["category"],
        "collection": data["collection"],
        "position": data.get("position"),
        "original_url": data["original_url"],
        "doi": data.get("doi"),
        "draft": data.get("draft") is True,
        "lines": dict(front.key_lines),
    }


def collection_record(front: FrontMatter) -> dict[str, Any]:
    declared = dict(front.data["collection"])
    declared["title"] = front.data["title"]
    declared.setdefault("short_title", declared["title"])
    declared["line"] = front.line_of("collection")
    return declared


def read_page(kind: str, text: str, *, folder: str, categories: list[str] | None) -> tuple[dict | None, list[Problem]]:
    """Parse and check a post (kind 'post') or landing page ('collection').

    Returns the record the domain keeps, or None when there is a problem, and the problems.
    The build and ``ppblog check`` both read pages through this.
    """
    try:
        front = parse_front_matter(text)
    except FrontMatterError as error:
        return None, [Problem(error.message, error.line)]
    if kind == "collection":
        problems = validate_collection(front, folder=folder) + text_problems(front)
        return (None if problems else collection_record(front)), problems
    problems = validate_post(front, categories=categories)
    body_line, body = body_of(text)
    problems += [Problem(message, line or front.line_of(name), name)
                 for name, message, line in scaffold.placeholder_problems(front.data, body, body_line)]
    return (None if problems else post_record(front)), problems


def body_of(text: str) -> tuple[int, str]:
    """The text below the front matter and the file line it starts on."""
    lines = text.splitlines(keepends=True)
    found = split_front_matter(text)
    if found is None:
        return 1, text
    closing = found[0].count("\n") + 3 if found[0] else 2
    return closing + 1, "".join(lines[closing:])


# --- collections -----------------------------------------------------------------------

SPECIAL_ISSUE = "special-issue"
HIGHLIGHTS = "highlights"
# The blog's ordinary posts, in no series or highlights collection: one collection per year.
YEAR = "year"
KINDS = [SPECIAL_ISSUE, HIGHLIGHTS, YEAR]
# The category a new post of each kind of collection gets (`ppblog new`, synthetic archives, imports).
CATEGORY_OF_KIND = {SPECIAL_ISSUE: "Special issue blog series", HIGHLIGHTS: "Highlights collection", YEAR: "Blog post"}

ARTICLE = {
    "type": "object",
    "required": ["title", "authors"],
    "additionalProperties": False,
    "properties": {
        "title": {"type": "string", "minLength": 1},
        "authors": {"type": "array", "minItems": 1, "items": AUTHOR_NAME},
        "citation": {"type": "string", "minLength": 1},
        "doi": {"type": "string", "pattern": DOI_PATTERN.pattern},
    },
}


def collection_kind(kind: str, own: dict[str, Any], *, required: list[str]) -> dict[str, Any]:
    """The schema branch of one kind of collection: the fields every collection has (declared
    once, in ``collection``'s own properties), its own fields, and nothing else."""
    return {
        "properties": {"kind": {"const": kind}, **dict.fromkeys(("slug", "short_title", "weight"), True), **own},
        "required": required,
        "additionalProperties": False,
    }


COLLECTION_SCHEMA: dict[str, Any] = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "type": "object",
    "required": ["title", "collection"],
    "properties": {
        "title": {"type": "string", "minLength": 1},
        "collection": {
            "type": "object",
            "required": ["kind", "slug"],
            "properties": {
                "kind": {"enum": KINDS},
                "slug": {"type": "string", "pattern": r"^[a-z0-9]+(-[a-z0-9]+)*$"},
                "short_title": {"type": "string", "minLength": 1},
                "weight": {"type": "integer"},
            },
            "oneOf": [
                collection_kind(
                    SPECIAL_ISSUE,
                    {
                        "series_name": {"type": "string", "minLength": 1},
                        "journal": {"type": "string", "minLength": 1},
                        "volume": {"type": "integer", "minimum": 1},
                        "issue": {"type": "integer", "minimum": 1},
                        "month": {"type": "integer", "minimum": 1, "maximum": 12},
                        "year": {"type": "integer", "minimum": 1900},
                        "guest_editors": {"type": "array", "minItems": 1, "items": GUEST_EDITOR_NAME},
                        "planned_posts": {"type": "integer", "minimum": 1},
                        "doi": {"type": "string", "pattern": DOI_PATTERN.pattern},
                    },
                    required=["series_name", "journal", "volume", "issue", "month", "year",
                              "guest_editors", "planned_posts"],
                ),
                collection_kind(
                    HIGHLIGHTS,
                    {
                        "journal": {"type": "string", "minLength": 1},
                        "period_start": {"type": "string"},
                        "period_end": {"type": "string"},
                        "theme": {"type": "string", "minLength": 1},
                        "featured_articles": {"type": "array", "items": ARTICLE},
                    },
                    required=["journal", "period_start", "period_end", "theme"],
                ),
                collection_kind(YEAR, {"year": {"type": "integer", "minimum": 1900}}, required=["year"]),
            ],
        },
    },
}


def validate_collection(front: FrontMatter, *, folder: str) -> list[Problem]:
    """Check a collection landing page's front matter (``posts/<folder>/index.md``)."""
    problems = []
    validator = _validator(COLLECTION_SCHEMA)
    line = front.line_of("collection")
    for error in validator.iter_errors(front.data):
        if error.validator == "oneOf" and isinstance(error.instance, dict):
            kind = error.instance.get("kind")
            # Report the branch that matches the declared kind: its errors are the useful ones.
            branch = KINDS.index(kind) if kind in KINDS else 1
            branch_errors = [sub for sub in error.context or []
                             if sub.relative_schema_path and sub.relative_schema_path[0] == branch]
            for sub in first_error_per_place(branch_errors):
                if is_name_error(sub):
                    where = ".".join(str(p) for p in sub.path)
                    problems.append(Problem(f"collection declaration: {where} ({sub.instance!r}) is not a name: "
                                            f"{NAME_HINT}", front.line_of(_error_key(sub))))
                elif sub.validator == "pattern" and sub.path and sub.path[-1] == "doi":
                    where = ".".join(str(p) for p in sub.path)
                    problems.append(Problem(f"collection declaration: {where}: {doi_problem(sub.instance)}",
                                            front.line_of(_error_key(sub))))
                else:
                    problems.append(Problem(f"collection declaration: {sub.message}; see docs/front-matter.md",
                                            front.line_of(_error_key(sub))))
        else:
            where = ".".join(str(p) for p in error.path) or "front matter"
            problems.append(Problem(f"{where}: {error.message}; see docs/front-matter.md",
                                    front.line_of(_error_key(error)) if error.path else line))
    declared = front.data.get("collection")
    if isinstance(declared, dict):
        slug = declared.get("slug")
        if isinstance(slug, str) and slug != folder:
            problems.append(
                Problem(f"collection slug {slug!r} differs from its folder posts/{folder}/: make them the same",
                        front.line_of("collection.slug"))
            )
        if declared.get("kind") == HIGHLIGHTS:
            start, end = declared.get("period_start"), declared.get("period_end")
            dates = {name: parse_date(v) if isinstance(v, str) else None
                     for name, v in (("period_start", start), ("period_end", end))}
            wrong = [name for name, date in dates.items() if date is None]
            if wrong:
                problems.append(Problem("period_start and period_end must be dates written YYYY-MM-DD",
                                        front.line_of(f"collection.{wrong[0]}")))
            elif dates["period_start"] > dates["period_end"]:
                problems.append(Problem("period_start is after period_end: swap them",
                                        front.line_of("collection.period_start")))
    return problems


def _error_key(error) -> str:
    """The dotted path of the key a schema error is about (an unexpected key's own path)."""
    path = [str(p) for p in error.absolute_path]
    if error.validator == "additionalProperties":
        unexpected = re.search(r"'([^']+)' (?:was|were) unexpected", error.message)
        if unexpected:
            path.append(unexpected.group(1))
    elif error.validator == "required":
        missing = re.search(r"'([^']+)'", error.message)
        if missing:
            path.append(missing.group(1))
    return ".".join(path)


# --- across posts ----------------------------------------------------------------------


def validate_site(
    posts: dict[str, dict[str, Any]], collections: dict[str, dict[str, Any]], broken: frozenset[str] = frozenset()
) -> list[tuple[str, Problem]]:
    """Checks that need every post: known collection, series positions, unique titles and slugs.

    ``posts`` maps a docname to its record (as stored by the build); ``collections`` maps
    a landing page's docname to its declaration; ``broken`` holds the folder names of landing
    pages whose own problems are reported (their posts are not called "unknown" as well).
    Returns (docname, problem) pairs in docname order.
    """
    problems: list[tuple[str, Problem]] = []
    by_slug = {c["slug"]: c for c in collections.values()}
    seen_positions: dict[tuple[str, int], str] = {}
    seen_titles: dict[str, str] = {}
    seen_slugs: dict[str, str] = {}
    for docname in sorted(posts):
        post = posts[docname]
        lines = post.get("lines", {})
        slug = post["collection"]
        collection = by_slug.get(slug)
        folder = PurePosixPath(docname).parts[1] if len(PurePosixPath(docname).parts) == 3 else slug
        if collection is None and (slug in broken or slug == folder):
            pass  # the folder's landing page is invalid or missing, and reported: its posts are not told again
        elif collection is None:
            known = ", ".join(sorted(by_slug)) or "none declared"
            problems.append((docname, Problem(
                f"unknown collection {slug!r}: use the folder name of a collection (known: {known})",
                lines.get("collection"), "collection")))
        elif slug != folder:
            problems.append((docname, collection_folder_problem(slug, folder, lines.get("collection"))))
        elif collection["kind"] == SPECIAL_ISSUE:
            position = post.get("position")
            planned = collection["planned_posts"]
            if position is None:
                problems.append((docname, Problem(
                    f"post in series {slug!r} has no 'position': add e.g. position: 5 (its blog number)",
                    lines.get("collection"), "position")))
            elif position > planned:
                problems.append((docname, Problem(
                    f"position {position} is beyond the {planned} blogs planned for {slug!r}: "
                    f"fix the position or raise planned_posts in posts/{slug}/index.md",
                    lines.get("position"), "position")))
            elif (slug, position) in seen_positions:
                other = seen_positions[(slug, position)]
                problems.append((docname, Problem(
                    f"position {position} is already taken by {other} in series {slug!r}: give each post its own number",
                    lines.get("position"), "position")))
            else:
                seen_positions[(slug, position)] = docname
        title_key = " ".join(post["title"].casefold().split())
        if title_key in seen_titles:
            problems.append((docname, Problem(
                f"title {post['title']!r} is already used by {seen_titles[title_key]}: give each post its own title",
                lines.get("title"), "title")))
        else:
            seen_titles[title_key] = docname
        file_slug = post_slug(docname)
        if file_slug in seen_slugs:
            problems.append((docname, Problem(
                f"file name {file_slug!r} is already used by {seen_slugs[file_slug]}: rename one of the files "
                "(post addresses and blog labels come from the file name)", None, "slug")))
        else:
            seen_slugs[file_slug] = docname
    problems.extend(site_name_problems(posts))
    problems.sort(key=lambda item: item[0])
    return problems
