"""Run the performance suite: `python -m benchmarks [--sizes ...] [--only ...] [--out ...]`.

Generates one synthetic event file per size (benchmarks/generate.py), runs the chosen benchmarks
and writes a Markdown report with the same data as JSON beside it.
"""

from __future__ import annotations

import argparse
import importlib
import shlex
import shutil
import sys
import tempfile
import time
import traceback
from pathlib import Path

from . import generate, machine
from .report import Section, write_report

BENCHMARKS = ("load", "server", "view", "browser")  # run in this order at each size
ON_REQUEST = ("rivals",)  # only when named in --only: vis-timeline and TimelineJS from npm (rivals.py)
DEFAULT_SIZES = "30,1000,10000,100000"
DEFAULT_OUT = Path(__file__).resolve().parent / "results.md"
DEFAULT_BUDGET_S = 480


def _sizes(text: str) -> list[int]:
    return sorted(
        {int(part.strip().lower().replace("_", "").replace("k", "000")) for part in text.split(",")}
    )


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m benchmarks", description=__doc__)
    parser.add_argument("--sizes", type=_sizes, default=_sizes(DEFAULT_SIZES), help=f"[{DEFAULT_SIZES}]")
    parser.add_argument("--only", default=",".join(BENCHMARKS), help=f"[{','.join(BENCHMARKS)}]")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help="Markdown report; JSON beside it")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--browser-max", type=int, default=10_000, help="largest browser size [10000]")
    budget_help = f"start no step after this many seconds [{DEFAULT_BUDGET_S}]"
    parser.add_argument("--budget", type=float, default=DEFAULT_BUDGET_S, help=budget_help)
    parser.add_argument("--keep", action="store_true", help="keep the generated files and server logs")
    return parser


class EventFiles:
    """Generated event files, written on first use and timed."""

    def __init__(self, folder: Path, seed: int):
        self.folder, self.seed = folder, seed
        self.section = Section("Generated files", [("n", "events"), ("mb", "MB"), ("seconds", "generate s")])
        self.paths: dict[int, Path] = {}

    def __call__(self, n: int) -> Path:
        if n not in self.paths:
            start = time.perf_counter()
            path = generate.write(n, self.folder / f"events-{n}.yaml", seed=self.seed)
            seconds = time.perf_counter() - start
            self.section.rows.append({"n": n, "mb": path.stat().st_size / 1e6, "seconds": seconds})
            self.paths[n] = path
        return self.paths[n]


def _suite(args: argparse.Namespace, chosen: list[str], work: Path) -> tuple[list[Section], bool]:
    """Every chosen benchmark at each size, smallest size first, within the time budget."""
    files, logs = EventFiles(work, args.seed), work / "logs"
    logs.mkdir()
    modules = {name: importlib.import_module(f"benchmarks.{name}") for name in chosen}
    results = {name: module.sections() for name, module in modules.items()}
    extra = {"browser": {"max_n": args.browser_max}}
    failed, started = False, time.perf_counter()
    for n in args.sizes:
        for name, module in modules.items():
            elapsed = time.perf_counter() - started
            if elapsed > args.budget:
                results[name][0].notes.append(f"{n:,} events: skipped, {elapsed:.0f} s into the run.")
                continue
            print(f"{elapsed:6.0f} s  {name} at {n:,} events", file=sys.stderr, flush=True)
            try:
                module.add(results[name], n, files(n), logs, **extra.get(name, {}))
            except Exception:  # reported in the results; the other steps still run
                failed = True
                error = traceback.format_exc(limit=-4)
                results[name][0].notes.append(f"{n:,} events: failed (logs in {logs}):\n```\n{error}```")
                print(error, file=sys.stderr)
    files.section.notes.append(f"Whole run: {time.perf_counter() - started:.0f} s.")
    return [files.section, *(section for name in chosen for section in results[name])], failed


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    chosen = [name.strip() for name in args.only.split(",") if name.strip()]
    known = BENCHMARKS + ON_REQUEST
    unknown = sorted(set(chosen) - set(known))
    if unknown:
        parser.error(f"unknown benchmark {', '.join(unknown)}; choose from {', '.join(known)}")
    chosen = [name for name in known if name in chosen]
    described = machine.describe()
    work = Path(tempfile.mkdtemp(prefix="timeline-bench-"))
    failed = True  # until the suite says otherwise: an interrupted run keeps its files too
    try:
        sections, failed = _suite(args, chosen, work)
    finally:
        if args.keep or failed:
            print(f"generated files and logs kept in {work}", file=sys.stderr)
        else:
            shutil.rmtree(work, ignore_errors=True)
    command = "python -m benchmarks " + shlex.join(sys.argv[1:] if argv is None else argv)
    json_path = write_report(args.out, "Timeline dashboard benchmarks", described, sections, command)
    print(f"wrote {args.out} and {json_path}", file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
