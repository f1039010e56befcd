"""CSV: UTF-8, a Term/Definition/Acronym/Tags header, RFC 4180 quoting, safe to open in Excel.

Line endings are CRLF, as RFC 4180 and Excel write them; Python's csv module, pandas, Anki and
LibreOffice read them too. A UTF-8 BOM is written by default because Excel on Windows opens
BOM-less CSV in the local code page and mangles every accent; ``WriteOptions.bom=False`` omits it
for programs that would keep it as part of the first header.
"""

from __future__ import annotations

import csv
from collections.abc import Iterator
from pathlib import Path

from ..formula_guard import FORMULA_TRIGGERS, guard_cell
from ..model import Glossary
from . import WriteOptions, WriteResult
from ._table_rows import COLUMNS, Row, rows


def write(glossary: Glossary, path: Path, options: WriteOptions) -> WriteResult:
    """Write the header and one row per term."""
    encoding = "utf-8-sig" if options.bom else "utf-8"
    guarded = [0]
    with open(path, "w", encoding=encoding, newline="") as out:
        writer = csv.writer(out, dialect="excel")  # RFC 4180: "," and '"', CRLF, quote as needed
        writer.writerow(COLUMNS)
        table = rows(glossary.terms, options.tags)
        writer.writerows(_guarded(table, guarded) if options.formula_guard else table)
    result = WriteResult(terms_written=len(glossary))
    if guarded[0]:
        result.adjustments["cells guarded against formulas"] = guarded[0]
        result.notes.append(
            f"{guarded[0]} cell(s) started with =, +, -, @, Tab or CR and got a leading ' so "
            "that spreadsheets show them as text instead of running them; turn the formula "
            "guard off for CSV meant for programs rather than spreadsheets."
        )
    return result


def _guarded(table: Iterator[Row], guarded: list[int]) -> Iterator[Row]:
    """Rows with formula-like cells guarded; ``guarded[0]`` counts the cells changed."""
    triggers = FORMULA_TRIGGERS
    for row in table:
        term, definition, acronym, tags = row
        if (
            term[:1] in triggers
            or definition[:1] in triggers
            or acronym[:1] in triggers
            or tags[:1] in triggers
        ):
            guarded[0] += sum(cell[:1] in triggers for cell in row)
            row = (guard_cell(term), guard_cell(definition), guard_cell(acronym), guard_cell(tags))
        yield row
