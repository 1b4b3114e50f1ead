"""Our search scorer is found whatever folder the build is started from."""

from __future__ import annotations

import subprocess
import sys

from conftest import REPO


def test_build_started_from_another_folder_ships_the_scorer(tmp_path):
    out = tmp_path / "html"
    result = subprocess.run(
        [sys.executable, "-m", "sphinx", "-nW", "--keep-going", "-q", "-b", "html", str(REPO), str(out)],
        cwd=tmp_path, capture_output=True, text=True,
    )
    assert result.returncode == 0, result.stderr
    scorer = (REPO / "_static" / "pp-search-scorer.js").read_text(encoding="utf-8").strip()
    assert scorer in (out / "_static" / "language_data.js").read_text(encoding="utf-8")
