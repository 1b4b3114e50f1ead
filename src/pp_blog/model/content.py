"""Checks of what a page contains beyond its front matter, as pure functions of bytes, text and
plain values: the build (:mod:`pp_blog.sphinxext.content_checks`) and ``ppblog check`` share them.
"""

from __future__ import annotations

import re
from pathlib import PurePosixPath

from . import frontmatter as fm
from .layout import LANDING, SOURCE_SUFFIX
from .html_comments import strip_html_comments
from .problems import Problem
from .source_files import MAX_PAGE_BYTES, UTF8_BOM, size_problem  # noqa: F401 (re-exported)

# C0 and C1 control characters but tab, line feed and carriage return; one pass, no backtracking.
CONTROL_CHARACTER = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


def source_problem(data: bytes) -> Problem | None:
    """Why a page's file cannot be read at all, or None: too large, not UTF-8, control characters, a BOM."""
    if len(data) > MAX_PAGE_BYTES:
        return size_problem(len(data))
    try:
        data.removeprefix(UTF8_BOM).decode("utf-8")
    except UnicodeDecodeError as error:
        offset = error.start + (len(UTF8_BOM) if data.startswith(UTF8_BOM) else 0)
        line = data.count(b"\n", 0, offset) + 1
        column = offset - (data.rfind(b"\n", 0, offset) + 1) + 1
        return Problem(
            f"the file is not UTF-8 text (byte 0x{data[offset]:02X} at column {column} cannot be read): "
            "save it with the encoding UTF-8 (in most editors: Save As, then choose UTF-8)",
            line,
            "encoding",
        )
    text = data.decode("utf-8")
    control = CONTROL_CHARACTER.search(text)
    if control:
        # They stop the feeds' XML writer, and show as nothing or as boxes on the page.
        offset = control.start()
        line = text.count("\n", 0, offset) + 1
        column = offset - (text.rfind("\n", 0, offset) + 1) + 1
        return Problem(
            f"the file contains a control character, U+{ord(control.group()):04X}, at column {column}: delete it "
            "(it is invisible in most editors: retype the text around it)",
            line,
            "encoding",
        )
    if data.startswith(UTF8_BOM):
        # Otherwise the front matter's first '---' is not at the start, and the file is told it has none.
        return Problem(
            "the file starts with a byte-order mark (it was saved as 'UTF-8 with BOM'): save it as UTF-8 "
            "without BOM (in most editors: Save As, then choose UTF-8)",
            1,
            "encoding",
        )
    return None


# A MyST comment line; an HTML comment on its own.
COMMENT_LINE = re.compile(r"^\s*%")


def empty_body_problem(text: str) -> Problem | None:
    """A post whose text after the front matter is empty (or only comments)."""
    try:
        found = fm.split_front_matter(text)
    except fm.FrontMatterError:
        return None  # reported by the front matter checks
    lines = text.splitlines()
    if found is None:
        body_start = 0
    else:
        closing = next(i for i, line in enumerate(lines[1:], start=1) if line.strip() == fm.FENCE)
        body_start = closing + 1
    body = "\n".join(line for line in lines[body_start:] if not COMMENT_LINE.match(line))
    if strip_html_comments(body).strip():
        return None
    return Problem(
        "the post has no text: write the post (at least one paragraph) below the front matter's closing '---'",
        body_start + 1 if found is not None else 1,
        "body",
    )


def image_problem(uri: str, alt: str | None, exists: bool) -> Problem | None:
    """A local image that is missing, or any image without alt text (line added by the caller)."""
    if not exists:
        return Problem(
            f"image {uri!r} not found: put the image file next to the post and check the spelling "
            "of its name (names are case-sensitive)",
            None,
            "image",
        )
    if not (alt or "").strip():
        return Problem(
            f"image {uri!r} has no alt text: describe it for readers who cannot see it, "
            f"e.g. ![Bar chart of trust in government, 2010-2020]({uri})",
            None,
            "alt",
        )
    return None


def missing_page_problem(target: str) -> Problem:
    return Problem(
        f"link to {target!r}: there is no such page in the book: check the file name; a link to "
        "another post is written [text](other-post.md), or [text](../<collection>/other-post.md) "
        "for a post in another collection",
        None,
        "link",
    )


def no_toctree_problem(docname: str) -> Problem:
    landing = f"{PurePosixPath(docname).parent}/{LANDING}{SOURCE_SUFFIX}"
    return Problem(
        f"this post is in no toctree, so readers cannot reach it: put a {{collection-posts}} block in {landing}",
        None,
        "toctree",
    )
