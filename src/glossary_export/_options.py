"""Option values the command line needs when it starts (for its choices and ``--help``).

They live apart from the modules that act on them so that ``glossary-export --help`` imports
nothing but click and this file.
"""

from __future__ import annotations

from typing import Literal

ConflictPolicy = Literal["first", "last", "longest", "join", "error"]
CONFLICT_POLICIES: tuple[str, ...] = ("first", "last", "longest", "join", "error")
JOINED_DEFINITIONS = "; "
"""Between the definitions ``--on-conflict join`` keeps on one card, in source order."""
