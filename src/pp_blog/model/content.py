"""Checks of what a page contains beyond its front matter, as pure functions of bytes, text and
plain values: the build (:mod:`pp_blog.sphinxext.content_checks`) and ``ppblog check`` share them.
"""

from __future__ import annotations

import re
from pathlib import PurePosixPath

from . import frontmatter as fm
from .layout import LANDING, SOURCE_SUFFIX
from .problems import Problem

# The posts here are excerpts of 1.5 to 2.5 kB; a whole 10,000-word article in Markdown is
# about 70 kB. 500 kB leaves room for any real post and stops a pasted book or data dump.
MAX_PAGE_BYTES = 500_000

UTF8_BOM = b"\xef\xbb\xbf"


def human_size(size: int) -> str:
    if size >= 1_000_000:
        return f"{size / 1_000_000:.1f} MB"
    return f"{size / 1_000:.0f} kB"


def source_problem(data: bytes) -> Problem | None:
    """Why a page's file cannot be read at all, or None: too large, or not UTF-8."""
    if len(data) > MAX_PAGE_BYTES:
        return Problem(
            f"the file is {human_size(len(data))}, more than the {human_size(MAX_PAGE_BYTES)} a page may have: "
            "publish an excerpt and link to the full text with original_url, or split it into several posts",
            None,
            "size",
        )
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
    return None


# A MyST comment line; an HTML comment on its own.
COMMENT_LINE = re.compile(r"^\s*%")
HTML_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)


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
    if HTML_COMMENT.sub("", body).strip():
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
