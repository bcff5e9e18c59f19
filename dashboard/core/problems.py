"""Problems found in event files, each placed at a file, line and column."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Problem:
    """One thing wrong with an event file, and how to fix it."""

    file: str
    line: int
    column: int
    message: str
    field: str = ""
    event_id: str | None = None

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}:{self.column}: "
        if self.event_id:
            where += f"event '{self.event_id}': "
        if self.field:
            where += f"{self.field}: "
        return where + self.message


class EventFileError(Exception):
    """Raised when event files cannot be used; carries every problem found."""

    def __init__(self, problems: list[Problem]):
        self.problems = sorted(problems, key=lambda p: (p.file, p.line, p.column))
        count = len(self.problems)
        lines = [str(problem) for problem in self.problems]
        super().__init__(f"{count} problem{'s' * (count != 1)} in event files:\n" + "\n".join(lines))
