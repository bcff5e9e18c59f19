"""Read one YAML event file safely, keeping the node tree so errors can name a line.

PyYAML alone silently keeps the last of duplicate keys, expands aliases (billion laughs),
lets merge keys (`<<:`) hide a duplicate, turns 2019-02-30 into a bare ValueError, fails
without a place on a 5,000-digit number and reads dates as `date` objects. This reader
refuses those, keeps every date as the text written, and reports with positions. The bytes
come from file_text.py: regular files only, and never more than its limit.
"""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

import yaml

from .file_text import read_text
from .problems import EventFileError, Problem

# No field takes a longer number (importance is 1-3, a year has 4 digits); Python refuses to read
# an integer of more than 4,300 digits, with no place in the file.
MAX_INTEGER_DIGITS = 100
EMPTY_FILE = "the file is empty; it needs title, description and events"
MERGE_TAG = "tag:yaml.org,2002:merge"

_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
# '&name' or '*name' where YAML could read an anchor or alias; plain text like "R&D", "A & B" or
# Markdown **bold** does not match, so most files skip the slower exact scan.
_MAYBE_ANCHOR = re.compile(r"(?:^|[\s\[{,:?-])[&*][^\s*&,\[\]{}]", re.M)


class _EventLoader(_Loader):
    """A safe loader that records duplicate keys and keeps timestamps as text."""

    def __init__(self, stream, display_name: str):
        super().__init__(stream)
        self.display_name = display_name
        self.problems: list[Problem] = []

    def construct_mapping(self, node, deep=False):
        seen: dict[object, yaml.Node] = {}
        for key_node, _ in node.value:
            if not isinstance(key_node, yaml.ScalarNode):
                continue
            if key_node.tag == MERGE_TAG:
                message = "merge key '<<' is not allowed (it can hide a duplicate key); write the fields out"
                self.problems.append(_at(self.display_name, key_node, message))
            key = (key_node.tag, key_node.value)  # the key as written: cheap, and no key is built twice
            if key in seen:
                first = seen[key].start_mark.line + 1
                self.problems.append(
                    _at(
                        self.display_name,
                        key_node,
                        f"duplicate key '{key_node.value}' (first at line {first}); "
                        "YAML would silently keep only the last, so remove one",
                    )
                )
            seen[key] = key_node
        return super().construct_mapping(node, deep=deep)

    def construct_yaml_timestamp(self, node):
        return self.construct_scalar(node)

    def construct_yaml_int(self, node):
        digits = sum(character.isdigit() for character in node.value)
        if digits > MAX_INTEGER_DIGITS:
            message = (
                f"a number of {digits:,} digits is too long (the limit is {MAX_INTEGER_DIGITS}); "
                "if it is text, put it in quotes"
            )
            raise EventFileError([_at(self.display_name, node, message)])
        return super().construct_yaml_int(node)


_EventLoader.add_constructor("tag:yaml.org,2002:timestamp", _EventLoader.construct_yaml_timestamp)
_EventLoader.add_constructor("tag:yaml.org,2002:int", _EventLoader.construct_yaml_int)


def _at(file: str, node_or_mark, message: str, **extra) -> Problem:
    mark = getattr(node_or_mark, "start_mark", node_or_mark)
    return Problem(file, mark.line + 1, mark.column + 1, message, **extra)


def _anchor_problems(text: str, name: str) -> list[Problem]:
    """Find anchors and aliases, which event files must not use (one problem per name)."""
    problems: dict[str, Problem] = {}
    uses: dict[str, int] = {}
    for event in yaml.parse(text, Loader=_Loader):
        if isinstance(event, yaml.AliasEvent):
            uses[event.anchor] = uses.get(event.anchor, 0) + 1
            problems.setdefault("*" + event.anchor, _at(name, event, ""))
        elif getattr(event, "anchor", None):
            problems.setdefault("&" + event.anchor, _at(name, event, ""))
    for key, problem in problems.items():
        if key.startswith("*"):
            count = uses[key[1:]]
            message = (
                f"alias '{key}' (used {count} time{'s' * (count != 1)}) is not allowed; write the value out"
            )
        else:
            message = f"anchor '{key}' is not allowed; remove it (aliases could expand without bound)"
        problems[key] = replace(problem, message=message)
    return list(problems.values())


def read_yaml(path: Path, display_name: str | None = None) -> tuple[object, yaml.Node, list[Problem]]:
    """The file's data, its root node and its duplicate keys; raise EventFileError if unreadable."""
    name = display_name or str(path)
    text = read_text(path, name)
    if not text.strip():
        raise EventFileError([Problem(name, 1, 1, EMPTY_FILE)])
    try:
        if _MAYBE_ANCHOR.search(text):
            problems = _anchor_problems(text, name)
            if problems:
                raise EventFileError(problems)
        loader = _EventLoader(text, name)
        try:
            root = loader.get_single_node()
            if root is None:
                raise EventFileError([Problem(name, 1, 1, EMPTY_FILE)])
            data = loader.construct_document(root)
        finally:
            loader.dispose()
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        message = f"YAML syntax error: {exc.problem or exc.context}"
        if exc.context and exc.problem:
            message += f" ({exc.context})"
        raise EventFileError([_at(name, mark, message)]) from None
    except yaml.reader.ReaderError as exc:
        raise EventFileError([_character_problem(text, name, exc)]) from None
    except yaml.YAMLError as exc:
        raise EventFileError([Problem(name, 1, 1, f"YAML error: {exc}")]) from None
    except RecursionError:
        raise EventFileError(
            [Problem(name, 1, 1, "the file is nested too deeply to be an event file")]
        ) from None
    return data, root, loader.problems


def _character_problem(text: str, name: str, error: yaml.reader.ReaderError) -> Problem:
    """A character YAML refuses (NUL, other control characters), at its line and column.

    The C parser counts the error's position in UTF-8 bytes, so the character is found in the text.
    """
    found = yaml.reader.Reader.NON_PRINTABLE.search(text)
    position = found.start() if found else 0
    line = text.count("\n", 0, position) + 1
    column = position - (text.rfind("\n", 0, position) + 1) + 1
    code = ord(found.group()) if found else error.character
    message = (
        f"character U+{code:04X} is not allowed in YAML (a control character); "
        "remove it or write it as an escape such as \\x00 in double quotes"
    )
    return Problem(name, line, column, message)


def node_at(root: yaml.Node, path: tuple) -> tuple[yaml.Node, bool]:
    """The node at a data path (keys and indexes), and whether the whole path was found.

    A key path points at its value; when a part is missing, the deepest node reached is returned.
    """
    node = root
    for part in path:
        child = None
        if isinstance(node, yaml.MappingNode):
            child = next((value for key, value in node.value if key.value == str(part)), None)
        elif isinstance(node, yaml.SequenceNode) and isinstance(part, int) and part < len(node.value):
            child = node.value[part]
        if child is None:
            return node, False
        node = child
    return node, True


def key_node_at(root: yaml.Node, path: tuple) -> yaml.Node:
    """The key node of the last part of a mapping path (for errors about a key itself)."""
    parent, _ = node_at(root, path[:-1])
    if isinstance(parent, yaml.MappingNode):
        for key, _value in parent.value:
            if key.value == str(path[-1]):
                return key
    return parent
