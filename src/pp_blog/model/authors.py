"""The author registry (``authors.yaml``): who the authors are, read and checked.

One record per person: the name as written in posts, and optionally an affiliation, an
ORCID, a web page, a short bio, and the given and family names where the family name is
not simply the last word. Pure: the build and ``ppblog check`` share it, with the same
one-line messages. A post's author without a record is shown by name only.
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path
from typing import Any

import yaml

from .citation import Person, orcid_problem
from .problems import Problem

REGISTRY_FILE = "authors.yaml"
FIELDS = ("name", "affiliation", "orcid", "url", "bio", "given", "family")
EXAMPLE = "- name: Tina Jukić\n  affiliation: University of Ljubljana\n  orcid: \"0000-0002-1825-0097\""


def person_key(name: str) -> str:
    """Names that differ only in case, spacing, punctuation or diacritics are one person
    (ABlog gives them one author page)."""
    folded = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().casefold()
    return "-".join(re.findall(r"[a-z0-9]+", folded))


class _Loader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):
    """Dates stay text, as in front matter: a record has none, and an ORCID is never a number."""


_Loader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def read_registry(text: str) -> tuple[dict[str, dict[str, Any]], list[Problem]]:
    """The records by :func:`person_key` of their name, and the problems (each with its line).

    A record with a problem is left out, so a wrong ORCID is never published.
    """
    loader = _Loader(text)
    try:
        node = loader.get_single_node()
    except yaml.YAMLError as error:
        # Where an unclosed quote or bracket started is more useful than where the file ended.
        mark = getattr(error, "context_mark", None) or getattr(error, "problem_mark", None)
        problem = getattr(error, "problem", None) or str(error).splitlines()[0]
        return {}, [Problem(f"not valid YAML ({problem}): check quoting and indentation", mark.line + 1 if mark else 1)]
    finally:
        loader.dispose()
    if node is None:
        return {}, []
    if not isinstance(node, yaml.SequenceNode):
        return {}, [Problem(f"the registry is a list of records, one per author, e.g.\n{EXAMPLE}", node.start_mark.line + 1)]
    records: dict[str, dict[str, Any]] = {}
    problems: list[Problem] = []
    seen_names: dict[str, tuple[str, int]] = {}
    seen_orcids: dict[str, tuple[str, int]] = {}
    for item in node.value:
        line = item.start_mark.line + 1
        record, item_problems = _read_record(item)
        problems += item_problems
        if record is None:
            continue
        name = record["name"]
        key = person_key(name)
        if key in seen_names:
            other, other_line = seen_names[key]
            problems.append(Problem(
                f"{name!r} has a record already ({other!r}, line {other_line}): keep one record per person", line))
            continue
        orcid = record.get("orcid")
        if orcid and orcid in seen_orcids:
            other, other_line = seen_orcids[orcid]
            problems.append(Problem(
                f"{name!r} has the ORCID of {other!r} (line {other_line}): one person has one record; "
                "write the name as in the other record, or correct the ORCID", line))
            continue
        seen_names[key] = (name, line)
        if orcid:
            seen_orcids[orcid] = (name, line)
        if not item_problems:
            records[key] = record
    return records, problems


def _read_record(item: yaml.Node) -> tuple[dict[str, Any] | None, list[Problem]]:
    line = item.start_mark.line + 1
    if not isinstance(item, yaml.MappingNode):
        return None, [Problem(f"a record is a list of 'field: value' lines, e.g.\n{EXAMPLE}", line)]
    record: dict[str, Any] = {}
    lines: dict[str, int] = {}
    problems: list[Problem] = []
    for key_node, value_node in item.value:
        key, key_line = str(key_node.value), key_node.start_mark.line + 1
        if key in lines:
            problems.append(Problem(f"field {key!r} is given twice in one record: keep one", key_line))
            continue
        lines[key] = key_line
        if key not in FIELDS:
            problems.append(Problem(
                f"unknown field {key!r}: use {', '.join(FIELDS)} (see docs/citing-and-discovery.md)", key_line))
            continue
        value = value_node.value if isinstance(value_node, yaml.ScalarNode) else None
        if not isinstance(value, str) or not value.strip():
            problems.append(Problem(f"field {key!r} needs a line of text, e.g. {key}: ...", key_line))
            continue
        record[key] = value.strip()
    name = record.get("name")
    if name is None:
        if "name" not in lines:
            problems.append(Problem(f"a record has no 'name': give the name as written in posts, e.g.\n{EXAMPLE}", line))
        return None, problems
    if "," in name:
        problems.append(Problem(f"name {name!r} has a comma, which splits it into two authors: remove it", lines["name"]))
    if "orcid" in record and (problem := orcid_problem(record["orcid"])):
        problems.append(Problem(f"ORCID of {name!r}: {problem}", lines["orcid"]))
    if "url" in record and not re.match(r"^https?://\S+$", record["url"]):
        problems.append(Problem(f"web page of {name!r} ({record['url']!r}) is not an address: start it with https://",
                                lines["url"]))
    if ("given" in record) != ("family" in record):
        problems.append(Problem(f"give both 'given' and 'family' for {name!r}, or neither", line))
    record["line"] = line
    return record, problems


def load_registry(root: Path) -> tuple[dict[str, dict[str, Any]], list[Problem]]:
    """The project's registry; no file is an empty registry."""
    path = root / REGISTRY_FILE
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return {}, []
    except UnicodeDecodeError:
        return {}, [Problem("is not UTF-8 text: save it as UTF-8", None)]
    return read_registry(text)


def person(author: dict[str, str], registry: dict[str, dict[str, Any]]) -> Person:
    """A post's author (name, role, affiliation from the front matter) with its record.

    The affiliation the post gives wins: it is the one at the time of writing.
    """
    record = registry.get(person_key(author["name"]), {})
    return Person(
        name=author["name"],
        affiliation=author.get("affiliation") or record.get("affiliation", ""),
        orcid=record.get("orcid", ""),
        url=record.get("url", ""),
        given=record.get("given", ""),
        family=record.get("family", ""),
    )
