"""The ``ppblog`` command: build the book safely, check posts, start a new post."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import re
import shutil
import sys
from pathlib import Path

from .model import frontmatter as fm
from .model import phrasing, scaffold
from .model.authors import REGISTRY_FILE, load_registry
from .model.content import source_problem
from .model.layout import POSTS_DIR, iter_sources, landing_path, page_kind
from .model.problems import Problem
from .model.project import literal_setting
from .model.build_lock import BuildLock, BuildLocked
from .model.left_out import LEFT_OUT, left_out_lines
from .model.source_files import read_source
from .model.tree_checks import check_posts_tree
from .sphinx_run import as_check_line, print_error, read_problems, run_sphinx

ENVIRONMENT_PICKLE = "environment.pickle"
# Sphinx's last line of a build with warnings treated as errors.
BUILD_FINISHED_WITH_PROBLEMS = re.compile(r"^build finished with problems", re.I)


def check_tree(root: Path, categories: list[str]) -> list[str]:
    """Validate every post and collection as the build does; return the problem lines."""
    lines: list[str] = []
    posts: dict[str, dict] = {}
    collections: dict[str, dict] = {}
    paths: dict[str, str] = {}
    tree = check_posts_tree(root)  # its problems are printed by the build's reading, below
    for docname, path in iter_sources(root):
        shown = path.relative_to(root).as_posix()
        if tree.skips(shown) or path.is_dir():
            continue
        paths[docname] = shown
        data, problem = read_source(path, root)
        problem = problem or source_problem(data)
        if problem is not None:
            lines.append(problem.format(shown))
            continue
        text = data.decode("utf-8")
        kind = page_kind(docname)
        record, problems = fm.read_page(kind, text, folder=path.parent.name, categories=categories)
        if record is not None:
            (collections if kind == "collection" else posts)[docname] = record
        lines.extend(problem.format(shown) for problem in problems)
    broken = frozenset(Path(d).parent.name for d in paths if page_kind(d) == "collection" and d not in collections)
    for docname, problem in fm.validate_site(posts, collections, broken):
        lines.append(problem.format(paths[docname]))
    lines.extend(problem.format(REGISTRY_FILE) for problem in load_registry(root)[1])
    # What only reading the pages finds (images, links, toctrees, safety: content_checks.py,
    # safety.py), without the front matter problems already listed.
    lines.extend(line for line in read_problems(root) if line not in lines)
    return lines


def read_categories(root: Path) -> list[str]:
    """The categories from conf.py, read without running the build."""
    return list(literal_setting(root / "conf.py", "ppblog_categories", []))


def cmd_check(args: argparse.Namespace) -> int:
    root = Path(args.root)
    problems = check_tree(root, read_categories(root))
    for line in problems:
        print(line, file=sys.stderr)
    if problems:
        print(f"{len(problems)} problem(s) found", file=sys.stderr)
        return 1
    print("all posts are valid")
    return 0


def cmd_build(args: argparse.Namespace, extra: list[str]) -> int:
    """Build into a staging folder and publish it only when the build succeeds.

    A failed build leaves the published folder exactly as it was, and forgets the saved
    environment: Sphinx would otherwise skip the unchanged (still broken) files next
    time and report success without repeating their warnings. One build at a time
    (build_lock.py); a file-system error (a read-only or full disk) is one line, and the
    staging folder is removed.
    """
    out = Path(args.out)
    doctrees = Path(args.doctrees) if args.doctrees else out.parent / f"doctrees-{args.builder}"
    try:
        with BuildLock(out.parent) as lock:
            return build_locked(args, extra, out, doctrees, lock)
    except BuildLocked as error:
        print(error, file=sys.stderr)
        return 1
    except OSError as error:
        shutil.rmtree(out.with_name(out.name + ".staging"), ignore_errors=True)
        where = f" ({error.filename})" if error.filename else ""
        kept = f"{out} is unchanged" if out.is_dir() else "nothing was published"
        print(f"build failed: {error.strerror or error}{where}: check that the disk has space and the build folder "
              f"is writable; {kept}", file=sys.stderr)
        return 1


def build_locked(args: argparse.Namespace, extra: list[str], out: Path, doctrees: Path, lock: BuildLock) -> int:
    staging = out.with_name(out.name + ".staging")
    shutil.rmtree(staging, ignore_errors=True)
    (doctrees / LEFT_OUT).unlink(missing_ok=True)
    if out.is_dir() and (doctrees / ENVIRONMENT_PICKLE).exists():
        # Start from the published tree so Sphinx rewrites only what changed. Without a saved
        # environment (the first build, or one after a failed build) Sphinx cannot know what
        # was removed since the published site was built: start empty, as a clean build.
        shutil.copytree(out, staging, symlinks=True)
    # Sphinx's progress (and its notes on its own configuration, the staging folder) only
    # when asked for with -v: a good build says where the book is, a failed one its problems.
    verbose = any(option.startswith("-v") for option in extra)
    command = [
        sys.executable, "-m", "sphinx", "-nW", "--keep-going", *([] if verbose else ["-q"]), "-b", args.builder,
        "-d", str(doctrees), args.root, str(staging), *extra,
    ]
    print(f"building {out} ...", flush=True)
    problems: list[str] = []

    def report(line: str) -> None:
        shown = as_check_line(line, Path(args.root))
        if BUILD_FINISHED_WITH_PROBLEMS.match(shown):
            return  # our own summary below says it with the count and what happens next
        if shown.strip():
            problems.append(shown)
        print_error(shown)

    # A crash is reported in one line (sphinx_run.py); Sphinx holds the lock too, so a Sphinx
    # that outlives this process (killed) still keeps other builds out until it ends.
    returncode = run_sphinx(command, report, pass_fds=(lock.fd,))
    if returncode != 0:
        (doctrees / ENVIRONMENT_PICKLE).unlink(missing_ok=True)
        shutil.rmtree(staging, ignore_errors=True)
        kept = f"{out} is unchanged" if out.is_dir() else "nothing was published"
        counted = f"{len(problems)} problem{'' if len(problems) == 1 else 's'} above" if problems else "the problem above"
        print(f"build failed: fix the {counted}; {kept}", file=sys.stderr)
        return returncode
    previous = out.with_name(out.name + ".previous")
    shutil.rmtree(previous, ignore_errors=True)
    if out.is_dir():
        out.rename(previous)
    staging.rename(out)
    shutil.rmtree(previous, ignore_errors=True)
    try:
        left_out = json.loads((doctrees / LEFT_OUT).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        left_out = []
    for line in left_out_lines(left_out):
        print(line)
    index = out / "index.html"
    print(f"The book is in {index if index.exists() else out}")
    return 0


def yaml_string(value: str) -> str:
    return json.dumps(value, ensure_ascii=False)


def cmd_new(args: argparse.Namespace) -> int:
    """Write a new post with valid front matter into a collection's folder; never overwrite."""
    root = Path(args.root)
    landing = landing_path(root, args.collection)
    try:
        declared = fm.parse_front_matter(landing.read_text(encoding="utf-8")).data.get("collection")
    except FileNotFoundError:
        known = ", ".join(sorted(p.parent.name for p in (root / POSTS_DIR).glob("*/index.md"))) or "none"
        print(f"{landing}: no such collection: choose one of {known}", file=sys.stderr)
        return 2
    except fm.FrontMatterError as error:
        print(Problem(error.message, error.line).format(str(landing)), file=sys.stderr)
        return 2
    if not isinstance(declared, dict):
        print(f"{landing}: has no 'collection:' declaration: see docs/front-matter.md", file=sys.stderr)
        return 2
    series = declared.get("kind") == fm.SPECIAL_ISSUE
    position = args.position
    if series and position is None:
        taken = []
        for _, path in iter_sources(root):
            if path.parent == landing.parent and path.name != "index.md":
                try:
                    value = fm.parse_front_matter(path.read_text(encoding="utf-8")).data.get("position")
                except (fm.FrontMatterError, UnicodeDecodeError):
                    continue
                if isinstance(value, int):
                    taken.append(value)
        position = max(taken, default=0) + 1
    # The book numbers a series post from its position: a 'Blog 1: ' typed into the title
    # would show twice ("Blog 1: Blog 1: …").
    title = phrasing.without_numbering(args.title)
    note = f" (title {yaml_string(title)}: the book adds 'Blog {position}: ' itself)" if title != args.title else ""
    default_name = phrasing.file_name(title)
    if series:
        default_name = f"blog-{position}-{default_name}"
    target = landing.parent / f"{args.slug or default_name}.md"
    if target.exists():
        print(f"{target}: already exists; choose another --slug (nothing was written)", file=sys.stderr)
        return 2
    category = fm.CATEGORY_OF_KIND.get(declared.get("kind"), fm.CATEGORY_OF_KIND[fm.HIGHLIGHTS])
    lines = ["---", f"title: {yaml_string(title)}", f"date: {args.date}", "authors:"]
    lines += [f"  - {yaml_string(name)}" for name in args.author]
    lines += [f"tags: [{', '.join(yaml_string(t) for t in args.tag)}]", f"category: {category}",
              f"collection: {args.collection}"]
    if series:
        lines.append(f"position: {position}")
    lines += [f"original_url: {args.original_url}", "draft: true", "---", "",
              scaffold.INSTRUCTION, ""]
    target.write_text("\n".join(lines), encoding="utf-8")
    print(f"wrote {target}{note}")
    return 0


def cmd_import(args: argparse.Namespace) -> int:
    """Import a WordPress export; the work is done by pure code (pp_blog.wordpress)."""
    from .wordpress.importer import ImportFailure, Options, run_import

    root = Path(args.root)
    options = Options(export=args.export, root=root, categories=read_categories(root), media=args.media,
                      map=args.map, dry_run=args.dry_run, force=args.force)
    try:
        report = run_import(options)
    except ImportFailure as error:
        print(f"{error}", file=sys.stderr)
        print("nothing was written", file=sys.stderr)
        return 2
    for line in report.lines:
        print(line)
    for line in report.summary():
        print(line)
    return 1 if report.refused else 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="ppblog", description=__doc__)
    parser.add_argument("--root", default=".", help="the project folder (where conf.py is)")
    sub = parser.add_subparsers(dest="command", required=True)
    build = sub.add_parser("build", help="build the book, publishing it only if the build succeeds")
    build.add_argument("--builder", default="html")
    build.add_argument("--out", default="_build/html")
    build.add_argument("--doctrees", default=None)
    sub.add_parser("check", help="validate the front matter of every post without building")
    new = sub.add_parser("new", help="start a new post (a draft) in a collection")
    new.add_argument("collection", help="the collection's folder name under posts/")
    new.add_argument("--title", required=True)
    new.add_argument("--author", action="append", required=True, help="once per author, in byline order")
    new.add_argument("--tag", action="append", required=True, help="once per tag; a post has at least one")
    new.add_argument("--date", default=dt.date.today().isoformat(), help="YYYY-MM-DD (default: today)")
    new.add_argument("--position", type=int, help="the blog number in a series (default: the next one)")
    new.add_argument("--original-url", default=scaffold.DEFAULT_ORIGINAL_URL,
                     help="the address of the original post (the default must be replaced before publishing)")
    new.add_argument("--slug", help="the file name without .md (default: from the title)")
    importing = sub.add_parser("import", help="import posts from another blog (see docs/importing.md)")
    sources = importing.add_subparsers(dest="source", required=True)
    wordpress = sources.add_parser("wordpress", help="import a WordPress export file (Tools > Export)")
    wordpress.add_argument("export", type=Path, help="the export file (WXR), e.g. blog.WordPress.2021-08-01.xml")
    wordpress.add_argument("--media", type=Path, help="a local copy of the blog's wp-content/uploads folder")
    wordpress.add_argument("--map", type=Path, help="the map file: which posts go into which collection")
    wordpress.add_argument("--dry-run", action="store_true", help="report what would be written; write nothing")
    wordpress.add_argument("--force", action="store_true", help="overwrite posts edited here since their import")
    args, extra = parser.parse_known_args(argv)
    if args.command == "build":
        return cmd_build(args, extra)
    if extra:
        parser.error(f"unrecognized arguments: {' '.join(extra)}")
    if args.command == "new":
        return cmd_new(args)
    if args.command == "import":
        return cmd_import(args)
    return cmd_check(args)


if __name__ == "__main__":
    sys.exit(main())
