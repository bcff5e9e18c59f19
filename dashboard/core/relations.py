"""How events answer each other: the closed list of relation types, the words each reads as in either
direction, and an event's links grouped by those words (its own `related` and those naming it).

Plain data in, plain data out: the models (model.Relation) and both kinds of dataset use it.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import NamedTuple

from .i18n import N_

# Each type: the word from the event that names it, then the word seen from the event it names.
TYPES = {
    "responds-to": (N_("Responds to"), N_("Answered by")),
    "leads-to": (N_("Leads to"), N_("Follows from")),
    "part-of": (N_("Part of"), N_("Includes")),
    "same-issue": (N_("Same issue"), N_("Same issue")),
}
UNTYPED = N_("Related")
PART_OF = "part-of"


class Link(NamedTuple):
    """One end of a relation as a stored pair: the other event's id and the type (None: untyped)."""

    id: str
    type: str | None


def word(relation_type: str | None, outward: bool) -> str:
    """What a relation reads as: from the event that names it (`outward`) or from the one named."""
    return UNTYPED if relation_type is None else TYPES[relation_type][0 if outward else 1]


def inbound_index(events: Iterable) -> dict[str, list[Link]]:
    """For each event named in another's `related`: who names it, and with which type."""
    index: dict[str, list[Link]] = {}
    for event in events:
        for relation in event.related:
            index.setdefault(relation.id, []).append(Link(event.id, relation.type))
    return index


def grouped(event, inbound: Iterable[Link]) -> list[tuple[str, list[str]]]:
    """The event's related event ids under the words they read as, in the order of TYPES, each
    forward word before its inverse, untyped last; an event is listed once, under its first word."""
    found: dict[str, list[str]] = {}
    seen: set[str] = set()
    pairs = [(relation.id, word(relation.type, True)) for relation in event.related]
    pairs += [(link.id, word(link.type, False)) for link in inbound]
    order = [word for words in TYPES.values() for word in words] + [UNTYPED]
    for other, name in sorted(pairs, key=lambda pair: order.index(pair[1])):
        if other != event.id and other not in seen:
            seen.add(other)
            found.setdefault(name, []).append(other)
    return list(found.items())


def linked_ids(event, inbound: Iterable[Link]) -> list[str]:
    """Every event related to this one, either way, once each."""
    return [other for _, others in grouped(event, inbound) for other in others]


def pairs_among(events: Iterable) -> list[tuple[str, str]]:
    """The relations whose both ends are among these events (a story's path), as (from, to) ids."""
    events = list(events)
    ids = {event.id for event in events}
    return [(event.id, r.id) for event in events for r in event.related if r.id in ids and r.id != event.id]
