"""The link rule: only http(s) URLs become links, whether an event file or an import carries them."""

from __future__ import annotations

import re

URL_START = r"^https?://"
SAFE_URL = re.compile(URL_START + r"[^\s/$.?#][^\s]*$", re.IGNORECASE)


def safe_scheme(scheme: str) -> bool:
    """Whether a link with this scheme ('https', 'javascript') may be followed."""
    return re.match(URL_START, f"{scheme}://", re.IGNORECASE) is not None
