"""The built wheel serves on its own: installed into a new venv and run from another folder, it
finds its bundled events and assets (nothing is read from the checkout)."""

from __future__ import annotations

import ast
import re
import subprocess
import sys
import sysconfig
import tomllib
import urllib.request
from importlib.metadata import packages_distributions
from pathlib import Path

import pytest

from tests.serving import ROOT, Server

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def installed(tmp_path_factory) -> Path:
    """A new venv with the wheel installed; the test venv's packages stand in for its dependencies."""
    work = tmp_path_factory.mktemp("wheel")
    pip = [sys.executable, "-m", "pip", "--disable-pip-version-check", "--quiet"]
    subprocess.run(
        [*pip, "wheel", "--no-deps", "--no-build-isolation", "-w", str(work), str(ROOT)], check=True
    )
    (wheel,) = work.glob("*.whl")
    venv = work / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True)
    python = venv / "bin" / "python"
    subprocess.run([*pip, "--python", str(python), "install", "--no-deps", str(wheel)], check=True)
    site = subprocess.run(
        [python, "-c", "import sysconfig; print(sysconfig.get_path('purelib'))"],
        check=True, capture_output=True, text=True,
    ).stdout.strip()  # fmt: skip
    (Path(site) / "dependencies.pth").write_text(sysconfig.get_path("purelib") + "\n", encoding="utf-8")
    return python


def run_outside(python: Path, *args: str, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run([python, *args], cwd=cwd, capture_output=True, text=True, timeout=120)


def test_the_installed_package_finds_its_bundled_events_and_assets(installed, tmp_path):
    where = run_outside(
        installed,
        "-c",
        "import dashboard.core.resources as r; print(r.ASSETS); print(r.BUNDLED_EVENTS)",
        cwd=tmp_path,
    )
    assets, events = (Path(line) for line in where.stdout.split())
    assert ROOT not in assets.parents and ROOT not in events.parents
    assert (assets / "fonts.css").is_file() and (assets / "vendor" / "noto-sans" / "OFL.txt").is_file()
    validated = run_outside(installed, "-m", "dashboard", "validate", cwd=tmp_path)
    assert validated.returncode == 0, validated.stderr
    assert validated.stdout.startswith("OK: ") and " events in 1 file" in validated.stdout
    assert (events / "japan-taiwan.yaml").is_file()


def test_the_installed_package_carries_its_compiled_catalogues(installed, tmp_path):
    code = (
        "from dashboard.core.i18n import translator as t; "
        "print(ascii([t(lang).gettext('Chronology') for lang in ('ja', 'zh-Hant')]))"
    )
    read = run_outside(installed, "-c", code, cwd=tmp_path)
    assert read.stdout.strip() == ascii(["年表", "大事紀"]), read.stderr


def test_the_installed_package_serves_pages_and_assets_from_another_folder(installed, tmp_path):
    server = Server(None, workers=1, python=str(installed), cwd=tmp_path)
    try:
        for path in ("/", "/embed", "/brief", "/assets/fonts.css", "/assets/standalone/embed.css"):
            with urllib.request.urlopen(server.url + path, timeout=30) as response:
                assert response.status == 200, path
        with urllib.request.urlopen(server.url + "/brief", timeout=30) as response:
            page = response.read().decode()
        assert '<link rel="stylesheet" href="/assets/fonts.css?v=' in page
    finally:
        log = server.stop()
    assert "Traceback" not in log


def test_every_package_the_code_imports_is_a_declared_dependency():
    declared = {
        re.split(r"[<>=!~ \[;]", requirement, maxsplit=1)[0].lower().replace("_", "-")
        for requirement in tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["dependencies"]
    }
    distributions = packages_distributions()
    imported = {
        (node.module if isinstance(node, ast.ImportFrom) else alias.name).split(".")[0]
        for path in (ROOT / "dashboard").rglob("*.py")
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
        if isinstance(node, ast.Import | ast.ImportFrom) and not getattr(node, "level", 0)
        for alias in node.names
    }
    third_party = {name for name in imported if name in distributions and name not in sys.stdlib_module_names}
    missing = {
        name
        for name in third_party
        if not {d.lower().replace("_", "-") for d in distributions[name]} & declared
    }
    assert third_party >= {"dash", "flask", "numpy", "pandas", "yaml"}
    assert missing == set()
