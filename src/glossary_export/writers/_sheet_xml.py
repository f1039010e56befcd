"""Worksheet rows as SpreadsheetML, the XML XlsxWriter writes in constant-memory mode, in bulk.

XlsxWriter spends about 10 microseconds of Python on every cell (a call, a dimension check,
three regular expressions, an attribute list), which at 100k terms is most of an export. The
rows here are the same bytes, built a chunk of rows at a time: every check that finds nothing
on almost every glossary (escaping, whitespace to preserve, Excel's ``_xHHHH_`` escapes) runs
once over the chunk's cells joined, in C. ``tests/test_sheet_xml.py`` holds them to
XlsxWriter's own output cell for cell.

One difference on purpose: XlsxWriter writes a string that starts with ``<r>`` and ends with
``</r>`` unescaped, as rich text, so a term such as ``<r>A & B</r>`` made a workbook no program
could open. Here every string is text.
"""

from __future__ import annotations

import operator
import re
from collections.abc import Iterable, Iterator, Sequence

Cell = str | int
"""A cell's value: text, or a whole number (the About sheet's counts)."""

_CHUNK_ROWS = 2048
_SEPARATOR = "\x00"
"""Joins a chunk's cells for the checks in C; a control character no cell may hold by then."""
# Excel reads _xHHHH_ in a string as an escaped character: a literal one escapes its underscore.
_EXCEL_ESCAPE = re.compile("(_x[0-9a-fA-F]{4}_)")
_SPACE = re.compile(r"\s")
_FIRST = operator.itemgetter(slice(None, 1))
_LAST = operator.itemgetter(slice(-1, None))


def column_letter(index: int) -> str:
    """Excel's name for a 0-based column: 0 is A, 25 is Z, 26 is AA."""
    letters = ""
    index += 1
    while index:
        index, remainder = divmod(index - 1, 26)
        letters = chr(ord("A") + remainder) + letters
    return letters


def rows_xml(rows: Iterable[Sequence[Cell]], first: int, styles: Sequence[int]) -> Iterator[str]:
    """``<row>`` elements for ``rows`` numbered from ``first`` (1-based, as Excel counts), each
    cell styled with its column's cell format index. Empty strings are left out (empty cells),
    and so is a row of nothing but empty strings.

    Rows come a chunk at a time; every row needs as many styles as it has cells.
    """
    number = first
    chunk: list[Sequence[Cell]] = []
    for row in rows:
        chunk.append(row)
        if len(chunk) == _CHUNK_ROWS:
            yield _chunk_xml(chunk, number, styles)
            number += len(chunk)
            chunk = []
    if chunk:
        yield _chunk_xml(chunk, number, styles)


def _chunk_xml(chunk: list[Sequence[Cell]], first: int, styles: Sequence[int]) -> str:
    """The rows of ``chunk``, the first numbered ``first``: the checks run once for the chunk,
    then each cell is its reference, style and text between constant pieces of markup."""
    texts = _escaped([cell for row in chunk for cell in row if isinstance(cell, str)])
    preserve = _edge_spaced(texts)
    starts = [f'<c r="{column_letter(column)}' for column in range(len(styles))]
    string_ends = [f'" s="{style}" t="inlineStr"><is><t>' for style in styles]
    preserving_ends = [end.replace("<t>", '<t xml:space="preserve">') for end in string_ends]
    number_ends = [f'" s="{style}"><v>' for style in styles]
    parts: list[str] = []
    append = parts.append
    position = 0
    for number, row in enumerate(chunk, start=first):
        start = len(parts)
        append(f'<row r="{number}">')
        for column, cell in enumerate(row):
            if isinstance(cell, int):
                append(f"{starts[column]}{number}{number_ends[column]}{cell:.16G}</v></c>")
                continue
            text = texts[position]
            position += 1
            if not text:
                continue
            if preserve and (text[:1].isspace() or text[-1:].isspace()):
                append(f"{starts[column]}{number}{preserving_ends[column]}")
            else:
                append(f"{starts[column]}{number}{string_ends[column]}")
            append(f"{text}</t></is></c>")
        if len(parts) == start + 1:
            parts.pop()  # no cell to write: XlsxWriter leaves such a row out, and so do we
        else:
            append("</row>")
    return "".join(parts)


def _escaped(texts: list[str]) -> list[str]:
    """``texts`` escaped for XML and for Excel, in one pass over all of them when needed."""
    joined = _SEPARATOR.join(texts)
    changed = False
    if "&" in joined or "<" in joined or ">" in joined:
        joined = joined.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
        changed = True
    if "_x" in joined:
        joined, count = _EXCEL_ESCAPE.subn(r"_x005F\1", joined)
        changed = changed or bool(count)
    return joined.split(_SEPARATOR) if changed else texts


def _edge_spaced(texts: list[str]) -> bool:
    """Whether any of ``texts`` starts or ends with white space, which Excel drops unless the
    text says to preserve it. One search over their first and last characters, gathered in C."""
    ends = "".join(map(_FIRST, texts)) + "".join(map(_LAST, texts))
    return _SPACE.search(ends) is not None
