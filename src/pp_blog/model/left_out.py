"""The lines ``ppblog build`` prints for the drafts and scheduled posts a build left out. Pure.

The build writes the list (``sphinxext.left_out``) into the doctree folder as ``LEFT_OUT``.
"""

from __future__ import annotations

LEFT_OUT = "ppblog-left-out.json"


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
