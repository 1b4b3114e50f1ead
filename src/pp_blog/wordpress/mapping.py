"""The map file: which WordPress posts go into which collection, and which accounts are editorial.

A TOML file written by the editor (docs/importing.md has the reference and an example)::

    editorial_accounts = ["policypressblog"]

    [[rule]]
    collection = "co-creation-special-issue"
    categories = ["Special issue blog series"]
    title = "co-creation"
    position = 'Blog (\\d+)'
    strip_title = '^(NEW )?SPECIAL ISSUE BLOG SERIES:\\s*Blog \\d+\\s*[–—-]\\s*'

    [collections.co-creation-special-issue]   # only for a collection the book does not have yet
    title = "..."
    kind = "special-issue"
    ...

A post goes to the first rule that it matches; a rule matches when every criterion it gives
matches (any one of its categories, any one of its tags, its title pattern). Posts that match
no rule go to the collection of their year.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

# Patterns are matched against titles, which WordPress keeps short; a longer title is cut
# before matching, so an editor's pattern never runs for long on a hostile one.
TITLE_LIMIT = 500
SLUG = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")


class MapError(Exception):
    """The map file cannot be used; the message names the entry and the fix."""


@dataclass
class Rule:
    number: int
    collection: str
    categories: list[str] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)
    title: re.Pattern | None = None
    position: re.Pattern | None = None
    strip_title: re.Pattern | None = None
    category: str | None = None

    def matches(self, title: str, categories: list[str], tags: list[str]) -> bool:
        title = title[:TITLE_LIMIT]
        if self.categories and not {c.casefold() for c in self.categories} & {c.casefold() for c in categories}:
            return False
        if self.tags and not {t.casefold() for t in self.tags} & {t.casefold() for t in tags}:
            return False
        return self.title is None or self.title.search(title) is not None

    def position_in(self, title: str) -> int | None:
        if self.position is None:
            return None
        found = self.position.search(title[:TITLE_LIMIT])
        if found is None:
            return None
        try:
            number = int(found.group(1) if found.groups() else found.group(0))
        except ValueError:
            return None
        return number if number >= 1 else None

    def cleaned_title(self, title: str) -> str:
        if self.strip_title is None:
            return title
        return self.strip_title.sub("", title[:TITLE_LIMIT], count=1).strip() + title[TITLE_LIMIT:]


@dataclass
class ImportMap:
    path: Path | None = None
    editorial_accounts: list[str] = field(default_factory=list)
    rules: list[Rule] = field(default_factory=list)
    # Declarations of collections to create: slug -> landing page front matter fields.
    collections: dict[str, dict[str, Any]] = field(default_factory=dict)
    year_slug: str = "blog-{year}"
    year_title: str = "Posts of {year}"

    def rule_for(self, title: str, categories: list[str], tags: list[str]) -> Rule | None:
        return next((rule for rule in self.rules if rule.matches(title, categories, tags)), None)


RULE_KEYS = {"collection", "categories", "tags", "title", "position", "strip_title", "category"}


def _strings(value: Any, where: str) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return list(value)
    raise MapError(f"{where} must be a name or a list of names in quotes")


def _pattern(value: Any, where: str, *, group: bool = False) -> re.Pattern:
    if not isinstance(value, str):
        raise MapError(f"{where} must be a regular expression in quotes")
    try:
        pattern = re.compile(value)
    except re.error as error:
        raise MapError(f"{where} is not a valid regular expression ({error}): see docs/importing.md") from None
    if group and pattern.groups > 1:
        raise MapError(f"{where} must capture the number in one group, e.g. 'Blog (\\d+)'")
    return pattern


def read_map(path: Path | None) -> ImportMap:
    if path is None:
        return ImportMap()
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except OSError as error:
        raise MapError(f"cannot be read ({error.strerror or error})") from None
    except UnicodeDecodeError:
        raise MapError("is not UTF-8 text") from None
    except tomllib.TOMLDecodeError as error:
        raise MapError(f"is not valid TOML ({error}): check quoting; see docs/importing.md") from None
    known = {"editorial_accounts", "rule", "collections", "year_collections"}
    for key in data:
        if key not in known:
            raise MapError(f"unknown entry {key!r}: use {', '.join(sorted(known))} (see docs/importing.md)")
    result = ImportMap(path=path)
    result.editorial_accounts = _strings(data.get("editorial_accounts", []), "editorial_accounts")
    years = data.get("year_collections", {})
    if not isinstance(years, dict) or set(years) - {"slug", "title"}:
        raise MapError("[year_collections] takes only slug and title, e.g. slug = \"blog-{year}\"")
    result.year_slug = years.get("slug", result.year_slug)
    result.year_title = years.get("title", result.year_title)
    for name, value in (("slug", result.year_slug), ("title", result.year_title)):
        if not isinstance(value, str) or "{year}" not in value:
            raise MapError(f"year_collections.{name} must contain {{year}}, e.g. \"blog-{{year}}\"")
    if not SLUG.match(result.year_slug.replace("{year}", "2000")):
        raise MapError("year_collections.slug must be lower case letters, digits and hyphens around {year}")
    rules = data.get("rule", [])
    if not isinstance(rules, list):
        raise MapError("rules are written [[rule]], one block per rule")
    for number, entry in enumerate(rules, start=1):
        where = f"rule {number}"
        if not isinstance(entry, dict):
            raise MapError(f"{where} must be a [[rule]] block")
        unknown = set(entry) - RULE_KEYS
        if unknown:
            raise MapError(f"{where}: unknown key {sorted(unknown)[0]!r}: use {', '.join(sorted(RULE_KEYS))}")
        collection = entry.get("collection")
        if not isinstance(collection, str) or not SLUG.match(collection):
            raise MapError(f"{where} needs collection = \"<folder name under posts/>\" (lower case, hyphens)")
        if not {"categories", "tags", "title"} & set(entry):
            raise MapError(f"{where} matches every post: give categories, tags or a title pattern")
        category = entry.get("category")
        if category is not None and not (isinstance(category, str) and category.strip()):
            raise MapError(f"{where}: category must be the name of one of the book's categories")
        result.rules.append(Rule(
            number=number,
            collection=collection,
            categories=_strings(entry.get("categories", []), f"{where}: categories"),
            tags=_strings(entry.get("tags", []), f"{where}: tags"),
            title=_pattern(entry["title"], f"{where}: title") if "title" in entry else None,
            position=_pattern(entry["position"], f"{where}: position", group=True) if "position" in entry else None,
            strip_title=_pattern(entry["strip_title"], f"{where}: strip_title") if "strip_title" in entry else None,
            category=category,
        ))
    collections = data.get("collections", {})
    if not isinstance(collections, dict):
        raise MapError("collections are written [collections.<slug>], one table per collection")
    for slug, declaration in collections.items():
        if not SLUG.match(slug) or not isinstance(declaration, dict):
            raise MapError(f"[collections.{slug}] must be a table named by a folder name (lower case, hyphens)")
        if not isinstance(declaration.get("title"), str):
            raise MapError(f"[collections.{slug}] needs title = \"...\" (the landing page's title)")
        result.collections[slug] = dict(declaration)
    return result
