"""Unit tests for reading and validating front matter (pure functions, no Sphinx)."""

from __future__ import annotations

import pytest

from pp_blog.model import frontmatter as fm
from pp_blog.model.names import text_problems

CATEGORIES = ["Special issue blog series", "Highlights collection"]

VALID = """---
title: "Digital platforms"
date: 2021-05-12
authors:
  - Albert Meijer
  - name: Sarah Brown
    role: Journal Manager, Policy & Politics
tags: [co-creation, public value]
category: Special issue blog series
collection: co-creation-special-issue
position: 5
original_url: https://policyandpoliticsblog.com/2021/05/12/x/
---

Body.
"""


def problems_for(text: str) -> list[fm.Problem]:
    return fm.validate_post(fm.parse_front_matter(text), categories=CATEGORIES)


def replace(old: str, new: str) -> str:
    assert old in VALID
    return VALID.replace(old, new)


def test_valid_post_has_no_problems():
    assert problems_for(VALID) == []


def test_authors_keep_order_and_roles():
    authors = fm.authors_of(fm.parse_front_matter(VALID).data)
    assert [a.name for a in authors] == ["Albert Meijer", "Sarah Brown"]
    assert authors[1].description == "Journal Manager, Policy & Politics"


def test_key_lines_are_file_lines():
    front = fm.parse_front_matter(VALID)
    assert front.line_of("title") == 2
    assert front.line_of("category") == 9


def test_no_front_matter_is_reported_on_line_1():
    with pytest.raises(fm.FrontMatterError) as caught:
        fm.parse_front_matter("# Just a heading\n")
    assert caught.value.line == 1
    assert caught.value.message.startswith("no front matter: start the file with a '---' line")


def test_malformed_yaml_names_the_line():
    with pytest.raises(fm.FrontMatterError) as caught:
        fm.parse_front_matter(replace('title: "Digital platforms"', "title: [unclosed"))
    assert caught.value.line is not None and caught.value.line >= 2
    assert "front matter is not valid YAML" in caught.value.message


@pytest.mark.parametrize("date", ["2021-13-45", "May 2021", "2021-02-30"])
def test_impossible_dates_are_reported_with_the_fix(date):
    [problem] = problems_for(replace("date: 2021-05-12", f"date: {date}"))
    assert problem.field == "date"
    assert problem.line == 3
    assert problem.message == f"field 'date' ({date!r}) is not a real date: write the publication date as YYYY-MM-DD, e.g. date: 2021-05-12"


def test_missing_required_field_names_it():
    [problem] = problems_for(replace("category: Special issue blog series\n", ""))
    assert problem.message.startswith("post has no 'category' field")


def test_no_authors_is_an_error():
    text = replace("authors:\n  - Albert Meijer\n  - name: Sarah Brown\n    role: Journal Manager, Policy & Politics\n", "authors: []\n")
    [problem] = problems_for(text)
    assert problem.field == "authors"


def test_author_with_comma_in_name_is_refused():
    [problem] = problems_for(replace("  - Albert Meijer\n", "  - Meijer, Albert\n"))
    assert problem.field == "authors"


@pytest.mark.parametrize("name", ['""', '" "', '{name: ""}', '{name: " "}'])
def test_an_empty_or_blank_author_is_one_problem(name):
    """jsonschema reports every rule a value breaks; an editor reads one problem per value."""
    [problem] = problems_for(replace("  - Albert Meijer\n", f"  - {name}\n"))
    assert problem.line == 5


@pytest.mark.parametrize(
    "line, hint",
    [
        ("nocomments: true", "remove it: this blog has no comments"),
        ("exclude: true", "remove it; to keep a post unpublished, set 'draft: true'"),
        ("author: Albert Meijer", "use 'authors:' with one '- Name' line per author"),
    ],
)
def test_ablog_keys_are_refused_with_a_hint(line, hint):
    [problem] = problems_for(VALID.replace("---\n\nBody", f"{line}\n---\n\nBody"))
    key = line.split(":")[0]
    assert problem.message == f"unknown field '{key}': {hint}"
    assert problem.line == 13


def test_tags_differing_only_in_case_are_refused():
    [problem] = problems_for(replace("tags: [co-creation, public value]", "tags: [Public value, public value]"))
    assert problem.message == "tags 'Public value' and 'public value' differ only in case: keep one spelling"


def test_unknown_category_lists_the_known_ones():
    [problem] = problems_for(replace("category: Special issue blog series", "category: News"))
    assert problem.message == "unknown category 'News': use one of 'Special issue blog series', 'Highlights collection'"


def record(docname, **overrides):
    post = {"title": docname, "date": "2021-05-12", "collection": "series", "position": 1, "lines": {"position": 9}}
    post.update(overrides)
    return post


COLLECTIONS = {
    "posts/series/index": {"slug": "series", "kind": fm.SPECIAL_ISSUE, "planned_posts": 3},
    "posts/hl/index": {"slug": "hl", "kind": fm.HIGHLIGHTS},
}


def test_site_checks_pass_for_distinct_posts():
    posts = {"posts/series/a": record("a", position=1), "posts/series/b": record("b", position=2)}
    assert fm.validate_site(posts, COLLECTIONS) == []


def test_duplicate_series_position_is_reported_on_the_later_post():
    posts = {"posts/series/a": record("a", position=2), "posts/series/b": record("b", position=2)}
    [(docname, problem)] = fm.validate_site(posts, COLLECTIONS)
    assert docname == "posts/series/b"
    assert problem.line == 9
    assert problem.message == "position 2 is already taken by posts/series/a in series 'series': give each post its own number"


def test_position_beyond_planned_count_names_the_fix():
    [(_, problem)] = fm.validate_site({"posts/series/a": record("a", position=4)}, COLLECTIONS)
    assert problem.message.startswith("position 4 is beyond the 3 blogs planned for 'series'")


def test_unknown_collection():
    [(_, problem)] = fm.validate_site({"posts/x/a": record("a", collection="nope")}, COLLECTIONS)
    assert problem.message == "unknown collection 'nope': use the folder name of a collection (known: hl, series)"


def test_same_title_or_file_name_twice():
    posts = {
        "posts/series/a": record("Same title", position=1),
        "posts/hl/a": record("Same  TITLE", collection="hl", position=None),
    }
    messages = [p.message for _, p in fm.validate_site(posts, COLLECTIONS)]
    # Checked in docname order: posts/hl/a comes first, so the series post is the duplicate.
    assert "title 'Same title' is already used by posts/hl/a: give each post its own title" in messages
    assert any(m.startswith("file name 'a' is already used by posts/hl/a") for m in messages)


SERIES_PAGE = """---
title: A series
collection:
  kind: special-issue
  slug: series
  series_name: Special issue blog series
  journal: Policy & Politics
  volume: 49
  issue: 2
  month: 4
  year: 2021
  guest_editors: [A, B]
  planned_posts: 7
---
"""


@pytest.mark.parametrize("editor", ['""', '" "', '","'])
def test_an_empty_blank_or_split_guest_editor_is_one_problem_on_its_line(editor):
    text = SERIES_PAGE.replace("[A, B]", f"[A, {editor}]")
    [problem] = fm.validate_collection(fm.parse_front_matter(text), folder="series")
    assert problem.line == 12
    assert "guest_editors.1" in problem.message and "one name per entry" in problem.message


def test_a_hidden_character_in_a_nested_field_is_told_on_that_fields_line():
    [problem] = text_problems(fm.parse_front_matter(SERIES_PAGE.replace("[A, B]", "[A, B\u200bC]")))
    assert problem.line == 12


def test_valid_collection_declaration():
    assert fm.validate_collection(fm.parse_front_matter(SERIES_PAGE), folder="series") == []


def test_collection_slug_must_match_folder():
    [problem] = fm.validate_collection(fm.parse_front_matter(SERIES_PAGE), folder="other")
    assert problem.message == "collection slug 'series' differs from its folder posts/other/: make them the same"


def test_special_issue_needs_its_journal_details():
    [problem] = fm.validate_collection(
        fm.parse_front_matter(SERIES_PAGE.replace("  volume: 49\n", "")), folder="series")
    assert "'volume' is a required property" in problem.message


def test_each_schema_gets_one_validator_made_once():
    validator = fm._validator(fm.POST_SCHEMA)
    assert fm._validator(fm.POST_SCHEMA) is validator and validator.schema is fm.POST_SCHEMA
    assert fm._validator(fm.COLLECTION_SCHEMA) is not validator
    # an equal schema in another object is validated as itself, not by the first one's validator
    copy = {**fm.POST_SCHEMA}
    assert fm._validator(copy).schema is copy
