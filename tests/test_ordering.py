"""Reading order of a collection's posts: series position, else date, then title."""

from __future__ import annotations

import datetime as dt

from pp_blog.collections import PostHeaders, is_draft, sibling_posts
from pp_blog.domain import post_order_key


def test_series_position_comes_before_date():
    posts = [
        {"position": 3, "date": "2021-01-01", "title": "c"},
        {"position": 1, "date": "2021-06-01", "title": "a"},
        {"position": 2, "date": "2021-03-01", "title": "b"},
    ]
    assert [p["title"] for p in sorted(posts, key=post_order_key)] == ["a", "b", "c"]


def test_without_positions_date_then_title_decide():
    posts = [
        {"position": None, "date": "2021-06-30", "title": "late"},
        {"position": None, "date": "2021-05-04", "title": "b early"},
        {"position": None, "date": "2021-05-04", "title": "a early"},
    ]
    assert [p["title"] for p in sorted(posts, key=post_order_key)] == ["a early", "b early", "late"]


def test_drafts_are_marked_or_future_dated():
    today = dt.date(2021, 6, 1)
    assert is_draft({"draft": True, "date": "2021-01-01"}, today)
    assert is_draft({"date": "2021-06-02"}, today)
    assert not is_draft({"date": "2021-06-01"}, today)
    assert not is_draft({"date": "not a date"}, today)  # reported by validation instead


def write(folder, name, front):
    (folder / f"{name}.md").write_text("---\n" + front + "\n---\n\nText.\n", encoding="utf-8")


def test_sibling_posts_order_files_by_front_matter(tmp_path):
    folder = tmp_path / "posts" / "series"
    folder.mkdir(parents=True)
    write(folder, "index", "title: Landing")
    write(folder, "zulu", "title: Z\ndate: 2021-01-01\nposition: 1")
    write(folder, "alpha", "title: A\ndate: 2021-02-01\nposition: 2")
    write(folder, "draft", "title: D\ndate: 2021-03-01\nposition: 3\ndraft: true")
    (folder / "broken.md").write_text("---\ntitle: [unclosed\n---\n", encoding="utf-8")
    today = dt.date(2022, 1, 1)
    assert sibling_posts(tmp_path, "posts/series", today, show_drafts=False) == [
        "posts/series/zulu", "posts/series/alpha", "posts/series/broken",
    ]
    assert sibling_posts(tmp_path, "posts/series", today, show_drafts=True) == [
        "posts/series/zulu", "posts/series/alpha", "posts/series/draft", "posts/series/broken",
    ]


def test_post_headers_are_kept_between_builds_and_read_again_when_a_file_changes(tmp_path):
    folder = tmp_path / "posts" / "series"
    folder.mkdir(parents=True)
    write(folder, "one", "title: One\ndate: 2021-01-01\nposition: 1")
    write(folder, "two", "title: Two\ndate: 2021-02-01")
    paths = sorted(folder.glob("*.md"))
    first = PostHeaders(tmp_path / "doctrees")
    assert first.get(folder / "one.md") == {"title": "One", "date": "2021-01-01", "position": 1}
    first.get(folder / "two.md")
    first.save(paths)

    write(folder, "two", "title: Two, renamed\ndate: 2021-02-01\ndraft: true")
    (folder / "one.md").unlink()
    again = PostHeaders(tmp_path / "doctrees")
    assert again.get(folder / "two.md") == {"title": "Two, renamed", "date": "2021-02-01", "draft": True}
    again.save([folder / "two.md"])
    assert list(PostHeaders(tmp_path / "doctrees").known) == [str(folder / "two.md")]
