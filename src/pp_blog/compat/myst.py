"""What reaches into MyST-Parser's internals (written for myst-parser 5.2.0, see
:mod:`pp_blog.compat`).

- For every document it reads, MyST's renderer makes a spare docutils document (its
  ``setup_render`` evaluates ``make_document()`` as the default of an ``options.get`` whose key
  is always there), and docutils builds that document's settings by declaring each of its 150
  options to a new command-line parser: about a millisecond per page, for a document that is
  thrown away. For the length of a build, the default settings are found once per parser
  class and each document gets its own copy (:func:`remember_default_settings`, undone by
  :func:`forget_default_settings`).
"""

from __future__ import annotations

from docutils import frontend
from myst_parser.mdit_to_docutils import base


def settings_copy(settings: frontend.Values) -> frontend.Values:
    """A document's own settings, equal to ``settings``: its own object (Sphinx and docutils
    set attributes on a document's settings) with its own list of dependencies (the one value
    they change in place), as docutils gives every new settings object."""
    return frontend.Values({**settings.__dict__, "record_dependencies": None})


def remember_default_settings(app) -> None:
    """``builder-inited``: docutils' default settings found once per parser class for the build."""
    found: dict[tuple, frontend.Values] = {}

    def default_settings(*components) -> frontend.Values:
        if components not in found:
            found[components] = frontend.get_default_settings(*components)
        return settings_copy(found[components])

    base.get_default_settings = default_settings


def forget_default_settings(*args) -> None:
    """``build-finished``: docutils' own function again, for whatever is built next in the process."""
    base.get_default_settings = frontend.get_default_settings
