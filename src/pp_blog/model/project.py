"""What the command line reads of ``conf.py`` without running it (and so without Sphinx)."""

from __future__ import annotations

import ast
from pathlib import Path
from typing import Any


def literal_setting(conf_py: Path, name: str, default: Any) -> Any:
    """The value of a top-level ``name = <literal>`` assignment in ``conf.py``, or ``default``.

    ``conf.py`` is configuration only, so the settings the command line needs are literals; the
    file is parsed, never executed.
    """
    tree = ast.parse(conf_py.read_text(encoding="utf-8"), filename=str(conf_py))
    value = default
    for statement in tree.body:
        if isinstance(statement, ast.Assign) and any(
            isinstance(target, ast.Name) and target.id == name for target in statement.targets
        ):
            value = ast.literal_eval(statement.value)
    return value
