"""``ppblog import wordpress``: plan every file first, check the plan as the build would, then write.

Everything that can make the import fail (an unreadable export or map file, a collection the
map names without declaring it) is found before
anything is written. A post that would break the build is left out and reported; the others
are written.
"""

from __future__ import annotations

import datetime as dt
import html
import shutil
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import unquote

from bs4 import BeautifulSoup

from ..model import frontmatter as fm
from ..model.content import empty_body_problem, source_problem
from ..model.layout import POSTS_DIR, landing_docname
from ..model.names import MAX_ADDRESS, MAX_NAME, page_address
from ..model.text import format_date
from . import convert, writer
from .mapping import ImportMap, MapError, read_map
from .report import Report
from .wxr import Export, ExportError, Item, read_export

YEAR = fm.YEAR
# The category of each kind of collection when the map names none (conf.py's ppblog_categories
# must list them).
DEFAULT_CATEGORY = fm.CATEGORY_OF_KIND
PUBLISHED, SCHEDULED, DRAFT = "publish", "future", "draft"
# The tag of a post that has none in WordPress (the book requires one).
UNTAGGED = "untagged"
SKIPPED_TYPES = {"page": "pages", "attachment": "attachments", "nav_menu_item": "menu items",
                 "revision": "revisions", "guest-author": "guest author profiles"}
SKIPPED_STATUSES = {"private": "private posts", "trash": "trashed posts", "auto-draft": "automatic drafts",
                    "inherit": "revisions"}


class ImportFailure(Exception):
    """The import cannot start: one line naming the file and the problem."""


@dataclass
class Planned:
    item: Item
    label: str  # how the report names the post
    status: str
    title: str
    date: str
    authors: list[Any]
    tags: list[str]
    category: str
    collection: str
    position: int | None
    original_url: str
    draft: bool
    prepared: convert.Prepared
    base: int = 0  # index of its first fragment in the batch
    stem: str = ""
    text: str = ""
    notes: list[str] = field(default_factory=list)

    @property
    def docname(self) -> str:
        return f"{POSTS_DIR}/{self.collection}/{self.stem}"


@dataclass
class Options:
    export: Path
    root: Path
    categories: list[str]
    media: Path | None = None
    map: Path | None = None
    dry_run: bool = False
    force: bool = False
    today: dt.date = field(default_factory=dt.date.today)


def existing_pages(root: Path) -> tuple[dict[str, dict], dict[str, dict], dict[str, str]]:
    """The book's posts and collections as records (docname -> record), and each file's text."""
    posts: dict[str, dict] = {}
    collections: dict[str, dict] = {}
    texts: dict[str, str] = {}
    for path in sorted((root / POSTS_DIR).glob("*/*.md")):
        docname = path.relative_to(root).with_suffix("").as_posix()
        try:
            text = path.read_text(encoding="utf-8")
        except UnicodeDecodeError:
            continue
        texts[docname] = text
        kind = "collection" if path.name == "index.md" else "post"
        try:
            front = fm.parse_front_matter(text)
        except fm.FrontMatterError:
            continue
        if kind == "collection":
            declared = front.data.get("collection")
            if isinstance(declared, dict) and isinstance(declared.get("slug"), str):
                collections[docname] = {**declared, "title": front.data.get("title", "")}
        elif isinstance(front.data.get("title"), str):
            record, _ = fm.read_page("post", text, folder=path.parent.name, categories=None)
            posts[docname] = record or {"title": front.data["title"], "collection": front.data.get("collection", ""),
                                        "position": None, "lines": {}}
    return posts, collections, texts


def display_names(export: Export) -> dict[str, str]:
    """Author logins to display names: WordPress users, then the co-authors plugin's guest authors."""
    names = dict(export.authors)
    for item in export.items:
        if item.post_type == "guest-author":
            login = item.meta.get("cap-user_login", "").strip()
            display = html.unescape(item.meta.get("cap-display_name", "")).strip()
            if login and display:
                names.setdefault(login, display)
    return names


def author_name(raw: str, notes: list[str]) -> str:
    name = writer.clean_text(html.unescape(raw))
    if "," in name:
        parts = [p.strip() for p in name.split(",") if p.strip()]
        fixed = " ".join(reversed(parts)) if len(parts) == 2 else " ".join(parts)
        notes.append(f"author {name!r} has a comma, which the book cannot hold in a name: written {fixed!r}")
        name = fixed
    return name


def post_authors(item: Item, names: dict[str, str], imap: ImportMap, prepared: convert.Prepared,
                 notes: list[str]) -> list[Any]:
    editorial = {account.casefold() for account in imap.editorial_accounts}
    coauthors = []
    for term in item.terms_of("author"):
        login = term.name or term.nicename.removeprefix("cap-")
        login = login if login in names else term.nicename.removeprefix("cap-")
        if login.casefold() not in editorial:
            coauthors.append(names.get(login, term.name or login))
    creator = names.get(item.creator, item.creator)
    if item.creator.casefold() in editorial:
        if prepared.byline:
            entries: list[Any] = [{"name": n, "role": r} if r else n for n, r in prepared.byline]
        elif coauthors:
            entries = coauthors
        else:
            notes.append(f"published by the editorial account {item.creator!r} with no byline at the top: "
                         f"author set to {creator!r}; correct 'authors' by hand")
            entries = [creator]
    else:
        entries = coauthors or [creator]
    result, seen = [], set()
    for entry in entries:
        name = author_name(entry["name"] if isinstance(entry, dict) else entry, notes)
        if not name or name.casefold() in seen:
            continue
        seen.add(name.casefold())
        result.append({**entry, "name": name} if isinstance(entry, dict) else name)
    if not result:
        notes.append("no author in the export: author set to 'Policy & Politics'")
        result = ["Policy & Politics"]
    return result


def post_tags(item: Item, categories_used: set[str], notes: list[str]) -> list[str]:
    """WordPress tags, then the categories no map rule used, each spelt once."""
    tags, seen = [], set()
    candidates = [t.name for t in item.terms_of("post_tag")]
    candidates += [t.name for t in item.terms_of("category")
                   if t.name.casefold() not in categories_used and t.nicename != "uncategorized"]
    for raw in candidates:
        tag = writer.clean_text(raw)
        if "," in tag:
            notes.append(f"tag {tag!r} has a comma, which the book cannot hold in a tag: written without it")
            tag = " ".join(tag.replace(",", " ").split())
        if tag and tag.casefold() not in seen:
            seen.add(tag.casefold())
            tags.append(tag)
    return tags


class Spellings:
    """One spelling per tag and per author across the book, as the build requires: the spelling
    the book already uses (or the first imported) wins, and each change is a note."""

    def __init__(self, posts: dict[str, dict]):
        self.first: dict[tuple[str, str], str] = {}
        for post in posts.values():
            for tag in post.get("tags") or []:
                self.first.setdefault(("tag", page_address(tag)), tag)
            for author in post.get("authors") or []:
                name = author["name"] if isinstance(author, dict) else author
                self.first.setdefault(("author", page_address(name)), name)

    def use(self, what: str, name: str, notes: list[str]) -> str | None:
        address = page_address(name)
        if not address:
            notes.append(f"{what} {name!r} has no letters or digits, so it cannot have a page: left out")
            return None
        if len(name) > MAX_NAME or len(address) > MAX_ADDRESS:
            notes.append(f"{what} {name[:40]!r}... is too long for a page name: left out")
            return None
        known = self.first.setdefault((what, address), name)
        if known != name:
            notes.append(f"{what} {name!r} is spelled {known!r} elsewhere in the book: written {known!r}")
        return known

    def names(self, what: str, entries: list, notes: list[str]) -> list:
        """The entries (names, or mappings with a name) in the book's spelling, each once."""
        result, seen = [], set()
        for entry in entries:
            name = self.use(what, entry["name"] if isinstance(entry, dict) else entry, notes)
            if name is None or name in seen:
                continue
            seen.add(name)
            result.append({**entry, "name": name} if isinstance(entry, dict) else name)
        return result


def plain_title(raw: str) -> str:
    return writer.clean_text(BeautifulSoup(html.unescape(raw), "html.parser").get_text())


def same_address(url: str) -> str:
    """An address as compared: http or https, with or without a final slash, host in any case."""
    scheme, _, rest = url.strip().partition("://")
    host, _, path = rest.partition("/")
    return f"{host.lower()}/{path.rstrip('/')}"


def iso_date(value: str) -> str | None:
    date = fm.parse_date(value[:10]) if value else None
    return date.isoformat() if date else None


class Importer:
    def __init__(self, options: Options):
        self.options = options
        self.root = options.root
        try:
            self.export = read_export(options.export)
        except ExportError as error:
            raise ImportFailure(f"{options.export}: {error}") from None
        try:
            self.map = read_map(options.map)
        except MapError as error:
            raise ImportFailure(f"{options.map}: {error}") from None
        try:
            self.record = writer.Record.load(self.root)
        except writer.RecordError as error:
            raise ImportFailure(str(error)) from None
        if options.media is not None and not options.media.is_dir():
            raise ImportFailure(f"{options.media}: is not a folder: give the local copy of wp-content/uploads")
        self.report = Report(str(options.export), dry_run=options.dry_run)
        self.posts, self.collections, self.texts = existing_pages(self.root)
        self.by_slug = {c["slug"]: c for c in self.collections.values()}
        self.new_collections: dict[str, str] = {}  # slug -> landing page text
        self.site = self.export.site_url or self.export.blog_url
        self.entries = self.record.entries(self.site)
        # Posts typed in by hand before the import: found by their original address, not imported twice.
        self.by_url = {same_address(p["original_url"]): d for d, p in self.posts.items()
                       if p.get("original_url") and not self.replaced(d)}
        self.spellings = Spellings({d: p for d, p in self.posts.items() if not self.replaced(d)})

    # --- planning ------------------------------------------------------------------------

    def collection_kind(self, slug: str) -> str | None:
        if slug in self.by_slug:
            return self.by_slug[slug].get("kind")
        declared = self.map.collections.get(slug)
        if declared is not None:
            return declared.get("kind")
        return None

    def check_map_collections(self) -> None:
        for slug in self.map.collections:
            if slug not in self.by_slug:
                self.landing_for_map(slug)  # checked now; written only if a post goes there
        for rule in self.map.rules:
            if rule.collection not in self.by_slug and rule.collection not in self.map.collections:
                raise ImportFailure(
                    f"{self.map.path}: rule {rule.number} names the collection {rule.collection!r}, which the book "
                    f"does not have: declare it under [collections.{rule.collection}] (see docs/importing.md)"
                )
            kind = self.collection_kind(rule.collection)
            category = rule.category or DEFAULT_CATEGORY.get(kind or "", "")
            if category not in self.options.categories:
                raise ImportFailure(
                    f"{self.map.path}: rule {rule.number}: category {category!r} is not one of the book's "
                    f"categories ({', '.join(self.options.categories)}): name one, or add it to "
                    "ppblog_categories in conf.py"
                )
        if DEFAULT_CATEGORY[YEAR] not in self.options.categories:
            raise ImportFailure(
                f"conf.py: ppblog_categories has no {DEFAULT_CATEGORY[YEAR]!r}, the category of posts that belong "
                "to no series or highlights collection: add it"
            )

    def landing_for_map(self, slug: str) -> None:
        declared = dict(self.map.collections[slug])
        title = declared.pop("title")
        declaration = {"kind": declared.pop("kind", None), "slug": slug, **declared}
        self.add_collection(slug, title, declaration)

    def add_collection(self, slug: str, title: str, declaration: dict[str, Any], year: int | None = None) -> None:
        text = writer.landing_page(title, declaration, year)
        record, problems = fm.read_page("collection", text, folder=slug, categories=None)
        if problems:
            where = f"{self.map.path}: [collections.{slug}]" if slug in self.map.collections else f"posts/{slug}/index.md"
            raise ImportFailure(f"{where}: {problems[0].message}")
        self.new_collections[slug] = text
        self.by_slug[slug] = record

    def year_collection(self, year: int) -> str:
        slug = self.map.year_slug.replace("{year}", str(year))
        if slug not in self.by_slug:
            self.add_collection(slug, self.map.year_title.replace("{year}", str(year)),
                                {"kind": YEAR, "slug": slug, "year": year}, year)
        return slug

    def plan(self) -> list[Planned]:
        self.check_map_collections()
        names = display_names(self.export)
        attachments = {
            item.post_id: convert.Attachment(
                item.attachment_url or item.guid, item.meta.get("_wp_attachment_image_alt", ""),
                html.unescape(item.excerpt), item.parent)
            for item in self.export.items if item.post_type == "attachment"
        }
        planned: list[Planned] = []
        for item in self.export.items:
            kind = item.post_type or "post"
            if kind != "post":
                self.report.skipped[SKIPPED_TYPES.get(kind, f"items of type {kind!r}")] += 1
                continue
            status = item.status or PUBLISHED
            if status in SKIPPED_STATUSES:
                self.report.skipped[SKIPPED_STATUSES[status]] += 1
                continue
            if item.password:
                self.report.skipped["password-protected posts"] += 1
                continue
            if status not in (PUBLISHED, SCHEDULED):
                status = DRAFT  # draft, pending review
            existing = self.by_url.get(same_address(item.link)) if item.link else None
            if existing is not None:
                self.report.skipped["posts already in the book"] += 1
                self.report.note(f"{existing}.md", f"is WordPress post {item.post_id} {plain_title(item.title)[:60]!r} "
                                                   "(same original address): not imported again")
                continue
            try:
                planned.append(self.plan_post(item, status, names, attachments))
            except convert.ConversionRefused as error:
                label = f"WordPress post {item.post_id} {plain_title(item.title)[:60]!r}"
                self.report.refused.append(label)
                self.report.note(label, f"not written: {error}")
        return planned

    def plan_post(self, item: Item, status: str, names: dict[str, str],
                  attachments: dict[int, convert.Attachment]) -> Planned:
        notes: list[str] = []
        title = plain_title(item.title)
        label = f"WordPress post {item.post_id} {title[:60]!r}"
        date = iso_date(item.post_date)
        if date is None:
            notes.append(f"no valid date in the export ({item.post_date!r}): dated today, as a draft")
            date, status = self.options.today.isoformat(), DRAFT
        categories = [t.name for t in item.terms_of("category")]
        wp_tags = [t.name for t in item.terms_of("post_tag")]
        rule = self.map.rule_for(title, categories, wp_tags)
        position = None
        year = int(date[:4])
        if rule is not None:
            collection = rule.collection
            if collection not in self.by_slug:
                self.landing_for_map(collection)
            kind = self.collection_kind(collection)
            category = rule.category or DEFAULT_CATEGORY[kind]
            used = {c.casefold() for c in rule.categories}
            if kind == fm.SPECIAL_ISSUE:
                position = rule.position_in(title)
            title = rule.cleaned_title(title) or title
        else:
            collection = self.year_collection(year)
            category, used = DEFAULT_CATEGORY[YEAR], set()
            kind = YEAR
        if not title:
            title = f"Untitled (WordPress post {item.post_id})"
            notes.append(f"no title in the export: titled {title!r}")
        editorial = item.creator.casefold() in {a.casefold() for a in self.map.editorial_accounts}
        source = convert.Source(
            site_url=self.site, post_id=item.post_id,
            block_editor="<!-- wp:" in item.content, attachments=attachments,
            footnotes_meta=item.meta.get("footnotes", ""), media_dir=self.options.media,
            media_folder=convert.MEDIA_FOLDER, editorial=editorial,
        )
        prepared = convert.prepare(item.content, source)
        notes.extend(prepared.notes)
        authors = self.spellings.names("author", post_authors(item, names, self.map, prepared, notes), notes)
        if not authors:
            notes.append("no author name the book can use: author set to 'Policy & Politics'")
            authors = ["Policy & Politics"]
        tags = self.spellings.names("tag", post_tags(item, used, notes), notes)
        if not tags:  # the book lists every post on at least one tag page
            tags = [self.spellings.use("tag", UNTAGGED, notes)]
            notes.append(f"no tags in WordPress: tagged {UNTAGGED!r}; give the post its tags")
        url = item.link if item.link.startswith(("http://", "https://")) else f"{self.site}/?p={item.post_id}"
        draft = status == DRAFT
        if status == SCHEDULED and fm.parse_date(date) <= self.options.today:
            notes.append(f"scheduled for {date}, which has passed without WordPress publishing it: imported as a draft")
            draft = True
        return Planned(item, label, status, title, date, authors, tags, category, collection, position,
                       url, draft, prepared, notes=notes)

    def positions(self, planned: list[Planned]) -> None:
        """A series post needs a free position within the series' planned posts, else it goes
        to the collection of its year."""
        taken: dict[tuple[str, int], str] = {}
        for docname, post in self.posts.items():
            if post.get("position") is not None and not self.replaced(docname):
                taken[(post.get("collection"), post["position"])] = docname
        for post in planned:
            if self.collection_kind(post.collection) != fm.SPECIAL_ISSUE:
                continue
            declared = self.by_slug[post.collection]
            why = None
            if post.position is None:
                why = "no series position in its title (see 'position' in the map)"
            elif post.position > declared.get("planned_posts", 0):
                why = f"position {post.position} is beyond the series' {declared.get('planned_posts')} planned posts"
            elif (post.collection, post.position) in taken:
                why = f"position {post.position} is already taken by {taken[(post.collection, post.position)]}"
            if why is None:
                taken[(post.collection, post.position)] = post.label
                continue
            year = self.year_collection(int(post.date[:4]))
            post.notes.append(f"{why}: placed in {year} instead of {post.collection}")
            post.collection, post.position = year, None
            post.category = DEFAULT_CATEGORY[YEAR]

    def replaced(self, docname: str) -> bool:
        return any(entry.get("path") == docname + ".md" for entry in self.entries.values())

    def names(self, planned: list[Planned]) -> None:
        """File names and titles no other post has (the build refuses duplicates of either)."""
        own = {entry["path"]: key for key, entry in self.entries.items()}
        stems = {d.rsplit("/", 1)[1] for d in self.posts if own.get(d + ".md") is None}
        titles = {" ".join(p["title"].casefold().split()) for d, p in self.posts.items() if own.get(d + ".md") is None}
        for post in planned:
            entry = self.entries.get(str(post.item.post_id))
            recorded = Path(entry["path"]) if entry else None
            if recorded is not None and recorded.parent.name == post.collection and recorded.stem not in stems:
                post.stem = recorded.stem
            else:
                wanted = writer.ascii_slug(unquote(post.item.post_name)) or writer.ascii_slug(post.title)
                post.stem = writer.unique_stem(wanted, post.item.post_id, stems)
            stems.add(post.stem)
            key = " ".join(post.title.casefold().split())
            if key in titles:
                original = post.title
                post.title = f"{original} ({format_date(post.date)})"
                if " ".join(post.title.casefold().split()) in titles:
                    post.title = f"{original} (WordPress post {post.item.post_id})"
                post.notes.append(f"another post is titled {original!r}: titled {post.title!r}")
            titles.add(" ".join(post.title.casefold().split()))

    # --- writing -------------------------------------------------------------------------

    def render(self, planned: list[Planned]) -> None:
        fragments: list[str] = []
        for post in planned:
            post.base = len(fragments)
            fragments.extend(post.prepared.fragments)
        converted = convert.to_markdown(fragments)
        for post in planned:
            mine = converted[post.base: post.base + len(post.prepared.fragments)]
            body = convert.assemble(post.prepared, mine).replace(convert.MEDIA_FOLDER, f"{post.stem}-media")
            post.notes.extend(n for n in post.prepared.notes if n not in post.notes)
            lost = convert.lost_words(post.prepared, body)
            if lost:
                post.notes.append(f"{len(lost)} word(s) of the WordPress text did not survive conversion, e.g. "
                                  f"{', '.join(repr(w) for w in lost[:5])}: compare with the original")
            fields: dict[str, Any] = {"title": post.title, "date": post.date, "authors": post.authors}
            if post.tags:
                fields["tags"] = post.tags
            fields["category"] = post.category
            fields["collection"] = post.collection
            if post.position is not None:
                fields["position"] = post.position
            fields["original_url"] = post.original_url
            if post.draft:
                fields["draft"] = True
            if not body.strip():
                body = f"The original post has no text: [read it on the blog]({post.original_url}).\n"
                post.notes.append("the post has no text: the book links to the original")
            post.text = writer.front_matter(fields) + "\n" + body

    def validate(self, planned: list[Planned]) -> list[Planned]:
        """Posts the build would refuse are left out and reported; the others are kept."""
        kept = []
        for post in planned:
            _, problems = fm.read_page("post", post.text, folder=post.collection, categories=self.options.categories)
            problems += [p for p in (source_problem(post.text.encode("utf-8")), empty_body_problem(post.text)) if p]
            if problems:
                self.refuse(post, problems[0].message)
            else:
                kept.append(post)
        posts = {d: p for d, p in self.posts.items() if not self.replaced(d)}
        mine = {}
        for post in kept:
            record, _ = fm.read_page("post", post.text, folder=post.collection, categories=None)
            posts[post.docname] = record
            mine[post.docname] = post
        collections = {landing_docname(slug): c for slug, c in self.by_slug.items()}
        refused = set()
        for docname, problem in fm.validate_site(posts, collections):
            if docname in mine and docname not in refused:
                refused.add(docname)
                self.refuse(mine[docname], problem.message)
        return [post for post in kept if post.docname not in refused]

    def refuse(self, post: Planned, message: str) -> None:
        self.report.refused.append(post.label)
        self.report.note(post.label, f"not written, the build would refuse it: {message}")

    def write(self, planned: list[Planned]) -> None:
        dry = self.options.dry_run
        changes: list[tuple[Path, str]] = []
        copies: list[tuple[Path, Path]] = []
        for post in planned:
            path = self.root / (post.docname + ".md")
            key = str(post.item.post_id)
            entry = self.entries.get(key)
            generated = writer.digest(post.text)
            shown = path.relative_to(self.root).as_posix()
            if entry is not None:
                old = self.root / entry["path"]
                current = old.read_text(encoding="utf-8") if old.is_file() else None
                edited = current is None or writer.digest(current) != entry["written"]
                if entry["source"] == generated and not edited and old == path:
                    self.report.unchanged += 1
                    continue
                if edited and not self.options.force:
                    if entry["source"] != generated:
                        what = "deleted" if current is None else "edited"
                        self.report.kept_here.append(shown)
                        self.report.note(shown, f"{what} here since it was imported, and changed in WordPress: "
                                                "kept as it is here (--force overwrites it)")
                    else:
                        self.report.unchanged += 1
                    continue
                if old != path and old.is_file():
                    changes.append((old, ""))  # moved to another collection
                self.report.updated.append(shown)
            else:
                if path.exists():
                    self.refuse(post, f"{shown} already exists")
                    continue
                self.report.written.append(shown)
            if post.draft:
                self.report.drafts.append(shown)
            elif post.status == SCHEDULED:
                self.report.scheduled.append(shown)
            for source_file, name in post.prepared.media:
                copies.append((source_file, path.parent / f"{post.stem}-media" / name))
            changes.append((path, post.text))
            for note in post.notes:
                self.report.note(f"{shown} ({post.label})", note)
            self.entries[key] = {"path": path.relative_to(self.root).as_posix(), "source": generated,
                                 "written": generated, "title": post.title}
        used = {p.collection for p in planned}
        self.report.collections = sorted(slug for slug in self.new_collections if slug in used)
        self.report.media = len(copies)
        if dry:
            return
        for source_file, target in copies:
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(source_file, target)
        for slug in self.report.collections:
            writer.write_atomically(self.root / POSTS_DIR / slug / "index.md", self.new_collections[slug])
        for path, text in changes:
            if text:
                writer.write_atomically(path, text)
            else:
                path.unlink()
        writer.write_atomically(self.record.path, self.record.text())

    def run(self) -> Report:
        planned = self.plan()
        self.positions(planned)
        self.names(planned)
        self.render(planned)
        planned = self.validate(planned)
        self.write(planned)
        return self.report


def run_import(options: Options) -> Report:
    return Importer(options).run()
