"""The published site always equals what a clean build of the current sources publishes.

A post with its own image, download and tag is published, then retracted; a failed build may
come in between. After the next successful ``ppblog build`` (what ``make html`` runs) the
published files are exactly those of a clean build: nothing of the retracted post is left.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from bad_input_catalogue import make_project, replace

SECOND = "posts/series/second.md"
RETRACTED_TITLE = "Strategic management as an enabler"


def ppblog_build(project: Path, out: Path, doctrees: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "pp_blog.cli", "--root", str(project), "build", "--out", str(out),
         "--doctrees", str(doctrees)],
        capture_output=True, text=True, timeout=600,
    )


def files(folder: Path) -> set[str]:
    return {p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file()}


def with_own_files(project: Path) -> None:
    shutil.copy(project / "posts/series/chart.png", project / "posts/series/second-chart.png")
    (project / "posts/series/second-data.csv").write_text("year,value\n2021,1\n", encoding="utf-8")
    with (project / SECOND).open("a", encoding="utf-8") as out:
        out.write("\n![A second chart](second-chart.png)\n\nThe {download}`data <second-data.csv>`.\n")


def clean_build(project: Path, tmp_path: Path) -> Path:
    out = tmp_path / "clean"
    result = ppblog_build(project, out, tmp_path / "clean-doctrees")
    assert result.returncode == 0, result.stderr
    return out


@pytest.mark.parametrize("retract", ["delete", "draft"])
@pytest.mark.parametrize("failed_build_between", [False, True], ids=["", "after-a-failed-build"])
def test_a_retracted_post_leaves_nothing_published(tmp_path, retract, failed_build_between):
    project = make_project(tmp_path / "project")
    with_own_files(project)
    out, doctrees = project / "_build/html", project / "_build/doctrees"
    first = ppblog_build(project, out, doctrees)
    assert first.returncode == 0, first.stderr
    assert any(name.endswith("second-chart.png") for name in files(out / "_images"))
    assert any(name.endswith("second-data.csv") for name in files(out / "_downloads"))
    assert (out / "blog/tag/strategic-management.html").exists()
    assert not files(out / "_sources")  # Sphinx makes the folder, empty when sources are not copied

    if retract == "delete":
        (project / SECOND).unlink()
    else:
        replace(project, SECOND, "position: 2\n", "position: 2\ndraft: true\n")
    if failed_build_between:
        replace(project, "posts/hl/diffusion.md", "date: 2021-05-04", "date: 2021-13-45")
        failed = ppblog_build(project, out, doctrees)
        assert failed.returncode != 0
        replace(project, "posts/hl/diffusion.md", "date: 2021-13-45", "date: 2021-05-04")
    again = ppblog_build(project, out, doctrees)
    assert again.returncode == 0, again.stderr

    assert files(out) == files(clean_build(project, tmp_path))
    for path in out.rglob("*"):
        if path.is_file() and path.suffix in (".html", ".xml", ".js"):
            assert RETRACTED_TITLE not in path.read_text(encoding="utf-8"), path
