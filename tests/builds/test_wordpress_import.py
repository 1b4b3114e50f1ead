"""`ppblog import wordpress` on the export written for these tests (tests/fixtures/wordpress/blog.xml),
one test per rule of docs/importing.md, run as an editor runs it, into a copy of the project."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from conftest import REPO, ppblog, sphinx_build
from pp_blog.model import frontmatter as fm

FIXTURES = Path(__file__).parent.parent / "fixtures" / "wordpress"
EXPORT = FIXTURES / "blog.xml"
MAP = FIXTURES / "map.toml"
MEDIA = FIXTURES / "uploads"


def copy_project(target: Path) -> Path:
    target.mkdir(parents=True, exist_ok=True)
    for name in ("conf.py", "index.md", "authors.yaml"):
        shutil.copy(REPO / name, target / name)
    for name in ("posts", "docs", "_static"):
        shutil.copytree(REPO / name, target / name)
    return target


def import_into(project: Path, *extra: str, export: Path = EXPORT) -> subprocess.CompletedProcess:
    return ppblog("import", "wordpress", str(export), "--media", str(MEDIA), "--map", str(MAP), *extra, cwd=project)


def snapshot(project: Path) -> dict[str, bytes]:
    return {p.relative_to(project).as_posix(): p.read_bytes() for p in sorted(project.rglob("*"))
            if p.is_file() and "_build" not in p.parts}


def front(path: Path) -> dict:
    return fm.parse_front_matter(path.read_text(encoding="utf-8")).data


@pytest.fixture(scope="module")
def imported(tmp_path_factory):
    project = copy_project(tmp_path_factory.mktemp("imported") / "project")
    result = import_into(project)
    assert result.returncode == 0, result.stderr
    return project, result.stdout


def post(project: Path, path: str) -> tuple[dict, str]:
    text = (project / path).read_text(encoding="utf-8")
    return fm.parse_front_matter(text).data, text.split("---\n", 2)[2]


def test_summary_counts_what_was_written_and_skipped(imported):
    _, output = imported
    assert f"{EXPORT}: 11 post(s) written, 0 updated, 0 unchanged" in output
    assert "drafts: 1, scheduled: 1" in output
    assert ("skipped: 1 attachments, 1 guest author profiles, 1 menu items, 1 pages, 1 password-protected posts, "
            "1 posts already in the book, 1 private posts, 1 trashed posts") in output
    # The post typed in by hand before the import is found by its original address.
    [line] = [line for line in output.splitlines() if "WordPress post 120" in line]
    assert line.startswith("posts/co-creation-special-issue/blog-5-digital-platforms.md: is WordPress post 120 "
                           "'SPECIAL ISSUE BLOG SERIES: Blog 5")
    assert line.endswith("(same original address): not imported again")
    assert "collections created: blog-2020, blog-2021, blog-2031, highlights-2022-policy-learning" in output


def test_series_post_is_placed_by_the_map_with_its_position_and_the_byline_authors(imported):
    project, _ = imported
    data, body = post(project, "posts/co-creation-special-issue/blog-1-co-creation-as-a-strategy.md")
    assert data["title"] == "Co-creation as a strategy"
    assert data["collection"] == "co-creation-special-issue"
    assert data["position"] == 1
    assert data["category"] == "Special issue blog series"
    # The editorial account published it; the authors are the byline's, and the byline is gone.
    assert data["authors"] == ["Jacob Torfing", "Tina Jukić", "Ewan Ferlie"]
    assert "Torfing" not in body and "headshot" not in body
    # WordPress's "Public value" is the book's "public value": one spelling per tag page.
    assert data["tags"] == ["co-creation", "public value"]
    assert data["original_url"] == "https://blog.example.org/2021/04/07/blog-1-co-creation-as-a-strategy/"
    assert data["date"] == "2021-04-07"


def test_tags_take_the_spelling_the_book_already_uses(imported):
    _, output = imported
    assert ("(WordPress post 101 'SPECIAL ISSUE BLOG SERIES: Blog 1 – Co-creation as a strateg'): tag 'Public value' "
            "is spelled 'public value' elsewhere in the book: written 'public value'") in output


def test_classic_editor_paragraphs_lists_captions_and_links(imported):
    project, _ = imported
    _, body = post(project, "posts/co-creation-special-issue/blog-1-co-creation-as-a-strategy.md")
    assert "In our introduction to the special issue" in body
    assert "\n\nThe argument has three parts:\n\n- what co-creation is;\n" in body
    media = "blog-1-co-creation-as-a-strategy-media"
    # [caption] around a resized image: the original file is copied, the caption kept.
    assert f":::{{figure}} {media}/network.png\n:alt: A network of public organisations\n\nFigure 1: the co-creation network\n:::" in body
    assert (project / "posts/co-creation-special-issue" / media / "network.png").read_bytes() == (
        MEDIA / "2021/05/network.png").read_bytes()
    # A relative link becomes the address on the blog; a line break starts a paragraph.
    assert "[next blog](https://blog.example.org/2021/05/12/blog-2/)" in body
    assert "\n\nFirst line of an address\n\nSecond line of the address" in body


def test_block_editor_footnotes_headings_tables_quotes_and_embeds(imported):
    project, output = imported
    data, body = post(project, "posts/blog-2021/mapping-the-evidence.md")
    assert data["title"] == "Mapping the evidence – block editor post"
    assert data["collection"] == "blog-2021" and data["category"] == "Blog post"
    assert data["tags"] == ["evidence", "News"]  # a category no rule uses becomes a tag
    assert "<!--" not in body and "wp:" not in body
    assert "A block editor post with a footnote[^1] and **bold** text." in body
    assert "[^1]: Mallinson, *Growth and gaps*, 2021." in body
    assert "\n## Findings\n" in body  # h4 right after the title becomes h2
    assert "| State | Year |" in body
    assert "::::{list-table}" in body and "First paragraph\n\n    Second paragraph" in body
    assert "> Policy diffuses through networks." in body
    assert "\n<https://www.youtube.com/watch?v=abc123>\n" in body
    assert "embedded https://www.youtube.com/watch?v=abc123 is shown as a link" in output
    # An image missing from --media stays a link, and is reported.
    assert "[A photograph that was never uploaded](https://blog.example.org/wp-content/uploads/2021/05/missing.jpg)" in body
    label = "posts/blog-2021/mapping-the-evidence.md (WordPress post 102 'Mapping the evidence – block editor post')"
    assert f"{label}: image 2021/05/missing.jpg is not in the --media folder: kept as a link" in output
    assert f"{label}: a table with merged cells: each merged cell is shown once, the rest left empty" in output


def test_hostile_markup_is_removed_and_each_removal_reported(imported):
    project, output = imported
    _, body = post(project, "posts/blog-2021/hostile.md")
    for refused in ("script", "onclick", "onerror", "javascript", "iframe", "display: none"):
        assert refused not in body.lower()
    assert "Click here or there." in body
    # MyST syntax written as text stays text.
    assert "\\:::{include} /etc/passwd" in body and "\\% not a comment" in body and "\\(a-target)=" in body
    label = "posts/blog-2021/hostile.md (WordPress post 103 'A post with hostile markup')"
    reported = [line.removeprefix(label + ": ") for line in output.splitlines() if line.startswith(label)]
    assert reported == [
        "removed the event handler onclick= of <p>",
        "removed <script> (not allowed in the book)",
        "removed <iframe> https://evil.example.com/frame: shown as a link",
        "removed the event handler onerror= of <img>",
        "removed <style> (not allowed in the book)",
        "image https://blog.example.org/x.png is not on this blog's uploads: kept as a link",
        "removed a javascript: link (its text is kept): 'here'",
        "removed a javascript: link (its text is kept): 'there'",
        "no tags in WordPress: tagged 'untagged'; give the post its tags",
    ]


def test_co_authors_word_footnotes_and_shortcodes(imported):
    project, output = imported
    data, body = post(project, "posts/blog-2020/co-authors.md")
    assert data["authors"] == ["Jane Smith", "Matthew Kavanagh"]  # a guest author's display name
    assert data["tags"] == ["untagged"]  # "Uncategorized" is no tag, and the book needs one
    assert "no tags in WordPress: tagged 'untagged'; give the post its tags" in output
    assert "Word-style footnotes[^1] from a pasted document." in body
    assert "[^1]: The note's text, with a [source](https://example.org/source)." in body
    assert "_ftn" not in body and "[1]" not in body
    assert "Quoted words" in body
    assert "shortcode [pullquote] is not known to the importer: removed, its text kept" in output


def test_author_names_with_commas_and_a_new_highlights_collection(imported):
    project, output = imported
    data, _ = post(project, "posts/highlights-2022-policy-learning/highlights-policy-learning.md")
    assert data["authors"] == ["Sarah Brown"]
    assert data["category"] == "Highlights collection"
    landing = (project / "posts/highlights-2022-policy-learning/index.md").read_text(encoding="utf-8")
    record, problems = fm.read_page("collection", landing, folder="highlights-2022-policy-learning", categories=None)
    assert problems == [] and record["theme"] == "policy learning"
    assert "author 'Brown, Sarah' has a comma" in output


def test_posts_never_share_a_file_or_a_title(imported):
    project, output = imported
    titles = {}
    for path in sorted(project.glob("posts/blog-2021/*.md")):
        if path.name != "index.md":
            titles[path.name] = front(path)["title"]
    assert titles["same.md"] == "Same slug, first"
    assert titles["same-107.md"] == "Same slug, second"
    assert titles["post.md"] == "🎉"  # an emoji slug has no letters for a file name
    assert titles["same-slug-first.md"] == "Same slug, first (4 July 2021)"
    assert "another post is titled 'Same slug, first': titled 'Same slug, first (4 July 2021)'" in output


def test_drafts_and_scheduled_posts(imported):
    project, _ = imported
    assert front(project / "posts/blog-2021/a-draft.md")["draft"] is True
    scheduled = front(project / "posts/blog-2031/a-scheduled-post.md")
    assert scheduled["date"] == "2031-01-05" and "draft" not in scheduled  # published on its day
    for missing in ("private", "protected", "trashed", "about", "home"):
        assert not list(project.glob(f"posts/*/{missing}*.md"))


def test_new_collections_are_valid_and_the_front_page_is_left_alone(imported):
    project, _ = imported
    landing = (project / "posts/blog-2021/index.md").read_text(encoding="utf-8")
    record, problems = fm.read_page("collection", landing, folder="blog-2021", categories=None)
    assert problems == [] and record["kind"] == "year" and record["year"] == 2021
    # The book lists collections from their landing pages ({collections}): nothing to add by hand.
    assert (project / "index.md").read_text(encoding="utf-8") == (REPO / "index.md").read_text(encoding="utf-8")


def test_the_imported_book_checks_and_builds_without_a_warning(imported, tmp_path):
    project, _ = imported
    check = ppblog("check", cwd=project)
    assert check.returncode == 0, check.stderr
    result = sphinx_build(project, tmp_path / "html")
    assert result.returncode == 0, result.stderr
    assert "WARNING" not in result.stderr, result.stderr
    page = BeautifulSoup((tmp_path / "html/posts/blog-2021/mapping-the-evidence.html").read_text(encoding="utf-8"),
                         "html.parser")
    article = page.select_one("article")
    assert article.select_one("figure img")["alt"] == "Bar chart of adoption by state"
    assert article.select_one("figure figcaption").get_text(strip=True).rstrip("#") == "Adoption by state, 2010–2020"
    assert len(article.select("table")) == 2
    assert article.select_one("aside.footnote, .footnote-list, .footnote") is not None
    assert page.select_one(".pp-year-context a").get_text(strip=True) == "Posts of 2021"
    landing = BeautifulSoup((tmp_path / "html/posts/blog-2021/index.html").read_text(encoding="utf-8"), "html.parser")
    titles = [a.get_text(strip=True) for a in landing.select(".pp-collection-posts .pp-listing-title a")]
    assert "Mapping the evidence – block editor post" in titles and "A draft" not in titles
    details = landing.select_one(".pp-collection-details").get_text(" ", strip=True)
    assert "Year 2021" in details
    hostile = BeautifulSoup((tmp_path / "html/posts/blog-2021/hostile.html").read_text(encoding="utf-8"),
                            "html.parser").select_one("article")
    assert hostile.find(["script", "iframe", "style"]) is None
    assert "javascript:" not in str(hostile)
    assert [a for tag in hostile.find_all(True) for a in tag.attrs if a.startswith("on")] == []
    assert [a["href"] for a in hostile.select("a.external")][:2] == ["https://evil.example.com/frame",
                                                                      "https://blog.example.org/x.png"]
    series = BeautifulSoup((tmp_path / "html/posts/co-creation-special-issue/blog-1-co-creation-as-a-strategy.html")
                           .read_text(encoding="utf-8"), "html.parser")
    assert series.select_one(".pp-series-position").get_text(" ", strip=True).startswith("Blog 1 of 7")


def test_reimporting_the_same_export_changes_nothing(imported):
    project, _ = imported
    before = snapshot(project)
    result = import_into(project)
    assert result.returncode == 0, result.stderr
    assert f"{EXPORT}: 0 post(s) written, 0 updated, 11 unchanged" in result.stdout
    assert snapshot(project) == before


def newer_export(tmp_path: Path) -> Path:
    text = EXPORT.read_text(encoding="utf-8")
    text = text.replace("The first post named same.", "The first post named same, corrected in WordPress.")
    text = text.replace("The second post named same.", "The second post named same, corrected too.")
    new_item = text.split("\t<item>", 7)[6]  # the post "Same slug, first" as a model
    added = new_item.replace("<wp:post_id>106</wp:post_id>", "<wp:post_id>200</wp:post_id>").replace(
        "Same slug, first", "A new post").replace("The first post named same", "Added later").replace(
        "<![CDATA[same]]></wp:post_name>", "<![CDATA[a-new-post]]></wp:post_name>")
    text = text.replace("</channel>", f"\t<item>{added}</channel>".replace("</item>\n\t<item>", "</item>\n"), 1)
    path = tmp_path / "newer.xml"
    path.write_text(text, encoding="utf-8")
    return path


def test_a_newer_export_adds_and_updates_but_keeps_posts_edited_here(tmp_path):
    project = copy_project(tmp_path / "project")
    assert import_into(project).returncode == 0
    edited = project / "posts/blog-2021/same-107.md"
    edited.write_text(edited.read_text(encoding="utf-8") + "\nAn editor's addition.\n", encoding="utf-8")
    mine = edited.read_text(encoding="utf-8")
    newer = newer_export(tmp_path)
    result = import_into(project, export=newer)
    assert result.returncode == 0, result.stderr
    assert f"{newer}: 1 post(s) written, 1 updated, 9 unchanged" in result.stdout
    assert ("posts/blog-2021/same-107.md: edited here since it was imported, and changed in WordPress: "
            "kept as it is here (--force overwrites it)") in result.stdout
    assert edited.read_text(encoding="utf-8") == mine
    assert "corrected in WordPress" in (project / "posts/blog-2021/same.md").read_text(encoding="utf-8")
    assert front(project / "posts/blog-2021/a-new-post.md")["title"] == "A new post"
    forced = import_into(project, "--force", export=newer)
    assert forced.returncode == 0
    assert "corrected too" in edited.read_text(encoding="utf-8")
    assert "An editor's addition" not in edited.read_text(encoding="utf-8")


def test_dry_run_writes_nothing(tmp_path):
    project = copy_project(tmp_path / "project")
    before = snapshot(project)
    result = import_into(project, "--dry-run")
    assert result.returncode == 0, result.stderr
    assert f"{EXPORT}: 11 post(s) would be written" in result.stdout
    assert "dry run: nothing was written" in result.stdout
    assert snapshot(project) == before


GOOD_HEAD = EXPORT.read_text(encoding="utf-8")


@pytest.mark.parametrize("name, text, problem", [
    ("truncated.xml", GOOD_HEAD[: len(GOOD_HEAD) // 2],
     "is not well-formed XML (line {line}..."),
    ("malformed.xml", '<?xml version="1.0"?>\n<rss><channel><title>x</titel></channel></rss>',
     "is not well-formed XML (line 2, column 24: mismatched tag); the file may be truncated or edited: "
     "export the blog again from WordPress"),
    ("feed.xml", '<?xml version="1.0"?><rss version="2.0"><channel><title>A feed</title><item><title>x</title>'
     "</item></channel></rss>",
     "is an RSS feed, not a WordPress export (WXR): use Tools → Export in WordPress"),
    ("other.xml", '<?xml version="1.0"?><html><body/></html>',
     "is not a WordPress export (WXR): it has no <rss><channel>; use Tools → Export in WordPress"),
    ("future.xml", GOOD_HEAD.replace("export/1.2/", "export/1.9/").replace(">1.2<", ">1.9<"),
     "uses WXR version 1.9, which this importer does not know (it reads 1.0, 1.1, 1.2): export from a "
     "WordPress that writes one of them"),
    ("bomb.xml", '<?xml version="1.0"?>\n<!DOCTYPE rss [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;">]>'
     "\n<rss><channel><title>&b;</title></channel></rss>",
     "declares a document type or XML entities, which a WordPress export never does (an entity bomb or an "
     "external entity?): export the blog again from WordPress (Tools → Export)"),
    ("external.xml", '<?xml version="1.0"?>\n<!DOCTYPE rss [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
     "\n<rss><channel><title>&x;</title></channel></rss>",
     "declares a document type or XML entities, which a WordPress export never does (an entity bomb or an "
     "external entity?): export the blog again from WordPress (Tools → Export)"),
    ("external-dtd.xml", '<?xml version="1.0"?>\n<!DOCTYPE rss SYSTEM "file:///etc/passwd">\n<rss><channel/></rss>',
     "declares a document type or XML entities, which a WordPress export never does (an entity bomb or an "
     "external entity?): export the blog again from WordPress (Tools → Export)"),
    ("binary.xml", "\x00\x01 not xml at all",
     "is not well-formed XML (line 1, column 0: not well-formed (invalid token)); the file may be truncated or "
     "edited: export the blog again from WordPress"),
])
def test_a_bad_export_is_one_line_a_failure_and_nothing_written(tmp_path, name, text, problem):
    project = copy_project(tmp_path / "project")
    export = tmp_path / name
    export.write_text(text, encoding="utf-8")
    before = snapshot(project)
    result = import_into(project, export=export)
    assert result.returncode == 2
    lines = result.stderr.splitlines()
    assert len(lines) == 2 and lines[1] == "nothing was written"
    if "{line}" in problem:
        assert lines[0].startswith(f"{export}: is not well-formed XML (line ") and lines[0].endswith(
            "); the file may be truncated or edited: export the blog again from WordPress")
    else:
        assert lines[0] == f"{export}: {problem}"
    assert "Traceback" not in result.stderr
    assert snapshot(project) == before


@pytest.mark.parametrize("version, scheme", [("1.0", "http"), ("1.1", "https"), ("1.2", "https")])
def test_every_known_wxr_version_and_namespace_scheme_is_read(tmp_path, version, scheme):
    from pp_blog.wordpress.wxr import read_export

    text = GOOD_HEAD.replace("http://wordpress.org/export/1.2/", f"{scheme}://wordpress.org/export/{version}/")
    text = text.replace("http://purl.org/", f"{scheme}://purl.org/").replace(">1.2<", f">{version}<")
    path = tmp_path / "export.xml"
    path.write_text(text, encoding="utf-8")
    export = read_export(path)
    assert export.version == version
    assert export.authors["policypressblog"] == "P&P Eds"
    first = export.items[0]
    assert first.post_id == 101 and first.creator == "policypressblog" and "Jacob Torfing" in first.content


@pytest.mark.parametrize("map_text, problem", [
    ("rule = 3", "rules are written [[rule]], one block per rule"),
    ("[[rule]]\ncollection = \"nowhere\"\ntags = [\"x\"]\n",
     "rule 1 names the collection 'nowhere', which the book does not have: declare it under "
     "[collections.nowhere] (see docs/importing.md)"),
    ("[[rule]]\ncollection = \"blog-2021\"\n", "rule 1 matches every post: give categories, tags or a title pattern"),
    ("[[rule]]\ncollection = \"co-creation-special-issue\"\ntitle = \"(\"\n",
     "rule 1: title is not a valid regular expression (missing ), unterminated subpattern at position 0): "
     "see docs/importing.md"),
    ("[[rule]]\ncollection = \"new-one\"\ntags = [\"x\"]\n[collections.new-one]\ntitle = \"New\"\nkind = \"highlights\"\n",
     "[collections.new-one]: collection declaration: 'journal' is a required property; see docs/front-matter.md"),
    ("editorial_accounts = [\n", "is not valid TOML"),
])
def test_a_bad_map_is_one_line_a_failure_and_nothing_written(tmp_path, map_text, problem):
    project = copy_project(tmp_path / "project")
    map_file = tmp_path / "map.toml"
    map_file.write_text(map_text, encoding="utf-8")
    before = snapshot(project)
    result = ppblog("import", "wordpress", str(EXPORT), "--map", str(map_file), cwd=project)
    assert result.returncode == 2
    first = result.stderr.splitlines()[0]
    assert first.startswith(f"{map_file}: {problem}"), first
    assert snapshot(project) == before


def test_the_example_map_of_the_docs_is_valid_for_this_book(tmp_path):
    """docs/importing.md's example map: read, its rules' collections known or declared, and the
    landing page it declares valid."""
    from pp_blog.cli import read_categories
    from pp_blog.wordpress.importer import Importer, Options
    from pp_blog.wordpress.mapping import read_map

    guide = (REPO / "docs" / "importing.md").read_text(encoding="utf-8")
    example = guide.split("```toml\n", 1)[1].split("\n```\n", 1)[0]
    map_file = tmp_path / "map.toml"
    map_file.write_text(example, encoding="utf-8")
    parsed = read_map(map_file)
    assert parsed.editorial_accounts == ["policypressblog"]
    assert [rule.collection for rule in parsed.rules] == [
        "co-creation-special-issue", "highlights-2021-policy-diffusion", "transformational-change-special-issue"]
    series = parsed.rules[0]
    title = "SPECIAL ISSUE BLOG SERIES: Blog 5 – Digital platforms for the co-creation of public value"
    assert series.matches(title, ["Special issue blog series"], [])
    assert series.position_in(title) == 5
    assert series.cleaned_title(title) == "Digital platforms for the co-creation of public value"
    importer = Importer(Options(export=EXPORT, root=REPO, categories=read_categories(REPO), map=map_file))
    importer.check_map_collections()  # raises ImportFailure on a problem
    assert "transformational-change-special-issue" in importer.new_collections


def test_a_post_the_map_now_places_elsewhere_moves_with_its_record(tmp_path):
    project = copy_project(tmp_path / "project")
    assert import_into(project).returncode == 0
    moved_map = tmp_path / "map.toml"
    moved_map.write_text(MAP.read_text(encoding="utf-8") + '''
[[rule]]
collection = "highlights-2022-policy-learning"
title = "^Same slug, second$"
''', encoding="utf-8")
    result = ppblog("import", "wordpress", str(EXPORT), "--media", str(MEDIA), "--map", str(moved_map), cwd=project)
    assert result.returncode == 0, result.stderr
    assert f"{EXPORT}: 0 post(s) written, 1 updated, 10 unchanged" in result.stdout
    assert not (project / "posts/blog-2021/same-107.md").exists()
    data = front(project / "posts/highlights-2022-policy-learning/same-107.md")
    assert data["collection"] == "highlights-2022-policy-learning" and data["category"] == "Highlights collection"
    assert ppblog("check", cwd=project).returncode == 0
