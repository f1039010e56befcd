"""Sources: turn whatever the caller has (paths, pairs, records, a DataFrame) into a Glossary.

Files go through the readers; Python objects are converted here. Several sources are read in
order and concatenated, so dedupe sees one list of rows.
"""

from __future__ import annotations

import dataclasses
import os
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any, Literal, Protocol, TypeAlias

from .errors import NoTermsError, SourceError
from .model import Glossary, Term
from .readers import ReadOptions
from .readers._fields import check_fields
from .readers._text import (
    ACRONYM_NAMES,
    DEFINITION_NAMES,
    TAGS_NAMES,
    TERM_NAMES,
    replace_controls,
    split_tags,
)

PathLike: TypeAlias = "str | os.PathLike[str]"


class DataFrameLike(Protocol):
    """What is read of a pandas DataFrame (pandas itself is never imported here)."""

    def to_dict(self, orient: Literal["records"]) -> Any: ...


Cell: TypeAlias = "str | int | float | None"
"""A cell of an in-memory table: text; a number (written as text: 3, 2.5); None or NaN for an
empty cell."""
Pair: TypeAlias = "tuple[str, Cell] | Sequence[Cell]"
Source: TypeAlias = (
    "PathLike | Glossary | Sequence[PathLike] | Iterable[Pair] | Iterable[Mapping[str, Cell]]"
    " | DataFrameLike"
)
"""A path (or "-" for standard input), a Glossary, a list of (term, definition) pairs, a list of
dicts with term/definition keys, a pandas DataFrame with term/definition columns, or a list of
paths to merge."""


def load(
    source: Source, from_format: str | None = None, options: ReadOptions | None = None
) -> Glossary:
    """Read ``source`` into one Glossary holding every row, duplicates included."""
    if isinstance(source, Glossary):
        check_fields(source)  # made by the caller, not by a reader: checked here instead
        return source
    if isinstance(source, (str, os.PathLike)):
        return read(source, from_format, options)
    if _is_dataframe(source):
        return _from_records(source.to_dict("records"), "<DataFrame>")  # type: ignore[union-attr]
    if isinstance(source, Iterable) and not isinstance(source, (bytes, Mapping)):
        # Checked item by item below: the list is whatever the caller passed, typed or not.
        items: list[Any] = list(source)
        if items and all(isinstance(item, (str, os.PathLike)) for item in items):
            return merge([read(item, from_format, options) for item in items])
        if all(isinstance(item, Mapping) for item in items):
            return _from_records(items, "<records>")
        return _from_pairs(items)
    raise SourceError(
        f"cannot read a glossary from a {type(source).__name__}; pass a path, a list of "
        "(term, definition) pairs, a list of dicts or a DataFrame"
    )


def read(path: PathLike, from_format: str | None, options: ReadOptions | None) -> Glossary:
    """Read one file through the readers (imported here: most callers never need them)."""
    from . import readers

    return readers.read(path, from_format, options)


def merge(glossaries: Sequence[Glossary]) -> Glossary:
    """Concatenate glossaries read from several sources; the first title and description win."""
    return Glossary(
        terms=tuple(term for glossary in glossaries for term in glossary.terms),
        title=next((g.title for g in glossaries if g.title), ""),
        description=next((g.description for g in glossaries if g.description), ""),
        sources=tuple(source for glossary in glossaries for source in glossary.sources),
        notes=tuple(note for glossary in glossaries for note in glossary.notes),
    )


def source_paths(glossary: Glossary) -> list[Path]:
    """The files a glossary was read from (not standard input or in-memory objects)."""
    return [Path(s) for s in glossary.sources if s != "-" and not s.startswith("<")]


def _is_dataframe(source: object) -> bool:
    # Duck-typed so that pandas is never imported unless the caller already did.
    return type(source).__module__.startswith("pandas") and hasattr(source, "to_dict")


def _from_pairs(items: list[Any]) -> Glossary:
    terms = []
    for number, item in enumerate(items, start=1):
        if isinstance(item, (str, bytes)) or not isinstance(item, Sequence) or len(item) != 2:
            raise SourceError(
                f"item {number} is not a (term, definition) pair: {repr(item)[:80]}", file="<list>"
            )
        created = _term(item[0], item[1], "<list>", number, f"item {number}")
        if created is not None:
            terms.append(created)
    return _non_empty(Glossary(tuple(terms), sources=("<list>",)), "<list>")


PROVENANCE = ("file", "line")
"""The columns :meth:`Glossary.to_dataframe` writes for where each term was read. A table with
both is read as having that provenance (a lone "line" column is an extra like any other)."""
SUBDECK = "subdeck"
"""The column of the sub-deck each term belongs in (see :attr:`Term.subdeck`)."""


def _from_records(records: Iterable[Mapping[Any, Any]], name: str) -> Glossary:
    terms = []
    for number, record in enumerate(records, start=1):
        # Column names as written (for the extras), keyed as compared: trimmed, case-folded.
        written = {str(key).strip().casefold(): str(key).strip() for key in record}
        fields = {str(k).strip().casefold(): v for k, v in record.items()}
        # The same column names as a CSV or spreadsheet header (Front/Back, Question/Answer...).
        term_name = next((key for key in TERM_NAMES if key in fields), None)
        definition_name = next((key for key in DEFINITION_NAMES if key in fields), None)
        if term_name is None or definition_name is None:
            raise SourceError(
                f"row {number} has no term and definition; name the columns 'term' and "
                f"'definition' (found: {', '.join(map(str, record)) or 'none'})",
                file=name,
            )
        row = f"row {number}"
        created = _term(fields[term_name], fields[definition_name], name, number, row)
        if created is None:
            continue
        tags_name = next((key for key in TAGS_NAMES if key in fields), None)
        acronym_name = next((key for key in ACRONYM_NAMES if key in fields), None)
        tags = split_tags(_cell(fields.get(tags_name or ""), name, number, row, "tags"))
        acronym = _cell(fields.get(acronym_name or ""), name, number, row, "acronym")
        provenance = all(key in fields for key in PROVENANCE)
        read = {term_name, definition_name, tags_name, acronym_name, SUBDECK}
        read.update(PROVENANCE if provenance else ())
        extras = []
        for key, value in fields.items():
            text = "" if key in read else _cell(value, name, number, row, written[key]).strip()
            if text:
                extras.append((written[key], replace_controls(text, name, number)))
        file, line = _provenance(fields, name, number) if provenance else (name, number)
        created = dataclasses.replace(
            created,
            tags=tags,
            acronym=created.acronym or acronym.strip(),
            extras=tuple(extras),
            subdeck=_cell(fields.get(SUBDECK), name, number, row, SUBDECK).strip(),
            file=file,
            line=line,
        )
        terms.append(created)
    return _non_empty(Glossary(tuple(terms), sources=(name,)), name)


def _provenance(fields: Mapping[str, Any], name: str, number: int) -> tuple[str | None, int | None]:
    """The file and line a row says its term was read from (empty cells: not known)."""
    file = _cell(fields["file"], name, number, f"row {number}", "file").strip() or None
    line = fields["line"]
    if line is None or (isinstance(line, float) and line != line):
        return file, None
    if isinstance(line, bool) or not isinstance(line, (int, float)) or line < 1 or line % 1:
        raise SourceError(
            f"the line of row {number} is {line!r}, not a line number; leave it empty, or "
            "rename the file and line columns if they are not where the terms were read",
            file=name,
            line=number,
        )
    return file, int(line)


def _term(term: object, definition: object, name: str, number: int, row: str) -> Term | None:
    """The Term of one in-memory row, checked as a file's row is: None or NaN is an empty cell,
    a number is written as text, anything else not text is an error naming the row; a row with
    neither term nor definition is skipped (None); a definition without a term is an error;
    stray control characters are replaced with a warning, NUL is an error."""
    term_text = _cell(term, name, number, row, "term").strip()
    definition_text = _cell(definition, name, number, row, "definition")
    if not term_text:
        if not definition_text.strip():
            return None  # an entirely empty row, as in a file
        raise SourceError(
            f"{row} has a definition but no term; fill it in or leave the row out",
            file=name,
            line=number,
        )
    term_text = replace_controls(term_text, name, number)
    definition_text = replace_controls(definition_text, name, number)
    return Term.create(term_text, definition_text, file=name, line=number)


def _cell(value: object, name: str, number: int, row: str, column: str) -> str:
    if value is None or (isinstance(value, float) and value != value):  # NaN: pandas' empty
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise SourceError(
            f"the {column} of {row} is a {type(value).__name__}, not text; convert it to a "
            "string first",
            file=name,
            line=number,
        )
    return str(int(value)) if isinstance(value, float) and value.is_integer() else str(value)


def _non_empty(glossary: Glossary, name: str) -> Glossary:
    """``glossary`` if it has terms that every format can store; an error naming the item if not."""
    check_fields(glossary)
    if not glossary.terms:
        raise NoTermsError(f"no terms found in {name}", file=name)
    return glossary
