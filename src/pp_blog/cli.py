"""The ``ppblog`` command: build the book safely, check posts, start a new post."""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
from pathlib import Path

from . import frontmatter as fm
from .transforms import POSTS_DIR, page_kind, post_record, collection_record

ENVIRONMENT_PICKLE = "environment.pickle"


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
        except UnicodeDecodeError as error:
            lines.append(f"{shown}: the file is not UTF-8 (byte {error.start}): save it with UTF-8 encoding")
            continue
        try:
            front = fm.parse_front_matter(text)
        except fm.FrontMatterError as error:
            lines.append(fm.Problem(error.message, error.line).format(shown))
            continue
        if page_kind(docname) == "collection":
            problems = fm.validate_collection(front, folder=path.parent.name)
            if not problems:
                collections[docname] = collection_record(front)
        else:
            problems = fm.validate_post(front, categories=categories)
            if not problems:
                posts[docname] = post_record(front)
        lines.extend(problem.format(shown) for problem in problems)
    for docname, problem in fm.validate_site(posts, collections):
        lines.append(problem.format(paths[docname]))
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
    command = [
        sys.executable, "-m", "sphinx", "-nW", "--keep-going", "-b", args.builder,
        "-d", str(doctrees), args.root, str(staging), *extra,
    ]
    result = subprocess.run(command)
    if result.returncode != 0:
        (doctrees / ENVIRONMENT_PICKLE).unlink(missing_ok=True)
        shutil.rmtree(staging, ignore_errors=True)
        kept = f"{out} is unchanged" if out.is_dir() else "nothing was published"
        print(f"build failed: fix the problems above; {kept}", file=sys.stderr)
        return result.returncode
    previous = out.with_name(out.name + ".previous")
    shutil.rmtree(previous, ignore_errors=True)
    if out.is_dir():
        out.rename(previous)
    staging.rename(out)
    shutil.rmtree(previous, ignore_errors=True)
    index = out / "index.html"
    print(f"The book is in {index if index.exists() else out}")
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
    args, extra = parser.parse_known_args(argv)
    if args.command == "build":
        return cmd_build(args, extra)
    if extra:
        parser.error(f"unrecognized arguments: {' '.join(extra)}")
    return cmd_check(args)


if __name__ == "__main__":
    sys.exit(main())
