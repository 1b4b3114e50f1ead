"""Files of an import: names that never collide, front matter, landing pages, the import record.

The record (``wordpress-import.json`` at the project's root, to be committed with the posts)
keeps, for each WordPress post, the file it went to, a hash of what the importer generated and
a hash of the file as written. A re-import then knows whether WordPress changed the post (the
generated text differs) and whether an editor changed the file here (its hash differs), and
never overwrites the second without ``--force``.
"""

from __future__ import annotations

import hashlib
import json
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

RECORD = "wordpress-import.json"
STEM_LIMIT = 60
def digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def clean_text(value: str) -> str:
    """One line of plain text for front matter: no control, invisible or direction-control
    characters (the book refuses them there), no runs of spaces."""
    return " ".join("".join(ch for ch in value if unicodedata.category(ch) not in ("Cc", "Cf")).split())


def ascii_slug(value: str) -> str:
    """'Blog 5 – Digital platförms' -> 'blog-5-digital-platforms' (may be empty)."""
    decomposed = unicodedata.normalize("NFKD", value)
    plain = decomposed.encode("ascii", "ignore").decode("ascii").lower()
    words = re.sub(r"[^a-z0-9]+", " ", plain).split()
    slug = ""
    for word in words:
        if len(slug) + len(word) + 1 > STEM_LIMIT:
            break
        slug = f"{slug}-{word}" if slug else word
    return slug


def unique_stem(wanted: str, post_id: int, taken: set[str]) -> str:
    """A file name (without .md) no other post has: the slug, else the slug and the post's id."""
    base = wanted or "post"
    if base not in taken and base != "index":
        return base
    candidate = f"{base}-{post_id}"
    number = 2
    while candidate in taken:
        candidate = f"{base}-{post_id}-{number}"
        number += 1
    return candidate


@dataclass
class Record:
    """The import record of one export's site: WordPress post id -> what was written."""

    path: Path
    sites: dict[str, dict[str, dict[str, Any]]] = field(default_factory=dict)

    @classmethod
    def load(cls, root: Path) -> Record:
        path = root / RECORD
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return cls(path)
        except (OSError, ValueError) as error:
            raise RecordError(f"{path}: cannot be read ({error}): restore it from version control") from None
        if not isinstance(data, dict) or not isinstance(data.get("sites"), dict):
            raise RecordError(f"{path}: is not an import record: restore it from version control")
        return cls(path, data["sites"])

    def entries(self, site: str) -> dict[str, dict[str, Any]]:
        return self.sites.setdefault(site, {})

    def text(self) -> str:
        return json.dumps({"version": 1, "sites": self.sites}, indent=1, sort_keys=True, ensure_ascii=False) + "\n"


class RecordError(Exception):
    pass


def front_matter(fields: dict[str, Any]) -> str:
    """YAML front matter in the project's format (docs/front-matter.md), every string quoted safely."""
    dumped = yaml.safe_dump(fields, sort_keys=False, allow_unicode=True, width=10_000, default_flow_style=False)
    return f"---\n{dumped}---\n"


LANDING_INTRO = {
    "year": "Posts of {year} on the blog that belong to no special issue series or highlights collection, by date.",
    "special-issue": "The posts of this special issue blog series, imported from the blog.",
    "highlights": "The posts of this highlights collection, imported from the blog.",
}


def landing_page(title: str, declaration: dict[str, Any], year: int | None = None) -> str:
    intro = LANDING_INTRO.get(declaration.get("kind"), "").format(year=year)
    return (
        front_matter({"title": title, "collection": declaration})
        + f"\n{intro}\n\n```{{collection-details}}\n```\n\n## The posts\n\n```{{collection-posts}}\n```\n"
    )


def write_atomically(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(f".{path.name}.tmp")
    temporary.write_text(text, encoding="utf-8")
    temporary.replace(path)
