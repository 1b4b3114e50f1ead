"""Fingerprints of plain values, to tell whether what a page or file is made of changed."""

from __future__ import annotations

import hashlib
from typing import Any


def digest(value: Any) -> str:
    """A short fingerprint of a plain value (its ``repr``: dicts keep insertion order)."""
    return hashlib.sha1(repr(value).encode("utf-8")).hexdigest()


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()
