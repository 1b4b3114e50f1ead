"""Files outside the tree, and files the build would drop or misread (source_files.py, tree_checks.py).

Posts and collection folders that are links out of the project, to nothing, to a device or a
pipe, and posts misnamed or misplaced: each is one line naming the file, in the build and in
``ppblog check``, and nothing of them is published. The size limit is applied before reading.
"""

from __future__ import annotations

import itertools
import os
import tempfile
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from pp_blog.model.source_files import MAX_PAGE_BYTES, file_problem, plain_file_info, read_source
from pp_blog.model.tree_checks import check_posts_tree

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


def resolved_answer(path: Path, root: Path) -> str:
    """Inside or outside, found the slow way: by resolving every folder of both paths."""
    try:
        return "inside" if path.resolve(strict=True).is_relative_to(root.resolve()) else "outside"
    except OSError:
        return "missing"


counter = itertools.count()


@settings(max_examples=60, deadline=None)
@given(folder=st.sampled_from(["folder", "link inside", "link outside"]),
       file=st.sampled_from(["file", "link inside", "link outside", "link to nothing"]),
       dotdot=st.booleans())
def test_the_quick_check_answers_as_resolving_the_path_would(folder, file, dotdot):
    """plain_file_info takes an lstat per name below the project where resolve() walks every
    folder from /; it must never find inside what resolving finds outside or missing."""
    base = Path(tempfile.mkdtemp(prefix=f"pp{next(counter)}-"))
    root, elsewhere = base / "root", base / "elsewhere"
    for place in (root / "posts" / "real", elsewhere):
        place.mkdir(parents=True)
        (place / "a.md").write_text("x", encoding="utf-8")
    collection = root / "posts" / "c"
    if folder == "folder":
        collection.mkdir()
        targets = {"link inside": root / "posts" / "real" / "a.md", "link outside": elsewhere / "a.md",
                   "link to nothing": root / "posts" / "nothing.md"}
        if file == "file":
            (collection / "a.md").write_text("x", encoding="utf-8")
        else:
            (collection / "a.md").symlink_to(targets[file])
    else:  # the file is whatever the linked folder holds
        collection.symlink_to(root / "posts" / "real" if folder == "link inside" else elsewhere)
    post = (root / "posts" / ".." / "posts" / "c" / "a.md") if dotdot else collection / "a.md"
    expected = resolved_answer(post, root)
    if plain_file_info(post, root) is not None:
        assert expected == "inside"
    problem = file_problem(post, root)
    assert (problem is None) == (expected == "inside"), (problem, expected)
