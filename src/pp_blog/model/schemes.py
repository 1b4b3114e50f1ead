"""Addresses and file types a page may not use: shared by the build's safety policy (sphinxext/safety.py)
and the WordPress importer, which applies the same policy before a post is written.

Pure: no Sphinx or docutils import.
"""

from __future__ import annotations

import re

UNSAFE_SCHEMES = ("javascript:", "vbscript:", "data:")
# Browsers ignore ASCII whitespace and control characters inside a scheme ("java\tscript:").
IGNORED_IN_SCHEME = re.compile(r"[\x00-\x20\x7f]+")
# File types a browser runs script in when a reader opens them from the site.
ACTIVE_SUFFIXES = {".html", ".htm", ".xhtml", ".xht", ".shtml", ".svg", ".svgz", ".xml", ".xsl", ".js", ".mjs"}


def unsafe_scheme(uri: str) -> str | None:
    """The refused scheme a link or image address uses ('javascript:', ...), or None."""
    squeezed = IGNORED_IN_SCHEME.sub("", uri).lower()
    for scheme in UNSAFE_SCHEMES:
        if squeezed.startswith(scheme):
            return scheme
    return None
