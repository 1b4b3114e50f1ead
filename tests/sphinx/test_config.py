"""The ``ppblog_*`` settings are checked when the configuration is read: each bad value is one
warning naming the setting, the value and the fix, and the build goes on with the default."""

from __future__ import annotations

import pytest

from pp_blog.sphinxext.config import settings


def config_warnings(app) -> list[str]:
    return [line for line in app.warning.getvalue().splitlines() if "[ppblog.config]" in line]


@pytest.mark.parametrize(
    ("name", "value", "said"),
    [
        ("ppblog_build_date", "2021-13-45", "'2021-13-45' is not a date: set the day against which future-dated"),
        ("ppblog_build_date", "next week", "'next week' is not a date"),
        ("ppblog_edition_date", "1 August 2021", "'1 August 2021' is not a date: set the date printed on the PDF"),
        ("ppblog_categories", ["Fine", ""], "['Fine', ''] is not valid: list the categories"),
        ("ppblog_show_drafts", 2, "2 is not valid: write ppblog_show_drafts = True"),
        ("ppblog_posts_per_list_page", 0, "0 is not valid: give a whole number of posts from 1 to 10000"),
        ("ppblog_posts_per_list_page", 2.5, "2.5 is not valid: give a whole number of posts"),
    ],
)
def test_a_bad_setting_is_one_line_naming_it_and_the_fix(make_app, app_params, name, value, said):
    args, kwargs = app_params
    app = make_app(*args, **{**kwargs, "confoverrides": {name: value}})
    app.build()
    [line] = config_warnings(app)
    assert f"conf.py: {name} = {said}" in line


@pytest.mark.sphinx("html", testroot="collections")
def test_good_settings_are_read_typed(app):
    assert config_warnings(app) == []
    assert settings(app.config).fixed_build_date.isoformat() == "2022-01-01"
    assert settings(app.config).categories == ["Special issue blog series", "Highlights collection"]


pytestmark = pytest.mark.sphinx("html", testroot="collections", freshenv=True)
