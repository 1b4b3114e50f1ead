"""Print: the same posts give the same PDFs, byte for byte, whoever prints them, wherever, whenever.

The small footnotes root (two editions) is printed twice as ``make pdf`` prints it (the LaTeX
builder, then the Makefile it writes), the two builds differing in all that may differ between
an editor's machine and another's: the checkout's folder, the time zone, and the environment,
which on a build server often carries its own ``SOURCE_DATE_EPOCH`` (the last commit's time, say).
Before the PDFs took their clock from the edition, xdvipdfmx stamped each file's /ID and font
subset names with the wall clock in local time, so the two builds could never agree.
"""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
from pathlib import Path

import pytest
from pypdf import PdfReader

from conftest import REPO, sphinx_build

ROOT = REPO / "tests" / "roots" / "test-footnotes"
EDITIONS_ROOT = REPO / "tests" / "roots" / "test-pdf-editions"
EDITIONS = ["footnotes.pdf", "notes.pdf"]
# The root's newest post: both editions are dated by it.
EDITION_DATE = "D:20211111000000Z"


def print_root(outdir: Path, **environment: str) -> Path:
    """The root's PDFs, built into ``outdir`` as ``make pdf`` builds them, in ``environment``
    (over the test's own, without any SOURCE_DATE_EPOCH of its own)."""
    with pytest.MonkeyPatch.context() as patch:
        patch.delenv("SOURCE_DATE_EPOCH", raising=False)
        patch.delenv("FORCE_SOURCE_DATE", raising=False)
        for name, value in environment.items():
            patch.setenv(name, value)
        result = sphinx_build(ROOT, outdir, "latex")
        assert result.returncode == 0, result.stderr
        make = subprocess.run(["make", "-C", str(outdir), "all-pdf", "LATEXMKOPTS=-silent"],
                              capture_output=True, text=True)
    assert make.returncode == 0, make.stdout[-3000:] + make.stderr[-3000:]
    return outdir


@pytest.fixture(scope="module")
def builds(tmp_path_factory) -> tuple[Path, Path]:
    first = print_root(tmp_path_factory.mktemp("editor") / "latex", TZ="UTC")
    # Another checkout, deeper, on the other side of the date line, on a server that sets its own
    # SOURCE_DATE_EPOCH: an hour ago, whatever the clock says now.
    an_hour_ago = int(dt.datetime.now(dt.timezone.utc).timestamp()) - 3600
    second = print_root(tmp_path_factory.mktemp("build-server") / "checkout" / "_build" / "latex",
                        TZ="Pacific/Kiritimati", SOURCE_DATE_EPOCH=str(an_hour_ago))
    return first, second


@pytest.mark.parametrize("edition", EDITIONS)
def test_the_same_posts_print_the_same_pdf_bytes(builds, edition):
    first, second = builds
    one, other = PdfReader(first / edition), PdfReader(second / edition)
    # What differed, told first: the readable reason, rather than two unequal byte strings.
    assert one.trailer["/ID"] == other.trailer["/ID"]
    assert (first / edition).read_bytes() == (second / edition).read_bytes()


@pytest.mark.parametrize("edition", EDITIONS)
def test_every_timestamp_of_the_pdf_is_its_edition_date(builds, edition):
    for build in builds:
        info = PdfReader(build / edition).metadata
        assert (info["/CreationDate"], info["/ModDate"]) == (EDITION_DATE, EDITION_DATE)


def test_each_pdf_is_clocked_by_its_own_edition_date(tmp_path):
    """Each edition's date, so that a new post in one collection leaves the others' PDFs as they
    were; a collection without posts yet takes the whole book's. Asked of make itself, in place of
    latexmk, with the editions root (its editions have different dates) and a new, empty collection."""
    source = shutil.copytree(EDITIONS_ROOT, tmp_path / "source")
    landing = (source / "posts/climate-highlights/index.md").read_text(encoding="utf-8")
    (source / "posts/later-highlights").mkdir()
    (source / "posts/later-highlights/index.md").write_text(
        landing.replace("climate-highlights", "later-highlights").replace("climate policy", "later"), encoding="utf-8")
    index = (source / "index.md").read_text(encoding="utf-8")
    (source / "index.md").write_text(
        index.replace("posts/climate-highlights/index\n", "posts/climate-highlights/index\nposts/later-highlights/index\n"),
        encoding="utf-8")
    outdir = tmp_path / "latex"
    result = sphinx_build(source, outdir, "latex")
    assert result.returncode == 0, result.stderr

    def clock(pdf: str, *variables: str) -> list[str]:
        latexmk = "printenv SOURCE_DATE_EPOCH FORCE_SOURCE_DATE #"
        return subprocess.run(["make", "-s", "-C", str(outdir), pdf, f"PDFLATEX={latexmk}", *variables],
                              capture_output=True, text=True, check=True).stdout.split()

    def midnight(date: str) -> str:
        return str(int(dt.datetime.fromisoformat(f"{date}T00:00+00:00").timestamp()))

    assert clock("trust-series.pdf") == [midnight("2020-11-18"), "1"]
    for pdf in ("print-test.pdf", "climate-highlights.pdf", "later-highlights.pdf"):
        assert clock(pdf) == [midnight("2021-11-02"), "1"]
    # Not even make's command line sets another clock: ppblog_edition_date does.
    assert clock("trust-series.pdf", "SOURCE_DATE_EPOCH=0", "FORCE_SOURCE_DATE=0") == [midnight("2020-11-18"), "1"]
