"""Drafts and scheduled posts left out of a build, for ``ppblog build`` to print one line each.

A post dated in the future by a typo, or left ``draft: true``, vanished without a word. The
build records the posts it leaves out (``collections.exclude_drafts`` decides which) in the
doctree folder; ``ppblog build`` prints them after every successful build.
"""

from __future__ import annotations

import json
from pathlib import Path

from .collections import PostHeaders, build_date, is_draft
from .source_files import is_hidden

LEFT_OUT = "ppblog-left-out.json"


def record_left_out(app, config) -> None:
    """``config-inited``, after ``exclude_drafts``: the posts it left out, with their dates."""
    left_out = []
    if not config.ppblog_show_drafts:
        today = build_date(config)
        root = Path(app.srcdir)
        headers = PostHeaders(app.doctreedir)  # read back as exclude_drafts left them: no parsing
        for path in sorted(root.glob("posts/*/*.md")):
            if path.name == "index.md" or is_hidden(path):
                continue
            header = headers.get(path)
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


def left_out_lines(entries: list[dict]) -> list[str]:
    """One line per post left out: its file, its date and why."""
    lines = []
    for entry in entries:
        if entry["draft"]:
            lines.append(f"{entry['file']}: left out: a draft (dated {entry['date'] or 'without a date'}); "
                         "remove 'draft: true' to publish it")
        else:
            lines.append(f"{entry['file']}: left out: dated {entry['date']}, after today ({entry['today']}); "
                         "it is published from that day on (check the date if that is a typo)")
    return lines
