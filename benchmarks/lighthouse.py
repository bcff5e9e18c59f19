"""Lighthouse performance scores of the explorer, the embed and a story page (issue #15's goals).

`python -m benchmarks.lighthouse [--sizes 30,300] [--runs 3]`: the pinned Lighthouse from
benchmarks/npm (`npm ci` on first use) drives Debian's Chromium against the app under gunicorn,
with its mobile preset (simulated slow 4G, 4× CPU slowdown) and its desktop preset; the median of
the runs per page, written to benchmarks/results-lighthouse.md. Generated files for `/` and
`/embed`; the bundled file for a story page (the generated ones have no stories).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

from dashboard.core.loader import load_dataset
from dashboard.core.resources import BUNDLED_EVENTS
from tests.chromium import CHROMIUM, CHROMIUM_ARGS

from . import generate, machine
from .report import Section, write_report
from .rivals import LIGHTHOUSE_JS, NPM, ensure_installed
from .serve import gunicorn

LIGHTHOUSE = NPM / LIGHTHOUSE_JS
PRESETS = ("mobile", "desktop")
AUDITS = {
    "fcp_ms": "first-contentful-paint",
    "lcp_ms": "largest-contentful-paint",
    "tbt_ms": "total-blocking-time",
    "cls": "cumulative-layout-shift",
}
GOALS = {("/embed", "mobile"): 90, ("/", "mobile"): 75, ("story", "mobile"): 75}


def audit(url: str, preset: str) -> dict:
    """One Lighthouse run: the performance score (0–100) and the metrics behind it."""
    command = ["node", str(LIGHTHOUSE), url, "--only-categories=performance", "--output=json"]
    command += ["--output-path=stdout", "--quiet", f"--chrome-flags={' '.join(CHROMIUM_ARGS)}"]
    if preset == "desktop":
        command.append("--preset=desktop")
    env = dict(os.environ, CHROME_PATH=CHROMIUM)
    report = json.loads(subprocess.run(command, env=env, capture_output=True, check=True, timeout=300).stdout)
    audits = report["audits"]
    result = {key: audits[name]["numericValue"] for key, name in AUDITS.items()}
    return result | {"score": round(report["categories"]["performance"]["score"] * 100)}


def measure(page: str, url: str, preset: str, runs: int, events: str) -> dict:
    print(f"         lighthouse: {page} ({events} events), {preset}", file=sys.stderr, flush=True)
    results = [audit(url, preset) for _ in range(runs)]
    row = {key: statistics.median(r[key] for r in results) for key in (*AUDITS, "score")}
    goal = GOALS.get((page, preset))
    return row | {"page": page, "events": events, "preset": preset, "runs": runs, "goal": goal}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.lighthouse", description=__doc__)
    parser.add_argument("--sizes", default="30,300", help="generated files for / and /embed [30,300]")
    parser.add_argument("--runs", type=int, default=3, help="runs per page and preset [3]")
    default_out = Path(__file__).resolve().parent / "results-lighthouse.md"
    parser.add_argument("--out", type=Path, default=default_out, help="Markdown report; JSON beside it")
    args = parser.parse_args(argv)
    ensure_installed()
    columns = [
        ("page", "page"), ("events", "events"), ("preset", "preset"), ("runs", "runs"),
        ("score", "performance (median)"), ("goal", "goal (issue #15)"), ("fcp_ms", "FCP ms"),
        ("lcp_ms", "LCP ms"), ("tbt_ms", "TBT ms"), ("cls", "CLS"),
    ]  # fmt: skip
    version = json.loads((LIGHTHOUSE.parents[1] / "package.json").read_text(encoding="utf-8"))["version"]
    notes = [
        f"Lighthouse {version} (npm), performance category only; Chromium: "
        f"{machine.chromium_version(CHROMIUM)}, headless, no GPU; the app under gunicorn "
        "(gunicorn.conf.py, 2 workers) on loopback. Lighthouse throttles by simulation, so the "
        "machine's own speed and load still move the scores (±15 between runs seen here).",
    ]
    section = Section("Lighthouse performance", columns, notes=notes)
    with tempfile.TemporaryDirectory(prefix="lighthouse-bench-") as folder:
        logs = Path(folder)
        for n in (int(size) for size in args.sizes.split(",")):
            path = generate.write(n, logs / f"events-{n}.yaml")
            with gunicorn(path, logs / f"gunicorn-{n}.log") as server:
                for page in ("/", "/embed"):
                    for preset in PRESETS:
                        section.rows.append(
                            measure(page, server.base_url + page, preset, args.runs, f"{n:,}")
                        )
        narrative = load_dataset([BUNDLED_EVENTS]).narratives[0].id
        with gunicorn(BUNDLED_EVENTS, logs / "gunicorn-bundled.log") as server:
            for preset in PRESETS:
                url = f"{server.base_url}/?story={narrative}&stop=2"
                section.rows.append(measure("story", url, preset, args.runs, "bundled"))
    command = "python -m benchmarks.lighthouse " + " ".join(sys.argv[1:] if argv is None else argv)
    write_report(
        args.out, "Lighthouse: explorer, embed, story", machine.describe(), [section], command.strip()
    )
    print(args.out.read_text(encoding="utf-8"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
