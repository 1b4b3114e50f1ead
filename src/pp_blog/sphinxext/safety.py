"""What a page may not do: run script in a reader's browser, or read the build machine.

Posts are contributed text, so every page is checked the same way whatever the route
its markup took (Markdown, a MyST directive, or reStructuredText inside ``{eval-rst}``):
the rules act on the registered directives and on the parsed document, never on the
raw text. The policy, for authors, is in docs/bad-input.md.

- Directives that insert another file (``include``, ``literalinclude``, ``csv-table``
  or ``raw`` with ``:file:`` or ``:url:``) are refused in every page, before any file
  is read.
  Nothing in the book needs them, and a ``../`` path reaches any file on the machine.
- Raw output is refused in posts and collection pages whatever its format (HTML would
  run script, LaTeX can read files into the PDF); elsewhere (the front page and docs/,
  written by the maintainers) raw HTML is refused and other formats are allowed for
  print layout. The ``raw`` directive, HTML written in Markdown, and raw roles all end
  up as the same node, which is removed after the warning. HTML comments alone are
  dropped silently: they are notes to editors.
- Links and images with a ``javascript:``, ``vbscript:`` or ``data:`` address are refused.
- Images and downloadable files must be inside the book: for posts and collection
  pages inside ``posts/``, for other pages inside the project folder; never in a
  hidden folder (``.git``, ``.venv``). Sphinx would otherwise copy any readable file into
  the published site. Posts may not publish files a browser runs script in (HTML, SVG,
  XML, JavaScript): opened from the site, they would run with the site's rights.
"""

from __future__ import annotations

import re
from pathlib import Path

from docutils import nodes
from docutils.parsers.rst import Directive
from docutils.parsers.rst.directives.misc import Raw
from sphinx import addnodes
from sphinx.directives.patches import CSVTable

from ..model.layout import POSTS_DIR, is_contributed
from ..model.problems import Problem
from ..model.html_comments import only_html_comments
from ..model.link_policy import file_type_problem, unsafe_scheme
from .messages import node_location, warn

FILE_DIRECTIVES = ("include", "literalinclude")


def allowed_root(srcdir: Path, docname: str) -> Path:
    return srcdir / POSTS_DIR if is_contributed(docname) else srcdir


def file_outside(path: Path, root: Path) -> bool:
    """Whether a file (symbolic links followed) is outside ``root`` or in a hidden folder."""
    resolved = path.resolve()
    root = root.resolve()
    if not resolved.is_relative_to(root):
        return True
    return any(part.startswith(".") for part in resolved.relative_to(root).parts)


def raw_refused(docname: str, formats: list[str], text: str) -> bool:
    if only_html_comments(text):
        return False
    return is_contributed(docname) or "html" in formats


def raw_problem(docname: str) -> Problem:
    if is_contributed(docname):
        what = "raw HTML and raw output are not allowed in posts"
    else:
        what = "raw HTML is not allowed in the book"
    return Problem(
        f"{what}: write it in Markdown instead (e.g. *emphasis*, **bold**, [link text](https://...), "
        "![alt text](image.png))",
        None,
        "raw",
    )


def scheme_problem(uri: str, scheme: str, what: str) -> Problem:
    shown = uri if len(uri) <= 40 else uri[:37] + "..."
    fix = "put the image in a file next to the post" if what == "image" else "link to an https:// address"
    return Problem(f"{what} address {shown!r} uses {scheme}, which is not allowed: {fix}", None, "scheme")


def outside_problem(target: str, docname: str, what: str) -> Problem:
    where = "posts/ folder" if is_contributed(docname) else "book's folder"
    return Problem(
        f"{what} {target!r} is outside the {where} (or in a hidden folder): "
        "put the file next to the page and refer to it by its name",
        None,
        "outside",
    )


def file_problem(docname: str, target: str, path: Path, root: Path, what: str) -> Problem | None:
    """Why an image or download may not be published, or None."""
    if file_outside(path, root):
        return outside_problem(target, docname, what)
    if is_contributed(docname):
        # An allow-list (link_policy.py): a deny-list let .xsd and .rng through, which run script as XML.
        return file_type_problem(target, what)
    return None


def file_directive_problem(name: str, option: str | None = None) -> Problem:
    what = f"the ':{option}:' option of '{name}'" if option else f"the '{name}' directive"
    return Problem(
        f"{what} is not allowed: it inserts another file into the page; "
        "paste the text into the page itself (as a ``` code block if it is code or data)",
        None,
        "file",
    )


# --- directives ---------------------------------------------------------------------------


class AnyOption(dict):
    """An option_spec that accepts every option name, keeping its value as written."""

    def __missing__(self, key: str):
        return lambda value: value


class RefusedFileDirective(Directive):
    """Stands in for include and literalinclude: reports, reads nothing, outputs nothing.

    It is deliberately not a subclass of docutils' Include, so MyST runs it like any
    directive instead of reading the file itself.
    """

    required_arguments = 0
    optional_arguments = 1
    final_argument_whitespace = True
    option_spec = AnyOption()  # the directive is refused whatever its options
    has_content = True

    def run(self) -> list[nodes.Node]:
        env = self.state.document.settings.env
        warn((env.docname, self.lineno), file_directive_problem(self.name))
        return []


class RefuseFileOptions:
    """Mixin for directives whose ``:file:`` and ``:url:`` options read another file."""

    def run(self) -> list[nodes.Node]:
        for option in ("file", "url"):
            if option in self.options:
                env = self.state.document.settings.env
                warn((env.docname, self.lineno), file_directive_problem(self.name, option))
                return []
        return super().run()


class InlineCSVTable(RefuseFileOptions, CSVTable):
    """csv-table with its data in the page only."""


class InlineRaw(RefuseFileOptions, Raw):
    """raw with its content in the page only (whether raw is allowed at all is checked later)."""


# --- the parsed document ------------------------------------------------------------------


def unlink(node: nodes.Element) -> None:
    """Keep a link's text (and its anchors) without its address."""
    if isinstance(node, nodes.target):
        del node["refuri"]
    else:
        node.replace_self(nodes.inline("", "", *node.children))


def check_document(app, doctree: nodes.document) -> None:
    """``doctree-read``, before Sphinx collects images and downloads: apply the policy."""
    env = app.env
    docname = env.docname
    srcdir = Path(env.srcdir)
    root = allowed_root(srcdir, docname)

    reported_lines = set()  # an HTML element is often two raw nodes: report it once
    for raw in list(doctree.findall(nodes.raw)):
        if raw_refused(docname, raw.get("format", "").split(), raw.astext()):
            location = node_location(docname, raw)
            if location not in reported_lines:
                warn(location, raw_problem(docname))
                reported_lines.add(location)
            raw.parent.remove(raw)
        elif only_html_comments(raw.astext()):
            raw.parent.remove(raw)

    for download in list(doctree.findall(addnodes.download_reference)):
        target = download["reftarget"]
        if "://" in target:
            continue
        problem = file_problem(docname, target, Path(env.relfn2path(target, docname)[1]), root, "download")
        if problem:
            warn(node_location(docname, download), problem)
            unlink(download)

    reported_links = set()
    for ref in list(doctree.findall(nodes.Element)):
        uri = ref.get("refuri")
        scheme = unsafe_scheme(uri) if isinstance(uri, str) else None
        if scheme:
            # A named link is a reference and a target with the same address: report it once.
            location = node_location(docname, ref)
            if (location, uri) not in reported_links:
                warn(location, scheme_problem(uri, scheme, "link"))
                reported_links.add((location, uri))
            unlink(ref)

    for image in list(doctree.findall(nodes.image)):
        uri = image["uri"]
        scheme = unsafe_scheme(uri)
        if scheme:
            problem = scheme_problem(uri, scheme, "image")
        elif "://" in uri:
            continue
        else:
            problem = file_problem(docname, uri, Path(env.relfn2path(uri, docname)[1]), root, "image")
        if problem:
            warn(node_location(docname, image), problem)
            image.parent.remove(image)
