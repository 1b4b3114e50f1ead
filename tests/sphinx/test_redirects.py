"""Tag and author pages moved to the book's address scheme: ABlog's old address redirects to
the new page, and the redirect goes when no post uses the name any more."""

from __future__ import annotations

import shutil

import pytest

from conftest import REPO


def set_tags(post, tags: str) -> None:
    text = post.read_text(encoding="utf-8")
    start = text.index("\ntags:")
    end = text.index("\n", start + 1)
    post.write_text(text[:start] + f"\ntags: {tags}" + text[end:], encoding="utf-8")


@pytest.mark.parametrize("tags", ['["Søndergaard studies", co-creation]'])
def test_an_old_address_redirects_until_the_name_is_gone(make_app, tmp_path, tags):
    project = tmp_path / "project"
    shutil.copytree(REPO / "tests" / "roots" / "test-compat", project)
    post = project / "posts" / "series" / "alpha.md"
    set_tags(post, tags)
    app = make_app("html", srcdir=project)
    app.build()
    old = app.outdir / "blog" / "tag" / "søndergaard-studies.html"
    assert (app.outdir / "blog" / "tag" / "sondergaard-studies.html").is_file()
    assert 'http-equiv="refresh" content="0; url=sondergaard-studies.html"' in old.read_text(encoding="utf-8")
    app.cleanup()

    set_tags(post, "[co-creation]")
    again = make_app("html", srcdir=project)
    again.build()
    assert not old.exists()
