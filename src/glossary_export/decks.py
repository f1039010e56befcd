"""Deck names and tags as the user gives them, checked once for every format.

Anki's rules (no empty level and no quote in a deck name; no space in a tag) hold for every
output: the CSV and Excel tags column is read back by splitting on spaces, and the deck names
the workbook and the study page. This module imports nothing heavy, so that the export checks
its options before reading anything, whatever the outputs.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable
from typing import TYPE_CHECKING

from .errors import OptionError

if TYPE_CHECKING:
    from .model import Term


def check_deck(name: str) -> str:
    """The deck name with each ``::`` level trimmed; OptionError when Anki would mangle it."""
    levels = [level.strip() for level in name.split("::")]
    if not "".join(levels):
        raise OptionError("the deck name is empty; give one with --deck")
    if "" in levels:
        raise OptionError(
            f'the deck name "{name}" has an empty level; separate levels with one "::", '
            'as in "Parent::Child"'
        )
    if any(
        '"' in level or any(unicodedata.category(ch) == "Cc" for ch in level) for level in levels
    ):
        raise OptionError(
            f"the deck name {name!r} contains a double quote or a control character, "
            "which Anki removes; leave them out"
        )
    return "::".join(levels)


def check_tags(tags: Iterable[str], term: Term | None = None) -> tuple[str, ...]:
    """Tags without duplicates (Anki ignores case); OptionError for a tag with whitespace."""
    kept: dict[str, str] = {}
    for tag in tags:
        tag = tag.strip()
        if any(ch.isspace() for ch in tag):
            raise OptionError(
                f'the tag "{tag}" contains a space, which Anki reads as two tags; '
                'use "-" or "_" instead',
                file=term.file if term else None,
                line=term.line if term else None,
            )
        if tag:
            kept.setdefault(tag.casefold(), tag)
    return tuple(kept.values())


def check_option_tags(tags: Iterable[str]) -> tuple[str, ...]:
    """The tags given with ``--tag`` (``tags=``), checked; an empty one is refused: it tags
    nothing, so it is a mistake (an unset shell variable), not a wish."""
    listed = tuple(tags)
    if any(not tag.strip() for tag in listed):
        raise OptionError('a tag is empty; give --tag a name such as "vocab", or leave it out')
    return check_tags(listed)
