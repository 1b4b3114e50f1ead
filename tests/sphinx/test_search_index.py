"""The index of a book searched with the en-folded language holds folded words only."""

from __future__ import annotations

import json

import pytest


# The root names the repository's scorer and scripts by relative paths, which a copied root loses.
@pytest.mark.sphinx("html", testroot="search-folding",
                    confoverrides={"html_search_scorer": "", "html_static_path": [], "html_js_files": []})
def test_the_index_holds_folded_words_only(app):
    app.build()
    index = (app.outdir / "searchindex.js").read_text(encoding="utf-8")
    terms = json.loads(index[index.index("(") + 1:index.rindex(")")])["terms"]
    assert {"munoz", "sanchez", "jorgensen", "lodz"} <= set(terms)
    assert not {"muñoz", "sánchez", "jørgensen"} & set(terms)
