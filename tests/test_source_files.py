"""Files outside the tree, and files the build would drop or misread (source_files.py, tree_checks.py).

Posts and collection folders that are links out of the project, to nothing, to a device or a
pipe, and posts misnamed or misplaced: each is one line naming the file, in the build and in
``ppblog check``, and nothing of them is published. The size limit is applied before reading.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from pp_blog.source_files import MAX_PAGE_BYTES, file_problem, read_source
from pp_blog.tree_checks import check_posts_tree
from test_bad_input import make_project, warning_lines

OUTSIDE = "the file is a link to a file outside the project: posts are read only from inside it; " \
          "copy the file into its collection's folder instead of linking to it"


def test_read_source_refuses_links_out_of_the_project_and_to_devices(tmp_path):
    root = tmp_path / "root"
    (root / "posts/c").mkdir(parents=True)
    secret = tmp_path / "secret.md"
    secret.write_text("---\ntitle: secret\n---\n", encoding="utf-8")
    (root / "posts/c/leak.md").symlink_to(secret)
    (root / "posts/c/zero.md").symlink_to("/dev/zero")
    for name in ("leak.md", "zero.md"):
        data, problem = read_source(root / "posts/c" / name, root)
        assert data is None and problem.message == OUTSIDE


def test_read_source_refuses_what_is_not_a_regular_file(tmp_path):
    root = tmp_path
    (root / "posts/c").mkdir(parents=True)
    os.mkfifo(root / "posts/c/pipe.md")  # opening it would wait for a writer forever
    (root / "posts/c/folder.md").mkdir()
    (root / "posts/c/dangling.md").symlink_to(root / "posts/c/nothing.md")
    assert "not a regular file" in read_source(root / "posts/c/pipe.md", root)[1].message
    assert "is a folder" in read_source(root / "posts/c/folder.md", root)[1].message
    assert "which does not exist" in read_source(root / "posts/c/dangling.md", root)[1].message


def test_the_size_limit_is_applied_before_reading(tmp_path, monkeypatch):
    big = tmp_path / "big.md"
    with big.open("wb") as out:
        out.truncate(50 * MAX_PAGE_BYTES)  # sparse: stat says 25 MB without it being written
    opened = []
    monkeypatch.setattr("builtins.open", lambda *a, **k: opened.append(a) or (_ for _ in ()).throw(AssertionError))
    data, problem = read_source(big, tmp_path)
    assert data is None and problem.field == "size" and opened == []
    assert file_problem(big, tmp_path).message.startswith("the file is 25.0 MB")


def test_read_source_reads_at_most_one_byte_past_the_limit(tmp_path):
    path = tmp_path / "a.md"
    path.write_bytes(b"a" * 11)
    assert read_source(path, tmp_path, limit=11) == (b"a" * 11, None)
    assert read_source(path, tmp_path, limit=10)[1].field == "size"


def test_tree_problems_name_each_misplaced_or_misnamed_file(tmp_path):
    root = tmp_path
    for name in ("posts/c/index.md", "posts/c/Upper.MD", "posts/c/long.markdown", "posts/c/Foo.md", "posts/c/foo.md",
                 "posts/c/inner/nested.md", "posts/loose.md", "posts/nolanding/post.md", "posts/c/.#foo.md",
                 "posts/c/chart.png"):
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text("x", encoding="utf-8")
    outside = tmp_path.parent / f"{tmp_path.name}-outside"
    outside.mkdir()
    (root / "posts/linked").symlink_to(outside)
    report = check_posts_tree(root)
    found = {shown: problem.message for shown, problem in report.problems}
    assert found == {
        "posts/linked": "the folder is a link to a folder outside the project: posts are read only from inside it; "
                        "copy the folder instead of linking to it",
        "posts/loose.md": "posts are read only from a collection's folder (posts/<collection>/<post>.md): "
                          "move the file to posts/<collection>/",
        "posts/c/Upper.MD": "the file ends in '.MD', so it is not read: rename it to 'Upper.md'",
        "posts/c/long.markdown": "the file ends in '.markdown', so it is not read: rename it to 'long.md'",
        "posts/c/foo.md": "file name 'foo.md' differs only in case from posts/c/Foo.md: on Windows and macOS they "
                          "are one file, and their addresses differ only in case: rename one",
        "posts/c/inner/nested.md": "posts are read only from a collection's folder (posts/<collection>/<post>.md): "
                                   "move the file to posts/c/",
        "posts/nolanding/": "the folder has no index.md, so it is not a collection and its posts are not published: "
                            "declare the collection in posts/nolanding/index.md (see docs/editors-guide.md), or move "
                            "the posts into an existing collection's folder",
    }
    assert report.skips("posts/nolanding/post.md") and report.skips("posts/c/inner/nested.md")
    assert not report.skips("posts/c/Foo.md")


def run(*args, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "pp_blog.cli", *args], cwd=cwd, capture_output=True, text=True,
                          timeout=300)


@pytest.mark.site
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
        f"{project}/posts/hl/leak.md: WARNING: {OUTSIDE} [ppblog.outside]",
        f"{project}/posts/hl/zero.md: WARNING: {OUTSIDE} [ppblog.outside]",
        "build failed: fix the problems above; nothing was published",
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
