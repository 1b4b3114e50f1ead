"""What ``ppblog new`` writes into a new post, and how to tell a post still carrying it.

Pure (no Sphinx, docutils or ABlog import): the command writes these values and the checks of
the build and of ``ppblog check`` recognise them, so a post published with the scaffold's
instruction text or its default address is refused, not published.
"""

from __future__ import annotations

from typing import Any

# The body of a new post: an instruction to the editor, never content.
INSTRUCTION = "Write the post here. Remove `draft: true` above when it is ready to publish."
# The default `original_url`: the blog's home page, not the address of any post.
DEFAULT_ORIGINAL_URL = "https://policyandpoliticsblog.com/"


def _same_address(a: str, b: str) -> bool:
    return a.strip().rstrip("/").casefold() == b.rstrip("/").casefold()


def placeholder_problems(data: dict[str, Any], body: str, body_line: int) -> list[tuple[str, str, int | None]]:
    """The scaffold values still in a post, as (field, message, line) with ``line`` None for
    a field's own line. ``body`` is the text below the front matter, starting at ``body_line``.
    A post marked ``draft: true`` is still being written: it may keep them."""
    if data.get("draft") is True:
        return []
    found = []
    url = data.get("original_url")
    if isinstance(url, str) and _same_address(url, DEFAULT_ORIGINAL_URL):
        found.append(("original_url", f"original_url is still the default of 'ppblog new' ({DEFAULT_ORIGINAL_URL}, "
                                      "the blog's home page): give the address of the original post", None))
    for offset, line in enumerate(body.splitlines()):
        if INSTRUCTION in line:
            found.append(("body", "the text is still the instruction 'Write the post here…' of 'ppblog new': "
                                  "replace it with the post's text", body_line + offset))
            break
    return found
