"""Dates that follow the content: the footer's copyright years (the edition dates: test_pdf.py)."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

from bs4 import BeautifulSoup
from hypothesis import HealthCheck, given, settings, strategies as st

from conftest import sphinx_build
from pp_blog import content_dates

ROOT = Path(__file__).parent / "roots" / "test-collections"


def footer(outdir: Path, page: str) -> str:
    soup = BeautifulSoup((outdir / page).read_text(encoding="utf-8"), "html.parser")
    return " ".join(soup.select_one(".footer").get_text(" ", strip=True).split())


def test_copyright_years_follow_the_posts_and_every_page_is_rewritten_when_they_change(tmp_path):
    srcdir, outdir = tmp_path / "src", tmp_path / "out"
    shutil.copytree(ROOT, srcdir)
    assert sphinx_build(srcdir, outdir).returncode == 0
    # The published posts are all of 2021; the draft of 2022 does not count.
    assert footer(outdir, "posts/series/alpha.html").startswith("© Copyright 2021, Test holder.")
    older = srcdir / "posts/hl/older.md"
    older.write_text((srcdir / "posts/hl/eta.md").read_text(encoding="utf-8")
                     .replace("Late highlights", "Older highlights").replace("2021-06-30", "2019-03-01"), encoding="utf-8")
    result = sphinx_build(srcdir, outdir)
    assert result.returncode == 0, result.stderr
    # A page of another collection, whose text did not change, shows the new years too.
    assert footer(outdir, "posts/series/alpha.html").startswith("© Copyright 2019–2021, Test holder.")


def test_a_copyright_set_in_conf_py_is_kept(tmp_path):
    result = sphinx_build(ROOT, tmp_path, "html", "-D", "copyright=1999, Someone")
    assert result.returncode == 0, result.stderr
    assert footer(tmp_path, "index.html").startswith("© Copyright 1999, Someone.")


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
