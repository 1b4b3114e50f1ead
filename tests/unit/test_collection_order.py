"""The documented order of the book's collections: weight first (lowest first), then newest first."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings, strategies as st

from pp_blog.model.collection_order import ordered

dates = st.dates().map(lambda d: d.isoformat())
declarations = st.one_of(
    st.none(),
    st.fixed_dictionaries({"title": st.text(max_size=5), "collection": st.fixed_dictionaries(
        {"period_start": dates}, optional={"weight": st.integers(-5, 5)})}),
)


# No time limits: the machine is shared, and a timed test is not a deterministic one.
@settings(deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.dictionaries(st.text("abc", min_size=1, max_size=4), declarations, max_size=8))
def test_order_is_total_and_documented(pages):
    names = ordered(pages)
    assert sorted(names) == sorted(pages)
    weighted = [n for n in names if pages[n] and "weight" in pages[n]["collection"]]
    dated = [n for n in names if pages[n] and "weight" not in pages[n]["collection"]]
    unreadable = [n for n in names if pages[n] is None]
    assert names == weighted + dated + unreadable
    assert [pages[n]["collection"]["weight"] for n in weighted] == sorted(pages[n]["collection"]["weight"] for n in weighted)
    starts = [pages[n]["collection"]["period_start"] for n in dated]
    assert starts == sorted(starts, reverse=True)
