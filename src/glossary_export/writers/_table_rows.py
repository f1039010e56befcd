"""Rows shared by the spreadsheet-shaped writers (CSV and Excel): one row per term."""

from __future__ import annotations

import operator
from collections.abc import Iterator, Sequence
from typing import TypeVar

from ..model import Term

COLUMNS = ("Term", "Definition", "Acronym", "Tags")
"""The header row. Term and Definition come first so that any importer's defaults pick them."""

Row = tuple[str, ...]
"""Term, definition, acronym, tags, then the value of each extra column."""
_Item = TypeVar("_Item")


def tags_text(term: Term, extra_tags: tuple[str, ...]) -> str:
    """The term's own tags, then the export's tags it lacks, separated by spaces (Anki's way)."""
    if not extra_tags:
        return " ".join(term.tags)
    tags = list(term.tags)
    tags.extend(tag for tag in extra_tags if tag not in term.tags)
    return " ".join(tags)


def extra_columns(terms: Sequence[Term]) -> tuple[str, ...]:
    """The names of the terms' extra columns (part of speech, notes...), first seen first; a
    name that is already one of :data:`COLUMNS` is written as "NAME (source)"."""
    if not any(map(operator.attrgetter("extras"), terms)):  # the usual answer, found in C
        return ()
    names = dict.fromkeys(name for term in terms for name, _ in term.extras)
    taken = {column.casefold() for column in COLUMNS}
    return tuple(f"{name} (source)" if name.casefold() in taken else name for name in names)


def rows(
    terms: Sequence[Term], extra_tags: tuple[str, ...], extras: tuple[str, ...] = ()
) -> Iterator[Row]:
    """Each term as (term, definition, acronym, tags, *extra values), in glossary order;
    ``extras`` are the :func:`extra_columns` names."""
    if extras:
        sources = [name.removesuffix(" (source)") for name in extras]
        for term in terms:
            values = dict(term.extras)
            yield (
                term.term,
                term.definition,
                term.acronym,
                tags_text(term, extra_tags),
                *(values.get(name, "") for name in sources),
            )
        return
    if not extra_tags:
        # The common case, kept free of per-term function calls: it runs once per row.
        for term in terms:
            yield term.term, term.definition, term.acronym, " ".join(term.tags)
        return
    for term in terms:
        yield term.term, term.definition, term.acronym, tags_text(term, extra_tags)


def chunks(items: Sequence[_Item], size: int = 4096) -> Iterator[Sequence[_Item]]:
    """Consecutive slices of ``items``: whole-chunk checks run in C instead of per field."""
    for start in range(0, len(items), size):
        yield items[start : start + size]
