"""The catalogue of bad input (docs/bad-input.md), shared by the layers that try it.

Every case breaks a copy of a small book with the real ``conf.py`` (tests/roots/test-bad-input)
in one way. ``tests/sphinx/test_bad_input.py`` builds it in-process and checks the exact
warning; ``tests/builds/test_bad_input_commands.py`` runs ``ppblog build`` (what ``make html``
runs) and ``ppblog check`` as an editor would.
"""

from __future__ import annotations

import hashlib
import re
import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from conftest import REPO

ROOT = Path(__file__).parent / "roots" / "test-bad-input"

FIRST = "posts/series/first.md"
SECOND = "posts/series/second.md"
HIGHLIGHT = "posts/hl/diffusion.md"


def replace(project: Path, name: str, old: str, new: str) -> None:
    path = project / name
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {name}"
    path.write_text(text.replace(old, new), encoding="utf-8")


def front_matter_only(project: Path, name: str) -> None:
    path = project / name
    text = path.read_text(encoding="utf-8")
    path.write_text(text[: text.index("---", 3) + 4], encoding="utf-8")


def latin1(project: Path, name: str) -> None:
    path = project / name
    text = path.read_text(encoding="utf-8").replace("matters for", "matters for the café of")
    path.write_bytes(text.encode("latin-1"))


def five_megabytes(project: Path, name: str) -> None:
    paragraph = "A very long post repeats itself. " * 30 + "\n\n"
    with (project / name).open("a", encoding="utf-8") as out:
        out.write("\n" + paragraph * (5_000_000 // len(paragraph)))


def same_file_name(project: Path) -> None:
    text = (project / HIGHLIGHT).read_text(encoding="utf-8")
    (project / "posts/hl/first.md").write_text(
        text.replace("Highlights collection on policy diffusion", "More highlights").replace("2021-05-04", "2021-06-04"),
        encoding="utf-8",
    )


@dataclass(frozen=True)
class Case:
    name: str
    breaks: Callable[[Path], None]
    file: str
    line: int | None
    message: str
    subtype: str

    def check_line(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        return f"{where}: {self.message}"

    def build_line(self, project: Path) -> str:
        where = f"{project / self.file}:{self.line}" if self.line else str(project / self.file)
        return f"{where}: WARNING: {self.message} [ppblog.{self.subtype}]"


DATE_HINT = "write the publication date as YYYY-MM-DD, e.g. date: 2021-05-12"

CASES = [
    Case(
        "malformed YAML",
        lambda p: replace(p, SECOND, 'title: "Strategic management as an enabler"', 'title: "Strategic management: an enabler'),
        SECOND, 2,
        "front matter is not valid YAML (while scanning a quoted scalar: found unexpected end of stream): check quoting and indentation "
        "(a value containing ': ' or starting with a quote or '[' needs quotes)",
        "frontmatter",
    ),
    Case(
        "no front matter",
        lambda p: (p / SECOND).write_text("Strategic management matters for co-creation.\n", encoding="utf-8"),
        SECOND, 1,
        "no front matter: start the file with a '---' line, the fields (title, date, authors, ...), "
        "and another '---' line",
        "frontmatter",
    ),
    Case(
        "missing date",
        lambda p: replace(p, SECOND, "date: 2021-05-19\n", ""),
        SECOND, 1, f"post has no 'date' field: {DATE_HINT}", "frontmatter",
    ),
    Case(
        "impossible date",
        lambda p: replace(p, SECOND, "date: 2021-05-19", "date: 2021-13-45"),
        SECOND, 3, f"field 'date' ('2021-13-45') is not a real date: {DATE_HINT}", "frontmatter",
    ),
    Case(
        "date in words",
        lambda p: replace(p, SECOND, "date: 2021-05-19", "date: May 2021"),
        SECOND, 3, f"field 'date' ('May 2021') is not a real date: {DATE_HINT}", "frontmatter",
    ),
    Case(
        "unknown collection",
        lambda p: replace(p, SECOND, "collection: series", "collection: seris"),
        SECOND, 8,
        "unknown collection 'seris': use the folder name of a collection (known: hl, series)",
        "frontmatter",
    ),
    Case(
        "two posts with the same series position",
        lambda p: replace(p, SECOND, "position: 2", "position: 1"),
        SECOND, 9,
        "position 1 is already taken by posts/series/first in series 'series': give each post its own number",
        "frontmatter",
    ),
    Case(
        "position beyond the planned count",
        lambda p: replace(p, SECOND, "position: 2", "position: 4"),
        SECOND, 9,
        "position 4 is beyond the 3 blogs planned for 'series': fix the position or raise planned_posts "
        "in posts/series/index.md",
        "frontmatter",
    ),
    Case(
        "two posts with the same file name",
        same_file_name,
        "posts/series/first.md", None,
        "file name 'first' is already used by posts/hl/first: rename one of the files "
        "(post addresses and blog labels come from the file name)",
        "frontmatter",
    ),
    Case(
        "two posts with the same title",
        lambda p: replace(p, SECOND, "Strategic management as an enabler", "Digital platforms for public value"),
        SECOND, 2,
        "title 'Digital platforms for public value' is already used by posts/series/first: "
        "give each post its own title",
        "frontmatter",
    ),
    Case(
        "no author",
        lambda p: replace(p, SECOND, "authors:\n  - Edoardo Ongaro", "authors: []"),
        SECOND, 4,
        "field 'authors' is invalid: list every author on a line of their own under 'authors:', "
        "each line starting with '- ', e.g. '  - Albert Meijer'",
        "frontmatter",
    ),
    Case(
        "tags differing only in case",
        lambda p: replace(p, SECOND, "tags: [co-creation, strategic management]",
                          "tags: [co-creation, Public value, public value]"),
        SECOND, 6, "tags 'Public value' and 'public value' differ only in case: keep one spelling", "frontmatter",
    ),
    Case(
        "ABlog's nocomments key",
        lambda p: replace(p, SECOND, "position: 2\n", "position: 2\nnocomments: true\n"),
        SECOND, 10, "unknown field 'nocomments': remove it: this blog has no comments", "frontmatter",
    ),
    Case(
        "ABlog's exclude key",
        lambda p: replace(p, SECOND, "position: 2\n", "position: 2\nexclude: true\n"),
        SECOND, 10,
        "unknown field 'exclude': remove it; to keep a post unpublished, set 'draft: true'",
        "frontmatter",
    ),
    Case(
        "a list-valued author key",
        lambda p: replace(p, SECOND, "position: 2\n", "position: 2\nauthor: [Edoardo Ongaro, Hannah Williams]\n"),
        SECOND, 10,
        "unknown field 'author': use 'authors:' with one '- Name' line per author",
        "frontmatter",
    ),
    Case(
        "a missing image",
        lambda p: replace(p, FIRST, "](chart.png)", "](charts.png)"),
        FIRST, 16,
        "image 'charts.png' not found: put the image file next to the post and check the spelling "
        "of its name (names are case-sensitive)",
        "image",
    ),
    Case(
        "an image without alt text",
        lambda p: replace(p, FIRST, "![A chart of platform users]", "![]"),
        FIRST, 16,
        "image 'chart.png' has no alt text: describe it for readers who cannot see it, "
        "e.g. ![Bar chart of trust in government, 2010-2020](chart.png)",
        "alt",
    ),
    Case(
        "a broken internal link",
        lambda p: replace(p, SECOND, "(first.md)", "(frist.md)"),
        SECOND, 13,
        "link to 'frist.md': there is no such page in the book: check the file name; a link to another "
        "post is written [text](other-post.md), or [text](../<collection>/other-post.md) for a post in "
        "another collection",
        "link",
    ),
    Case(
        "a post in no toctree",
        lambda p: replace(p, "posts/hl/index.md", "```{collection-posts}\n```\n", ""),
        HIGHLIGHT, None,
        "this post is in no toctree, so readers cannot reach it: put a {collection-posts} block in "
        "posts/hl/index.md",
        "toctree",
    ),
    Case(
        "an empty body",
        lambda p: front_matter_only(p, SECOND),
        SECOND, 12,
        "the post has no text: write the post (at least one paragraph) below the front matter's closing '---'",
        "body",
    ),
    Case(
        "a file that is not UTF-8",
        lambda p: latin1(p, SECOND),
        SECOND, 13,
        "the file is not UTF-8 text (byte 0xE9 at column 41 cannot be read): save it with the encoding "
        "UTF-8 (in most editors: Save As, then choose UTF-8)",
        "encoding",
    ),
    Case(
        "a 5 MB post",
        lambda p: five_megabytes(p, SECOND),
        SECOND, None,
        "the file is 5.0 MB, more than the 500 kB a page may have: publish an excerpt and link to the "
        "full text with original_url, or split it into several posts",
        "size",
    ),
]
IDS = [case.name for case in CASES]


def make_project(destination: Path) -> Path:
    """The test root with the real conf.py and _static/."""
    shutil.copytree(ROOT, destination)
    shutil.copy(REPO / "conf.py", destination / "conf.py")
    shutil.copytree(REPO / "_static", destination / "_static")
    return destination


def fingerprint(project: Path) -> dict[str, str]:
    return {
        path.relative_to(project).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(project.rglob("*"))
        if path.is_file() and "_build" not in path.parts
    }


ANSI = re.compile(r"\x1b\[[0-9;]*m")


def warning_lines(text: str) -> list[str]:
    return [line for line in ANSI.sub("", text).splitlines() if line.strip()]
