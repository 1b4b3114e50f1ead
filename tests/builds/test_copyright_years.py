"""The footer's copyright years follow the published posts (the edition dates: tests/print/test_pdf.py)."""

from __future__ import annotations

import shutil
from pathlib import Path

from bs4 import BeautifulSoup

from conftest import sphinx_build

ROOT = Path(__file__).parent.parent / "roots" / "test-collections"


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
