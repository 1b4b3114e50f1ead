"""The package's layers, as import contracts (``[tool.importlinter]`` in pyproject.toml): the
model and the command line import no Sphinx, the seams to upstream code sit between the model
and the extension, and no package has an import cycle."""

from __future__ import annotations

import importlib
import sys

from importlinter import configuration
from importlinter.application import use_cases

from conftest import REPO


def test_import_contracts_are_kept(capsys):
    # import-linter's own use case: its command line also reconfigures logging for the whole
    # process, which would silence the Sphinx loggers of the tests that follow.
    configuration.configure()
    kept = use_cases.lint_imports(config_filename=str(REPO / "pyproject.toml"), cache_dir=None, no_logo=True)
    assert kept, capsys.readouterr().out


FORBIDDEN = ("sphinx", "docutils", "ablog", "myst_parser", "jinja2", "pydata_sphinx_theme", "sphinx_book_theme")


class RefuseForbidden:
    """A meta path finder that fails any import of the forbidden packages."""

    def find_spec(self, name, path=None, target=None):
        if name.split(".")[0] in FORBIDDEN:
            raise ImportError(f"the command line imported {name}")
        return None


def test_the_command_line_runs_without_importing_sphinx():
    """What `ppblog new` and `ppblog check` import, in a process where Sphinx was never loaded."""
    ours = lambda name: name == "pp_blog" or name.startswith("pp_blog.")  # noqa: E731
    hidden = {name: module for name, module in sys.modules.items()
              if name.split(".")[0] in FORBIDDEN or ours(name)}
    finder = RefuseForbidden()
    for name in hidden:
        del sys.modules[name]
    sys.meta_path.insert(0, finder)
    try:
        importlib.import_module("pp_blog.cli")
        importlib.import_module("pp_blog.synthetic")
    finally:
        sys.meta_path.remove(finder)
        for name in [name for name in sys.modules if ours(name)]:
            del sys.modules[name]
        sys.modules.update(hidden)
