"""Quizlet's "Export > Copy text": term, separator, definition; cards split by another separator.

There is no quoting in this format (as in Quizlet's Import box): each card splits at the first
term separator. The separators are reading options (``input_separator``,
``input_card_separator``), apart from the Quizlet writer's.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..errors import OptionError, SourceError
from ..model import Glossary, Term
from ._accounting import DEFINITION, TERM, LineLog

if TYPE_CHECKING:
    from . import ReadOptions


def read(text: str, file: str, options: ReadOptions) -> Glossary:
    """Every card of a Quizlet text export, in order."""
    term_separator = "\t" if options.input_separator is None else options.input_separator
    card_separator = options.input_card_separator
    if not term_separator or not card_separator or term_separator == card_separator:
        raise OptionError(
            "the input separators (--input-separator between term and definition, "
            "--input-card-separator between cards) must be two different, non-empty strings"
        )
    if card_separator == "\n":
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    terms = []
    log = LineLog(file)
    first_line = 1
    for card in text.split(card_separator):
        line = first_line + _leading_lines(card)
        first_line += card.count("\n") + card_separator.count("\n")
        if not card.strip():
            continue
        log.read_as(line, TERM)
        for offset, part in enumerate(card.strip().split("\n")[1:], start=1):
            if part.strip():
                log.read_as(line + offset, DEFINITION)
        term, found, definition = card.partition(term_separator)
        if not found:
            raise SourceError(
                f"this card has no term separator ({_describe(term_separator)}); check the "
                "input separators (--input-separator, --input-card-separator) or the card",
                file=file,
                line=line,
            )
        terms.append(Term.create(term, definition, file=file, line=line))
    return Glossary(tuple(terms), sources=(file,), lines=log.finish())


def _leading_lines(card: str) -> int:
    """Line breaks before a card's first text (cards separated by ";" may start on a new line)."""
    stripped = card.lstrip()
    return card[: len(card) - len(stripped)].count("\n")


def _describe(separator: str) -> str:
    names = {"\t": "Tab", "\n": "new line", ",": "comma", ";": "semicolon"}
    return names.get(separator, repr(separator))
