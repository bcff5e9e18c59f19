"""Cache keys for HTTP responses: content-hashed asset URLs and ETags."""

from __future__ import annotations

import hashlib
from pathlib import Path


def asset_version(path: Path) -> str:
    """A short content hash, so asset URLs change exactly when the file does."""
    return hashlib.sha256(path.read_bytes()).hexdigest()[:12]


def etag(*parts: str) -> str:
    """A strong ETag for a response that depends only on these parts."""
    return hashlib.sha256("\x1f".join(parts).encode()).hexdigest()[:32]
