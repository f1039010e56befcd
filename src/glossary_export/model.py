"""The glossary as plain data: terms with their definitions, and where each came from."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field

# "Full Name (ACR)": a trailing parenthesised word with at least two capitals and no spaces,
# so "Low-Rank Adaptation (LoRA)" has an acronym and "Tokenizer (audio)" does not.
_ACRONYM = re.compile(r"^(?P<name>.*\S)\s*\((?P<acronym>[A-Za-z0-9][A-Za-z0-9&./+-]{0,14})\)$")


def split_acronym(term: str) -> tuple[str, str]:
    """Split "Full Name (ACR)" into ("Full Name", "ACR"); ("term", "") when there is none."""
    match = _ACRONYM.match(term.strip())
    if match is None:
        return term.strip(), ""
    acronym = match["acronym"]
    if sum(ch.isupper() for ch in acronym) < 2:
        return term.strip(), ""
    return match["name"], acronym


@dataclass(frozen=True, slots=True)
class Term:
    """One glossary entry: a term, its definition, and the file and line it was read from."""

    term: str
    definition: str
    acronym: str = ""
    tags: tuple[str, ...] = ()
    file: str | None = None
    line: int | None = None

    @classmethod
    def create(
        cls,
        term: str,
        definition: str,
        *,
        tags: tuple[str, ...] = (),
        file: str | None = None,
        line: int | None = None,
    ) -> Term:
        """A Term with surrounding whitespace trimmed and its acronym recognised."""
        term = term.strip()
        return cls(
            term=term,
            definition=definition.strip(),
            acronym=split_acronym(term)[1],
            tags=tuple(tags),
            file=file,
            line=line,
        )

    @property
    def where(self) -> str:
        """ "FILE:LINE" (or as much of it as is known), for messages."""
        return format_location(self.file, self.line)


@dataclass(frozen=True, slots=True)
class Glossary:
    """An ordered list of terms plus what the source said about itself."""

    terms: tuple[Term, ...]
    title: str = ""
    description: str = ""
    sources: tuple[str, ...] = field(default=())

    def __len__(self) -> int:
        return len(self.terms)

    def __iter__(self) -> Iterator[Term]:
        return iter(self.terms)


def format_location(file: str | None, line: int | None = None) -> str:
    """ "FILE:LINE", "FILE", "line N" or "" depending on what is known."""
    if file and line:
        return f"{file}:{line}"
    if file:
        return file
    if line:
        return f"line {line}"
    return ""
