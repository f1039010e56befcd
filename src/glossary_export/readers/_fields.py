"""The checks every term passes whichever reader (or Python object) it came from.

A field longer than :data:`MAX_FIELD_CHARACTERS`, or holding half of a UTF-16 surrogate pair,
is refused with the file and line it came from: the first is a runaway cell (an unclosed
quote, a missing line break) and every output would carry it; the second no UTF-8 file can
hold, so every text writer would fail on it and Excel would lose it.
"""

from __future__ import annotations

import itertools
import operator
import re
from collections.abc import Iterator, Sequence

from ..errors import LimitError, SourceError, shown
from ..model import Glossary, Term

MAX_FIELD_CHARACTERS = 131_072
"""The longest term, definition, tag or extra column: the csv module's own cell limit."""
# A lone surrogate: a "\ud800" escape in JSON, or a decoder run with errors="surrogateescape".
_SURROGATE = re.compile("[\ud800-\udfff]")
_CHUNK = 1000
_TERM = operator.attrgetter("term")
_DEFINITION = operator.attrgetter("definition")
_TAGS = operator.attrgetter("tags")
_EXTRAS = operator.attrgetter("extras")


def check_fields(glossary: Glossary) -> None:
    """Raise for the first term that is empty, and the first field that is too long or holds a
    lone surrogate."""
    if not all(map(_TERM, glossary.terms)):  # a reader's slip must not become a blank card
        empty = next(term for term in glossary.terms if not term.term)
        raise SourceError(
            "this entry has no term; fill it in or delete the entry",
            file=empty.file,
            line=empty.line,
        )
    for what, text in (("the title", glossary.title), ("the description", glossary.description)):
        if _SURROGATE.search(text):
            raise SourceError(_surrogate_message(what, text), file=_first_file(glossary))
    terms = glossary.terms
    for start in range(0, len(terms), _CHUNK):
        chunk = terms[start : start + _CHUNK]
        # Each field's length and whether it is ASCII are stored in the string, read in C; only
        # a chunk with non-ASCII text is joined, to look for a surrogate. Python only runs to
        # name the culprit.
        fields = list(_fields(chunk))
        too_long = max(map(len, fields), default=0) > MAX_FIELD_CHARACTERS
        plain = all(map(str.isascii, fields))
        if too_long or (not plain and _has_surrogate("\n".join(fields))):
            _raise_for_first(chunk)


def _fields(chunk: Sequence[Term]) -> Iterator[str]:
    return itertools.chain(map(_TERM, chunk), map(_DEFINITION, chunk), _tags_and_extras(chunk))


def _has_surrogate(text: str) -> bool:
    try:
        text.encode("utf-16-le")  # refuses a lone surrogate, five times faster than a search
    except UnicodeEncodeError:
        return True
    return False


def _tags_and_extras(chunk: Sequence[Term]) -> Iterator[str]:
    """Every tag and extra value of the chunk's terms (most terms have neither)."""
    for term in itertools.compress(chunk, map(_TAGS, chunk)):
        yield from term.tags
    for term in itertools.compress(chunk, map(_EXTRAS, chunk)):
        for _, value in term.extras:
            yield value


def _raise_for_first(chunk: Sequence[Term]) -> None:
    for term in chunk:
        fields = [("term", term.term), ("definition", term.definition)]
        fields += [("tag", tag) for tag in term.tags]
        fields += [(f"{name!r} column", value) for name, value in term.extras]
        for field, text in fields:
            what = (
                f"the term {shown(term.term)}"
                if field == "term"
                else f"the {field} of {shown(term.term)}"
            )
            if len(text) > MAX_FIELD_CHARACTERS:
                raise LimitError(
                    f"{what} is {len(text):,} characters long, more than the "
                    f"{MAX_FIELD_CHARACTERS:,} a field may hold; look for a missing line break "
                    "or an unclosed quote, or shorten it",
                    file=term.file,
                    line=term.line,
                )
            if _SURROGATE.search(text):
                raise SourceError(_surrogate_message(what, text), file=term.file, line=term.line)


def _surrogate_message(what: str, text: str) -> str:
    found = _SURROGATE.search(text)
    code = ord(found.group()) if found else 0
    return (
        f"{what} holds U+{code:04X}, half of a UTF-16 surrogate pair, which no file can store; "
        "fix it where the text comes from (a broken \\u escape or a wrong decoding)"
    )


def _first_file(glossary: Glossary) -> str | None:
    return glossary.sources[0] if glossary.sources else None
