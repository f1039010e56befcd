"""Sources: turn whatever the caller has (paths, pairs, records, a DataFrame) into a Glossary.

Files go through the readers; Python objects are converted here. Several sources are read in
order and concatenated, so dedupe sees one list of rows.
"""

from __future__ import annotations

import dataclasses
import os
import re
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any, TypeAlias

from .errors import NoTermsError, SourceError
from .model import Glossary, Term
from .readers import ReadOptions
from .readers._text import ACRONYM_NAMES, DEFINITION_NAMES, TAGS_NAMES, TERM_NAMES, split_tags

PathLike: TypeAlias = "str | os.PathLike[str]"
Source: TypeAlias = Any
"""A path (or "-" for standard input), a Glossary, a list of (term, definition) pairs, a list of
dicts with term/definition keys, a pandas DataFrame with term/definition columns, or a list of
paths to merge."""

# Half of a UTF-16 pair on its own (from a bad decode upstream): no UTF-8 file can hold it.
_SURROGATE = re.compile("[\ud800-\udfff]")


def load(source: Source, format: str | None = None, options: ReadOptions | None = None) -> Glossary:
    """Read ``source`` into one Glossary holding every row, duplicates included."""
    if isinstance(source, Glossary):
        return source
    if isinstance(source, (str, os.PathLike)):
        return read(source, format, options)
    if _is_dataframe(source):
        return _from_records(source.to_dict("records"), "<DataFrame>")
    if isinstance(source, Iterable) and not isinstance(source, (bytes, Mapping)):
        items = list(source)
        if items and all(isinstance(item, (str, os.PathLike)) for item in items):
            return merge([read(item, format, options) for item in items])
        if all(isinstance(item, Mapping) for item in items):
            return _from_records(items, "<records>")
        return _from_pairs(items)
    raise SourceError(
        f"cannot read a glossary from a {type(source).__name__}; pass a path, a list of "
        "(term, definition) pairs, a list of dicts or a DataFrame"
    )


def read(path: PathLike, format: str | None, options: ReadOptions | None) -> Glossary:
    """Read one file through the readers (imported here: most callers never need them)."""
    from . import readers

    return readers.read(path, format, options)


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
        term, definition = item
        terms.append(Term.create(str(term), str(definition), file="<list>", line=number))
    return _non_empty(Glossary(tuple(terms), sources=("<list>",)), "<list>")


def _from_records(records: Iterable[Mapping[Any, Any]], name: str) -> Glossary:
    terms = []
    for number, record in enumerate(records, start=1):
        fields = {str(k).strip().casefold(): v for k, v in record.items()}
        # The same column names as a CSV or spreadsheet header (Front/Back, Question/Answer...).
        term = _first_present(fields, TERM_NAMES)
        definition = _first_present(fields, DEFINITION_NAMES)
        if term is None or definition is None:
            raise SourceError(
                f"row {number} has no term and definition; name the columns 'term' and "
                f"'definition' (found: {', '.join(map(str, record)) or 'none'})",
                file=name,
            )
        tags = split_tags(_first_present(fields, TAGS_NAMES) or "")
        created = Term.create(term, definition, tags=tags, file=name, line=number)
        acronym = (_first_present(fields, ACRONYM_NAMES) or "").strip()
        if acronym and not created.acronym:
            created = dataclasses.replace(created, acronym=acronym)
        terms.append(created)
    return _non_empty(Glossary(tuple(terms), sources=(name,)), name)


def _first_present(fields: Mapping[str, Any], names: Sequence[str]) -> str | None:
    """The value of the first of ``names`` that is a column; "" for an empty cell."""
    for name in names:
        if name in fields:
            value = fields[name]
            empty = value is None or value != value  # NaN != NaN: pandas' empty cell
            return "" if empty else str(value)
    return None


def _non_empty(glossary: Glossary, name: str) -> Glossary:
    """``glossary`` if it has terms that every format can store; an error naming the item if not."""
    for term in glossary.terms:
        for text in (term.term, term.definition, *term.tags):
            found = _SURROGATE.search(text)
            if found:
                raise SourceError(
                    f"holds U+{ord(found.group()):04X}, half of a UTF-16 pair that no file can "
                    "store; decode the text with errors='replace' or fix it at its origin",
                    file=name,
                    line=term.line,
                )
    if not glossary.terms:
        raise NoTermsError(f"no terms found in {name}", file=name)
    return glossary
