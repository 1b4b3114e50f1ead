"""Print: a post's notes are numbered from 1, in the order a reader meets them."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from conftest import built_root

ROOT = Path(__file__).parent.parent / "roots" / "test-footnotes"


@pytest.fixture(scope="module")
def tex(tmp_path_factory) -> dict[str, str]:
    outdir = built_root(ROOT, tmp_path_factory.mktemp("footnotes-latex"), "latex")
    return {path.name: path.read_text(encoding="utf-8") for path in outdir.glob("*.tex")}


@pytest.mark.parametrize("edition", ["footnotes.tex", "notes.tex"])
def test_print_numbers_a_posts_notes_from_one_in_reading_order(tex, edition):
    source = tex[edition]
    notes = re.findall(r"\\begin\{footnote\}\[(\d+)\]\\sphinxAtStartFootnote\n(.*?)\n", source)
    assert notes == [
        ("1", "A survey of 400 officials, 2020."),
        ("2", r"\sphinxnolinkurl{https://example.org/journal}"),
        ("3", r"\sphinxnolinkurl{https://example.org/2021/11/11/what-counts-as-evidence/}"),
    ]
