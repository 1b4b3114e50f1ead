"""Reading order of a collection's posts: series position, else date, then title."""

from __future__ import annotations

import datetime as dt

from pp_blog.model.drafts import is_draft, read_header
from pp_blog.model.order import header_order_key, post_order_key


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


def test_files_are_ordered_by_their_headers_and_unreadable_ones_come_last():
    headers = {
        "zulu": read_header("---\ntitle: Z\ndate: 2021-01-01\nposition: 1\n---\n"),
        "alpha": read_header("---\ntitle: A\ndate: 2021-02-01\nposition: 2\n---\n"),
        "broken": read_header("---\ntitle: [unclosed\n---\n"),
        "undated": read_header("---\ntitle: U\n---\n"),
    }
    assert headers["broken"] is None
    order = sorted(headers, key=lambda stem: header_order_key(headers[stem] or {}, stem))
    assert order == ["zulu", "alpha", "undated", "broken"]


def test_a_header_keeps_only_fields_of_the_right_type():
    assert read_header("---\ntitle: T\ndate: 2021-01-01\nposition: true\ndraft: yes\n---\n") == {
        "title": "T", "date": "2021-01-01", "draft": True,
    }
    assert read_header("---\nposition: 3\ndraft: 'no'\n---\n") == {"position": 3}
