"""Build benchmark: the blog against a floor, on synthetic archives of N posts in three shapes.

    .venv/bin/python bench/build_bench.py                             # N = 100, 500, 2000, every shape
    .venv/bin/python bench/build_bench.py --posts 100 --shapes large  # one size, one shape
    .venv/bin/python bench/build_bench.py --posts 2000 --huge 10000   # and a full build of 10,000

Shapes (``pp_blog.synthetic.SHAPES``): ``small``, many collections of 25 posts; ``large``, a
few collections of 500; ``yearly``, one collection of about 150 ordinary posts per year.

For each N, two projects are generated under ``bench/_work/`` (git-ignored; never the
published content):

``site``
    ``pp_blog.synthetic``'s archive of that shape with the real ``conf.py`` and ``_static/``:
    sphinx-book-theme, ABlog and our extension, as ``make html`` builds it.
``floor``
    The same post files, byte for byte, built by Sphinx with nothing but what any Markdown
    book needs: ``extensions = ["myst_parser"]`` (which reads the YAML front matter into
    docinfo and, with ``myst_title_to_header``, makes the title the heading),
    ``html_theme = "basic"`` (Sphinx's plain theme: local contents and previous/next in the
    sidebar), no ABlog, no archive pages, no feeds. Its front page and collection pages are
    plain toctrees listing the same documents as the site's. It is what the site cannot
    build faster than, measured in the same run, on the same machine, at the same load.

Each build is a fresh ``python -m sphinx -b html`` process (with both sides' code compiled to
bytecode first, as an installed package is), run through ``bench/timed_sphinx.py``,
which also reports the CPU time spent indexing pages for search ("index"). Its CPU time (user + system, from
``os.wait4``, so it covers its ``-j`` workers) is what the ratios compare: the machine is
shared, and wall-clock time then measures the neighbours as much as the build. Wall-clock
seconds are printed too (they are what ``-j 2`` shortens). Peak memory is the child's
``ru_maxrss``, also from ``os.wait4``. Each scenario is built for the floor and at once for the
site, so that both meet the same load (the load of a shared machine drifts over minutes).
Scenarios:

- full -j 2: into an empty output and doctree folder, two processes (reading and writing in
  parallel); then emptied again for
- full: the same, one process; built three times for each side, in turns, keeping the run
  with the median CPU time;
- no-op: again, nothing changed (on the output of ``full``);
- edit: one post's last paragraph gets one more sentence;

(no-op and edit take a few seconds, in which a busy machine's noise is large: each is built
three times, edit with three different posts, and the run with the median CPU time is kept);
- add: a new post, the newest, at the end of the last collection.

"ratio" is site CPU seconds / floor CPU seconds for the same scenario (for the full build it
is also the ratio per post, both having the same posts). "pages" counts the HTML files that the
build wrote (new or with a new modification time). "HTML output" is the size of all pages
after the full build, and the most that any page carries besides its own ``<article>``
(navigation, sidebars, header, footer, head). "search" is the size of ``searchindex.js``. The
table ends with the benchmark's own running time.
"""

from __future__ import annotations

import argparse
import compileall
import datetime as dt
import json
import os
import random
import re
import shutil
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from pp_blog import synthetic
from pp_blog.model.page_size import own_content

REPO = Path(__file__).resolve().parent.parent
WORK = REPO / "bench" / "_work"
FULL_BUILDS = 3

FLOOR_CONF = '''\
project = "floor"
extensions = ["myst_parser"]
include_patterns = ["index.md", "posts/**"]
html_theme = "basic"
myst_title_to_header = True
myst_enable_extensions = ["colon_fence", "deflist", "smartquotes"]
myst_heading_anchors = 3
'''
SCENARIOS = ["full", "full -j 2", "no-op", "edit", "add"]


TIMED_SPHINX = Path(__file__).with_name("timed_sphinx.py")


@dataclass
class Run:
    seconds: float
    cpu: float
    peak_mib: float
    pages: int
    returncode: int
    stderr: str
    index_cpu: float = 0.0


def sphinx(project: Path, *extra: str) -> Run:
    """One build in a fresh process; its time, peak memory, indexing time and the pages it wrote."""
    out = project / "_build" / "html"
    before = html_mtimes(out)
    index_time = project / "_build" / "index-time.json"
    index_time.parent.mkdir(parents=True, exist_ok=True)
    index_time.unlink(missing_ok=True)
    started = time.perf_counter()
    process = subprocess.Popen(
        [sys.executable, str(TIMED_SPHINX), "-q", "-b", "html", "-d", str(project / "_build" / "doctrees"),
         ".", str(out), *extra],
        cwd=project, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
        env={**os.environ, "PPBLOG_INDEX_TIME": str(index_time)},
    )
    stderr = process.stderr.read()
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - started
    after = html_mtimes(out)
    pages = sum(1 for path, mtime in after.items() if before.get(path) != mtime)
    # ru_maxrss is in KiB on Linux.
    cpu = usage.ru_utime + usage.ru_stime
    indexing = json.loads(index_time.read_text(encoding="utf-8"))["seconds"] if index_time.exists() else 0.0
    return Run(seconds, cpu, usage.ru_maxrss / 1024, pages, os.waitstatus_to_exitcode(status), stderr, indexing)


def output_sizes(out: Path) -> tuple[int, int, str]:
    """The bytes of all HTML pages, and the most any page carries besides its own article and the
    structured data describing it (its navigation, sidebars, header and footer), with that page's
    name."""
    total, chrome, page = 0, 0, ""
    for path in out.rglob("*.html"):
        text = path.read_text(encoding="utf-8")
        total += len(text.encode("utf-8"))
        own = own_content(text)
        around = len(text.encode("utf-8")) - sum(len(part.encode("utf-8")) for part in own)
        if own and around > chrome:
            chrome, page = around, path.relative_to(out).as_posix()
    return total, chrome, page


def median(runs: list[Run]) -> Run:
    """The run with the median CPU time, or a failed run if any failed (to be reported)."""
    failed = [run for run in runs if run.returncode]
    return failed[0] if failed else sorted(runs, key=lambda run: run.cpu)[len(runs) // 2]


def html_mtimes(out: Path) -> dict[str, int]:
    if not out.is_dir():
        return {}
    return {str(path): path.stat().st_mtime_ns for path in out.rglob("*.html")}


def make_floor(site: Path, floor: Path) -> None:
    """The floor project: the site's post files, plain toctrees for the rest."""
    floor.mkdir(parents=True)
    (floor / "conf.py").write_text(FLOOR_CONF, encoding="utf-8")
    collections = sorted(p.parent.name for p in (site / "posts").glob("*/index.md"))
    for slug in collections:
        folder = floor / "posts" / slug
        folder.mkdir(parents=True)
        posts = sorted(p.stem for p in (site / "posts" / slug).glob("*.md") if p.stem != "index")
        for name in posts:
            shutil.copy(site / "posts" / slug / f"{name}.md", folder / f"{name}.md")
        entries = "\n".join(posts)
        (folder / "index.md").write_text(f"# Collection {slug}\n\n```{{toctree}}\n:maxdepth: 1\n\n{entries}\n```\n",
                                         encoding="utf-8")
    entries = "\n".join(f"posts/{slug}/index" for slug in collections)
    (floor / "index.md").write_text(f"# Floor\n\n```{{toctree}}\n:caption: Collections\n:maxdepth: 1\n\n{entries}\n```\n",
                                    encoding="utf-8")


def edit_post(project: Path, docname: str) -> None:
    path = project / f"{docname}.md"
    path.write_text(path.read_text(encoding="utf-8").rstrip("\n") + " One more sentence was added.\n",
                    encoding="utf-8")


def add_post(project: Path, slug: str, name: str, text: str) -> None:
    folder = project / "posts" / slug
    (folder / f"{name}.md").write_text(text, encoding="utf-8")
    landing = folder / "index.md"
    source = landing.read_text(encoding="utf-8")
    # Landing pages that list their posts in an explicit toctree get the new one listed too;
    # pages whose listing comes from the folder (the collections directive) need nothing.
    block = re.search(r"```\{toctree\}\n(.*?)```", source, re.S)
    if block:
        landing.write_text(source[: block.end(1)] + f"{name}\n" + source[block.end(1):], encoding="utf-8")


def new_post_text(site: Path, slug: str, count: int) -> str:
    landing = (site / "posts" / slug / "index.md").read_text(encoding="utf-8")
    kind = next((kind for kind in ("special-issue", "highlights", "year") if f"kind: {kind}" in landing), "highlights")
    collection = synthetic.Collection(slug, kind, slug, 1, [])
    siblings = sorted((site / "posts" / slug).glob("post-*.md"))
    position = len(siblings) + 1 if kind == "special-issue" else None
    # The newest post: the day after the archive's last one.
    last = re.search(r"^date: (\S+)$", siblings[-1].read_text(encoding="utf-8"), re.M).group(1)
    date = dt.date.fromisoformat(last) + dt.timedelta(days=1)
    return synthetic.post_page(random.Random(count), title=f"A post added to the archive ({count + 1})", date=date,
                               collection=collection, position=position)


def bench_size(posts: int, shape: str, scenarios: list[str], full_builds: int = FULL_BUILDS) -> dict[str, dict]:
    root = WORK / f"{shape}-n{posts}"
    if root.exists():
        shutil.rmtree(root)
    site, floor = root / "site", root / "floor"
    docnames = synthetic.generate(site, posts, template_root=REPO, **synthetic.shape_arguments(shape))
    make_floor(site, floor)
    edited = [docnames[len(docnames) * share // 4] for share in (1, 2, 3)]
    last_slug = docnames[-1].split("/")[1]
    added_name = f"post-{posts + 1:05d}"
    added_text = new_post_text(site, last_slug, posts)
    # Each scenario is built for the floor and then for the site, one right after the other, so
    # that both meet the same load on a shared machine (the load drifts over minutes: building
    # every floor scenario first moved the full-build ratio by 0.3 from one run to the next).
    projects = {"floor": floor, "site": site}
    runs: dict[str, dict[str, Run]] = {label: {} for label in projects}
    for project in projects.values():
        shutil.rmtree(project / "_build", ignore_errors=True)
    parallel: dict[str, bool | None] = dict.fromkeys(projects)
    if "full -j 2" in scenarios:
        for label, project in projects.items():
            runs[label]["full -j 2"] = sphinx(project, "-j", "2")
            # Sphinx says so (on stderr, even with -q) when an extension makes it read serially.
            parallel[label] = "parallel reading" not in runs[label]["full -j 2"].stderr
            shutil.rmtree(project / "_build")
    # A full build is one process of a minute, in which this machine's speed drifts (the same
    # floor build took 52 s and 60 s minutes apart): each side is built FULL_BUILDS times, in
    # turns, and the run with the median CPU time is kept (once only for --huge, whose builds
    # take minutes each).
    full: dict[str, list[Run]] = {label: [] for label in projects}
    for _ in range(full_builds):
        for label, project in projects.items():
            shutil.rmtree(project / "_build", ignore_errors=True)
            full[label].append(sphinx(project))
    sizes, search_bytes = {}, {}
    for label, project in projects.items():
        runs[label]["full"] = median(full[label])
        sizes[label] = output_sizes(project / "_build" / "html")
        search_bytes[label] = (project / "_build" / "html" / "searchindex.js").stat().st_size
    if "no-op" in scenarios:
        no_op: dict[str, list[Run]] = {label: [] for label in projects}
        for _ in range(3):
            for label, project in projects.items():
                no_op[label].append(sphinx(project))
        for label in projects:
            runs[label]["no-op"] = median(no_op[label])
    if "edit" in scenarios:
        edits: dict[str, list[Run]] = {label: [] for label in projects}
        for docname in edited:
            for label, project in projects.items():
                edit_post(project, docname)
                edits[label].append(sphinx(project))
        for label in projects:
            runs[label]["edit"] = median(edits[label])
    if "add" in scenarios:
        for label, project in projects.items():
            add_post(project, last_slug, added_name, added_text)
            runs[label]["add"] = sphinx(project)
    results: dict[str, dict] = {}
    for label in projects:
        for name, run in runs[label].items():
            if run.returncode:
                raise SystemExit(f"{label} build '{name}' at N={posts} ({shape}) failed:\n{run.stderr}")
        results[label] = {"runs": runs[label], "search": search_bytes[label], "parallel": parallel[label],
                          "sizes": sizes[label]}
    return results


def table(posts: int, shape: str, results: dict[str, dict]) -> str:
    floor, site = results["floor"]["runs"], results["site"]["runs"]
    lines = [
        f"N = {posts} posts, shape {shape} ({SHAPE_NAMES[shape]})",
        f"{'scenario':<10} {'site cpu':>8} {'floor cpu':>9} {'ratio':>5} {'site index':>10} {'floor index':>11}"
        f" {'site wall':>9} {'floor wall':>10} {'site pages':>10} {'floor pages':>11} {'site MiB':>8} {'floor MiB':>9}",
    ]
    for name in site:
        s, f = site[name], floor[name]
        lines.append(
            f"{name:<10} {s.cpu:8.1f} {f.cpu:9.1f} {s.cpu / f.cpu:5.2f} {s.index_cpu:10.1f} {f.index_cpu:11.1f}"
            f" {s.seconds:9.1f} {f.seconds:10.1f} {s.pages:10d} {f.pages:11d} {s.peak_mib:8.0f} {f.peak_mib:9.0f}"
        )
    per_post = 1000 * site["full"].cpu / posts, 1000 * floor["full"].cpu / posts
    lines.append(f"full build, CPU per post: site {per_post[0]:.1f} ms, floor {per_post[1]:.1f} ms")
    if results["site"]["parallel"] is not None:
        lines.append(f"-j 2 read in parallel: site {'yes' if results['site']['parallel'] else 'no'},"
                     f" floor {'yes' if results['floor']['parallel'] else 'no'}")
    site_html, chrome, page = results["site"]["sizes"]
    floor_html = results["floor"]["sizes"][0]
    lines.append(f"HTML output: site {site_html / 2**20:.1f} MiB, floor {floor_html / 2**20:.1f} MiB"
                 f" (ratio {site_html / floor_html:.2f}); most around one page's article: {chrome / 1024:.1f} kB ({page})")
    lines.append(f"search index: site {results['site']['search'] / 1024:.0f} KiB,"
                 f" floor {results['floor']['search'] / 1024:.0f} KiB")
    return "\n".join(lines)


SHAPE_NAMES = {"small": "collections of 25 posts", "large": "collections of 500 posts",
               "yearly": "one collection of about 150 posts per year"}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--posts", type=int, nargs="+", default=[100, 500, 2000],
                        help="archive sizes to measure (default: 100 500 2000)")
    parser.add_argument("--shapes", nargs="+", choices=sorted(synthetic.SHAPES), default=["small", "large", "yearly"],
                        help="archive shapes (default: all three)")
    parser.add_argument("--huge", type=int, metavar="N", default=0,
                        help="also a full build of N posts (small shape), e.g. --huge 10000")
    args = parser.parse_args(argv)
    started = time.perf_counter()
    # Both sides run compiled code: pip compiled Sphinx and every installed package; this
    # project's own, installed editable, is compiled here (with PYTHONDONTWRITEBYTECODE set, as on
    # these machines, each build would otherwise compile it again: about 70 ms a build).
    compileall.compile_dir(str(REPO / "src"), quiet=1)
    for shape in args.shapes:
        for posts in args.posts:
            print(table(posts, shape, bench_size(posts, shape, SCENARIOS)), end="\n\n", flush=True)
    if args.huge:
        print(table(args.huge, "small", bench_size(args.huge, "small", ["full"], full_builds=1)), end="\n\n", flush=True)
    print(f"benchmark time: {time.perf_counter() - started:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
