"""``ppblog import wordpress``: bring a WordPress blog's export (WXR) into the book.

Pure code (no Sphinx, docutils or ABlog), so the command line runs it without a build:

- ``wxr.py`` reads the export with a hardened XML parser;
- ``mapping.py`` reads the map file (which posts go into which collection);
- ``convert.py`` turns a post's WordPress HTML into MyST Markdown, applying the safety policy;
- ``writer.py`` plans the files, keeps the import record and writes idempotently;
- ``report.py`` collects what happened, one line per event, and the summary;
- ``importer.py`` ties them together.

The editor's documentation is docs/importing.md.
"""
