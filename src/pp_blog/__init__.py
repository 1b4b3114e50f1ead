"""The Policy & Politics journal blog: a Sphinx extension (:mod:`pp_blog.sphinxext`), its pure
model (:mod:`pp_blog.model`), its seams to ABlog, the themes and Sphinx (:mod:`pp_blog.compat`)
and the ``ppblog`` command line (:mod:`pp_blog.cli`).

Importing the package imports no Sphinx: the command line needs only the model.
"""

from __future__ import annotations

from typing import Any

__version__ = "0.1.0"


def setup(app) -> dict[str, Any]:
    """Sphinx's entry point (``extensions = ["pp_blog"]``)."""
    from .sphinxext import setup as setup_extension

    return setup_extension(app)
