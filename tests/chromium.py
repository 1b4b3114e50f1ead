"""What the browser tests share: a built site served on loopback, Debian's Chromium driven by
Playwright, and Sphinx's search results read the way a reader sees them."""

from __future__ import annotations

import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import quote

from playwright.sync_api import Browser, Page, sync_playwright

# Playwright's own browser download is not available: scripts/install-system-deps.sh installs
# Debian's chromium, and Playwright drives that binary.
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
AXE = Path(__file__).resolve().parent.parent / "node_modules" / "axe-core" / "axe.min.js"


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format, *args):  # noqa: A002 - the signature is http.server's
        pass


class _Server(ThreadingHTTPServer):
    def handle_error(self, request, client_address):
        # A tab closed while the page still loads drops its requests: not the site's fault.
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


@contextmanager
def serve(directory: Path) -> Iterator[str]:
    """Serve `directory` over HTTP on a free loopback port; yields the site's base URL."""
    server = _Server(("127.0.0.1", 0), partial(_QuietHandler, directory=str(directory)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}/"
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


@contextmanager
def chromium() -> Iterator[Browser]:
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()


@dataclass
class Result:
    title: str
    href: str
    snippet: str
    highlighted: list[str]


def search_url(base: str, query: str) -> str:
    return f"{base}search.html?q={quote(query)}"


def read_results(page: Page, timeout: float = 15_000) -> list[Result]:
    """The results on a search page, once the search has finished and every snippet is shown.

    Sphinx lists the results one by one and fetches each page for its snippet afterwards, so
    this waits for the final status line and then for a snippet under every result.
    """
    page.wait_for_function(
        """() => {
            const status = document.querySelector("#search-results .search-summary");
            // Found, or nothing found: in the book's words, or in Sphinx's where a test root
            // does not load the book's search script.
            const done = /^(Search finished|No post or page contains|Your search did not match)/;
            if (!status || !done.test(status.textContent)) return false;
            const items = document.querySelectorAll("#search-results ul.search > li");
            return [...items].every((item) => item.querySelector("p.context"));
        }""",
        timeout=timeout,
    )
    return [
        Result(
            title=item.locator("a").first.inner_text().strip(),
            href=item.locator("a").first.get_attribute("href"),
            snippet=" ".join(item.locator("p.context").inner_text().split()),
            highlighted=[h.strip().lower() for h in item.locator(".highlighted").all_inner_texts()],
        )
        for item in page.locator("#search-results ul.search > li").all()
    ]


def result_titles(results: list[Result]) -> list[str]:
    return [result.title for result in results]


def wait_until_settled(page: Page) -> None:
    """Wait for the page as a reader finally sees it: loaded, its fonts in, and no CSS transition
    or animation running (a scan in the middle of one measures colours that are about to change)."""
    page.wait_for_load_state("load")
    page.wait_for_function(
        """async () => {
            await document.fonts.ready;
            return document.getAnimations().every((animation) => animation.playState !== "running");
        }"""
    )


# axe-core's rules for WCAG 2.0, 2.1 and 2.2, levels A and AA.
WCAG_TAGS = ("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa")


def axe_violations(page: Page, tags: tuple[str, ...] = WCAG_TAGS) -> list[str]:
    """axe-core in the settled page, running only the rules with the given tags (WCAG A and AA,
    or e.g. "best-practice"); one line per violation of any impact, with the elements."""
    assert AXE.exists(), f"{AXE} is missing: run `npm ci` in the repository (`make test` does)"
    wait_until_settled(page)
    if page.evaluate("typeof axe === 'undefined'"):
        page.add_script_tag(path=str(AXE))
    report = page.evaluate("(tags) => axe.run(document, {runOnly: {type: 'tag', values: tags}})", list(tags))
    return [
        f"{violation['id']} ({violation['impact']}): {violation['help']} -- "
        + "; ".join(f"{' '.join(map(str, node['target']))} {node['html'][:100]}" for node in violation["nodes"])
        for violation in report["violations"]
    ]
