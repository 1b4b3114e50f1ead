"""The cycle collector paused while Sphinx loads the saved environment (sphinxext/garbage.py)."""

from __future__ import annotations

import gc
import pickle

import pytest

from pp_blog.sphinxext import garbage


@pytest.mark.sphinx("html", testroot="compat", freshenv=True)
def test_the_collector_is_paused_only_while_the_environment_loads(app, make_app, app_params, monkeypatch):
    app.build()
    app.cleanup()
    assert gc.isenabled() and gc.get_freeze_count() == 0
    enabled_while_loading = []
    load = pickle.load
    monkeypatch.setattr(pickle, "load", lambda *args, **kwargs: enabled_while_loading.append(gc.isenabled())
                        or load(*args, **kwargs))
    args, kwargs = app_params
    again = make_app(*args, **{**kwargs, "freshenv": False})
    assert enabled_while_loading and not any(enabled_while_loading)
    # The loaded environment is set aside from the collector's walks, and given back at the end.
    assert gc.isenabled() and gc.get_freeze_count() > 0
    frozen_when_writing = []
    again.connect("write-started", lambda *a: frozen_when_writing.append(gc.get_freeze_count()), priority=1)
    loaded = gc.get_freeze_count()
    again.build()
    # What reading made is set aside too once writing starts; everything is given back at the end.
    assert frozen_when_writing and frozen_when_writing[0] > loaded
    assert gc.isenabled() and gc.get_freeze_count() == 0



def test_at_exit_the_collector_skips_its_walks(monkeypatch):
    """The collector's walks at shutdown (half a second for a 2,000-post environment) are
    skipped: everything alive at exit is set aside, once, however many builds the process ran."""
    registered = []
    monkeypatch.setattr(garbage.atexit, "register", registered.append)
    monkeypatch.setitem(garbage._STATE, "at_exit", False)
    garbage.set_aside_at_exit()
    garbage.set_aside_at_exit()
    assert registered == [gc.freeze]
    assert gc.get_freeze_count() == 0


@pytest.mark.sphinx("html", testroot="compat", freshenv=True)
def test_the_extension_sets_aside_at_exit(make_app, app_params, monkeypatch):
    registered = []
    monkeypatch.setattr(garbage.atexit, "register", registered.append)
    monkeypatch.setitem(garbage._STATE, "at_exit", False)
    args, kwargs = app_params
    make_app(*args, **kwargs)
    assert registered == [gc.freeze]
