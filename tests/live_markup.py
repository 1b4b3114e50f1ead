"""What a built site publishes as live markup: elements or attributes a front-matter string put there.

Shared by the escaping tests. A payload is written with the element name ``x-pp`` and the
attribute ``data-pp``, which nothing in the book uses: any element or attribute of that name
in a published page or feed is a front-matter string that reached the output unescaped.
"""

from __future__ import annotations

from pathlib import Path
from xml.etree import ElementTree

from bs4 import BeautifulSoup

ELEMENT = "x-pp"
ATTRIBUTE = "data-pp"
PAYLOAD = f'<{ELEMENT} {ATTRIBUTE}="1" onclick="alert(1)">'


def live_in_html(text: str) -> list[str]:
    soup = BeautifulSoup(text, "html.parser")
    found = [str(el)[:80] for el in soup.find_all(ELEMENT)]
    found += [str(el)[:80] for el in soup.find_all(attrs={ATTRIBUTE: True})]
    return found


def live_in_xml(data: bytes) -> list[str]:
    root = ElementTree.fromstring(data)
    found = []
    for element in root.iter():
        if element.tag.rsplit("}", 1)[-1] == ELEMENT or ATTRIBUTE in element.attrib:
            found.append(element.tag)
        if element.tag.endswith("content") and element.get("type") == "html" and element.text:
            found += live_in_html(element.text)  # escaped HTML inside the feed, as readers show it
    return found


def live_markup(outdir: Path) -> dict[str, list[str]]:
    """Every published file with live markup from a payload, and what was found."""
    result = {}
    for path in sorted(outdir.rglob("*")):
        if not path.is_file() or ".doctrees" in path.parts:
            continue
        if path.suffix == ".html":
            found = live_in_html(path.read_text(encoding="utf-8"))
        elif path.suffix == ".xml":
            found = live_in_xml(path.read_bytes())
        else:
            continue
        if found:
            result[path.relative_to(outdir).as_posix()] = found
    return result
