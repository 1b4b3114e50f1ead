"""How long `make pdf` takes: the real book and generated archives of 100, 250 and 500 posts.

    .venv/bin/python bench/pdf_bench.py [--posts 100 250 500]

Each project is built from scratch, as `make pdf` does it on a fresh checkout: Sphinx's
LaTeX builder (every edition's .tex), then latexmk with xelatex (every PDF). The floor is
the same two steps on a generated archive of one post, measured in the same run: the
fixed cost of TeX and Sphinx, against which the other figures are given as ratios.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def run(command: list[str], cwd: Path | None = None) -> float:
    """Run a command, fail loudly if it fails, and return its wall-clock seconds."""
    start = time.perf_counter()
    result = subprocess.run(command, cwd=cwd, capture_output=True, text=True)
    elapsed = time.perf_counter() - start
    if result.returncode != 0:
        sys.exit(f"{' '.join(command)} failed:\n{result.stdout[-2000:]}{result.stderr[-2000:]}")
    return elapsed


def build_pdfs(project: Path, work: Path) -> tuple[float, float, int]:
    """(Sphinx seconds, TeX seconds, number of PDFs) for one project, built from nothing."""
    latex = work / "latex"
    sphinx = run([sys.executable, "-m", "sphinx", "-nW", "--keep-going", "-q", "-b", "latex",
                  "-d", str(work / "doctrees"), str(project), str(latex)])
    tex = run(["make", "-C", str(latex), "all-pdf", "LATEXMKOPTS=-silent"])
    return sphinx, tex, len(list(latex.glob("*.pdf")))


def synthetic(posts: int, out: Path) -> Path:
    run([sys.executable, "-m", "pp_blog.synthetic", "--posts", str(posts), "--out", str(out), "--from", str(REPO)])
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--posts", type=int, nargs="+", default=[100, 250, 500],
                        help="posts in the generated archives (default 100 250 500)")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="pdf-bench-") as tmp:
        work = Path(tmp)
        cases = [
            ("floor: generated archive of 1 post", 1, synthetic(1, work / "floor-src")),
            ("the real book", None, REPO),
            *((f"generated archive of {posts} posts", posts, synthetic(posts, work / f"archive-{posts}"))
              for posts in args.posts),
        ]
        rows = []
        for index, (label, posts, project) in enumerate(cases):
            rows.append((label, posts, *build_pdfs(project, work / f"build-{index}")))
    floor = rows[0][2] + rows[0][3]
    print(f"{'project':<40} {'PDFs':>4} {'Sphinx s':>9} {'TeX s':>8} {'total s':>8} {'x floor':>8} {'ms/post':>8}")
    for label, posts, sphinx, tex, count in rows:
        total = sphinx + tex
        per_post = f"{1000 * (total - floor) / posts:8.0f}" if posts and posts > 1 else f"{'':>8}"
        print(f"{label:<40} {count:>4} {sphinx:>9.1f} {tex:>8.1f} {total:>8.1f} {total / floor:>8.1f} {per_post}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
