"""Search benchmark: index size per post, and time to the first result in Chromium.

    .venv/bin/python bench/search_bench.py               # the real site and 1,000 posts
    .venv/bin/python bench/search_bench.py --posts 200   # another archive size

Three sites are built from scratch with the real configuration (``sphinx-build -nW``):

floor
    ``pp_blog.synthetic``'s archive of one post: the search page, the theme and Sphinx's
    search scripts with an index as small as it gets. Measured in the same run, on the same
    machine and load, it is what the other sites' times are given as ratios of.
real site
    the published posts.
archive
    ``pp_blog.synthetic``'s archive of N posts (default 1,000).

Each site is served on a free loopback port and opened in Debian's Chromium, a fresh browser
profile (empty cache) for every load, ``--runs`` loads per figure after one untimed load,
medians shown:

- "posts" counts the posts in the search index (drafts are left out of the build), "index" is
  the size of ``searchindex.js``, "per post" that divided by the number of posts (other pages
  included), and "x source" the index's size against the Markdown of every indexed page (front
  matter included);
- "first result" is the time from navigating to ``search.html?q=<query>`` to the first result
  on screen, "snippet" to the first result's snippet (Sphinx fetches the page for it);
- "query" is the search alone (Sphinx's ``Search._performSearch``) once the index is loaded;
- "post page" is the time until a post page is loaded (the ``load`` event): the theme loads
  ``searchindex.js`` on every page, so this grows with the archive too.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from playwright.sync_api import Browser

REPO = Path(__file__).resolve().parent.parent
# The browser tests' Chromium and loopback server (tests/chromium.py), so both measure the same.
sys.path.insert(0, str(REPO / "tests"))
from chromium import chromium, search_url, serve  # noqa: E402
QUERY = "public value"

# Records, relative to the start of navigation, when the first result and its snippet appear.
WATCH_RESULTS = """
new MutationObserver((_, observer) => {
  if (window.__firstResult === undefined && document.querySelector("#search-results ul.search > li"))
    window.__firstResult = performance.now();
  if (document.querySelector("#search-results ul.search > li p.context")) {
    window.__firstSnippet = performance.now();
    observer.disconnect();
  }
}).observe(document, { childList: true, subtree: true });
"""
QUERY_TIME = """([query, repeat]) => {
  const start = performance.now();
  for (let i = 0; i < repeat; i++) Search._performSearch(...Search._parseQuery(query));
  return (performance.now() - start) / repeat;
}"""


def run(command: list[str]) -> float:
    start = time.perf_counter()
    result = subprocess.run(command, capture_output=True, text=True)
    if result.returncode != 0 or "WARNING" in result.stderr:
        sys.exit(f"{' '.join(command)} failed:\n{result.stdout[-2000:]}{result.stderr[-3000:]}")
    return time.perf_counter() - start


def generate(posts: int, out: Path) -> Path:
    run([sys.executable, "-m", "pp_blog.synthetic", "--posts", str(posts), "--out", str(out), "--from", str(REPO)])
    return out


def build(project: Path, out: Path) -> tuple[Path, float]:
    seconds = run([sys.executable, "-m", "sphinx", "-nW", "--keep-going", "-q", "-b", "html",
                   "-d", str(out / ".doctrees"), str(project), str(out)])
    return out, seconds


def indexed_docnames(built: Path) -> list[str]:
    """The pages in the search index (drafts, left out of the build, are not)."""
    text = (built / "searchindex.js").read_text(encoding="utf-8")
    return json.loads(text[text.index("(") + 1 : text.rindex(")")])["docnames"]


def is_post(docname: str) -> bool:
    parts = docname.split("/")
    return len(parts) == 3 and parts[0] == "posts" and parts[2] != "index"


def time_search(browser: Browser, base: str) -> tuple[float, float]:
    """(ms to the first result, ms to its snippet) for one cold load of the search page."""
    context = browser.new_context()
    page = context.new_page()
    page.add_init_script(WATCH_RESULTS)
    page.goto(search_url(base, QUERY))
    page.wait_for_function("window.__firstSnippet !== undefined", timeout=60_000)
    times = page.evaluate("[window.__firstResult, window.__firstSnippet]")
    context.close()
    return times[0], times[1]


def time_query(browser: Browser, base: str) -> float:
    context = browser.new_context()
    page = context.new_page()
    page.goto(f"{base}search.html")
    page.wait_for_function("Search.hasIndex()")
    milliseconds = page.evaluate(QUERY_TIME, [QUERY, 20])
    context.close()
    return milliseconds


def time_post_page(browser: Browser, base: str, docname: str) -> float:
    context = browser.new_context()
    page = context.new_page()
    page.goto(f"{base}{docname}.html", wait_until="load")
    milliseconds = page.evaluate("performance.getEntriesByType('navigation')[0].loadEventEnd")
    context.close()
    return milliseconds


def measure(browser: Browser, name: str, project: Path, outdir: Path, runs: int) -> dict:
    built, build_seconds = build(project, outdir)
    docnames = indexed_docnames(built)
    posts = [docname for docname in docnames if is_post(docname)]
    with serve(built) as base:
        time_search(browser, base)  # once untimed: Chromium's own start-up costs are not the site's
        searches = [time_search(browser, base) for _ in range(runs)]
        figures = {
            "name": name,
            "posts": len(posts),
            "build": build_seconds,
            "index": (built / "searchindex.js").stat().st_size,
            "source": sum((project / f"{docname}.md").stat().st_size for docname in docnames),
            "first": statistics.median(t[0] for t in searches),
            "snippet": statistics.median(t[1] for t in searches),
            "query": statistics.median(time_query(browser, base) for _ in range(runs)),
            "post_page": statistics.median(
                time_post_page(browser, base, posts[-1])
                for _ in range(runs)
            ),
        }
    return figures


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--posts", type=int, default=1000, help="posts in the generated archive (default 1000)")
    parser.add_argument("--runs", type=int, default=5, help="loads per figure; the median is shown (default 5)")
    args = parser.parse_args(argv)
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="search-bench-") as tmp, chromium() as browser:
        work = Path(tmp)
        sites = [
            ("floor: 1 generated post", generate(1, work / "floor-src")),
            ("real site", REPO),
            (f"archive: {args.posts} generated posts", generate(args.posts, work / "archive-src")),
        ]
        rows = [measure(browser, name, project, work / f"out-{i}", args.runs) for i, (name, project) in enumerate(sites)]
    floor = rows[0]
    print(f'query "{QUERY}", median of {args.runs} cold loads in Chromium; ratios against the floor\n')
    header = (f"{'site':<34} {'posts':>5} {'build s':>8} {'index KiB':>9} {'per post B':>10} {'x source':>8} "
              f"{'first result ms':>16} {'snippet ms':>15} {'query ms':>13} {'post page ms':>16}")
    print(header)
    print("-" * len(header))
    for row in rows:
        def cell(key: str, width: int) -> str:
            ratio = row[key] / floor[key] if floor[key] else float("nan")
            return f"{row[key]:>{width - 7}.1f} ({ratio:4.1f}x)"
        print(
            f"{row['name']:<34} {row['posts']:>5} {row['build']:>8.1f} {row['index'] / 1024:>9.1f} "
            f"{row['index'] / row['posts']:>10.0f} {row['index'] / row['source']:>8.2f} "
            f"{cell('first', 16)} {cell('snippet', 15)} {cell('query', 13)} {cell('post_page', 16)}"
        )
    print(f"\nbenchmark ran for {time.perf_counter() - started:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
