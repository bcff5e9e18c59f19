"""Load and validate time against a bare `yaml.load`, with the time of each stage.

Each size runs in a fresh interpreter (`python -m benchmarks.load FILE --runs R` prints JSON), so
peak memory is that size's own and no cache or garbage from an earlier size is counted.
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import resource
import time
from collections.abc import Callable
from pathlib import Path

from . import child
from .report import Section, median

STAGES_MAX_N = 10_000  # the stages repeat the whole load: past this, they cost more than they tell


class _GcClock:
    """Seconds spent in the cyclic garbage collector while active (via gc.callbacks)."""

    def __init__(self):
        self.seconds, self._start = 0.0, 0.0

    def __call__(self, phase: str, _info: dict) -> None:
        if phase == "start":
            self._start = time.perf_counter()
        else:
            self.seconds += time.perf_counter() - self._start

    def __enter__(self) -> _GcClock:
        gc.callbacks.append(self)
        return self

    def __exit__(self, *_exc) -> None:
        gc.callbacks.remove(self)


def _timed(action: Callable[[], object]) -> tuple[float, object]:
    start = time.perf_counter()
    result = action()
    return time.perf_counter() - start, result


def _stages(path: Path) -> dict[str, float]:
    """The loader's pipeline step by step (as dashboard.core.loader.load_dataset runs it), timed."""
    import yaml

    from dashboard.core import yaml_source
    from dashboard.core.validation import ParsedFile, cross_problems, merge, validate_file
    from dashboard.views.catalog import Catalog

    times: dict[str, float] = {}
    text = path.read_text(encoding="utf-8")
    anchor_scan = getattr(yaml_source, "_anchor_problems", None)  # private: skipped if it goes
    if anchor_scan and ("&" in text or "*" in text):
        times["anchor_scan"], _ = _timed(lambda: anchor_scan(text, str(path)))
    times["compose"], _ = _timed(lambda: yaml.compose(text, Loader=yaml.CSafeLoader))
    times["read_yaml"], (data, root, _) = _timed(lambda: yaml_source.read_yaml(path))
    parsed = ParsedFile(str(path), data, root)
    times["validate"], (dataset, problems) = _timed(lambda: validate_file(parsed))
    times["cross_checks"], cross = _timed(lambda: cross_problems([parsed]))
    times["merge"], merged = _timed(lambda: merge([dataset]))
    assert not problems and not cross, "the generated file should be valid"
    times["frame"], _ = _timed(lambda: Catalog(merged).table)
    return times


def measure(path: Path, runs: int, stages: bool = True) -> dict:
    """Time load_dataset and a bare CSafeLoader load of the same text, alternately, then the stages."""
    import yaml

    from dashboard.core.loader import load_dataset

    text = path.read_text(encoding="utf-8")
    loads, bare, peak_kib = [], [], 0
    with _GcClock() as gc_clock:
        for _ in range(runs):  # alternating, so that other load on the machine hits both alike
            loads.append(_timed(lambda: load_dataset([path]))[0])
            peak_kib = peak_kib or resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
            bare.append(_timed(lambda: yaml.load(text, Loader=yaml.CSafeLoader))[0])
    return {
        "load": loads,
        "bare": bare,
        "gc_share": gc_clock.seconds / (sum(loads) + sum(bare)),
        "peak_rss_mib": peak_kib / 1024,
        "stages": _stages(path) if stages else {},
    }


def sections() -> list[Section]:
    """The empty load sections, to be filled size by size."""
    totals = Section(
        "Load and validate (dashboard.core.loader.load_dataset)",
        [
            ("n", "events"),
            ("file_mb", "file MB"),
            ("bare_s", "bare yaml.load s"),
            ("load_s", "load_dataset s"),
            ("ratio", "ratio"),
            ("per_event_us", "µs / event"),
            ("gc_share", "in gc"),
            ("peak_rss_mib", "peak RSS MiB"),
            ("runs", "runs"),
            ("load_avg", "load avg"),
        ],
        notes=[
            "ratio = load_dataset / bare `yaml.load(text, Loader=yaml.CSafeLoader)`; medians.",
            "in gc: share of the load and bare time spent in Python's cyclic garbage collector.",
            "peak RSS: the child process after the first load_dataset (before any bare load).",
            "load avg: the machine's 1-minute load average after the step (2 cores: above 2 means waiting).",
        ],
    )
    stages = Section(
        "Load stages, one run (s)",
        [
            ("n", "events"),
            ("anchor_scan", "anchor scan"),
            ("compose", "bare compose"),
            ("read_yaml", "read_yaml"),
            ("validate", "pydantic"),
            ("cross_checks", "cross checks"),
            ("merge", "merge"),
            ("frame", "events_table"),
        ],
        notes=[
            "read_yaml = read + decode + anchor scan (run whenever the text has '&' or '*') + compose + "
            "construct.",
            "bare compose: `yaml.compose` of the same text: the node tree read_yaml keeps for positions.",
            "events_table is built at startup (in the preloaded master), with the data.",
        ],
    )
    return [totals, stages]


def add(results: list[Section], n: int, path: Path, logs: Path) -> None:
    """Measure one size in a fresh interpreter (median of 3 runs up to 10k events, one above)."""
    totals, stages = results
    runs = 3 if n <= 10_000 else 1
    args = [str(path), "--runs", str(runs)]
    args += ["--stages"] if n <= STAGES_MAX_N else []
    result = child.run_json("benchmarks.load", *args)
    load, bare = median(result["load"]), median(result["bare"])
    totals.rows.append(
        {
            "n": n,
            "file_mb": path.stat().st_size / 1e6,
            "bare_s": bare,
            "load_s": load,
            "ratio": load / bare,
            "per_event_us": load / n * 1e6,
            "peak_rss_mib": result["peak_rss_mib"],
            "runs": runs,
            "load_avg": os.getloadavg()[0],
            "gc_share": result["gc_share"],
        }
    )
    if result["stages"]:
        stages.rows.append({"n": n, **result["stages"]})
    else:
        stages.notes.append(
            f"{n:,} events: stages not run (over {STAGES_MAX_N:,} events; they repeat the load)."
        )


def main() -> None:
    parser = argparse.ArgumentParser(description="Time loading one event file (prints JSON).")
    parser.add_argument("path", type=Path)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--stages", action="store_true", help="also time each stage once")
    args = parser.parse_args()
    print(json.dumps(measure(args.path, args.runs, args.stages)))


if __name__ == "__main__":
    main()
