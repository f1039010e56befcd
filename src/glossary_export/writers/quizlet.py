"""Quizlet paste text: term, separator, definition; cards joined by another separator.

Quizlet's Import box has no quoting or escaping: it splits the pasted text into cards on the
card separator, then each card into term and definition on the term separator. So every
separator must be absent from the content. With Quizlet's defaults (Tab, New line) we fold tabs
and line breaks inside a field to a space; custom separators keep the content as it is and must
not occur in it.
"""

from __future__ import annotations

import operator
import re
from collections.abc import Sequence
from pathlib import Path

from ..errors import OptionError, counted
from ..model import Glossary, Term
from . import WriteOptions, WriteResult
from ._table_rows import chunks, extra_columns

TAB = "\t"
NEW_LINE = "\n"
_TERM = operator.attrgetter("term")
_DEFINITION = operator.attrgetter("definition")
# Everything Python's str.splitlines() breaks on, so a field never shows up as two lines.
_LINE_BREAKS = "\r\n\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"
# Dialog names for the separators Quizlet offers as buttons.
_TERM_CHOICES = {TAB: "Tab", ",": "Comma"}
_CARD_CHOICES = {NEW_LINE: "New line", ";": "Semicolon"}


def write(glossary: Glossary, path: Path, options: WriteOptions) -> WriteResult:
    """Write one card per term; no separator after the last card (it would be an empty card)."""
    term_separator, card_separator = options.term_separator, options.card_separator
    _check_separators(term_separator, card_separator)
    folding = _folding_pattern(term_separator, card_separator)
    folded = 0
    with open(path, "w", encoding="utf-8", newline="") as out:
        for index, chunk in enumerate(chunks(glossary.terms)):
            text = _fast_text(chunk, term_separator, card_separator)
            if text is None:
                text, chunk_folded = _careful_text(chunk, term_separator, card_separator, folding)
                folded += chunk_folded
            if index:
                out.write(card_separator)
            out.write(text)
    result = WriteResult(terms_written=len(glossary))
    if folded:
        result.adjustments["fields folded"] = folded
        result.notes.append(_folding_note(folded, term_separator, card_separator))
    result.notes.append(import_dialog_note(term_separator, card_separator))
    extras = extra_columns(glossary.terms)
    if extras:
        names = ", ".join(repr(name) for name in extras)
        result.notes.append(
            f"Quizlet text has no place for the other columns ({names}); they are left out "
            "here, and kept by the .apkg, .csv and .xlsx outputs."
        )
    return result


def import_dialog_note(term_separator: str, card_separator: str) -> str:
    """The sentence telling the user what to pick in Quizlet's Import dialog for this file."""
    return (
        "In Quizlet's Import dialog choose "
        f"{_choice('Between term and definition', _TERM_CHOICES, term_separator)} and "
        f"{_choice('Between cards', _CARD_CHOICES, card_separator)}."
    )


def _choice(setting: str, named: dict[str, str], separator: str) -> str:
    """'"Between cards: New line"', or '"Between cards: Custom", typing "|||"': each quoted on
    its own, so that the sentence never holds quotes inside quotes."""
    if separator in named:
        return f'"{setting}: {named[separator]}"'
    return f'"{setting}: Custom", typing {_shown(separator)}'


def _check_separators(term_separator: str, card_separator: str) -> None:
    if not term_separator or not card_separator:
        raise OptionError("Quizlet separators cannot be empty; give at least one character each")
    if term_separator in card_separator or card_separator in term_separator:
        raise OptionError(
            f"the term separator {_shown(term_separator)} and the card separator "
            f"{_shown(card_separator)} overlap, so Quizlet could not tell them apart; "
            "choose two different separators"
        )


def _folding_pattern(term_separator: str, card_separator: str) -> re.Pattern[str] | None:
    """What to fold to a space: tabs under the Tab default, line breaks under New line."""
    characters = (TAB if term_separator == TAB else "") + (
        _LINE_BREAKS if card_separator == NEW_LINE else ""
    )
    if not characters:
        return None
    # A run of breaks with the spaces around it becomes one space: "a \n  b" reads "a b".
    return re.compile(f" *[{re.escape(characters)}]+ *")


def _fast_text(chunk: Sequence[Term], term_separator: str, card_separator: str) -> str | None:
    """The chunk's text if no field needs folding or checking; None sends it the careful way.

    With one-character separators, a field is safe unless it holds a separator or, under the
    New line default, another line break: a few searches in C over all the fields joined.
    """
    if len(term_separator) != 1 or len(card_separator) != 1:
        return None
    names = list(map(_TERM, chunk))
    definitions = list(map(_DEFINITION, chunk))
    fields = "".join(names) + "".join(definitions)
    unsafe = term_separator + card_separator + (_LINE_BREAKS if card_separator == NEW_LINE else "")
    if any(character in fields for character in unsafe):
        return None
    return card_separator.join(map(term_separator.join, zip(names, definitions, strict=True)))


def _careful_text(
    chunk: Sequence[Term],
    term_separator: str,
    card_separator: str,
    folding: re.Pattern[str] | None,
) -> tuple[str, int]:
    """The chunk's text field by field: fold what the defaults require, reject the rest."""
    cards = []
    folded = 0
    for term in chunk:
        fields = [term.term, term.definition]
        if folding is not None:
            for i, field in enumerate(fields):
                fields[i], changes = folding.subn(" ", field)
                folded += changes > 0
        name, definition = fields
        _check_card(term, name, definition, term_separator, card_separator)
        cards.append(f"{name}{term_separator}{definition}")
    return card_separator.join(cards), folded


def _check_card(
    term: Term, name: str, definition: str, term_separator: str, card_separator: str
) -> None:
    """Fail unless the card splits back into exactly this term and this definition.

    Besides a separator inside a field, a field that *ends* with the start of a multi-character
    separator would shift the split ("x|" + "||" reads as "x" + "||" + "|"), so look at the
    first occurrence in the field followed by its separator.
    """
    card = f"{name}{term_separator}{definition}"
    if (card + card_separator).find(card_separator) != len(card):
        field = "term" if card_separator in name + term_separator[:1] else "definition"
        problem = f"the card separator {_shown(card_separator)} (--card-separator)"
    elif (name + term_separator).find(term_separator) != len(name):
        field, problem = "term", f"the term separator {_shown(term_separator)} (--term-separator)"
    elif term_separator in definition:
        field = "definition"
        problem = f"the term separator {_shown(term_separator)} (--term-separator)"
    else:
        return
    whose = "" if field == "term" else f" of the term {_short(term.term)}"
    subject = f"the term {_short(term.term)}" if field == "term" else f"the definition{whose}"
    raise OptionError(
        f"{subject} contains {problem} of the Quizlet output, so Quizlet would split its card "
        "in the wrong place; choose output separators that occur in no term or definition",
        file=term.file,
        line=term.line,
    )


def _folding_note(folded: int, term_separator: str, card_separator: str) -> str:
    what = " and ".join(
        kind
        for kind, applies in (
            ("tabs", term_separator == TAB),
            ("line breaks", card_separator == NEW_LINE),
        )
        if applies
    )
    return (
        f"{counted(folded, 'field')} held {what}, folded to a space so that every card imports "
        "whole; to keep line breaks in definitions, use a custom card separator that occurs in no "
        "definition (for example |||) and choose it as Custom in Quizlet's Import dialog."
    )


def _shown(separator: str) -> str:
    """A separator as the user would type it: tabs and line breaks written as \\t and \\n."""
    return '"' + separator.replace("\t", "\\t").replace("\r", "\\r").replace("\n", "\\n") + '"'


def _short(text: str, limit: int = 60) -> str:
    return repr(text if len(text) <= limit else text[: limit - 1] + "…")
