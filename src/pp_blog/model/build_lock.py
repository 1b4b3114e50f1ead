"""One build at a time in a build folder. Pure (no Sphinx import).

Two builds started at once both exited 0 and left a site missing half its pages: they
shared the staging folder and the saved environment. ``ppblog build`` holds an exclusive
``flock`` on ``<build folder>/.ppblog-build.lock`` for as long as it runs, and hands the
lock to the Sphinx it starts: a Sphinx left running by a killed build still holds it, and
the next build stops with one line instead of writing beside it. The operating system
releases the lock when its last holder ends, so a lock left by a killed build is stale by
construction: the file remains, the lock does not, and the next build takes it.
"""

from __future__ import annotations

import fcntl
import os
from pathlib import Path

LOCK_FILE = ".ppblog-build.lock"


class BuildLocked(Exception):
    """Another build holds the lock."""


class BuildLock:
    def __init__(self, folder: Path):
        self.path = Path(folder) / LOCK_FILE
        self.fd: int | None = None

    def __enter__(self) -> "BuildLock":
        self.path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            holder = os.pread(fd, 100, 0).decode("ascii", "replace").strip() or "unknown"
            os.close(fd)
            raise BuildLocked(
                f"another build is running in {self.path.parent} (process {holder}, or a Sphinx it started): "
                "wait for it to finish, or stop it, then build again"
            ) from None
        os.ftruncate(fd, 0)
        os.pwrite(fd, str(os.getpid()).encode("ascii"), 0)
        self.fd = fd
        return self

    def __exit__(self, *exc) -> None:
        if self.fd is not None:
            os.close(self.fd)  # releases the lock, unless a Sphinx it was handed to still runs
            self.fd = None
