"""Checks of what a page contains, beyond its front matter.

The checks themselves are pure (:mod:`pp_blog.model.content`), so ``ppblog check`` shares
them; the Sphinx event handlers here apply them during a build and report through Sphinx's
warnings (type ``ppblog``), which ``-W`` turns into a failed build.

Files that cannot be read safely (not UTF-8, or too large) are reported and then left
out of the build entirely: Sphinx would otherwise stop with a traceback on the first,
and put all of the second into one page, the feeds and the search index.
"""

from __future__ import annotations

from pathlib import Path, PurePosixPath

from docutils import nodes
from sphinx import addnodes
from sphinx.util import docname_join

from ..model.content import empty_body_problem, image_problem, missing_page_problem, no_toctree_problem, source_problem
from ..model.layout import page_kind
from ..model.source_files import read_source
from .messages import node_location, warn


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
