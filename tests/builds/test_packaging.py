"""The package as it would be published: a wheel built with ``python -m build`` (from its sdist)
holds every template and the LaTeX style, passes check-wheel-contents, and, installed into a fresh virtual
environment from the pinned versions, builds a test root."""

from __future__ import annotations

import shutil
import subprocess
import sys
import venv
import zipfile
from pathlib import Path

import pytest

from conftest import REPO

PACKAGE = REPO / "src" / "pp_blog"


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    outdir = tmp_path_factory.mktemp("dist")
    # The source distribution first, and the wheel from it (build's default), so that nothing is
    # written into the work tree and the wheel holds only what the sdist carries.
    result = subprocess.run([sys.executable, "-m", "build", "--outdir", str(outdir), str(REPO)],
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stdout[-2000:] + result.stderr[-2000:]
    [built] = outdir.glob("pp_blog-*.whl")
    return built


def test_the_wheel_holds_every_file_of_the_package(wheel):
    data = {path.relative_to(PACKAGE.parent).as_posix() for path in PACKAGE.rglob("*")
            if path.is_file() and path.suffix not in {".py", ".pyc"} and "__pycache__" not in path.parts}
    assert {"pp_blog/py.typed", "pp_blog/sphinxext/ppblog.sty"} <= data
    assert any(name.endswith(".html") for name in data)
    with zipfile.ZipFile(wheel) as archive:
        assert data <= set(archive.namelist())


def test_check_wheel_contents_finds_nothing_wrong(wheel):
    result = subprocess.run([str(Path(sys.executable).parent / "check-wheel-contents"), str(wheel)],
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_installed_into_a_fresh_environment_it_builds_a_test_root(wheel, tmp_path):
    environment = tmp_path / "venv"
    venv.create(environment, with_pip=True)
    python = environment / "bin" / "python"
    install = subprocess.run(
        [str(python), "-m", "pip", "install", "--quiet", "--disable-pip-version-check",
         "-c", str(REPO / "requirements" / "constraints.txt"), str(wheel)],
        capture_output=True, text=True,
    )
    assert install.returncode == 0, install.stderr[-3000:]
    where = subprocess.run([str(python), "-c", "import pp_blog; print(pp_blog.__file__)"],
                           capture_output=True, text=True, cwd=tmp_path)
    assert where.stdout.startswith(str(environment)), where.stdout + where.stderr
    root = tmp_path / "root"
    shutil.copytree(REPO / "tests" / "roots" / "test-compat", root)
    build = subprocess.run([str(python), "-m", "sphinx", "-nW", "--keep-going", "-q", "-b", "html", str(root),
                            str(tmp_path / "out")], capture_output=True, text=True, cwd=tmp_path)
    assert build.returncode == 0, build.stderr
    assert (tmp_path / "out" / "posts" / "series" / "alpha.html").is_file()
