"""The package's folders are its layers: arrows point down, and only web/ (and app.py) touches Dash or Flask.
Each small rule that several layers share is written in one module of the core.

Read from the source with ast, so a new module is checked the moment it exists, with no list to keep.
"""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "dashboard"
WEB_LIBRARIES = {"dash", "dash_bootstrap_components", "flask", "flask_compress", "werkzeug"}
# What each layer may import from the package, besides itself. The top (app.py, __main__.py) and
# web/ may import anything; interop reads and writes files, so it needs only the core.
MAY_IMPORT = {
    "core": set(),
    "figures": {"core"},
    "views": {"core", "figures"},
    "interop": {"core"},
    "outputs": {"core", "figures", "views", "interop"},
}
LAYERS = {*MAY_IMPORT, "web"}
# Each shared rule's home, and texts only a pattern of that rule contains: every other module imports it.
RULE_HOMES = {
    "dashboard.core.dates": (r"\d{4}(-\d{2}", r"\d{4}(?:-\d{2}"),  # YYYY, YYYY-MM or YYYY-MM-DD
    "dashboard.core.slugs": ("a-z0-9]",),  # ids: lowercase ASCII words and hyphens
    "dashboard.core.links": ("https?:", "[Tt][Tt][Pp]"),  # only http(s) links
    "dashboard.core.colors": ("0-9A-Fa-f]", "0-9a-fA-F]"),  # #RRGGBB
}


def module_name(path: Path) -> str:
    parts = ("dashboard", *path.relative_to(PACKAGE).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imported_modules(path: Path) -> set[str]:
    """Every module the file imports, relative imports resolved to absolute names."""
    name = module_name(path)
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - node.level + 1]
                stem = ".".join([*base, node.module] if node.module else base)
            else:
                stem = node.module
            found.add(stem)
            # `from . import layout` names a module, not an attribute
            found.update(f"{stem}.{alias.name}" for alias in node.names if f"{stem}.{alias.name}" in MODULES)
    return found


def layer(module: str) -> str | None:
    """The layer folder a package module is in, or None for the top (app.py, __main__.py)."""
    parts = module.split(".")
    return parts[1] if len(parts) > 1 and parts[1] in LAYERS else None


FILES = sorted(PACKAGE.rglob("*.py"))
MODULES = {module_name(path) for path in FILES}
SOURCES = {path: path.read_text(encoding="utf-8") for path in FILES}


def test_every_module_is_in_a_layer_folder_or_at_the_top():
    top = {module for module in MODULES if layer(module) is None}
    assert top == {"dashboard", "dashboard.app", "dashboard.__main__"}


def test_only_the_web_layer_and_the_app_import_dash_or_flask():
    offenders = {
        module_name(path): sorted(
            name for name in imported_modules(path) if name.split(".")[0] in WEB_LIBRARIES
        )
        for path in FILES
        if layer(module_name(path)) != "web" and module_name(path) != "dashboard.app"
    }
    assert {module: names for module, names in offenders.items() if names} == {}


def test_layer_arrows_only_point_down():
    wrong = {}
    for path in FILES:
        source = layer(module_name(path))
        if source not in MAY_IMPORT:
            continue
        for name in imported_modules(path):
            target = layer(name) if name.startswith("dashboard.") else "-"
            if target != "-" and target != source and target not in MAY_IMPORT[source]:
                wrong.setdefault(module_name(path), []).append(name)
    assert wrong == {}


def test_everything_below_the_web_layer_imports_without_loading_dash():
    below = sorted(m for m in MODULES if layer(m) in MAY_IMPORT)
    code = f"import sys, {', '.join(below)}; print(sorted(set(sys.modules) & set({sorted(WEB_LIBRARIES)!r})))"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[]"


def test_each_shared_rule_is_written_only_in_its_home_module():
    elsewhere = {
        home: sorted(module_name(path) for path in FILES if any(mark in SOURCES[path] for mark in marks))
        for home, marks in RULE_HOMES.items()
    }
    assert elsewhere == {home: [home] for home in RULE_HOMES}
