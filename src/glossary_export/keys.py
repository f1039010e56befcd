"""Normalised keys: when two spellings of a term are the same term.

The key decides both deduplication and each Anki note's identity (its GUID), so changing it
changes every note's GUID: treat it as a stable contract.
"""

from __future__ import annotations

import itertools
import unicodedata
from collections.abc import Sequence

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


# Joins the terms for term_keys: not white space, not folded, a starter that never composes.
_SEPARATOR = "\x00"
# Every ASCII white space character str.split() splits on, except the plain space.
_ASCII_SPACES = "\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f"


def term_keys(terms: Sequence[str]) -> list[str]:
    """``[term_key(term) for term in terms]``, computed on all the terms joined at once.

    Each step of term_key (NFC, folding, case folding, white space, trailing punctuation)
    works character by character or stops at the separator, so applying it to the joined
    text and splitting gives the same keys; the C string methods then run a handful of times
    instead of once per term. Terms holding the separator are keyed one by one.
    """
    joined = _SEPARATOR.join(terms)
    if not terms or joined.count(_SEPARATOR) != len(terms) - 1:
        return [term_key(term) for term in terms]
    if joined.isascii():
        text = joined.lower()  # casefold() on ASCII, and no NFC or folding to do
    else:
        text = unicodedata.normalize("NFC", joined)
        # str.translate looks every character up in a dict: skip it when it would do nothing.
        if any(chr(code) in text for code in _FOLD):
            text = text.translate(_FOLD)
        text = text.casefold()
    if not _spaced_once(text):
        text = " ".join(text.split())
        text = text.replace(" " + _SEPARATOR, _SEPARATOR).replace(_SEPARATOR + " ", _SEPARATOR)
    keys = text.split(_SEPARATOR)
    stripped = list(map(str.rstrip, keys, itertools.repeat(_TRAILING)))
    if stripped == keys:  # rstrip returns the very string when it strips nothing: fast
        return keys
    return [short or key for short, key in zip(stripped, keys, strict=True)]


def _spaced_once(text: str) -> bool:
    """Whether " ".join(term.split()) leaves every joined term of ``text`` as it is."""
    if not text.isascii() or any(ch in text for ch in _ASCII_SPACES):
        return False  # Unicode white space is too varied to rule out: normalise
    # With the separators as spaces, one search finds a double space inside a term and a
    # space at either end of one (an empty term looks the same; it is merely normalised).
    return "  " not in f" {text.replace(_SEPARATOR, ' ')} "
