"""Print: the whole book and one PDF edition per collection.

- the LaTeX builder on a small test root (tests/roots/test-pdf-editions), checking the .tex
  files it writes, without TeX;
- ``make pdf`` on the real book, once per session, and the PDFs read back with poppler
  (pdftotext, pdfinfo, pdffonts) as a reader or an editor would check them.
"""

from __future__ import annotations

import datetime as dt
import re
import subprocess
from pathlib import Path

import pytest
from markdown_it import MarkdownIt
from pypdf import PdfReader

from pp_blog.model import frontmatter as fm

from conftest import REPO, sphinx_build

ROOT = REPO / "tests" / "roots" / "test-pdf-editions"

# --- the LaTeX builder on the test root (fast) -------------------------------------------


@pytest.fixture(scope="module")
def tex(tmp_path_factory) -> dict[str, str]:
    """The test root built with `-nW`: every .tex file it wrote, by name."""
    outdir = tmp_path_factory.mktemp("pdf-editions")
    result = sphinx_build(ROOT, outdir, "latex")
    assert result.returncode == 0, result.stderr
    assert "WARNING" not in result.stderr, result.stderr
    return {path.name: path.read_text(encoding="utf-8") for path in outdir.glob("*.tex")}


def headings(source: str) -> list[tuple[str, str]]:
    """The parts and chapters of a .tex file, in order, as (level, title)."""
    return re.findall(r"^\\(part|chapter)\{(.*)\}$", source, flags=re.MULTILINE)


def title_page(source: str) -> list[str]:
    """The six fields of the edition's \\ppmaketitle call."""
    line = next(line for line in source.splitlines() if line.startswith(r"\ppmaketitle"))
    return re.findall(r"\{((?:[^{}]|\{[^{}]*\})*)\}", line.removeprefix(r"\ppmaketitle"))


def test_each_declared_collection_gets_an_edition_without_editing_conf(tex):
    # conf.py of the root lists only the whole book.
    assert sorted(tex) == ["climate-highlights.tex", "print-test.tex", "trust-series.tex"]


def test_book_prints_collections_as_parts_and_posts_as_chapters_in_reading_order(tex):
    assert headings(tex["print-test.tex"]) == [
        ("part", r"Trust \& legitimacy: a special issue"),
        ("chapter", "First words on trust"),
        ("chapter", "Second thoughts on trust"),
        ("part", "Highlights: climate policy"),
        ("chapter", "Warming to policy"),
    ]
    assert "The front page’s own words, printed before the collections." in tex["print-test.tex"]


def test_edition_holds_its_collection_only(tex):
    assert headings(tex["trust-series.tex"]) == [
        ("part", r"Trust \& legitimacy: a special issue"),
        ("chapter", "First words on trust"),
        ("chapter", "Second thoughts on trust"),
    ]
    assert headings(tex["climate-highlights.tex"]) == [
        ("part", "Highlights: climate policy"),
        ("chapter", "Warming to policy"),
    ]


@pytest.mark.parametrize("name", ["print-test.tex", "trust-series.tex", "climate-highlights.tex"])
def test_nothing_web_only_is_printed(tex, name):
    source = tex[name]
    for web_only in ("Recent posts", "Browse", "All posts by date", "Tags:", "https://example.org/blog/",
                     "A guide for authors", "The posts"):
        assert web_only not in source
    # The landing page's list of its posts (the contents list them in print).
    assert "Ana Novak · 11 November 2020" not in source


@pytest.mark.parametrize("name", ["print-test.tex", "trust-series.tex", "climate-highlights.tex"])
def test_every_internal_link_has_its_target_in_the_same_pdf(tex, name):
    source = tex[name]
    targets = set(re.findall(r"\\hyperref\[\\detokenize\{([^}]*)\}\]", source))
    labels = set(re.findall(r"\\label\{\\detokenize\{([^}]*)\}\}", source))
    assert targets and targets <= labels


def test_link_to_a_post_in_another_edition_prints_its_title(tex):
    assert r"The climate post \DUrole{pp-outside-edition}{Warming to policy} is in another collection." in (
        tex["trust-series.tex"]
    )
    assert r"It links back to \DUrole{pp-outside-edition}{First words on trust}." in tex["climate-highlights.tex"]
    assert r"On trust, see \DUrole{pp-outside-edition}{A section inside the post}." in tex["climate-highlights.tex"]
    # In the whole book both posts are there, so the links stay links.
    assert r"\sphinxcrossref{\DUrole{doc}{Warming to policy}}" in tex["print-test.tex"]


def test_special_issue_title_page_carries_the_issue_details(tex):
    title, what, details, authors, date, pdf_date = title_page(tex["trust-series.tex"])
    assert title == r"Trust \& legitimacy: a special issue"
    assert what == "Special issue blog series"
    assert details.split(r"\par ") == [
        r"Policy \& Politics, volume 3, issue 1, November 2020",
        "Guest editors: Ana Novak and Tina Jukić",
        "2 of the 5 blogs of the series",
    ]
    assert authors == "Ana Novak and Tina Jukić"
    # Dated by its newest post (conf.py sets no edition date).
    assert (date, pdf_date) == ("Edition of 18 November 2020", "D:20201118000000Z")
    # The running heads use the short title.
    assert r"\title{Trust series}" in tex["trust-series.tex"]


def test_highlights_title_page_carries_period_and_theme(tex):
    title, what, details, authors, *_ = title_page(tex["climate-highlights.tex"])
    assert (title, what, authors) == ("Highlights: climate policy", "Highlights collection", "Sarah Brown")
    assert details.split(r"\par ") == [
        r"Policy \& Politics", "1 November 2021 – 31 January 2022", "Theme: climate policy",
    ]


def test_book_title_page_is_the_configured_one(tex):
    assert title_page(tex["print-test.tex"]) == [
        r"Trust \& climate blog", "3 posts in 2 collections", "", r"Editors \& co",
        "Edition of 2 November 2021", "D:20211102000000Z",
    ]


def test_edition_date_follows_the_content_not_the_day_of_the_build(tex):
    today = dt.date.today()
    dates = {"print-test.tex": "2 November 2021", "climate-highlights.tex": "2 November 2021",
             "trust-series.tex": "18 November 2020"}
    for name, source in tex.items():
        assert rf"\date{{{dates[name]}}}" in source
        assert f"{today.day} {today:%B %Y}" not in source
        assert f"{today:%b} {today.day:02d}, {today.year}" not in source


def test_under_each_post_title_the_original_post_and_the_article_doi(tex):
    source = tex["trust-series.tex"]
    chapter = source[source.index(r"\chapter{Second thoughts on trust}"):]
    heading = chapter[:chapter.index("Trust “matters”")]
    assert r"By \DUrole{pp-author}{Ana Novak} (University of Ljubljana) and \DUrole{pp-author}{Tina Jukić}" in heading
    assert r"\DUrole{pp-date}{18 November 2020}" in heading
    assert r"\sphinxstylestrong{Blog 2 of 5}" in heading
    assert r"Original post: \sphinxurl{https://example.org/2020/11/18/second-thoughts-on-trust/}" in heading
    # The DOI reads as its address, without a footnote marker glued to the number.
    assert r"The article: \sphinxurl{https://doi.org/10.1332/030557320X15999999999999}" in heading


def test_sections_inside_a_post_stay_below_its_chapter(tex):
    assert r"\section{A section inside the post}" in tex["trust-series.tex"]


@pytest.mark.parametrize("value", ["2021-13-01", "1 August 2021"])
def test_bad_edition_date_is_a_one_line_error(tmp_path, value):
    result = sphinx_build(ROOT, tmp_path, "latex", "-D", f"ppblog_edition_date={value}")
    assert result.returncode != 0
    assert result.stderr.splitlines()[0] == (
        f"WARNING: {ROOT / 'conf.py'}: ppblog_edition_date = {value!r} is not a date: set the date printed on "
        "the PDF editions as 'YYYY-MM-DD', e.g. ppblog_edition_date = '2021-08-01', or remove it to date each "
        "edition by its newest post [ppblog.config]"
    )
    assert "Traceback" not in result.stderr


def test_a_set_edition_date_older_than_a_post_it_prints_is_refused(tmp_path):
    result = sphinx_build(ROOT, tmp_path, "latex", "-D", "ppblog_edition_date=2021-08-01")
    assert result.returncode != 0
    assert result.stderr.splitlines() == [
        f"WARNING: {ROOT / 'conf.py'}: ppblog_edition_date = '2021-08-01' is older than the newest post it prints "
        "(posts/climate-highlights/warming.md, 2021-11-02): set it to that day or later, or remove it to date each "
        "edition by its newest post [ppblog.config]"
    ]


def test_a_set_edition_date_is_printed_on_every_edition(tmp_path):
    result = sphinx_build(ROOT, tmp_path, "latex", "-D", "ppblog_edition_date=2022-02-01")
    assert result.returncode == 0, result.stderr
    for path in tmp_path.glob("*.tex"):
        assert r"\date{1 February 2022}" in path.read_text(encoding="utf-8")


def test_html_build_does_not_need_an_edition_date(tmp_path):
    result = sphinx_build(ROOT, tmp_path, "html", "-D", "ppblog_edition_date=")
    assert result.returncode == 0, result.stderr


def test_make_pdf_without_tex_says_what_to_run():
    result = subprocess.run(
        ["make", "-s", "--no-print-directory", "tex-check", "PDF_PACKAGES=latexmk texlive-no-such-package"],
        cwd=REPO, capture_output=True, text=True,
    )
    assert result.returncode != 0
    assert result.stderr.splitlines()[0] == (
        "make pdf needs TeX (missing: texlive-no-such-package): run sudo bash scripts/install-system-deps.sh"
    )


@pytest.mark.parametrize("name", ["print-test.tex", "trust-series.tex", "climate-highlights.tex"])
def test_every_edition_declares_its_language(tex, name):
    assert r"\hypersetup{pdflang={en}}" in tex[name]


# --- the real book, printed (slow) -------------------------------------------------------

BOOK = "policy-and-politics-blog"
# The PDF's text block: poppler reads below the running head and above the page number.
TEXT_BLOCK = ["-x", "0", "-y", "60", "-W", "600", "-H", "720"]


@pytest.fixture(scope="session")
def pdfs(tmp_path_factory) -> Path:
    """`make pdf` on the real book, as an editor runs it; the folder with the PDFs."""
    build = tmp_path_factory.mktemp("print")
    result = subprocess.run(["make", "-s", "pdf", f"BUILD={build}"], cwd=REPO, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    assert "WARNING" not in result.stderr, result.stderr
    return build / "latex"


def pdftotext(path: Path, *options: str) -> str:
    return subprocess.run(["pdftotext", *options, str(path), "-"], capture_output=True, text=True, check=True).stdout


def words(text: str) -> str:
    """Text as a reader compares it: whitespace collapsed."""
    return " ".join(text.split())


def squash(text: str) -> str:
    """Letters and digits only, so hyphenation and line breaks of the PDF do not matter."""
    return "".join(ch for ch in text.casefold() if ch.isalnum())


def pdfinfo(path: Path) -> dict[str, str]:
    out = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
    return {key.strip(): value.strip() for key, _, value in (line.partition(":") for line in out.splitlines())}


def paragraphs(markdown: str) -> list[str]:
    """The text of every paragraph of a post's body, as a reader reads it."""
    tokens = MarkdownIt("commonmark").parse(markdown)
    found = []
    for opening, inline in zip(tokens, tokens[1:]):
        if opening.type == "paragraph_open" and inline.type == "inline":
            found.append("".join(
                " " if child.type in ("softbreak", "hardbreak") else child.content for child in inline.children or []
            ))
    return found


def real_posts() -> list[dict]:
    """Every post of the real book with what must be printed under its title and in its body."""
    posts = []
    for path in sorted((REPO / "posts").glob("*/*.md")):
        if path.name == "index.md":
            continue
        text = path.read_text(encoding="utf-8")
        front = fm.parse_front_matter(text)
        body = text.split(fm.FENCE, 2)[2]
        date = fm.parse_date(front.data["date"])
        posts.append({
            "collection": front.data["collection"],
            "title": front.data["title"],
            "authors": [a.name for a in fm.authors_of(front.data)],
            "date": f"{date.day} {date:%B %Y}",
            "paragraphs": paragraphs(body),
            "original_url": front.data["original_url"],
        })
    return posts


POSTS = real_posts()


def assert_in_order(haystack: str, needles: list[str]) -> None:
    position = 0
    for needle in needles:
        found = squash(haystack).find(squash(needle), position)
        assert found >= 0, f"{needle!r} is missing, or out of order"
        position = found + len(squash(needle))


@pytest.mark.parametrize("post", POSTS, ids=[p["title"][:40] for p in POSTS])
def test_post_prints_title_authors_date_and_every_paragraph_in_order(pdfs, post):
    expected = [post["title"], *post["authors"], post["date"], "Original post:", post["original_url"],
                *post["paragraphs"]]
    for edition in (BOOK, post["collection"]):
        assert_in_order(pdftotext(pdfs / f"{edition}.pdf", *TEXT_BLOCK), expected)


def test_each_edition_holds_its_own_posts_only(pdfs):
    collections = {p["collection"] for p in POSTS}
    assert sorted(p.name for p in pdfs.glob("*.pdf")) == sorted(f"{name}.pdf" for name in {BOOK, *collections})
    for collection in collections:
        text = squash(pdftotext(pdfs / f"{collection}.pdf"))
        for post in POSTS:
            assert (squash(post["title"]) in text) == (post["collection"] == collection), post["title"]


def test_book_prints_collections_in_order_with_their_posts(pdfs):
    contents = pdftotext(pdfs / f"{BOOK}.pdf", "-f", "2", "-l", "2")
    # Page and part numbers: pdftotext may put one inside a title that wraps onto a second line.
    contents = "\n".join(line for line in contents.splitlines() if not re.fullmatch(r"[0-9ivxlcIVXL]+", line.strip()))
    # Collections newest first, as the front page lists them (the highlights period began in May
    # 2021, the special issue appeared in April 2021); posts in reading order.
    assert_in_order(contents, [
        "Contents",
        "Highlights collection, 1 May – 31 July 2021: policy diffusion",
        "1st May – 31st July 2021 highlights collection on policy diffusion",
        "Special issue blog series: strategic management of the transition to public sector co-creation",
        "Digital platforms for the co-creation of public value",
        "Strategic management as an enabler of co-creation in public services",
        "Key themes in the (possible) move to co-production and co-creation in public management",
    ])


def test_series_posts_print_their_position_and_article_doi(pdfs):
    text = words(pdftotext(pdfs / "co-creation-special-issue.pdf"))
    for position in (5, 6, 7):
        assert f"Blog {position} of 7" in text
    assert "The article: https://doi.org/10.1332/030557321X16115951032181" in text


def test_author_role_is_printed(pdfs):
    text = words(pdftotext(pdfs / "highlights-2021-policy-diffusion.pdf"))
    assert "By Sarah Brown (Journal Manager, Policy & Politics)" in text


@pytest.mark.parametrize("edition", [BOOK, "co-creation-special-issue", "highlights-2021-policy-diffusion"])
def test_nothing_web_only_in_print(pdfs, edition):
    text = words(pdftotext(pdfs / f"{edition}.pdf"))
    for web_only in ("Recent posts", "Browse", "All posts by date", "Atom feed", "Tags:", "Categories",
                     "Follow this collection", "Writing a post"):
        assert web_only not in text


def test_special_issue_title_page(pdfs):
    page = words(pdftotext(pdfs / "co-creation-special-issue.pdf", "-f", "1", "-l", "1"))
    for detail in (
        "Special issue blog series: strategic management of the transition to public sector co-creation",
        "Policy & Politics, volume 49, issue 2, April 2021",
        "Guest editors: Jacob Torfing, Ewan Ferlie, Tina Jukić and Edoardo Ongaro",
        # Dated by the series' newest post.
        "Edition of 26 May 2021",
    ):
        assert detail in page
    # The title says what the edition is; the line under it does not say it again.
    assert page.count("Special issue blog series") == 1


def test_highlights_title_page(pdfs):
    page = words(pdftotext(pdfs / "highlights-2021-policy-diffusion.pdf", "-f", "1", "-l", "1"))
    for detail in ("Highlights collection", "1 May – 31 July 2021", "Theme: policy diffusion", "Sarah Brown",
                   "Edition of 4 May 2021"):
        assert detail in page


def test_typography_of_the_sources_survives(pdfs):
    text = words(pdftotext(pdfs / f"{BOOK}.pdf"))
    assert "1st May – 31st July 2021 highlights collection on policy diffusion" in text  # en dash
    assert "This quarter’s highlights collection" in text  # curly apostrophe
    assert "So what’s so special about the platform model?" in text
    assert "Policy & Politics" in text
    series = words(pdftotext(pdfs / "co-creation-special-issue.pdf"))
    assert "Tina Jukić" in series


@pytest.mark.parametrize("edition", [BOOK, "co-creation-special-issue", "highlights-2021-policy-diffusion"])
def test_every_font_is_embedded(pdfs, edition):
    out = subprocess.run(["pdffonts", str(pdfs / f"{edition}.pdf")], capture_output=True, text=True, check=True).stdout
    rows = out.splitlines()[2:]
    assert rows
    for row in rows:
        # name, type..., encoding, then the emb/sub/uni columns.
        assert row.split()[-5] == "yes", row


@pytest.mark.parametrize(("edition", "title", "author"), [
    (BOOK, "Policy & Politics blog", "Policy & Politics"),
    ("co-creation-special-issue",
     "Special issue blog series: strategic management of the transition to public sector co-creation",
     "Albert Meijer, Wouter Boon, Edoardo Ongaro, Alessandro Angelo Sancino, Irene Pluchinotta, "
     "Hannah Williams, Martin Kitchener and Ewan Ferlie"),
    ("highlights-2021-policy-diffusion", "Highlights collection, 1 May – 31 July 2021: policy diffusion",
     "Sarah Brown"),
])
def test_pdf_metadata(pdfs, edition, title, author):
    info = pdfinfo(pdfs / f"{edition}.pdf")
    assert info["Title"] == title
    assert info["Author"] == author
    # The edition's date (its newest post's), not the day of the build.
    newest = {"highlights-2021-policy-diffusion": ["Tue", "May", "4"]}.get(edition, ["Wed", "May", "26"])
    assert info["CreationDate"].split() == [*newest, "00:00:00", "2021", "UTC"]


def test_pdf_layer_reads_paragraphs_like_a_reader():
    assert paragraphs("One *two*\nthree.\n\n- a list item\n") == ["One two three.", "a list item"]


def outline(path: Path) -> list[tuple[int, str]]:
    """The PDF's bookmarks, as (depth, title), in order."""
    def walk(items, depth):
        for item in items:
            if isinstance(item, list):
                yield from walk(item, depth + 1)
            else:
                yield depth, item.title
    return list(walk(PdfReader(path).outline, 0))


@pytest.mark.parametrize("edition", [BOOK, "co-creation-special-issue", "highlights-2021-policy-diffusion"])
def test_pdf_declares_its_language_shows_its_title_and_bookmarks(pdfs, edition):
    """What xelatex can give a PDF for assistive technology (docs/printing.md): no structure tags,
    but the language, the title shown instead of the file name, and open bookmarks (the title and
    authors themselves: test_pdf_metadata)."""
    catalog = PdfReader(pdfs / f"{edition}.pdf").trailer["/Root"]
    assert catalog["/Lang"] == "en"
    assert catalog["/ViewerPreferences"] == {"/DisplayDocTitle": True}
    assert catalog["/PageMode"] == "/UseOutlines"


@pytest.mark.parametrize("edition", [BOOK, "co-creation-special-issue", "highlights-2021-policy-diffusion"])
def test_every_collection_and_post_has_a_bookmark(pdfs, edition):
    """Each collection of the edition is a top-level bookmark (numbered as its part), with a
    bookmark for each of its posts under it."""
    collections = {p["collection"] for p in POSTS} if edition == BOOK else {edition}
    landing = {
        slug: fm.parse_front_matter((REPO / "posts" / slug / "index.md").read_text(encoding="utf-8")).data["title"]
        for slug in collections
    }
    under: dict[str, list[str]] = {}
    for depth, title in outline(pdfs / f"{edition}.pdf"):
        if depth == 0:
            part = re.sub(r"^[IVXLC]+ ", "", title)
            under[part] = []
        else:
            assert depth == 1, title
            under[part].append(title)
    assert sorted(under) == sorted(landing.values())
    for slug, title in landing.items():
        assert sorted(under[title]) == sorted(p["title"] for p in POSTS if p["collection"] == slug)
