"""The ``ppblog_*`` settings of ``conf.py``: declared once, with their types, and validated when
the configuration is read.

Each bad value is one warning naming the setting, the value and the fix (type ``ppblog``,
subtype ``config``), and the build goes on with the default, so every other problem is still
reported; ``-W`` then fails it. Nothing here changes a value Sphinx holds: :func:`settings` gives
the typed view.
"""

from __future__ import annotations

import datetime as dt
import weakref
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable

from sphinx.util import logging

from ..model.frontmatter import parse_date
from ..model.page_size import POSTS_PER_LIST_PAGE

logger = logging.getLogger("pp_blog")


# What a parser returns for a value it refuses.
INVALID = object()


def _categories(value: Any) -> list[str] | object:
    if isinstance(value, (list, tuple)) and all(isinstance(item, str) and item.strip() for item in value):
        return list(value)
    return INVALID


def _flag(value: Any) -> bool | object:
    return value if isinstance(value, bool) else INVALID


def _optional_date(value: Any) -> dt.date | None | object:
    """A date, or None for an empty setting."""
    if value == "":
        return None
    return (parse_date(value) if isinstance(value, str) else None) or INVALID


def _text(value: Any) -> str | object:
    return value if isinstance(value, str) else INVALID


def _licence(value: Any) -> dict[str, str] | object:
    if value in ({}, None):
        return {}
    if (isinstance(value, dict) and set(value) == {"name", "url"}
            and all(isinstance(item, str) and item.strip() for item in value.values())
            and value["url"].startswith(("https://", "http://"))):
        return dict(value)
    return INVALID


def _optional_address(value: Any) -> str | object:
    if value == "" or (isinstance(value, str) and value.startswith(("https://", "http://")) and " " not in value):
        return value
    return INVALID


def _posts_per_page(value: Any) -> int | object:
    return value if isinstance(value, int) and not isinstance(value, bool) and 1 <= value <= 10_000 else INVALID


@dataclass(frozen=True)
class Setting:
    name: str
    default: Any
    rebuild: str
    parse: Callable[[Any], Any]
    fix: str


SETTINGS = (
    Setting("ppblog_categories", [], "env", _categories,
            "list the categories a post may name, e.g. ppblog_categories = ['Special issue blog series']"),
    Setting("ppblog_show_drafts", False, "env", _flag,
            "write ppblog_show_drafts = True to preview drafts, or leave it out"),
    # The day against which future-dated posts count as drafts; empty means today.
    Setting("ppblog_build_date", "", "env", _optional_date,
            "set the day against which future-dated posts count as drafts as 'YYYY-MM-DD', "
            "e.g. ppblog_build_date = '2021-08-01', or leave it out for today"),
    # The date printed on the PDF editions, never the day of the build; empty: each edition's
    # newest post's (dated_output.py).
    Setting("ppblog_edition_date", "", "", _optional_date,
            "set the date printed on the PDF editions as 'YYYY-MM-DD', e.g. ppblog_edition_date = '2021-08-01', "
            "or remove it to date each edition by its newest post"),
    # Who the footer's copyright names after the years the posts span, when `copyright` is unset.
    Setting("ppblog_copyright_holder", "", "html", _text,
            "name who holds the copyright, e.g. ppblog_copyright_holder = 'Policy & Politics', or leave it out"),
    # The licence of the posts (docs/citing-and-discovery.md); empty: none is published.
    Setting("ppblog_licence", {}, "html", _licence,
            "name the licence and its address, e.g. ppblog_licence = {'name': 'CC BY 4.0', "
            "'url': 'https://creativecommons.org/licenses/by/4.0/'}, or leave it out"),
    # How many posts a page of an archive list shows beyond its first (compat.ablog.paged).
    Setting("ppblog_posts_per_list_page", POSTS_PER_LIST_PAGE, "html", _posts_per_page,
            "give a whole number of posts from 1 to 10000, e.g. ppblog_posts_per_list_page = 100, or leave it out"),
    # Where the PDF editions are published (each post's citation_pdf_url); empty: they are not.
    Setting("ppblog_editions_url", "", "html", _optional_address,
            "give the address the PDF editions are published at, e.g. ppblog_editions_url = "
            "'https://example.org/pdf/', or leave it out"),
)


@dataclass(frozen=True)
class Settings:
    """The validated settings, typed."""

    categories: list[str] = field(default_factory=list)
    show_drafts: bool = False
    # ``None``: today (see :attr:`build_date`).
    fixed_build_date: dt.date | None = None
    edition_date: dt.date | None = None
    copyright_holder: str = ""
    licence: dict[str, str] = field(default_factory=dict)
    editions_url: str = ""
    posts_per_list_page: int = POSTS_PER_LIST_PAGE

    @property
    def build_date(self) -> dt.date:
        return self.fixed_build_date or dt.date.today()


_SETTINGS: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


def register(app) -> None:
    for setting in SETTINGS:
        app.add_config_value(setting.name, setting.default, setting.rebuild)


def problem_line(app, name: str, value: Any, fix: str, what: str = "is not valid") -> str:
    return f"{Path(app.confdir, 'conf.py')}: {name} = {value!r} {what}: {fix}"


def parsed_settings(config, report=None) -> Settings:
    """The typed settings of a configuration; each bad value is given to ``report(setting, value)``
    and replaced by its default."""
    parsed: dict[str, Any] = {}
    for setting in SETTINGS:
        value = getattr(config, setting.name, setting.default)
        result = setting.parse(value)
        if result is INVALID:
            if report is not None:
                report(setting, value)
            result = setting.parse(setting.default)
        parsed[setting.name] = result
    return Settings(
        categories=parsed["ppblog_categories"],
        show_drafts=parsed["ppblog_show_drafts"],
        fixed_build_date=parsed["ppblog_build_date"],
        edition_date=parsed["ppblog_edition_date"],
        copyright_holder=parsed["ppblog_copyright_holder"],
        licence=parsed["ppblog_licence"],
        editions_url=parsed["ppblog_editions_url"],
        posts_per_list_page=parsed["ppblog_posts_per_list_page"],
    )


def validate(app, config) -> None:
    """``config-inited``: check every setting; a bad one is reported and its default used."""

    def report(setting: Setting, value: Any) -> None:
        what = "is not a date" if setting.parse is _optional_date else "is not valid"
        logger.warning(problem_line(app, setting.name, value, setting.fix, what), type="ppblog", subtype="config")

    _SETTINGS[config] = parsed_settings(config, report)


def settings(config) -> Settings:
    """The validated settings of a configuration (read on the spot, without reporting, from one
    that was not validated, such as a test's)."""
    try:
        return _SETTINGS[config]
    except (KeyError, TypeError):
        return parsed_settings(config)

