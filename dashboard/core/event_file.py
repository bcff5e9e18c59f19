"""Event files as plain data: models to file fields and the YAML writer."""

from __future__ import annotations

import yaml
from pydantic import BaseModel

from .dates import DATE_TEXT, PartialDate


def file_fields(model: BaseModel) -> dict:
    """A model's fields as an event file writes them: ISO dates, lists, unset (None) fields left out."""
    values = {name: getattr(model, name) for name in type(model).model_fields}
    return {name: _file_value(value) for name, value in values.items() if value is not None}


def _file_value(value: object) -> object:
    if isinstance(value, PartialDate):
        return value.iso()
    if isinstance(value, BaseModel):  # a source, relation or statement, as its own serializer writes it
        return value.model_dump(mode="json", exclude_none=True)
    return [_file_value(item) for item in value] if isinstance(value, tuple) else value


class _EventFileDumper(yaml.SafeDumper):
    """A safe dumper that never writes anchors or aliases (event files refuse them)."""

    def ignore_aliases(self, data: object) -> bool:
        return True


def _represent_text(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    # Quoted, so YAML cannot read 1972 as a number or 1972-09-29 as a date object.
    style = '"' if DATE_TEXT.match(value) else "|" if "\n" in value else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_EventFileDumper.add_representer(str, _represent_text)


def dump_event_file(data: dict) -> str:
    """YAML for an event file: keys in schema order, UTF-8 text, dates quoted, no anchors, no folding."""
    return yaml.dump(data, Dumper=_EventFileDumper, sort_keys=False, allow_unicode=True, width=1_000_000)
