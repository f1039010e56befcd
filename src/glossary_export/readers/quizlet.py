"""Quizlet's "Export > Copy text": term, separator, definition; cards split by another separator.

There is no quoting in this format (as in Quizlet's Import box): each card splits at the first
term separator. The separators are reading options (``input_separator``,
``input_card_separator``), apart from the Quizlet writer's. Without them, Tab and new line are
assumed, unless the text is cards joined on a line by another pair ("a|||b;;;c|||d",
"a - b;c - d"): then those separators are read, and said in a note.
"""

from __future__ import annotations

import dataclasses
from typing import TYPE_CHECKING

from ..errors import OptionError, SourceError
from ..model import Glossary, Term
from ._accounting import DEFINITION, TERM, LineLog

if TYPE_CHECKING:
    from . import ReadOptions

# Quizlet's export offers Tab/comma between term and definition and new line/semicolon between
# cards, or any custom string; these are the custom ones people use. Longer runs are tried first
# (";;;" before ";"), so that a card separator is never taken for part of a longer one.
_CARD_SEPARATORS = (";;;", ";;", "|||", "||", ";", "|", ",")
_TERM_SEPARATORS = ("\t", "|||", "||", "|", " - ", " – ", " — ", " = ", ":", "：", ",")


def read(text: str, file: str, options: ReadOptions) -> Glossary:
    """Every card of a Quizlet text export, in order."""
    notes: tuple[str, ...] = ()
    if options.input_separator is None and options.input_card_separator == "\n":
        guessed = guess_separators(text) if not _reads_as_tab_lines(text) else None
        if guessed is not None:
            term_separator, card_separator = guessed
            options = dataclasses.replace(
                options, input_separator=term_separator, input_card_separator=card_separator
            )
            notes = (
                f"{file}: read the cards split at {_describe(card_separator)} and each term and "
                f"definition at {_describe(term_separator)}; {_flags(options)} choose others",
            )
    return dataclasses.replace(_read(text, file, options), notes=notes)


def _read(text: str, file: str, options: ReadOptions) -> Glossary:
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
                f"input separators ({_flags(options)}) or the card",
                file=file,
                line=line,
            )
        terms.append(Term.create(term, definition, file=file, line=line))
    # Cards that share a line are no line's reading: --explain lists them one by one instead.
    lines = log.finish() if "\n" in card_separator else ()
    return Glossary(tuple(terms), sources=(file,), lines=lines)


def guess_separators(text: str) -> tuple[str, str] | None:
    """(term separator, card separator) when ``text`` is several cards joined on a line by
    separators other than Tab and new line: the pieces between card separators are each on
    one line, and most split at one term separator. None otherwise."""
    text = text.strip()
    lines = sum(1 for line in text.splitlines() if line.strip())
    for card_separator in _CARD_SEPARATORS:
        if card_separator not in text:
            continue
        cards = [card.strip() for card in text.split(card_separator) if card.strip()]
        if len(cards) < 2 or len(cards) <= lines or any("\n" in card for card in cards):
            # One card a line at most, or pieces across lines: a list or a table.
            continue
        for term_separator in _TERM_SEPARATORS:
            if card_separator in term_separator:
                continue  # no piece holds it
            split = sum(_splits(card, term_separator) for card in cards)
            if split >= 2 and split >= 0.5 * len(cards):
                return term_separator, card_separator
    return None


def _splits(card: str, separator: str) -> bool:
    from .term_list import split_entry

    entry = split_entry(card, separator)
    return entry is not None and bool(entry[1])


def _reads_as_tab_lines(text: str) -> bool:
    """Every line a term, a Tab and a definition without another Tab: Quizlet's default."""
    lines = [line for line in text.splitlines() if line.strip()]
    return bool(lines) and all(line.count("\t") == 1 for line in lines)


def _leading_lines(card: str) -> int:
    """Line breaks before a card's first text (cards separated by ";" may start on a new line)."""
    stripped = card.lstrip()
    return card[: len(card) - len(stripped)].count("\n")


def _flags(options: ReadOptions) -> str:
    term = "\t" if options.input_separator is None else options.input_separator
    return (
        f"--input-separator {_quoted(term)}, "
        f"--input-card-separator {_quoted(options.input_card_separator)}"
    )


def _quoted(separator: str) -> str:
    return {"\t": "$'\\t'", "\n": "$'\\n'"}.get(separator, repr(separator))


def _describe(separator: str) -> str:
    names = {"\t": "Tab", "\n": "new line", ",": "comma", ";": "semicolon"}
    return names.get(separator, repr(separator))
