"""CSV: UTF-8, a Term/Definition/Acronym/Tags header (then the source's extra columns, if any),
RFC 4180 quoting, safe to open in Excel.

Line endings are CRLF, as RFC 4180 and Excel write them; Python's csv module, pandas, Anki and
LibreOffice read them too. A UTF-8 BOM is written by default because Excel on Windows opens
BOM-less CSV in the local code page and mangles every accent; ``WriteOptions.bom=False`` omits it
for programs that would keep it as part of the first header.
"""

from __future__ import annotations

import csv
import io
import operator
from collections.abc import Iterable, Sequence
from pathlib import Path

from ..errors import counted
from ..formula_guard import guard_cell, may_need_guards
from ..model import Glossary
from . import WriteOptions, WriteResult
from ._table_rows import COLUMNS, Row, chunks, extra_columns, rows


def write(glossary: Glossary, path: Path, options: WriteOptions) -> WriteResult:
    """Write the header and one row per term, a chunk of rows at a time."""
    guarded = 0
    extras = extra_columns(glossary.terms)
    with open(path, "w", encoding="utf-8", newline="") as out:
        # The BOM by hand: the utf-8-sig codec would encode every write in Python.
        out.write(("\ufeff" if options.bom else "") + _csv_text([(*COLUMNS, *extras)]))
        for chunk in chunks(glossary.terms):
            table: Sequence[Row] = list(rows(chunk, options.tags, extras))
            if options.formula_guard and may_need_guards([c for row in table for c in row]):
                table, count = _guarded(table)
                guarded += count
            out.write(_csv_text(table))
    result = WriteResult(terms_written=len(glossary))
    if guarded:
        result.adjustments["cells guarded against formulas"] = guarded
        result.notes.append(
            f"{counted(guarded, 'cell')} started with =, +, -, @, Tab or CR and got a leading ' so "
            "that spreadsheets show them as text instead of running them; turn the formula "
            "guard off for CSV meant for programs rather than spreadsheets."
        )
    return result


def _csv_text(table: Sequence[Sequence[str]]) -> str:
    """The rows as RFC 4180 CSV with CRLF line ends: what csv.writer's "excel" dialect writes.

    A cell needs quotes only if it holds a comma, a quote or a line break; when no cell of the
    table does (four searches in C), joining the cells gives the same text as the csv module,
    without its per-row calls.
    """
    joined = "".join([cell for row in table for cell in row])
    if "," in joined or '"' in joined or "\n" in joined or "\r" in joined:
        buffer = io.StringIO(newline="")
        csv.writer(buffer, dialect="excel").writerows(table)
        return buffer.getvalue()
    return "\r\n".join(map(",".join, table)) + "\r\n"


def _guarded(table: Iterable[Row]) -> tuple[list[Row], int]:
    """Rows with formula-like cells guarded, and how many cells were."""
    guarded: list[Row] = []
    count = 0
    for row in table:
        cells = tuple(map(guard_cell, row))
        count += sum(map(operator.ne, cells, row))
        guarded.append(cells)
    return guarded, count
