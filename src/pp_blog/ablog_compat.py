"""The small, isolated fixes that ABlog needs to run inside this project.

ABlog keeps its catalogues in a class attribute (``Blog._dict``) that outlives a build:
a second Sphinx application in the same process (tests, live preview) would see the first
one's posts and configuration. Each new application starts from an empty blog.
"""

from __future__ import annotations

from ablog.blog import Blog


def reset_blog_state(app, config) -> None:
    Blog._dict.clear()
