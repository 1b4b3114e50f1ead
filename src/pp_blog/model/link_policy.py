"""What links, head tags and published files a page may have: pure checks, no Sphinx import.

The Sphinx side (``safety.py``, ``safety_links.py``) applies them to the parsed page, and the
WordPress importer (``wordpress/convert.py``) before a post is written. Every
function here runs in time linear in its input.
"""

from __future__ import annotations

import re
from pathlib import PurePosixPath

from .problems import Problem

# Addresses no link or image may have, whatever route its markup took.
UNSAFE_SCHEMES = ("javascript:", "vbscript:", "data:")
# Browsers ignore ASCII whitespace and control characters inside a scheme ("java\tscript:").
IGNORED_IN_SCHEME = re.compile(r"[\x00-\x20\x7f]+")

# Schemes markdown-it refuses in a link (its validateLink): it then publishes the Markdown as
# literal text and says nothing.
MARKDOWN_REFUSED_SCHEMES = ("javascript:", "vbscript:", "file:", "data:")

# File types a post may publish for download: documents and data that browsers show or save
# but never run script in (served with their own MIME type; see docs/security.md).
DOWNLOAD_SUFFIXES = frozenset({
    ".pdf", ".csv", ".txt", ".zip", ".epub",
    ".docx", ".xlsx", ".pptx", ".odt", ".ods", ".odp",
    ".png", ".jpg", ".jpeg", ".gif", ".webp",
})
# Image types a post may show. SVG is left out: opened on its own it runs script.
IMAGE_SUFFIXES = frozenset({".png", ".jpg", ".jpeg", ".gif", ".webp"})

# The only <meta> names a page may set: descriptions for search engines. http-equiv
# (refresh, set-cookie, content-security-policy) and every other attribute are refused.
META_NAMES = frozenset({"description", "keywords"})


def unsafe_scheme(uri: str) -> str | None:
    """The refused scheme a link or image address uses ('javascript:', ...), or None."""
    squeezed = IGNORED_IN_SCHEME.sub("", uri).lower()
    for scheme in UNSAFE_SCHEMES:
        if squeezed.startswith(scheme):
            return scheme
    return None


def refused_markdown_links(text: str) -> list[str]:
    """The addresses of Markdown links markdown-it left as literal text because of their scheme.

    ``[x](javascript:alert(1))`` stays in the text exactly as written. One pass over the text:
    each ``](`` is followed by the blanks and the optional ``<`` markdown-it allows, and the
    address is compared with the refused schemes (case-insensitive, as markdown-it does).
    """
    found = []
    start = text.find("](")
    while start != -1:
        position = start + 2
        while position < len(text) and text[position] in " \t\n":
            position += 1
        if position < len(text) and text[position] == "<":
            position += 1
        head = text[position:position + 11].lower()
        if head.startswith(MARKDOWN_REFUSED_SCHEMES):
            end = position
            while end < len(text) and end - position < 60 and text[end] not in " \t\n>":
                end += 1
            address = text[position:end]
            # The link's closing parenthesis, unless the address opened one of its own.
            if address.endswith(")") and address.count(")") > address.count("("):
                address = address[:-1]
            found.append(address)
        start = text.find("](", position)
    return found


def markdown_link_problem(address: str) -> Problem:
    scheme = address.split(":", 1)[0].lower()
    shown = address if len(address) <= 40 else address[:37] + "..."
    return Problem(
        f"link address {shown!r} uses {scheme}:, which Markdown does not allow, so the link "
        "would be published as plain text: link to an https:// address",
        None,
        "scheme",
    )


def toctree_problem(target: str, scheme: str) -> Problem:
    shown = target if len(target) <= 40 else target[:37] + "..."
    return Problem(
        f"toctree entry {shown!r} uses {scheme}, which is not allowed: list pages of the book or https:// addresses",
        None,
        "scheme",
    )


def meta_problem(attributes: dict[str, str]) -> Problem | None:
    """Why a ``.. meta::`` tag may not be published, or None."""
    name = attributes.get("name")
    others = sorted(key for key in attributes if key not in ("name", "content"))
    if not others and isinstance(name, str) and name.lower() in META_NAMES:
        return None
    what = f"http-equiv={attributes['http-equiv']!r}" if "http-equiv" in attributes else (
        f"name={name!r}" if name and not others else ", ".join(others) or "this tag")
    return Problem(
        f"the meta tag with {what} is not allowed: a page may only set "
        f"{' or '.join(sorted(META_NAMES))} (e.g. :description: A short summary)",
        None,
        "meta",
    )


def file_type_problem(target: str, what: str) -> Problem | None:
    """A contributed page's image or download whose file type is not allowed, or None."""
    suffix = PurePosixPath(target).suffix.lower()
    allowed = IMAGE_SUFFIXES if what == "image" else DOWNLOAD_SUFFIXES
    if suffix in allowed:
        return None
    listed = ", ".join(sorted(allowed))
    kind = f"a {suffix} file" if suffix else "a file without a type"
    return Problem(
        f"{what} {target!r} is {kind}, which posts may not publish: use one of {listed} "
        "(PNG or JPEG for images, PDF for documents)",
        None,
        "filetype",
    )
