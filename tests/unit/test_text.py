"""How texts are shortened for listings and descriptions (pp_blog.model.text)."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from pp_blog.model import text as text_module


def test_a_long_opening_is_cut_at_a_word_with_an_ellipsis():
    assert text_module.shorten("Policy makers ask for evidence", 20) == "Policy makers ask…"
    assert text_module.shorten("Short.", 20) == "Short."


@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=600), st.integers(min_value=1, max_value=400))
def test_a_shortened_text_is_a_prefix_within_the_length_and_says_it_was_cut(text, length):
    short = text_module.shorten(text, length)
    if len(text) <= length:
        assert short == text
    else:
        assert short.endswith("…") and text.startswith(short[:-1]) and len(short) <= length + 1
