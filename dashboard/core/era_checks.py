"""Checks of the eras that span files: unique ids, declared domains, an end after the start.

The schema (model.Era) already refuses an era without a source: every band on the chart is a
claim about the record, sourced like an event.
"""

from __future__ import annotations

from .dates import parse_partial_date
from .problems import Problem
from .validation import ParsedFile, _declared_domains


def _raw_eras(parsed: ParsedFile) -> list[tuple[int, dict]]:
    eras = parsed.data.get("eras") if isinstance(parsed.data, dict) else None
    if not isinstance(eras, list):
        return []
    return [(index, era) for index, era in enumerate(eras) if isinstance(era, dict)]


def _order_problem(parsed: ParsedFile, index: int, era: dict) -> Problem | None:
    try:
        start, end = parse_partial_date(era.get("start")), parse_partial_date(era.get("end"))
    except ValueError:
        return None  # the schema reports an unreadable date
    if end.last_day() < start.first_day():
        return parsed.problem(
            ("eras", index, "end"), f"end {end} is before the start {start}; swap them or correct one"
        )
    return None


def era_problems(files: list[ParsedFile]) -> list[Problem]:
    """Every era's id is unique across the files, its domain is one its file declares, and it ends
    no earlier than it starts."""
    problems: list[Problem] = []
    first_seen: dict[str, str] = {}
    for parsed in files:
        domains = _declared_domains(parsed)
        for index, era in _raw_eras(parsed):
            era_id, domain = era.get("id"), era.get("domain")
            if isinstance(era_id, str) and era_id in first_seen:
                problems.append(
                    parsed.problem(
                        ("eras", index, "id"),
                        f"duplicate era id '{era_id}' (first used at {first_seen[era_id]}); "
                        "era ids must be unique",
                    )
                )
            elif isinstance(era_id, str):
                line = parsed.problem(("eras", index, "id"), "").line
                first_seen[era_id] = f"{parsed.name}:{line}"
            if isinstance(domain, str) and domain not in domains:
                problems.append(
                    parsed.problem(
                        ("eras", index, "domain"),
                        f"'{domain}' is not a declared domain; use one of {', '.join(domains)} "
                        "or declare it under the file's domains",
                    )
                )
            if "end" in era:
                order = _order_problem(parsed, index, era)
                if order:
                    problems.append(order)
    return problems
