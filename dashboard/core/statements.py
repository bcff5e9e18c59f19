"""What each party said of an event: its statements by party, each with the source it is quoted from."""

from __future__ import annotations

from .model import Event, Source, Statement


def quoted_in(event: Event, statement: Statement) -> tuple[Source, int | None]:
    """The source a statement is quoted from, and its number among the event's sources (None: its own)."""
    if isinstance(statement.source, Source):
        return statement.source, None
    return event.sources[statement.source - 1], statement.source


def by_party(event: Event) -> list[tuple[str, list[Statement]]]:
    """The event's statements under each party, parties in the order they first speak."""
    parties: dict[str, list[Statement]] = {}
    for statement in event.statements:
        parties.setdefault(statement.party, []).append(statement)
    return list(parties.items())


def statement_line(event: Event, statement: Statement, cite) -> str:
    """One statement as plain text: Party: “text” (source), `cite` writing the source."""
    source, number = quoted_in(event, statement)
    where = f"source {number}: {cite(source)}" if number else cite(source)
    return f"{statement.party}: “{statement.text}” ({where})"
