"""Search forgives accents: the folding (Python side) and the search language's stem memo.

The browser's folding is compared with this one in tests/browser/test_search_forgives_accents.py; the
index of a built root in tests/sphinx/test_search_index.py.
"""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st
from sphinx.search.en import SearchEnglish

from pp_blog.model.folding import fold
from pp_blog.compat.search_language import FoldedEnglish

unhurried = settings(deadline=None, suppress_health_check=[HealthCheck.too_slow], max_examples=300)
latin = st.text(st.characters(categories=["Lu", "Ll", "Mn", "Nd"], max_codepoint=0x24F), max_size=12)


@pytest.mark.parametrize(("written", "typed"), [
    ("Muñoz", "Munoz"), ("Sánchez", "Sanchez"), ("Jørgensen", "Jorgensen"), ("Jukić", "Jukic"),
    ("Łódź", "Lodz"), ("Ærø", "AEro"), ("Straße", "Strasse"), ("café", "cafe"),
])
def test_accented_names_fold_to_what_a_reader_types(written, typed):
    assert fold(written) == typed


@unhurried
@given(latin)
def test_folding_is_stable_and_leaves_ascii_alone(word):
    assert fold(fold(word)) == fold(word)
    if word.isascii():
        assert fold(word) == word


def test_each_word_is_stemmed_once_per_build(monkeypatch):
    language = FoldedEnglish({})
    calls: list[str] = []
    original = SearchEnglish.stem
    monkeypatch.setattr(SearchEnglish, "stem", lambda self, word: calls.append(word) or original(self, word))
    assert [language.stem(w) for w in ("policies", "Muñoz", "policies", "Muñoz")] == ["polici", "munoz"] * 2
    assert calls == ["policies", "Munoz"]
