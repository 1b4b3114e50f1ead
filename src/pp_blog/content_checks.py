"""Checks of what a page contains, beyond its front matter.

The pure functions at the top take bytes, text or plain values and return
``frontmatter.Problem`` values, so ``ppblog check`` can share them; the Sphinx event
handlers below apply them during a build and report through Sphinx's warnings
(type ``ppblog``), which ``-W`` turns into a failed build.

Files that cannot be read safely (not UTF-8, or too large) are reported and then left
out of the build entirely: Sphinx would otherwise stop with a traceback on the first,
and put all of the second into one page, the feeds and the search index.
"""

from __future__ import annotations

import re
from pathlib import Path, PurePosixPath
from typing import Any

from docutils import nodes
from sphinx import addnodes
from sphinx.util import docname_join, logging

from . import frontmatter as fm
from .html_comments import strip_html_comments
from .source_files import MAX_PAGE_BYTES, UTF8_BOM, read_source, size_problem
from .transforms import page_kind

logger = logging.getLogger(__name__)

# C0 and C1 control characters but tab, line feed and carriage return; one pass, no backtracking.
CONTROL_CHARACTER = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


def source_problem(data: bytes) -> fm.Problem | None:
    """Why a page's file cannot be read at all, or None: too large, not UTF-8, control characters, a BOM."""
    if len(data) > MAX_PAGE_BYTES:
        return size_problem(len(data))
    try:
        data.removeprefix(UTF8_BOM).decode("utf-8")
    except UnicodeDecodeError as error:
        offset = error.start + (len(UTF8_BOM) if data.startswith(UTF8_BOM) else 0)
        line = data.count(b"\n", 0, offset) + 1
        column = offset - (data.rfind(b"\n", 0, offset) + 1) + 1
        return fm.Problem(
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
        return fm.Problem(
            f"the file contains a control character, U+{ord(control.group()):04X}, at column {column}: delete it "
            "(it is invisible in most editors: retype the text around it)",
            line,
            "encoding",
        )
    if data.startswith(UTF8_BOM):
        # Otherwise the front matter's first '---' is not at the start, and the file is told it has none.
        return fm.Problem(
            "the file starts with a byte-order mark (it was saved as 'UTF-8 with BOM'): save it as UTF-8 "
            "without BOM (in most editors: Save As, then choose UTF-8)",
            1,
            "encoding",
        )
    return None


# A MyST comment line; an HTML comment on its own.
COMMENT_LINE = re.compile(r"^\s*%")


def empty_body_problem(text: str) -> fm.Problem | None:
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
    return fm.Problem(
        "the post has no text: write the post (at least one paragraph) below the front matter's closing '---'",
        body_start + 1 if found is not None else 1,
        "body",
    )


def image_problem(uri: str, alt: str | None, exists: bool) -> fm.Problem | None:
    """A local image that is missing, or any image without alt text (line added by the caller)."""
    if not exists:
        return fm.Problem(
            f"image {uri!r} not found: put the image file next to the post and check the spelling "
            "of its name (names are case-sensitive)",
            None,
            "image",
        )
    if not (alt or "").strip():
        return fm.Problem(
            f"image {uri!r} has no alt text: describe it for readers who cannot see it, "
            f"e.g. ![Bar chart of trust in government, 2010-2020]({uri})",
            None,
            "alt",
        )
    return None


def missing_page_problem(target: str) -> fm.Problem:
    return fm.Problem(
        f"link to {target!r}: there is no such page in the book: check the file name; a link to "
        "another post is written [text](other-post.md), or [text](../<collection>/other-post.md) "
        "for a post in another collection",
        None,
        "link",
    )


def no_toctree_problem(docname: str) -> fm.Problem:
    landing = f"{PurePosixPath(docname).parent}/index.md"
    return fm.Problem(
        f"this post is in no toctree, so readers cannot reach it: put a {{collection-posts}} block in {landing}",
        None,
        "toctree",
    )


# --- Sphinx event handlers ----------------------------------------------------------------


def node_location(docname: str, node: nodes.Node) -> tuple[str, int | None]:
    """The page and line of a node, from its nearest ancestor with a line (MyST images have none)."""
    while node is not None and not node.line:
        node = node.parent
    return docname, node.line if node is not None else None


def warn(location: Any, problem: fm.Problem) -> None:
    logger.warning(problem.message, location=location, type="ppblog", subtype=problem.field or "content")


def skip_unreadable_sources(app, env, docnames: list[str]) -> None:
    """``env-before-read-docs``: report files outside the project (through a link), not regular
    files, too large or not UTF-8, and do not read them (source_files.py)."""
    unreadable = []
    for docname in docnames:
        data, problem = read_source(Path(env.doc2path(docname)), Path(env.srcdir))
        if problem is None:
            problem = source_problem(data)
        if problem is not None:
            warn((docname, problem.line), problem)
            unreadable.append(docname)
    for docname in unreadable:
        docnames.remove(docname)
        # Not found means not read, not written and not linked: the build goes on to
        # report every other problem, and fails because of the warning above.
        env.found_docs.discard(docname)


def drop_unread_from_toctrees(app, doctree: nodes.document) -> None:
    """``doctree-read``, before Sphinx records toctrees: leave out the pages left unread.

    Sphinx's toctree directive drops a missing page itself; toctrees that our directives
    build from the files in a folder would otherwise name a page that is not in the book,
    and every page's navigation would warn about it.
    """
    found = app.env.found_docs
    for toctree in doctree.findall(addnodes.toctree):
        toctree["entries"] = [(title, ref) for title, ref in toctree["entries"] if ref in found or "://" in ref or ref == "self"]
        toctree["includefiles"] = [ref for ref in toctree["includefiles"] if ref in found]


def check_body(app, docname: str, source: list[str]) -> None:
    """``source-read``: a post must have some text."""
    if page_kind(docname) != "post":
        return
    problem = empty_body_problem(source[0])
    if problem is not None:
        warn((docname, problem.line), problem)


def check_images(app, doctree: nodes.document) -> None:
    """``doctree-read``, before Sphinx collects images: every image exists and has alt text.

    A missing image is removed after the warning, so Sphinx does not report it again
    in its own words.
    """
    env = app.env
    for image in list(doctree.findall(nodes.image)):
        uri = image["uri"]
        if "://" in uri or uri.startswith("data:") or uri.endswith(".*"):
            exists = True  # remote, inline or chosen by Sphinx among candidates
        else:
            exists = Path(env.relfn2path(uri, env.docname)[1]).is_file()
        problem = image_problem(uri, image.get("alt"), exists)
        if problem is None:
            continue
        warn(node_location(env.docname, image), problem)
        if not exists:
            image.parent.remove(image)


def linked_page(env, xref: addnodes.pending_xref) -> tuple[str, str | None] | None:
    """For a link to another page of the book: (what the author wrote, the page's docname or None).

    Links to labels and headings are left to Sphinx and MyST, which know them only once
    every page has been read.
    """
    target = xref["reftarget"]
    if xref.get("reftype") == "myst" and xref.get("refdomain") == "doc":
        return target, target
    if xref.get("reftype") == "myst" and not xref.get("refdomain"):
        path = target.split("#", 1)[0]
        if PurePosixPath(path).suffix not in env.config.source_suffix:
            return None
        return target, env.path2doc(env.relfn2path(path, env.docname)[1])
    if xref.get("refdomain") == "std" and xref.get("reftype") == "doc":
        return target, docname_join(env.docname, target)
    return None


def check_links(app, doctree: nodes.document) -> None:
    """``doctree-read``: every link to another page names a page of the book.

    Reported while reading, once; the link is then left as plain text, so Sphinx and
    MyST (which resolve each post again for the feeds) do not report it twice more.
    """
    env = app.env
    for xref in list(doctree.findall(addnodes.pending_xref)):
        link = linked_page(env, xref)
        if link is None or link[1] in env.found_docs:
            continue
        warn(node_location(env.docname, xref), missing_page_problem(link[0]))
        xref.replace_self(nodes.inline("", "", *xref.children))


def check_toctrees(app, env) -> None:
    """``env-check-consistency``: every post is reachable from a toctree.

    ABlog marks every post an orphan, which silences Sphinx's own check for posts only.
    """
    for docname in sorted(env.all_docs):
        if page_kind(docname) != "post" or "orphan" not in env.metadata[docname]:
            continue
        if not env.files_to_rebuild.get(docname):
            warn(docname, no_toctree_problem(docname))
