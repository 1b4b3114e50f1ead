"""The published site equals what a clean build of the current sources would publish.

``ppblog build`` starts the staging folder from the published site so that Sphinx rewrites
only what changed; what Sphinx never removes is removed here. Sphinx copies each image into
``_images/`` and each download into ``_downloads/`` but never deletes one: a retracted post
(deleted, or made a draft) left its images and downloads published. After a successful
build, every file there that no page of the book refers to any more is deleted. (The pages
of removed documents: ``incremental.py``; after a failed build the environment is forgotten
and ``ppblog build`` starts from an empty staging folder, a clean build.)
"""

from __future__ import annotations

from pathlib import Path


def referenced_files(env) -> set[str]:
    """The paths (from the output folder) of every image and download the book refers to now."""
    images = {f"_images/{unique}" for _docnames, unique in env.images.values()}
    downloads = {f"_downloads/{dest}" for _docnames, dest in env.dlfiles.values()}
    return images | downloads


def remove_unreferenced_files(app, exception) -> None:
    """``build-finished``: delete images and downloads that no page refers to any more."""
    builder = app.builder
    if exception is not None or builder.format != "html":
        return
    outdir = Path(builder.outdir)
    kept = referenced_files(app.env)
    for folder in ("_images", "_downloads"):
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
