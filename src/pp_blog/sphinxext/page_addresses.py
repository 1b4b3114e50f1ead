"""Redirects from the tag and author pages ABlog named to those of ``model.names.page_address``.

ABlog named a tag's or author's page by its own slug (which made one page of names that differ
only in punctuation, and kept letters outside ASCII); ``compat.ablog`` now gives it ours. A
page already published at ABlog's address gets a redirect to the new one, so no link breaks.
"""

from __future__ import annotations

import html
import posixpath
from pathlib import Path

from ..compat.ablog import ablog_page_name
from ..model.names import page_address
from .rebuild import build_of



def redirect_page(target: str) -> str:
    target = html.escape(target, quote=True)
    return (
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
        f"<meta http-equiv=\"refresh\" content=\"0; url={target}\"><link rel=\"canonical\" href=\"{target}\">"
        f"<title>Moved</title></head><body><p>This page has moved to <a href=\"{target}\">{target}</a>.</p>"
        "</body></html>\n"
    )


def old_addresses(posts: dict) -> dict[str, str]:
    """ABlog's page of every tag and author whose address changed -> the new page (from ``blog/``)."""
    named = {(folder, name) for post in posts.values()
             for folder, names in (("tag", post["tags"]), ("author", [a["name"] for a in post["authors"]]))
             for name in names}
    moved = {}
    for folder, name in sorted(named, key=repr):
        old, new = ablog_page_name(name), page_address(name)
        if old and new and old != new:
            moved[f"blog/{folder}/{old}"] = f"blog/{folder}/{new}"
    return moved


def write_redirects(app, exception) -> None:
    """``build-finished``: a redirect at each old address, none where a page now is; old ones removed."""
    builder = app.builder
    if exception is not None or builder.format != "html":
        return
    outdir = Path(builder.outdir)
    build = build_of(app.config)
    previous = set(build.kept.redirects)
    moved = old_addresses(app.env.domains["ppblog"].posts)
    live = set(moved.values())
    moved = {old: new for old, new in moved.items() if old not in live}  # never over a page of the book
    for old in previous - moved.keys():
        (outdir / f"{old}.html").unlink(missing_ok=True)
    for old, new in sorted(moved.items()):
        target = posixpath.relpath(f"{new}.html", posixpath.dirname(old))
        page, text = outdir / f"{old}.html", redirect_page(target)
        # Written when new or changed: a rebuild writes no page it need not.
        if old not in previous or not page.is_file() or page.read_text(encoding="utf-8") != text:
            page.write_text(text, encoding="utf-8")
    build.redirects = sorted(moved)  # kept by rebuild.save_state, which runs after this
