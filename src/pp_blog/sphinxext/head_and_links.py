"""Links and head tags a page may not publish (the policy is in link_policy.py, docs/security.md).

Applied where the page is parsed (the ``meta`` directive) or at ``doctree-read``, before
toctrees are recorded, so a refused entry or tag is reported once and never published:

- a toctree entry with a ``javascript:``, ``vbscript:`` or ``data:`` address (Sphinx links
  any external toctree entry as it is written);
- a ``<meta>`` tag other than a description (``.. meta::`` in ``{eval-rst}`` could add
  ``http-equiv=refresh`` and send readers elsewhere);
- a Markdown link that markdown-it refused for its scheme and left as literal text, which
  would otherwise be published without a word to the editor.
"""

from __future__ import annotations

from docutils import nodes
from docutils.parsers.rst.directives.misc import Meta
from sphinx import addnodes

from ..model import link_policy
from ..model.layout import page_kind
from ..model.link_policy import unsafe_scheme
from .messages import node_location, warn

# Text inside these is code or markup, not prose that markdown-it gave up on.
NOT_PROSE = (nodes.FixedTextElement, nodes.literal, nodes.raw, nodes.comment, nodes.math)


def check_toctree_entries(docname: str, doctree: nodes.document) -> None:
    for toctree in doctree.findall(addnodes.toctree):
        kept = []
        for title, ref in toctree["entries"]:
            scheme = unsafe_scheme(ref) if isinstance(ref, str) else None
            if scheme:
                warn(node_location(docname, toctree), link_policy.toctree_problem(ref, scheme))
            else:
                kept.append((title, ref))
        toctree["entries"] = kept


class CheckedMeta(Meta):
    """docutils' ``meta`` directive (in ``{eval-rst}`` or as MyST's ``{meta}``), keeping only
    descriptions. It puts its tags at the top of the document, where they have no line: they
    are checked here, where the directive's line is known."""

    def run(self) -> list[nodes.Node]:
        document = self.state.document
        earlier = {id(child) for child in document.children if isinstance(child, nodes.meta)}
        result = super().run()
        docname = document.settings.env.docname
        for meta in [c for c in document.children if isinstance(c, nodes.meta) and id(c) not in earlier]:
            attributes = {key: value for key, value in meta.attributes.items()
                          if key not in ("ids", "classes", "names", "dupnames", "backrefs") and value}
            problem = link_policy.meta_problem(attributes)
            if problem:
                warn((docname, self.lineno), problem)
                document.remove(meta)
        return result


def front_matter_title(docname: str, doctree: nodes.document) -> nodes.title | None:
    """The heading a post or landing page gets from its front matter's title (reading.py): its
    text was escaped as a string, never Markdown, and the front matter checks report it."""
    if page_kind(docname) is None:
        return None
    return next(iter(doctree.findall(nodes.title)), None)


def check_refused_markdown_links(docname: str, doctree: nodes.document) -> None:
    from_front_matter = front_matter_title(docname, doctree)
    for element in doctree.findall(nodes.TextElement):
        if element is from_front_matter:
            continue
        if isinstance(element, NOT_PROSE) or any(isinstance(a, NOT_PROSE) for a in _ancestors(element)):
            continue
        text = "".join(child.astext() for child in element.children if isinstance(child, nodes.Text))
        for address in link_policy.refused_markdown_links(text):
            warn(node_location(docname, element), link_policy.markdown_link_problem(address))


def _ancestors(node: nodes.Node):
    node = node.parent
    while node is not None:
        yield node
        node = node.parent


def check_links_and_head(app, doctree: nodes.document) -> None:
    """``doctree-read``, before toctrees are recorded (500)."""
    docname = app.env.docname
    check_toctree_entries(docname, doctree)
    check_refused_markdown_links(docname, doctree)
