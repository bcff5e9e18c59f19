"""The chart's ES modules: their own unit tests (tests/js, run by Node) and their joining into the
one inline script of the self-contained "Chart as HTML" page (dashboard/outputs/scripts.py)."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from dashboard.core.resources import ASSETS
from dashboard.outputs.scripts import inline_module, module_order

ROOT = Path(__file__).resolve().parents[1]
MODULES = sorted(path.name for path in (ASSETS / "js").glob("*.js"))


def node() -> str:
    found = shutil.which("node")
    if not found:
        pytest.fail("Node.js is missing: run scripts/test, which installs it")
    return found


def test_the_chart_scripts_own_unit_tests_pass():
    run = subprocess.run(
        [node(), "--test", "tests/js/"], cwd=ROOT, capture_output=True, text=True, timeout=120
    )
    assert run.returncode == 0, run.stdout[-6000:] + run.stderr[-2000:]
    assert "# fail 0" in run.stdout and "# pass 0" not in run.stdout


def test_a_module_comes_after_the_modules_it_imports():
    order = module_order(ASSETS / "js", "embed.js")
    assert order[-1] == "embed.js"
    assert order.index("placement.js") < order.index("markup.js") < order.index("flat.js")
    assert order.index("plot_area.js") < order.index("labels.js")
    assert "callbacks.js" not in order, "only what the embed imports"


@pytest.mark.parametrize("entry", MODULES)
def test_every_module_joined_with_its_imports_is_one_valid_module(entry, tmp_path):
    """A top-level name used by two modules would clash once joined: Node's syntax check says so."""
    joined = tmp_path / entry.replace(".js", ".mjs")
    joined.write_text(inline_module(ASSETS / "js", entry), encoding="utf-8")
    run = subprocess.run([node(), "--check", str(joined)], capture_output=True, text=True, timeout=60)
    assert run.returncode == 0, run.stderr


def test_modules_that_import_each_other_or_import_in_another_form_are_refused(tmp_path):
    (tmp_path / "a.js").write_text('import { b } from "./b.js";\nexport const a = 1;\n')
    (tmp_path / "b.js").write_text('import { a } from "./a.js";\nexport const b = 2;\n')
    with pytest.raises(ValueError, match=re.escape("a.js → b.js → a.js import each other")):
        module_order(tmp_path, "a.js")
    (tmp_path / "c.js").write_text('import * as b from "./b.js";\nexport { b };\n')
    with pytest.raises(ValueError, match=re.escape("c.js: an import or export")):
        inline_module(tmp_path, "c.js")
