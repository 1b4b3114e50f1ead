"""The editor's guide, walked through to its end: the new collection's printed edition."""

from __future__ import annotations

import subprocess

import pytest

from conftest import ppblog
from guide_examples import make_project


@pytest.fixture
def project(tmp_path):
    return make_project(tmp_path)


def test_guide_examples_print_into_an_edition(project):
    result = ppblog("build", "--builder", "latex", "--out", "_build/latex", cwd=project)
    assert result.returncode == 0, result.stderr
    latex = project / "_build/latex"
    subprocess.run(["make", "-C", str(latex), "all-pdf", "LATEXMKOPTS=-silent"], capture_output=True, check=True)
    edition = latex / "populism-special-issue.pdf"

    def text(*pages: str) -> str:
        out = subprocess.run(["pdftotext", *pages, str(edition), "-"], capture_output=True, text=True, check=True).stdout
        return " ".join(out.split())

    title_page = text("-f", "1", "-l", "1")
    assert title_page.startswith("Special issue blog series: populism and public policy")
    # The title says what the edition is: no second "Special issue blog series" under it.
    assert title_page.count("Special issue blog series") == 1
    # Dated by the collection's newest post, not by the day of the build.
    assert "Edition of 12 January 2022" in title_page
    body = text()
    assert "Why populism matters for policy" in body
    assert "Populist parties in government, 2000–2020." in body
    assert "Populist parties now govern in a third of member states.1" in body
    assert "1 Counted at the end of 2021." in body
    assert (latex / "highlights-2022-populism.pdf").is_file()
