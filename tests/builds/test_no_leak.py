"""Our patches to ABlog, the themes and Sphinx last for our build only: a plain ABlog project
built after the book in the same process comes out as it does in a process of its own."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from conftest import REPO, sphinx_build

ROOTS = REPO / "tests" / "roots"


# ABlog stamps its feed with the time of the build, the one thing two builds of a plain project
# never share.
FEED_STAMP = re.compile(rb"\n  <updated>[^<]*</updated>", re.S)


def published(outdir: Path) -> dict[str, bytes]:
    return {path.relative_to(outdir).as_posix(): FEED_STAMP.sub(b"", path.read_bytes(), count=1)
            for path in sorted(outdir.rglob("*")) if path.is_file() and ".doctrees" not in path.parts
            and path.name != ".buildinfo"}


@pytest.mark.parametrize("book", ["compat", "collections"])
def test_a_plain_project_built_after_the_book_is_as_built_alone(make_app, tmp_path, book):
    plain = tmp_path / "plain"
    shutil.copytree(ROOTS / "test-plain-ablog", plain)
    alone = sphinx_build(plain, tmp_path / "alone")
    assert alone.returncode == 0, alone.stderr

    shutil.copytree(ROOTS / f"test-{book}", tmp_path / "book")
    make_app("html", srcdir=tmp_path / "book", freshenv=True).build()
    after = make_app("html", srcdir=plain, builddir=tmp_path / "after", freshenv=True)
    after.build()
    assert published(Path(after.outdir)) == published(tmp_path / "alone")
