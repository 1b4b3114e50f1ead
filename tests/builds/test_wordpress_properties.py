"""Generated inputs for the WordPress importer: hostile HTML never becomes MyST that runs or reads
anything, and posts with any titles and slugs get files of their own with valid front matter."""

from __future__ import annotations

import datetime as dt
import shutil
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from markdown_it.renderer import RendererHTML
from myst_parser.config.main import MdParserConfig
from myst_parser.parsers.mdit import create_md_parser

from conftest import REPO
from pp_blog.model import frontmatter as fm
from pp_blog.model.link_policy import unsafe_scheme
from pp_blog.wordpress import convert
from pp_blog.wordpress.importer import Options, plain_title, run_import
from pp_blog.wordpress.synthetic import cdata

# The MyST configuration of conf.py.
MYST = create_md_parser(MdParserConfig(enable_extensions={"colon_fence", "deflist", "smartquotes"}), RendererHTML)

ATTACKS = [
    "<script>alert(1)</script>", '<img src="x" onerror="alert(1)">', '<a href="javascript:alert(1)">x</a>',
    '<a href="java\tscript:alert(1)">x</a>', '<a href="data:text/html,<b>">x</a>', '<iframe src="https://e.org"></iframe>',
    '<iframe src="javascript:alert(1)"></iframe>', "<style>*{}</style>", '<p onmouseover="x()">hover</p>',
    '<svg onload="alert(1)"><circle/></svg>', "<object data='x.swf'></object>", '<a href="/relative">rel</a>',
    '<a href="#somewhere">anchor</a>', '<img src="https://e.org/wp-content/uploads/a.svg" alt="svg">',
    '<img src="data:image/png;base64,AAAA">', "<!-- wp:paragraph -->", "<!-- comment -->", "[caption]",
    "[caption id=x]<img src='https://e.org/i.png'> cap[/caption]", "[gallery ids='1,2']", "[embed]javascript:x[/embed]",
    ":::{raw} html\n<script>x</script>\n:::", "```{include} /etc/passwd\n```", "{eval-rst}`x`", "% comment",
    "(target)=", "+++", "$$x$$", "<table><tr><td colspan=3>a</td></tr><tr><td><p>b</p></td></tr></table>",
    "<ul><li>one<li>two</ul>", "<h6>deep</h6>", "<h1>top</h1>", "<p>a<br>b</p>", "<sup data-fn='q'>1</sup>",
    '<a href="#_ftn1" name="_ftnref1">[1]</a>', "<blockquote>q</blockquote>", "<pre>code\n\nmore</pre>",
    "<u>u</u>", "<dl><dt>t</dt><dd>d</dd></dl>", "&lt;script&gt;", "<math><mi>x</mi></math>", "<video src='v.mp4'></video>",
    "\n\n", "\n", "`", "*", "_", "[", "]", "{", "}", "|", "<", ">", "&",
]
html_inputs = st.lists(
    st.one_of(st.sampled_from(ATTACKS), st.text(st.characters(codec="utf-8", exclude_categories=["Cs"]), max_size=20)),
    max_size=12,
).map("".join)

ALLOWED_DIRECTIVES = ("{figure}", "{list-table}")


def walk(tokens):
    for token in tokens:
        yield token
        yield from walk(token.children or [])


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(content=html_inputs, block_editor=st.booleans())
def test_hostile_html_becomes_myst_that_runs_and_reads_nothing(content, block_editor):
    source = convert.Source("https://blog.example.org", block_editor=block_editor, media_folder="media")
    prepared = convert.prepare(content, source)
    markdown = convert.assemble(prepared, convert.to_markdown(prepared.fragments))
    for token in walk(MYST.parse(markdown)):
        assert token.type not in ("html_block", "html_inline", "myst_role", "myst_target", "myst_line_comment",
                                  "myst_block_break", "math_block", "math_inline"), (token.type, markdown)
        if token.type in ("fence", "colon_fence") and token.info.startswith("{"):
            assert token.info.startswith(ALLOWED_DIRECTIVES), markdown
        for attribute in ("href", "src"):
            address = token.attrGet(attribute) if token.attrs else None
            if address:
                assert unsafe_scheme(str(address)) is None, markdown
                assert str(address).startswith(("http://", "https://", "mailto:", "media/")), markdown
        if token.type == "hardbreak":  # MyST writes it as raw HTML
            raise AssertionError(markdown)


# Characters an XML file can hold (a WordPress export is XML 1.0), including emoji, bidi controls,
# markup and quotes.
xml_text = st.text(
    st.characters(codec="utf-8", exclude_categories=["Cs"], exclude_characters="\x00\ufffe\uffff").filter(
        lambda c: c in "\t\n\r" or ord(c) >= 0x20),
    max_size=40,
)
slugs = st.one_of(st.just(""), st.sampled_from(["same", "%f0%9f%8e%89", "index", "a" * 300]), xml_text)


def export_of(posts: list[tuple[str, str]]) -> str:
    items = "".join(f"""<item><title>{cdata(title)}</title><link>https://blog.example.org/?p={n}</link>
<dc:creator>editor</dc:creator><content:encoded>{cdata("Text of post " + str(n))}</content:encoded>
<wp:post_id>{n}</wp:post_id><wp:post_date>2021-03-0{1 + n % 9} 10:00:00</wp:post_date>
<wp:post_name>{cdata(slug)}</wp:post_name><wp:status>publish</wp:status><wp:post_type>post</wp:post_type>
</item>""" for n, (title, slug) in enumerate(posts, start=1))
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"
 xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.1/"><channel>
<title>t</title><link>https://blog.example.org</link><wp:wxr_version>1.1</wp:wxr_version>
<wp:base_site_url>https://blog.example.org</wp:base_site_url>{items}</channel></rss>"""


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(posts=st.lists(st.tuples(xml_text, slugs), min_size=1, max_size=6))
def test_any_titles_and_slugs_give_one_valid_file_per_post(posts):
    with tempfile.TemporaryDirectory() as work:
        root = Path(work) / "project"
        root.mkdir()
        shutil.copy(REPO / "conf.py", root / "conf.py")
        shutil.copy(REPO / "index.md", root / "index.md")
        shutil.copytree(REPO / "posts", root / "posts")
        export = Path(work) / "export.xml"
        export.write_text(export_of(posts), encoding="utf-8")
        categories = ["Special issue blog series", "Highlights collection", "Blog post"]
        report = run_import(Options(export=export, root=root, categories=categories, today=dt.date(2026, 1, 1)))
        assert report.refused == []
        assert len(report.written) == len(posts) == len(set(report.written))
        records, collections = {}, {}
        for path in sorted(root.glob("posts/*/*.md")):
            docname = path.relative_to(root).with_suffix("").as_posix()
            kind = "collection" if path.name == "index.md" else "post"
            record, problems = fm.read_page(kind, path.read_text(encoding="utf-8"), folder=path.parent.name,
                                            categories=categories)
            assert problems == [], (path, problems)
            (collections if kind == "collection" else records)[docname] = record
        assert fm.validate_site(records, collections) == []
        imported = [records[p.removesuffix(".md")] for p in report.written]
        for (title, _), record in zip(posts, imported):
            # The title as WordPress shows it (entities and tags read, controls removed), made unique.
            shown = plain_title(title)
            assert record["title"] == shown or record["title"].startswith(f"{shown} (") or (
                not shown and record["title"].startswith("Untitled (WordPress post "))
