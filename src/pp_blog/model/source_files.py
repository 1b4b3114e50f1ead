"""Reading a page's file safely: only from inside the project, only a regular file, and never
more than the size limit. Pure (no Sphinx import): the build and ``ppblog check`` share it.

A post, or a collection folder, may be a symbolic link. One that leads out of the project
would publish whatever it points to (page, feeds, archives); one to ``/dev/zero`` or a named
pipe would hang the build or exhaust memory. So the file's real path is checked against the
project, its type and size are taken from ``stat`` before it is opened, and at most one
byte more than the limit is ever read.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from .problems import Problem

# The posts here are excerpts of 1.5 to 2.5 kB; a whole 10,000-word article in Markdown is
# about 70 kB. 500 kB leaves room for any real post and stops a pasted book or data dump.
MAX_PAGE_BYTES = 500_000

UTF8_BOM = b"\xef\xbb\xbf"


def human_size(size: int) -> str:
    if size >= 1_000_000:
        return f"{size / 1_000_000:.1f} MB"
    return f"{size / 1_000:.0f} kB"


def size_problem(size: int, limit: int = MAX_PAGE_BYTES) -> Problem:
    return Problem(
        f"the file is {human_size(size)}, more than the {human_size(limit)} a page may have: "
        "publish an excerpt and link to the full text with original_url, or split it into several posts",
        None,
        "size",
    )


def plain_file_info(path: Path, root: Path) -> os.stat_result | None:
    """The ``lstat`` of ``path`` when it is written as ``root`` and names below it, none of
    them a link or ``..``: then it is inside the project wherever ``root`` really is. None
    otherwise (the caller resolves the path). A post is checked at every build: three
    ``lstat`` calls instead of resolving every folder of its path from ``/``."""
    base, full = os.fspath(root).rstrip(os.sep), os.fspath(path)
    if not full.startswith(base + os.sep):
        return None
    info = None
    current = base
    for part in full[len(base) + 1:].split(os.sep):
        if part in ("", ".", ".."):
            return None
        current = f"{current}{os.sep}{part}"
        try:
            info = os.lstat(current)
        except OSError:
            return None
        if stat.S_ISLNK(info.st_mode):
            return None
    return info


def file_problem(path: Path, root: Path, limit: int = MAX_PAGE_BYTES) -> Problem | None:
    """Why the page at ``path`` may not be read at all, or None: outside, not a file, too large."""
    info = plain_file_info(path, root)
    if info is not None:
        return type_and_size_problem(info, limit)
    try:
        target = path.resolve(strict=True)
    except FileNotFoundError:
        return Problem(
            f"the file is a link to {os.readlink(path) if path.is_symlink() else str(path)!r}, which does not exist: "
            "remove the link, or put the post itself in its place",
            None,
            "link",
        )
    except (OSError, RuntimeError) as error:  # a loop of links, or no permission
        return Problem(f"the file cannot be opened ({error.strerror or error}): check the file", None, "link")
    if not target.is_relative_to(root.resolve()):
        return Problem(
            "the file is a link to a file outside the project: posts are read only from inside it; "
            "copy the file into its collection's folder instead of linking to it",
            None,
            "outside",
        )
    try:
        info = os.stat(target)
    except OSError as error:
        return Problem(f"the file cannot be opened ({error.strerror}): check the file", None, "link")
    return type_and_size_problem(info, limit)


def type_and_size_problem(info: os.stat_result, limit: int) -> Problem | None:
    if not stat.S_ISREG(info.st_mode):
        what = "a folder" if stat.S_ISDIR(info.st_mode) else "not a regular file"
        return Problem(
            f"the file is {what}: a page must be a Markdown file; rename or remove it", None, "link"
        )
    if info.st_size > limit:
        return size_problem(info.st_size, limit)
    return None


def read_source(path: Path, root: Path, limit: int = MAX_PAGE_BYTES) -> tuple[bytes | None, Problem | None]:
    """The bytes of a page's file, or None and why it may not be read."""
    problem = file_problem(path, root, limit)
    if problem is not None:
        return None, problem
    try:
        with open(path.resolve(), "rb") as handle:
            data = handle.read(limit + 1)  # grown since stat: still never more than this
    except OSError as error:
        return None, Problem(f"the file cannot be opened ({error.strerror}): check the file", None, "link")
    if len(data) > limit:
        return None, size_problem(len(data), limit)
    return data, None
