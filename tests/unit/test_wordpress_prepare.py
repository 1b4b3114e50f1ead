"""The pure steps of the WordPress conversion: wpautop, bylines and the paths of uploaded images."""

from __future__ import annotations

import pytest

from pp_blog.wordpress import convert


def test_wpautop_makes_paragraphs_of_blank_lines_and_keeps_blocks_and_preformatted_text():
    text = "One\nline two\n\n\n  \nTwo <em>x</em>\n\n<ul>\n<li>a</li>\n</ul>\n<blockquote>q</blockquote>\n<pre>a\n\nb</pre>"
    assert convert.wpautop(text) == (
        "<p>One<br />\nline two</p>\n<p>Two <em>x</em></p>\n<ul>\n<li>a</li>\n</ul>\n"
        "<blockquote>q</blockquote>\n<pre>a\n\nb</pre>\n"
    )


@pytest.mark.parametrize("line, names", [
    ("Albert Meijer and Wouter Boon", ["Albert Meijer", "Wouter Boon"]),
    ("Sarah van Duijn, Duco Bannink & Henk Nies", ["Sarah van Duijn", "Duco Bannink", "Henk Nies"]),
    ("Elizabeth Koebele with Sarah Brown", ["Elizabeth Koebele", "Sarah Brown"]),
    ("Edoardo Ongaro, Alessandro Angelo Sancino, Irene Pluchinotta, Hannah Williams, Martin Kitchener and Ewan Ferlie",
     ["Edoardo Ongaro", "Alessandro Angelo Sancino", "Irene Pluchinotta", "Hannah Williams", "Martin Kitchener",
      "Ewan Ferlie"]),
    ("Tina Jukić", ["Tina Jukić"]),
    ("In our recent article we ask a question.", None),
    ("The private sector is changing towards a new model of production", None),
    ("Published 12 May 2021", None),
])
def test_byline_names(line, names):
    assert convert.names_in(line) == names


def test_uploads_paths_never_leave_the_media_folder():
    assert convert.uploads_path("https://b.org/wp-content/uploads/2021/05/a%20b.jpg") == "2021/05/a b.jpg"
    assert convert.uploads_path("https://b.org/wp-content/uploads/../../etc/passwd") is None
    assert convert.uploads_path("https://b.org/wp-content/uploads/2021/%2e%2e/x.png") is None
    assert convert.uploads_path("https://blog.files.wordpress.com/2021/05/a.jpg") == "2021/05/a.jpg"
    assert convert.uploads_path("https://elsewhere.org/a.jpg") is None
