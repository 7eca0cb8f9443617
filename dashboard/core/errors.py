"""Errors meant for people: each names the file, the line and the column, and what was expected."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from dashboard.core.paths import relative


@dataclass
class BuildError(Exception):
    """A problem in an input file that stops the build (exit status 2)."""

    path: Path
    problem: str
    line: int | None = None
    column: str | None = None
    expected: str | None = None

    def __str__(self) -> str:
        where = [relative(self.path)]
        if self.line is not None:
            where.append(f"line {self.line}")
        if self.column is not None:
            where.append(f"column {self.column}")
        text = ", ".join(where) + ": " + self.problem
        if self.expected:
            text += f"\n  expected: {self.expected}"
        return text
