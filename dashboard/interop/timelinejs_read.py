"""Tolerant readers of TimelineJS values: whatever a file holds, a value of the expected shape."""

from __future__ import annotations

import re

from ..core.colors import COLOR
from ..core.dates import PartialDate, parse_partial_date
from ..core.links import SAFE_URL
from ..core.model import Statement
from ..core.relations import TYPES
from ..core.slugs import SLUG
from ..core.untrusted import ascii_int

SOURCE_FIELDS = ("outlet", "title", "date", "url", "quote")


def as_text(value: object) -> str:
    """Stripped text, or '' for anything that is not a string."""
    return value.strip() if isinstance(value, str) else ""


def as_mapping(value: object) -> dict:
    """The value if it is a dict, else an empty one."""
    return value if isinstance(value, dict) else {}


def as_strings(value: object) -> list[str]:
    """The non-blank strings of a list, stripped; [] for anything else."""
    return [item.strip() for item in value if as_text(item)] if isinstance(value, list) else []


def _digits(value: object) -> str:
    """A date part as written: TimelineJS files hold years as numbers or as text."""
    return str(value).strip() if isinstance(value, int | str) and not isinstance(value, bool) else ""


def as_partial_date(value: object) -> PartialDate | None:
    """A TimelineJS date object at the precision its parts allow, or None without a usable year."""
    mapping = as_mapping(value)
    year, month, day = (ascii_int(_digits(mapping.get(key))) for key in ("year", "month", "day"))
    if year is None or not 1 <= year <= 9999:
        return None
    text = f"{year:04d}"
    for part in (month, day):
        if part is None:
            break
        text += f"-{part:02d}"
    try:
        return parse_partial_date(text)
    except ValueError:
        return None


def as_domains(value: object) -> list[dict]:
    """Domain declarations carried in our namespaced key, kept only where well formed."""
    domains = []
    for item in value if isinstance(value, list) else []:
        item = as_mapping(item)
        if re.match(SLUG, as_text(item.get("id"))) and as_text(item.get("label")):
            color = as_text(item.get("color"))
            color_field = {"color": color} if re.match(COLOR, color) else {}
            domains.append({"id": item["id"].strip(), "label": item["label"].strip()} | color_field)
    return domains


def as_sources(value: object) -> list[dict]:
    """Sources carried in our namespaced key: those with an outlet, unsafe links dropped."""
    sources = []
    for item in value if isinstance(value, list) else []:
        item = as_mapping(item)
        if as_text(item.get("outlet")):
            fields = {key: as_text(item.get(key)) for key in SOURCE_FIELDS}
            fields["url"] = fields["url"] if SAFE_URL.match(fields["url"]) else ""
            sources.append({key: text for key, text in fields.items() if text})
    return sources


def as_relations(value: object) -> list:
    """Related entries as an event file writes them: bare ids, or {id, type} with a known type."""
    found: list = []
    for item in value if isinstance(value, list) else []:
        entry = as_mapping(item)
        target = as_text(item) or as_text(entry.get("id"))
        kind = entry.get("type")
        if re.fullmatch(SLUG, target):
            found.append({"id": target, "type": kind} if kind in TYPES else target)
    return found


def as_statements(value: object, actors: list[str], sources: int) -> list[dict]:
    """The statements that still hold on the imported event: a known party, a source it has."""
    found = []
    for item in value if isinstance(value, list) else []:
        try:
            statement = Statement.model_validate(item)
        except ValueError:
            continue
        number = statement.source if isinstance(statement.source, int) else 0
        if statement.party in actors and number <= sources:
            found.append(statement.model_dump(mode="json", exclude_none=True))
    return found
