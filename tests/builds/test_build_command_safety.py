"""``ppblog build`` (what ``make html`` runs): one build at a time, drafts left out told, file-system
errors in one line with the staging folder removed."""

from __future__ import annotations

import errno
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from bad_input_catalogue import make_project, replace, warning_lines
from pp_blog import cli
from pp_blog.model.build_lock import LOCK_FILE, BuildLock, BuildLocked


def ppblog(project: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "pp_blog.cli", "--root", str(project), *args], cwd=project,
                          capture_output=True, text=True, timeout=600)


def test_a_second_build_stops_in_one_line_while_one_runs(tmp_path):
    project = make_project(tmp_path / "project")
    with BuildLock(project / "_build"):
        second = ppblog(project, "build", "--out", str(project / "_build/html"))
    assert second.returncode == 1
    assert warning_lines(second.stderr) == [
        f"another build is running in {project / '_build'} (process {__import__('os').getpid()}, or a Sphinx it "
        "started): wait for it to finish, or stop it, then build again"]
    assert not (project / "_build/html").exists()


def test_a_lock_left_by_a_killed_build_is_stale_and_taken(tmp_path):
    folder = tmp_path / "_build"
    holder = subprocess.Popen([sys.executable, "-c", (
        "import sys, time; from pathlib import Path; from pp_blog.model.build_lock import BuildLock\n"
        f"lock = BuildLock(Path({str(folder)!r})).__enter__(); print('locked', flush=True); time.sleep(600)")],
        stdout=subprocess.PIPE, text=True)
    assert holder.stdout.readline().strip() == "locked"
    with pytest.raises(BuildLocked):
        BuildLock(folder).__enter__()
    holder.kill()  # as a killed build: no clean-up, the lock file stays
    holder.wait()
    assert (folder / LOCK_FILE).exists()
    with BuildLock(folder):
        pass


def test_a_sphinx_that_outlives_its_build_keeps_the_lock(tmp_path):
    folder = tmp_path / "_build"
    with BuildLock(folder) as lock:
        # What run_sphinx does: the child inherits the lock (pass_fds) and may outlive the parent.
        child = subprocess.Popen([sys.executable, "-c", "import sys; sys.stdin.read()"], stdin=subprocess.PIPE,
                                 pass_fds=(lock.fd,))
    with pytest.raises(BuildLocked):
        BuildLock(folder).__enter__()
    child.stdin.close()
    child.wait()
    with BuildLock(folder):
        pass


def test_each_draft_and_scheduled_post_left_out_is_one_line_after_a_successful_build(tmp_path):
    project = make_project(tmp_path / "project")
    replace(project, "posts/series/second.md", "date: 2021-05-19", "date: 2999-05-19")
    replace(project, "posts/hl/diffusion.md", "date: 2021-05-04", "date: 2021-05-04\ndraft: true")
    build = ppblog(project, "build", "--out", str(project / "_build/html"))
    assert build.returncode == 0, build.stderr
    lines = [line for line in build.stdout.splitlines() if ": left out: " in line]
    assert lines == [
        "posts/hl/diffusion.md: left out: a draft (dated 2021-05-04); remove 'draft: true' to publish it",
        f"posts/series/second.md: left out: dated 2999-05-19, after today ({__import__('datetime').date.today()}); "
        "it is published from that day on (check the date if that is a typo)",
    ]
    # ppblog check reads the drafts' text as it reads published posts'.
    with (project / "posts/hl/diffusion.md").open("a", encoding="utf-8") as out:
        out.write("\n![A chart](no-such-chart.png)\n")
    check = ppblog(project, "check")
    assert check.returncode == 1
    assert check.stderr.splitlines()[0].startswith("posts/hl/diffusion.md:")
    assert "image 'no-such-chart.png' not found" in check.stderr


def test_a_full_disk_during_the_staging_copy_is_one_line_and_leaves_no_staging(tmp_path, monkeypatch, capsys):
    project = make_project(tmp_path / "project")
    assert ppblog(project, "build", "--out", str(project / "_build/html"), "-q").returncode == 0

    def full_disk(source, destination, **kwargs):
        Path(destination).mkdir()
        (Path(destination) / "half-copied").write_text("x")
        raise OSError(errno.ENOSPC, "No space left on device", str(destination))

    monkeypatch.setattr(shutil, "copytree", full_disk)
    out = project / "_build/html"
    code = cli.main(["--root", str(project), "build", "--out", str(out)])
    assert code == 1
    assert capsys.readouterr().err.splitlines() == [
        f"build failed: No space left on device ({out.with_name('html.staging')}): check that the disk has space "
        f"and the build folder is writable; {out} is unchanged"]
    assert not out.with_name("html.staging").exists()
    assert (out / "index.html").exists()
