"""The glossary as plain data: terms with their definitions, and where each came from."""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import pandas as pd

# "Full Name (ACR)": a trailing parenthesised word of letters, digits, "-" and "&" (no spaces,
# "/" or "."), so "Low-Rank Adaptation (LoRA)" may have an acronym and "sē (Akk./Abl.)",
# "Leman Russ (坦克)" or "Smelt（矿物）" hold a qualifier, not one.
_ACRONYM = re.compile(r"^(?P<name>.*\S)\s*\((?P<acronym>[A-Za-z0-9][A-Za-z0-9&-]{0,14})\)$")
_WORD_BREAK = re.compile(r"[\s\-‐–/]+")
# "ACR (Full Name)": a short all-capitals word, then its expansion in brackets ("RAM (Random
# Access Memory)", "UNESCO (United Nations Educational, Scientific and Cultural Organization)").
_EXPANDED = re.compile(r"^(?P<acronym>[A-Z][A-Z0-9&]{1,9})\s*\((?P<name>[^()]{3,150})\)$")
_SMALL_WORDS = frozenset("a an and for in of on the to".split())
"""Words an acronym often skips ("Organisation for Economic Co-operation and Development")."""


def split_acronym(term: str) -> tuple[str, str]:
    """Split "Full Name (ACR)", or "ACR (Full Name)", into ("Full Name", "ACR"); ("term", "")
    when there is none.

    The parenthesised word is an acronym when it looks like one: at least two capitals
    ("LoRA", "MoE"), or the initials of the name ("Retrieval-Augmented Generation (rag)");
    "Tokenizer (audio)" and "Attention (model)" keep their qualifier.
    """
    term = term.strip()
    if not term.endswith(")"):  # most terms: skip the regular expression
        return term, ""
    match = _ACRONYM.match(term)
    if match is None:
        return _expanded_acronym(term)
    name, acronym = match.groups()
    if sum(map(str.isupper, acronym)) >= 2 or _initials(name) == acronym.casefold():
        return name, acronym
    return term, ""


def _initials(name: str) -> str:
    return "".join(word[0] for word in _WORD_BREAK.split(name) if word).casefold()


def _expanded_acronym(term: str) -> tuple[str, str]:
    """("Full Name", "ACR") of "ACR (Full Name)" when the acronym is the initials of the
    name's words (small words such as "and" may be skipped); (term, "") otherwise, so that
    "WHO (2019)" or "HTTP (protocol)" keep their qualifier."""
    match = _EXPANDED.match(term)
    if match is None:
        return term, ""
    acronym, name = match["acronym"], match["name"].strip()
    words = [word.strip(",.;:'\"") for word in _WORD_BREAK.split(name)]
    words = [word for word in words if word]
    every = "".join(word[0] for word in words).casefold()
    skipping = "".join(word[0] for word in words if word.casefold() not in _SMALL_WORDS)
    if acronym.casefold() in (every, skipping.casefold()):
        return name, acronym
    return term, ""


@dataclass(frozen=True, slots=True)
class Term:
    """One glossary entry: a term, its definition, and the file and line it was read from."""

    term: str
    definition: str
    acronym: str = ""
    tags: tuple[str, ...] = ()
    file: str | None = None
    line: int | None = None
    extras: tuple[tuple[str, str], ...] = ()
    """The source's other named columns for this row (part of speech, example, notes...), as
    (column name, value) pairs in the source's column order, empty values left out."""
    subdeck: str = ""
    """The sub-deck the term belongs in under the export's deck ("Week1" for a workbook's sheet
    of that name: its Anki cards go to "Deck::Week1"); empty for the deck itself."""

    @classmethod
    def create(
        cls,
        term: str,
        definition: str,
        *,
        tags: tuple[str, ...] = (),
        file: str | None = None,
        line: int | None = None,
        extras: tuple[tuple[str, str], ...] = (),
        subdeck: str = "",
    ) -> Term:
        """A Term with surrounding whitespace trimmed and its acronym recognised."""
        term = term.strip()
        acronym = split_acronym(term)[1] if term.endswith(")") else ""
        return cls(term, definition.strip(), acronym, tuple(tags), file, line, extras, subdeck)

    @property
    def where(self) -> str:
        """ "FILE:LINE" (or as much of it as is known), for messages."""
        return format_location(self.file, self.line)


# A frozen dataclass's generated __init__ sets each field through object.__setattr__ by name;
# terms_from_columns instead sets one field of every new Term at a time through the slot's own
# descriptor, by one map() in C: at 100k terms about 0.1 s less than a Term() call per row.
_SLOT_SETTERS = tuple(Term.__dict__[name].__set__ for name in Term.__dataclass_fields__)


def recognised_acronyms(names: Sequence[str]) -> list[str]:
    """The acronym :meth:`Term.create` recognises in each trimmed term ("" where there is none)."""
    acronyms = [""] * len(names)
    # Only a term ending in ")" can have one: find those in C and look at them alone.
    ending = map(str.endswith, names, itertools.repeat(")"))
    for index in itertools.compress(range(len(names)), ending):
        acronyms[index] = split_acronym(names[index])[1]
    return acronyms


def terms_from_columns(
    names: Sequence[str],
    definitions: Iterable[str],
    acronyms: Iterable[str],
    tags: Iterable[tuple[str, ...]],
    file: str | None,
    lines: Iterable[int],
    extras: Iterable[tuple[tuple[str, str], ...]] | None = None,
) -> list[Term]:
    """What :meth:`Term.create` makes of each row, for whole columns at once (a reader's bulk
    path): ``names`` already trimmed, with their :func:`recognised_acronyms`; definitions are
    trimmed here. Every column has one item per name."""
    terms: list[Term] = list(map(object.__new__, itertools.repeat(Term, len(names))))
    values: tuple[Iterable[Any], ...] = (
        names,
        map(str.strip, definitions),
        acronyms,
        tags,
        itertools.repeat(file),
        lines,
        itertools.repeat(()) if extras is None else extras,
        itertools.repeat(""),  # subdeck
    )
    for setter, column in zip(_SLOT_SETTERS, values, strict=True):
        if len(list(map(setter, terms, column))) != len(terms):  # list() of None, to count
            raise ValueError("every column must have one value per name")
    return terms


@dataclass(frozen=True, slots=True)
class LineReading:
    """How a text reader read one non-blank line of its source."""

    line: int
    role: str
    """ "term", "definition", a structural kind ("title", "description", "counter", "table
    header", "heading", "front matter", "status line"...), or a finding's kind."""
    finding: bool = False
    """The line was not read into the deck, and the reader did not expect such a line there."""

    def __str__(self) -> str:
        return f"{self.role} (not read)" if self.finding else self.role


@dataclass(frozen=True, slots=True)
class Glossary:
    """An ordered list of terms plus what the source said about itself."""

    terms: tuple[Term, ...]
    title: str = ""
    description: str = ""
    sources: tuple[str, ...] = field(default=())
    notes: tuple[str, ...] = field(default=())
    """What the readers want the user to know about how they read the sources ("FILE: read the
    term from column 1 ('English Term')..."), for the export summary and ``check``."""
    lines: tuple[LineReading, ...] = ()
    """For a text source: how each non-blank line was read, in line order (empty otherwise)."""

    def __len__(self) -> int:
        return len(self.terms)

    def __iter__(self) -> Iterator[Term]:
        return iter(self.terms)

    def to_dataframe(self) -> pd.DataFrame:
        """The terms as a pandas DataFrame, one row per term, in order.

        Columns: ``term``, ``definition``, ``acronym``, ``tags`` (space-separated), each extra
        column under its own name (empty where a term has none), ``subdeck`` when any term has
        one, then ``file`` and ``line``, where each term was read. Passed back as a source
        (``export_deck(frame, ...)``), the frame reads as this glossary again: ``file`` and
        ``line`` (and ``subdeck``) are read as where each term came from, not as extras.
        Needs pandas: ``pip install 'glossary-export[pandas]'``.
        """
        try:
            import pandas as pd
        except ImportError:
            from .errors import MissingDependencyError

            raise MissingDependencyError(
                "Glossary.to_dataframe() needs pandas; install it with "
                "pip install 'glossary-export[pandas]'"
            ) from None
        terms = self.terms
        columns: dict[str, Any] = {
            "term": [term.term for term in terms],
            "definition": [term.definition for term in terms],
            "acronym": [term.acronym for term in terms],
            "tags": [" ".join(term.tags) for term in terms],
        }
        extra_names = dict.fromkeys(name for term in terms for name, _ in term.extras)
        provenance = ("subdeck", "file", "line")
        for name in extra_names:
            if name.strip().casefold() in (*columns, *provenance):
                from .errors import SourceError

                raise SourceError(
                    f"the extra column {name!r} has the name of a column to_dataframe() writes "
                    "itself; rename it in the source"
                )
        extras = [dict(term.extras) for term in terms]
        for name in extra_names:
            columns[name] = [row.get(name) for row in extras]
        if any(term.subdeck for term in terms):
            columns["subdeck"] = [term.subdeck for term in terms]
        columns["file"] = [term.file for term in terms]
        columns["line"] = pd.array([term.line for term in terms], dtype="Int64")
        return pd.DataFrame(columns)


def format_location(file: str | None, line: int | None = None) -> str:
    """ "FILE:LINE", "FILE", "line N" or "" depending on what is known."""
    if file and line:
        return f"{file}:{line}"
    if file:
        return file
    if line:
        return f"line {line}"
    return ""
