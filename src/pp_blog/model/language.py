"""The language a document declares, in the form each output needs."""

from __future__ import annotations

import re

BCP47 = re.compile(r"[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*")


def pdf_language(language: str | None) -> str:
    """Sphinx's ``language`` (``en``, ``pt_BR``) as the BCP 47 tag a PDF declares (``pt-BR``);
    English when it is unset or not a language tag, so nothing else reaches the LaTeX."""
    tag = (language or "en").replace("_", "-")
    return tag if BCP47.fullmatch(tag) else "en"
