"""Dates that follow the content: the years the posts span, a set date older than its posts."""

from __future__ import annotations

import datetime as dt

from hypothesis import HealthCheck, given, settings, strategies as st

from pp_blog.model import content_dates

posts = st.lists(st.fixed_dictionaries({"date": st.dates().map(dt.date.isoformat), "draft": st.booleans()}))


@settings(deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(posts)
def test_years_span_the_published_posts_only(items):
    published = [dt.date.fromisoformat(p["date"]).year for p in items if not p["draft"]]
    spanned = content_dates.years_spanned(items)
    if not published:
        assert spanned == ""
    elif min(published) == max(published):
        assert spanned == str(published[0])
    else:
        assert spanned == f"{min(published)}–{max(published)}"


def test_a_set_date_older_than_the_newest_post_is_named():
    assert content_dates.stale_date_problem("d", dt.date(2022, 1, 1), dt.date(2022, 1, 1), "p.md") is None
    assert content_dates.stale_date_problem("d", dt.date(2021, 8, 1), dt.date(2022, 1, 1), "p.md") == (
        "d = '2021-08-01' is older than the newest post it prints (p.md, 2022-01-01): set it to that day or "
        "later, or remove it to date each edition by its newest post")


@given(st.dates())
def test_the_pdf_clock_is_the_edition_dates_midnight_utc(date):
    epoch = content_dates.source_date_epoch(date)
    assert epoch >= 0
    moment = dt.datetime.fromtimestamp(epoch, dt.timezone.utc)
    if date.year >= 1970:
        assert (moment.date(), moment.time()) == (date, dt.time(0))
    else:
        assert moment == dt.datetime(1970, 1, 1, tzinfo=dt.timezone.utc)
