"""Running Sphinx for the ``ppblog`` command: every problem on one line, never a traceback.

Sphinx reports an unexpected exception (in any extension) as a multi-line report with
a traceback excerpt. ``ppblog build`` and ``ppblog check`` pass Sphinx's error output
through line by line and replace such a report with one line saying where the build
stopped, the exception, and the file where Sphinx saved the full report.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import tempfile
from collections.abc import Callable, Iterable
from pathlib import Path

REPORT_HEADING = "Versions"
SAVED_AT = "The full traceback has been saved in:"
# Sphinx's warning format: "<path>:<line>: WARNING: <message> [<type>.<subtype>]".
WARNING_LINE = re.compile(
    r"^(?P<path>.+?):(?P<line>\d*):? (?:WARNING|ERROR|CRITICAL|SEVERE): (?P<message>.*?)(?: \[[\w.-]+\])?$"
)


def section(report: list[str], heading: str) -> list[str]:
    """The non-blank lines of one '<heading>\\n=====' section of Sphinx's crash report."""
    try:
        start = report.index(heading) + 2
    except ValueError:
        return []
    body = []
    for index in range(start, len(report)):
        if index + 1 < len(report) and set(report[index + 1]) == {"="}:
            break
        if report[index].strip():
            body.append(report[index].strip())
    return body


def crash_line(report: list[str]) -> str:
    """One line from Sphinx's crash report (the lines from its first blank line on)."""
    exception = ""
    saved = ""
    for index, line in enumerate(report):
        if line.strip() == SAVED_AT:
            saved = report[index + 1].strip() if index + 1 < len(report) else ""
            exception = next((x.strip() for x in reversed(report[:index]) if x.strip()), "")
            break
    last = [line for line in section(report, "Last Messages") if line != "None."]
    where = f" while processing {last[-1]}" if last else ""
    saved_at = f"; the full report is in {saved}" if saved else ""
    return (
        f"the build stopped on an unexpected error{where}: {exception or 'no details'} "
        f"(a fault in the build, not in the text: tell the maintainers{saved_at})"
    )


def relay(lines: Iterable[str], emit: Callable[[str], None]) -> None:
    """Pass Sphinx's error output to ``emit`` line by line, a crash report as one line.

    Blank lines and lines ending in '!' (Sphinx's 'Extension error!' heading) are held
    back until the next line shows whether a crash report starts.
    """
    held: list[str] = []
    report: list[str] = []
    for raw in lines:
        line = raw.rstrip("\n")
        if report:
            report.append(line)
        elif not line.strip() or (line.endswith("!") and ": WARNING:" not in line):
            held.append(line)
        elif line == REPORT_HEADING:
            report = [*held, line]
            held = []
        else:
            for previous in held:
                emit(previous)
            held = []
            emit(line)
    for previous in held:
        emit(previous)
    if report:
        emit(crash_line(report))


def run_sphinx(command: list[str], emit: Callable[[str], None], pass_fds: tuple[int, ...] = ()) -> int:
    """Run a sphinx-build command line, relaying its error output to ``emit``."""
    process = subprocess.Popen(command, stderr=subprocess.PIPE, text=True, encoding="utf-8", errors="replace",
                               pass_fds=pass_fds)
    assert process.stderr is not None
    relay(process.stderr, emit)
    return process.wait()


def print_error(line: str) -> None:
    print(line, file=sys.stderr, flush=True)


def as_check_line(line: str, root: Path) -> str:
    """A Sphinx warning in ``ppblog check``'s form: 'path:line: message', path from the root."""
    match = WARNING_LINE.match(line)
    if not match:
        return line
    path = Path(match["path"])
    # Not resolved: a post that is a link out of the project is named by where it is.
    absolute_root = Path(os.path.abspath(root))
    if path.is_absolute() and Path(os.path.abspath(path)).is_relative_to(absolute_root):
        path = Path(os.path.abspath(path)).relative_to(absolute_root)
    where = f"{path.as_posix()}:{match['line']}" if match["line"] else path.as_posix()
    return f"{where}: {match['message']}"


def read_problems(root: Path) -> list[str]:
    """Every problem the build finds in the pages, drafts included, found by reading them all and writing nothing.

    Uses Sphinx's 'dummy' builder in a temporary folder, so it never touches the
    published site or its saved environment.
    """
    problems: list[str] = []
    with tempfile.TemporaryDirectory(prefix="ppblog-check-") as scratch:
        command = [
            sys.executable, "-m", "sphinx", "-nW", "--keep-going", "-q", "-b", "dummy",
            "-d", str(Path(scratch) / "doctrees"), str(root), str(Path(scratch) / "out"),
            # Drafts and scheduled posts are checked as published posts are: they will be.
            "-D", "ppblog_show_drafts=1",
        ]
        run_sphinx(command, lambda line: problems.append(as_check_line(line, root)) if line.strip() else None)
    return problems
