"""The published site equals what a clean build of the current sources would publish.

``ppblog build`` starts the staging folder from the published site so that Sphinx rewrites
only what changed; what Sphinx never removes is removed here. Sphinx copies each image into
``_images/`` and each download into ``_downloads/`` but never deletes one: a retracted post
(deleted, or made a draft) left its images and downloads published; and source copies under
``_sources/`` stayed after sources stopped being published. After a successful build, every
file there that no page of the book has any more is deleted. (The pages
of removed documents: ``incremental.py``; after a failed build the environment is forgotten
and ``ppblog build`` starts from an empty staging folder, a clean build.)
"""

from __future__ import annotations

from pathlib import Path


def referenced_files(app) -> set[str]:
    """The paths (from the output folder) of every image, download and (when sources are
    published) source copy the book has now."""
    env = app.env
    images = {f"_images/{unique}" for _docnames, unique in env.images.values()}
    downloads = {f"_downloads/{dest}" for _docnames, dest in env.dlfiles.values()}
    sources = set()
    if app.config.html_copy_source:
        suffix = app.config.html_sourcelink_suffix
        sources = {f"_sources/{docname}{Path(env.doc2path(docname)).suffix}{suffix}" for docname in env.all_docs}
    return images | downloads | sources


def remove_unreferenced_files(app, exception) -> None:
    """``build-finished``: delete images, downloads and source copies that no page has any more."""
    builder = app.builder
    if exception is not None or builder.format != "html":
        return
    outdir = Path(builder.outdir)
    kept = referenced_files(app)
    # _sources too: a build that stopped publishing sources (html_copy_source) left the old copies.
    for folder in ("_images", "_downloads", "_sources"):
        for path in sorted((outdir / folder).rglob("*"), reverse=True):  # files before their folders
            relative = path.relative_to(outdir).as_posix()
            if path.is_file() and relative not in kept:
                path.unlink()
            elif path.is_dir() and not any(path.iterdir()):
                path.rmdir()


def remove_unpublished_index(app) -> None:
    """``builder-inited``: with ``html_use_index`` off, a general index left by an earlier build
    (``ppblog build`` starts from the published site) is not published any more."""
    if app.builder.format == "html" and not app.config.html_use_index:
        (Path(app.outdir) / "genindex.html").unlink(missing_ok=True)
