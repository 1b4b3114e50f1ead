"""Links out of the project through ``ppblog build`` and ``ppblog check`` (what ``make html`` and
``make check`` run): one line each, a failed build, nothing of them published."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from bad_input_catalogue import make_project, warning_lines

OUTSIDE = "the file is a link to a file outside the project: posts are read only from inside it; " \
          "copy the file into its collection's folder instead of linking to it"


def run(*args, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "pp_blog.cli", *args], cwd=cwd, capture_output=True, text=True,
                          timeout=300)


def test_links_out_of_the_project_are_one_line_each_and_never_published(tmp_path):
    project = make_project(tmp_path / "project")
    secret = tmp_path / "secret.md"
    secret.write_text((project / "posts/hl/diffusion.md").read_text(encoding="utf-8")
                      .replace("Highlights collection on policy diffusion", "Secret post"), encoding="utf-8")
    (project / "posts/hl/leak.md").symlink_to(secret)
    (project / "posts/hl/zero.md").symlink_to("/dev/zero")
    (project / "posts/hl/.#diffusion.md").symlink_to("nobody@host.1234")  # an editor's lock file
    build = run("--root", str(project), "build", "--out", str(project / "_build/html"), cwd=project)
    assert build.returncode != 0
    lines = warning_lines(build.stderr)
    assert lines == [
        f"posts/hl/leak.md: {OUTSIDE}",
        f"posts/hl/zero.md: {OUTSIDE}",
        "build failed: fix the 2 problems above; nothing was published",
    ]
    check = run("--root", str(project), "check", cwd=project)
    assert warning_lines(check.stderr) == [f"posts/hl/leak.md: {OUTSIDE}", f"posts/hl/zero.md: {OUTSIDE}",
                                           "2 problem(s) found"]
    (project / "posts/hl/leak.md").unlink()
    (project / "posts/hl/zero.md").unlink()
    build = run("--root", str(project), "build", "--out", str(project / "_build/html"), cwd=project)
    assert build.returncode == 0, build.stderr
    published = project / "_build/html"
    assert not any("Secret post" in p.read_text(errors="replace") for p in published.rglob("*") if p.is_file())
