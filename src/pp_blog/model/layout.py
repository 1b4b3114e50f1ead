"""Where things are in the project and in the published site.

A post is any Markdown file in a collection folder ``posts/<collection>/`` other than the
folder's ``index.md``, which is the collection's landing page.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path, PurePosixPath

POSTS_DIR = "posts"
LANDING = "index"
SOURCE_SUFFIX = ".md"
# The site's Atom feed (ours, in place of ABlog's: feeds carry every author).
SITE_FEED = "blog/atom.xml"


def page_kind(docname: str) -> str | None:
    """'post', 'collection' or None for a docname, from where the file lives."""
    parts = PurePosixPath(docname).parts
    if len(parts) != 3 or parts[0] != POSTS_DIR:
        return None
    return "collection" if parts[2] == LANDING else "post"


def is_contributed(docname: str) -> bool:
    """Posts and collection pages: text that comes from authors outside the team."""
    return PurePosixPath(docname).parts[0] == POSTS_DIR


def collection_folder(docname: str) -> str:
    """The collection folder's name of a post or landing page."""
    return PurePosixPath(docname).parts[1]


def landing_docname(slug: str) -> str:
    return f"{POSTS_DIR}/{slug}/{LANDING}"


def landing_path(root: Path, slug: str) -> Path:
    return root / POSTS_DIR / slug / f"{LANDING}{SOURCE_SUFFIX}"


def collection_feed_path(slug: str) -> str:
    return f"{POSTS_DIR}/{slug}/atom.xml"


def post_slug(docname: str) -> str:
    return PurePosixPath(docname).name


def is_hidden(path: Path) -> bool:
    """Hidden files (an editor's lock file ``.#post.md``, often a link to nowhere) are not pages;
    pathlib's glob lists them."""
    return path.name.startswith(".")


def post_paths(root: Path) -> list[Path]:
    """Every post file, in name order (landing pages left out)."""
    return [path for path in sorted(root.glob(f"{POSTS_DIR}/*/*{SOURCE_SUFFIX}"))
            if path.stem != LANDING and not is_hidden(path)]


def folder_post_paths(folder: Path) -> list[Path]:
    """The post files of one collection folder, in name order."""
    return [path for path in sorted(folder.glob(f"*{SOURCE_SUFFIX}")) if path.stem != LANDING and not is_hidden(path)]


def iter_sources(root: Path) -> Iterator[tuple[str, Path]]:
    """Every post and landing page under posts/, as (docname, path), in name order."""
    for path in sorted(root.glob(f"{POSTS_DIR}/*/*{SOURCE_SUFFIX}")):
        if is_hidden(path):
            continue
        docname = path.relative_to(root).with_suffix("").as_posix()
        if page_kind(docname):
            yield docname, path
