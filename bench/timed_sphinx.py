"""``python -m sphinx`` with the CPU time spent indexing pages for search recorded.

The build benchmark runs every build through this, so that it can report indexing separately:
Sphinx's ``IndexBuilder.feed`` (splitting, stemming and recording a page's words) is timed with
``time.process_time`` and the total written as JSON to the file named by ``PPBLOG_INDEX_TIME``
when the build ends. Everything else is Sphinx's own command line.
"""

from __future__ import annotations

import atexit
import json
import os
import sys
import time

from sphinx.cmd.build import main
from sphinx.search import IndexBuilder

spent = {"seconds": 0.0, "pages": 0}
_feed = IndexBuilder.feed


def timed_feed(self, *args, **kwargs):
    started = time.process_time()
    try:
        return _feed(self, *args, **kwargs)
    finally:
        spent["seconds"] += time.process_time() - started
        spent["pages"] += 1


IndexBuilder.feed = timed_feed


@atexit.register
def report() -> None:
    target = os.environ.get("PPBLOG_INDEX_TIME")
    if target:
        with open(target, "w", encoding="utf-8") as out:
            json.dump(spent, out)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
