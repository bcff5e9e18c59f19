"""One placement rule: dashboard/figures/placement.py (the drawing the server puts in the embed)
and assets/js/placement.js (the labels the browser lays out) place the same labels alike, given the
same widths. Node runs the JavaScript (tests/js/place_json.mjs)."""

from __future__ import annotations

import json
import random
import subprocess
from dataclasses import asdict
from pathlib import Path

from dashboard.core.filters import ViewState
from dashboard.core.loader import BUNDLED_EVENTS, load_dataset
from dashboard.figures.label_room import MAX_ROWS, lane_rows, text_px
from dashboard.figures.placement import place
from dashboard.views.catalog import Catalog

from .test_scripts import ROOT, node

WORDS = [
    "Japan",
    "Taiwan",
    "PRC",
    "WHA",
    "treaty",
    "Kono",
    "Tsai",
    "Abe",
    "security",
    "dialogue",
    "networking",
    "–",
    "…",
    "(2018)",
    "CCP’s",
]


def _random_cases(seed: int) -> list[dict]:
    """Crowded lanes of random titles, importance and numbers, at widths from a phone's to a wide screen's."""
    rng = random.Random(seed)
    cases = []
    for _ in range(40):
        width = rng.choice([268, 548, 848, 1200])
        lanes = [0, 120, 240]
        labels = [
            {
                "id": str(i),
                "text": " ".join(rng.choices(WORDS, k=rng.randint(1, 7))),
                "importance": rng.randint(1, 3),
                "y": rng.choice(lanes),
                "x": round(rng.uniform(-40, width + 40), 2),
                **({"number": str(i + 1)} if rng.random() < 0.8 else {}),
            }
            for i in range(rng.randint(5, 70))
        ]
        rows = [[lane, rng.randint(1, 8)] for lane in lanes]
        cases.append(
            {"labels": labels, "width": width, "rows": rows, "numbered": rng.random() < 0.3, "size": 13}
        )
    return cases


def _bundled_cases() -> list[dict]:
    """The bundled file's still chart: its labels at the embed's plot widths, rows as the lanes give."""
    figure = Catalog(load_dataset([BUNDLED_EVENTS])).still(ViewState())
    meta = figure["layout"]["timeline"]
    low, high = min(label["x"] for label in meta["labels"]), max(label["x"] for label in meta["labels"])
    cases = []
    for width in (268, 548, 848):
        labels = [
            dict(label, x=(label["x"] - low) / (high - low) * width * 0.92 + width * 0.04)
            for label in meta["labels"]
        ]
        for rows in (1, 3, 30):
            limits = [[lane["y"], rows] for lane in meta["lanes"]]
            cases.append({"labels": labels, "width": width, "rows": limits, "numbered": False, "size": 13})
    return cases


def _python(case: dict) -> dict:
    result = place(
        case["labels"],
        lambda x: x,
        case["width"],
        lambda y: dict(case["rows"])[y],
        case["numbered"],
        lambda text: text_px(text, case["size"]),
    )
    return {
        "shown": [asdict(spot) if spot else None for spot in result.shown],
        "hidden": {str(lane): count for lane, count in result.hidden.items()},
        "need": {str(lane): rows for lane, rows in result.need.items()},
    }


def _javascript(cases: list[dict]) -> list[dict]:
    texts = {label["text"] for case in cases for label in case["labels"]} | {"…", " ", "0123456789"}
    widths = {char: text_px(char, 1000) - text_px("", 1000) for text in texts for char in text}
    run = subprocess.run(
        [node(), str(Path("tests/js/place_json.mjs"))],
        cwd=ROOT,
        input=json.dumps({"widths": widths, "cases": cases}),
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert run.returncode == 0, run.stderr
    answers = json.loads(run.stdout)
    for answer in answers:  # JavaScript's object keys are the lanes' y as JavaScript writes numbers
        for part in ("hidden", "need"):
            answer[part] = {
                str(float(lane)) if "." not in lane else lane: n for lane, n in answer[part].items()
            }
        answer["shown"] = [
            dict(spot, short=spot.get("short", False)) if spot else None for spot in answer["shown"]
        ]
    return answers


def test_python_and_javascript_place_the_same_labels_alike():
    cases = _random_cases(7) + _bundled_cases()
    python = [_python(case) for case in cases]
    for case, mine, theirs in zip(cases, python, _javascript(cases), strict=True):
        for part in ("hidden", "need"):
            mine[part] = {str(float(lane)): n for lane, n in mine[part].items()}
        assert mine == theirs, case["width"]
    shown = [spot for answer in python for spot in answer["shown"]]
    assert {spot["short"] for spot in shown if spot} == {True, False}, "numbers alone and titles both tried"
    assert any(spot and spot["text"].endswith("…") for spot in shown), "cut titles tried"
    assert any(answer["hidden"] for answer in python), "labels left out tried"


def test_lane_rows_are_the_rows_placement_js_needs():
    """The server sizes lanes with label_room.lane_rows: each lane's rows are what placement.js needs
    to stand every title whole, so a lane the server sized is one the browser fills, no more."""
    cases = [
        dict(case, rows=[[lane, MAX_ROWS] for lane, _ in case["rows"]], numbered=False)
        for case in _random_cases(11)
    ]
    sized = []
    for case, theirs in zip(cases, _javascript(cases), strict=True):
        lanes = sorted({label["y"] for label in case["labels"]} | {lane for lane, _ in case["rows"]})
        rows = lane_rows(
            [label["x"] for label in case["labels"]],
            [label["text"] for label in case["labels"]],
            [label["importance"] for label in case["labels"]],
            [lanes.index(label["y"]) for label in case["labels"]],
            len(lanes),
            (0, case["width"]),
            case["width"],
            case["size"],
        )
        need = [min(theirs["need"].get(str(float(lane)), 1), MAX_ROWS + 1) for lane in lanes]
        assert rows == need, case["width"]
        sized += rows
    assert {1, MAX_ROWS + 1} < set(sized), "lanes of one row, of several and of too many tried"
