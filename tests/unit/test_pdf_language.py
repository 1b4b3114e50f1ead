"""The language tag the PDF editions declare (model/language.py)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pp_blog.model.language import BCP47, pdf_language


@pytest.mark.parametrize(("language", "tag"), [
    ("en", "en"), ("pt_BR", "pt-BR"), ("zh_Hant_TW", "zh-Hant-TW"), (None, "en"), ("", "en"),
    ("en}\\input{x", "en"),
])
def test_sphinx_language_becomes_a_bcp47_tag(language, tag):
    assert pdf_language(language) == tag


@given(st.text())
def test_pdf_language_is_always_a_plain_tag(language):
    """Whatever conf.py says, the tag written into the LaTeX is letters, digits and hyphens only."""
    assert BCP47.fullmatch(pdf_language(language))
