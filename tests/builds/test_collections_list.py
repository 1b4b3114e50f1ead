"""``{collections}``: the book lists its collections from their declarations, in documented order."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from conftest import sphinx_build

ROOT = Path(__file__).parent.parent / "roots" / "test-collections-list"


def listed(outdir: Path) -> list[str]:
    soup = BeautifulSoup((outdir / "index.html").read_text(encoding="utf-8"), "html.parser")
    return [a["href"] for a in soup.select(".pp-collections a.reference.internal")]


@pytest.fixture
def project(tmp_path) -> Path:
    srcdir = tmp_path / "src"
    shutil.copytree(ROOT, srcdir)
    return srcdir


def build(srcdir: Path) -> tuple[Path, str]:
    """Build as `make html` does, into the same folder each time (so rebuilds are incremental)."""
    outdir = srcdir.parent / "out"
    result = sphinx_build(srcdir, outdir)
    assert result.returncode == 0, result.stderr
    return outdir, result.stderr


def test_weight_first_then_newest_first(project):
    outdir, warnings = build(project)
    assert warnings == ""
    assert listed(outdir) == ["posts/pinned/index.html", "posts/newer/index.html", "posts/older/index.html"]


def test_a_new_landing_page_is_listed_on_the_next_build_without_editing_the_index(project):
    build(project)
    newest = project / "posts/newest"
    newest.mkdir()
    text = (project / "posts/newer/index.md").read_text(encoding="utf-8")
    (newest / "index.md").write_text(
        text.replace("slug: newer", "slug: newest").replace("2022-02-01", "2023-02-01").replace("2022-04-30", "2023-04-30")
        .replace("2022: populism", "2023: populism"),
        encoding="utf-8",
    )
    outdir, warnings = build(project)
    assert warnings == ""
    assert listed(outdir)[:2] == ["posts/pinned/index.html", "posts/newest/index.html"]
    shutil.rmtree(newest)
    outdir, warnings = build(project)
    assert warnings == ""
    assert "posts/newest/index.html" not in listed(outdir)


def test_a_changed_weight_reorders_the_list(project):
    build(project)
    older = project / "posts/older/index.md"
    older.write_text(older.read_text(encoding="utf-8").replace("  slug: older\n", "  slug: older\n  weight: 0\n"),
                     encoding="utf-8")
    outdir, warnings = build(project)
    assert warnings == ""
    assert listed(outdir)[0] == "posts/older/index.html"
