"""The synthetic archive generator used by benchmarks and archive-scale tests."""

from __future__ import annotations

from pp_blog import synthetic
from pp_blog.cli import check_tree, read_categories
from conftest import REPO


def test_generated_archive_is_valid_and_repeatable(tmp_path):
    first = synthetic.generate(tmp_path / "a", 30, template_root=REPO, per_collection=10)
    second = synthetic.generate(tmp_path / "b", 30, template_root=REPO, per_collection=10)
    assert len(first) == 30 and first == second
    assert check_tree(tmp_path / "a", read_categories(tmp_path / "a")) == []
    post = (tmp_path / "a" / (first[0] + ".md")).read_text(encoding="utf-8")
    assert post == (tmp_path / "b" / (first[0] + ".md")).read_text(encoding="utf-8")
    words = len(post.split("---", 2)[2].split())
    assert 550 <= words <= 700
