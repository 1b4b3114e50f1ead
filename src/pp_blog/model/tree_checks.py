"""Files under ``posts/`` that would otherwise be dropped or misread without a word. Pure.

Sphinx reads ``posts/<collection>/*.md`` and nothing else: a post saved as ``.MD`` or
``.markdown``, put in a folder inside a collection or in a folder with no landing page, or
named like another but for case, would vanish or collide silently; a link that leaves the
project, leads nowhere or to a device would publish another file, be skipped with Sphinx's
vague "unreadable document", or hang the build. Each is one problem naming the file, and
the files the build must not read are listed so that Sphinx never sees them.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from .problems import Problem
from .source_files import file_problem

POSTS_DIR = "posts"
PAGE_SUFFIX = ".md"
# Markdown's other names, in any case: files the author meant as posts.
MARKDOWN_SUFFIXES = {".md", ".markdown", ".mdown", ".mkd", ".mkdn"}


@dataclass
class TreeReport:
    problems: list[tuple[str, Problem]] = field(default_factory=list)  # (path from the root, problem)
    excluded: list[str] = field(default_factory=list)  # Sphinx exclude patterns: never read these

    def skips(self, shown: str) -> bool:
        """Whether the build leaves this file (path from the root) unread."""
        return any(shown == pattern or (pattern.endswith("*") and shown.startswith(pattern.rstrip("*")))
                   for pattern in self.excluded)


def _moved(where: str) -> Problem:
    return Problem(
        f"posts are read only from a collection's folder (posts/<collection>/<post>.md): move the file to {where}",
        None,
        "place",
    )


def check_posts_tree(root: Path) -> TreeReport:
    report = TreeReport()
    posts = root / POSTS_DIR
    if not posts.is_dir():
        return report
    stems: dict[str, str] = {}
    for folder, dirnames, filenames in os.walk(posts):  # links to folders are not followed here
        folder_path = Path(folder)
        relative = folder_path.relative_to(root)
        depth = len(relative.parts)  # 1 for posts/, 2 for a collection's folder
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        for name in list(dirnames):
            sub = folder_path / name
            if sub.is_symlink() and not sub.resolve().is_relative_to(root.resolve()):
                shown = (relative / name).as_posix()
                report.problems.append((shown, Problem(
                    "the folder is a link to a folder outside the project: posts are read only from inside it; "
                    "copy the folder instead of linking to it", None, "outside")))
                report.excluded.append(f"{shown}/**")
                dirnames.remove(name)
        for name in dirnames:
            if depth == 2 and PurePosixPath(name).suffix.lower() in MARKDOWN_SUFFIXES:
                report.problems.append(((relative / name).as_posix(), Problem(
                    "the file is a folder: a page must be a Markdown file; rename or remove it", None, "link")))
        pages = sorted(name for name in filenames if not name.startswith("."))
        if depth == 2 and any(PurePosixPath(n).suffix == PAGE_SUFFIX for n in pages) and "index.md" not in pages:
            shown = relative.as_posix()
            report.problems.append((f"{shown}/", Problem(
                f"the folder has no index.md, so it is not a collection and its posts are not published: "
                f"declare the collection in {shown}/index.md (see docs/editors-guide.md), or move the posts "
                "into an existing collection's folder", None, "place")))
            report.excluded.append(f"{shown}/*")
            continue
        for name in pages:
            path = folder_path / name
            shown = (relative / name).as_posix()
            suffix = PurePosixPath(name).suffix
            if suffix.lower() in MARKDOWN_SUFFIXES and suffix != PAGE_SUFFIX:
                report.problems.append((shown, Problem(
                    f"the file ends in {suffix!r}, so it is not read: rename it to "
                    f"{PurePosixPath(name).stem + PAGE_SUFFIX!r}", None, "place")))
                continue
            if suffix != PAGE_SUFFIX:
                continue  # images and downloads
            if depth != 2:
                where = f"{relative.parts[0]}/{relative.parts[1]}/" if depth > 2 else "posts/<collection>/"
                report.problems.append((shown, _moved(where)))
                report.excluded.append(shown)
                continue
            problem = file_problem(path, root)
            if problem is not None:
                report.problems.append((shown, problem))
                report.excluded.append(shown)
                continue
            stem = PurePosixPath(name).stem
            if stem == "index":
                continue
            key = stem.casefold()
            if key in stems and PurePosixPath(stems[key]).stem != stem:
                report.problems.append((shown, Problem(
                    f"file name {name!r} differs only in case from {stems[key]}: on Windows and macOS they are "
                    "one file, and their addresses differ only in case: rename one", None, "slug")))
            stems.setdefault(key, shown)
    return report
