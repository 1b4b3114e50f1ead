"""The safety policy's rules on addresses and files (pp_blog.sphinxext.safety)."""

from __future__ import annotations

import pytest

from pp_blog.model.link_policy import unsafe_scheme
from pp_blog.sphinxext.safety import file_outside


@pytest.mark.parametrize(
    "address, scheme_used",
    [
        ("javascript:alert(1)", "javascript:"),
        ("JavaScript:alert(1)", "javascript:"),
        (" java\tscript:alert(1)", "javascript:"),
        ("vbscript:msgbox(1)", "vbscript:"),
        ("DATA:text/html,x", "data:"),
        ("https://example.org/javascript:", None),
        ("posts/data:x", None),
    ],
)
def test_unsafe_scheme_is_found_the_way_browsers_read_addresses(address, scheme_used):
    assert unsafe_scheme(address) == scheme_used


def test_file_outside_follows_symbolic_links_and_refuses_hidden_folders(tmp_path):
    root = tmp_path / "book"
    (root / "posts").mkdir(parents=True)
    (root / ".git").mkdir()
    (root / "posts/chart.png").write_bytes(b"png")
    (root / "posts/link.png").symlink_to(tmp_path / "secret")
    assert not file_outside(root / "posts/chart.png", root)
    assert file_outside(root / "posts/link.png", root)
    assert file_outside(root / "posts/../../secret", root)
    assert file_outside(root / ".git/config", root)
