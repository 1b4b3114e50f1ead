"""Sphinx extension for the Policy & Politics journal blog."""

from __future__ import annotations

from typing import Any

from sphinx.application import Sphinx

from . import checks, transforms
from .domain import PostsDomain

__version__ = "0.1.0"


def setup(app: Sphinx) -> dict[str, Any]:
    app.setup_extension("myst_parser")
    app.setup_extension("ablog")
    app.add_config_value("ppblog_categories", [], "env", types=[list])
    app.add_domain(PostsDomain)
    app.add_transform(transforms.ReadFrontMatter)
    # After ABlog's own doctree-read handler (priority 500) has taken its excerpt.
    app.connect("doctree-read", transforms.add_post_metadata, priority=600)
    app.connect("env-check-consistency", checks.check_site)
    return {
        "version": __version__,
        "env_version": PostsDomain.data_version,
        "parallel_read_safe": True,
        "parallel_write_safe": True,
    }
