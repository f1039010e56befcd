"""Line accounting for the text readers: what each non-blank line was read as.

Every non-blank line ends up as a term, (part of) a definition, a named structural line, or a
finding. Findings are lines the reader could not place; they are never dropped silently: the
reader warns (one :class:`ReadWarning` naming the first such line and the count), and
``glossary-export check --explain`` prints every line with its reading.
"""

from __future__ import annotations

import warnings

from ..model import LineReading
from ._text import ReadWarning

TERM = "term"
DEFINITION = "definition"


class LineLog:
    """The readings of one source's lines, in the order the reader decides them."""

    def __init__(self, file: str) -> None:
        self.file = file
        self.readings: list[LineReading] = []

    def read_as(self, line: int, role: str) -> None:
        self.readings.append(LineReading(line, role))

    def unread(self, line: int, role: str) -> None:
        """A line that went into no entry and is no expected structure: a finding."""
        self.readings.append(LineReading(line, role, finding=True))

    def finish(self) -> tuple[LineReading, ...]:
        """The readings in line order; warns once when any line was a finding."""
        readings = tuple(sorted(self.readings, key=lambda reading: reading.line))
        findings = [reading for reading in readings if reading.finding]
        if findings:
            first = findings[0]
            more = f" (and {len(findings) - 1} more)" if len(findings) > 1 else ""
            warnings.warn(
                ReadWarning(
                    f"{self.file}:{first.line}: this line was not read into any entry "
                    f"({first.role}){more}; run 'glossary-export check --explain' to see how "
                    "every line was read"
                ),
                stacklevel=5,
            )
        return readings
