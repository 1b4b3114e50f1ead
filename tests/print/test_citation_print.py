"""In print, each post ends with a "How to cite" line instead of the web's "Cite this post"."""

from __future__ import annotations

import pytest


@pytest.mark.sphinx("latex", testroot="citation", confoverrides={"ppblog_edition_date": "2021-08-01"})
def test_print_has_a_how_to_cite_line_per_post(app, warning):
    app.build()
    assert warning.getvalue() == ""
    tex = (app.outdir / "si.tex").read_text(encoding="utf-8")
    assert tex.count("How to cite:") == 2
    assert r"Jukić, T., van den Berg, J., \& Other, A. (2021, May 12)." in tex
    assert r"\sphinxurl{https://example.org/blog/posts/si/first.html}" in tex
    assert "Cite this post" not in tex and ".bib" not in tex
