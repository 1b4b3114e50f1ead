"""A WordPress post's HTML to MyST Markdown, with the book's safety policy applied on the way.

Two stages, so that pandoc runs once for a whole export rather than once per post (about
70 ms a call): ``prepare()`` reads one post's HTML with BeautifulSoup and does what only
knowledge of WordPress can do (``wpautop`` paragraphs, block-editor comments, shortcodes,
the safety policy, the byline of editorial accounts, footnotes, figures, tables, media), and
leaves plain HTML fragments; ``to_markdown()`` converts every fragment of every post with
pandoc in one call; ``assemble()`` puts a post's Markdown together. pandoc was chosen over
markdownify by measured fidelity (bench/converter_fidelity.py, docs/importing.md).

Nothing is dropped silently: every removal or change a reader could notice is a note, which
the report prints with the post's name.
"""

from __future__ import annotations

import html as html_module
import json
import re
import secrets
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from urllib.parse import unquote, urljoin, urlsplit

from bs4 import BeautifulSoup, Comment, NavigableString, Tag

from ..model.link_policy import IMAGE_SUFFIXES, unsafe_scheme

# --- wpautop -----------------------------------------------------------------------------

# The block elements of WordPress's wpautop(): paragraphs are never opened around them.
BLOCKS = (
    "table|thead|tfoot|caption|col|colgroup|tbody|tr|td|th|div|dl|dd|dt|ul|ol|li|pre|form|map|area|"
    "blockquote|address|math|style|p|h[1-6]|hr|fieldset|legend|section|article|aside|hgroup|header|"
    "footer|nav|figure|figcaption|details|menu|summary|iframe|script|object|video|audio|embed"
)
OPEN_BLOCK = re.compile(rf"(<(?:{BLOCKS})[\s/>])", re.IGNORECASE)
CLOSE_BLOCK = re.compile(rf"(</(?:{BLOCKS})>)", re.IGNORECASE)
P_BEFORE_BLOCK = re.compile(rf"<p>\s*(</?(?:{BLOCKS})[\s/>][^>]*>|</?(?:{BLOCKS})>)", re.IGNORECASE)
P_AFTER_BLOCK = re.compile(rf"(</?(?:{BLOCKS})(?:[\s/][^>]*)?>)\s*</p>", re.IGNORECASE)
PRE = re.compile(r"<pre[\s>].*?</pre>", re.IGNORECASE | re.DOTALL)
BLANK_LINES = re.compile(r"\n[ \t]*(?=\n)(?:\n[ \t]*(?=\n))*\n")
BR_AFTER_BLOCK = re.compile(rf"(</?(?:{BLOCKS})(?:[\s/][^>]*)?>)<br />", re.IGNORECASE)
BR_BEFORE_BLOCK = re.compile(r"<br />(\n</?(?:p|li|div|dl|dd|dt|th|pre|td|ul|ol|figure|figcaption|blockquote|h[1-6])[\s/>])", re.IGNORECASE)


def wpautop(text: str) -> str:
    """Paragraphs from blank lines and line breaks from single newlines, as WordPress shows a
    classic-editor post (a port of the steps of WordPress's wpautop() that shape content)."""
    kept: list[str] = []

    def keep(match: re.Match) -> str:
        kept.append(match.group(0))
        return f"<pre>PPBLOGPRE{len(kept) - 1}</pre>"

    text = PRE.sub(keep, text.replace("\r\n", "\n").replace("\r", "\n"))
    text = OPEN_BLOCK.sub(r"\n\n\1", text)
    text = CLOSE_BLOCK.sub(r"\1\n\n", text)
    chunks = [chunk.strip() for chunk in BLANK_LINES.split(text)]
    text = "".join(f"<p>{chunk}</p>\n" for chunk in chunks if chunk)
    text = P_BEFORE_BLOCK.sub(r"\1", text)
    text = P_AFTER_BLOCK.sub(r"\1", text)
    # A newline left inside a paragraph is a line break, except next to a block tag.
    lines = [line.rstrip() for line in text.split("\n")]
    text = "\n".join(line if line.endswith("<br />") else line + "<br />" for line in lines[:-1]) + "\n" + lines[-1]
    text = BR_AFTER_BLOCK.sub(r"\1", text)
    text = BR_BEFORE_BLOCK.sub(r"\1", text)
    return re.sub(r"<pre>PPBLOGPRE(\d+)</pre>", lambda m: kept[int(m.group(1))], text)


# --- shortcodes ----------------------------------------------------------------------------

SHORTCODE_OPEN = re.compile(r"\[([a-zA-Z][a-zA-Z0-9_-]*)((?:\s[^\]]*)?)\]")
ATTRIBUTE = re.compile(r"""([a-zA-Z_][\w-]*)\s*=\s*(?:"([^"]*)"|'([^']*)'|(\S+))""")
# Shortcodes whose name alone shows they are shortcodes (text like "[sic]" is not one).
KNOWN_SHORTCODES = {
    "caption", "wp_caption", "gallery", "embed", "video", "audio", "playlist", "youtube", "vimeo",
    "soundcloud", "tweet", "googlemaps", "slideshare", "scribd", "contact-form", "contact-form-7",
    "efn_note", "footnote", "ref", "fn", "dropcap", "button", "pullquote", "blockquote", "code",
    "sourcecode", "latex", "spoiler", "toggle", "tabs", "tab", "column", "columns", "one_half",
}
FOOTNOTE_SHORTCODES = {"efn_note", "footnote", "ref", "fn"}
EMBED_SHORTCODES = {"embed", "youtube", "vimeo", "soundcloud", "tweet", "video", "audio", "playlist",
                    "googlemaps", "slideshare", "scribd"}


def attributes(text: str) -> dict[str, str]:
    return {m.group(1).lower(): next(g for g in m.groups()[1:] if g is not None) for m in ATTRIBUTE.finditer(text)}


@dataclass
class Attachment:
    url: str
    alt: str
    caption: str
    parent: int


@dataclass
class Source:
    """What a post's conversion needs to know besides its HTML."""

    site_url: str
    post_id: int = 0
    block_editor: bool = False
    attachments: dict[int, Attachment] = field(default_factory=dict)
    footnotes_meta: str = ""  # the block editor's footnotes (post meta 'footnotes', JSON)
    media_dir: Path | None = None
    media_folder: str = ""  # the folder next to the post that receives its images
    editorial: bool = False


def expand_shortcodes(text: str, source: Source, notes: list[str]) -> str:
    """Turn the shortcodes the book can show into HTML, and the others into their text."""
    out: list[str] = []
    position = 0
    while True:
        match = SHORTCODE_OPEN.search(text, position)
        if match is None:
            out.append(text[position:])
            break
        name, attrs = match.group(1).lower(), match.group(2)
        if text[match.start() - 1: match.start()] == "[" and text[match.end(): match.end() + 1] == "]":
            # [[name]] is WordPress's way of writing a shortcode as text.
            out.append(text[position: match.start() - 1] + text[match.start(): match.end()])
            position = match.end() + 1
            continue
        closing = f"[/{match.group(1)}]"
        end = text.find(closing, match.end())
        is_shortcode = name in KNOWN_SHORTCODES or "=" in attrs or end != -1
        if not is_shortcode:
            out.append(text[position: match.end()])
            position = match.end()
            continue
        out.append(text[position: match.start()])
        inner = text[match.end(): end] if end != -1 else ""
        position = end + len(closing) if end != -1 else match.end()
        values = attributes(attrs)
        if name in ("caption", "wp_caption"):
            out.append(caption_html(inner, values))
        elif name == "gallery":
            out.append(gallery_html(values, source, notes))
        elif name in EMBED_SHORTCODES:
            url = (inner.strip() or values.get("url") or values.get("src") or values.get("mp4")
                   or (attrs.split() or [""])[0])
            if url.startswith(("http://", "https://")):
                notes.append(f"[{name}] {url} is shown as a link (embedded players are not published)")
                safe = html_module.escape(url, quote=True)
                out.append(f'<p><a href="{safe}">{safe}</a></p>')
            else:
                notes.append(f"[{name}] shortcode without an address was removed")
        elif name in FOOTNOTE_SHORTCODES:
            out.append(f'<span class="pp-note">{inner}</span>')
        else:
            notes.append(f"shortcode [{name}] is not known to the importer: removed, its text kept")
            out.append(inner)
    return "".join(out)


def caption_html(inner: str, values: dict[str, str]) -> str:
    """``[caption]<img ...> Text[/caption]`` (or ``caption="Text"``) as a figure."""
    soup = BeautifulSoup(inner, "html.parser")
    image = soup.find("img")
    if image is None:
        return inner
    holder = image.parent if image.parent.name == "a" else image
    holder.extract()
    caption = values.get("caption") or soup.decode().strip()
    return f"<figure>{holder.decode()}<figcaption>{caption}</figcaption></figure>"


def gallery_html(values: dict[str, str], source: Source, notes: list[str]) -> str:
    ids = [int(i) for i in re.findall(r"\d+", values.get("ids", "") or values.get("include", ""))]
    if not ids:  # a gallery without ids shows the images attached to the post
        ids = sorted(i for i, a in source.attachments.items() if a.parent == source.post_id and source.post_id)
    parts = []
    for attachment_id in ids:
        attachment = source.attachments.get(attachment_id)
        if attachment is None:
            notes.append(f"[gallery] image {attachment_id} is not in the export: left out")
            continue
        alt = html_module.escape(attachment.alt, quote=True)
        src = html_module.escape(attachment.url, quote=True)
        caption = f"<figcaption>{attachment.caption}</figcaption>" if attachment.caption else ""
        parts.append(f'<figure><img src="{src}" alt="{alt}">{caption}</figure>')
    if not parts:
        notes.append("[gallery] has no images in the export: removed")
    return "".join(parts)


# --- the safety policy and the HTML clean-up ------------------------------------------------

# Elements whose content is never text of the post, removed with what they contain.
REMOVED = {"script", "style", "noscript", "object", "embed", "applet", "form", "input", "button",
           "textarea", "select", "link", "meta", "base", "frame", "frameset", "svg", "math", "template",
           "canvas", "head", "title"}
MEDIA_PLAYERS = {"iframe", "video", "audio"}
LINK_SCHEMES = ("http://", "https://", "mailto:")
URL_ONLY = re.compile(r"^https?://\S+$")
SIZED = re.compile(r"-\d+x\d+(?=\.[A-Za-z0-9]+$)")
HEADINGS = ["h1", "h2", "h3", "h4", "h5", "h6"]
TOKEN = "PPBLOG"
# Where a post's images go is known only once its file is named: this stands for the folder.
MEDIA_FOLDER = f"{TOKEN}MEDIAFOLDER"


@dataclass
class Figure:
    src: str  # the image's address in the post (a file next to it)
    alt: str
    caption: int  # the index of its caption's fragment


@dataclass
class Table:
    header_rows: int
    rows: list[list[int]]  # fragment indexes of the cells


@dataclass
class Prepared:
    """A post's body as HTML fragments, waiting for pandoc, and what was noticed on the way."""

    fragments: list[str]  # [0] is the body; the rest are captions, cells and footnotes
    figures: list[Figure] = field(default_factory=list)
    tables: list[Table] = field(default_factory=list)
    footnotes: list[int] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    media: list[tuple[Path, str]] = field(default_factory=list)  # (file in --media, name next to the post)
    byline: list[tuple[str, str]] | None = None  # (name, role) from an editorial post's byline
    words: Counter = field(default_factory=Counter)  # the words a reader sees, to check nothing is lost

    def add(self, fragment: str) -> int:
        self.fragments.append(fragment)
        return len(self.fragments) - 1


def describe(tag: Tag) -> str:
    return f"<{tag.name}>"


def apply_policy(soup: BeautifulSoup, prepared: Prepared, source: Source) -> None:
    """What docs/bad-input.md refuses never reaches the Markdown; each removal is a note."""
    for element in list(soup.find_all(True)):
        if element.decomposed:
            continue
        name = element.name.lower()
        if name in REMOVED:
            prepared.notes.append(f"removed {describe(element)} (not allowed in the book)")
            element.decompose()
            continue
        if name in MEDIA_PLAYERS:
            address = element.get("src") or ""
            if not address and element.find("source") is not None:
                address = element.find("source").get("src") or ""
            absolute = urljoin(source.site_url + "/", address) if address else ""
            if absolute.startswith(("http://", "https://")) and not unsafe_scheme(address):
                prepared.notes.append(f"removed {describe(element)} {absolute}: shown as a link")
                link = soup.new_tag("a", href=absolute)
                link.string = absolute
                paragraph = soup.new_tag("p")
                paragraph.append(link)
                element.replace_with(paragraph)
            else:
                prepared.notes.append(f"removed {describe(element)} (not allowed in the book)")
                element.decompose()
            continue
        for attribute in list(element.attrs):
            if attribute.lower().startswith("on"):
                prepared.notes.append(f"removed the event handler {attribute}= of {describe(element)}")
                del element[attribute]


def clean_links(soup: BeautifulSoup, prepared: Prepared, source: Source) -> None:
    for link in list(soup.find_all("a")):
        href = (link.get("href") or "").strip()
        if not href:
            link.unwrap()
            continue
        scheme = unsafe_scheme(href)
        if scheme:
            prepared.notes.append(f"removed a {scheme} link (its text is kept): {link.get_text(' ', strip=True)[:60]!r}")
            link.unwrap()
            continue
        if href.startswith("#"):
            # Anchors inside the post are not places in the book (footnotes were taken before).
            prepared.notes.append(f"removed the link to {href[:60]!r} inside the post (its text is kept)")
            link.unwrap()
            continue
        absolute = urljoin(source.site_url + "/", href)
        if not absolute.startswith(LINK_SCHEMES):
            prepared.notes.append(f"removed a link to {absolute[:60]!r}: only http, https and mailto links are kept")
            link.unwrap()
            continue
        link.attrs = {"href": absolute}


def uploads_path(url: str) -> str | None:
    """The path of an image under wp-content/uploads (or a wordpress.com files host), or None."""
    parts = urlsplit(url)
    path = unquote(parts.path)
    if "/wp-content/uploads/" in path:
        relative = path.split("/wp-content/uploads/", 1)[1]
    elif parts.netloc.endswith(".files.wordpress.com"):
        relative = path.lstrip("/")
    else:
        return None
    pure = PurePosixPath(relative)
    if not relative or any(part in ("", ".", "..") for part in pure.parts) or "\\" in relative:
        return None
    return pure.as_posix()


def local_image(url: str, source: Source, prepared: Prepared) -> str | None:
    """Copy an uploaded image next to the post; its new address, or None (it stays a link)."""
    relative = uploads_path(url)
    if relative is None:
        prepared.notes.append(f"image {url[:80]} is not on this blog's uploads: kept as a link")
        return None
    suffix = PurePosixPath(relative).suffix.lower()
    if suffix not in IMAGE_SUFFIXES:
        prepared.notes.append(f"image {relative} is not a PNG, JPEG, GIF or WebP image: kept as a link")
        return None
    if source.media_dir is None:
        prepared.notes.append(f"image {relative}: no --media folder given, kept as a link")
        return None
    candidates = [relative]
    if SIZED.search(relative):  # a resized copy: the original serves when the copy is missing
        candidates.append(SIZED.sub("", relative))
    root = source.media_dir.resolve()
    for candidate in candidates:
        path = (root / candidate).resolve()
        if path.is_relative_to(root) and path.is_file():
            name = PurePosixPath(candidate).name
            taken = {n for _, n in prepared.media}
            if name in taken and (path, name) not in prepared.media:
                name = f"{PurePosixPath(candidate).parent.as_posix().replace('/', '-')}-{name}"
            if (path, name) not in prepared.media:
                prepared.media.append((path, name))
            return f"{source.media_folder}/{name}"
    prepared.notes.append(f"image {relative} is not in the --media folder: kept as a link")
    return None


def image_as_link(soup: BeautifulSoup, image: Tag, url: str) -> Tag:
    link = soup.new_tag("a", href=url)
    link.string = (image.get("alt") or "").strip() or PurePosixPath(urlsplit(url).path).name or url
    return link


def clean_images(soup: BeautifulSoup, prepared: Prepared, source: Source) -> None:
    for image in list(soup.find_all("img")):
        src = (image.get("src") or image.get("data-src") or "").strip()
        scheme = unsafe_scheme(src) if src else None
        if not src or scheme:
            prepared.notes.append(f"removed an image with {'a ' + scheme if scheme else 'no'} address")
            image.decompose()
            continue
        url = urljoin(source.site_url + "/", src)
        parent = image.parent
        # A thumbnail that links to its own full-size file: the image itself is enough.
        if parent is not None and parent.name == "a" and uploads_path(parent.get("href") or "") is not None:
            parent.unwrap()
        local = local_image(url, source, prepared)
        if local is None:
            image.replace_with(image_as_link(soup, image, url))
        else:
            image.attrs = {"src": local, "alt": " ".join((image.get("alt") or "").split())}


def take_figures(soup: BeautifulSoup, prepared: Prepared) -> None:
    """Images with a caption become MyST figures: a token now, the directive in assemble()."""
    holders = soup.find_all("figure") + soup.select("div.wp-caption")
    for holder in holders:
        if holder.decomposed or holder.parent is None:
            continue
        image = holder.find("img")
        caption = holder.find(["figcaption"]) or holder.find(class_="wp-caption-text")
        if image is None or caption is None or not caption.get_text(strip=True):
            holder.unwrap()
            if caption is not None:
                caption.name = "p"
            continue
        index = len(prepared.figures)
        caption_fragment = prepared.add(caption.decode_contents())
        prepared.figures.append(Figure(image["src"], image.get("alt", ""), caption_fragment))
        token = soup.new_tag("p")
        token.string = f"{TOKEN}FIG{index}X"
        holder.replace_with(token)


def take_footnotes(soup: BeautifulSoup, prepared: Prepared, source: Source) -> None:
    """Footnotes of the block editor, of footnote shortcodes and of pasted Word documents."""
    def reference(element: Tag, content: str) -> None:
        number = len(prepared.footnotes)
        prepared.footnotes.append(prepared.add(content))
        element.replace_with(NavigableString(f"{TOKEN}NOTE{number}X"))

    stored = {}
    if source.footnotes_meta:
        try:
            stored = {n["id"]: n.get("content", "") for n in json.loads(source.footnotes_meta)
                      if isinstance(n, dict) and isinstance(n.get("id"), str)}
        except (ValueError, TypeError):
            prepared.notes.append("the block editor's footnotes could not be read: left out")
    for sup in list(soup.select("sup[data-fn]")):
        content = stored.get(sup["data-fn"])
        if content is None:
            prepared.notes.append("a footnote mark has no footnote text in the export: removed")
            sup.decompose()
        else:
            reference(sup, content)
    for note in list(soup.select("ol.wp-block-footnotes")):
        note.decompose()
    for span in list(soup.select("span.pp-note")):
        reference(span, span.decode_contents())
    # Word's footnotes: a link to "#_ftn1" whose target links back to the mark.
    by_anchor = {}
    for anchor in soup.find_all("a"):
        for key in ("id", "name"):
            if anchor.get(key):
                by_anchor.setdefault(anchor[key], anchor)
    for mark in list(soup.find_all("a", href=re.compile(r"^#."))):
        if mark.decomposed or mark.parent is None:
            continue
        target = by_anchor.get(mark["href"][1:])
        mark_names = {mark.get("id"), mark.get("name")} - {None}
        if target is None or (target.get("href") or "")[1:] not in mark_names:
            continue
        block = target.find_parent(["p", "li", "div"]) or target.parent
        target.decompose()
        content = block.decode_contents().strip() if block is not None else ""
        if block is not None:
            block.decompose()
        holder = mark.parent if mark.parent.name == "sup" and len(mark.parent.get_text(strip=True)) == len(mark.get_text(strip=True)) else mark
        reference(holder, re.sub(r"^\s*(\[\d+\]|\d+[.)]?)\s*", "", content))


def simple_table(table: Tag) -> bool:
    if table.find(["table", "p", "ul", "ol", "blockquote", "pre", "img", "br", "h1", "h2", "h3", "h4", "h5", "h6", "figure", "div"]) is not None:
        return False
    if any(cell.get("colspan", "1") != "1" or cell.get("rowspan", "1") != "1" for cell in table.find_all(["td", "th"])):
        return False
    rows = table.find_all("tr")
    return bool(rows) and len({len(row.find_all(["td", "th"])) for row in rows}) == 1 and bool(rows[0].find("th"))


def take_tables(soup: BeautifulSoup, prepared: Prepared) -> None:
    """Tables pandoc can write as pipe tables stay HTML; the others become list tables."""
    for table in list(soup.find_all("table")):
        if table.decomposed or table.find_parent("table") is not None:
            continue
        if simple_table(table):
            continue
        grid: list[list[int]] = []
        pending: dict[int, int] = {}  # column -> rows a cell above still spans
        merged = False
        header_rows = 0
        for row in table.find_all("tr"):
            if row.find_parent("table") is not table:
                continue
            cells = []
            column = 0
            for cell in row.find_all(["td", "th"], recursive=False):
                while pending.get(column, 0) > 0:
                    pending[column] -= 1
                    cells.append(prepared.add(""))
                    column += 1
                cells.append(prepared.add(cell.decode_contents()))
                span = int(cell.get("colspan", "1")) if str(cell.get("colspan", "1")).isdigit() else 1
                down = int(cell.get("rowspan", "1")) if str(cell.get("rowspan", "1")).isdigit() else 1
                for extra in range(1, max(span, 1)):
                    cells.append(prepared.add(""))
                    merged = True
                if down > 1:
                    merged = True
                    for offset in range(max(span, 1)):
                        pending[column + offset] = down - 1
                column += max(span, 1)
            while pending.get(column, 0) > 0:
                pending[column] -= 1
                cells.append(prepared.add(""))
                column += 1
            if cells:
                if row.find("th") is not None and len(grid) == header_rows:
                    header_rows += 1
                grid.append(cells)
        if not grid:
            table.decompose()
            continue
        width = max(len(row) for row in grid)
        for row in grid:
            row.extend(prepared.add("") for _ in range(width - len(row)))
        if table.find("table", recursive=True) is not None:
            prepared.notes.append("a table inside a table was flattened into its cell")
        if merged:
            prepared.notes.append("a table with merged cells: each merged cell is shown once, the rest left empty")
        index = len(prepared.tables)
        prepared.tables.append(Table(min(header_rows, len(grid) - 1), grid))
        token = soup.new_tag("p")
        token.string = f"{TOKEN}TABLE{index}X"
        table.replace_with(token)


def normalise_headings(soup: BeautifulSoup) -> None:
    """Headings start at level 2 (the title is level 1) and never skip a level (MyST warns)."""
    previous = 1
    for heading in soup.find_all(HEADINGS):
        level = min(int(heading.name[1]), previous + 1)
        level = max(level, 2)
        heading.name = f"h{level}"
        previous = level


def links_from_bare_urls(soup: BeautifulSoup, prepared: Prepared) -> None:
    """A paragraph that is only an address is WordPress's auto-embed: show it as a link."""
    for paragraph in soup.find_all(["p", "div"]):
        text = paragraph.get_text().strip()
        if URL_ONLY.match(text) and paragraph.find("a") is None:
            link = soup.new_tag("a", href=text)
            link.string = text
            paragraph.clear()
            paragraph.append(link)
            paragraph.name = "p"
            prepared.notes.append(f"embedded {text[:80]} is shown as a link (embedded players are not published)")


def split_at_line_breaks(soup: BeautifulSoup) -> None:
    """A line break inside a paragraph starts a new paragraph; elsewhere it is a space.

    MyST writes a Markdown hard line break as raw HTML, which the book refuses in posts.
    """
    for paragraph in list(soup.find_all("p")):
        if paragraph.find("br", recursive=False) is None:
            continue
        groups: list[list] = [[]]
        for child in list(paragraph.children):
            if isinstance(child, Tag) and child.name == "br":
                groups.append([])
            else:
                groups[-1].append(child.extract())
        for group in groups:
            if not any(isinstance(c, Tag) or c.strip() for c in group):
                continue
            new = soup.new_tag("p")
            for child in group:
                new.append(child)
            paragraph.insert_before(new)
        paragraph.decompose()
    for br in list(soup.find_all("br")):
        br.replace_with(" ")


# --- the byline of editorial accounts --------------------------------------------------------

NAME_SEPARATORS = re.compile(r"\s*,\s*(?:and\s+|&\s*)?|\s+(?:and|&|with)\s+")
PARTICLES = {"van", "de", "der", "den", "von", "da", "del", "della", "di", "du", "la", "le", "ten", "ter",
             "bin", "al", "el", "dos", "das", "y", "zu"}
NAME_WORD = re.compile(r"^(?:[A-ZÀ-ÖØ-Þ\u0100-\u024f][\w'’.\-]*|[A-Z]\.)$")


def names_in(line: str) -> list[str] | None:
    """The names of a byline such as "Sarah van Duijn, Duco Bannink & Henk Nies", or None."""
    line = " ".join(line.split())
    if not line or len(line) > 300 or any(ch.isdigit() for ch in line) or line.endswith((".", ":", "?", "!")) and not line.endswith(" Jr."):
        return None
    parts = [part.strip() for part in NAME_SEPARATORS.split(line) if part.strip()]
    if not parts or len(parts) > 12:
        return None
    for part in parts:
        words = part.split()
        if not 1 <= len(words) <= 6 or len(part) > 60:
            return None
        capitalised = [w for w in words if NAME_WORD.match(w)]
        if len(capitalised) + sum(w.lower() in PARTICLES for w in words) != len(words) or len(capitalised) < 1:
            return None
    return parts


def take_byline(soup: BeautifulSoup, prepared: Prepared) -> None:
    """Headshots and the names at the top of an editorial account's post become its authors."""
    headshots = []
    top = [child for child in soup.children if isinstance(child, Tag) or child.strip()]
    for block in top[:6]:
        if not isinstance(block, Tag) or block.name not in ("p", "figure", "div", "img", "a"):
            return
        lines = [line for line in block_lines(block) if line]
        pictured = block.name == "img" or block.find("img") is not None
        if pictured and (not lines or block.name == "figure"):  # headshots (with their caption)
            headshots.append(block)
            continue
        if not lines or len(lines) > 3 or (block.name != "p" and not pictured):
            return
        found = names_in(lines[0])
        role = " ".join(lines[1:]) if found is not None and len(found) == 1 else ""
        if found is None or (len(lines) > 1 and not role) or len(role) > 120:
            return
        prepared.byline = [(name, role if index == 0 else "") for index, name in enumerate(found)]
        for element in [*headshots, block]:
            element.decompose()
        return


def block_lines(block: Tag) -> list[str]:
    """The lines of a block's text as a reader sees them (split at <br>), images left out."""
    copy = BeautifulSoup(block.decode(), "html.parser")
    for image in copy.find_all("img"):
        image.decompose()
    for br in copy.find_all("br"):
        br.replace_with("\n")
    return [" ".join(line.split()) for line in copy.get_text().split("\n")]


# --- prepare, convert, assemble ---------------------------------------------------------------

WORD = re.compile(r"\w+")


TOKENS = re.compile(rf"{TOKEN}[A-Z]+\d*X?")


def visible_words(text: str) -> Counter:
    return Counter(word.casefold() for word in WORD.findall(TOKENS.sub(" ", text)))


def prepare(content: str, source: Source) -> Prepared:
    prepared = Prepared(fragments=[""])
    content = expand_shortcodes(content, source, prepared.notes)
    if not source.block_editor:
        content = wpautop(content)
    soup = BeautifulSoup(content, "html.parser")
    for comment in list(soup.find_all(string=lambda s: isinstance(s, Comment))):
        comment.extract()
    apply_policy(soup, prepared, source)
    if source.editorial:
        take_byline(soup, prepared)
    split_at_line_breaks(soup)
    take_footnotes(soup, prepared, source)
    clean_images(soup, prepared, source)
    clean_links(soup, prepared, source)
    links_from_bare_urls(soup, prepared)
    take_figures(soup, prepared)
    take_tables(soup, prepared)
    normalise_headings(soup)
    for dl in soup.find_all("dl"):
        prepared.notes.append("a definition list is shown as plain lines")
        break
    prepared.fragments[0] = soup.decode()
    prepared.words = sum(
        (visible_words(BeautifulSoup(fragment, "html.parser").get_text(" ")) for fragment in prepared.fragments),
        Counter(),
    )
    return prepared


def to_markdown(fragments: list[str]) -> list[str]:
    """Every fragment in GitHub-flavoured Markdown without raw HTML, in one pandoc run."""
    if not fragments:
        return []
    import pypandoc  # its import looks for the pandoc binary: only when there is work

    nonce = secrets.token_hex(6).upper()
    separator = f"{TOKEN}SPLIT{nonce}"
    joined = "".join(f"<p>{separator}</p>{fragment}" for fragment in fragments)
    output = pypandoc.convert_text(joined, "gfm-raw_html", format="html", extra_args=["--wrap=none"])
    parts = re.split(rf"^{separator}$\n?", output, flags=re.MULTILINE)
    if len(parts) != len(fragments) + 1:  # a separator did not survive: convert one by one
        return [pypandoc.convert_text(f, "gfm-raw_html", format="html", extra_args=["--wrap=none"]).strip("\n")
                for f in fragments]
    # Only blank lines are trimmed: a first line's indent can be an indented code block's.
    return [part.strip("\n") for part in parts[1:]]


# Lines MyST reads as its own syntax (directives, comments, targets, block breaks), which
# pandoc's Markdown writes as they are: escaped so that they stay text.
MYST_SYNTAX = re.compile(r"^(\s*)(:::|%|\+\+\+|\([^)\n]*\)=\s*$)")
FENCE = re.compile(r"^\s*(```|~~~)")


def neutralise(markdown: str) -> str:
    lines = []
    fenced = False
    for line in markdown.split("\n"):
        if FENCE.match(line):
            fenced = not fenced
        elif not fenced:
            line = MYST_SYNTAX.sub(lambda m: m.group(1) + "\\" + m.group(2), line)
        lines.append(line)
    return "\n".join(lines)


def indent(text: str, prefix: str) -> str:
    return "\n".join(prefix + line if line else "" for line in text.split("\n"))


def quoted_option(text: str) -> str:
    return " ".join(text.split())


def assemble(prepared: Prepared, converted: list[str]) -> str:
    body = converted[0]

    def figure(match: re.Match) -> str:
        item = prepared.figures[int(match.group(1))]
        lines = [f":::{{figure}} {item.src}"]
        if item.alt.strip():
            lines.append(f":alt: {quoted_option(item.alt)}")
        lines += ["", neutralise(converted[item.caption]), ":::"]
        return "\n".join(lines)

    def table(match: re.Match) -> str:
        item = prepared.tables[int(match.group(1))]
        lines = ["::::{list-table}"]
        if item.header_rows:
            lines.append(f":header-rows: {item.header_rows}")
        lines.append("")
        for row in item.rows:
            for column, cell in enumerate(row):
                text = neutralise(converted[cell]) or " "
                first, *rest = text.split("\n")
                lines.append(("* - " if column == 0 else "  - ") + first)
                lines.extend(indent("\n".join(rest), "    ").split("\n") if rest else [])
        lines.append("::::")
        return "\n".join(lines)

    body = neutralise(body)
    body = re.sub(rf"^{TOKEN}FIG(\d+)X$", figure, body, flags=re.MULTILINE)
    body = re.sub(rf"^{TOKEN}TABLE(\d+)X$", table, body, flags=re.MULTILINE)
    used = set()

    def note(match: re.Match) -> str:
        used.add(int(match.group(1)))
        return f"[^{int(match.group(1)) + 1}]"

    body = re.sub(rf"{TOKEN}NOTE(\d+)X", note, body)
    definitions = []
    for number, fragment in enumerate(prepared.footnotes):
        if number not in used:
            prepared.notes.append(f"footnote {number + 1} lost its mark in conversion: left out")
            continue
        text = neutralise(converted[fragment]) or "(no text)"
        first, *rest = text.split("\n")
        definitions.append(f"[^{number + 1}]: {first}" + ("\n" + indent("\n".join(rest), "    ") if rest else ""))
    markdown = body.strip("\n")
    if definitions:
        markdown += "\n\n" + "\n\n".join(definitions)
    return markdown + "\n"


def lost_words(prepared: Prepared, markdown: str) -> list[str]:
    """Words of the WordPress text that the Markdown no longer has (what pandoc dropped)."""
    from markdown_it import MarkdownIt
    from mdit_py_plugins.footnote import footnote_plugin

    rendered = MarkdownIt("commonmark").enable("table").use(footnote_plugin).render(markdown)
    kept = visible_words(BeautifulSoup(rendered, "html.parser").get_text(" "))
    return sorted((prepared.words - kept).keys())
