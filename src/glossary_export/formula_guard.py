"""The CSV formula guard, both ways: what the CSV writer adds and what the CSV reader removes.

OWASP "CSV injection": spreadsheets run a cell starting with ``=``, ``+``, ``-``, ``@``, Tab or
CR as a formula. The writer puts a ``'`` in front of such a cell (spreadsheets then show it as
text); the reader takes exactly that ``'`` away again, so a CSV that glossary-export wrote reads
back as the glossary it came from.
"""

from __future__ import annotations

import operator
import re
from collections.abc import Iterable

FORMULA_TRIGGERS = frozenset("=+-@\t\r")
GUARD = "'"
"""Prefix that makes a spreadsheet show the cell as text (OWASP's recommendation)."""

_TRIGGER = "[" + re.escape("".join(sorted(FORMULA_TRIGGERS))) + "]"
# Anywhere in a text: a quick test for whether any cell may need unguarding at all.
_GUARDED_SOMEWHERE = re.compile(re.escape(GUARD) + _TRIGGER)
_A_TRIGGER = re.compile(_TRIGGER)
_FIRST = operator.itemgetter(slice(None, 1))


def guard_cell(cell: str) -> str:
    """``cell`` with a leading ``'`` if a spreadsheet would read it as a formula."""
    return GUARD + cell if cell[:1] in FORMULA_TRIGGERS else cell


def unguard_cell(cell: str) -> str:
    """``cell`` without the ``'`` that :func:`guard_cell` would have added."""
    return cell[1:] if cell[:1] == GUARD and cell[1:2] in FORMULA_TRIGGERS else cell


def may_hold_guarded_cells(text: str) -> bool:
    """False when no cell of ``text`` can start with a guard (one scan, no per-cell work)."""
    return _GUARDED_SOMEWHERE.search(text) is not None


def may_need_guards(cells: Iterable[str]) -> bool:
    """False when no cell starts like a formula: one search over their first characters, which
    map() gathers in C, instead of a test per cell."""
    return _A_TRIGGER.search("".join(map(_FIRST, cells))) is not None
