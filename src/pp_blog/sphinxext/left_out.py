"""Drafts and scheduled posts left out of a build, for ``ppblog build`` to print one line each.

A post dated in the future by a typo, or left ``draft: true``, vanished without a word. The
build records the posts it leaves out (``rebuild.load_state_and_exclude_drafts`` decides which)
in the doctree folder; ``ppblog build`` prints them after every successful build
(``model.left_out``).
"""

from __future__ import annotations

import json
from pathlib import Path

from ..model.drafts import is_draft
from ..model.layout import post_paths
from ..model.left_out import LEFT_OUT
from .config import settings
from .rebuild import build_of


def record_left_out(app, config) -> None:
    """``config-inited``, after ``exclude_drafts``: the posts it left out, with their dates."""
    left_out = []
    if not settings(config).show_drafts:
        today = settings(config).build_date
        root = Path(app.srcdir)
        build = build_of(config)  # the headers as the drafts were found: no parsing again
        for path in build.post_files if build.post_files is not None else post_paths(root):
            header = build.header(path)
            if header is not None and is_draft(header, today):
                left_out.append({"file": path.relative_to(root).as_posix(), "date": header.get("date", ""),
                                 "draft": header.get("draft") is True, "today": today.isoformat()})
    app.ppblog_left_out = left_out


def save_left_out(app, exception) -> None:
    """``build-finished``: keep the list for ``ppblog build`` (only after a successful build)."""
    if exception is None and app.doctreedir:
        path = Path(app.doctreedir) / LEFT_OUT
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(getattr(app, "ppblog_left_out", [])), encoding="utf-8")
