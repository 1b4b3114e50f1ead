"""Python's cycle collector while Sphinx loads the saved environment.

Between ``config-inited`` and ``builder-inited`` Sphinx unpickles the environment of the last
build: for 2,000 posts, hundreds of thousands of objects. Each allocation counts towards the
next collection, and each full collection walks every object made so far, so the collector
ran again and again over the growing environment: a quarter of the CPU time of a rebuild in
which nothing changed (0.7 of 2.9 s, measured with the collector off). Unpickling makes no
garbage for it to find. So it is paused for the load, and what the load made, which lives
until the build ends, is set aside from its later walks (``gc.freeze``); so is what reading
made, once writing starts. Both are given back when the build finishes, so that nothing is
kept past it.

When the process exits, Python's collector walks every object still alive, once for each step of
its shutdown: half a second for a 2,000-post environment (a fifth of a rebuild in which nothing
changed). The objects are freed by their reference counts all the same; what the walks would
find besides is garbage whose finalizers Python does not promise to run at exit. So at exit
everything is set aside again (:func:`set_aside_at_exit`).
"""

from __future__ import annotations

import atexit
import gc

# Whether this module paused the collector (and so must start it again), and whether the
# process sets everything aside when it exits.
_STATE = {"paused": False, "at_exit": False}


def set_aside_at_exit() -> None:
    """Once per process (``setup``): at exit, skip the collector's walks (see above)."""
    if not _STATE["at_exit"]:
        atexit.register(gc.freeze)
        _STATE["at_exit"] = True


def pause_for_environment(*args) -> None:
    """``config-inited``, last: the environment is loaded next."""
    if gc.isenabled():
        gc.disable()
        _STATE["paused"] = True


def resume_and_set_aside_environment(*args) -> None:
    """``builder-inited``, first: the environment is loaded. (Had Sphinx failed in between, the
    next build would start the collector here.)"""
    if _STATE["paused"]:
        gc.enable()
        _STATE["paused"] = False
    gc.freeze()


def set_aside_what_was_read(*args) -> None:
    """``write-started``: what reading made (the environment, and the doctrees Sphinx keeps for
    writing) lives until the build ends; set aside too, the full collections of a 2,000-post
    build took 3.2 s instead of 6.1 s, for about 100 MiB more at its peak: the garbage of
    reading is then freed at the end, not during the writing."""
    gc.freeze()


def give_back(*args) -> None:
    """``build-finished``: every object is the collector's again."""
    gc.unfreeze()
