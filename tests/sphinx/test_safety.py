"""The safety policy (docs/bad-input.md): posts cannot run script or read the build machine.

Each case adds markup to a post (or a docs page) of the bad-input test root and builds it
with the real conf.py. The build must report the problem in one line, and the published
files (pages, search index, feeds, images, downloads) must carry none of it, whatever
route the markup took: Markdown, a MyST directive, or reStructuredText in ``{eval-rst}``.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest
from bad_input_catalogue import make_project, warning_lines

POST = "posts/series/second.md"
DOCS = "docs/about.md"
# Enough '../' to climb from any temporary folder to the root of the file system.
PASSWD = "../" * 40 + "etc/passwd"
SNIPPET_LINE = {POST: 15, DOCS: 5}  # where an appended snippet starts

RAW_IN_POSTS = (
    "raw HTML and raw output are not allowed in posts: write it in Markdown instead "
    "(e.g. *emphasis*, **bold**, [link text](https://...), ![alt text](image.png))"
)


def inserts(name: str, option: str | None = None) -> str:
    what = f"the ':{option}:' option of '{name}'" if option else f"the '{name}' directive"
    return (
        f"{what} is not allowed: it inserts another file into the page; "
        "paste the text into the page itself (as a ``` code block if it is code or data)"
    )


def outside(what: str, target: str) -> str:
    return (
        f"{what} {target!r} is outside the posts/ folder (or in a hidden folder): "
        "put the file next to the page and refer to it by its name"
    )


def scheme(address: str, used: str) -> str:
    return f"link address {address!r} uses {used}, which is not allowed: link to an https:// address"


@dataclass(frozen=True)
class Case:
    name: str
    snippet: str
    expected: list[tuple[int, str, str]]  # (line offset in the snippet, message, subtype)
    page: str = POST


CASES = [
    Case("inline HTML", 'Hello <span onclick="alert(1)">there</span>.', [(0, RAW_IN_POSTS, "raw")]),
    Case("an HTML block", "<script>alert(1)</script>", [(0, RAW_IN_POSTS, "raw")]),
    Case("the raw directive", "```{raw} html\n<script>alert(1)</script>\n```", [(0, RAW_IN_POSTS, "raw")]),
    Case(
        "raw through eval-rst",
        "```{eval-rst}\n.. raw:: html\n\n   <script>alert(1)</script>\n```",
        [(1, RAW_IN_POSTS, "raw")],
    ),
    Case(
        "a raw role through eval-rst",
        "```{eval-rst}\n.. role:: html(raw)\n   :format: html\n\nSee :html:`<script>alert(1)</script>`.\n```",
        [(4, RAW_IN_POSTS, "raw")],
    ),
    Case(
        "raw LaTeX in a post",
        "```{raw} latex\n\\input{/etc/passwd}\n```",
        [(0, RAW_IN_POSTS, "raw")],
    ),
    Case(
        "a javascript: link through eval-rst",
        "```{eval-rst}\nSee `the results <javascript:alert(1)>`_.\n```",
        [(1, scheme("javascript:alert(1)", "javascript:"), "scheme")],
    ),
    Case(
        "a data: link through eval-rst",
        "```{eval-rst}\nSee `the results <data:text/html;base64,PHNjcmlwdD4=>`_.\n```",
        [(1, scheme("data:text/html;base64,PHNjcmlwdD4=", "data:"), "scheme")],
    ),
    Case(
        "a data: image",
        "![A dot](data:image/png;base64,iVBORw0KGgo=)",
        [(0, "image address 'data:image/png;base64,iVBORw0KGgo=' uses data:, which is not allowed: "
             "put the image in a file next to the post", "scheme")],
    ),
    Case("include of /etc/passwd", f"```{{include}} {PASSWD}\n```", [(0, inserts("include"), "file")]),
    Case(
        "include of /etc/passwd through eval-rst",
        f"```{{eval-rst}}\n.. include:: {PASSWD}\n   :literal:\n```",
        [(1, inserts("include"), "file")],
    ),
    Case(
        "literalinclude of /etc/passwd",
        f"```{{literalinclude}} {PASSWD}\n:language: text\n:lines: 1-3\n```",
        [(0, inserts("literalinclude"), "file")],
    ),
    Case(
        "a csv-table read from /etc/passwd",
        f"```{{csv-table}} Users\n:file: {PASSWD}\n```",
        [(0, inserts("csv-table", "file"), "file")],
    ),
    Case("an image of /etc/passwd", f"![The password file]({PASSWD})", [(0, outside("image", PASSWD), "outside")]),
    Case(
        "a download of /etc/passwd",
        f"Get {{download}}`the passwords <{PASSWD}>`.",
        [(0, outside("download", PASSWD), "outside")],
    ),
    Case(
        "a Markdown link to /etc/passwd",
        f"Get [the passwords]({PASSWD}).",
        [(0, outside("download", PASSWD), "outside")],
    ),
    Case(
        "an SVG image",
        "![A diagram](diagram.svg)",
        [(0, "image 'diagram.svg' is a .svg file, which posts may not publish: use one of .gif, .jpeg, .jpg, "
             ".png, .webp (PNG or JPEG for images, PDF for documents)", "filetype")],
    ),
    Case(
        "a download of an HTML file",
        "Get {download}`the page <page.html>`.",
        [(0, "download 'page.html' is a .html file, which posts may not publish: use one of .csv, .docx, .epub, "
             ".gif, .jpeg, .jpg, .odp, .ods, .odt, .pdf, .png, .pptx, .txt, .webp, .xlsx, .zip "
             "(PNG or JPEG for images, PDF for documents)", "filetype")],
    ),
    Case(
        "raw HTML in a colon fence",
        ":::{raw} html\n<script>alert(1)</script>\n:::",
        [(0, RAW_IN_POSTS, "raw")],
    ),
    Case(
        "raw HTML in a docs page",
        "<script>alert(1)</script>",
        [(0, "raw HTML is not allowed in the book: write it in Markdown instead (e.g. *emphasis*, **bold**, "
             "[link text](https://...), ![alt text](image.png))", "raw")],
        DOCS,
    ),
    Case(
        "raw read from /etc/passwd in a docs page",
        f"```{{raw}} latex\n:file: {PASSWD}\n```",
        [(0, inserts("raw", "file"), "file")],
        DOCS,
    ),
]

# What must never reach a published file.
FORBIDDEN = ["<script>alert", "onclick=", "javascript:", "data:text/html", "root:x:0:0", "\\input{/etc/passwd}"]


ACTIVE_FILES = {
    "posts/series/diagram.svg": '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
    "posts/series/page.html": "<script>alert(1)</script>",
}


def append(project: Path, page: str, snippet: str) -> None:
    with (project / page).open("a", encoding="utf-8") as out:
        out.write("\n" + snippet + "\n")


def published_text(outdir: Path) -> dict[str, str]:
    """Every published file made from the pages: not the theme's assets, nor the copies of
    the sources (served as plain text, never run)."""
    return {
        path.relative_to(outdir).as_posix(): path.read_text(encoding="utf-8", errors="replace")
        for path in outdir.rglob("*")
        if path.is_file() and not {"_sources", "_static", ".doctrees"} & set(path.parts)
    }


def build(make_app, project: Path):
    app = make_app("html", srcdir=project, freshenv=True, confoverrides={"nitpicky": True})
    app.build()
    return app


@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_refused_with_one_line_and_absent_from_the_site(case, make_app, tmp_path):
    project = make_project(tmp_path / "project")
    for name, text in ACTIVE_FILES.items():
        (project / name).write_text(text, encoding="utf-8")
    append(project, case.page, case.snippet)
    app = build(make_app, project)
    start = SNIPPET_LINE[case.page]
    assert warning_lines(app.warning.getvalue()) == [
        f"{project / case.page}:{start + offset}: WARNING: {message} [ppblog.{subtype}]"
        for offset, message, subtype in case.expected
    ]
    published = published_text(app.outdir)
    for name, text in published.items():
        for forbidden in FORBIDDEN:
            assert forbidden not in text, f"{forbidden!r} published in {name}"
    assert not [name for name in published if name.endswith("passwd")]


def test_html_comments_are_dropped_silently(make_app, tmp_path):
    project = make_project(tmp_path / "project")
    append(project, POST, "<!-- Note to the editor: check the figures -->")
    app = build(make_app, project)
    assert warning_lines(app.warning.getvalue()) == []
    assert "Note to the editor" not in (app.outdir / "posts/series/second.html").read_text(encoding="utf-8")


def test_docs_pages_may_use_raw_latex_for_print_layout(make_app, tmp_path):
    project = make_project(tmp_path / "project")
    append(project, DOCS, "```{raw} latex\n\\clearpage\n```")
    app = build(make_app, project)
    assert warning_lines(app.warning.getvalue()) == []


def test_an_image_beside_the_post_is_published(make_app, tmp_path):
    project = make_project(tmp_path / "project")
    app = build(make_app, project)
    assert warning_lines(app.warning.getvalue()) == []
    assert (app.outdir / "_images/chart.png").is_file()


def test_a_symbolic_link_out_of_the_book_is_refused(make_app, tmp_path):
    project = make_project(tmp_path / "project")
    (project / "posts/series/users.png").symlink_to("/etc/passwd")
    append(project, POST, "![The users](users.png)")
    app = build(make_app, project)
    assert warning_lines(app.warning.getvalue()) == [
        f"{project / POST}:15: WARNING: {outside('image', 'users.png')} [ppblog.outside]"
    ]
    assert not (app.outdir / "_images/users.png").exists()
