"""The markup of a template, without what a reader never gets: comments and indentation. Pure.

The themes' templates are written for people to read: every line indented, comments for
their maintainers. Every page carried them (about 4 % of the HTML of an archive). A template's
text between its tags is given here piece by piece, in order (Jinja's ``data`` tokens), and
comes back with

- every HTML comment that starts and ends in the piece left out (a comment around a template
  tag stays: what the tag prints is kept as it was);
- every run of white space made one character: a line break if it holds one, else a space.
  It is the same white space to a browser, and the line breaks (where a later reader of the
  page looks for them) stay where they were. A run can start in one piece and go on in the
  next, across template tags, so each piece's runs are made one character on their own (the
  indentation of a line after a tag whose line break Jinja's ``trim_blocks`` took becomes a
  space). Runs in attribute values are made one character too: the themes' templates have
  none that a reader sees (tests/sphinx/test_compat.py compares every attribute of every page);

except in ``pre``, ``textarea``, ``script`` and ``style`` elements, whose text is kept as
written (white space there is the content, or code that may hold it in its strings). Where a
piece ends inside such an element or a comment is carried to the next piece.

Each character is looked at a bounded number of times: the searches move forward only.
"""

from __future__ import annotations

import re

# Elements whose text is kept as it is written. A ``pre`` may hold elements, the others text
# only (their first end tag ends them).
KEPT_ELEMENTS = ("pre", "textarea", "script", "style")
COMMENT_CLOSE = "-->"
_KEPT_TAG = rf"({'|'.join(KEPT_ELEMENTS)})(?=[\s/>])"
# A kept element's start tag or a comment's start.
KEPT_START = re.compile(rf"<(?:{_KEPT_TAG}|!--)", re.IGNORECASE)
# In a pre: the same, or the pre's end tag.
IN_PRE = re.compile(rf"<(?:{_KEPT_TAG}|(/pre)(?=[\s/>])|!--)", re.IGNORECASE)
KEPT_END = {name: re.compile(rf"</{name}(?=[\s/>])", re.IGNORECASE) for name in KEPT_ELEMENTS if name != "pre"}
# HTML's white space (not Python's \s, which also matches a no-break space).
WHITE_SPACE = re.compile(r"[ \t\n\r\f]+")

# What a piece ends inside of: the kept elements and comment open there, outermost first.
Inside = tuple[str, ...]


def _one_character(match: re.Match) -> str:
    return "\n" if "\n" in match.group() else " "


def compact_text(text: str) -> str:
    """Text outside any kept element or comment: each white-space run made one character."""
    return WHITE_SPACE.sub(_one_character, text)


def _opened(start: re.Match) -> str:
    return (start.group(1) or "comment").lower()


def _kept_end(piece: str, position: int, open_: list[str]) -> int:
    """Where the kept text from ``position`` ends (all of ``open_`` closed), or the piece's
    length; ``open_`` is updated to what is still open there."""
    while open_:
        name = open_[-1]
        if name == "comment":
            end = piece.find(COMMENT_CLOSE, position)
            if end == -1:
                return len(piece)
            position = end + len(COMMENT_CLOSE)
            open_.pop()
        elif name == "pre":
            tag = IN_PRE.search(piece, position)
            if tag is None:
                return len(piece)
            if tag.group(2):
                open_.pop()
            else:
                open_.append(_opened(tag))
            position = tag.end()
        else:
            tag = KEPT_END[name].search(piece, position)
            if tag is None:
                return len(piece)
            open_.pop()
            position = tag.end()
    return position


def compact(piece: str, inside: Inside = ()) -> tuple[str, Inside]:
    """The piece compacted, and what it ends inside of (to be given with the next piece).
    ``inside`` is what the previous piece ended inside of."""
    parts: list[str] = []
    outside: list[str] = []  # text outside, with whole comments left out, not yet compacted
    open_ = list(inside)
    position = 0
    while position < len(piece):
        if open_:
            end = _kept_end(piece, position, open_)
            parts.append(piece[position:end])
            position = end
            continue
        start = KEPT_START.search(piece, position)
        if start is None:
            outside.append(piece[position:])
            break
        outside.append(piece[position:start.start()])
        if start.group(1) is None:
            end = piece.find(COMMENT_CLOSE, start.end())
            if end != -1:  # a whole comment: left out
                position = end + len(COMMENT_CLOSE)
                continue
        parts.append(compact_text("".join(outside)))
        outside = []
        open_.append(_opened(start))
        parts.append(piece[start.start():start.end()])
        position = start.end()
    parts.append(compact_text("".join(outside)))
    return "".join(parts), tuple(open_)
