"""Normalised keys: when two spellings of a term are the same term.

The key decides both deduplication and each Anki note's identity (its GUID), so changing it
changes every note's GUID: treat it as a stable contract.
"""

from __future__ import annotations

import unicodedata

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
