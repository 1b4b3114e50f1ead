"""Reading a WordPress export (WXR: RSS 2.0 with the wp, content, excerpt and dc namespaces).

WXR versions 1.0 to 1.2 exist, written with http:// or https:// namespace addresses. The file is
parsed with defusedxml, which refuses entity declarations (entity bombs) and external entities;
every way a file can be wrong becomes one ExportError naming the problem.
"""

from __future__ import annotations

import html
import re
import xml.etree.ElementTree as ElementTree
from dataclasses import dataclass, field
from pathlib import Path

import defusedxml
import defusedxml.ElementTree as SafeElementTree

KNOWN_VERSIONS = ("1.0", "1.1", "1.2")
WP_NAMESPACE = re.compile(r"^https?://wordpress\.org/export/([^/]+)/$")
EXCERPT_NAMESPACE = re.compile(r"^https?://wordpress\.org/export/[^/]+/excerpt/$")
CONTENT_NAMESPACE = re.compile(r"^https?://purl\.org/rss/1\.0/modules/content/$")
DC_NAMESPACE = re.compile(r"^https?://purl\.org/dc/elements/1\.1/$")


class ExportError(Exception):
    """The export cannot be read: the message says what is wrong and what to do."""


@dataclass(frozen=True)
class Term:
    domain: str  # "category", "post_tag", "author" (co-authors plugin), ...
    nicename: str
    name: str


@dataclass
class Item:
    post_id: int
    title: str
    link: str
    guid: str
    creator: str
    content: str
    excerpt: str
    post_date: str
    post_name: str
    status: str
    post_type: str
    password: str
    parent: int
    terms: list[Term] = field(default_factory=list)
    meta: dict[str, str] = field(default_factory=dict)
    attachment_url: str = ""
    line: int | None = None

    def terms_of(self, domain: str) -> list[Term]:
        return [term for term in self.terms if term.domain == domain]


@dataclass
class Export:
    path: Path
    version: str
    title: str
    site_url: str
    blog_url: str
    authors: dict[str, str]  # login -> display name
    items: list[Item]


def _split(tag: str) -> tuple[str, str]:
    if tag.startswith("{"):
        namespace, _, local = tag[1:].partition("}")
        return namespace, local
    return "", tag


def _kind(namespace: str) -> str:
    if WP_NAMESPACE.match(namespace):
        return "wp"
    if EXCERPT_NAMESPACE.match(namespace):
        return "excerpt"
    if CONTENT_NAMESPACE.match(namespace):
        return "content"
    if DC_NAMESPACE.match(namespace):
        return "dc"
    return namespace


def _fields(element) -> dict[str, list]:
    """The children of an element by (namespace kind, local name): 'wp:post_id', 'title', ..."""
    found: dict[str, list] = {}
    for child in element:
        namespace, local = _split(child.tag)
        kind = _kind(namespace) if namespace else ""
        found.setdefault(f"{kind}:{local}" if kind else local, []).append(child)
    return found


def _text(fields: dict[str, list], name: str) -> str:
    elements = fields.get(name)
    return (elements[0].text or "") if elements else ""


def _int(value: str) -> int:
    try:
        return int(value.strip())
    except ValueError:
        return 0


def read_export(path: Path) -> Export:
    """Parse a WXR file; raise ExportError with a one-line reason for anything unusable."""
    try:
        # A WordPress export never has a document type declaration: refusing every one refuses
        # entity bombs and external entities before any entity is read.
        tree = SafeElementTree.parse(str(path), forbid_dtd=True)
    except defusedxml.DefusedXmlException:
        raise ExportError(
            "declares a document type or XML entities, which a WordPress export never does (an entity "
            "bomb or an external entity?): export the blog again from WordPress (Tools → Export)"
        ) from None
    except ElementTree.ParseError as error:
        line, column = error.position
        raise ExportError(
            f"is not well-formed XML (line {line}, column {column}: {str(error).split(':')[0]}); "
            "the file may be truncated or edited: export the blog again from WordPress"
        ) from None
    except OSError as error:
        raise ExportError(f"cannot be read ({error.strerror or error})") from None
    except UnicodeDecodeError:
        raise ExportError("is not UTF-8 text: export the blog again from WordPress") from None
    root = tree.getroot()
    channel = root.find("channel")
    if _split(root.tag)[1] != "rss" or channel is None:
        raise ExportError("is not a WordPress export (WXR): it has no <rss><channel>; use Tools → Export in WordPress")
    fields = _fields(channel)
    versions = [
        _split(element.tag)[0] for element in channel.iter() if _split(element.tag)[1] == "wxr_version"
    ]
    wp_namespaces = {
        match.group(1)
        for element in channel.iter()
        if (match := WP_NAMESPACE.match(_split(element.tag)[0]))
    }
    if not versions and not wp_namespaces:
        raise ExportError("is an RSS feed, not a WordPress export (WXR): use Tools → Export in WordPress")
    declared = (_text(fields, "wp:wxr_version") or "").strip()
    unknown = sorted((wp_namespaces | ({declared} if declared else set())) - set(KNOWN_VERSIONS))
    if unknown:
        raise ExportError(
            f"uses WXR version {', '.join(unknown)}, which this importer does not know "
            f"(it reads {', '.join(KNOWN_VERSIONS)}): export from a WordPress that writes one of them"
        )
    authors = {}
    for author in fields.get("wp:author", []):
        values = _fields(author)
        login = _text(values, "wp:author_login").strip()
        display = html.unescape(_text(values, "wp:author_display_name")).strip()
        if login:
            authors[login] = display or login
    items = []
    for element in channel.findall("item"):
        values = _fields(element)
        terms = [
            Term(term.get("domain", ""), term.get("nicename", ""), html.unescape(term.text or "").strip())
            for term in values.get("category", [])
        ]
        meta = {}
        for entry in values.get("wp:postmeta", []):
            pair = _fields(entry)
            meta[_text(pair, "wp:meta_key")] = _text(pair, "wp:meta_value")
        items.append(Item(
            post_id=_int(_text(values, "wp:post_id")),
            title=_text(values, "title"),
            link=_text(values, "link").strip(),
            guid=_text(values, "guid").strip(),
            creator=_text(values, "dc:creator").strip(),
            content=_text(values, "content:encoded"),
            excerpt=_text(values, "excerpt:encoded"),
            post_date=_text(values, "wp:post_date").strip(),
            post_name=_text(values, "wp:post_name").strip(),
            status=_text(values, "wp:status").strip(),
            post_type=_text(values, "wp:post_type").strip(),
            password=_text(values, "wp:post_password"),
            parent=_int(_text(values, "wp:post_parent") or "0"),
            terms=terms,
            meta=meta,
            attachment_url=_text(values, "wp:attachment_url").strip(),
        ))
    return Export(
        path=path,
        version=declared or min(wp_namespaces),
        title=_text(fields, "title").strip(),
        site_url=(_text(fields, "wp:base_site_url") or _text(fields, "link")).strip().rstrip("/"),
        blog_url=(_text(fields, "wp:base_blog_url") or _text(fields, "link")).strip().rstrip("/"),
        authors=authors,
        items=items,
    )
