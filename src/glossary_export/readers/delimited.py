"""CSV and TSV: a header naming the term and definition columns, or two unnamed columns.

The delimiter is sniffed (comma, semicolon, Tab or pipe) unless the format says Tab. Header
names are matched case-insensitively with their synonyms (Front/Back, Question/Answer...);
columns named tags or acronym are used, other extra columns are ignored.
"""

from __future__ import annotations

import csv
import dataclasses
import io
import itertools
from collections.abc import Iterator
from typing import TYPE_CHECKING

from ..errors import SourceError
from ..model import Glossary, Term
from ._text import Columns, decode, split_tags

if TYPE_CHECKING:
    from . import ReadOptions

_DELIMITERS = ",;\t|"


def read(data: bytes, file: str, options: ReadOptions) -> Glossary:
    """Rows of a CSV file, its delimiter sniffed."""
    text = decode(data, file, options.encoding)
    return read_rows(_rows(text, file, sniff(text)), file)


def read_tsv(data: bytes, file: str, options: ReadOptions) -> Glossary:
    """Rows of a tab-separated file."""
    text = decode(data, file, options.encoding)
    return read_rows(_rows(text, file, "\t"), file)


def sniff(text: str) -> str:
    """The delimiter that splits the first rows into the most even count of two or more cells.

    csv.Sniffer is thrown off by delimiters quoted inside cells (a comma in a definition of
    a semicolon file), so parse with each candidate and keep the most consistent.
    """
    sample = text[:65536]
    best, best_share = ",", 0.0
    for delimiter in _DELIMITERS:
        if delimiter not in sample:
            continue
        reader = csv.reader(io.StringIO(sample, newline=""), delimiter=delimiter)
        try:
            widths = [len(row) for row, _ in zip(reader, range(100), strict=False) if any(row)]
        except csv.Error:
            continue
        usual = max(set(widths), key=widths.count) if widths else 0
        share = widths.count(usual) / len(widths) if usual >= 2 else 0.0
        if share > best_share:
            best, best_share = delimiter, share
    return best


def _rows(text: str, file: str, delimiter: str) -> Iterator[tuple[int, list[str]]]:
    """Each row with the line it starts on; a broken quote is an error naming its line."""
    reader = csv.reader(_lines(text), delimiter=delimiter, strict=True)
    start = 1
    try:
        for row in reader:
            yield start, row
            start = reader.line_num + 1
    except csv.Error as error:
        raise csv_error(error, file, start) from None


# Characters of text turned into lines at a time (see _lines).
_CHUNK = 1 << 20


def _lines(text: str) -> Iterator[str]:
    """The lines of ``text`` with their endings, as ``open(newline="")`` gives them to csv.

    One io.StringIO over the whole text would hold a second copy of it, at up to four bytes a
    character; a StringIO per chunk of about a megabyte (cut after a line feed, so a CRLF stays
    whole) keeps that copy small, and chain() iterates the lines in C.
    """

    def chunks() -> Iterator[io.StringIO]:
        start = 0
        while start < len(text):
            end = text.find("\n", start + _CHUNK) + 1 or len(text)
            yield io.StringIO(text[start:end], newline="")
            start = end

    return itertools.chain.from_iterable(chunks())


def csv_error(error: csv.Error, file: str, line: int) -> SourceError:
    """A SourceError for what the csv module refused, at the line the record starts on."""
    if "field larger than field limit" in str(error):
        return SourceError(
            f"a cell is longer than {csv.field_size_limit():,} characters; "
            "look for a quote that is never closed, or split the cell",
            file=file,
            line=line,
        )
    return SourceError(
        f"broken quoting ({error}); close the quoted field that starts here",
        file=file,
        line=line,
    )


def read_rows(rows: Iterator[tuple[int, list[str]]], file: str) -> Glossary:
    """Terms from rows of cells; the first non-empty row may be a header."""
    columns: Columns | None = None
    terms: list[Term] = []
    for line, row in rows:
        if not "".join(row).strip():  # no cell holds anything but white space
            continue
        if columns is None:
            columns = Columns.from_header(row)
            if columns is not None:
                continue
            columns = Columns(0, 1, None, None)
        terms.append(row_term(row, columns, file, line))
    return Glossary(tuple(terms), sources=(file,))


def row_term(row: list[str], columns: Columns, file: str, line: int) -> Term:
    """The Term in one row of cells (shared with the spreadsheet reader)."""
    width = len(row)
    term = row[columns.term].strip() if columns.term < width else ""
    if not term:
        raise SourceError(
            "this row has no term; fill it in or delete the row", file=file, line=line
        )
    if columns.definition >= width:
        raise SourceError(
            f"this row has {width} column(s) but the definition is column "
            f"{columns.definition + 1}; a two-column file needs term and definition on each row",
            file=file,
            line=line,
        )
    tags = columns.tags
    created = Term.create(
        term,
        row[columns.definition],
        tags=split_tags(row[tags]) if tags is not None and tags < width else (),
        file=file,
        line=line,
    )
    acronym = columns.acronym
    if acronym is not None and acronym < width and not created.acronym:
        given = row[acronym].strip()
        if given:
            created = dataclasses.replace(created, acronym=given)
    return created
