"""Shared fixtures: Sphinx test roots, one full build of the real site per session, Chromium.

Each folder is a layer (tests/README.md) and marks its tests with the layer's marker.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from pp_blog import synthetic

REPO = Path(__file__).resolve().parent.parent
TESTS = Path(__file__).resolve().parent
# Folder -> marker: what each layer needs and costs is in tests/README.md.
LAYERS = {"unit": "unit", "sphinx": "sphinx", "builds": "build", "print": "print", "browser": "browser"}
FAST_LAYERS = {"unit", "sphinx"}


def layer_of(path: Path) -> str:
    relative = path.resolve().relative_to(TESTS)
    if len(relative.parts) < 2 or relative.parts[0] not in LAYERS:
        raise pytest.UsageError(f"{path}: every test module belongs in a layer folder: {', '.join(LAYERS)}")
    return relative.parts[0]


def pytest_collection_modifyitems(config, items):
    for item in items:
        item.add_marker(LAYERS[layer_of(item.path)])


@pytest.fixture(autouse=True)
def no_build_subprocess_in_fast_layers(request, monkeypatch):
    """The fast layers build in-process (Sphinx's test fixtures) or not at all: a test there that
    starts a process fails, whatever it runs."""
    if layer_of(request.node.path) in FAST_LAYERS:
        def refuse(*args, **kwargs):
            raise AssertionError(f"a {layer_of(request.node.path)}-layer test may not start a process: {args[:1]}")

        monkeypatch.setattr(subprocess.Popen, "__init__", refuse)


@pytest.fixture(scope="session", autouse=True)
def plain_output():
    """Builds run by the tests print no colour codes, which tests compare text against.

    Sphinx colours its output whenever CI=true, as on the CI machine, even into a pipe.
    """
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("NO_COLOR", "1")
        yield


@pytest.fixture(scope="session")
def rootdir() -> Path:
    """Where `@pytest.mark.sphinx(testroot=...)` finds `test-<name>` folders."""
    return Path(__file__).parent / "roots"


@pytest.fixture
def built(app, warning):
    """The test root's Sphinx application, built: the build must print no warning at all."""
    app.build()
    assert warning.getvalue() == ""
    return app


class BuiltSite:
    def __init__(self, outdir: Path, log: str):
        self.outdir = outdir
        self.log = log

    def page(self, path: str) -> BeautifulSoup:
        return BeautifulSoup((self.outdir / path).read_text(encoding="utf-8"), "html.parser")

    def text(self, path: str) -> str:
        return (self.outdir / path).read_text(encoding="utf-8")


def sphinx_build(srcdir: Path, outdir: Path, builder: str = "html", *extra: str) -> subprocess.CompletedProcess:
    """Run the real sphinx-build as `make html` does: nitpicky, warnings are errors."""
    return subprocess.run(
        [sys.executable, "-m", "sphinx", "-nW", "--keep-going", "-q", "-b", builder,
         "-d", str(outdir / ".doctrees"), str(srcdir), str(outdir), *extra],
        capture_output=True, text=True,
    )


def built_root(srcdir: Path, outdir: Path, builder: str = "html") -> Path:
    """``srcdir`` built into ``outdir`` with `-nW`, which must succeed; ``outdir``."""
    result = sphinx_build(srcdir, outdir, builder)
    assert result.returncode == 0, result.stderr
    return outdir


def built_archive(project: Path, posts: int, per_collection: int) -> Path:
    """A synthetic archive (pp_blog.synthetic) generated in ``project`` and built there with `-nW`;
    its output folder."""
    synthetic.generate(project, posts, template_root=REPO, per_collection=per_collection)
    return built_root(project, project / "_build")


def ppblog(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    """The `ppblog` command line, run in ``cwd`` as an editor runs it."""
    return subprocess.run([sys.executable, "-m", "pp_blog.cli", *args], cwd=cwd, capture_output=True, text=True)


def copy_site_sources(target: Path) -> Path:
    """A copy of the real site's sources in ``target``, to change or break on purpose."""
    for name in ("conf.py", "index.md"):
        shutil.copy(REPO / name, target / name)
    for name in ("posts", "docs", "_static"):
        shutil.copytree(REPO / name, target / name)
    return target


@pytest.fixture(scope="session")
def site(tmp_path_factory) -> BuiltSite:
    """The real site, built once with `-nW`; the build must print no warning at all."""
    outdir = tmp_path_factory.mktemp("site")
    result = sphinx_build(REPO, outdir)
    assert result.returncode == 0, result.stderr
    assert "WARNING" not in result.stderr, result.stderr
    return BuiltSite(outdir, result.stderr)


@pytest.fixture(scope="session")
def browser():
    """Debian's Chromium driven by Playwright (tests/chromium.py), one for the whole session:
    Playwright's sync API cannot run two at once."""
    from chromium import chromium

    with chromium() as browser:
        yield browser
