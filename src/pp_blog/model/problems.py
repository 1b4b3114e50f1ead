"""What is wrong with a file, phrased so that an author can fix it."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a file: the message names the fix; ``field`` is the front-matter
    field or the kind of check (it becomes the warning's subtype)."""

    message: str
    line: int | None = None
    field: str | None = None

    def format(self, path: str) -> str:
        where = f"{path}:{self.line}" if self.line else path
        return f"{where}: {self.message}"
