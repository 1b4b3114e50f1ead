"""Drafts and scheduled posts left out of a build, for ``ppblog build`` to print one line each.

A post dated in the future by a typo, or left ``draft: true``, vanished without a word. The
build records the posts it leaves out (``rebuild.load_state_and_exclude_drafts`` decides which)
in the doctree folder; ``ppblog build`` prints them after every successful build
(``model.left_out``).
"""

from __future__ import annotations

import json
from pathlib import Path

from ..model.left_out import LEFT_OUT
from .config import settings
from .rebuild import build_of


def record_left_out(app, config) -> None:
    """``config-inited``, after ``exclude_drafts``: the posts it left out, with their dates."""
    root = Path(app.srcdir)
    today = settings(config).build_date.isoformat()
    app.ppblog_left_out = [
        {"file": path.relative_to(root).as_posix(), "date": header.get("date", ""),
         "draft": header.get("draft") is True, "today": today}
        for path, header in build_of(config).drafts.items()
    ]


def save_left_out(app, exception) -> None:
    """``build-finished``: keep the list for ``ppblog build`` (only after a successful build)."""
    if exception is None and app.doctreedir:
        path = Path(app.doctreedir) / LEFT_OUT
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(getattr(app, "ppblog_left_out", [])), encoding="utf-8")
