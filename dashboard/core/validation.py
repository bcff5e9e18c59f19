"""Turn parsed YAML into a Dataset, reporting every problem with its place and a fix."""

from __future__ import annotations

from dataclasses import dataclass

import yaml
from pydantic import BaseModel, ValidationError

from .dates import parse_partial_date
from .event_checks import part_of_cycles, relation_problems, statement_problems
from .i18n import DEFAULT, LANGUAGES
from .language_problems import language_message, mixed_languages
from .localized import SHAPE_TAGS
from .model import DEFAULT_DOMAINS, IMPORTANCE, INLINE, NUMBERED, Dataset
from .problems import Problem
from .yaml_source import EMPTY_FILE, key_node_at, node_at

UNION_TAGS = (*SHAPE_TAGS, NUMBERED, INLINE)  # the tags pydantic puts in an error's path for a union's member

_EXPECTED = {
    "id": "lowercase letters, digits and hyphens, e.g. kono-wha-tweet-2019",
    "related": "an event id: lowercase letters, digits and hyphens",
    "color": "a colour written #RRGGBB, e.g. #0072B2",
    "url": "an http:// or https:// link (other schemes are not allowed)",
}


@dataclass(frozen=True, slots=True)
class ParsedFile:
    """One file's raw data and node tree, kept so problems can be placed."""

    name: str
    data: object
    root: yaml.Node

    def problem(self, path: tuple, message: str, *, key: bool = False) -> Problem:
        """A problem at the value (or, with key=True, the key) found at path."""
        node = key_node_at(self.root, path) if key else node_at(self.root, path)[0]
        mark = node.start_mark
        return Problem(
            self.name,
            mark.line + 1,
            mark.column + 1,
            message,
            field=_field_name(path),
            event_id=self.event_id(path),
        )

    def event_id(self, path: tuple) -> str | None:
        """The id of the event a path points into, if it has a readable one."""
        if len(path) >= 2 and path[0] == "events" and isinstance(path[1], int):
            events = self.data.get("events") if isinstance(self.data, dict) else None
            if isinstance(events, list) and path[1] < len(events) and isinstance(events[path[1]], dict):
                event_id = events[path[1]].get("id")
                return event_id if isinstance(event_id, str) else f"#{path[1] + 1}"
        return None


def _field_name(path: tuple) -> str:
    if len(path) >= 2 and path[0] == "events" and isinstance(path[1], int):
        path = path[2:]
    elif len(path) >= 2 and path[0] == "narratives" and isinstance(path[1], int):
        path = (f"narratives[{path[1]}]", *path[2:])
    name = ""
    for part in path:
        name += f"[{part}]" if isinstance(part, int) else f".{part}" if name else str(part)
    return name


def _model_at(path: tuple) -> type[BaseModel]:
    """The model class whose field the last part of path names (for listing allowed fields)."""
    model: type[BaseModel] = Dataset
    for part in path[:-1]:
        if isinstance(part, int):
            continue
        annotation = model.model_fields[part].annotation if part in model.model_fields else None
        inner = _find_model(annotation)
        if inner is None:
            break
        model = inner
    return model


def _find_model(annotation) -> type[BaseModel] | None:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in getattr(annotation, "__args__", ()) + getattr(annotation, "__metadata__", ()):
        found = _find_model(arg)
        if found:
            return found
    return getattr(annotation, "__origin__", None) and _find_model(annotation.__origin__)


def _message(error: dict, path: tuple) -> str:
    kind, value = error["type"], error.get("input")
    about_languages = language_message(error)
    if about_languages:
        return about_languages
    last = next((part for part in reversed(path) if isinstance(part, str)), "")
    if kind == "missing":
        return "required field is missing; add it"
    if kind == "extra_forbidden":
        allowed = ", ".join(_model_at(path).model_fields)
        return f"unknown field '{path[-1]}'; check the spelling (allowed: {allowed})"
    if kind == "string_type":
        hint = " (YAML reads yes/no/on/off and true/false as booleans)" if isinstance(value, bool) else ""
        return f"expected text, got {value!r}{hint}; put the text in quotes"
    if kind == "string_too_long":
        limit = error["ctx"]["max_length"]
        return f"is {len(value)} characters long; the limit is {limit}: shorten it"
    if kind == "string_pattern_mismatch":
        return f"'{value}' is not valid; expected {_EXPECTED.get(last, 'another value')}"
    if kind == "too_long":
        count, limit = error["ctx"]["actual_length"], error["ctx"]["max_length"]
        return f"has {count:,} entries; the limit is {limit}: keep the ones that matter most"
    if kind in {"string_too_short", "too_short"}:
        return "must not be empty" if kind == "string_too_short" else "needs at least one entry"
    if kind == "value_error":
        return str(error["ctx"]["error"])
    if kind == "literal_error":
        return f"{value!r} is not allowed; use {error['ctx']['expected']}"
    if kind == "statement_source":
        return error["msg"]
    if last == "importance":
        ranks = [f"{rank} ({word})" for rank, word in IMPORTANCE.items()]
        return f"must be {', '.join(ranks[:-1])} or {ranks[-1]}, got {value!r}"
    if kind == "greater_than_equal":
        return f"must be {error['ctx']['ge']} or more, got {value!r}"
    if kind in {"tuple_type", "list_type"}:
        return f"expected a list, e.g. [a, b], got {type(value).__name__}"
    if kind in {"model_type", "model_attributes_type", "dict_type"}:
        return f"expected a mapping of fields, got {type(value).__name__}"
    return error["msg"]


def _schema_problems(parsed: ParsedFile, error: ValidationError) -> list[Problem]:
    problems = []
    for item in error.errors(include_url=False):
        path = tuple(part for part in item["loc"] if part not in UNION_TAGS)
        key = item["type"] == "extra_forbidden" or path[-1:] == ("[key]",)
        path = path[:-1] if path[-1:] == ("[key]",) else path
        problems.append(parsed.problem(path, _message(item, path), key=key))
    return problems


def _raw_events(parsed: ParsedFile) -> list[tuple[int, dict]]:
    events = parsed.data.get("events") if isinstance(parsed.data, dict) else None
    if not isinstance(events, list):
        return []
    return [(index, event) for index, event in enumerate(events) if isinstance(event, dict)]


def _declared_domains(parsed: ParsedFile) -> list[str]:
    declared = parsed.data.get("domains") if isinstance(parsed.data, dict) else None
    if not isinstance(declared, list):
        declared = DEFAULT_DOMAINS
    return [domain.get("id") for domain in declared if isinstance(domain, dict)]


def _span_problem(parsed: ParsedFile, index: int, event: dict) -> Problem | None:
    try:
        start, end = parse_partial_date(event.get("date")), parse_partial_date(event.get("end"))
    except ValueError:
        return None
    if end.last_day() < start.first_day():
        return parsed.problem(
            ("events", index, "end"), f"end {end} is before the date {start}; swap them or correct one"
        )
    return None


def cross_problems(files: list[ParsedFile]) -> list[Problem]:
    """Checks that span events and files: unique ids, declared domains, relations and statements."""
    problems: list[Problem] = []
    first_seen: dict[str, str] = {}
    for parsed in files:
        for index, event in _raw_events(parsed):
            event_id = event.get("id")
            if isinstance(event_id, str):
                if event_id in first_seen:
                    where = first_seen[event_id]
                    problems.append(
                        parsed.problem(
                            ("events", index, "id"),
                            f"duplicate id (first used at {where}); ids must be unique",
                        )
                    )
                else:
                    node = node_at(parsed.root, ("events", index, "id"))[0]
                    first_seen[event_id] = f"{parsed.name}:{node.start_mark.line + 1}"
    for parsed in files:
        domains = _declared_domains(parsed)
        for index, event in _raw_events(parsed):
            for position, domain in enumerate(_as_list(event.get("domains"))):
                if isinstance(domain, str) and domain not in domains:
                    problems.append(
                        parsed.problem(
                            ("events", index, "domains", position),
                            f"'{domain}' is not a declared domain; use one of {', '.join(domains)} "
                            "or declare it under the file's domains",
                        )
                    )
            problems += relation_problems(parsed, index, event, set(first_seen))
            problems += statement_problems(parsed, index, event)
            if "end" in event:
                span = _span_problem(parsed, index, event)
                if span:
                    problems.append(span)
    return [
        *problems,
        *part_of_cycles(files),
        *_narrative_problems(files, set(first_seen)),
        *mixed_languages(files),
    ]


def _narrative_problems(files: list[ParsedFile], event_ids: set[str]) -> list[Problem]:
    """Narrative ids are unique and every stop names an existing event."""
    problems: list[Problem] = []
    seen: dict[str, str] = {}
    for parsed in files:
        narratives = parsed.data.get("narratives") if isinstance(parsed.data, dict) else None
        for index, narrative in enumerate(_as_list(narratives)):
            if not isinstance(narrative, dict):
                continue
            path = ("narratives", index)
            narrative_id = narrative.get("id")
            if isinstance(narrative_id, str):
                if narrative_id in seen:
                    problems.append(
                        parsed.problem(
                            (*path, "id"),
                            f"duplicate narrative id '{narrative_id}' (first used at {seen[narrative_id]}); "
                            "narrative ids must be unique",
                        )
                    )
                else:
                    node = node_at(parsed.root, (*path, "id"))[0]
                    seen[narrative_id] = f"{parsed.name}:{node.start_mark.line + 1}"
            for position, stop in enumerate(_as_list(narrative.get("stops"))):
                event_id = stop.get("event") if isinstance(stop, dict) else None
                if isinstance(event_id, str) and event_id not in event_ids:
                    problems.append(
                        parsed.problem(
                            (*path, "stops", position, "event"),
                            f"no event has the id '{event_id}'; correct it or remove the stop",
                        )
                    )
    return problems


def _as_list(value: object) -> list:
    return value if isinstance(value, list) else []


def validate_file(parsed: ParsedFile) -> tuple[Dataset | None, list[Problem]]:
    """The file's Dataset, or None with its schema problems."""
    if parsed.data is None:
        return None, [Problem(parsed.name, 1, 1, EMPTY_FILE)]
    if not isinstance(parsed.data, dict):
        found = type(parsed.data).__name__
        message = f"the file must be a mapping with title, description and events, not a {found}"
        return None, [Problem(parsed.name, 1, 1, message)]
    language = parsed.data.get("language")
    context = {"language": language if language in LANGUAGES else DEFAULT}
    try:
        return Dataset.model_validate(parsed.data, context=context), []
    except ValidationError as error:
        return None, _schema_problems(parsed, error)


def merge(datasets: list[Dataset]) -> Dataset:
    """One Dataset from several files: the first file's metadata, all domains, eras and events by date."""
    first = datasets[0]
    domains: dict[str, object] = {}
    for dataset in datasets:
        for domain in dataset.domains:
            domains.setdefault(domain.id, domain)
    events = sorted(
        (event for dataset in datasets for event in dataset.events),
        key=lambda event: (event.date, event.id),
    )
    translated_by: dict[str, str] = {}
    for dataset in datasets:
        for lang, who in dataset.translated_by.items():
            translated_by.setdefault(lang, who)
    return Dataset(
        title=first.title,
        description=first.description,
        language=first.language,
        translated_by=translated_by,
        source_document=first.source_document,
        domains=tuple(domains.values()),
        events=tuple(events),
        narratives=tuple(narrative for dataset in datasets for narrative in dataset.narratives),
        eras=tuple(era for dataset in datasets for era in dataset.eras),
    )
