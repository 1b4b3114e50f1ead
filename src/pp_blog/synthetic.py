"""Generate a synthetic archive: a complete project with N realistic posts.

Benchmarks and the archive-scale tests build these instead of the published content::

    python -m pp_blog.synthetic --posts 500 --out /tmp/archive

The project gets the real ``conf.py`` and ``_static/``, its own front page and landing pages,
and posts spread over several special issue series and highlights collections, with several
authors and tags each and bodies of about 600 words. The same arguments always give the same
files.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import shutil
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .model.frontmatter import CATEGORY_OF_KIND, YEAR
from .model.layout import POSTS_DIR, landing_docname, landing_path

WORDS = (
    "policy public value governance co-creation co-production network strategy state reform "
    "institution diffusion innovation platform digital citizen service accountability evidence "
    "implementation agenda coalition federal local regional agency bureaucracy legitimacy trust "
    "participation deliberation democracy welfare health education housing climate transition "
    "austerity budget regulation market partnership collaboration leadership management capacity "
    "outcome evaluation learning experiment design framework analysis comparative case study "
    "theory practice government parliament election party interest group lobbying media frame "
    "narrative discourse power resource inequality justice rights community voluntary sector"
).split()
FIRST_NAMES = (
    "Anna Ben Chiara Daniel Elena Farid Grace Hiroshi Ines Jakob Kalinda Lars Maria Nikos Olga "
    "Pablo Quentin Rosa Samir Tina Ulrike Victor Wen Ximena Yusuf Zofia"
).split()
SURNAMES = (
    "Andersen Baptiste Costa Dubois Eriksen Fischer Garcia Horvat Ivanova Jukić Kowalski Larsen "
    "Moreau Novak Okafor Petrov Quist Rossi Schmidt Tanaka Ueda Varga Weber Xu Yilmaz Zeller"
).split()
TAGS = [
    "co-creation", "public value", "policy diffusion", "governance", "digital platforms",
    "strategic management", "public services", "co-production", "policy innovation",
    "health policy", "climate policy", "local government", "welfare state", "evidence",
    "participation", "accountability", "networks", "public management", "austerity",
    "regulation", "federalism", "agenda setting", "policy learning", "implementation",
]


@dataclass
class Collection:
    slug: str
    kind: str
    title: str
    number: int
    posts: list[str]


def sentence(rng: random.Random, length: int) -> str:
    words = [rng.choice(WORDS) for _ in range(length)]
    return words[0].capitalize() + " " + " ".join(words[1:]) + "."


def paragraph(rng: random.Random, words: int) -> str:
    out, count = [], 0
    while count < words:
        length = rng.randint(12, 24)
        out.append(sentence(rng, length))
        count += length
    return " ".join(out)


def body(rng: random.Random, words: int = 600) -> str:
    paragraphs = []
    per = words // 5
    for _ in range(5):
        paragraphs.append(paragraph(rng, per))
    return "\n\n".join(paragraphs)


def person(rng: random.Random) -> str:
    return f"{rng.choice(FIRST_NAMES)} {rng.choice(SURNAMES)}"


def yaml_list(items: list[str]) -> str:
    return "[" + ", ".join(f'"{item}"' for item in items) + "]"


def landing_page(collection: Collection, rng: random.Random, year: int) -> str:
    if collection.kind == YEAR:
        declaration = f"""collection:
  kind: year
  slug: {collection.slug}
  year: {year}"""
    elif collection.kind == "special-issue":
        declaration = f"""collection:
  kind: special-issue
  slug: {collection.slug}
  short_title: Special issue {collection.number}
  series_name: Special issue blog series
  journal: Policy & Politics
  volume: {30 + collection.number}
  issue: {1 + collection.number % 4}
  month: {1 + collection.number % 12}
  year: {year}
  guest_editors: {yaml_list([person(rng) for _ in range(3)])}
  planned_posts: {len(collection.posts)}"""
    else:
        start = dt.date(year, 1 + 3 * (collection.number % 4), 1)
        end = start + dt.timedelta(days=90)
        declaration = f"""collection:
  kind: highlights
  slug: {collection.slug}
  short_title: Highlights {collection.number}
  journal: Policy & Politics
  period_start: {start.isoformat()}
  period_end: {end.isoformat()}
  theme: {rng.choice(TAGS)}
  featured_articles:
    - title: "{sentence(rng, 8)[:-1]}"
      authors: {yaml_list([person(rng), person(rng)])}"""
    return f"""---
title: "{collection.title}"
{declaration}
---

{paragraph(rng, 80)}

```{{collection-details}}
```

```{{collection-posts}}
```
"""


def post_page(rng: random.Random, *, title: str, date: dt.date, collection: Collection, position: int | None) -> str:
    authors = []
    while len(authors) < rng.randint(1, 4):
        name = person(rng)
        if name not in authors:
            authors.append(name)
    tags = rng.sample(TAGS, rng.randint(2, 4))
    category = CATEGORY_OF_KIND[collection.kind]
    lines = [
        "---",
        f'title: "{title}"',
        f"date: {date.isoformat()}",
        "authors:",
        *[f"  - {name}" for name in authors],
        f"tags: {yaml_list(tags)}",
        f"category: {category}",
        f"collection: {collection.slug}",
    ]
    if position is not None:
        lines.append(f"position: {position}")
    lines.append(f"original_url: https://policyandpoliticsblog.com/{date:%Y/%m/%d}/{collection.slug}-{position or 0}/")
    lines.append("---")
    return "\n".join(lines) + "\n\n" + body(rng) + "\n"


# The archive shapes the benchmarks compare: many small collections, a few large ones, and
# one collection of ordinary posts per year (as an import of a blog's yearly posts gives).
SHAPES = {"small": 25, "large": 500, "yearly": 150}
# Posts a year in the yearly shape; the others have one post a day.
POSTS_PER_YEAR = 150


def shape_arguments(shape: str) -> dict[str, Any]:
    """The arguments of :func:`generate` for one of :data:`SHAPES`."""
    if shape == "yearly":
        return {"shape": "yearly"}
    return {"per_collection": SHAPES[shape]}


def generate(out: Path, posts: int, *, template_root: Path, seed: int = 2021, per_collection: int = 25,
             shape: str = "series") -> list[str]:
    """Write the archive into ``out`` (which must not exist); return the post docnames.

    ``shape`` "series": special issue series and highlights collections of ``per_collection``
    posts each, in turn, one post a day (several a day past 4000 posts, so none is dated in the
    future). "yearly": one collection of ordinary posts per year, :data:`POSTS_PER_YEAR` a year.
    """
    rng = random.Random(seed)
    out.mkdir(parents=True)
    shutil.copy(template_root / "conf.py", out / "conf.py")
    shutil.copytree(template_root / "_static", out / "_static")
    collections: list[Collection] = []
    docnames: list[str] = []
    start = dt.date(2015, 1, 5)
    per_day = -(-posts // 4000)
    for index in range(posts):
        if shape == "yearly":
            year = start.year - posts // POSTS_PER_YEAR + index // POSTS_PER_YEAR
            date = dt.date(year, 1, 1) + dt.timedelta(days=(index % POSTS_PER_YEAR) * 365 // POSTS_PER_YEAR)
            if not collections or collections[-1].slug != f"blog-{year}":
                collections.append(Collection(f"blog-{year}", YEAR, f"Posts of {year}", year, []))
        else:
            date = start + dt.timedelta(days=index // per_day)
            if index % per_collection == 0:
                number = len(collections) + 1
                kind = "special-issue" if number % 2 else "highlights"
                slug = f"{'series' if kind == 'special-issue' else 'highlights'}-{number:03d}"
                title = f"{'Special issue' if kind == 'special-issue' else 'Highlights'} {number}: {sentence(rng, 5)[:-1]}"
                collections.append(Collection(slug, kind, title, number, []))
        collection = collections[-1]
        position = len(collection.posts) + 1 if collection.kind == "special-issue" else None
        name = f"post-{index + 1:05d}"
        title = f"{sentence(rng, rng.randint(5, 9))[:-1]} ({index + 1})"
        folder = out / POSTS_DIR / collection.slug
        folder.mkdir(parents=True, exist_ok=True)
        (folder / f"{name}.md").write_text(
            post_page(rng, title=title, date=date, collection=collection, position=position), encoding="utf-8"
        )
        collection.posts.append(name)
        docnames.append(f"{POSTS_DIR}/{collection.slug}/{name}")
    for collection in collections:
        year = collection.number if collection.kind == YEAR else 2015 + collection.number // 4
        landing_path(out, collection.slug).write_text(landing_page(collection, rng, year), encoding="utf-8")
    entries = "\n".join(landing_docname(c.slug) for c in collections)
    (out / "index.md").write_text(
        f"""# Synthetic archive

An archive of {posts} generated posts.

```{{postlist}} 5
```

```{{toctree}}
:caption: Collections
:maxdepth: 1

{entries}
```
""",
        encoding="utf-8",
    )
    return docnames


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m pp_blog.synthetic", description=__doc__.splitlines()[0])
    parser.add_argument("--posts", type=int, required=True)
    parser.add_argument("--out", type=Path, required=True, help="a folder that does not exist yet")
    parser.add_argument("--from", dest="template_root", type=Path, default=Path("."),
                        help="the project whose conf.py and _static/ to use (default: .)")
    parser.add_argument("--seed", type=int, default=2021)
    parser.add_argument("--shape", choices=sorted(SHAPES), default="small",
                        help="many small collections, a few large ones, or one per year (default: small)")
    args = parser.parse_args(argv)
    if args.out.exists():
        print(f"{args.out}: already exists; give a new folder", file=sys.stderr)
        return 2
    generate(args.out, args.posts, template_root=args.template_root, seed=args.seed, **shape_arguments(args.shape))
    print(f"{args.posts} posts written to {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
