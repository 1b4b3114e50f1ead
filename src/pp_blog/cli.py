"""The ``ppblog`` command: build the book safely, check posts, start a new post."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import re
import shutil
import sys
from pathlib import Path

from . import frontmatter as fm
from . import phrasing, scaffold
from .content_checks import source_problem
from .sphinx_run import as_check_line, print_error, read_problems, run_sphinx
from .transforms import POSTS_DIR, page_kind

ENVIRONMENT_PICKLE = "environment.pickle"
# Sphinx's last line of a build with warnings treated as errors.
BUILD_FINISHED_WITH_PROBLEMS = re.compile(r"^build finished with problems", re.I)


def iter_sources(root: Path):
    """Every post and landing page under posts/, as (docname, path), in name order."""
    for path in sorted((root / POSTS_DIR).glob("*/*.md")):
        docname = path.relative_to(root).with_suffix("").as_posix()
        if page_kind(docname):
            yield docname, path


def check_tree(root: Path, categories: list[str]) -> list[str]:
    """Validate every post and collection as the build does; return the problem lines."""
    lines: list[str] = []
    posts: dict[str, dict] = {}
    collections: dict[str, dict] = {}
    paths: dict[str, str] = {}
    for docname, path in iter_sources(root):
        shown = path.relative_to(root).as_posix()
        paths[docname] = shown
        try:
            text = path.read_text(encoding="utf-8")
        except UnicodeDecodeError:
            lines.append(source_problem(path.read_bytes()).format(shown))
            continue
        kind = page_kind(docname)
        record, problems = fm.read_page(kind, text, folder=path.parent.name, categories=categories)
        if record is not None:
            (collections if kind == "collection" else posts)[docname] = record
        lines.extend(problem.format(shown) for problem in problems)
    broken = frozenset(Path(d).parent.name for d in paths if page_kind(d) == "collection" and d not in collections)
    for docname, problem in fm.validate_site(posts, collections, broken):
        lines.append(problem.format(paths[docname]))
    # What only reading the pages finds (images, links, toctrees, safety: content_checks.py,
    # safety.py), without the front matter problems already listed.
    lines.extend(line for line in read_problems(root) if line not in lines)
    return lines


def read_categories(root: Path) -> list[str]:
    """The categories from conf.py, read without running the build."""
    from sphinx.config import eval_config_file
    from sphinx.util.tags import Tags

    namespace = eval_config_file(root / "conf.py", Tags())
    return list(namespace.get("ppblog_categories", []))


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
    time and report success without repeating their warnings.
    """
    out = Path(args.out)
    staging = out.with_name(out.name + ".staging")
    doctrees = Path(args.doctrees) if args.doctrees else out.parent / f"doctrees-{args.builder}"
    shutil.rmtree(staging, ignore_errors=True)
    if out.is_dir():
        # Start from the published tree so Sphinx rewrites only what changed.
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

    returncode = run_sphinx(command, report)  # a crash is reported in one line (sphinx_run.py)
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
    index = out / "index.html"
    print(f"The book is in {index if index.exists() else out}")
    return 0


def yaml_string(value: str) -> str:
    return json.dumps(value, ensure_ascii=False)


def cmd_new(args: argparse.Namespace) -> int:
    """Write a new post with valid front matter into a collection's folder; never overwrite."""
    root = Path(args.root)
    landing = root / POSTS_DIR / args.collection / "index.md"
    try:
        declared = fm.parse_front_matter(landing.read_text(encoding="utf-8")).data.get("collection")
    except FileNotFoundError:
        known = ", ".join(sorted(p.parent.name for p in (root / POSTS_DIR).glob("*/index.md"))) or "none"
        print(f"{landing}: no such collection: choose one of {known}", file=sys.stderr)
        return 2
    except fm.FrontMatterError as error:
        print(fm.Problem(error.message, error.line).format(str(landing)), file=sys.stderr)
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
    category = fm.CATEGORY_OF_KIND[fm.SPECIAL_ISSUE if series else fm.HIGHLIGHTS]
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
    new.add_argument("--tag", action="append", default=[])
    new.add_argument("--date", default=dt.date.today().isoformat(), help="YYYY-MM-DD (default: today)")
    new.add_argument("--position", type=int, help="the blog number in a series (default: the next one)")
    new.add_argument("--original-url", default=scaffold.DEFAULT_ORIGINAL_URL,
                     help="the address of the original post (the default must be replaced before publishing)")
    new.add_argument("--slug", help="the file name without .md (default: from the title)")
    args, extra = parser.parse_known_args(argv)
    if args.command == "build":
        return cmd_build(args, extra)
    if extra:
        parser.error(f"unrecognized arguments: {' '.join(extra)}")
    if args.command == "new":
        return cmd_new(args)
    return cmd_check(args)


if __name__ == "__main__":
    sys.exit(main())
