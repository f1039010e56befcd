"""Option values the command line needs when it starts (for its choices and ``--help``).

They live apart from the modules that act on them so that ``glossary-export --help`` imports
nothing but click and this file.
"""

from __future__ import annotations

from typing import Literal

ConflictPolicy = Literal["first", "last", "longest", "error"]
CONFLICT_POLICIES: tuple[str, ...] = ("first", "last", "longest", "error")
