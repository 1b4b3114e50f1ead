"""Citing a post: identifiers, the APA citation, BibTeX, RIS, Highwire tags and JSON-LD.

Everything here is pure: plain values in, text out, so the build and the tests share it.
Every string that reaches an output is escaped here for that output: HTML attributes
(:func:`meta_tags`), a ``<script>`` element (:func:`json_ld_script`), BibTeX
(:func:`bibtex`) and RIS (:func:`ris`); the APA citation is returned as text segments,
which the docutils writers escape.
"""

from __future__ import annotations

import datetime as dt
import html
import json
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import rispy

from . import csl_engine

ORCID_PATTERN = re.compile(r"^\d{4}-\d{4}-\d{4}-\d{3}[\dX]$")
ORCID_RESOLVER = "https://orcid.org/"
# Crossref's pattern for modern DOIs (it matches all but a few legacy ones): a DOI that
# fits it is also safe in an address without encoding.
DOI_PATTERN = re.compile(r"^10\.\d{4,9}/[-._;()/:A-Za-z0-9]+$")
DOI_RESOLVER = "https://doi.org/"
APA_STYLE = Path(__file__).with_name("csl") / "apa.csl"


# --- identifiers -----------------------------------------------------------------------


def orcid_check_digit(digits: str) -> str:
    """The ISO 7064 11,2 check character of the first 15 digits of an ORCID."""
    total = 0
    for digit in digits:
        total = (total + int(digit)) * 2
    result = (12 - total % 11) % 11
    return "X" if result == 10 else str(result)


def orcid_problem(value: Any) -> str | None:
    """What is wrong with an ORCID (written 0000-0002-1825-0097), or None."""
    if not isinstance(value, str):
        return "is not text: write it in quotes, e.g. orcid: \"0000-0002-1825-0097\""
    if value.startswith(("http://", "https://", "orcid.org")):
        return f"{value!r} is an address: write only the 16 characters, e.g. orcid: \"0000-0002-1825-0097\""
    if not ORCID_PATTERN.match(value):
        return (f"{value!r} is not an ORCID: write four groups of four digits joined by '-', "
                "the last character a digit or X, e.g. 0000-0002-1825-0097")
    digits = value.replace("-", "")
    expected = orcid_check_digit(digits[:15])
    if digits[15] != expected:
        return (f"{value!r} has a wrong check digit (its last character should be {expected!r}): "
                "copy the ORCID from the person's orcid.org page")
    return None


def orcid_url(orcid: str) -> str:
    return ORCID_RESOLVER + orcid


def doi_problem(value: Any) -> str | None:
    """What is wrong with a DOI (written 10.1332/030557321X16115951032181), or None."""
    if not isinstance(value, str):
        return "is not text"
    for prefix in ("https://doi.org/", "http://doi.org/", "https://dx.doi.org/", "http://dx.doi.org/", "doi:"):
        if value.lower().startswith(prefix):
            return f"{value!r} has a prefix: write the DOI without {prefix!r}, e.g. 10.1332/030557321X16115951032181"
    if not DOI_PATTERN.match(value):
        return (f"{value!r} is not a DOI: it starts with '10.', four to nine digits and '/', then letters, "
                "digits and - . _ ; ( ) / : only, e.g. 10.1332/030557321X16115951032181")
    return None


def doi_url(doi: str) -> str:
    return DOI_RESOLVER + doi


# --- what is cited ---------------------------------------------------------------------

# The markers the citation formatter puts around italic text; they never survive clean().
ITALIC_START, ITALIC_END = "\ue000", "\ue001"
_UNWANTED = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029\ue000\ue001]")


def clean(text: str) -> str:
    """One line of text: control characters and the formatter's markers gone, spaces collapsed."""
    return " ".join(_UNWANTED.sub(" ", text).split())


PARTICLES = {"van", "von", "der", "den", "de", "del", "della", "di", "da", "du", "la", "le", "ten", "ter", "dos", "das"}


@dataclass(frozen=True)
class Person:
    """An author as cited: the name as written in posts, and what the registry knows."""

    name: str
    affiliation: str = ""
    orcid: str = ""
    url: str = ""
    given: str = ""
    family: str = ""

    def name_parts(self) -> dict[str, str]:
        """CSL name parts: the registry's given and family names, else the last word is the
        family name, with the lower-case particles before it ('Jan van den Berg')."""
        name = clean(self.name)
        if self.family:
            return {"family": clean(self.family), "given": clean(self.given)}
        words = name.split()
        if len(words) < 2:
            return {"literal": name}
        cut = len(words) - 1
        while cut > 1 and words[cut - 1] in PARTICLES:
            cut -= 1
        parts = {"family": words[-1], "given": " ".join(words[:cut])}
        if cut < len(words) - 1:
            parts["non-dropping-particle"] = " ".join(words[cut:-1])
        return parts

    def sorted_name(self) -> str:
        """'Family, Given' (with its particle), or the name itself when it has one part."""
        parts = self.name_parts()
        if "literal" in parts:
            return parts["literal"]
        family = " ".join(p for p in (parts.get("non-dropping-particle"), parts["family"]) if p)
        return f"{family}, {parts['given']}" if parts["given"] else family


@dataclass(frozen=True)
class Article:
    """A journal article a post discusses."""

    doi: str = ""
    title: str = ""
    authors: tuple[str, ...] = ()
    journal: str = ""

    @property
    def url(self) -> str:
        return doi_url(self.doi) if self.doi else ""


@dataclass(frozen=True)
class Citable:
    """One post, as it is cited."""

    title: str
    authors: tuple[Person, ...]
    date: dt.date
    url: str
    key: str  # the file name, for citation keys and the names of the download files
    blog: str
    publisher: str
    language: str = "en"
    keywords: tuple[str, ...] = ()
    licence_name: str = ""
    licence_url: str = ""
    pdf_url: str = ""
    description: str = ""
    original_url: str = ""
    articles: tuple[Article, ...] = ()
    collection: dict[str, str] = field(default_factory=dict)  # name, url, kind
    image: str = ""  # the site's social card image


# --- APA (citeproc-py and the CSL style) -----------------------------------------------


def _markers(text: str) -> str:
    return f"{ITALIC_START}{text}{ITALIC_END}"


# citeproc-py's formatter interface: italic text is marked, everything else stays plain
# text, so the caller escapes the result for its own output.
SEGMENT_FORMATTER = SimpleNamespace(
    preformat=lambda text: text, Italic=_markers, Oblique=_markers, Bold=str, Light=str, Underline=str,
    Superscript=str, Subscript=str, SmallCaps=str,
)


# The type of every item cited: the style is specialized for it (csl_engine.specialize).
POST_TYPE = "post-weblog"


def csl_item(post: Citable) -> dict[str, Any]:
    """The post as a CSL-JSON item (type post-weblog)."""
    item: dict[str, Any] = {
        "id": "post",
        "type": POST_TYPE,
        "title": clean(post.title),
        "author": [person.name_parts() for person in post.authors],
        "issued": {"date-parts": [[post.date.year, post.date.month, post.date.day]]},
        "container-title": clean(post.blog),
        "publisher": clean(post.publisher),
        "URL": post.url,
        "language": post.language,
    }
    return item


def apa(post: Citable) -> list[tuple[str, bool]]:
    """The APA 7 reference of the post as (text, italic) segments."""
    from citeproc import Citation, CitationItem, CitationStylesBibliography
    from citeproc.source.json import CiteProcJSON

    # Parsed once (parsing it again for every post would cost more than formatting the citation).
    style = csl_engine.style_for(str(APA_STYLE), POST_TYPE)
    bibliography = CitationStylesBibliography(style, CiteProcJSON([csl_item(post)]), SEGMENT_FORMATTER)
    bibliography.register(Citation([CitationItem("post")]))
    text = str(bibliography.bibliography()[0])
    segments: list[tuple[str, bool]] = []
    for index, part in enumerate(re.split(f"[{ITALIC_START}{ITALIC_END}]", text)):
        if part:
            segments.append((part, index % 2 == 1))
    return segments


def plain(segments: list[tuple[str, bool]]) -> str:
    return "".join(text for text, _ in segments)


# --- BibTeX and RIS --------------------------------------------------------------------

_BIBTEX_SPECIAL = {
    "\\": r"\textbackslash{}", "{": r"\textbraceleft{}", "}": r"\textbraceright{}",
    "&": r"\&", "%": r"\%", "$": r"\$", "#": r"\#", "_": r"\_",
    "~": r"\textasciitilde{}", "^": r"\textasciicircum{}",
}
_BIBTEX_PATTERN = re.compile("[" + re.escape("".join(_BIBTEX_SPECIAL)) + "]")


def bibtex_escape(text: str) -> str:
    """Text as a BibTeX value: LaTeX's special characters escaped, braces never unbalanced,
    letters with diacritics kept as they are (the file is UTF-8)."""
    return _BIBTEX_PATTERN.sub(lambda m: _BIBTEX_SPECIAL[m.group()], clean(text))


def ascii_word(text: str) -> str:
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    return re.sub(r"[^a-z0-9]", "", folded)


def citation_key(post: Citable) -> str:
    """'ongaro2021strategic': the first author's family name, the year, the title's first word."""
    first = post.authors[0].name_parts() if post.authors else {"literal": ""}
    name = ascii_word(first.get("family") or first.get("literal", ""))
    word = next((w for w in (ascii_word(w) for w in clean(post.title).split()) if len(w) > 3), "")
    return (name or "post") + str(post.date.year) + word


def bibtex_name(person: Person) -> str:
    """'{van den Berg}, {Jan}': each part braced, so no name is split at an 'and' inside it."""
    parts = person.name_parts()
    if "literal" in parts:
        return "{" + bibtex_escape(parts["literal"]) + "}"
    family = "{" + bibtex_escape(" ".join(p for p in (parts.get("non-dropping-particle"), parts["family"]) if p)) + "}"
    return f"{family}, {{{bibtex_escape(parts['given'])}}}" if parts["given"] else family


def bibtex(post: Citable) -> str:
    """A biblatex ``@online`` entry (with ``year`` as well, for classic BibTeX styles)."""
    authors = " and ".join(bibtex_name(person) for person in post.authors)
    fields = [
        ("author", authors),
        ("title", "{" + bibtex_escape(post.title) + "}"),
        ("date", post.date.isoformat()),
        ("year", str(post.date.year)),
        ("url", bibtex_escape(post.url)),
        ("organization", bibtex_escape(post.blog)),
        ("publisher", bibtex_escape(post.publisher)),
        ("langid", bibtex_escape(post.language)),
    ]
    if post.keywords:
        fields.append(("keywords", ", ".join(bibtex_escape(k) for k in post.keywords)))
    if post.licence_name:
        fields.append(("note", "Licence: " + bibtex_escape(post.licence_name)))
    body = ",\n".join(f"  {name} = {{{value}}}" for name, value in fields)
    return f"@online{{{citation_key(post)},\n{body}\n}}\n"


class RecordWriter(rispy.RisWriter):
    """rispy's RIS writer without the record number it puts before a record ('1.')."""

    def set_header(self, count: int) -> str:
        return ""


def ris(post: Citable) -> str:
    """The post as an RIS record (type BLOG), written by rispy."""
    entry: dict[str, Any] = {
        "type_of_reference": "BLOG",
        "authors": [clean(person.sorted_name()) for person in post.authors],
        "title": clean(post.title),
        "secondary_title": clean(post.blog),
        "publisher": clean(post.publisher),
        "year": str(post.date.year),
        "date": post.date.strftime("%Y/%m/%d/"),
        "urls": [post.url],
        "language": clean(post.language),
    }
    if post.keywords:
        entry["keywords"] = [clean(k) for k in post.keywords]
    if post.licence_name:
        entry["notes"] = ["Licence: " + clean(post.licence_name)]
    return rispy.dumps([entry], implementation=RecordWriter)


# --- head tags -------------------------------------------------------------------------


def highwire_tags(post: Citable) -> list[tuple[str, str]]:
    """The ``citation_*`` tags Google Scholar and Zotero read, in the order they expect.

    A blog post is not a journal article: no journal title, volume, issue or pages, which
    would make reference managers file it as one.
    """
    date = post.date.strftime("%Y/%m/%d")
    tags = [("citation_title", post.title)]
    for person in post.authors:
        tags.append(("citation_author", person.sorted_name()))
        if person.affiliation:
            tags.append(("citation_author_institution", person.affiliation))
        if person.orcid:
            tags.append(("citation_author_orcid", orcid_url(person.orcid)))
    tags += [
        ("citation_publication_date", date),
        ("citation_online_date", date),
        ("citation_language", post.language),
    ]
    tags += [("citation_keywords", keyword) for keyword in post.keywords]
    tags.append(("citation_fulltext_html_url", post.url))
    if post.pdf_url:
        tags.append(("citation_pdf_url", post.pdf_url))
    tags.append(("citation_publisher", post.publisher))
    return tags


def dublin_core_tags(post: Citable) -> list[tuple[str, str]]:
    """The Dublin Core that adds something to the citation tags: the licence, which they cannot
    carry (Zotero files it as the item's rights). Title, authors, date, language, publisher,
    address and keywords are in the citation tags, which Google Scholar and Zotero read first."""
    if post.licence_url or post.licence_name:
        return [("DC.rights", post.licence_url or post.licence_name)]
    return []


def meta_tags(tags: list[tuple[str, str]], attribute: str = "name") -> str:
    """``<meta>`` elements, every name and value escaped for an attribute."""
    return "".join(
        f'<meta {attribute}="{html.escape(name)}" content="{html.escape(clean(value))}" />\n' for name, value in tags
    )


def json_ld_script(data: dict[str, Any]) -> str:
    """A JSON-LD ``<script>`` element. ``<``, ``>`` and ``&`` are written as JSON escapes, so no
    value can close the element (``</script>``) or open a comment (``<!--``) in it. Without
    spaces after separators: it is on every post page, for machines."""
    text = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return f'<script type="application/ld+json">{text}</script>\n'


# --- JSON-LD ---------------------------------------------------------------------------


def person_ld(person: Person) -> dict[str, Any]:
    data: dict[str, Any] = {"@type": "Person", "name": clean(person.name)}
    parts = person.name_parts()
    if "family" in parts:
        data["familyName"] = " ".join(p for p in (parts.get("non-dropping-particle"), parts["family"]) if p)
        if parts["given"]:
            data["givenName"] = parts["given"]
    if person.affiliation:
        data["affiliation"] = {"@type": "Organization", "name": clean(person.affiliation)}
    if person.orcid:
        data["sameAs"] = [orcid_url(person.orcid)]
        data["identifier"] = {"@type": "PropertyValue", "propertyID": "ORCID", "value": person.orcid}
    if person.url:
        data["url"] = person.url
    return data


def article_ld(article: Article) -> dict[str, Any]:
    data: dict[str, Any] = {"@type": "ScholarlyArticle"}
    if article.doi:
        data["@id"] = data["url"] = data["sameAs"] = article.url
        data["identifier"] = {"@type": "PropertyValue", "propertyID": "DOI", "value": article.doi}
    if article.title:
        data["headline"] = data["name"] = clean(article.title)
    if article.authors:
        data["author"] = [{"@type": "Person", "name": clean(name)} for name in article.authors]
    if article.journal:
        data["isPartOf"] = {"@type": "Periodical", "name": clean(article.journal)}
    return data


def organisation_ld(name: str, url: str) -> dict[str, Any]:
    return {"@type": "Organization", "name": clean(name), "url": url}


def blog_posting(post: Citable, site_url: str) -> dict[str, Any]:
    """schema.org ``BlogPosting`` for a post page."""
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "BlogPosting",
        "@id": post.url,
        "url": post.url,
        "mainEntityOfPage": post.url,
        "headline": clean(post.title),
        "name": clean(post.title),
        "author": [person_ld(person) for person in post.authors],
        "datePublished": post.date.isoformat(),
        "inLanguage": post.language,
        "publisher": organisation_ld(post.publisher, site_url),
    }
    if post.keywords:
        data["keywords"] = [clean(k) for k in post.keywords]
    if post.description:
        data["description"] = clean(post.description)
    if post.collection:
        kind = "CreativeWorkSeries" if post.collection.get("kind") == "special-issue" else "Collection"
        data["isPartOf"] = {"@type": kind, "name": clean(post.collection["name"]), "url": post.collection["url"]}
    if post.articles:
        data["about"] = [article_ld(article) for article in post.articles]
    if post.licence_url:
        data["license"] = post.licence_url
    if post.original_url:
        data["isBasedOn"] = post.original_url
    if post.image:
        data["image"] = post.image
    return data


def collection_page(
    *, kind: str, title: str, url: str, site_url: str, publisher: str, language: str, licence_url: str,
    posts: list[tuple[str, str]], issue: dict[str, Any] | None = None, articles: tuple[Article, ...] = (),
) -> dict[str, Any]:
    """schema.org ``CollectionPage`` for a landing page: a special issue (``issue`` gives the
    journal, volume, issue, month, year, guest editors, DOI) or a highlights collection
    (``articles``: its featured articles); ``posts`` are (title, address) pairs."""
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "CollectionPage",
        "@id": url,
        "url": url,
        "name": clean(title),
        "inLanguage": language,
        "publisher": organisation_ld(publisher, site_url),
        "hasPart": [{"@type": "BlogPosting", "headline": clean(t), "url": u} for t, u in posts],
    }
    if licence_url:
        data["license"] = licence_url
    if kind == "special-issue" and issue is not None:
        about: dict[str, Any] = {
            "@type": "PublicationIssue",
            "issueNumber": str(issue["issue"]),
            "datePublished": f"{issue['year']:04d}-{issue['month']:02d}",
            "editor": [{"@type": "Person", "name": clean(name)} for name in issue["guest_editors"]],
            "isPartOf": {
                "@type": "PublicationVolume",
                "volumeNumber": str(issue["volume"]),
                "isPartOf": {"@type": "Periodical", "name": clean(issue["journal"])},
            },
        }
        if issue.get("doi"):
            about["@id"] = about["sameAs"] = doi_url(issue["doi"])
            about["identifier"] = {"@type": "PropertyValue", "propertyID": "DOI", "value": issue["doi"]}
        data["about"] = about
    elif articles:
        data["mainEntity"] = {
            "@type": "ItemList",
            "itemListElement": [
                {"@type": "ListItem", "position": index, "item": article_ld(article)}
                for index, article in enumerate(articles, start=1)
            ],
        }
    return data
