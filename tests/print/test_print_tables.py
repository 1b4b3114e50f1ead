"""Print: table columns keep the alignment their Markdown gives them (``---:`` right, ``:---:`` centred)."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest
from hypothesis import given, strategies as st

from conftest import built_root
from pp_blog.sphinxext.print_tables import column_spec

ROOT = Path(__file__).parent.parent / "roots" / "test-print-tables"


@pytest.fixture(scope="module")
def latex_dir(tmp_path_factory) -> Path:
    return built_root(ROOT, tmp_path_factory.mktemp("print-tables"), "latex")


def specs(source: str) -> list[str]:
    return re.findall(r"\\begin\{(?:tabulary\}\{\\linewidth\}\[t\]|longtable\})\{(.*)\}$", source, re.M)


def test_aligned_columns_get_their_alignment_unaligned_ones_sphinxs_own(latex_dir):
    source = (latex_dir / "figures.tex").read_text(encoding="utf-8")
    assert specs(source) == ["LRC", "TT", r"\X{1}{2}>{\raggedleft\arraybackslash}\X{1}{2}"]


@given(st.lists(st.sampled_from("LRCJ"), min_size=1, max_size=8), st.integers(1, 60))
def test_every_column_gets_one_specification(letters, rows):
    spec = column_spec(letters, rows, long_table=False)
    if rows <= 30:
        assert spec == "".join(letters)
    else:
        assert spec.count(r"\X{1}") == len(letters)
        assert spec.count(r"\raggedleft") == letters.count("R")


def words(pdf: Path) -> list[tuple[str, float, float]]:
    """Every word of the PDF with its left and right edge, from poppler."""
    xml = subprocess.run(["pdftotext", "-bbox", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    return [(word, float(x0), float(x1)) for x0, x1, word in
            re.findall(r'<word xMin="([\d.]+)" yMin="[\d.]+" xMax="([\d.]+)" yMax="[\d.]+">([^<]*)</word>', xml)]


def test_printed_numbers_line_up_on_the_right(latex_dir):
    subprocess.run(["make", "-C", str(latex_dir), "all-pdf", "LATEXMKOPTS=-silent"], capture_output=True, check=True)
    found = {word: (x0, x1) for word, x0, x1 in words(latex_dir / "figures.pdf")}
    right_edges = {round(found[n][1], 1) for n in ("12.5", "3.1", "104.25")}
    assert len(right_edges) == 1
    left_edges = {round(found[n][0], 1) for n in ("Denmark", "Norway", "Sweden")}
    assert len(left_edges) == 1
    # The long table's right-aligned column too, across its pages.
    assert len({round(found[f"{i * 7.25:.2f}"][1], 1) for i in (1, 2, 14, 35)}) == 1
