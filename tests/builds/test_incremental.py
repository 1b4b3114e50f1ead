"""Incremental builds give the same site as a clean build, whatever changed.

For each kind of change a small generated archive is built, changed, and built again
incrementally (the doctree folder shows that only some documents were read again); a clean
build of the changed project is made next to it. The two output folders must hold the same files with the same
bytes: every HTML page (posts, landing pages, ABlog's archive, tag and author pages), the
search index and the feeds. Nothing is normalised: any difference is a stale page.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from conftest import REPO, sphinx_build
from pp_blog import synthetic

# 12 posts in four collections of three: series-001, highlights-002, series-003, highlights-004.
POSTS, PER_COLLECTION = 12, 3


def post_path(project: Path, number: int) -> Path:
    return next((project / "posts").glob(f"*/post-{number:05d}.md"))


def landing_toctree(landing: Path, edit) -> None:
    """Apply ``edit`` to the lines of a landing page's explicit toctree, if it has one
    (a landing page whose listing comes from its folder needs no change)."""
    source = landing.read_text(encoding="utf-8")
    block = re.search(r"```\{toctree\}\n(.*?)```", source, re.S)
    if block:
        lines = edit(block.group(1).splitlines())
        landing.write_text(source[: block.start(1)] + "".join(f"{line}\n" for line in lines) + source[block.end(1):],
                           encoding="utf-8")


def set_field(path: Path, field: str, value: str) -> None:
    text = path.read_text(encoding="utf-8")
    text, count = re.subn(rf"^{field}: .*$", f"{field}: {value}", text, count=1, flags=re.M)
    assert count == 1, f"{path} has no {field}"
    path.write_text(text, encoding="utf-8")


def edit_body(project: Path) -> None:
    path = post_path(project, 5)
    path.write_text(path.read_text(encoding="utf-8") + "\nA closing remark about zebrafish governance.\n",
                    encoding="utf-8")


def add_post(project: Path) -> None:
    """A new post, the newest of the archive, in the last collection."""
    folder = project / "posts" / "highlights-004"
    text = post_path(project, 12).read_text(encoding="utf-8")
    text = re.sub(r'^title: .*$', 'title: "A newly added post on zebrafish governance"', text, count=1, flags=re.M)
    text = re.sub(r"^date: .*$", "date: 2016-06-01", text, count=1, flags=re.M)
    (folder / "post-00013.md").write_text(text, encoding="utf-8")
    landing_toctree(folder / "index.md", lambda lines: [*lines, "post-00013"])


def change_title(project: Path) -> None:
    set_field(post_path(project, 6), "title", '"A renamed post about zebrafish governance"')


def change_tags(project: Path) -> None:
    set_field(post_path(project, 7), "tags", '["zebrafish studies", "governance"]')


def change_collection(project: Path) -> None:
    """Move post 5 from highlights-002 to highlights-004 (highlights have no positions)."""
    source = post_path(project, 5)
    target = project / "posts" / "highlights-004" / source.name
    source.rename(target)
    set_field(target, "collection", "highlights-004")
    landing_toctree(project / "posts" / "highlights-002" / "index.md",
                    lambda lines: [line for line in lines if line != "post-00005"])
    landing_toctree(project / "posts" / "highlights-004" / "index.md", lambda lines: [*lines, "post-00005"])


def delete_post(project: Path) -> None:
    path = post_path(project, 8)
    path.unlink()
    landing_toctree(path.parent / "index.md", lambda lines: [line for line in lines if line != "post-00008"])


def make_draft(project: Path) -> None:
    """Post 9 goes back to being a draft: it leaves the site, as if deleted."""
    path = post_path(project, 9)
    path.write_text(path.read_text(encoding="utf-8").replace("\n---\n", "\ndraft: true\n---\n", 1), encoding="utf-8")
    landing_toctree(path.parent / "index.md", lambda lines: [line for line in lines if line != "post-00009"])


def change_date_format(project: Path) -> None:
    """An ABlog setting that every archive page shows; Sphinx reads everything again."""
    conf = project / "conf.py"
    conf.write_text(conf.read_text(encoding="utf-8") + '\npost_date_format = "%Y-%m-%d"\n', encoding="utf-8")


def short_list_pages(project: Path) -> None:
    """Archive lists of two posts a page: the twelve posts' lists then run over several pages."""
    with (project / "conf.py").open("a", encoding="utf-8") as conf:
        conf.write("\nppblog_posts_per_list_page = 2\n")


def output_files(outdir: Path) -> dict[str, bytes]:
    # The doctrees and the environment are the build's working state, not the site.
    return {
        path.relative_to(outdir).as_posix(): path.read_bytes()
        for path in sorted(outdir.rglob("*"))
        if path.is_file() and ".doctrees" not in path.relative_to(outdir).parts
    }


@pytest.mark.parametrize(
    "change",
    [edit_body, add_post, change_title, change_tags, change_collection, delete_post, make_draft, change_date_format],
    ids=lambda change: change.__name__,
)
def test_incremental_build_equals_clean_build(tmp_path: Path, change) -> None:
    # Built where it stays: Sphinx starts afresh when its source folder moves.
    project = tmp_path / "project"
    synthetic.generate(project, POSTS, template_root=REPO, per_collection=PER_COLLECTION)
    short_list_pages(project)
    first = sphinx_build(project, project / "_build")
    assert first.returncode == 0, first.stderr
    doctrees = project / "_build" / ".doctrees"
    read_before = {path: path.stat().st_mtime_ns for path in doctrees.rglob("*.doctree")}
    change(project)

    incremental = sphinx_build(project, project / "_build")
    assert incremental.returncode == 0, incremental.stderr
    read_again = [path for path, mtime in read_before.items() if path.exists() and path.stat().st_mtime_ns != mtime]
    # Settings, and the set of drafts (kept out through exclude_patterns), are configuration.
    if change not in (change_date_format, make_draft):
        assert len(read_again) < len(read_before) / 2, "the second build read everything again"
    clean = sphinx_build(project, tmp_path / "clean")
    assert clean.returncode == 0, clean.stderr

    expected, actual = output_files(tmp_path / "clean"), output_files(project / "_build")
    assert sorted(actual) == sorted(expected)
    stale = [name for name in expected if actual[name] != expected[name]]
    assert stale == [], f"pages that differ from a clean build after {change.__name__}: {stale}"


def archive_pages(outdir: Path) -> dict[Path, int]:
    """ABlog's pages (all posts, years, tags, authors, categories) and their modification times."""
    pages = [outdir / "blog.html", *(outdir / "blog").rglob("*.html")]
    return {page: page.stat().st_mtime_ns for page in pages if page.exists()}


def test_archive_pages_are_written_again_only_where_the_changed_post_is_listed(tmp_path: Path) -> None:
    project = tmp_path / "project"
    synthetic.generate(project, POSTS, template_root=REPO, per_collection=PER_COLLECTION)
    outdir = project / "_build"
    assert sphinx_build(project, outdir).returncode == 0
    built = archive_pages(outdir)

    assert sphinx_build(project, outdir).returncode == 0
    assert archive_pages(outdir) == built, "a rebuild with nothing changed wrote archive pages"

    # The archive pages list a post by its title, date, authors and tags, without its text.
    path = post_path(project, 5)
    path.write_text(path.read_text(encoding="utf-8").replace("---\n\n", "---\n\nZebrafish first. ", 1),
                    encoding="utf-8")
    assert sphinx_build(project, outdir).returncode == 0
    assert archive_pages(outdir) == built, "an edit of a post's text wrote archive pages"

    source = path.read_text(encoding="utf-8")
    assert '\ntitle: "' in source
    path.write_text(source.replace('\ntitle: "', '\ntitle: "Zebrafish ', 1), encoding="utf-8")
    assert sphinx_build(project, outdir).returncode == 0
    written = {page for page, mtime in archive_pages(outdir).items() if built.get(page) != mtime}
    # The pages that list the post: all posts, its year, tags, authors and category, and the
    # indexes of tags, authors, categories and years.
    listing = {page for page in built if f"{path.stem}.html" in page.read_text(encoding="utf-8")}
    assert any("Zebrafish" in page.read_text(encoding="utf-8") for page in listing)
    assert written == listing


def test_a_new_post_rewrites_no_older_page_of_a_list(tmp_path: Path) -> None:
    """The older pages of a list are counted from its oldest post: a new post changes the first
    page of each list it is on, and adds an older page when that first page is full."""
    project = tmp_path / "project"
    synthetic.generate(project, POSTS, template_root=REPO, per_collection=PER_COLLECTION)
    short_list_pages(project)
    outdir = project / "_build"
    assert sphinx_build(project, outdir).returncode == 0
    built = {page: mtime for page, mtime in archive_pages(outdir).items() if "/page-" in page.as_posix()}
    assert outdir / "blog/page-1.html" in built
    add_post(project)
    # The newest post, in the year the archive already spans (a new year changes every page's
    # footer, and so every page).
    set_field(project / "posts/highlights-004/post-00013.md", "date", "2015-12-01")
    assert sphinx_build(project, outdir).returncode == 0
    after = archive_pages(outdir)
    assert [page for page, mtime in built.items() if after.get(page) != mtime] == []
