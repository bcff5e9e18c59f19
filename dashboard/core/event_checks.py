"""Rules on relations and statements that the schema cannot state: a related id must name another
event, `part-of` must not loop, a statement's party must be an actor and its source number one of
the event's sources. Read from the raw data, so every problem is placed at its line."""

from __future__ import annotations

from .problems import Problem
from .relations import PART_OF


def _list(value: object) -> list:
    return value if isinstance(value, list) else []


def _relations(event: dict, index: int) -> list[tuple[tuple, str, object]]:
    """Each readable related entry: its data path (to its id), the id named and its type."""
    found = []
    for position, entry in enumerate(_list(event.get("related"))):
        path = ("events", index, "related", position)
        if isinstance(entry, str):
            found.append((path, entry, None))
        elif isinstance(entry, dict) and isinstance(entry.get("id"), str):
            found.append(((*path, "id"), entry["id"], entry.get("type")))
    return found


def relation_problems(parsed, index: int, event: dict, event_ids: set[str]) -> list[Problem]:
    """An event's related ids: each names another event that exists."""
    problems = []
    for path, target, _type in _relations(event, index):
        if target == event.get("id"):
            problems.append(parsed.problem(path, "an event cannot be related to itself; remove this entry"))
        elif target not in event_ids:
            problems.append(parsed.problem(path, f"no event has the id '{target}'; correct it or remove it"))
    return problems


def part_of_cycles(files: list) -> list[Problem]:
    """Each loop of `part-of` (a is part of b, which is part of a), placed at the entry that closes it."""
    edges: dict[str, list[tuple[str, object, tuple]]] = {}
    for parsed in files:
        events = parsed.data.get("events") if isinstance(parsed.data, dict) else None
        for index, event in enumerate(_list(events)):
            if isinstance(event, dict) and isinstance(event.get("id"), str):
                for path, target, kind in _relations(event, index):
                    if kind == PART_OF and target != event["id"]:
                        edges.setdefault(event["id"], []).append((target, parsed, path))
    problems: list[Problem] = []
    done: set[str] = set()
    for start in edges:
        if start in done:
            continue
        trail, places = [start], [iter(edges.get(start, ()))]
        while trail:
            step = next(places[-1], None)
            if step is None:
                done.add(trail.pop())
                places.pop()
                continue
            target, parsed, path = step
            if target in trail:
                loop = " → ".join([*trail[trail.index(target) :], target])
                message = f"part-of loops back: {loop}; an event cannot be part of something it includes"
                problems.append(parsed.problem(path, message))
            elif target not in done:
                trail.append(target)
                places.append(iter(edges.get(target, ())))
    return problems


def statement_problems(parsed, index: int, event: dict) -> list[Problem]:
    """An event's statements: each party is one of its actors, each source number one of its sources."""
    problems = []
    actors = [actor.strip() for actor in _list(event.get("actors")) if isinstance(actor, str)]
    sources = len(_list(event.get("sources")))
    for position, statement in enumerate(_list(event.get("statements"))):
        if not isinstance(statement, dict):
            continue
        path = ("events", index, "statements", position)
        party, source = statement.get("party"), statement.get("source")
        if isinstance(party, str) and party.strip() and party.strip() not in actors:
            named = ", ".join(actors) or "none"
            problems.append(
                parsed.problem(
                    (*path, "party"),
                    f"'{party.strip()}' is not one of the event's actors ({named}); "
                    "name the party as the actors list does, or add it there",
                )
            )
        if type(source) is int and source > sources >= 1:
            problems.append(
                parsed.problem(
                    (*path, "source"),
                    f"the event has {sources} source{'s' * (sources != 1)}; give "
                    + ("1" if sources == 1 else f"a number from 1 to {sources}")
                    + ", or a source of its own ({outlet: ...})",
                )
            )
    return problems
