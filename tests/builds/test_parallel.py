"""A `-j 2` build reads in parallel and gives the same site as a serial build."""

from __future__ import annotations

import pickle
import re
import subprocess
import sys
from pathlib import Path

import pytest

from pp_blog import synthetic
from conftest import REPO


def build(srcdir: Path, name: str, *jobs: str) -> tuple[Path, dict, str]:
    outdir, doctrees = srcdir / "_build" / name, srcdir / "_build" / f"doctrees-{name}"
    result = subprocess.run(
        [sys.executable, "-m", "sphinx", "-nW", "--keep-going", *jobs, "-b", "html", "-d", str(doctrees),
         str(srcdir), str(outdir)],
        capture_output=True, text=True,
    )
    assert result.returncode == 0, result.stderr
    with open(doctrees / "environment.pickle", "rb") as file:
        env = pickle.load(file)
    return outdir, env.domaindata["ppblog"], result.stdout


@pytest.fixture(scope="module")
def archive(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("parallel") / "archive"
    synthetic.generate(root, 24, template_root=REPO, per_collection=8)
    return root


def test_parallel_and_serial_builds_agree(archive):
    serial_out, serial_data, _ = build(archive, "serial")
    parallel_out, parallel_data, log = build(archive, "parallel", "-j", "2")
    # Sphinx reports a parallel read by chunks of documents ("first .. last").
    assert re.search(r"reading sources\.\.\. \[ *\d+%\] \S+ \.\. \S+", log), log
    assert parallel_data["posts"] == serial_data["posts"]
    assert parallel_data["collections"] == serial_data["collections"]
    landing_pages = sorted(p.relative_to(serial_out) for p in serial_out.glob("posts/*/index.html"))
    assert len(landing_pages) == 3
    for page in landing_pages + [Path(p) for p in ("blog/atom.xml", "blog/archive.html", "searchindex.js")]:
        assert (parallel_out / page).read_bytes() == (serial_out / page).read_bytes(), page
    for feed in serial_out.glob("posts/*/atom.xml"):
        assert (parallel_out / feed.relative_to(serial_out)).read_bytes() == feed.read_bytes()
