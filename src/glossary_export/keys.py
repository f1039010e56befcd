"""Normalised keys: when two spellings of a term are the same term.

The key decides both deduplication and each Anki note's identity (its GUID), so changing it
changes every note's GUID: treat it as a stable contract.
"""

from __future__ import annotations

import itertools
import operator
import unicodedata
from collections.abc import Iterator, Sequence

# Typographic quotes and dashes that people type interchangeably with the straight ones.
_FOLD = str.maketrans(
    {
        "\u2018": "'",
        "\u2019": "'",
        "\u201a": "'",
        "\u201b": "'",
        "\u2032": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u201e": '"',
        "\u201f": '"',
        "\u2033": '"',
        "\u00ab": '"',
        "\u00bb": '"',
        "\u2010": "-",
        "\u2011": "-",
        "\u2012": "-",
        "\u2013": "-",
        "\u2014": "-",
        "\u2015": "-",
        "\u2212": "-",
        "\ufe58": "-",
        "\ufe63": "-",
        "\uff0d": "-",
    }
)


# What term_key strips from the end. After normalise() the only white space left is single spaces.
_TRAILING = " .,;:!?\u3002\uff0c\uff1b\uff1a"


def normalise(text: str) -> str:
    """Text as compared: NFC, case-folded, one space between words, plain quotes and dashes."""
    # str.split() without arguments splits on exactly the characters ``\s`` matches (Unicode
    # white space), so the join collapses and trims in one pass.
    if text.isascii():
        # Several times faster, same result: ASCII is already NFC, holds none of the folded
        # quotes and dashes, and casefold() is lower() on it.
        return " ".join(text.lower().split())
    text = unicodedata.normalize("NFC", text).translate(_FOLD).casefold()
    return " ".join(text.split())


def term_key(term: str) -> str:
    """The identity of a term: normalised, without trailing punctuation ("LoRA." is "lora")."""
    # normalise()'s ASCII path inlined: dedupe calls this once per row.
    normalised = " ".join(term.lower().split()) if term.isascii() else normalise(term)
    return normalised.rstrip(_TRAILING) or normalised


def bracket_part_keys(
    terms: Sequence[str], keys: Sequence[str]
) -> tuple[list[int], list[str], list[str]]:
    """For each term, of key ``keys[i]``: where its last "(" is (-1: there is none), and the
    term_key of the text before it and of the text inside it, up to the term's last character;
    "" where that is not known (the part's key is empty or all trailing punctuation).

    For an ASCII term ending in ")", both are made from its key alone, in C: on ASCII the key
    of such a term is the term lowercased with its white space made single spaces (nothing
    trailing to strip), so the key's last "(" is the term's; before it is the first part made
    the same, with at most one space more at its end, and inside it the second, with at most
    one more at either end. Stripping those and the trailing punctuation is the part's key,
    unless it leaves nothing. Other terms' parts go through term_key.
    """
    opening = list(map(str.rfind, keys, itertools.repeat("(")))
    before: Iterator[str] = map(operator.getitem, keys, map(slice, itertools.repeat(0), opening))
    after = map(operator.add, opening, itertools.repeat(1))
    inside: Iterator[str] = map(operator.getitem, keys, map(slice, after, itertools.repeat(-1)))
    names = list(map(str.rstrip, before, itertools.repeat(_TRAILING)))
    acronyms = list(map(str.rstrip, map(str.lstrip, inside), itertools.repeat(_TRAILING)))
    ending = map(str.endswith, terms, itertools.repeat(")"))
    plain = map(operator.and_, ending, map(str.isascii, terms))
    for index in itertools.compress(itertools.count(), map(operator.not_, plain)):
        term = terms[index]
        cut = opening[index] = term.rfind("(")
        names[index], acronyms[index] = term_key(term[:cut]), term_key(term[cut + 1 : -1])
    return opening, names, acronyms
