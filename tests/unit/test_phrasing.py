"""The phrases derived from front matter, and the checks that keep titles and scaffolds honest
(pure functions, no Sphinx)."""

from __future__ import annotations

import re

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from pp_blog.model import frontmatter as fm
from pp_blog.model import phrasing, scaffold

SERIES = {"kind": "special-issue", "title": "Special issue blog series: populism and public policy",
          "series_name": "Special issue blog series", "planned_posts": 6}
HIGHLIGHTS = {"kind": "highlights", "title": "Highlights collection, 1 February – 30 April 2022: populism",
              "theme": "populism"}
PERIOD = "1 February – 30 April 2022"


def line(parts: tuple[str, str, str]) -> str:
    return "".join(parts)


def test_series_line_names_the_series_once():
    assert line(phrasing.series_line(SERIES, 1)) == (
        "Blog 1 of 6 in the Special issue blog series on populism and public policy")
    named = dict(SERIES, short_title="Populism and policy")
    assert phrasing.series_line(named, 2)[2] == "Populism and policy"
    plain = dict(SERIES, title="Populism and public policy")
    assert phrasing.series_line(plain, 2)[2] == "Populism and public policy"


@pytest.mark.parametrize(("collection", "expected"), [
    (HIGHLIGHTS, "Part of the highlights collection on populism (1 February – 30 April 2022)."),
    (dict(HIGHLIGHTS, title="Highlights on populism"), "Part of the highlights collection on populism (1 February – 30 April 2022)."),
    (dict(HIGHLIGHTS, short_title="Populism highlights"), "Part of the Populism highlights (1 February – 30 April 2022)."),
    (dict(HIGHLIGHTS, short_title="Spring reading"), "Part of the highlights collection Spring reading (on populism, 1 February – 30 April 2022)."),
])
def test_highlights_line_says_each_thing_once(collection, expected):
    assert line(phrasing.highlights_line(collection, PERIOD)) == expected


def test_edition_kicker_only_when_the_title_does_not_say_it():
    assert phrasing.edition_kicker(SERIES, SERIES["title"]) == ""
    assert phrasing.edition_kicker(SERIES, "Trust & legitimacy") == "Special issue blog series"
    assert phrasing.edition_kicker(HIGHLIGHTS, "Highlights: climate") == "Highlights collection"


@settings(deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=200))
def test_file_names_are_short_whole_words_and_never_end_on_a_joining_word(title):
    name = phrasing.file_name(title)
    assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", name)
    assert len(name) <= phrasing.FILE_NAME_LENGTH
    words = re.sub(r"[^a-z0-9]+", " ", phrasing.without_numbering(title).lower()).split()
    if words and name != "post":
        # Whole words from the start of the title.
        assert words[:len(name.split("-"))] == name.split("-") or len(words[0]) > phrasing.FILE_NAME_LENGTH


def test_file_name_is_not_cut_mid_phrase():
    assert phrasing.file_name("1st May – 31st July 2021 highlights collection on policy diffusion") == (
        "1st-may-31st-july-2021-highlights-collection")
    assert phrasing.file_name("Blog 1: why populism matters for policy") == "why-populism-matters-for-policy"


POST = """---
title: "{title}"
date: 2021-05-12
authors:
  - Albert Meijer
tags: [evidence]
category: Special issue blog series
collection: co-creation-special-issue
position: 5
original_url: {url}
{draft}---

{body}
"""


def read(title="Digital platforms", url="https://example.org/x", draft="", body="Text.") -> list[fm.Problem]:
    return fm.read_page("post", POST.format(title=title, url=url, draft=draft, body=body), folder="f", categories=None)[1]


@pytest.mark.parametrize("title", ["Blog 5: Digital platforms", "blog #5 – Digital platforms", "Part 5. Digital platforms"])
def test_a_numbering_prefix_beside_a_position_is_refused_with_the_title_to_write(title):
    [problem] = read(title=title)
    assert problem.line == 2
    assert problem.message.endswith('write title: "Digital platforms"')


def test_scaffold_defaults_are_errors_outside_drafts():
    problems = read(url=scaffold.DEFAULT_ORIGINAL_URL, body=scaffold.INSTRUCTION)
    assert [(p.field, p.line) for p in problems] == [("original_url", 10), ("body", 13)]
    assert read(url=scaffold.DEFAULT_ORIGINAL_URL, body=scaffold.INSTRUCTION, draft="draft: true\n") == []


COLLECTION = """---
title: "Highlights"
collection:
  kind: highlights
  slug: wrong
  journal: Policy & Politics
  period_start: 2021-05-01
  period_end: 2021-07
  theme: x
  featured_articles:
    - title: T
      authors: [A]
      doi: nope
---
"""


def test_nested_fields_point_at_their_own_line():
    problems = fm.read_page("collection", COLLECTION, folder="hl", categories=None)[1]
    lines = {p.message.split(":")[0] if "slug" not in p.message else "slug": p.line for p in problems}
    assert lines["slug"] == 5
    assert lines["period_start and period_end must be dates written YYYY-MM-DD"] == 8
    assert any(p.line == 13 and "'nope'" in p.message for p in problems), problems
