"""The pure model of the blog: front matter, problems, page layout and paths, drafts, text
formatting and fingerprints.

Nothing here imports Sphinx, docutils or ABlog (an import contract in ``pyproject.toml`` checks
it), so the ``ppblog`` command line, the build and the tests share it exactly.
"""
