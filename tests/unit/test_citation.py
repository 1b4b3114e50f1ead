"""Citing a post, without Sphinx: identifiers, the author registry, APA, BibTeX, RIS and the
head tags, read back with real parsers (bibtexparser, rispy, extruct, html.parser), and
hostile strings that must never break out of a meta attribute or the JSON-LD script."""

from __future__ import annotations

import datetime as dt
import json
import string

import bibtexparser
import extruct
import pytest
import rispy
from bibtexparser.middlewares import LatexDecodingMiddleware, SeparateCoAuthors
from bs4 import BeautifulSoup
from hypothesis import given, settings
from hypothesis import strategies as st

from pp_blog.model import authors, citation, csl_engine
from pp_blog.model import frontmatter as fm

JUKIC = citation.Person("Tina Jukić", "University of Ljubljana", "0000-0002-1825-0097", "https://example.org/tj")


def post(**changes) -> citation.Citable:
    values = dict(
        title="Digital platforms for the co-creation of public value",
        authors=(JUKIC, citation.Person("Jan van den Berg"), citation.Person("Ann Other", "Roskilde University")),
        date=dt.date(2021, 5, 12),
        url="https://example.org/blog/posts/si/first.html",
        key="first",
        blog="Policy & Politics blog",
        publisher="Policy & Politics",
        keywords=("co-creation", "public value"),
        licence_name="CC BY 4.0",
        licence_url="https://creativecommons.org/licenses/by/4.0/",
        description="The opening paragraph.",
        original_url="https://policyandpoliticsblog.com/first/",
        articles=(citation.Article(doi="10.1332/030557321X16115951032181", journal="Policy & Politics"),),
        collection={"name": "Co-creation", "kind": "special-issue", "url": "https://example.org/blog/posts/si/index.html"},
    )
    values.update(changes)
    return citation.Citable(**values)


# --- identifiers -----------------------------------------------------------------------


@pytest.mark.parametrize("orcid", ["0000-0002-1825-0097", "0000-0001-5109-3700", "0000-0002-1694-233X"])
def test_real_orcids_pass_the_check_digit(orcid):
    assert citation.orcid_problem(orcid) is None


@pytest.mark.parametrize("orcid, words", [
    ("0000-0002-1825-0098", "wrong check digit (its last character should be '7')"),
    ("https://orcid.org/0000-0002-1825-0097", "is an address: write only the 16 characters"),
    ("0000-0002-1825-009", "is not an ORCID"),
    ("0000000218250097", "is not an ORCID"),
])
def test_a_wrong_orcid_says_what_to_do(orcid, words):
    assert words in citation.orcid_problem(orcid)


@given(st.text(alphabet=string.digits, min_size=15, max_size=15), st.sampled_from(list(string.digits + "X")))
def test_exactly_one_check_character_fits_any_fifteen_digits(digits, last):
    orcid = f"{digits[0:4]}-{digits[4:8]}-{digits[8:12]}-{digits[12:15]}{last}"
    assert (citation.orcid_problem(orcid) is None) == (last == citation.orcid_check_digit(digits))


@pytest.mark.parametrize("doi, words", [
    ("10.1332/030557321X16115951032181", None),
    ("https://doi.org/10.1332/0305573", "has a prefix"),
    ("doi:10.1332/0305573", "has a prefix"),
    ("10.1332/", "is not a DOI"),
    ("10.13/abc", "is not a DOI"),
    ("10.1332/abc def", "is not a DOI"),
    ('10.1332/abc"><script>', "is not a DOI"),
])
def test_malformed_dois_are_refused(doi, words):
    problem = citation.doi_problem(doi)
    assert problem is None if words is None else words in problem


def test_a_post_with_a_malformed_doi_gets_one_line_with_the_fix():
    text = "---\ntitle: T\ndate: 2021-05-12\nauthors: [A B]\ntags: [governance]\ncategory: C\ncollection: c\n" \
           "original_url: https://x.org/\ndoi: https://doi.org/10.1332/abc\n---\n\nBody.\n"
    _, problems = fm.read_page("post", text, folder="c", categories=None)
    assert [(p.line, p.message) for p in problems] == [
        (9, "field 'doi': 'https://doi.org/10.1332/abc' has a prefix: write the DOI without 'https://doi.org/', "
            "e.g. 10.1332/030557321X16115951032181"),
    ]


# --- the author registry ---------------------------------------------------------------


def test_a_valid_registry_is_read_by_name():
    records, problems = authors.read_registry(
        "- name: Tina Jukić\n  orcid: \"0000-0002-1825-0097\"\n  affiliation: University of Ljubljana\n"
        "- name: Jan van den Berg\n  given: Jan\n  family: van den Berg\n"
    )
    assert problems == []
    assert records["tina-jukic"]["orcid"] == "0000-0002-1825-0097"
    person = authors.person({"name": "Jan van den Berg", "role": "", "affiliation": "Utrecht"}, records)
    assert person.name_parts() == {"family": "van den Berg", "given": "Jan"}
    assert person.affiliation == "Utrecht"  # the post's own affiliation wins


@pytest.mark.parametrize("text, line, message", [
    ("- name: A B\n  orcid: \"0000-0002-1825-0098\"\n", 2,
     "ORCID of 'A B': '0000-0002-1825-0098' has a wrong check digit (its last character should be '7'): "
     "copy the ORCID from the person's orcid.org page"),
    ("- name: A B\n  orcid_id: \"0000-0002-1825-0097\"\n", 2,
     "unknown field 'orcid_id': use name, affiliation, orcid, url, bio, given, family (see docs/citing-and-discovery.md)"),
    ("- name: Tina Jukić\n- name: tina  jukic\n", 2,
     "'tina  jukic' has a record already ('Tina Jukić', line 1): keep one record per person"),
    ("- name: A B\n  orcid: \"0000-0002-1825-0097\"\n- name: C D\n  orcid: \"0000-0002-1825-0097\"\n", 3,
     "'C D' has the ORCID of 'A B' (line 1): one person has one record; write the name as in the other record, "
     "or correct the ORCID"),
    ("- name: A B\n  url: example.org\n", 2,
     "web page of 'A B' ('example.org') is not an address: start it with https://"),
    ("- affiliation: X\n", 1,
     "a record has no 'name': give the name as written in posts, e.g.\n" + authors.EXAMPLE),
    ("- name: A B\n  orcid: 0000000218250097\n", 2,
     "ORCID of 'A B': '0000000218250097' is not an ORCID: write four groups of four digits joined by '-', "
     "the last character a digit or X, e.g. 0000-0002-1825-0097"),
    ("- name: A B\n  bio: [x]\n", 2, "field 'bio' needs a line of text, e.g. bio: ..."),
    ("- name: [A\n", 1, None),
])
def test_each_registry_problem_is_one_message_with_its_line(text, line, message):
    records, problems = authors.read_registry(text)
    assert len(problems) == 1
    assert problems[0].line == line
    if message is not None:
        assert problems[0].message == message
    assert all(not r.get("orcid", "").endswith("8") for r in records.values())


def test_an_author_without_a_record_is_their_name_only():
    person = authors.person({"name": "Ann Other", "role": "", "affiliation": ""}, {})
    assert (person.name, person.orcid, person.affiliation) == ("Ann Other", "", "")


# --- APA, BibTeX, RIS ------------------------------------------------------------------


def test_apa_citation_keeps_every_author_in_order_with_diacritics():
    segments = citation.apa(post())
    assert citation.plain(segments) == (
        "Jukić, T., van den Berg, J., & Other, A. (2021, May 12). Digital platforms for the co-creation of public "
        "value. Policy & Politics Blog. https://example.org/blog/posts/si/first.html"
    )
    assert [text for text, italic in segments if italic] == ["Policy & Politics Blog"]


def parse_bibtex(text: str):
    library = bibtexparser.parse_string(text, append_middleware=[LatexDecodingMiddleware(), SeparateCoAuthors()])
    assert library.failed_blocks == []
    return library


def test_bibtex_is_read_back_by_bibtexparser():
    library = parse_bibtex(citation.bibtex(post()))
    [entry] = library.entries
    assert entry.entry_type == "online"
    assert entry.key == "jukic2021digital"
    assert entry["author"] == ["Jukić, Tina", "van den Berg, Jan", "Other, Ann"]
    assert entry["title"] == "Digital platforms for the co-creation of public value"
    assert entry["date"] == "2021-05-12"
    assert entry["url"] == "https://example.org/blog/posts/si/first.html"
    assert entry["organization"] == "Policy & Politics blog"


def test_ris_is_read_back_by_rispy():
    [entry] = rispy.loads(citation.ris(post()))
    assert entry["type_of_reference"] == "BLOG"
    assert entry["authors"] == ["Jukić, Tina", "van den Berg, Jan", "Other, Ann"]
    assert entry["title"] == "Digital platforms for the co-creation of public value"
    assert entry["secondary_title"] == "Policy & Politics blog"
    assert entry["date"] == "2021/05/12/"
    assert entry["urls"] == ["https://example.org/blog/posts/si/first.html"]
    assert entry["keywords"] == ["co-creation", "public value"]


# Markup, quotes, LaTeX and BibTeX specials, line breaks, control and bidi characters, and the
# formatter's own markers: everything a front matter string can hold.
HOSTILE = st.text(
    alphabet=st.one_of(
        st.sampled_from(list("<>&\"'/!-{}%$#_^~\\@=;,.() \n\r\t\x00\x0b\u2028\u202e\ue000\ue001")),
        st.characters(codec="utf-8", categories=("L", "N", "P", "S", "Zs")),
    ),
    min_size=1, max_size=40,
).filter(lambda text: citation.clean(text) and "," not in text)


@settings(max_examples=60, deadline=None)
@given(title=HOSTILE, name=HOSTILE, keyword=HOSTILE)
def test_hostile_strings_never_break_bibtex_or_ris(title, name, keyword):
    hostile = post(title=title, authors=(citation.Person(name + " Smith"),), keywords=(keyword,))
    library = parse_bibtex(citation.bibtex(hostile))
    [entry] = library.entries
    assert set(entry.fields_dict) == {"author", "title", "date", "year", "url", "organization", "publisher",
                                      "langid", "keywords", "note"}
    assert len(entry["author"]) == 1
    [record] = rispy.loads(citation.ris(hostile))
    assert record["title"] == citation.clean(title)
    assert record["authors"] == [f"Smith, {citation.clean(name)}"]
    assert record["keywords"] == [citation.clean(keyword)]


# pylatexenc decodes \textasciicircum to U+02C6 and knows no \textbraceleft: for '^', '{' and '}'
# the hostile test above shows that the entry still parses.
@settings(max_examples=40, deadline=None)
@given(title=st.text(alphabet=st.characters(codec="utf-8", categories=("L", "N", "Zs"),
                                            include_characters="&%$#_~\\"), min_size=1, max_size=40)
       .filter(lambda t: citation.clean(t)))
def test_bibtex_escapes_decode_back_to_the_title(title):
    [entry] = parse_bibtex(citation.bibtex(post(title=title))).entries
    assert " ".join(entry["title"].split()) == citation.clean(title)


def page_with(head: str) -> str:
    return f"<!DOCTYPE html><html><head>{head}</head><body><p>after</p></body></html>"


@settings(max_examples=60, deadline=None)
@given(title=HOSTILE, name=HOSTILE, keyword=HOSTILE, affiliation=HOSTILE)
def test_hostile_strings_stay_inside_meta_attributes_and_the_json_ld_script(title, name, keyword, affiliation):
    hostile = post(title=title, authors=(citation.Person(name, affiliation),), keywords=(keyword,), description=title)
    tags = citation.highwire_tags(hostile) + citation.dublin_core_tags(hostile)
    document = page_with(citation.meta_tags(tags) + citation.json_ld_script(citation.blog_posting(hostile, "https://x/")))
    soup = BeautifulSoup(document, "html.parser")
    # Nothing leaked: exactly the elements written, and the body is still the body.
    assert [(m["name"], m["content"]) for m in soup.head.find_all("meta")] == [
        (name_, citation.clean(value)) for name_, value in tags
    ]
    assert [e.name for e in soup.head.find_all(True)] == ["meta"] * len(tags) + ["script"]
    assert soup.body.get_text() == "after"
    [data] = extruct.extract(document, syntaxes=["json-ld"], uniform=True)["json-ld"]
    assert data["headline"] == citation.clean(title)
    assert data["author"][0]["name"] == citation.clean(name)
    assert data["author"][0]["affiliation"]["name"] == citation.clean(affiliation)
    assert data["keywords"] == [citation.clean(keyword)]


def test_json_ld_cannot_close_its_script_or_open_a_comment():
    script = citation.json_ld_script({"headline": "</script><!-- x --> & </SCRIPT >"})
    inner = script.removeprefix('<script type="application/ld+json">').removesuffix("</script>\n")
    assert "<" not in inner and ">" not in inner
    assert json.loads(inner)["headline"] == "</script><!-- x --> & </SCRIPT >"


def test_highwire_tags_never_file_a_post_as_a_journal_article():
    names = [name for name, _ in citation.highwire_tags(post(pdf_url="https://x/si.pdf"))]
    assert not {"citation_journal_title", "citation_volume", "citation_issue", "citation_firstpage",
                "citation_lastpage"} & set(names)
    assert names[:8] == ["citation_title", "citation_author", "citation_author_institution",
                         "citation_author_orcid", "citation_author", "citation_author",
                         "citation_author_institution", "citation_publication_date"]
    assert "citation_pdf_url" in names


@settings(max_examples=40, deadline=None)
@given(title=HOSTILE, name=HOSTILE)
def test_apa_formats_hostile_strings_as_text_with_only_the_blog_in_italics(title, name):
    segments = citation.apa(post(title=title, authors=(citation.Person(name + " Smith"),)))
    assert [text for text, italic in segments if italic] == ["Policy & Politics Blog"]
    assert not any(marker in citation.plain(segments) for marker in (citation.ITALIC_START, citation.ITALIC_END))
    assert citation.plain(segments).startswith("Smith, ")


NAME_WORD = st.text(alphabet=string.ascii_letters + "ßøćéñ-'", min_size=1, max_size=10)


@settings(max_examples=40, deadline=None)
@given(
    names=st.lists(st.lists(NAME_WORD, min_size=1, max_size=4).map(" ".join), min_size=0, max_size=24),
    title=HOSTILE,
    date=st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2040, 12, 31)),
)
def test_the_citation_is_the_one_citeproc_py_gives_as_shipped(names, title, date):
    """What csl_engine changes in citeproc-py (its remembered lookups, the style specialized for
    posts) changes nothing in the citation, whatever the number and shape of the names: the
    same as citeproc-py's own methods give with the whole style."""
    cited = post(title=title, authors=tuple(citation.Person(name) for name in names), date=date)
    ours = citation.apa(cited)
    replaced = csl_engine.remembering_methods()
    assert {name for _, name in replaced} >= {"get_root", "get_macro", "get_term", "get_formatter", "calls_variable"}
    from citeproc import Citation, CitationItem, CitationStylesBibliography, CitationStylesStyle, source
    from citeproc.source.json import CiteProcJSON

    with pytest.MonkeyPatch.context() as patch:
        for cls, name in replaced:
            patch.setattr(cls, name, vars(cls)[name].__wrapped__)
        patch.setattr(source.CitationItem, "reference", source.CitationItem.reference.fget.__wrapped__)
        whole_style = CitationStylesStyle(str(citation.APA_STYLE), validate=False)
        shipped = CitationStylesBibliography(whole_style, CiteProcJSON([citation.csl_item(cited)]),
                                             citation.SEGMENT_FORMATTER)
        shipped.register(Citation([CitationItem("post")]))
        text = str(shipped.bibliography()[0])
    assert citation.plain(ours) == text.replace(citation.ITALIC_START, "").replace(citation.ITALIC_END, "")
    assert [part for part, italic in ours if italic] == [
        part.split(citation.ITALIC_END)[0] for part in text.split(citation.ITALIC_START)[1:]]


def test_json_ld_is_written_without_spaces_after_separators():
    assert citation.json_ld_script({"b": [1, 2], "a": "x, y: z"}) == (
        '<script type="application/ld+json">{"a":"x, y: z","b":[1,2]}</script>\n')
