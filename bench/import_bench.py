"""How long `ppblog import wordpress` takes on a generated export of 1,000 posts.

    .venv/bin/python bench/import_bench.py [--posts 1000]

The export (``pp_blog.wordpress.synthetic``: series posts with bylines, highlights, stand-alone
posts, classic and block-editor bodies, images) is imported into a fresh copy of the project
three ways, each in its own process as an editor runs it: a first import, a re-import of the
same export (which writes nothing), and a dry run. For each it prints wall-clock and CPU
seconds, posts per second, and the ratio to a floor measured in the same run: the first import
of an export of one post (starting Python, reading the project, one pandoc run). It also prints
the seconds pandoc alone takes for every body. Figures only: nothing is asserted.
"""

from __future__ import annotations

import argparse
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "src"))

from pp_blog.wordpress.synthetic import MAP, generate_export, write_media  # noqa: E402

PROJECT_FILES = ["conf.py", "index.md", "posts", "docs", "_static", "_templates"]


def child_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def timed(command: list[str], cwd: Path) -> tuple[float, float, str]:
    cpu, start = child_cpu(), time.perf_counter()
    result = subprocess.run(command, cwd=cwd, capture_output=True, text=True)
    wall = time.perf_counter() - start
    if result.returncode not in (0, 1):
        sys.exit(f"{' '.join(command)} failed:\n{result.stderr[-2000:]}")
    return wall, child_cpu() - cpu, result.stdout


def pandoc_share(export: str) -> tuple[float, float]:
    """Wall-clock and CPU seconds pandoc takes for the whole export's bodies (one run)."""
    from pp_blog.wordpress import convert
    from pp_blog.wordpress.wxr import read_export

    fragments = [convert.prepare(item.content, convert.Source("https://blog.example.org")).fragments[0]
                 for item in read_export(Path(export)).items if item.post_type == "post"]
    cpu, start = child_cpu(), time.perf_counter()
    convert.to_markdown(fragments)
    return time.perf_counter() - start, child_cpu() - cpu


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--posts", type=int, default=1000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="import-bench-") as work:
        work = Path(work)
        export = work / "export.xml"
        export.write_text(generate_export(args.posts), encoding="utf-8")
        (work / "map.toml").write_text(MAP, encoding="utf-8")
        write_media(work / "uploads")
        project = work / "project"
        project.mkdir()
        for name in PROJECT_FILES:
            source = REPO / name
            (shutil.copytree if source.is_dir() else shutil.copyfile)(source, project / name)
        options = ["--map", str(work / "map.toml"), "--media", str(work / "uploads")]
        command = [sys.executable, "-m", "pp_blog.cli", "import", "wordpress", str(export), *options]
        floor_export = work / "one.xml"
        floor_export.write_text(generate_export(1), encoding="utf-8")
        floor_project = work / "floor"
        shutil.copytree(project, floor_project)
        floor, _, _ = timed([*command[:5], str(floor_export), *options], floor_project)
        print(f"export: {args.posts} posts, {export.stat().st_size / 1e6:.1f} MB; floor (1 post): {floor:.2f} s")
        print(f"{'run':<12}{'wall s':>9}{'cpu s':>9}{'posts/s':>10}{'x floor':>9}")
        for label, extra in (("first", []), ("re-import", []), ("dry run", ["--dry-run"])):
            wall, cpu, output = timed(command + extra, project)
            print(f"{label:<12}{wall:>9.2f}{cpu:>9.2f}{args.posts / wall:>10.0f}{wall / floor:>9.1f}")
            if label == "first":
                written = next(line for line in output.splitlines() if "written" in line)
                print(f"  {written.split(': ', 1)[1]}")
        wall, cpu = pandoc_share(str(export))
        print(f"pandoc alone, every body in one run: {wall:.2f} s wall, {cpu:.2f} s CPU")


if __name__ == "__main__":
    main()
