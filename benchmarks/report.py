"""Results as sections of rows: small statistics, and the Markdown and JSON report."""

from __future__ import annotations

import json
import math
import statistics
from dataclasses import asdict, dataclass, field
from pathlib import Path


@dataclass
class Section:
    """One benchmark's results: a table (columns are (key, header) pairs) and notes under it."""

    title: str
    columns: list[tuple[str, str]]
    rows: list[dict] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


def median(values: list[float]) -> float | None:
    return statistics.median(values) if values else None


def percentile(values: list[float], share: float) -> float | None:
    """The nearest-rank percentile (share in 0..1): a value that was actually observed."""
    if not values:
        return None
    ordered = sorted(values)
    return ordered[max(0, math.ceil(share * len(ordered)) - 1)]


def cell(value: object) -> str:
    """A table cell: numbers with sensible digits, missing values as a dash."""
    if value is None:
        return "–"
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, int):
        return f"{value:,}"
    if isinstance(value, float):
        if value == 0:
            return "0"
        digits = 0 if abs(value) >= 100 else 1 if abs(value) >= 10 else 2 if abs(value) >= 1 else 3
        return f"{value:,.{digits}f}"
    return str(value).replace("|", "\\|")


def markdown(title: str, machine: dict, sections: list[Section], command: str) -> str:
    """The whole report: the machine, then one table per section."""
    packages = ", ".join(f"{name} {version}" for name, version in machine["packages"].items())
    lines = [
        f"# {title}",
        "",
        f"Command: `{command}`",
        "",
        f"- CPU: {machine['cpu']} × {machine['cores']} cores; RAM {machine['memory_gib']} GiB; "
        f"load average (1 min) at start {machine['load_average_1m']}",
        f"- {machine['os']}, Python {machine['python']}; project commit {machine.get('commit', 'unknown')}",
        f"- {packages}",
    ]
    lines += [f"- {key}: {value}" for key, value in machine.items() if key.startswith("browser")]
    for section in sections:
        lines += ["", f"## {section.title}", ""]
        if section.rows:
            lines.append("| " + " | ".join(header for _, header in section.columns) + " |")
            first = section.rows[0]
            aligns = ["---" if isinstance(first.get(key), str) else "---:" for key, _ in section.columns]
            lines.append("|" + "|".join(aligns) + "|")
            for row in section.rows:
                lines.append("| " + " | ".join(cell(row.get(key)) for key, _ in section.columns) + " |")
            lines.append("")
        lines += [f"- {note}" for note in section.notes]
    return "\n".join(lines).rstrip() + "\n"


def write_report(out: Path, title: str, machine: dict, sections: list[Section], command: str) -> Path:
    """Write the Markdown report to out and the same data as JSON beside it; return the JSON path."""
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(markdown(title, machine, sections, command), encoding="utf-8")
    data = {"command": command, "machine": machine, "sections": [asdict(section) for section in sections]}
    json_path = out.with_suffix(".json")
    json_path.write_text(json.dumps(data, indent=2, ensure_ascii=False, default=str) + "\n", encoding="utf-8")
    return json_path
