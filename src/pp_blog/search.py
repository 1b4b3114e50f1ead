"""Search configuration that Sphinx needs help with."""

from __future__ import annotations

from pathlib import Path


def resolve_scorer_path(app, config) -> None:
    """``config-inited``: read ``html_search_scorer`` relative to the configuration folder.

    Sphinx documents the path as relative to the configuration folder but opens it
    relative to the current one, so a build started from anywhere else would crash.
    """
    scorer = config.html_search_scorer
    if scorer and not Path(scorer).is_absolute():
        config.html_search_scorer = str(Path(app.confdir) / scorer)
