"""The slug rule: ids in event files are lowercase ASCII words joined by hyphens, and any name can
be made into one."""

from __future__ import annotations

import re
import unicodedata

SLUG = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"


def slugify(text: str, limit: int = 60) -> str:
    """Lowercase ASCII words joined by hyphens ('Arts & Culture' → 'arts-culture'; 'Japan–Taiwan'
    → 'japan-taiwan'; accents dropped, other scripts left out): a SLUG, or '' if no word is left."""
    letters = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    return re.sub(r"[^a-z0-9]+", "-", letters.lower()).strip("-")[:limit].strip("-")
