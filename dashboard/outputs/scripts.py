"""The chart's ES modules (assets/js) joined into one inline script, for a page that is one file.

A browser runs an inline `<script type="module">` but it cannot import from one, so an entry and
the modules it imports are joined, each after the modules it imports, with the import lines dropped
and `export ` removed: what one module exported is then a name in the shared scope. Top-level names
are unique across assets/js (a clash would be a syntax error, which tests/test_scripts.py looks for).
"""

from __future__ import annotations

import re
from pathlib import Path

IMPORT = re.compile(r'^import \{[\w$, ]+\} from "\./([\w.]+\.js)";\n', re.MULTILINE)
EXPORT = re.compile(r"^export (?=const |let |function )", re.MULTILINE)
LEFT_OVER = re.compile(r"^\s*(import|export)\b", re.MULTILINE)


def module_order(folder: Path, entry: str) -> list[str]:
    """The entry's module graph, each module after those it imports (the entry last)."""
    order: list[str] = []
    visiting: list[str] = []

    def visit(name: str) -> None:
        if name in order:
            return
        if name in visiting:
            raise ValueError(f"assets/js: {' → '.join([*visiting, name])} import each other")
        visiting.append(name)
        for imported in IMPORT.findall((folder / name).read_text(encoding="utf-8")):
            visit(imported)
        order.append(visiting.pop())

    visit(entry)
    return order


def inline_module(folder: Path, entry: str) -> str:
    """The entry and every module it imports as the text of one module script."""
    parts = []
    for name in module_order(folder, entry):
        text = EXPORT.sub("", IMPORT.sub("", (folder / name).read_text(encoding="utf-8")))
        if LEFT_OVER.search(text):
            raise ValueError(f"assets/js/{name}: an import or export of a form that cannot be inlined")
        parts.append(f"/* {name} */\n{text}")
    return "\n".join(parts)
