"""The link rule: only http(s) URLs become links, whether an event file or an import carries them.

Schemes are case-insensitive (RFC 3986); the pattern spells that out rather than taking a flag, so
the JSON Schema (whose patterns have none) and Python accept the same links."""

from __future__ import annotations

import re

URL_START = r"^[Hh][Tt][Tt][Pp][Ss]?://"
SAFE_URL = re.compile(URL_START + r"[^\s/$.?#][^\s]*$")


def safe_scheme(scheme: str) -> bool:
    """Whether a link with this scheme ('https', 'javascript') may be followed."""
    return re.match(URL_START, f"{scheme}://") is not None
