"""The editor's guide (docs/editors-guide.md) read as the walkthrough tests use it: its examples
(landing pages, the finished post, the image, footnote and table fragments), its `ppblog new`
command and the problem lines it quotes, and a copy of the book without a single post."""

from __future__ import annotations

import re
import shlex
import shutil
import sys
from pathlib import Path

from conftest import REPO

GUIDE = REPO / "docs" / "editors-guide.md"
EXAMPLE = re.compile(r"<!-- example: (?P<path>\S+) -->\n(?P<fence>`{3,})markdown\n(?P<body>.*?)\n(?P=fence)\n", re.S)
FRAGMENT = re.compile(r"<!-- example body: (?P<name>[^>]+?) -->\n```markdown\n(?P<body>.*?)\n```\n", re.S)
QUOTED = re.compile(r"```text\n(.*?)\n```", re.S)
SERIES_POST = "posts/populism-special-issue/blog-1-why-populism-matters-for-policy.md"
CHART = REPO / "tests" / "roots" / "test-bad-input" / "posts" / "series" / "chart.png"


def guide() -> str:
    return GUIDE.read_text(encoding="utf-8")


def examples() -> dict[str, str]:
    found = {m["path"]: m["body"] + "\n" for m in EXAMPLE.finditer(guide())}
    assert len(found) == 3, found.keys()
    return found


def fragments() -> dict[str, str]:
    found = {m["name"]: m["body"] + "\n" for m in FRAGMENT.finditer(guide())}
    assert sorted(found) == ["a footnote", "a table", "an image with a caption"]
    return found


def new_post_command() -> list[str]:
    """The guide's `ppblog new` command, to run with this Python."""
    block = next(b for b in re.findall(r"```sh\n(.*?)\n```", guide(), re.S) if "ppblog new" in b)
    words = shlex.split(block.replace("\\\n", " "))
    assert words[0] == ".venv/bin/ppblog"
    return [sys.executable, "-m", "pp_blog.cli", *words[1:]]


def quoted(index: int) -> list[str]:
    return QUOTED.findall(guide())[index].splitlines()


def make_book(tmp_path: Path) -> Path:
    """The book as it is, without a single collection or post."""
    root = tmp_path / "book"
    root.mkdir()
    for name in ("conf.py", "index.md"):
        shutil.copy(REPO / name, root / name)
    for name in ("docs", "_static"):
        shutil.copytree(REPO / name, root / name)
    return root


def open_collections(root: Path) -> None:
    for path, text in examples().items():
        if path.endswith("/index.md"):
            (root / path).parent.mkdir(parents=True, exist_ok=True)
            (root / path).write_text(text, encoding="utf-8")


def finish_post(root: Path) -> None:
    """The guide's finished post, with its image, footnote and table added to the text."""
    text = examples()[SERIES_POST] + "".join("\n" + body for body in fragments().values())
    (root / SERIES_POST).write_text(text, encoding="utf-8")
    shutil.copy(CHART, (root / SERIES_POST).parent / "populism-chart.png")


def make_project(tmp_path: Path) -> Path:
    """The book with the guide's collections and finished post."""
    root = make_book(tmp_path)
    open_collections(root)
    finish_post(root)
    return root
